//! `/samples`: a buyer's sample requests with their status; a supplier's incoming requests with
//! accept (shipping reference) and decline (reason). Refreshed every 10 s; rows are keyed by
//! request and status, so a refresh leaves a half-typed answer alone.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::instance_field::InstanceField;
use crate::components::toast::use_toasts;
use crate::i18n::{use_i18n, Locale};
use crate::pages::qualification::format_moment;
use crate::session::use_session;
use crate::types::money::format_amount;
use crate::types::samples::{SampleRequest, SampleStatus};
use crate::AppError;
use leptos::prelude::*;
use std::future::Future;
use std::time::Duration;
use uuid::Uuid;

/// How often the lists ask again.
const REFRESH_EVERY: Duration = Duration::from_secs(10);

#[component]
pub fn SamplesPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let user = use_session().user.get_untracked();
    let buys = user.as_ref().is_some_and(|u| u.buys());
    let supplier_org = user
        .as_ref()
        .filter(|u| u.supplies())
        .and_then(|u| u.organisation.as_ref().map(|org| org.organisation_id));
    view! {
        <section class="page samples">
            <h1>{move || t().samples_title}</h1>
            <p class="muted small">{move || t().refreshes}</p>
            {supplier_org.map(|org| view! {
                <section aria-labelledby="samples-incoming">
                    <h2 id="samples-incoming">{move || t().samples_incoming}</h2>
                    <SampleList incoming=true fetch=move || crate::api::samples::list_incoming(org) />
                </section>
            })}
            {buys.then(|| view! {
                <section aria-labelledby="samples-mine">
                    <h2 id="samples-mine">{move || t().samples_mine}</h2>
                    <SampleList incoming=false fetch=crate::api::samples::list_mine />
                </section>
            })}
        </section>
    }
}

/// What the list shows apart from its rows, so a refresh re-renders only changed rows.
#[derive(Clone, PartialEq)]
enum ListState {
    Loading,
    Failed(AppError),
    Empty,
    Rows,
}

