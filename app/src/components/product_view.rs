//! A product as buyers read it: names in both languages, its category, unit, attributes with
//! their units and the description. Pages put their own actions (offers, compare) in `children`.

use crate::i18n::{use_i18n, Locale};
use crate::types::catalog::manage::ProductDetail;
use crate::types::catalog::{AttributeDef, AttributeKind, ReviewStatus};
use leptos::prelude::*;

/// The text of the current language, or the other one when it is empty.
pub fn localized(locale: Locale, en: &str, zh: &str) -> String {
    let (first, second) = match locale {
        Locale::ZhCn => (zh, en),
        Locale::En => (en, zh),
    };
    if first.trim().is_empty() {
        second.to_owned()
    } else {
        first.to_owned()
    }
}

/// The chip of a review status (pending, approved, rejected).
#[component]
pub fn ReviewChip(status: ReviewStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("chip cat-status-{}", status.as_str())>
            {move || (i18n.t().catalog_admin.status_name)(status)}
        </span>
    }
}

/// One attribute's value as shown: `12 mm`, `HRB400`, `Yes`; `None` when the product has none.
pub fn attribute_value(
    attribute: &AttributeDef,
    value: Option<&serde_json::Value>,
    yes: &str,
    no: &str,
) -> Option<String> {
    match (&attribute.kind, value?) {
        (AttributeKind::Number { unit }, serde_json::Value::String(number)) if unit.is_empty() => {
            Some(number.clone())
        }
        (AttributeKind::Number { unit }, serde_json::Value::String(number)) => {
            Some(format!("{number} {unit}"))
        }
        (_, serde_json::Value::Bool(flag)) => Some(if *flag { yes } else { no }.to_owned()),
        (_, serde_json::Value::String(text)) => Some(text.clone()),
        (_, other) => Some(other.to_string()),
    }
}

/// The product's page body; `children` come after the facts (the lead's offers and compare).
#[component]
pub fn ProductView(
    detail: ProductDetail,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let ProductDetail {
        product,
        category,
        flagged_terms,
    } = detail;
    let status = product.status;
    let reason = product.review_reason.clone();
    let (name_en, name_zh) = (product.name_en.clone(), product.name_zh.clone());
    let title = {
        let (en, zh) = (name_en.clone(), name_zh.clone());
        move || localized(i18n.locale(), &en, &zh)
    };
    // The other language's name below the title, so both are always visible.
    let other_name = move || match i18n.locale() {
        Locale::ZhCn => name_en.clone(),
        Locale::En => name_zh.clone(),
    };
    let category_name = {
        let (en, zh) = (category.name_en.clone(), category.name_zh.clone());
        move || localized(i18n.locale(), &en, &zh)
    };
    let (description_en, description_zh) = (product.description_en, product.description_zh);
    let description = move || localized(i18n.locale(), &description_en, &description_zh);
    let attributes = product.attributes;
    let rows = category
        .attributes
        .into_iter()
        .filter(|attribute| attributes.contains_key(&attribute.key))
        .map(|attribute| {
            let value = attributes.get(&attribute.key).cloned();
            let numeric = matches!(attribute.kind, AttributeKind::Number { .. });
            view! {
                <div class="cat-attr">
                    <dt>{let a = attribute.clone(); move || localized(i18n.locale(), &a.name_en, &a.name_zh)}</dt>
                    <dd class=numeric.then_some("num")>
                        {move || attribute_value(&attribute, value.as_ref(), t().yes, t().no)}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <article class="cat-product" aria-labelledby="cat-product-title">
            <header class="cat-product-head">
                <h1 id="cat-product-title">{title}</h1>
                <p class="secondary-name large" lang=move || match i18n.locale() { Locale::ZhCn => "en", Locale::En => "zh-CN" }>
                    {other_name}
                </p>
                {(status != ReviewStatus::Approved).then(|| view! { <ReviewChip status /> })}
            </header>
            {match status {
                ReviewStatus::Pending => Some(view! { <p class="notice" role="status">{move || t().pending_notice}</p> }.into_any()),
                ReviewStatus::Rejected => Some(view! {
                    <p class="notice cat-rejected" role="status">{move || (t().rejected_notice)(reason.as_deref())}</p>
                }.into_any()),
                _ => None,
            }}
            {(!flagged_terms.is_empty()).then(|| view! {
                <p class="cat-flagged"><strong>{move || t().flagged_terms}": "</strong>{flagged_terms.join(", ")}</p>
            })}
            <dl class="facts">
                <dt>{move || t().sku}</dt><dd><code>{product.sku}</code></dd>
                <dt>{move || t().category}</dt><dd>{category_name}</dd>
                <dt>{move || t().product_unit}</dt><dd>{product.unit}</dd>
            </dl>
            <section aria-labelledby="cat-product-attributes">
                <h2 id="cat-product-attributes">{move || t().attributes}</h2>
                <dl class="cat-attrs">{rows}</dl>
            </section>
            <section aria-labelledby="cat-product-description">
                <h2 id="cat-product-description">{move || t().description}</h2>
                {move || {
                    let text = description();
                    if text.trim().is_empty() {
                        view! { <p class="muted">{t().no_description}</p> }.into_any()
                    } else {
                        view! { <p class="description">{text}</p> }.into_any()
                    }
                }}
            </section>
            {children.map(|children| children())}
        </article>
    }
}
