//! The company facts of a qualification application: edited by admins until submission (and
//! again after a rejection), read-only otherwise.

use crate::components::field::TextField;
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::types::qualification::{SupplierApplication, SupplierProfileInput, CATEGORIES};
use leptos::prelude::*;

#[component]
pub fn ProfileForm(app: RwSignal<SupplierApplication>, editable: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let (org_id, profile) = app.with_untracked(|a| (a.organisation_id, a.profile.clone()));
    let legal_name = RwSignal::new(profile.legal_name);
    let registration_number = RwSignal::new(profile.registration_number);
    let address = RwSignal::new(profile.address);
    let categories = RwSignal::new(profile.categories);
    let production_capacity = RwSignal::new(profile.production_capacity);
    let form = FormState::new();
    let save = Action::new_local(move |input: &SupplierProfileInput| {
        crate::api::qualification::save_profile(org_id, input.clone())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(updated)) => {
            app.set(updated);
            toasts.success(i18n.t().saved);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        save.dispatch_local(SupplierProfileInput {
            legal_name: legal_name.get_untracked(),
            registration_number: registration_number.get_untracked(),
            address: address.get_untracked(),
            categories: categories.get_untracked(),
            production_capacity: production_capacity.get_untracked(),
        });
    };
    let errors = form.errors_signal();
    let category_errors = move || {
        errors
            .read()
            .get("categories")
            .iter()
            .map(|issue| (i18n.t().issue)(issue))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let toggle = move |category: &'static str, on: bool| {
        categories.update(|list| {
            list.retain(|c| c != category);
            if on {
                list.push(category.to_owned());
            }
        })
    };
    view! {
        {move || (!editable.get()).then(|| view! {
            <p class="notice">{move || i18n.t().qualification.profile_locked}</p>
        })}
        <form class="panel" on:submit=on_submit novalidate=true>
            <fieldset disabled=move || !editable.get() class="plain">
                <FormAlert state=form />
                <div class="two-columns">
                    <TextField form="q-profile" name="legal_name" label=|t| t.qualification.legal_name value=legal_name errors />
                    <TextField form="q-profile" name="registration_number" label=|t| t.qualification.registration_number value=registration_number errors />
                </div>
                <TextField form="q-profile" name="address" label=|t| t.qualification.address value=address errors />
                <fieldset class="field q-categories" aria-labelledby="q-profile-categories-legend"
                    class:field-invalid=move || !category_errors().is_empty()>
                    <legend id="q-profile-categories-legend">{move || i18n.t().qualification.categories}</legend>
                    <div class="radio-options">
                        {CATEGORIES.into_iter().map(|category| view! {
                            <label class="radio">
                                <input type="checkbox" name="categories" value=category
                                    prop:checked=move || categories.with(|list| list.iter().any(|c| c == category))
                                    on:change=move |ev| toggle(category, event_target_checked(&ev)) />
                                <span>{move || (i18n.t().qualification.category_name)(category)}</span>
                            </label>
                        }).collect_view()}
                    </div>
                    <p class="field-error">{category_errors}</p>
                </fieldset>
                <TextField form="q-profile" name="production_capacity" label=|t| t.qualification.production_capacity
                    value=production_capacity errors hint=|t| t.qualification.production_capacity_hint />
                <button class="button" type="submit" disabled=move || save.pending().get()>
                    {move || i18n.t().qualification.save_profile}
                </button>
            </fieldset>
        </form>
    }
}
