//! The admin's half of the team page: invite a colleague, see and revoke invitations.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::field::TextField;
use crate::components::form::{FormAlert, FormState};
use crate::components::org_table::format_date;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::rules::invitation::InvitationStatus;
use crate::types::{Invitation, Role};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn Invitations(org_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(move || crate::api::invitations::list_invitations(org_id));
    view! {
        <h2>{move || i18n.t().invite_member}</h2>
        <InviteForm org_id on_created=Callback::new(move |_| list.refetch()) />
        <h2>{move || i18n.t().invitations}</h2>
        <Suspense fallback=|| view! { <SkeletonRows rows=2 /> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) if rows.is_empty() => view! { <p class="empty">{move || i18n.t().no_invitations}</p> }.into_any(),
                    Ok(rows) => view! { <InvitationTable rows org_id on_change=Callback::new(move |_| list.refetch()) /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error on_retry=move |_| list.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InviteForm(org_id: Uuid, on_created: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Member);
    let link = RwSignal::new(None::<String>);
    let form = FormState::new();
    let invite = Action::new_local(move |(email, role): &(String, Role)| {
        crate::api::invitations::invite_member(org_id, email.clone(), *role)
    });
    Effect::new(move |_| match invite.value().get() {
        Some(Ok(created)) => {
            let origin = web_origin();
            link.set(Some(format!("{origin}{}", created.accept_path)));
            email.set(String::new());
            toasts.success(i18n.t().invitation_created);
            on_created.run(());
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        invite.dispatch_local((email.get_untracked(), role.get_untracked()));
    };
    view! {
        <form class="panel inline-form" on:submit=on_submit novalidate=true>
            <FormAlert state=form />
            <TextField form="invite-member" name="email" label=|t| t.email value=email errors=form.errors_signal() input_type="email" />
            <div class="field">
                <label for="invite-member-role">{move || i18n.t().role}</label>
                <select id="invite-member-role" on:change=move |ev| {
                    if let Ok(parsed) = Role::parse(&event_target_value(&ev)) { role.set(parsed) }
                }>
                    {[Role::Member, Role::Admin].into_iter().map(|option| view! {
                        <option value=option.as_str()>{move || (i18n.t().role_name)(option)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button class="button" type="submit" disabled=move || invite.pending().get()>{move || i18n.t().create_invitation}</button>
        </form>
        {move || link.get().map(|url| view! {
            <div class="panel link-box">
                <label for="invite-link">{move || i18n.t().invitation_link}</label>
                <input id="invite-link" readonly=true value=url.clone() on:focus=|ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { input.select(); }
                } />
            </div>
        })}
    }
}

/// `https://host:port` of the page, to turn the accept path into a link to pass on.
fn web_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
fn InvitationTable(rows: Vec<Invitation>, org_id: Uuid, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let revoke =
        Action::new_local(move |id: &Uuid| crate::api::invitations::revoke_invitation(org_id, *id));
    Effect::new(move |_| match revoke.value().get() {
        Some(Ok(())) => on_change.run(()),
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || i18n.t().email}</th>
                    <th scope="col">{move || i18n.t().role}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col">{move || i18n.t().expires}</th>
                    <th scope="col"><span class="visually-hidden">{move || i18n.t().revoke}</span></th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let (id, status, role) = (row.invitation_id, row.status, row.role);
                        view! {
                            <tr>
                                <th scope="row" data-label=move || i18n.t().email>{row.email.clone()}</th>
                                <td data-label=move || i18n.t().role>{move || (i18n.t().role_name)(role)}</td>
                                <td data-label=move || i18n.t().status>
                                    <span class=format!("chip chip-{status:?}").to_lowercase()>{move || (i18n.t().invitation_status)(status)}</span>
                                </td>
                                <td data-label=move || i18n.t().expires>{format_date(row.expires_at)}</td>
                                <td>{(status == InvitationStatus::Pending).then(|| view! {
                                    <button class="button secondary small" on:click=move |_| { revoke.dispatch_local(id); }>{move || i18n.t().revoke}</button>
                                })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
