//! "Request a sample" for one offer: a button that opens a small inline form (quantity, note)
//! and then shows the outcome. Shown to buyers only; the comparison matrix puts one per offer.

use crate::components::form::{FormAlert, FormState};
use crate::components::instance_field::InstanceField;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::types::samples::SampleRequest;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn SampleRequestButton(
    offer_id: Uuid,
    /// The quantity the form starts with (in the product's unit).
    #[prop(into, optional)]
    default_quantity: Option<String>,
) -> impl IntoView {
    let session = use_session();
    let buys = move || session.user.with(|u| u.as_ref().is_some_and(|u| u.buys()));
    move || {
        buys().then(
            || view! { <SampleRequestForm offer_id default_quantity=default_quantity.clone() /> },
        )
    }
}

#[component]
fn SampleRequestForm(offer_id: Uuid, default_quantity: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let quantity = RwSignal::new(default_quantity.unwrap_or_else(|| "1".to_owned()));
    let note = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<SampleRequest>);
    let form = FormState::new();
    let send = Action::new_local(move |(quantity, note): &(String, String)| {
        crate::api::samples::request_sample(offer_id, quantity.clone(), note.clone())
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(request)) => {
            sent.set(Some(request));
            open.set(false);
            note.set(String::new());
            toasts.success(t().sample_sent);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let key = format!("sample-{offer_id}");
    let form_id = format!("{key}-form");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        send.dispatch_local((quantity.get_untracked(), note.get_untracked()));
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    };
    let form_view = {
        let (key, form_id) = (key.clone(), form_id.clone());
        move || {
            open.get().then(|| {
                view! {
                    <form id=form_id.clone() class="sample-request-form" on:submit=on_submit
                        on:keydown=on_keydown novalidate=true>
                        <FormAlert state=form />
                        <InstanceField id=format!("{key}-quantity") name="quantity"
                            label=|t| t.alerts.sample_quantity value=quantity
                            errors=form.errors_signal() inputmode="decimal" autofocus=true />
                        <InstanceField id=format!("{key}-note") name="note"
                            label=|t| t.alerts.sample_note value=note
                            errors=form.errors_signal() multiline=true />
                        <div class="actions">
                            <button class="button small" type="submit" disabled=move || send.pending().get()>
                                {move || t().send_request}
                            </button>
                            <button class="button small secondary" type="button" on:click=move |_| open.set(false)>
                                {move || i18n.t().cancel}
                            </button>
                        </div>
                    </form>
                }
            })
        }
    };
    view! {
        <div class="sample-request">
            {move || match sent.get() {
                Some(request) => view! {
                    <p class="sample-request-outcome" role="status">
                        <span class=format!("chip samples-{}", request.status.as_str())>{move || (t().sample_status)(request.status)}</span>
                        " "{move || t().sample_sent}
                    </p>
                }.into_any(),
                None => view! {
                    <button class="button small secondary" type="button"
                        aria-expanded=move || open.get().to_string() aria-controls=form_id.clone()
                        on:click=move |_| open.update(|o| *o = !*o)>
                        {move || t().request_sample}
                    </button>
                }.into_any(),
            }}
            {form_view}
        </div>
    }
}
