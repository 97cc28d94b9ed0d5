//! The product form staff edit products with and suppliers propose them with: category, SKU,
//! names and descriptions in both languages, unit, and the attribute inputs of the category's
//! schema (which change with the category, keeping the values that still fit).

use super::attribute_inputs::{collect, fields_for, AttrField, AttributeInputs};
use super::fields::{text, FormErrors, Input, Select, Unmatched};
use crate::components::product_view::localized;
use crate::i18n::use_i18n;
use crate::rules::catalog::tree::tree_order;
use crate::types::catalog::manage::ProductDetail;
use crate::types::catalog::{Category, ProductInput};
use leptos::prelude::*;
use uuid::Uuid;

/// Who submits the form: staff (saved and approved at once) or a supplier (sent for review).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Staff { product_id: Option<Uuid> },
    Propose { organisation_id: Uuid },
}

/// Category choices, indented by depth, names in the current language.
pub fn category_options(
    categories: &[Category],
    locale: crate::i18n::Locale,
) -> Vec<(String, String)> {
    tree_order(categories)
        .into_iter()
        .map(|(depth, c)| {
            let indent = "\u{a0}\u{a0}\u{a0}".repeat(depth);
            let name = localized(locale, &c.name_en, &c.name_zh);
            (
                c.category_id.to_string(),
                format!("{indent}{name} ({})", c.code),
            )
        })
        .collect()
}

#[component]
pub fn ProductForm(
    mode: Mode,
    #[prop(into)] categories: Signal<Vec<Category>>,
    initial: ProductInput,
    on_saved: Callback<ProductDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let errors = FormErrors::provide();
    let category = RwSignal::new(
        initial
            .category_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
    );
    let sku = RwSignal::new(initial.sku);
    let unit = RwSignal::new(initial.unit);
    let name_en = RwSignal::new(initial.name_en);
    let name_zh = RwSignal::new(initial.name_zh);
    let description_en = RwSignal::new(initial.description_en);
    let description_zh = RwSignal::new(initial.description_zh);
    let attributes: RwSignal<Vec<AttrField>> = RwSignal::new(Vec::new());
    let kept = StoredValue::new(initial.attributes);
    // A new category brings its schema's inputs, filled with what was typed so far.
    Effect::new(move |_| {
        let id = category.get();
        let schema = categories.with(|all| {
            all.iter()
                .find(|c| c.category_id.to_string() == id)
                .map(|c| c.attributes.clone())
                .unwrap_or_default()
        });
        let (shown, typed) = attributes.with_untracked(|fields| {
            let keys: Vec<String> = fields.iter().map(|f| f.def.key.clone()).collect();
            (keys, collect(fields))
        });
        kept.update_value(|values| {
            values.retain(|key, _| !shown.contains(key));
            values.extend(typed);
        });
        attributes.set(fields_for(&schema, &kept.get_value()));
    });
    let save = Action::new_local(move |input: &ProductInput| {
        let input = input.clone();
        async move {
            match mode {
                Mode::Staff { product_id } => {
                    crate::api::catalog::save_product(product_id, input).await
                }
                Mode::Propose { organisation_id } => {
                    crate::api::catalog::propose_product(organisation_id, input).await
                }
            }
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(detail)) => on_saved.run(detail),
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
        save.dispatch_local(ProductInput {
            category_id: category.get_untracked().parse().ok(),
            sku: sku.get_untracked(),
            name_en: name_en.get_untracked(),
            name_zh: name_zh.get_untracked(),
            description_en: description_en.get_untracked(),
            description_zh: description_zh.get_untracked(),
            attributes: attributes.with_untracked(|fields| collect(fields)),
            unit: unit.get_untracked(),
        });
    };
    let options = Signal::derive(move || {
        let mut options = vec![(String::new(), t().choose_category.to_owned())];
        options.extend(categories.with(|all| category_options(all, i18n.locale())));
        options
    });
    let submit_label = move || match mode {
        Mode::Staff { .. } => t().save_product,
        Mode::Propose { .. } => t().propose_submit,
    };
    view! {
        <form class="cat-form" on:submit=submit novalidate>
            <Unmatched />
            <Select form="product" name="category_id" label=text(|t| t.catalog_admin.category) value=category options />
            <div class="cat-grid">
                <Input form="product" name="sku" label=text(|t| t.catalog_admin.sku) value=sku hint=text(|t| t.catalog_admin.sku_hint) />
                <Input form="product" name="unit" label=text(|t| t.catalog_admin.product_unit) value=unit hint=text(|t| t.catalog_admin.product_unit_hint) />
                <Input form="product" name="name_en" label=text(|t| t.catalog_admin.product_name_en) value=name_en />
                <Input form="product" name="name_zh" label=text(|t| t.catalog_admin.product_name_zh) value=name_zh />
            </div>
            <fieldset class="cat-fieldset">
                <legend>{move || t().attributes}</legend>
                {move || {
                    if category.get().is_empty() {
                        return view! { <p class="muted">{move || t().no_category_schema}</p> }.into_any();
                    }
                    view! { <AttributeInputs form="product" fields=attributes.get() /> }.into_any()
                }}
            </fieldset>
            <Input form="product" name="description_en" label=text(|t| t.catalog_admin.description_en) value=description_en multiline=true />
            <Input form="product" name="description_zh" label=text(|t| t.catalog_admin.description_zh) value=description_zh multiline=true />
            <button class="button" type="submit" aria-disabled=move || save.pending().get().to_string()>{submit_label}</button>
        </form>
    }
}
