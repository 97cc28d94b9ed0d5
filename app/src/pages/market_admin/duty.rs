//! Import duty: the form that sets a category's duty into a region and the table of entries,
//! each with edit (fills the form) and delete.

use super::region_options;
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::product_view::localized;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::catalog_admin::fields::{text, FormErrors, Input, Select, Unmatched};
use crate::pages::catalog_admin::product_form::category_options;
use crate::types::catalog::compare::DutyEntry;
use crate::types::catalog::Category;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn Duty() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let toasts = use_toasts();
    let errors = FormErrors::provide();
    let loaded = LocalResource::new(crate::api::catalog::market::list_duty);
    let categories = LocalResource::new(crate::api::catalog::list_categories);
    let entries: RwSignal<Option<Vec<DutyEntry>>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(Ok(list)) = loaded.get() {
            entries.set(Some(list));
        }
    });
    let all_categories =
        Signal::derive(move || categories.get().and_then(Result::ok).unwrap_or_default());
    let category = RwSignal::new(String::new());
    let region = RwSignal::new("europe".to_owned());
    let percent = RwSignal::new(String::new());
    let save = Action::new_local(move |_: &()| {
        // An unparsable id goes as the nil id: the server answers with the field's error.
        let id = category.get_untracked().parse::<Uuid>().unwrap_or_default();
        crate::api::catalog::market::save_duty(id, region.get_untracked(), percent.get_untracked())
    });
    let delete = Action::new_local(move |entry: &DutyEntry| {
        crate::api::catalog::market::delete_duty(
            entry.category_id,
            entry.destination_region.as_str().to_owned(),
        )
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(list)) => {
            entries.set(Some(list));
            toasts.success(t().duty_saved);
        }
        Some(Err(error)) => errors.fail(error),
        None => {}
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(list)) => {
            entries.set(Some(list));
            toasts.success(t().deleted);
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The button stays enabled (a disabled button drops the keyboard focus): ignore repeats.
        if save.pending().get_untracked() {
            return;
        }
        errors.clear();
        save.dispatch_local(());
    };
    let options = Signal::derive(move || {
        let mut options = vec![(String::new(), t().choose_category.to_owned())];
        options.extend(all_categories.with(|all| category_options(all, i18n.locale())));
        options
    });
    let edit = Callback::new(move |entry: DutyEntry| {
        category.set(entry.category_id.to_string());
        region.set(entry.destination_region.as_str().to_owned());
        percent.set(entry.percent.to_string());
    });
    view! {
        <section class="panel" aria-labelledby="cat-duty-heading">
            <h2 id="cat-duty-heading">{move || t().duty_title}</h2>
            <p class="muted">{move || t().duty_lead}</p>
            <form class="inline-form cat-inline" on:submit=submit novalidate>
                <Unmatched />
                <Select form="duty" name="category_id" label=text(|t| t.catalog_admin.category) value=category options />
                <Select form="duty" name="destination_region" label=text(|t| t.catalog_admin.destination_region) value=region options=region_options() />
                <Input form="duty" name="percent" label=text(|t| t.catalog_admin.percent) value=percent inputmode="decimal" />
                <button class="button" type="submit" aria-disabled=move || save.pending().get().to_string()>{move || t().save_duty}</button>
            </form>
            {move || match (entries.get(), loaded.get(), all_categories.track()) {
                (Some(list), _, _) if list.is_empty() => view! { <p class="muted">{move || t().no_duty}</p> }.into_any(),
                (Some(list), _, _) => view! { <DutyTable list categories=all_categories edit delete /> }.into_any(),
                (None, Some(Err(error)), _) => view! { <ErrorPanel error on_retry=move |_| loaded.refetch() /> }.into_any(),
                (None, _, _) => view! { <SkeletonRows rows=3 /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn DutyTable(
    list: Vec<DutyEntry>,
    categories: Signal<Vec<Category>>,
    edit: Callback<DutyEntry>,
    delete: Action<DutyEntry, Result<Vec<DutyEntry>, crate::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let name_of = move |id: Uuid| {
        categories.with(|all| {
            all.iter()
                .find(|c| c.category_id == id)
                .map(|c| localized(i18n.locale(), &c.name_en, &c.name_zh))
                .unwrap_or_else(|| id.to_string())
        })
    };
    let mut list = list;
    list.sort_by_cached_key(|entry| {
        (
            untrack(|| name_of(entry.category_id)),
            entry.destination_region,
        )
    });
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || t().category}</th>
                    <th scope="col">{move || t().destination_region}</th>
                    <th scope="col" class="num">{move || t().percent}</th>
                    <th scope="col"><span class="visually-hidden">{move || t().actions}</span></th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|entry| {
                        let (id, region) = (entry.category_id, entry.destination_region);
                        let label = move || format!("{} — {}", name_of(id), (t().region_name)(region));
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t().category>{move || name_of(id)}</th>
                                <td data-label=move || t().destination_region>{move || (t().region_name)(region)}</td>
                                <td class="num" data-label=move || t().percent>{format!("{} %", entry.percent)}</td>
                                <td class="cat-row-actions">
                                    <button class="button secondary small" type="button"
                                        aria-label=move || format!("{} {}", t().edit, label())
                                        on:click=move |_| edit.run(entry)>{move || t().edit}</button>
                                    <button class="button danger small" type="button"
                                        aria-label=move || format!("{} {}", t().delete, label())
                                        disabled=move || delete.pending().get()
                                        on:click=move |_| { delete.dispatch_local(entry); }>{move || t().delete}</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
