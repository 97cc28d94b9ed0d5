//! Simplified Chinese strings of the scorecard, dashboard, public profile and staff tools.

use super::ScorecardTexts;
use crate::rules::qualification::band::Band;
use crate::rules::qualification::documents::NoticeThreshold;
use crate::rules::qualification::scorecard::Criterion;
use crate::rules::qualification::status::NotEligible;
use crate::types::audit::AuditResult;
use crate::types::scorecard::{NotificationKind, Tier};

pub static TEXTS: ScorecardTexts = ScorecardTexts {
    dashboard_title: "供应商工作台",
    qualification: "资质审核",
    open_application: "查看申请",
    can_trade: "您可以报价和竞价。",
    not_eligible: |reason| match reason {
        NotEligible::NotYetReviewed => "申请审核通过前，您不能报价或竞价。",
        NotEligible::UnderReview => "申请审核期间，您不能报价或竞价。",
        NotEligible::Rejected => "您的申请被拒绝，不能报价或竞价。",
        NotEligible::Suspended => "暂停期间，您不能报价或竞价。",
        NotEligible::BlockedBand => "您的评分处于禁止等级，不能报价或竞价。",
    },
    expiring_title: "即将过期的证件",
    no_expiring: "30 天内没有必需证件过期。",
    days_left: |days| match days {
        d if d < 0 => format!("已过期 {} 天", -d),
        0 => "今天是最后有效日".into(),
        d => format!("剩余 {d} 天"),
    },
    score_title: "评分卡",
    score: "评分",
    stars: "星级",
    band: "等级",
    band_name: |band| match band {
        Band::Blocked => "禁止",
        Band::Warned => "警告",
        Band::Standard => "标准",
        Band::Preferred => "优选",
    },
    tier: "会员等级",
    tier_name: |tier| match tier {
        Tier::Regular => "普通",
        Tier::Vip => "VIP",
        Tier::Strategic => "战略供应商",
    },
    criterion_name: |criterion| match criterion {
        Criterion::OnTimeDelivery => "准时交付",
        Criterion::QualityAcceptance => "质检合格",
        Criterion::RfqResponseRate => "询价响应率",
        Criterion::QuoteWinRate => "报价中标率",
        Criterion::DisputeRate => "纠纷率",
        Criterion::BuyerRating => "买家评价",
    },
    trend_title: "评分趋势",
    trend_label: |periods| format!("最近 {periods} 个月的评分"),
    no_history: "暂无评分记录：评分每小时保存一次。",
    raise_title: "如何提高评分",
    raise_points: |points| format!("最多 +{points} 分"),
    counts_neutral: "暂无数据，按中性值 (50) 计",
    nothing_to_raise: "各项指标均已达到最佳。",
    how_computed: "评分如何计算",
    fact: "数据",
    normalised: "0–100",
    weight: "权重",
    contribution: "得分",
    no_data: "暂无数据",
    notifications: "通知",
    no_notifications: "暂无通知。",
    mark_read: "全部标为已读",
    notification_text: |n| {
        let kind = n
            .document_kind
            .map(|k| (crate::i18n::qualification::ZH.kind_name)(k))
            .unwrap_or("证件");
        let on = n.expires_on.map(|d| d.to_string()).unwrap_or_default();
        match n.kind {
            NotificationKind::DocumentExpiring => match n.threshold {
                Some(NoticeThreshold::SevenDays) => {
                    format!("您的{kind}将于 {on} 过期（7 天内），请尽快上传新证件。")
                }
                _ => format!("您的{kind}将于 {on} 过期（30 天内），请上传新证件。"),
            },
            NotificationKind::SuspendedDocumentExpired => {
                format!("已暂停：您的{kind}已于 {on} 过期。上传有效的新证件后将重新审核。")
            }
            NotificationKind::ReReviewStarted => "谢谢：您的替换证件正在审核中。".into(),
        }
    },
    slot_tenders: "进行中和即将开始的招标",
    slot_offers: "商品报价",
    slot_samples: "样品申请",
    slot_rfqs: "待回复的询价",
    slot_orders: "待履约订单",
    slot_empty: "暂无内容。",
    tenders_none: "暂无您受邀参加的进行中或即将开始的招标。",
    tender_rank: |rank| match rank {
        Some(rank) => format!("您排名第 {rank}"),
        None => "尚未出价".into(),
    },
    open_board: "打开竞价看板",
    tender_opens: "开始",
    tender_ends: "结束",
    profile_lead: "该供应商经核实的资料和实际表现。",
    verified_badges: "已核实证件",
    no_badges: "暂无已核实的证件。",
    verified_by: |date, name| format!("{date} 由 {name} 核实"),
    valid_until: |date| format!("有效期至 {date}"),
    performance: "表现（最近 12 个月）",
    on_time_rate: "准时交付率",
    fulfilment_rate: "履约率",
    response_rate: "询价响应率",
    buyer_rating: "买家评价",
    ratings: |average, count| format!("{average} / 5，共 {count} 条评价"),
    audits_passed: "验厂通过",
    audits_summary: |passed, total| format!("{total} 次中通过 {passed} 次"),
    view_profile: "供应商主页",
    settings_nav: "评分卡",
    settings_title: "评分卡设置",
    settings_lead: "各项指标的权重及各等级的起始分数。保存后将重新计算所有供应商的评分。",
    weights: "权重",
    thresholds: "等级分界",
    warned_from: "警告起始分",
    standard_from: "标准起始分",
    preferred_from: "优选起始分",
    save_settings: "保存并重新计算",
    settings_saved: "已保存：所有供应商的评分已重新计算。",
    defaults_apply: "当前使用默认设置。",
    grant_tier: "授予等级",
    tier_saved: "会员等级已保存",
    audits_title: "验厂记录",
    no_audits: "暂无验厂记录。",
    record_audit: "记录验厂",
    audited_on: "验厂日期",
    auditor: "审核员",
    result: "结果",
    result_name: |result| match result {
        AuditResult::Pass => "通过",
        AuditResult::Conditional => "有条件通过",
        AuditResult::Fail => "不通过",
    },
    audit_score: "得分 (0–100)",
    notes: "备注",
    samples_title: "样品检测",
    no_samples: "暂无样品检测记录。",
    record_sample: "记录样品检测",
    tested_on: "检测日期",
    product: "产品",
    laboratory: "实验室",
    passed: "合格",
    passed_name: |passed| if passed { "合格" } else { "不合格" },
    recorded: "已记录",
    photo: "验厂照片",
    add_photo: "添加照片（PNG 或 JPEG）",
    upload_photo: "上传照片",
};
