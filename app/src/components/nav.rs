//! The main navigation: only the pages the signed-in role may use.

use crate::components::notice_badge::NotificationsLink;
use crate::i18n::{use_i18n, Texts};
use crate::session::use_session;
use crate::types::CurrentUser;
use leptos::prelude::*;
use leptos_router::components::A;

/// One navigation entry: where it goes, its label, and who sees it.
struct NavItem {
    href: &'static str,
    label: fn(&'static Texts) -> &'static str,
    visible: fn(&CurrentUser) -> bool,
}

const ITEMS: &[NavItem] = &[
    NavItem {
        href: "/",
        label: |t| t.home,
        visible: |_| true,
    },
    NavItem {
        href: "/catalog",
        label: |t| t.catalog.nav,
        visible: |_| true,
    },
    NavItem {
        href: "/suppliers",
        label: |t| t.suppliers,
        visible: |u| u.buys(),
    },
    NavItem {
        href: "/tenders",
        label: |t| t.tenders.nav,
        visible: |u| u.buys() || u.supplies(),
    },
    NavItem {
        href: "/samples",
        label: |t| t.alerts.samples_nav,
        visible: |u| u.buys() || u.supplies(),
    },
    NavItem {
        href: "/alerts",
        label: |t| t.alerts.alerts_nav,
        visible: |u| u.buys(),
    },
    NavItem {
        href: "/offers",
        label: |t| t.offers.nav,
        visible: |u| u.supplies(),
    },
    NavItem {
        href: "/company",
        label: |t| t.company_profile,
        visible: |u| u.supplies(),
    },
    NavItem {
        href: "/qualification",
        label: |t| t.qualification.nav,
        visible: |u| u.supplies(),
    },
    NavItem {
        href: "/products/propose",
        label: |t| t.catalog_admin.nav_propose,
        visible: |u| u.supplies(),
    },
    NavItem {
        href: "/staff/catalog",
        label: |t| t.catalog_admin.nav_catalog,
        visible: |u| u.is_staff(),
    },
    NavItem {
        href: "/staff/market",
        label: |t| t.catalog_admin.nav_market,
        visible: |u| u.is_staff(),
    },
    NavItem {
        href: "/staff/reviews",
        label: |t| t.qualification.reviews_nav,
        visible: |u| u.is_staff(),
    },
    NavItem {
        href: "/staff/moderation",
        label: |t| t.offers.moderation_nav,
        visible: |u| u.is_staff(),
    },
    NavItem {
        href: "/staff/scorecard",
        label: |t| t.scorecard.settings_nav,
        visible: |u| u.is_staff(),
    },
    NavItem {
        href: "/staff/organisations",
        label: |t| t.organisations,
        visible: |u| u.is_staff(),
    },
    NavItem {
        href: "/team",
        label: |t| t.team,
        visible: |u| !u.is_staff(),
    },
    NavItem {
        href: "/account",
        label: |t| t.account,
        visible: |_| true,
    },
];

#[component]
pub fn MainNav() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let links = move || match session.user.get() {
        Some(user) => {
            let items = ITEMS
                .iter()
                .filter(|item| (item.visible)(&user))
                .map(|item| {
                    let label = item.label;
                    view! { <A href=item.href exact=item.href == "/">{move || label(i18n.t())}</A> }
                })
                .collect_view();
            // Account notices (with the unread count) for everyone in an organisation.
            let notices = (!user.is_staff()).then(|| view! { <NotificationsLink /> });
            view! { {items} {notices} }.into_any()
        }
        None if session.checked.get() => view! {
            <A href="/login">{move || i18n.t().log_in}</A>
            <A href="/signup">{move || i18n.t().sign_up}</A>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! { <nav class="main-nav" aria-label=move || i18n.t().nav_label>{links}</nav> }
}
