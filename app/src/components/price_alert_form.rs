//! "Watch this price" for one product: quantity, destination, currency and the target landed
//! unit cost. The defaults may follow the page's own controls (the comparison's quantity,
//! destination and currency); the buyer's edits win until the next change there. Buyers only.

use crate::components::form::{FormAlert, FormState};
use crate::components::instance_field::InstanceField;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::types::alerts::AlertInput;
use crate::types::catalog::Region;
use crate::types::money::Currency;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn PriceAlertForm(
    product_id: Uuid,
    #[prop(into, optional)] default_quantity: MaybeProp<String>,
    #[prop(into, optional)] default_destination: MaybeProp<Region>,
    #[prop(into, optional)] default_currency: MaybeProp<Currency>,
) -> impl IntoView {
    let session = use_session();
    let buys = move || session.user.with(|u| u.as_ref().is_some_and(|u| u.buys()));
    move || {
        buys().then(|| {
            view! {
                <AlertForm product_id default_quantity default_destination default_currency />
            }
        })
    }
}

#[component]
fn AlertForm(
    product_id: Uuid,
    default_quantity: MaybeProp<String>,
    default_destination: MaybeProp<Region>,
    default_currency: MaybeProp<Currency>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let toasts = use_toasts();
    let quantity = RwSignal::new(String::new());
    let destination = RwSignal::new(Region::Europe.as_str().to_owned());
    let currency = RwSignal::new(Currency::USD.code().to_owned());
    let target = RwSignal::new(String::new());
    // Follow the page's controls whenever they change.
    Effect::new(move |_| {
        if let Some(value) = default_quantity.get() {
            quantity.set(value);
        }
    });
    Effect::new(move |_| {
        if let Some(region) = default_destination.get() {
            destination.set(region.as_str().to_owned());
        }
    });
    Effect::new(move |_| {
        if let Some(code) = default_currency.get() {
            currency.set(code.code().to_owned());
        }
    });
    let outcome = RwSignal::new(None::<String>);
    let form = FormState::new();
    let create = Action::new_local(move |input: &AlertInput| {
        crate::api::alerts::create_alert(input.clone())
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(alert)) => {
            let text = match alert.triggered {
                Some(hit) => (t().alert_met_now)(&hit.unit_cost.format(i18n.locale())),
                None => t().alert_created.to_owned(),
            };
            toasts.success(text.clone());
            outcome.set(Some(text));
            target.set(String::new());
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        outcome.set(None);
        create.dispatch_local(AlertInput {
            product_id,
            quantity: quantity.get_untracked(),
            destination: destination.get_untracked(),
            currency: currency.get_untracked(),
            target_unit_cost: target.get_untracked(),
        });
    };
    let key = format!("alert-{product_id}");
    let select_error = move |name: &'static str| {
        move || {
            form.errors
                .read()
                .get(name)
                .iter()
                .map(|issue| (i18n.t().issue)(issue))
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    let heading_id = format!("{key}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <form class="price-alert-form" on:submit=on_submit novalidate=true aria-labelledby=labelled_by>
            <h3 id=heading_id>{move || t().watch_price}</h3>
            <FormAlert state=form />
            <div class="price-alert-fields">
                <InstanceField id=format!("{key}-quantity") name="quantity"
                    label=|t| t.alerts.quantity value=quantity errors=form.errors_signal()
                    inputmode="decimal" />
                <div class="field">
                    <label for=format!("{key}-destination")>{move || t().destination}</label>
                    <select id=format!("{key}-destination") name="destination"
                        prop:value=move || destination.get()
                        on:change=move |ev| destination.set(event_target_value(&ev))>
                        {Region::ALL.into_iter().map(|region| view! {
                            <option value=region.as_str() selected=move || destination.get() == region.as_str()>
                                {move || (i18n.t().catalog.region_name)(region)}
                            </option>
                        }).collect_view()}
                    </select>
                    <p class="field-error">{select_error("destination")}</p>
                </div>
                <div class="field">
                    <label for=format!("{key}-currency")>{move || t().currency}</label>
                    <select id=format!("{key}-currency") name="currency"
                        prop:value=move || currency.get()
                        on:change=move |ev| currency.set(event_target_value(&ev))>
                        {Currency::all().map(|code| {
                            let code = code.code().to_owned();
                            let value = code.clone();
                            view! {
                                <option value=value.clone() selected=move || currency.get() == value>{code}</option>
                            }
                        }).collect_view()}
                    </select>
                    <p class="field-error">{select_error("currency")}</p>
                </div>
                <InstanceField id=format!("{key}-target") name="target_unit_cost"
                    label=|t| t.alerts.target_unit_cost value=target errors=form.errors_signal()
                    inputmode="decimal" hint=|t| t.alerts.target_hint />
            </div>
            <p class="field-error">{select_error("product_id")}</p>
            <button class="button" type="submit" disabled=move || create.pending().get()>
                {move || t().create_alert}
            </button>
            {move || outcome.get().map(|text| view! { <p class="price-alert-outcome" role="status">{text}</p> })}
        </form>
    }
}
