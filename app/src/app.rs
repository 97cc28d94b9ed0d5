//! The root component: context (language, session, toasts), the header and the routes.

use crate::components::{
    guard::RequireUser, header::Header, toast::provide_toasts, toast::ToastRegion,
};
use crate::i18n::provide_i18n;
use crate::pages;
use crate::session::provide_session;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    provide_toasts();
    crate::components::notice_badge::provide_unread_notices();
    view! {
        <Router>
            <Header />
            <main id="content" class="content">
                // Pages handle the errors they expect; this catches any `Err` a view returns.
                <ErrorBoundary fallback=|errors| view! { <RenderErrors errors /> }>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::HomePage />
                    <Route path=path!("/login") view=pages::login::LoginPage />
                    <Route path=path!("/signup") view=pages::signup::SignUpPage />
                    <Route path=path!("/invite/:token") view=pages::invite::InvitePage />
                    <Route path=path!("/account") view=|| view! {
                        <RequireUser><pages::account::AccountPage /></RequireUser>
                    } />
                    <Route path=path!("/team") view=|| view! {
                        <RequireUser allow=|u| !u.is_staff()><pages::team::TeamPage /></RequireUser>
                    } />
                    <Route path=path!("/company") view=|| view! {
                        <RequireUser allow=|u| u.supplies()><pages::company::CompanyPage /></RequireUser>
                    } />
                    <Route path=path!("/suppliers") view=|| view! {
                        <RequireUser allow=|u| u.buys() || u.is_staff()><pages::suppliers::SuppliersPage /></RequireUser>
                    } />
                    <Route path=path!("/suppliers/:id") view=|| view! {
                        <RequireUser><pages::supplier_profile::SupplierProfilePage /></RequireUser>
                    } />
                    <Route path=path!("/organisations/:id") view=|| view! {
                        <RequireUser><pages::org_profile::OrgProfilePage /></RequireUser>
                    } />
                    <Route path=path!("/qualification") view=|| view! {
                        <RequireUser allow=|u| u.supplies()><pages::qualification::QualificationPage /></RequireUser>
                    } />
                    <Route path=path!("/tenders") view=|| view! {
                        <RequireUser><pages::tenders::list::TenderListPage /></RequireUser>
                    } />
                    <Route path=path!("/tenders/new") view=|| view! {
                        <RequireUser allow=|u| u.buys()><pages::tenders::new::NewTenderPage /></RequireUser>
                    } />
                    <Route path=path!("/tenders/:id") view=|| view! {
                        <RequireUser><pages::tenders::detail::TenderDetailPage /></RequireUser>
                    } />
                    <Route path=path!("/lots/:id") view=|| view! {
                        <RequireUser><pages::board::LotBoardPage /></RequireUser>
                    } />
                    <Route path=path!("/offers") view=|| view! {
                        <RequireUser allow=|u| u.supplies()><pages::offers::list::MyOffersPage /></RequireUser>
                    } />
                    <Route path=path!("/offers/new") view=|| view! {
                        <RequireUser allow=|u| u.supplies()><pages::offers::form::NewOfferPage /></RequireUser>
                    } />
                    <Route path=path!("/offers/import") view=|| view! {
                        <RequireUser allow=|u| u.supplies()><pages::offers::import::ImportOffersPage /></RequireUser>
                    } />
                    <Route path=path!("/offers/:id") view=|| view! {
                        <RequireUser allow=|u| u.supplies() || u.is_staff()><pages::offers::form::EditOfferPage /></RequireUser>
                    } />
                    <Route path=path!("/staff/moderation") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::moderation::ModerationPage /></RequireUser>
                    } />
                    <Route path=path!("/catalog") view=|| view! {
                        <RequireUser><pages::catalog::CatalogPage /></RequireUser>
                    } />
                    <Route path=path!("/compare") view=|| view! {
                        <RequireUser><pages::compare::ComparePage /></RequireUser>
                    } />
                    <Route path=path!("/samples") view=|| view! {
                        <RequireUser allow=|u| u.buys() || u.supplies()><pages::samples::SamplesPage /></RequireUser>
                    } />
                    <Route path=path!("/alerts") view=|| view! {
                        <RequireUser allow=|u| u.buys()><pages::alerts::AlertsPage /></RequireUser>
                    } />
                    <Route path=path!("/notifications") view=|| view! {
                        <RequireUser allow=|u| !u.is_staff()><pages::notifications::NotificationsPage /></RequireUser>
                    } />
                    <Route path=path!("/products/propose") view=|| view! {
                        <RequireUser allow=|u| u.supplies()><pages::propose_product::ProposeProductPage /></RequireUser>
                    } />
                    <Route path=path!("/products/:id") view=|| view! {
                        <RequireUser><pages::product_detail::ProductPage /></RequireUser>
                    } />
                    <Route path=path!("/staff/catalog") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::catalog_admin::CatalogAdminPage /></RequireUser>
                    } />
                    <Route path=path!("/staff/market") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::market_admin::MarketAdminPage /></RequireUser>
                    } />
                    <Route path=path!("/staff/reviews") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::review_queue::ReviewQueuePage /></RequireUser>
                    } />
                    <Route path=path!("/staff/reviews/:organisation_id") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::review_detail::ReviewDetailPage /></RequireUser>
                    } />
                    <Route path=path!("/staff/scorecard") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::scorecard_settings::ScorecardSettingsPage /></RequireUser>
                    } />
                    <Route path=path!("/staff/organisations") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::staff_orgs::StaffOrganisationsPage /></RequireUser>
                    } />
                </Routes>
                </ErrorBoundary>
            </main>
            <ToastRegion />
        </Router>
    }
}

/// Shown when a view fails to render: the messages, never a blank page.
#[component]
fn RenderErrors(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    view! {
        <div class="error-panel" role="alert">
            <p>{move || (i18n.t().error)(&crate::AppError::Internal { request_id: "-".into() })}</p>
            <ul>
                {move || errors.get().into_iter().map(|(_, error)| view! { <li>{error.to_string()}</li> }).collect_view()}
            </ul>
        </div>
    }
}
