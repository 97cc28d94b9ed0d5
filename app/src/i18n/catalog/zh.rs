//! Simplified Chinese strings of catalog search and the comparison matrix.

use super::CatalogTexts;
use crate::rules::catalog::landed::ColumnIssue;
use crate::rules::pricing::{CannotServe, ComponentKind, Criterion, LandedCostError};
use crate::types::catalog::Region;

pub static TEXTS: CatalogTexts = CatalogTexts {
    nav: "产品目录",
    search_title: "查找产品",
    search_label: "搜索产品目录",
    search_placeholder: "钢筋、不锈钢螺栓、rebar、stainless bolt M12…",
    search_button: "搜索",
    results_count: |n| format!("{n} 个产品"),
    no_results: "没有符合条件的已审核报价。请减少筛选条件或换个关键词。",
    filters: "筛选",
    clear_filters: "清除全部筛选",
    category: "类目",
    all_categories: "全部类目",
    incoterm: "贸易术语",
    origin: "原产地",
    max_lead_time: "交货期不超过（天）",
    any: "不限",
    supplier_band: "供应商等级",
    min: "最小",
    max: "最大",
    apply: "应用",
    offers_count: |n| format!("{n} 个报价"),
    from_price: "起",
    lead_from: |days| format!("{days} 天起发货"),
    add_to_compare: "比较",
    compare_selected: |n| format!("比较已选的 {n} 个"),
    page_of: |page, pages| format!("第 {page} / {pages} 页"),
    previous: "上一页",
    next: "下一页",
    compare_title: "报价比较",
    compare_intro: "每个报价都折算到您的到岸成本：按您的数量取阶梯价，换算币种，再加运费、关税和付款条件的资金成本。",
    quantity: "数量",
    destination: "目的地",
    currency: "币种",
    annual_rate: "资金成本（年利率 %）",
    region_name,
    weights: "您看重什么",
    weights_hint: "拖动滑块调整各项权重，排名即时更新。",
    criterion_name,
    weights_all_zero: "请至少给一项设置权重。",
    supplier: "供应商",
    product: "产品",
    unit_price: "阶梯单价",
    moq: "起订量",
    stock: "库存",
    made_to_order: "按单生产",
    lead_time: "交货期",
    days: |n| format!("{n} 天"),
    payment: "付款条件",
    payment_days: |n| match n {
        0 => "货到付款".into(),
        n => format!("交货前 {n} 天付款"),
    },
    component_name,
    landed_unit: "到岸单价",
    landed_total: "到岸总价",
    certifications: "认证",
    none: "无",
    sample: "样品",
    sample_free: "免费样品",
    no_sample: "不提供样品",
    score: "综合得分",
    rank: "排名",
    best: "最优",
    column_issue,
    pin: "固定",
    unpin: "取消固定",
    hide: "隐藏",
    show_hidden: |n| format!("显示 {n} 个已隐藏"),
    sort_by: "排序",
    sort_score: "综合得分",
    sort_landed: "到岸单价",
    sort_lead_time: "交货期",
    export_csv: "导出 CSV",
    copy_link: "复制分享链接",
    link_copied: "链接已复制，打开即可看到同样的比较。",
    chart_title: "到岸单价构成",
    no_offers: "这些产品今天没有有效的已审核报价。",
    rates_on: |date| format!("汇率按 {date} 生效的牌价"),
    explain_hint: "将鼠标悬停或轻触金额，查看计算过程。",
    watch_price: "价格提醒",
};

fn region_name(region: Region) -> &'static str {
    match region {
        Region::EastAsia => "东亚",
        Region::SoutheastAsia => "东南亚",
        Region::SouthAsia => "南亚",
        Region::MiddleEast => "中东",
        Region::Europe => "欧洲",
        Region::NorthAmerica => "北美",
        Region::LatinAmerica => "拉丁美洲",
        Region::Africa => "非洲",
        Region::Oceania => "大洋洲",
    }
}

fn criterion_name(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::LandedCost => "到岸成本",
        Criterion::LeadTime => "交货期",
        Criterion::SupplierScore => "供应商评分",
        Criterion::Certifications => "认证",
    }
}

fn component_name(kind: ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Goods => "货款",
        ComponentKind::Freight => "运费",
        ComponentKind::Duty => "关税",
        ComponentKind::Financing => "付款条件资金成本",
    }
}

fn column_issue(issue: &ColumnIssue) -> String {
    match issue {
        ColumnIssue::CannotServe { reason } => match reason {
            CannotServe::QuantityNotPositive => "请输入大于零的数量".into(),
            CannotServe::BelowMoq { moq } => format!("低于起订量 {}", moq.normalize()),
            CannotServe::AboveStock { stock } => format!("库存仅 {}", stock.normalize()),
            CannotServe::NoTier => "该数量无报价".into(),
        },
        ColumnIssue::Expired => "报价已过期".into(),
        ColumnIssue::NotPriced { error } => match error {
            LandedCostError::MissingFreight { incoterm } => {
                format!("没有 {incoterm} 到该目的地的运费")
            }
            LandedCostError::Fx(_) => "缺少该币种的汇率".into(),
            _ => "无法计价".into(),
        },
    }
}
