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
    view! {
        <Router>
            <Header />
            <main id="content" class="content">
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
                    <Route path=path!("/organisations/:id") view=|| view! {
                        <RequireUser><pages::org_profile::OrgProfilePage /></RequireUser>
                    } />
                    <Route path=path!("/staff/organisations") view=|| view! {
                        <RequireUser allow=|u| u.is_staff()><pages::staff_orgs::StaffOrganisationsPage /></RequireUser>
                    } />
                </Routes>
            </main>
            <ToastRegion />
        </Router>
    }
}
