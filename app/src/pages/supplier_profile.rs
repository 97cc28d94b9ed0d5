//! `/suppliers/:id`: the public supplier profile buyers reach from the directory — verified
//! documents (which, when, by whom), stars, band, tier and the measured rates behind them.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::format_date;
use crate::components::scorecard_view::{star_glyphs, BandChip, TierChip};
use crate::i18n::use_i18n;
use crate::pages::qualification::StatusChip;
use crate::types::supplier_page::PublicSupplierProfile;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rust_decimal::Decimal;

#[component]
pub fn SupplierProfilePage() -> impl IntoView {
    let params = use_params_map();
    let profile = LocalResource::new(move || {
        let id = params
            .read()
            .get("id")
            .and_then(|id| id.parse::<uuid::Uuid>().ok());
        async move {
            match id {
                Some(id) => crate::api::suppliers::get_public_profile(id).await,
                None => Err(crate::AppError::NotFound),
            }
        }
    });
    view! {
        <section class="page supplier-profile">
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(profile) => view! { <Profile profile /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| profile.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A rate in %, or "no data yet" when nothing was counted.
fn rate(value: Option<Decimal>) -> impl IntoView {
    let i18n = use_i18n();
    match value {
        Some(v) => format!("{} %", v.round_dp(1)).into_any(),
        None => {
            view! { <span class="muted">{move || i18n.t().scorecard.no_data}</span> }.into_any()
        }
    }
}

#[component]
fn Profile(profile: PublicSupplierProfile) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    let PublicSupplierProfile {
        name,
        name_zh,
        industry,
        city,
        country,
        description,
        status,
        badges,
        stars,
        band,
        tier,
        on_time_rate,
        fulfilment_rate,
        response_rate,
        rating_count,
        rating_average,
        audits_passed,
        audits_total,
        ..
    } = profile;
    let place = [city, country]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <h1>{name}</h1>
        {name_zh.map(|zh| view! { <p class="secondary-name large" lang="zh-CN">{zh}</p> })}
        <p class="lead">{move || t().profile_lead}</p>
        <p class="chips">
            <StatusChip status />" "<BandChip band />" "<TierChip tier />
            " "<span class="stars" title=stars.to_string()>{star_glyphs(stars)}</span>
            <span class="visually-hidden">{stars.to_string()}</span>
        </p>
        <dl class="facts">
            <dt>{move || i18n.t().industry}</dt><dd>{industry.unwrap_or_default()}</dd>
            <dt>{move || i18n.t().city}</dt><dd>{place}</dd>
        </dl>
        {description.map(|text| view! { <p class="description">{text}</p> })}
        <h2>{move || t().verified_badges}</h2>
        {if badges.is_empty() {
            view! { <p class="muted">{move || t().no_badges}</p> }.into_any()
        } else {
            view! {
                <ul class="badges">
                    {badges.into_iter().map(|badge| {
                        let kind = badge.kind;
                        let when = format_date(badge.verified_at);
                        let by = badge.verified_by.clone();
                        let until = badge.expires_on.map(|d| d.to_string());
                        view! {
                            <li class="badge-verified">
                                <span aria-hidden="true">"✔ "</span>
                                <strong>{move || (i18n.t().qualification.kind_name)(kind)}</strong>
                                " — "{move || (t().verified_by)(&when, &by)}
                                {until.map(|until| view! { " · "{move || (t().valid_until)(&until)} })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{move || t().performance}</h2>
        <dl class="facts performance">
            <dt>{move || t().on_time_rate}</dt><dd class="num">{rate(on_time_rate)}</dd>
            <dt>{move || t().fulfilment_rate}</dt><dd class="num">{rate(fulfilment_rate)}</dd>
            <dt>{move || t().response_rate}</dt><dd class="num">{rate(response_rate)}</dd>
            <dt>{move || t().buyer_rating}</dt>
            <dd class="num">{match rating_average {
                Some(average) => {
                    let average = average.to_string();
                    view! { {move || (t().ratings)(&average, rating_count)} }.into_any()
                }
                None => view! { <span class="muted">{move || t().no_data}</span> }.into_any(),
            }}</dd>
            <dt>{move || t().audits_passed}</dt>
            <dd class="num">{if audits_total == 0 {
                view! { <span class="muted">{move || t().no_data}</span> }.into_any()
            } else {
                view! { {move || (t().audits_summary)(audits_passed, audits_total)} }.into_any()
            }}</dd>
        </dl>
    }
}
