//! `/offers/new` and `/offers/:id`: the offer form. It runs `parse_offer` (the server's own check)
//! as the supplier types; saving sends the offer to review and returns to the list.

use super::fields::{OfferErrors, OfferFields, OfferInputField, OfferSelect};
use super::picker::ProductPicker;
use super::tiers::TierRows;
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::rules::catalog::offer::{format_date, to_input};
use crate::rules::pricing::Incoterm;
use crate::session::use_session;
use crate::types::catalog::compare::ProductHead;
use crate::types::catalog::{OfferInput, OfferState, Region, SupplierOffer};
use crate::types::money::Currency;
use crate::AppError;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use uuid::Uuid;

#[component]
pub fn NewOfferPage() -> impl IntoView {
    let org_id = use_session()
        .user
        .get_untracked()
        .and_then(|u| u.organisation.map(|o| o.organisation_id));
    let blank = OfferInput {
        valid_from: format_date(super::today()),
        ..OfferInput::default()
    };
    match org_id {
        Some(organisation_id) => {
            view! { <OfferForm organisation_id offer=None input=blank /> }.into_any()
        }
        None => view! { <ErrorPanel error=AppError::NotFound /> }.into_any(),
    }
}

#[component]
pub fn EditOfferPage() -> impl IntoView {
    let params = use_params_map();
    let offer = LocalResource::new(move || {
        let id = params
            .read()
            .get("id")
            .and_then(|id| id.parse::<Uuid>().ok());
        async move {
            match id {
                Some(id) => crate::api::offers::get_offer(id).await,
                None => Err(AppError::NotFound),
            }
        }
    });
    view! {
        <Suspense fallback=|| view! { <SkeletonRows rows=6 /> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(offer) => {
                        let input = to_input(&offer.latest);
                        view! { <OfferForm organisation_id=offer.supplier_id offer=Some(offer) input /> }.into_any()
                    }
                    Err(error) => view! { <ErrorPanel error on_retry=move |_| offer.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OfferForm(
    organisation_id: Uuid,
    offer: Option<SupplierOffer>,
    input: OfferInput,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let toasts = use_toasts();
    let navigate = use_navigate();
    let fields = OfferFields::new(&input);
    let errors = OfferErrors::provide(fields);
    let form = FormState::new();
    let offer_id = offer.as_ref().map(|o| o.offer_id);
    let save = Action::new_local(move |input: &OfferInput| {
        crate::api::offers::save_offer(organisation_id, offer_id, input.clone())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => {
            toasts.success(t().saved_for_review);
            navigate("/offers", Default::default());
        }
        Some(Err(AppError::Validation { fields })) => {
            errors.server.set(fields);
            form.clear();
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        errors.submitted.set(true);
        if !errors.locally_valid() {
            // After the fields have drawn their errors.
            request_animation_frame(focus_first_invalid);
            return;
        }
        save.dispatch_local(fields.input());
    };
    let heading = offer
        .as_ref()
        .map(|o| o.latest.reference.clone())
        .map(|reference| view! { <h1>{move || (t().edit_title)(&reference)}</h1> }.into_any())
        .unwrap_or_else(|| view! { <h1>{move || t().new_offer}</h1> }.into_any());
    let known = offer.as_ref().map(|o| ProductHead {
        product_id: o.product_id,
        sku: o.latest.product_sku.clone(),
        name_en: o.product_name_en.clone(),
        name_zh: o.product_name_zh.clone(),
        unit: o.product_unit.clone(),
    });
    // A 403 means the supplier may not trade yet: say so rather than "not allowed".
    let not_eligible = move || matches!(save.value().get(), Some(Err(AppError::Forbidden)));
    view! {
        <section class="page offer-form">
            <p><A href="/offers">{move || t().back_to_list}</A></p>
            {heading}
            {offer.map(|offer| view! { <Notices offer /> })}
            <form on:submit=on_submit novalidate>
                {move || not_eligible().then(|| view! { <p class="form-alert" role="alert">{move || t().not_eligible}</p> })}
                {move || (!not_eligible()).then(|| view! { <FormAlert state=form /> })}
                <div class="panel form-grid">
                    <ProductPicker value=fields.product_sku fixed=offer_id.is_some() known />
                    <OfferInputField name="reference" label=|t| t.offers.reference value=fields.reference
                        hint=|t| t.offers.reference_hint />
                </div>
                <TierRows fields />
                <div class="panel form-grid">
                    <OfferInputField name="moq" label=|t| t.offers.moq value=fields.moq inputmode="decimal" />
                    <OfferSelect name="currency" label=|t| t.offers.currency value=fields.currency
                        options=Currency::all().map(|c| c.to_string()).collect() />
                    <OfferSelect name="incoterm" label=|t| t.offers.incoterm value=fields.incoterm
                        options=Incoterm::ALL.iter().map(|i| i.to_string()).collect() />
                    <OfferSelect name="origin_country" label=|t| t.offers.origin_country value=fields.origin_country
                        options=Region::countries().into_iter().map(str::to_owned).collect() />
                    <OfferInputField name="lead_time_days" label=|t| t.offers.lead_time_days value=fields.lead_time_days inputmode="numeric" />
                    <OfferInputField name="payment_days" label=|t| t.offers.payment_days value=fields.payment_days inputmode="numeric"
                        hint=|t| t.offers.payment_days_hint />
                    <OfferInputField name="stock" label=|t| t.offers.stock value=fields.stock inputmode="decimal"
                        hint=|t| t.offers.stock_hint />
                    <OfferInputField name="valid_from" label=|t| t.offers.valid_from value=fields.valid_from input_type="date" />
                    <OfferInputField name="valid_until" label=|t| t.offers.valid_until value=fields.valid_until input_type="date" />
                </div>
                <div class="panel form-grid">
                    <div class="field field-check">
                        <label class="check" for="offer-sample-available">
                            <input id="offer-sample-available" type="checkbox" name="sample_available"
                                prop:checked=move || fields.sample_available.get()
                                on:change=move |ev| fields.sample_available.set(event_target_checked(&ev)) />
                            <span>{move || t().sample_available}</span>
                        </label>
                    </div>
                    <Show when=move || fields.sample_available.get()>
                        <OfferInputField name="sample_price" label=|t| t.offers.sample_price value=fields.sample_price
                            inputmode="decimal" hint=|t| t.offers.sample_price_hint />
                    </Show>
                    <OfferInputField name="description" label=|t| t.offers.description value=fields.description
                        multiline=true hint=|t| t.offers.description_hint class="span-all" />
                </div>
                <div class="actions">
                    <button type="submit" class="button" disabled=move || save.pending().get()>{move || t().submit_for_review}</button>
                </div>
            </form>
        </section>
    }
}

/// What the supplier must know before editing: the live version stays, why the last one was
/// rejected, or that the offer is withdrawn.
#[component]
fn Notices(offer: SupplierOffer) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let state = offer.state();
    let reason = offer.review_reason.clone().unwrap_or_default();
    view! {
        <div class="offer-notices">
            <p><super::StateChip state /></p>
            {matches!(state, OfferState::LiveEditInReview | OfferState::Live | OfferState::LiveEditRejected)
                .then(|| view! { <p class="notice">{move || t().live_notice}</p> })}
            {matches!(state, OfferState::Rejected | OfferState::LiveEditRejected)
                .then(|| view! { <p class="notice offer-reason" role="status">{move || (t().rejected_notice)(&reason)}</p> })}
            {(state == OfferState::Withdrawn).then(|| view! { <p class="notice">{move || t().withdrawn_notice}</p> })}
        </div>
    }
}

/// Moves focus to the first field showing an error, so keyboard users land on it.
fn focus_first_invalid() {
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::JsCast;
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".offer-form [aria-invalid=\"true\"]").ok())
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = found {
            let _ = element.focus();
        }
    }
}
