//! `/company`: a supplier's profile as buyers see it; admins edit it here.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::field::TextField;
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::types::{OrgProfile, OrgProfileInput};
use leptos::prelude::*;

#[component]
pub fn CompanyPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let org_id = session
        .user
        .get_untracked()
        .and_then(|u| u.organisation.map(|o| o.organisation_id));
    let profile = LocalResource::new(move || async move {
        match org_id {
            Some(id) => crate::api::organisations::get_organisation(id).await,
            None => Err(crate::AppError::NotFound),
        }
    });
    view! {
        <section class="page">
            <h1>{move || i18n.t().company_profile}</h1>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(profile) => view! { <ProfileEditor profile /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| profile.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ProfileEditor(profile: OrgProfile) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let toasts = use_toasts();
    let is_admin = session
        .user
        .get_untracked()
        .is_some_and(|u| u.is_org_admin());
    let field = |value: &Option<String>| RwSignal::new(value.clone().unwrap_or_default());
    let name = RwSignal::new(profile.name.clone());
    let name_zh = field(&profile.name_zh);
    let industry = field(&profile.industry);
    let city = field(&profile.city);
    let country = field(&profile.country);
    let description = field(&profile.description);
    let form = FormState::new();
    let organisation_id = profile.organisation_id;
    let save = Action::new_local(move |input: &OrgProfileInput| {
        crate::api::organisations::update_organisation(organisation_id, input.clone())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => toasts.success(i18n.t().saved),
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        save.dispatch_local(OrgProfileInput {
            name: name.get_untracked(),
            name_zh: name_zh.get_untracked(),
            industry: industry.get_untracked(),
            city: city.get_untracked(),
            country: country.get_untracked(),
            description: description.get_untracked(),
        });
    };
    let errors = form.errors_signal();
    view! {
        {(!is_admin).then(|| view! { <p class="notice">{move || i18n.t().company_readonly}</p> })}
        <form class="panel" on:submit=on_submit>
            <fieldset disabled=!is_admin class="plain">
                <FormAlert state=form />
                <div class="two-columns">
                    <TextField form="company" name="name" label=|t| t.org_name value=name errors />
                    <TextField form="company" name="name_zh" label=|t| t.org_name_zh value=name_zh errors />
                    <TextField form="company" name="industry" label=|t| t.industry value=industry errors />
                    <TextField form="company" name="city" label=|t| t.city value=city errors />
                    <TextField form="company" name="country" label=|t| t.country value=country errors />
                </div>
                <TextField form="company" name="description" label=|t| t.description value=description errors multiline=true />
                <button class="button" type="submit" disabled=move || save.pending().get()>{move || i18n.t().save}</button>
            </fieldset>
        </form>
    }
}
