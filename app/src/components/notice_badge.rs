//! The signed-in person's unread notices: a count shared through context (provided once by the
//! app, refreshed every 30 s and whenever a page marks notices read) and the navigation link
//! that shows it.

use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

/// How often the badge asks the server again.
const REFRESH_EVERY: Duration = Duration::from_secs(30);

/// The unread count (0 while unknown or signed out).
#[derive(Clone, Copy)]
pub struct UnreadNotices(LocalResource<i64>);

impl UnreadNotices {
    pub fn count(&self) -> i64 {
        self.0.get().unwrap_or(0)
    }

    /// Asks the server again (after marking notices read).
    pub fn refresh(&self) {
        self.0.refetch();
    }
}

/// Provides the count; call once in the app, after the session.
pub fn provide_unread_notices() -> UnreadNotices {
    let session = use_session();
    let count = LocalResource::new(move || {
        // Tracks the session, so logging in or out asks again. Staff have no account notices.
        let signed_in = session
            .user
            .with(|user| user.as_ref().is_some_and(|u| !u.is_staff()));
        async move {
            if signed_in {
                crate::api::notifications::count_unread().await.unwrap_or(0)
            } else {
                0
            }
        }
    });
    // The app lives as long as the page, so the interval is never cleared.
    let _ = set_interval_with_handle(move || count.refetch(), REFRESH_EVERY);
    let unread = UnreadNotices(count);
    provide_context(unread);
    unread
}

pub fn use_unread_notices() -> Option<UnreadNotices> {
    use_context::<UnreadNotices>()
}

/// The navigation entry for `/notifications`, with the unread count when there is one.
#[component]
pub fn NotificationsLink() -> impl IntoView {
    let i18n = use_i18n();
    let unread = use_unread_notices();
    let count = move || unread.map_or(0, |u| u.count());
    view! {
        <A href="/notifications">
            {move || i18n.t().alerts.notifications_nav}
            {move || (count() > 0).then(|| view! {
                " "<span class="nav-badge">
                    <span aria-hidden="true">{count()}</span>
                    <span class="visually-hidden">{(i18n.t().alerts.unread)(count())}</span>
                </span>
            })}
        </A>
    }
}
