//! 招标页面与竞价看板的简体中文文案。

use super::TenderTexts;
use crate::rules::auction::{NotOpenReason, Phase, Rejection, RuleIssue};

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
};
