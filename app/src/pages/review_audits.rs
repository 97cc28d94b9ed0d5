//! On the review page: the supplier's membership tier, factory audits and sample tests, with the
//! forms staff record them in. Every record also lands in the application's audit trail, so the
//! page reloads the application after a save.

use crate::components::error_view::ErrorPanel;
use crate::components::field::{RadioGroup, TextField, TextOf};
use crate::components::form::{FormAlert, FormState};
use crate::components::scorecard_view::TierChip;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::review_audit_photos::AuditPhotos;
use crate::types::audit::{AuditResult, FactoryAuditInput, SampleTestInput, SupplierAudits};
use crate::types::scorecard::Tier;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn AuditsSection(organisation_id: Uuid, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    let loaded = LocalResource::new(move || crate::api::audits::list_audits(organisation_id));
    let audits = RwSignal::new(SupplierAudits::default());
    Effect::new(move |_| {
        if let Some(Ok(list)) = loaded.get() {
            audits.set(list);
        }
    });
    let saved = Callback::new(move |list: SupplierAudits| {
        audits.set(list);
        on_change.run(());
    });
    view! {
        <h2>{move || t().tier}</h2>
        <TierPanel organisation_id on_change />
        <h2>{move || t().audits_title}</h2>
        {move || loaded.get().and_then(Result::err).map(|error| view! { <ErrorPanel error /> })}
        {move || {
            let list = audits.with(|a| a.factory_audits.clone());
            if list.is_empty() {
                return view! { <p class="muted">{move || t().no_audits}</p> }.into_any();
            }
            view! {
                <ul class="audit-list">
                    {list.into_iter().map(|a| {
                        let result = a.result;
                        view! {
                            <li>
                                <strong>{a.audited_on.to_string()}</strong>" · "
                                <span class=format!("chip audit-{}", result.as_str())>{move || (t().result_name)(result)}</span>
                                " · "<span class="num">{a.score}"/100"</span>" · "{a.auditor.clone()}
                                {(!a.notes.is_empty()).then(|| view! { <p class="q-history-note">{a.notes.clone()}</p> })}
                                <AuditPhotos audit_id=a.audit_id photos=a.photos.clone() saved />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <AuditForm organisation_id saved />
        <h2>{move || t().samples_title}</h2>
        {move || {
            let list = audits.with(|a| a.sample_tests.clone());
            if list.is_empty() {
                return view! { <p class="muted">{move || t().no_samples}</p> }.into_any();
            }
            view! {
                <ul class="audit-list">
                    {list.into_iter().map(|s| {
                        let passed = s.passed;
                        view! {
                            <li>
                                <strong>{s.tested_on.to_string()}</strong>" · "{s.product.clone()}" · "{s.laboratory.clone()}" · "
                                <span class=if passed { "chip audit-pass" } else { "chip audit-fail" }>{move || (t().passed_name)(passed)}</span>
                                {(!s.notes.is_empty()).then(|| view! { <p class="q-history-note">{s.notes.clone()}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <SampleForm organisation_id saved />
    }
}

#[component]
fn TierPanel(organisation_id: Uuid, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let card = LocalResource::new(move || crate::api::scorecard::get_scorecard(organisation_id));
    let choice = RwSignal::new(String::from("regular"));
    let current = RwSignal::new(None::<Tier>);
    Effect::new(move |_| {
        if let Some(Ok(card)) = card.get() {
            current.set(Some(card.tier));
            choice.set(card.tier.as_str().to_owned());
        }
    });
    let grant = Action::new_local(move |tier: &String| {
        crate::api::scorecard::set_tier(organisation_id, tier.clone())
    });
    Effect::new(move |_| match grant.value().get() {
        Some(Ok(card)) => {
            current.set(Some(card.tier));
            on_change.run(());
            toasts.success(i18n.t().scorecard.tier_saved);
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    view! {
        <div class="panel tier-panel">
            <p>{move || current.get().map(|tier| view! { <TierChip tier /> })}</p>
            <label for="tier-choice" class="visually-hidden">{move || i18n.t().scorecard.tier}</label>
            <select id="tier-choice" bind:value=choice>
                {Tier::ALL.into_iter().map(|tier| view! {
                    <option value=tier.as_str()>{move || (i18n.t().scorecard.tier_name)(tier)}</option>
                }).collect_view()}
            </select>
            " "
            <button class="button" type="button" disabled=move || grant.pending().get()
                on:click=move |_| { grant.dispatch_local(choice.get_untracked()); }>
                {move || i18n.t().scorecard.grant_tier}
            </button>
        </div>
    }
}

#[component]
fn AuditForm(organisation_id: Uuid, saved: Callback<SupplierAudits>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let form = FormState::new();
    let audited_on = RwSignal::new(String::new());
    let auditor = RwSignal::new(String::new());
    let result = RwSignal::new(String::from("pass"));
    let score = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let record = Action::new_local(move |input: &FactoryAuditInput| {
        crate::api::audits::record_factory_audit(organisation_id, input.clone())
    });
    Effect::new(move |_| match record.value().get() {
        Some(Ok(list)) => {
            saved.run(list);
            [auditor, score, notes]
                .iter()
                .for_each(|s| s.set(String::new()));
            toasts.success(i18n.t().scorecard.recorded);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let errors = form.errors_signal();
    let options = AuditResult::ALL
        .into_iter()
        .map(|r| {
            let label: TextOf = match r {
                AuditResult::Pass => |t| (t.scorecard.result_name)(AuditResult::Pass),
                AuditResult::Conditional => |t| (t.scorecard.result_name)(AuditResult::Conditional),
                AuditResult::Fail => |t| (t.scorecard.result_name)(AuditResult::Fail),
            };
            (r.as_str(), label)
        })
        .collect::<Vec<_>>();
    view! {
        <form class="panel" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            form.clear();
            record.dispatch_local(FactoryAuditInput {
                audited_on: audited_on.get_untracked(),
                auditor: auditor.get_untracked(),
                result: result.get_untracked(),
                score: score.get_untracked(),
                notes: notes.get_untracked(),
            });
        }>
            <h3>{move || i18n.t().scorecard.record_audit}</h3>
            <FormAlert state=form />
            <TextField form="audit" name="audited_on" label=|t| t.scorecard.audited_on value=audited_on errors input_type="date" />
            <TextField form="audit" name="auditor" label=|t| t.scorecard.auditor value=auditor errors />
            <RadioGroup form="audit" name="result" label=|t| t.scorecard.result options value=result errors />
            <TextField form="audit" name="score" label=|t| t.scorecard.audit_score value=score errors input_type="number" />
            <TextField form="audit" name="notes" label=|t| t.scorecard.notes value=notes errors multiline=true />
            <button class="button" type="submit" disabled=move || record.pending().get()>
                {move || i18n.t().scorecard.record_audit}
            </button>
        </form>
    }
}

#[component]
fn SampleForm(organisation_id: Uuid, saved: Callback<SupplierAudits>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let form = FormState::new();
    let tested_on = RwSignal::new(String::new());
    let product = RwSignal::new(String::new());
    let laboratory = RwSignal::new(String::new());
    let passed = RwSignal::new(String::from("pass"));
    let notes = RwSignal::new(String::new());
    let record = Action::new_local(move |input: &SampleTestInput| {
        crate::api::audits::record_sample_test(organisation_id, input.clone())
    });
    Effect::new(move |_| match record.value().get() {
        Some(Ok(list)) => {
            saved.run(list);
            [product, laboratory, notes]
                .iter()
                .for_each(|s| s.set(String::new()));
            toasts.success(i18n.t().scorecard.recorded);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let errors = form.errors_signal();
    let options: Vec<(&'static str, TextOf)> = vec![
        ("pass", |t| (t.scorecard.passed_name)(true)),
        ("fail", |t| (t.scorecard.passed_name)(false)),
    ];
    view! {
        <form class="panel" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            form.clear();
            record.dispatch_local(SampleTestInput {
                tested_on: tested_on.get_untracked(),
                product: product.get_untracked(),
                laboratory: laboratory.get_untracked(),
                passed: passed.get_untracked() == "pass",
                notes: notes.get_untracked(),
            });
        }>
            <h3>{move || i18n.t().scorecard.record_sample}</h3>
            <FormAlert state=form />
            <TextField form="sample" name="tested_on" label=|t| t.scorecard.tested_on value=tested_on errors input_type="date" />
            <TextField form="sample" name="product" label=|t| t.scorecard.product value=product errors />
            <TextField form="sample" name="laboratory" label=|t| t.scorecard.laboratory value=laboratory errors />
            <RadioGroup form="sample" name="passed" label=|t| t.scorecard.passed options value=passed errors />
            <TextField form="sample" name="notes" label=|t| t.scorecard.notes value=notes errors multiline=true />
            <button class="button" type="submit" disabled=move || record.pending().get()>
                {move || i18n.t().scorecard.record_sample}
            </button>
        </form>
    }
}
