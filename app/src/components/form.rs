//! What a form remembers between submissions: per-field errors and one form-level alert.

use crate::i18n::use_i18n;
use crate::types::FieldErrors;
use crate::AppError;
use leptos::prelude::*;

/// Errors of one form. Field errors appear next to fields; anything else in the alert above.
#[derive(Clone, Copy)]
pub struct FormState {
    pub errors: RwSignal<FieldErrors>,
    alert: RwSignal<Option<AppError>>,
}

impl FormState {
    pub fn new() -> Self {
        FormState {
            errors: RwSignal::new(FieldErrors::default()),
            alert: RwSignal::new(None),
        }
    }

    pub fn clear(&self) {
        self.errors.set(FieldErrors::default());
        self.alert.set(None);
    }

    /// Shows a failed submission. The inputs keep what the user typed.
    pub fn fail(&self, error: AppError) {
        match error {
            AppError::Validation { fields } => {
                self.errors.set(fields);
                self.alert.set(None);
            }
            other => {
                self.errors.set(FieldErrors::default());
                self.alert.set(Some(other));
            }
        }
    }

    pub fn errors_signal(&self) -> Signal<FieldErrors> {
        self.errors.into()
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

/// The form-level alert (rate limits, network failures…), announced when it appears.
#[component]
pub fn FormAlert(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        state.alert.get().map(|error| {
            view! { <p class="form-alert" role="alert">{move || (i18n.t().error)(&error)}</p> }
        })
    }
}
