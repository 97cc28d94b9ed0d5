//! `/organisations/:id`: an organisation's profile (suppliers to buyers, anyone to staff).

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::format_date;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OrgProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let profile = LocalResource::new(move || {
        let id = params
            .read()
            .get("id")
            .and_then(|id| id.parse::<uuid::Uuid>().ok());
        async move {
            match id {
                Some(id) => crate::api::organisations::get_organisation(id).await,
                None => Err(crate::AppError::NotFound),
            }
        }
    });
    view! {
        <section class="page">
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(org) => {
                            let kind = org.kind;
                            view! {
                                <h1>{org.name.clone()}</h1>
                                {org.name_zh.clone().map(|zh| view! { <p class="secondary-name large" lang="zh-CN">{zh}</p> })}
                                <p><span class=format!("chip chip-{}", kind.as_str())>{move || (i18n.t().kind_name)(kind)}</span></p>
                                <dl class="facts">
                                    <dt>{move || i18n.t().industry}</dt><dd>{org.industry.clone().unwrap_or_default()}</dd>
                                    <dt>{move || i18n.t().city}</dt><dd>{org.city.clone().unwrap_or_default()}</dd>
                                    <dt>{move || i18n.t().country}</dt><dd>{org.country.clone().unwrap_or_default()}</dd>
                                    <dt>{move || i18n.t().members}</dt><dd class="num">{org.member_count}</dd>
                                    <dt>{move || i18n.t().created}</dt><dd>{format_date(org.created_at)}</dd>
                                </dl>
                                {org.description.clone().map(|text| view! { <p class="description">{text}</p> })}
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
