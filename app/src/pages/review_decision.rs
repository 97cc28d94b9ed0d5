//! The reviewer's decision on a whole application: the actions its status allows.

use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::{use_i18n, QualificationTexts};
use crate::rules::qualification::status::QualificationStatus as S;
use crate::types::qualification::SupplierApplication;
use leptos::prelude::*;

/// One decision: the code the server expects, its label, and whether it needs a reason.
struct Decision {
    code: &'static str,
    label: fn(&'static QualificationTexts) -> &'static str,
    danger: bool,
}

const START: Decision = Decision {
    code: "start_review",
    label: |t| t.start_review,
    danger: false,
};
const APPROVE: Decision = Decision {
    code: "approve",
    label: |t| t.approve_application,
    danger: false,
};
const REJECT: Decision = Decision {
    code: "reject",
    label: |t| t.reject_application,
    danger: true,
};
const SUSPEND: Decision = Decision {
    code: "suspend",
    label: |t| t.suspend,
    danger: true,
};
const REINSTATE: Decision = Decision {
    code: "reinstate",
    label: |t| t.reinstate,
    danger: false,
};

/// What a reviewer may do from `status`; `true` when a reason field is needed.
fn decisions(status: Option<S>) -> (&'static [Decision], bool) {
    match status {
        Some(S::Applied) => (&[START], false),
        Some(S::UnderReview) => (&[APPROVE, REJECT], true),
        Some(S::Approved) => (&[SUSPEND], true),
        Some(S::Suspended) => (&[REINSTATE], false),
        Some(S::Rejected) | None => (&[], false),
    }
}

#[component]
pub fn DecisionPanel(app: RwSignal<SupplierApplication>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().qualification;
    let toasts = use_toasts();
    let org_id = app.with_untracked(|a| a.organisation_id);
    let reason = RwSignal::new(String::new());
    let form = FormState::new();
    let decide = Action::new_local(move |(decision, reason): &(&'static str, String)| {
        crate::api::qualification::decide_application(
            org_id,
            (*decision).to_owned(),
            reason.clone(),
        )
    });
    Effect::new(move |_| match decide.value().get() {
        Some(Ok(updated)) => {
            reason.set(String::new());
            app.set(updated);
            toasts.success(t().decision_saved);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let reason_errors = move || {
        form.errors
            .read()
            .get("reason")
            .iter()
            .map(|issue| (i18n.t().issue)(issue))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    move || {
        let (options, needs_reason) = decisions(app.with(|a| a.status));
        if options.is_empty() {
            return view! { <p class="notice">{move || t().no_decision}</p> }.into_any();
        }
        view! {
            <div class="panel q-decision">
                <FormAlert state=form />
                {needs_reason.then(|| view! {
                    <div class="field" class:field-invalid=move || !reason_errors().is_empty()>
                        <label for="q-decision-reason">{move || t().decision_reason}</label>
                        <input id="q-decision-reason" type="text" bind:value=reason
                            aria-invalid=move || (!reason_errors().is_empty()).to_string() />
                        <p class="field-error">{reason_errors}</p>
                    </div>
                })}
                <div class="actions">
                    {options.iter().map(|decision| {
                        let (code, label) = (decision.code, decision.label);
                        view! {
                            <button type="button" class="button" class:danger=decision.danger
                                disabled=move || decide.pending().get()
                                on:click=move |_| {
                                    form.clear();
                                    decide.dispatch_local((code, reason.get_untracked()));
                                }>
                                {move || label(t())}
                            </button>
                        }
                    }).collect_view()}
                </div>
            </div>
        }
        .into_any()
    }
}