#[component]
fn SampleList<F, Fut>(incoming: bool, fetch: F) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<SampleRequest>, AppError>> + 'static,
{
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let list = LocalResource::new(fetch);
    if let Ok(handle) = set_interval_with_handle(move || list.refetch(), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let state = Memo::new(move |_| match list.get() {
        None => ListState::Loading,
        Some(Err(error)) => ListState::Failed(error),
        Some(Ok(rows)) if rows.is_empty() => ListState::Empty,
        Some(Ok(_)) => ListState::Rows,
    });
    let rows = move || list.get().and_then(Result::ok).unwrap_or_default();
    let refresh = Callback::new(move |_: ()| list.refetch());
    move || {
        match state.get() {
        ListState::Loading => view! { <SkeletonRows rows=3 /> }.into_any(),
        ListState::Failed(error) => {
            view! { <ErrorPanel error on_retry=move |_| list.refetch() /> }.into_any()
        }
        ListState::Empty => view! {
            <p class="empty">{move || if incoming { t().samples_none_incoming } else { t().samples_none_mine }}</p>
        }
        .into_any(),
        ListState::Rows => view! {
            <div class="table-wrap">
                <table class="data-table responsive samples-table">
                    <thead><tr>
                        <th scope="col">{move || t().product}</th>
                        <th scope="col">{move || if incoming { t().buyer } else { t().supplier }}</th>
                        <th scope="col" class="num">{move || t().quantity}</th>
                        <th scope="col">{move || t().requested_at}</th>
                        <th scope="col">{move || i18n.t().status}</th>
                        <th scope="col">{move || t().answer}</th>
                    </tr></thead>
                    <tbody>
                        <For each=rows key=|row| (row.request_id, row.status) let:row>
                            <SampleRow row incoming on_decided=refresh />
                        </For>
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
    }
}

#[component]
fn SampleRow(row: SampleRequest, incoming: bool, on_decided: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let SampleRequest {
        request_id,
        sku,
        product_name_en,
        product_name_zh,
        unit,
        buyer_name,
        supplier_name,
        requested_by_name,
        quantity,
        note,
        status,
        shipping_reference,
        decline_reason,
        created_at,
        ..
    } = row;
    let product = move || match i18n.locale() {
        Locale::ZhCn => product_name_zh.clone(),
        Locale::En => product_name_en.clone(),
    };
    let party = if incoming {
        view! {
            {buyer_name}<br /><span class="muted small">{move || (t().requested_by)(&requested_by_name)}</span>
        }
        .into_any()
    } else {
        view! { {supplier_name} }.into_any()
    };
    let answer = match status {
        SampleStatus::Accepted => {
            let reference = shipping_reference.unwrap_or_default();
            view! { <span>{move || (t().ships_with)(&reference)}</span> }.into_any()
        }
        SampleStatus::Declined => {
            let reason = decline_reason.unwrap_or_default();
            view! { <span>{move || (t().declined_because)(&reason)}</span> }.into_any()
        }
        SampleStatus::Requested if incoming => {
            view! { <DecisionForms request_id on_decided /> }.into_any()
        }
        SampleStatus::Requested => view! { <span class="muted">"—"</span> }.into_any(),
    };
    view! {
        <tr>
            <th scope="row" data-label=move || t().product>
                <span class="mono">{sku}</span>" "{product}
                {(!note.is_empty()).then(|| view! { <p class="samples-note">{note.clone()}</p> })}
            </th>
            <td data-label=move || if incoming { t().buyer } else { t().supplier }>{party}</td>
            <td class="num" data-label=move || t().quantity>{format_amount(quantity, 0)}" "{unit}</td>
            <td class="num" data-label=move || t().requested_at>{format_moment(created_at)}</td>
            <td data-label=move || i18n.t().status>
                <span class=format!("chip samples-{}", status.as_str())>{move || (t().sample_status)(status)}</span>
            </td>
            <td data-label=move || t().answer>{answer}</td>
        </tr>
    }
}

/// Accept with a shipping reference, or decline with a reason.
#[component]
fn DecisionForms(request_id: Uuid, on_decided: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let toasts = use_toasts();
    let reference = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let accept_form = crate::components::form::FormState::new();
    let decline_form = crate::components::form::FormState::new();
    let accept = Action::new_local(move |reference: &String| {
        crate::api::samples::accept(request_id, reference.clone())
    });
    let decline = Action::new_local(move |reason: &String| {
        crate::api::samples::decline(request_id, reason.clone())
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(_)) => {
            toasts.success(t().accepted_toast);
            on_decided.run(());
        }
        Some(Err(error)) => accept_form.fail(error),
        None => {}
    });
    Effect::new(move |_| match decline.value().get() {
        Some(Ok(_)) => {
            toasts.success(t().declined_toast);
            on_decided.run(());
        }
        Some(Err(error)) => decline_form.fail(error),
        None => {}
    });
    let busy = move || accept.pending().get() || decline.pending().get();
    let key = format!("sample-{request_id}");
    view! {
        <div class="samples-decide">
            <form class="samples-decide-form" novalidate=true on:submit=move |ev| {
                ev.prevent_default();
                accept_form.clear();
                accept.dispatch_local(reference.get_untracked());
            }>
                <crate::components::form::FormAlert state=accept_form />
                <InstanceField id=format!("{key}-reference") name="shipping_reference"
                    label=|t| t.alerts.shipping_reference value=reference errors=accept_form.errors_signal() />
                <button class="button small" type="submit" disabled=busy>{move || t().accept}</button>
            </form>
            <form class="samples-decide-form" novalidate=true on:submit=move |ev| {
                ev.prevent_default();
                decline_form.clear();
                decline.dispatch_local(reason.get_untracked());
            }>
                <crate::components::form::FormAlert state=decline_form />
                <InstanceField id=format!("{key}-reason") name="reason"
                    label=|t| t.alerts.decline_reason value=reason errors=decline_form.errors_signal() />
                <button class="button small danger" type="submit" disabled=busy>{move || t().decline}</button>
            </form>
        </div>
    }
}
