//! Route guards: a page that needs a signed-in user (of a given kind) shows its content only then.

use crate::components::error_view::SkeletonRows;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::types::CurrentUser;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Shows `children` to a signed-in user for whom `allow` holds; sends others to log in, and tells
/// a signed-in user whose role cannot use the page so.
#[component]
pub fn RequireUser(
    #[prop(optional)] allow: Option<fn(&CurrentUser) -> bool>,
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let children = StoredValue::new(children);
    move || {
        if !session.checked.get() {
            return view! { <SkeletonRows rows=3 /> }.into_any();
        }
        match session.user.get() {
            None => view! { <Redirect path="/login" /> }.into_any(),
            Some(user) if allow.is_none_or(|allow| allow(&user)) => {
                children.read_value()().into_any()
            }
            Some(_) => view! { <p class="notice" role="alert">{move || i18n.t().not_allowed}</p> }
                .into_any(),
        }
    }
}
