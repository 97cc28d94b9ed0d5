//! The browser's view of who is signed in, shared through context.

use crate::components::form::FormState;
use crate::types::CurrentUser;
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The signed-in user (`None` when logged out) and whether the server has been asked yet.
#[derive(Clone, Copy)]
pub struct Session {
    pub user: RwSignal<Option<CurrentUser>>,
    pub checked: RwSignal<bool>,
}

impl Session {
    /// Records a successful log-in or sign-up.
    pub fn signed_in(&self, user: CurrentUser) {
        self.user.set(Some(user));
        self.checked.set(true);
    }

    pub fn signed_out(&self) {
        self.user.set(None);
        self.checked.set(true);
    }
}

/// Provides the session context and asks the server who is signed in.
pub fn provide_session() -> Session {
    let session = Session {
        user: RwSignal::new(None),
        checked: RwSignal::new(false),
    };
    provide_context(session);
    leptos::task::spawn_local(async move {
        // A failed check counts as logged out; pages that need a user will say so.
        let user = crate::api::auth::get_current_user().await.ok().flatten();
        session.user.set(user);
        session.checked.set(true);
    });
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Wires an action that signs someone in (log-in, sign-up, accepting an invitation): on success
/// the session knows the user and the app goes home; on failure the form shows why.
pub fn sign_in_on_success<I: 'static>(
    action: Action<I, Result<CurrentUser, AppError>>,
    form: FormState,
) {
    let session = use_session();
    let navigate = use_navigate();
    Effect::new(move |_| match action.value().get() {
        Some(Ok(user)) => {
            session.signed_in(user);
            navigate("/", Default::default());
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
}
