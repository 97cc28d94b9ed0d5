//! 招标页面与竞价看板的简体中文文案。

use super::TenderTexts;
use crate::rules::auction::{
    BidWarning, ExtensionTrigger, NotOpenReason, Phase, Rejection, RuleIssue, SupplierVisibility,
};
use crate::rules::qualification::band::Band;
use crate::types::tender::{FeedKind, TenderStatus};

pub static TEXTS: TenderTexts = TenderTexts {
    nav: "招标",
    phase_name: |phase| match phase {
        Phase::Draft => "草稿",
        Phase::Scheduled => "待开始",
        Phase::Open => "竞价中",
        Phase::Closed => "已结束",
        Phase::Awarded => "已授标",
        Phase::Cancelled => "已取消",
    },
    rejection: |rejection| match rejection {
        Rejection::NotEligible => "您没有资格参与此标段的竞价。".into(),
        Rejection::NotOpen { why } => match why {
            NotOpenReason::Draft => "此标段尚未发布。".into(),
            NotOpenReason::NotStarted { .. } => "竞价尚未开始。".into(),
            NotOpenReason::Ended { .. } => "竞价已结束。".into(),
            NotOpenReason::Closed => "此标段已关闭。".into(),
            NotOpenReason::Cancelled => "此标段已取消。".into(),
        },
        Rejection::NotANumber => "请输入数字，例如 1250.50。".into(),
        Rejection::NotPositive => "出价必须大于零。".into(),
        Rejection::TooManyDecimals { max } => format!("最多保留 {max} 位小数。"),
        Rejection::TooHigh { ceiling } => format!("出价高于最高限价 {ceiling}。"),
        Rejection::DecrementTooSmall { minimum_next_bid } => {
            format!("降价幅度不足：请出价 {minimum_next_bid} 或更低。")
        }
        Rejection::NoLowerBidPossible => "此标段已无法再降价。".into(),
        Rejection::TieNotAllowed => "已有其他供应商出了相同的价格。".into(),
    },
    rule_issue: |issue| match issue {
        RuleIssue::NotPositive { .. } => "必须大于零".into(),
        RuleIssue::TooManyDecimals { max, .. } => format!("最多保留 {max} 位小数"),
        RuleIssue::TooLarge { max, .. } => format!("不能超过 {max}"),
        RuleIssue::DecrementNotBelowCeiling => "降价幅度必须小于最高限价".into(),
        RuleIssue::PercentOutOfRange { min, max, .. } => {
            format!("请输入大于 {min} 且不超过 {max} 的百分比")
        }
        RuleIssue::EndNotAfterStart => "结束时间必须晚于开始时间".into(),
        RuleIssue::DurationOutOfRange { max_secs, .. } => {
            format!("请输入 1 到 {max_secs} 之间的整秒数")
        }
        RuleIssue::NoExtensionsAllowed => "至少允许延时一次，或关闭防狙击".into(),
        RuleIssue::HardStopNotAfterEnd => "硬性截止时间必须晚于计划结束时间".into(),
        RuleIssue::BestPriceHiddenFromSuppliers => {
            "只能看到自己排名的供应商无法以最低价为降价基准：请改用其上一次出价，或向其显示最低价"
                .into()
        }
    },
    list_title: "招标",
    new_tender: "新建招标",
    reference: "编号",
    title: "标题",
    buyer: "采购方",
    opens: "开始",
    ends: "结束",
    lots: "标段",
    none_buyer: "还没有招标。新建一个招标即可发起实时反向竞价。",
    none_supplier: "您尚未受邀参与任何招标。",
    status_name: |status| match status {
        TenderStatus::Draft => "草稿",
        TenderStatus::Scheduled => "待开始",
        TenderStatus::Open => "竞价中",
        TenderStatus::Closed => "已结束",
        TenderStatus::Awarded => "已授标",
        TenderStatus::Cancelled => "已取消",
    },
    description: "说明",
    currency: "币种",
    minimum_band: "最低评分等级",
    band_any: "不限（已认证供应商）",
    band_name: |band| match band {
        Band::Blocked => "禁止",
        Band::Warned => "警示",
        Band::Standard => "标准",
        Band::Preferred => "优选",
    },
    bid_bond: "投标保证金（可选）",
    bid_bond_hint: "每个受邀供应商须缴纳的保证金，以招标币种计。",
    invited_suppliers: "受邀供应商",
    eligible: "可参与",
    not_eligible: "暂不可参与",
    no_supplier_choices: "目前还没有可邀请的供应商。",
    lot_n: |n| format!("标段 {n}"),
    add_lot: "添加标段",
    remove_lot: "删除此标段",
    lot_title: "标段名称",
    specification: "规格说明",
    quantity: "数量",
    unit: "单位",
    ceiling: "最高限价",
    decrement: "最小降价幅度",
    decrement_absolute: "固定金额",
    decrement_percent: "百分比",
    decrement_value: "降幅",
    decrement_base: "降幅基准",
    base_best: "当前最低价",
    base_own: "该供应商自己的上一次出价",
    ties: "相同报价",
    ties_rejected: "不允许",
    ties_earlier: "允许；先出价者排名靠前",
    opens_at: "开始时间（本地时间）",
    closes_at: "结束时间（本地时间）",
    anti_sniping: "防狙击：临近结束时有出价则自动延时",
    trigger: "触发条件",
    trigger_name: |trigger| match trigger {
        ExtensionTrigger::AnyAcceptedBid => "任何被接受的出价",
        ExtensionTrigger::RankOneChange => "第一名易主",
    },
    window_secs: "触发窗口（结束前秒数）",
    extension_secs: "每次延时（秒）",
    cap: "上限",
    cap_max: "最多延时次数",
    cap_hard: "最晚截止时间",
    max_extensions: "最多延时次数",
    hard_stop: "最晚截止（本地时间）",
    visibility: "供应商可见",
    visibility_name: |visibility| match visibility {
        SupplierVisibility::OwnRankOnly => "仅自己的排名",
        SupplierVisibility::RankAndBestPrice => "自己的排名和当前最低价",
        SupplierVisibility::AnonymousLadder => "完整的匿名报价排名",
    },
    blind: "盲拍：结束前我方也看不到供应商名称",
    sealed_pre_bids: "开始前接受密封预报价",
    fat_finger: "误操作提醒：单次降幅超过（%）",
    fat_finger_hint: "出价一次下降超过此比例时，请供应商确认。留空则不提醒。",
    save_draft: "保存草稿",
    draft_saved: "草稿已保存",
    unmatched_errors: "请检查：",
    back_to_list: "← 全部招标",
    publish: "发布",
    publish_hint: "发布后规则将固定，受邀供应商即可看到此招标。",
    published: "已发布：受邀供应商现在可以看到此招标",
    cancel_tender: "取消招标…",
    cancel_reason: "原因（供应商可见）",
    confirm_cancel: "确认取消招标",
    cancelled: "招标已取消",
    lot: "标段",
    phase: "阶段",
    open_board: "打开竞价看板",
    bond_status: "保证金",
    bond_status_name: |status| match status {
        "required" => "需缴纳".into(),
        "not_required" => "无需缴纳".into(),
        "lodged" => "已缴纳".into(),
        "waived" => "已豁免".into(),
        "returned" => "已退还".into(),
        other => other.to_owned(),
    },
    no_invited: "未邀请供应商。",
    connection_live: "实时",
    connection_connecting: "连接中…",
    connection_reconnecting: "正在重新连接… 价格可能不是最新",
    not_live: "非实时",
    time_left: "剩余时间",
    opens_in: "距开始",
    ended: "已结束",
    extended_notice: |end, secs| format!("已延时至 {end} —— 有出价在结束前 {secs} 秒提交"),
    extensions_used: |n| format!("已延时 {n} 次"),
    two_minutes_left: "还剩两分钟",
    thirty_seconds_left: "还剩三十秒",
    your_rank: "您的排名",
    you_are: |rank| format!("您排第 {rank} 名"),
    no_bid_yet: "您尚未出价",
    your_bid: "您的出价",
    best_price: "当前最低价",
    hidden_by_rules: "按规则不公开",
    min_next_bid: "下次出价不高于",
    bid_amount: "您的出价",
    place_bid: "出价",
    place_sealed_bid: "提交密封报价",
    placing: "提交中…",
    bid_accepted: |amount| format!("出价 {amount} 已被接受"),
    warning: |warning, money| {
        match warning {
        BidWarning::LargeDrop {
            reference,
            drop_percent,
            threshold_percent,
        } => format!(
            "此出价比 {} 低 {drop_percent}%（超过采购方设定的 {threshold_percent}%）。确定要出价吗？",
            money(*reference)
        ),
    }
    },
    confirm_bid: "确定出价",
    change_amount: "修改金额",
    retrying: "网络异常，正在重试同一笔出价…",
    outbid: "您的报价已被超越",
    outbid_detail: |rank| format!("您现在排第 {rank} 名。"),
    dismiss: "知道了",
    ladder: "报价排名",
    rank: "排名",
    amount: "金额",
    time: "时间",
    bidder: "投标方",
    bidder_no: |n| format!("投标方 {n}"),
    you: "您",
    sealed_bids: |n| format!("{n} 份密封报价待开标"),
    no_bids: "暂无出价。",
    chart_title: "价格走势",
    chart_summary: |first, last, n| format!("价格从 {first} 变为 {last}，共 {n} 个点"),
    chart_empty: "第一笔出价后开始绘制走势图。",
    feed_title: "动态",
    feed_empty: "暂无动态。",
    feed_text: |kind, money, at| match kind {
        FeedKind::Scheduled => "标段已发布".into(),
        FeedKind::Opened {
            revealed_sealed_bids: 0,
        } => "竞价开始".into(),
        FeedKind::Opened {
            revealed_sealed_bids,
        } => {
            format!("竞价开始；揭晓 {revealed_sealed_bids} 份密封报价")
        }
        FeedKind::BidPlaced {
            amount,
            yours: true,
            ..
        } => match amount {
            Some(amount) => format!("您出价 {}", money(*amount)),
            None => "您已出价".into(),
        },
        FeedKind::BidPlaced {
            amount, bidder_no, ..
        } => {
            let who = bidder_no.map_or("一位供应商".to_owned(), |n| format!("投标方 {n} "));
            match amount {
                Some(amount) => format!("{who}出价 {}", money(*amount)),
                None => format!("{who}提交了出价"),
            }
        }
        FeedKind::SealedBidPlaced {
            amount: Some(amount),
            yours: true,
        } => {
            format!("您的密封报价 {}", money(*amount))
        }
        FeedKind::SealedBidPlaced { .. } => "收到一份密封报价".into(),
        FeedKind::YourRank { from: None, to } => format!("您进入排名，第 {to} 名"),
        FeedKind::YourRank {
            from: Some(from),
            to,
        } if to > from => {
            format!("您从第 {from} 名降至第 {to} 名")
        }
        FeedKind::YourRank {
            from: Some(from),
            to,
        } => format!("您从第 {from} 名升至第 {to} 名"),
        FeedKind::Extended {
            new_end,
            extensions_used,
            remaining_secs,
        } => format!(
            "已延时至 {}（第 {extensions_used} 次；有出价在结束前 {remaining_secs} 秒提交）",
            at(*new_end)
        ),
        FeedKind::Closed => "竞价结束".into(),
        FeedKind::Awarded { yours: Some(true) } => "已授标给您".into(),
        FeedKind::Awarded { yours: Some(false) } => "已授标给其他供应商".into(),
        FeedKind::Awarded { yours: None } => "标段已授标".into(),
        FeedKind::Cancelled { reason } => format!("已取消：{reason}"),
    },
    award_title: "授标",
    award_rank_one: |who| format!("授标给第 1 名：{who}"),
    award_other: "授标给其他投标方…",
    award_reason: "原因（不授予第 1 名时必填）",
    award_confirm: "授标给此投标方",
    awarded_toast: "已授标，并已为中标方生成订单草稿。",
    awarded_to: |who, rank| format!("已授标给 {who}（第 {rank} 名）"),
    outcome_won: "您已中标",
    outcome_lost: "此标段已授予其他供应商",
    outcome_closed: "竞价已结束，等待采购方授标。",
    outcome_cancelled: "此标段已取消。",
    export_audit: "导出审计日志",
    chain_verified: |n| format!("哈希链校验通过 ✓（{n} 条）"),
    chain_broken: "哈希链校验未通过 ✗ —— 请保留此文件并联系支持",
    rules_summary: "规则",
    step_summary: |step| format!("每次至少降低 {step}"),
};
