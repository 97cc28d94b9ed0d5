//! `/team`: the organisation's members; admins change roles and remove people here.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::format_date;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::team_invites::Invitations;
use crate::session::use_session;
use crate::types::{Member, Role};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let user = session.user.get_untracked();
    let is_admin = user.as_ref().is_some_and(|u| u.is_org_admin());
    let Some(org_id) = user
        .as_ref()
        .and_then(|u| u.organisation.as_ref())
        .map(|o| o.organisation_id)
    else {
        return view! { <p class="notice">{move || i18n.t().not_allowed}</p> }.into_any();
    };
    let members = LocalResource::new(move || crate::api::members::list_members(org_id));
    view! {
        <section class="page">
            <h1>{move || i18n.t().team}</h1>
            {(!is_admin).then(|| view! { <p class="notice">{move || i18n.t().team_admin_only}</p> })}
            <h2>{move || i18n.t().members}</h2>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match members.await {
                        Ok(list) => view! {
                            <MemberTable members=list org_id is_admin on_change=Callback::new(move |_| members.refetch()) />
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| members.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
            {is_admin.then(|| view! { <Invitations org_id /> })}
        </section>
    }
    .into_any()
}

#[component]
fn MemberTable(
    members: Vec<Member>,
    org_id: Uuid,
    is_admin: bool,
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let me = use_session().user.get_untracked().map(|u| u.user_id);
    let set_role = Action::new_local(move |(user_id, role): &(Uuid, Role)| {
        crate::api::members::set_member_role(org_id, *user_id, *role)
    });
    let remove = Action::new_local(move |user_id: &Uuid| {
        crate::api::members::remove_member(org_id, *user_id)
    });
    let report = move |result: Option<Result<(), crate::AppError>>| match result {
        Some(Ok(())) => {
            toasts.success(i18n.t().saved);
            on_change.run(());
        }
        Some(Err(error)) => {
            toasts.error((i18n.t().error)(&error));
            on_change.run(());
        }
        None => {}
    };
    Effect::new(move |_| report(set_role.value().get()));
    Effect::new(move |_| report(remove.value().get()));
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || i18n.t().name}</th>
                    <th scope="col">{move || i18n.t().email}</th>
                    <th scope="col">{move || i18n.t().role}</th>
                    <th scope="col">{move || i18n.t().joined}</th>
                    {is_admin.then(|| view! { <th scope="col"><span class="visually-hidden">{move || i18n.t().remove}</span></th> })}
                </tr></thead>
                <tbody>
                    {members.into_iter().map(|member| {
                        let user_id = member.user_id;
                        let is_me = me == Some(user_id);
                        let role = member.role;
                        let role_label = member.display_name.clone();
                        let role_cell = if is_admin && !is_me {
                            view! {
                                <select aria-label=move || format!("{} {}", i18n.t().role, role_label)
                                    on:change=move |ev| {
                                        if let Ok(role) = Role::parse(&event_target_value(&ev)) {
                                            set_role.dispatch_local((user_id, role));
                                        }
                                    }>
                                    {[Role::Admin, Role::Member].into_iter().map(|option| view! {
                                        <option value=option.as_str() selected=option == role>{move || (i18n.t().role_name)(option)}</option>
                                    }).collect_view()}
                                </select>
                            }.into_any()
                        } else {
                            view! { <span class="chip chip-role">{move || (i18n.t().role_name)(role)}</span> }.into_any()
                        };
                        view! {
                            <tr>
                                <th scope="row" data-label=move || i18n.t().name>
                                    {member.display_name.clone()}
                                    {is_me.then(|| view! { <span class="muted">" (" {move || i18n.t().you} ")"</span> })}
                                </th>
                                <td data-label=move || i18n.t().email>{member.email.clone()}</td>
                                <td data-label=move || i18n.t().role>{role_cell}</td>
                                <td data-label=move || i18n.t().joined>{format_date(member.joined_at)}</td>
                                {is_admin.then(|| view! {
                                    <td>
                                        {(!is_me).then(|| view! {
                                            <button class="button danger small" on:click=move |_| { remove.dispatch_local(user_id); }>
                                                {move || i18n.t().remove}
                                            </button>
                                        })}
                                    </td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
