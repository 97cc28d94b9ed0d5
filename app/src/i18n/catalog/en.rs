//! English strings of catalog search and the comparison matrix.

use super::CatalogTexts;
use crate::rules::catalog::landed::ColumnIssue;
use crate::rules::pricing::{CannotServe, ComponentKind, Criterion, LandedCostError};
use crate::types::catalog::Region;

pub static TEXTS: CatalogTexts = CatalogTexts {
    nav: "Catalog",
    search_title: "Find products",
    search_label: "Search the catalog",
    search_placeholder: "rebar, 钢筋, stainless bolt M12, 不锈钢螺栓…",
    search_button: "Search",
    results_count: |n| match n {
        1 => "1 product".into(),
        n => format!("{n} products"),
    },
    no_results: "No approved offer matches. Remove a filter or try other words.",
    filters: "Filters",
    clear_filters: "Clear all filters",
    category: "Category",
    all_categories: "All categories",
    incoterm: "Incoterm",
    origin: "Origin",
    max_lead_time: "Lead time at most (days)",
    any: "Any",
    supplier_band: "Supplier band",
    min: "Min",
    max: "Max",
    apply: "Apply",
    offers_count: |n| match n {
        1 => "1 offer".into(),
        n => format!("{n} offers"),
    },
    from_price: "from",
    lead_from: |days| format!("ships in {days}+ days"),
    add_to_compare: "Compare",
    compare_selected: |n| format!("Compare {n} selected"),
    page_of: |page, pages| format!("Page {page} of {pages}"),
    previous: "Previous",
    next: "Next",
    compare_title: "Compare offers",
    compare_intro: "Every offer priced to your door: tier price at your quantity, converted, plus freight, duty and the cost of the payment term.",
    quantity: "Quantity",
    destination: "Destination",
    currency: "Currency",
    annual_rate: "Cost of money (% a year)",
    region_name,
    weights: "What matters to you",
    weights_hint: "Drag to weigh each criterion; the ranking follows instantly.",
    criterion_name,
    weights_all_zero: "Give at least one criterion some weight.",
    supplier: "Supplier",
    product: "Product",
    unit_price: "Tier price",
    moq: "MOQ",
    stock: "Stock",
    made_to_order: "made to order",
    lead_time: "Lead time",
    days: |n| match n {
        1 => "1 day".into(),
        n => format!("{n} days"),
    },
    payment: "Payment term",
    payment_days: |n| match n {
        0 => "on delivery".into(),
        n => format!("{n} days before delivery"),
    },
    component_name,
    landed_unit: "Landed unit cost",
    landed_total: "Landed total",
    certifications: "Certifications",
    none: "none",
    sample: "Sample",
    sample_free: "free sample",
    no_sample: "no sample",
    score: "Score",
    rank: "Rank",
    best: "best",
    column_issue,
    pin: "Pin",
    unpin: "Unpin",
    hide: "Hide",
    show_hidden: |n| format!("Show {n} hidden"),
    sort_by: "Sort by",
    sort_score: "weighted score",
    sort_landed: "landed unit cost",
    sort_lead_time: "lead time",
    export_csv: "Export CSV",
    copy_link: "Copy share link",
    link_copied: "Link copied: it opens this same comparison.",
    chart_title: "Landed unit cost, by part",
    no_offers: "These products have no approved offer valid today.",
    rates_on: |date| format!("FX rates in force on {date}"),
    explain_hint: "Hover or tap a cost to see how it was computed.",
    watch_price: "Watch the price",
};

fn region_name(region: Region) -> &'static str {
    match region {
        Region::EastAsia => "East Asia",
        Region::SoutheastAsia => "Southeast Asia",
        Region::SouthAsia => "South Asia",
        Region::MiddleEast => "Middle East",
        Region::Europe => "Europe",
        Region::NorthAmerica => "North America",
        Region::LatinAmerica => "Latin America",
        Region::Africa => "Africa",
        Region::Oceania => "Oceania",
    }
}

fn criterion_name(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::LandedCost => "Landed cost",
        Criterion::LeadTime => "Lead time",
        Criterion::SupplierScore => "Supplier score",
        Criterion::Certifications => "Certifications",
    }
}

fn component_name(kind: ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Goods => "Goods",
        ComponentKind::Freight => "Freight",
        ComponentKind::Duty => "Duty",
        ComponentKind::Financing => "Payment term cost",
    }
}

fn column_issue(issue: &ColumnIssue) -> String {
    match issue {
        ColumnIssue::CannotServe { reason } => match reason {
            CannotServe::QuantityNotPositive => "Enter a quantity above zero".into(),
            CannotServe::BelowMoq { moq } => {
                format!("Below the minimum order of {}", moq.normalize())
            }
            CannotServe::AboveStock { stock } => format!("Only {} in stock", stock.normalize()),
            CannotServe::NoTier => "No price for this quantity".into(),
        },
        ColumnIssue::Expired => "The offer has expired".into(),
        ColumnIssue::NotPriced { error } => match error {
            LandedCostError::MissingFreight { incoterm } => {
                format!("No freight rate for {incoterm} to this destination")
            }
            LandedCostError::Fx(_) => "No exchange rate for this currency".into(),
            _ => "Cannot be priced".into(),
        },
    }
}
