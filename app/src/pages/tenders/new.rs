//! `/tenders/new`: a buyer drafts a tender with its lots and invited suppliers. Saving creates
//! a draft (nothing is visible to suppliers until it is published) and opens its page.

use super::fields::{Input, Label, Select, TenderErrors};
use super::lot_draft::LotDraft;
use super::lot_fields::LotFields;
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::rules::qualification::band::Band;
use crate::types::money::Currency;
use crate::types::tender::{InvitedSupplier, TenderInput, MAX_LOTS};
use crate::types::validation::bounded_text;
use crate::types::{FieldErrors, FieldIssue};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;
use uuid::Uuid;

#[component]
pub fn NewTenderPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let toasts = use_toasts();
    let navigate = use_navigate();
    let errors = TenderErrors::provide();
    let form = FormState::new();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let currency = RwSignal::new("CNY".to_owned());
    let band = RwSignal::new(String::new());
    let bid_bond = RwSignal::new(String::new());
    let invited = RwSignal::new(Vec::<Uuid>::new());
    let next_key = StoredValue::new(1u64);
    let lots = RwSignal::new(vec![LotDraft::new(0)]);

    let create = Action::new_local(move |input: &TenderInput| {
        crate::api::tenders::create_tender(input.clone())
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(detail)) => {
            toasts.success(t().draft_saved);
            navigate(
                &format!("/tenders/{}", detail.tender_id),
                Default::default(),
            );
        }
        Some(Err(AppError::Validation { fields })) => {
            errors.fields.set(fields.clone());
            form.fail(AppError::Validation { fields });
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        errors.clear();
        let mut field_errors = FieldErrors::default();
        let mut rule_issues = BTreeMap::new();
        let built: Vec<_> = lots
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(i, lot)| lot.build(i, &mut field_errors, &mut rule_issues))
            .collect();
        // The same text checks as the server, so one submission shows every problem.
        field_errors.check("title", bounded_text(&title.get_untracked(), 3, 200));
        if invited.with_untracked(Vec::is_empty) {
            field_errors.add("invited_suppliers", FieldIssue::Required);
        }
        errors.fields.set(field_errors);
        errors.rules.set(rule_issues);
        if !errors.is_empty() {
            form.fail(AppError::Validation {
                fields: errors.fields.get_untracked(),
            });
            return;
        }
        let band = match band.get_untracked().as_str() {
            "warned" => Some(Band::Warned),
            "standard" => Some(Band::Standard),
            "preferred" => Some(Band::Preferred),
            _ => None,
        };
        create.dispatch_local(TenderInput {
            title: title.get_untracked(),
            description: description.get_untracked(),
            currency: currency.get_untracked(),
            minimum_band: band,
            bid_bond: bid_bond.get_untracked(),
            invited_suppliers: invited.get_untracked(),
            lots: built.into_iter().flatten().collect(),
        });
    };
    let add_lot = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        lots.update(|l| l.push(LotDraft::new(key)));
    };
    // A currency code is its own label in both languages.
    let currencies: Vec<(String, Label)> = Currency::all()
        .map(|c| (c.to_string(), Label::Raw(c.to_string())))
        .collect();
    let bands: Vec<(String, Label)> = vec![
        (String::new(), Label::Text(|t| t.tenders.band_any)),
        (
            "warned".into(),
            Label::Text(|t| (t.tenders.band_name)(Band::Warned)),
        ),
        (
            "standard".into(),
            Label::Text(|t| (t.tenders.band_name)(Band::Standard)),
        ),
        (
            "preferred".into(),
            Label::Text(|t| (t.tenders.band_name)(Band::Preferred)),
        ),
    ];
    view! {
        <section class="page tender-form">
            <h1>{move || t().new_tender}</h1>
            <form on:submit=on_submit novalidate>
                <FormAlert state=form />
                <Unmatched errors />
                <div class="panel form-grid">
                    <Input name="title" label=|t| t.tenders.title value=title class="span-2" />
                    <Input name="description" label=|t| t.tenders.description value=description multiline=true class="span-2" />
                    <Select name="currency" label=|t| t.tenders.currency value=currency options=currencies />
                    <Select name="minimum_band" label=|t| t.tenders.minimum_band value=band options=bands />
                    <Input name="bid_bond" label=|t| t.tenders.bid_bond value=bid_bond inputmode="decimal" hint=|t| t.tenders.bid_bond_hint />
                </div>
                <SupplierChoices invited />
                <h2>{move || t().lots}</h2>
                <For each=move || lots.get().into_iter().enumerate() key=|(i, lot)| (lot.key, *i) let:((index, lot))>
                    <LotFields index lot removable=Signal::derive(move || lots.with(|l| l.len() > 1))
                        on_remove=Callback::new(move |_| lots.update(|l| l.retain(|x| x.key != lot.key))) />
                </For>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=add_lot
                        disabled=move || lots.with(|l| l.len() >= MAX_LOTS)>{move || t().add_lot}</button>
                    <button type="submit" class="button" disabled=move || create.pending().get()>{move || t().save_draft}</button>
                </div>
            </form>
        </section>
    }
}

/// The suppliers a buyer may invite, each marked eligible or not.
#[component]
fn SupplierChoices(invited: RwSignal<Vec<Uuid>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let errors = expect_context::<TenderErrors>();
    errors.shown_at("invited_suppliers");
    let choices = LocalResource::new(crate::api::tenders::supplier_choices);
    let toggle = move |id: Uuid, on: bool| {
        invited.update(|list| {
            list.retain(|x| *x != id);
            if on {
                list.push(id);
            }
        })
    };
    let list = move |choices: Vec<InvitedSupplier>| {
        if choices.is_empty() {
            return view! { <p class="muted">{move || t().no_supplier_choices}</p> }.into_any();
        }
        let items = choices.into_iter().map(|s| {
            let id = s.organisation_id;
            view! {
                <label class="check supplier-choice">
                    <input type="checkbox" prop:checked=move || invited.with(|l| l.contains(&id))
                        on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                    <span>{s.name.clone()}</span>
                    {if s.eligible {
                        view! { <span class="chip status-open">{move || t().eligible}</span> }.into_any()
                    } else {
                        view! { <span class="chip status-cancelled">{move || t().not_eligible}</span> }.into_any()
                    }}
                </label>
            }
        }).collect_view();
        view! { <div class="choice-list">{items}</div> }.into_any()
    };
    view! {
        <fieldset class="panel field invited" class:field-invalid=move || !errors.messages("invited_suppliers").is_empty()>
            <legend>{move || t().invited_suppliers}</legend>
            <Suspense fallback=|| view! { <SkeletonRows rows=2 /> }>
                {move || Suspend::new(async move {
                    match choices.await {
                        Ok(found) => list(found),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| choices.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
            <p class="field-error">{move || errors.messages("invited_suppliers").join(" · ")}</p>
        </fieldset>
    }
}

/// "Some fields need attention" above a long form, and any error on a name no field shows.
#[component]
fn Unmatched(errors: TenderErrors) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let any = !errors.fields.read().is_empty() || !errors.rules.read().is_empty();
        let list = errors.unmatched();
        any.then(|| {
            let summary = (i18n.t().error)(&AppError::Validation { fields: FieldErrors::default() });
            view! {
                <div class="form-alert" role="alert">
                    <p>{summary}</p>
                    {(!list.is_empty()).then(|| view! {
                        <p>{move || i18n.t().tenders.unmatched_errors}</p>
                        <ul>{list.into_iter().map(|(name, text)| view! { <li><code>{name}</code> ": " {text}</li> }).collect_view()}</ul>
                    })}
                </div>
            }
        })
    }
}
