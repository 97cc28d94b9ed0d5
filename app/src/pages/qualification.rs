//! `/qualification`: a supplier's application — where it stands, the company facts, the
//! documents, submission and the audit trail. Also the small pieces the review pages share.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::format_date;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::qualification_documents::{DocumentTable, UploadForm};
use crate::pages::qualification_profile::ProfileForm;
use crate::rules::qualification::status::QualificationStatus;
use crate::session::use_session;
use crate::types::qualification::{QualificationEvent, SupplierApplication};
use leptos::prelude::*;
use time::OffsetDateTime;
use uuid::Uuid;

/// The CSS suffix of a status chip (`chip q-<slug>`), one colour per status across the app.
pub fn status_slug(status: Option<QualificationStatus>) -> &'static str {
    match status {
        None => "none",
        Some(QualificationStatus::Applied) => "applied",
        Some(QualificationStatus::UnderReview) => "under-review",
        Some(QualificationStatus::Approved) => "approved",
        Some(QualificationStatus::Rejected) => "rejected",
        Some(QualificationStatus::Suspended) => "suspended",
    }
}

/// Where a supplier's file is served (same origin, the session cookie authorises it).
pub fn download_url(document_id: Uuid) -> String {
    format!("/files/supplier-documents/{document_id}")
}

/// A file size in B, KB or MB with one decimal: units read the same in both languages.
pub fn format_size(bytes: i64) -> String {
    const KIB: f64 = 1024.0;
    let size = bytes as f64;
    if size < KIB {
        format!("{bytes} B")
    } else if size < KIB * KIB {
        format!("{:.1} KB", size / KIB)
    } else {
        format!("{:.1} MB", size / (KIB * KIB))
    }
}

/// `YYYY-MM-DD HH:MM` in UTC.
pub fn format_moment(at: OffsetDateTime) -> String {
    format!("{} {:02}:{:02}", format_date(at), at.hour(), at.minute())
}

/// The translated status in its chip.
#[component]
pub fn StatusChip(status: Option<QualificationStatus>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("chip q-{}", status_slug(status))>
            {move || (i18n.t().qualification.status_name)(status)}
        </span>
    }
}

/// The audit trail, newest last, as the server sends it.
#[component]
pub fn History(events: Vec<QualificationEvent>) -> impl IntoView {
    let i18n = use_i18n();
    if events.is_empty() {
        return view! { <p class="empty">{move || i18n.t().qualification.no_history}</p> }
            .into_any();
    }
    view! {
        <ol class="q-history">
            {events.into_iter().map(|event| {
                let action = event.action.clone();
                view! {
                    <li>
                        <time datetime=event.at.unix_timestamp().to_string()>{format_moment(event.at)}</time>
                        <span class="q-history-who">{event.actor_name.clone()}</span>
                        <span class="q-history-what">{move || (i18n.t().qualification.action_name)(&action)}</span>
                        {event.status_after.map(|status| view! { <StatusChip status=Some(status) /> })}
                        {event.note.clone().map(|note| view! { <p class="q-history-note">{note}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// Where the application stands, with the reason of a rejection or suspension.
#[component]
pub fn StatusBanner(
    app: RwSignal<SupplierApplication>,
    /// Reviewers see the chip and reason only: the explanations address the supplier.
    #[prop(optional)]
    staff: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = move || app.with(|a| a.status);
    view! {
        <div class=move || format!("q-banner q-banner-{}", status_slug(status()))>
            <p>
                {move || view! { <StatusChip status=status() /> }}
                {(!staff).then_some(move || (i18n.t().qualification.status_explained)(status()))}
            </p>
            {move || app.with(|a| a.status_reason.clone()).map(|reason| view! {
                <p class="q-reason"><strong>{move || i18n.t().qualification.reason} ": "</strong>{reason}</p>
            })}
        </div>
    }
}

#[component]
pub fn QualificationPage() -> impl IntoView {
    let i18n = use_i18n();
    let org_id = use_session()
        .user
        .get_untracked()
        .and_then(|u| u.organisation.map(|o| o.organisation_id));
    let Some(org_id) = org_id else {
        return view! { <p class="notice">{move || i18n.t().not_allowed}</p> }.into_any();
    };
    let application =
        LocalResource::new(move || crate::api::qualification::get_application(org_id));
    view! {
        <section class="page qualification">
            <h1>{move || i18n.t().qualification.title}</h1>
            <p class="lead">{move || i18n.t().qualification.lead}</p>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match application.await {
                        Ok(app) => view! { <Application app /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| application.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// The loaded application; every action replaces it with the server's answer.
#[component]
fn Application(app: SupplierApplication) -> impl IntoView {
    let i18n = use_i18n();
    let is_admin = use_session()
        .user
        .get_untracked()
        .is_some_and(|u| u.is_org_admin());
    let app = RwSignal::new(app);
    let editable = Signal::derive(move || {
        is_admin
            && matches!(
                app.with(|a| a.status),
                None | Some(QualificationStatus::Rejected)
            )
    });
    view! {
        <StatusBanner app />
        {(!is_admin).then(|| view! { <p class="notice">{move || i18n.t().qualification.admin_only}</p> })}
        <h2>{move || i18n.t().qualification.profile}</h2>
        <ProfileForm app editable />
        <h2>{move || i18n.t().qualification.documents}</h2>
        {move || view! { <DocumentTable documents=app.with(|a| a.documents.clone()) /> }}
        {is_admin.then(|| view! { <UploadForm app /> })}
        {is_admin.then(|| view! { <SubmitPanel app editable /> })}
        <h2>{move || i18n.t().qualification.history}</h2>
        {move || view! { <History events=app.with(|a| a.history.clone()) /> }}
    }
}

/// "Submit for review", while the application may still change.
#[component]
fn SubmitPanel(app: RwSignal<SupplierApplication>, editable: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let org_id = app.with_untracked(|a| a.organisation_id);
    let submit =
        Action::new_local(move |_: &()| crate::api::qualification::submit_application(org_id));
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(updated)) => {
            app.set(updated);
            toasts.success(i18n.t().qualification.application_submitted);
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    view! {
        <div class="panel q-submit">
            <p class="muted">{move || i18n.t().qualification.submit_hint}</p>
            <button class="button" type="button"
                disabled=move || !editable.get() || submit.pending().get()
                on:click=move |_| { submit.dispatch_local(()); }>
                {move || i18n.t().qualification.submit_for_review}
            </button>
        </div>
    }
}
