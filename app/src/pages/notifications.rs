//! `/notifications`: the person's newest notices (price alerts, sample requests and answers,
//! listing reviews), each worded in the reader's language, with "mark all read".

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::notice_badge::use_unread_notices;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::qualification::format_moment;
use crate::types::notice::AccountNotification;
use leptos::prelude::*;
use std::time::Duration;

const REFRESH_EVERY: Duration = Duration::from_secs(30);

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let toasts = use_toasts();
    let list = LocalResource::new(crate::api::notifications::list_mine);
    if let Ok(handle) = set_interval_with_handle(move || list.refetch(), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let badge = use_unread_notices();
    let mark = Action::new_local(|_: &()| crate::api::notifications::mark_read());
    Effect::new(move |_| match mark.value().get() {
        Some(Ok(_)) => {
            list.refetch();
            if let Some(badge) = badge {
                badge.refresh();
            }
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    let unread = move || {
        list.get()
            .and_then(Result::ok)
            .is_some_and(|items| items.iter().any(|n| n.read_at.is_none()))
    };
    view! {
        <section class="page notices">
            <div class="page-head">
                <h1>{move || t().notifications_title}</h1>
                <button class="button secondary" type="button"
                    disabled=move || !unread() || mark.pending().get()
                    on:click=move |_| { mark.dispatch_local(()); }>
                    {move || t().mark_all_read}
                </button>
            </div>
            <Transition fallback=|| view! { <SkeletonRows rows=4 /> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! {
                            <p class="empty">{move || t().notifications_none}</p>
                        }.into_any(),
                        Ok(items) => view! { <NoticeList items /> }.into_any(),
                        Err(error) => view! {
                            <ErrorPanel error on_retry=move |_| list.refetch() />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn NoticeList(items: Vec<AccountNotification>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="notices-list" aria-live="polite">
            {items.into_iter().map(|item| {
                let unread = item.read_at.is_none();
                let notice = item.notice;
                view! {
                    <li class:unread=unread>
                        <time datetime=item.created_at.unix_timestamp().to_string()>{format_moment(item.created_at)}</time>
                        <span>{move || (i18n.t().alerts.notice_text)(&notice)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
