//! The category editor: code, names in both languages, parent (never the category itself or one
//! below it) and the attribute schema.

use super::fields::{focus_on_mount, text, FormErrors, Input, Select, Unmatched};
use super::schema_editor::{rows_for, AttrRow, SchemaEditor};
use crate::components::product_view::localized;
use crate::i18n::use_i18n;
use crate::rules::catalog::tree::{subtree, tree_order};
use crate::types::catalog::manage::CategoryInput;
use crate::types::catalog::Category;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn CategoryForm(
    /// `None` for a new category.
    category: Option<Category>,
    categories: Vec<Category>,
    on_saved: Callback<Category>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let errors = FormErrors::provide();
    let category_id = category.as_ref().map(|c| c.category_id);
    let input = category
        .as_ref()
        .map(CategoryInput::from)
        .unwrap_or_default();
    let code = RwSignal::new(input.code);
    let name_en = RwSignal::new(input.name_en);
    let name_zh = RwSignal::new(input.name_zh);
    let parent = RwSignal::new(input.parent_id.map(|id| id.to_string()).unwrap_or_default());
    let rows: RwSignal<Vec<AttrRow>> = RwSignal::new(rows_for(&input.attributes));
    let save = Action::new_local(move |input: &CategoryInput| {
        crate::api::catalog::save_category(category_id, input.clone())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => on_saved.run(saved),
        Some(Err(error)) => errors.fail(error),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The button stays enabled (a disabled button drops the keyboard focus): ignore repeats.
        if save.pending().get_untracked() {
            return;
        }
        errors.clear();
        save.dispatch_local(CategoryInput {
            parent_id: parent.get_untracked().parse::<Uuid>().ok(),
            code: code.get_untracked(),
            name_en: name_en.get_untracked(),
            name_zh: name_zh.get_untracked(),
            attributes: rows
                .get_untracked()
                .into_iter()
                .map(AttrRow::to_def)
                .collect(),
        });
    };
    // A category cannot move below itself.
    let excluded = category_id
        .map(|id| subtree(&categories, id))
        .unwrap_or_default();
    let parents = Signal::derive(move || {
        let mut options = vec![(String::new(), t().top_level.to_owned())];
        for (depth, c) in tree_order(&categories) {
            if excluded.contains(&c.category_id) {
                continue;
            }
            let indent = "\u{a0}\u{a0}\u{a0}".repeat(depth);
            let name = localized(i18n.locale(), &c.name_en, &c.name_zh);
            options.push((c.category_id.to_string(), format!("{indent}{name}")));
        }
        options
    });
    // Opened from the tree: keyboard and phone users land in the editor.
    focus_on_mount("cat-category-heading");
    let heading = move || match category_id {
        Some(_) => t().edit_category_title,
        None => t().new_category_title,
    };
    view! {
        <form class="panel cat-form" on:submit=submit novalidate aria-labelledby="cat-category-heading">
            <h2 id="cat-category-heading" tabindex="-1">{heading}</h2>
            <Unmatched />
            <div class="cat-grid">
                <Input form="category" name="code" label=text(|t| t.catalog_admin.code) value=code
                    hint=text(|t| t.catalog_admin.code_hint) />
                <Select form="category" name="parent_id" label=text(|t| t.catalog_admin.parent) value=parent options=parents />
                <Input form="category" name="name_en" label=text(|t| t.catalog_admin.name_en) value=name_en />
                <Input form="category" name="name_zh" label=text(|t| t.catalog_admin.name_zh) value=name_zh />
            </div>
            <SchemaEditor rows />
            <button class="button" type="submit" aria-disabled=move || save.pending().get().to_string()>
                {move || t().save_category}
            </button>
        </form>
    }
}
