//! One submission for the reviewer: an offer's proposed version field by field beside the live
//! one (changed rows marked), a product proposal's facts, flagged claims highlighted, and the
//! approve / reject-with-reason decision.

use super::highlight::Highlighted;
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::{use_i18n, Locale, OfferTexts};
use crate::live::clock::format_date_time;
use crate::pages::offers::product_name;
use crate::pages::tenders::format::money;
use crate::rules::catalog::offer::format_date;
use crate::types::catalog::{
    ModerationDetail, ModerationKind, ModerationSubject, OfferContent, Product, ReviewStatus,
};
use crate::types::money::format_amount;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn ItemDetail(kind: ModerationKind, id: Uuid, on_decided: Callback<()>) -> impl IntoView {
    let detail = LocalResource::new(move || crate::api::moderation::get_item(kind, id));
    view! {
        <Suspense fallback=|| view! { <SkeletonRows rows=6 /> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <Detail detail on_decided /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error on_retry=move |_| detail.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Detail(detail: ModerationDetail, on_decided: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let item = detail.item.clone();
    let flagged = item.flagged_terms.clone();
    let status = detail.status;
    let body = match detail.subject {
        ModerationSubject::Offer {
            product,
            proposed,
            live,
        } => {
            let terms = flagged.clone();
            let unit = product.unit.clone();
            view! {
                <p>
                    <strong>{move || product_name(&product.name_en, &product.name_zh, i18n.locale()).to_owned()}</strong>
                    <span class="secondary-name mono">{product.sku.clone()}</span>
                </p>
                {live.is_none().then(|| view! { <p class="notice">{move || t().new_listing}</p> })}
                <OfferComparison proposed=*proposed live=live.map(|l| *l) unit terms />
            }
            .into_any()
        }
        ModerationSubject::Product {
            product,
            category_name_en,
            category_name_zh,
        } => {
            let category = (category_name_en, category_name_zh);
            view! { <ProductFacts product category terms=flagged.clone() /> }.into_any()
        }
    };
    view! {
        <article class="panel moderation-item-detail">
            <header>
                <h2>
                    <span class="chip">{move || (t().kind_name)(item.kind)}</span>
                    " " {item.title.clone()}
                </h2>
                <p class="muted">
                    {move || t().supplier} ": " {item.supplier_name.clone().unwrap_or_else(|| "—".into())}
                    " · " {move || t().submitted} ": " {format_date_time(item.submitted_at)}
                    " · " {move || (t().review_status)(status)}
                </p>
                {(!flagged.is_empty()).then(|| view! {
                    <p class="moderation-flags">
                        <span>{move || t().flagged} ": "</span>
                        {flagged.iter().map(|term| view! { <mark class="flagged">{term.clone()}</mark> }).collect_view()}
                    </p>
                })}
                {detail.review_reason.map(|reason| view! { <p class="offer-reason">{move || (t().rejected_because)(&reason)}</p> })}
            </header>
            {body}
            {(status == ReviewStatus::Pending).then(|| view! { <Decision kind=item.kind id=item.id on_decided /> })}
        </article>
    }
}

/// One compared field: its label, the live value (if any), the proposed value.
struct Row {
    label: fn(&OfferTexts) -> &'static str,
    live: Option<String>,
    proposed: String,
}

/// The offer's fields as text in the reader's language.
fn offer_values(content: &OfferContent, unit: &str, locale: Locale) -> Vec<String> {
    let t = locale.texts().offers;
    let amount = |value| money(value, content.currency.code(), locale);
    let tiers = content
        .tiers
        .iter()
        .map(|tier| {
            format!(
                "≥ {} {unit}: {}",
                format_amount(tier.min_quantity, 0),
                amount(tier.unit_price)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let sample = match (content.sample_available, content.sample_price) {
        (false, _) => t.no.to_owned(),
        (true, None) => t.yes.to_owned(),
        (true, Some(price)) => format!("{} · {}", t.yes, amount(price)),
    };
    vec![
        content.reference.clone(),
        tiers,
        format!("{} {unit}", format_amount(content.moq, 0)),
        content.currency.to_string(),
        content.incoterm.to_string(),
        content.origin_country.clone(),
        content.lead_time_days.to_string(),
        content.payment_days.to_string(),
        content
            .stock
            .map(|stock| format!("{} {unit}", format_amount(stock, 0)))
            .unwrap_or_else(|| "—".into()),
        format_date(content.valid_from),
        format_date(content.valid_until),
        sample,
    ]
}

const OFFER_LABELS: [fn(&OfferTexts) -> &'static str; 12] = [
    |t| t.reference,
    |t| t.tiers,
    |t| t.moq,
    |t| t.currency,
    |t| t.incoterm,
    |t| t.origin_country,
    |t| t.lead_time_days,
    |t| t.payment_days,
    |t| t.stock,
    |t| t.valid_from,
    |t| t.valid_until,
    |t| t.sample_available,
];

#[component]
fn OfferComparison(
    proposed: OfferContent,
    live: Option<OfferContent>,
    unit: String,
    terms: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let description_changed = live
        .as_ref()
        .is_some_and(|l| l.description != proposed.description);
    let old_description = live.as_ref().map(|l| l.description.clone());
    let new_description = proposed.description.clone();
    let rows = move || {
        let locale = i18n.locale();
        let new = offer_values(&proposed, &unit, locale);
        let old = live.as_ref().map(|l| offer_values(l, &unit, locale));
        OFFER_LABELS
            .iter()
            .enumerate()
            .map(|(i, label)| Row {
                label: *label,
                live: old.as_ref().map(|o| o[i].clone()),
                proposed: new[i].clone(),
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="table-wrap">
            <table class="data-table moderation-compare">
                <thead><tr>
                    <th scope="col">{move || t().field}</th>
                    <th scope="col">{move || t().live_version}</th>
                    <th scope="col">{move || t().proposed_version}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|row| {
                        let changed = row.live.as_ref().is_some_and(|l| *l != row.proposed);
                        view! {
                            <tr class:changed=changed>
                                <th scope="row">{(row.label)(t())}
                                    {changed.then(|| view! { <span class="visually-hidden">" (" {t().changed} ")"</span> })}</th>
                                <td>{row.live.unwrap_or_else(|| "—".into())}</td>
                                <td>{row.proposed}</td>
                            </tr>
                        }
                    }).collect_view()}
                    <tr class:changed=description_changed>
                        <th scope="row">{move || t().description}</th>
                        <td class="moderation-text">{old_description.clone().map(|d| view! { <Highlighted text=d terms=terms.clone() /> })}</td>
                        <td class="moderation-text"><Highlighted text=new_description terms=terms.clone() /></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ProductFacts(product: Product, category: (String, String), terms: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let text = |value: &str| view! { <Highlighted text=value.to_owned() terms=terms.clone() /> };
    let attributes = product
        .attributes
        .iter()
        .map(|(key, value)| {
            let value = value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string());
            format!("{key}: {value}")
        })
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <dl class="moderation-facts">
            <dt>{move || t().product_sku}</dt><dd class="mono">{product.sku.clone()}</dd>
            <dt>{move || t().name_en}</dt><dd>{text(&product.name_en)}</dd>
            <dt>{move || t().name_zh}</dt><dd lang="zh-CN">{text(&product.name_zh)}</dd>
            <dt>{move || t().category}</dt>
            <dd>{move || product_name(&category.0, &category.1, i18n.locale()).to_owned()}</dd>
            <dt>{move || t().unit}</dt><dd>{product.unit.clone()}</dd>
            <dt>{move || t().attributes}</dt><dd>{attributes}</dd>
            <dt>{move || t().description_en}</dt><dd class="moderation-text">{text(&product.description_en)}</dd>
            <dt>{move || t().description_zh}</dt><dd class="moderation-text" lang="zh-CN">{text(&product.description_zh)}</dd>
        </dl>
    }
}

/// Approve, or reject with a reason (required; the supplier reads it).
#[component]
fn Decision(kind: ModerationKind, id: Uuid, on_decided: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let toasts = use_toasts();
    let form = FormState::new();
    let reason = RwSignal::new(String::new());
    let decide = Action::new_local(move |reject: &Option<String>| {
        let reject = reject.clone();
        async move {
            match reject {
                None => crate::api::moderation::approve(kind, id).await,
                Some(reason) => crate::api::moderation::reject(kind, id, reason).await,
            }
        }
    });
    Effect::new(move |_| match decide.value().get() {
        Some(Ok(done)) => {
            let text = if done.status == ReviewStatus::Approved {
                t().approved_toast
            } else {
                t().rejected_toast
            };
            toasts.success(text);
            on_decided.run(());
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let errors = form.errors_signal();
    let reason_error = move || {
        errors
            .read()
            .get("reason")
            .iter()
            .map(|issue| (i18n.t().issue)(issue))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let on_reject = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        decide.dispatch_local(Some(reason.get_untracked()));
    };
    view! {
        <div class="moderation-decision">
            <FormAlert state=form />
            <button type="button" class="button" disabled=move || decide.pending().get()
                on:click=move |_| { form.clear(); decide.dispatch_local(None); }>{move || t().approve}</button>
            <form class="moderation-reject" on:submit=on_reject novalidate>
                <div class="field" class:field-invalid=move || !reason_error().is_empty()>
                    <label for="moderation-reason">{move || t().reject_reason}</label>
                    <textarea id="moderation-reason" name="reason" rows="3" maxlength="1000" bind:value=reason
                        aria-invalid=move || (!reason_error().is_empty()).to_string()
                        aria-describedby="moderation-reason-error"></textarea>
                    <p class="field-error" id="moderation-reason-error">{reason_error}</p>
                </div>
                <button type="submit" class="button danger" disabled=move || decide.pending().get()>{move || t().reject}</button>
            </form>
        </div>
    }
}
