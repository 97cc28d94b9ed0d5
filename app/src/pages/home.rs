//! `/`: a landing page for visitors, a role-aware start page for signed-in users.

use crate::components::error_view::SkeletonRows;
use crate::i18n::{use_i18n, Texts};
use crate::pages::supplier_dashboard::SupplierDashboardSection;
use crate::session::use_session;
use crate::types::CurrentUser;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    move || {
        if !session.checked.get() {
            return view! { <SkeletonRows rows=3 /> }.into_any();
        }
        match session.user.get() {
            Some(user) => view! { <Dashboard user /> }.into_any(),
            None => view! { <Landing /> }.into_any(),
        }
    }
}

#[component]
fn Landing() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="landing">
            <h1>{move || i18n.t().landing_title}</h1>
            <p class="lead">{move || i18n.t().landing_lead}</p>
            <ul class="landing-points">
                {(0..3).map(|i| view! { <li>{move || i18n.t().landing_points[i]}</li> }).collect_view()}
            </ul>
            <div class="actions">
                <A href="/signup" attr:class="button">{move || i18n.t().sign_up}</A>
                <A href="/login" attr:class="button secondary">{move || i18n.t().log_in}</A>
            </div>
        </section>
    }
}

/// A start-page card linking to a section.
struct Card {
    href: &'static str,
    title: fn(&'static Texts) -> &'static str,
    body: fn(&'static Texts) -> &'static str,
    visible: fn(&CurrentUser) -> bool,
}

const CARDS: &[Card] = &[
    Card {
        href: "/suppliers",
        title: |t| t.suppliers,
        body: |t| t.card_suppliers,
        visible: |u| u.buys(),
    },
    Card {
        href: "/company",
        title: |t| t.company_profile,
        body: |t| t.card_company,
        visible: |u| u.supplies(),
    },
    Card {
        href: "/staff/organisations",
        title: |t| t.organisations,
        body: |t| t.card_organisations,
        visible: |u| u.is_staff(),
    },
    Card {
        href: "/team",
        title: |t| t.team,
        body: |t| t.card_team,
        visible: |u| !u.is_staff(),
    },
];

#[component]
fn Dashboard(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let name = user.display_name.clone();
    let lead = {
        let user = user.clone();
        move || {
            let t = i18n.t();
            if user.is_staff() {
                t.home_lead_staff
            } else if user.buys() {
                t.home_lead_buyer
            } else {
                t.home_lead_supplier
            }
        }
    };
    let org = user.organisation.clone();
    let role = user.role;
    // A supplier's home is its dashboard.
    let supplier_org = org
        .as_ref()
        .filter(|org| org.kind.supplies())
        .map(|org| org.organisation_id);
    view! {
        <section class="dashboard">
            <h1>{move || (i18n.t().welcome)(&name)}</h1>
            <p class="lead">{lead}</p>
            <p class="org-line">
                {org.map(|org| {
                    let kind = org.kind;
                    view! {
                        <strong>{org.name}</strong>
                        {org.name_zh.map(|zh| view! { <span class="secondary-name" lang="zh-CN">{zh}</span> })}
                        <span class=format!("chip chip-{}", kind.as_str())>{move || (i18n.t().kind_name)(kind)}</span>
                    }
                })}
                <span class="chip chip-role">{move || (i18n.t().role_name)(role)}</span>
            </p>
            <div class="cards">
                {CARDS.iter().filter(|card| (card.visible)(&user)).map(|card| {
                    let (title, body) = (card.title, card.body);
                    view! {
                        <A href=card.href attr:class="card">
                            <h2>{move || title(i18n.t())}</h2>
                            <p>{move || body(i18n.t())}</p>
                        </A>
                    }
                }).collect_view()}
            </div>
            {supplier_org.map(|organisation_id| view! {
                <h2>{move || i18n.t().scorecard.dashboard_title}</h2>
                <SupplierDashboardSection organisation_id />
            })}
        </section>
    }
}
