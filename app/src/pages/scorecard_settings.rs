//! `/staff/scorecard`: staff set the criteria weights and the band thresholds; saving recomputes
//! every supplier's score.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::field::TextField;
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::{use_i18n, Texts};
use crate::pages::qualification::format_moment;
use crate::rules::qualification::criteria::{Criterion, PerCriterion};
use crate::types::scorecard::{criterion_field, ScoreSettings, ScoreSettingsInput};
use leptos::prelude::*;

#[component]
pub fn ScorecardSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let settings = LocalResource::new(crate::api::scorecard::get_settings);
    view! {
        <section class="page scorecard-settings">
            <h1>{move || i18n.t().scorecard.settings_title}</h1>
            <p class="lead">{move || i18n.t().scorecard.settings_lead}</p>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(current) => view! { <SettingsForm current /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| settings.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The label of a criterion's weight field (a plain fn, as `TextField` wants).
fn weight_label(criterion: Criterion) -> fn(&'static Texts) -> &'static str {
    match criterion {
        Criterion::OnTimeDelivery => |t| (t.scorecard.criterion_name)(Criterion::OnTimeDelivery),
        Criterion::QualityAcceptance => {
            |t| (t.scorecard.criterion_name)(Criterion::QualityAcceptance)
        }
        Criterion::RfqResponseRate => |t| (t.scorecard.criterion_name)(Criterion::RfqResponseRate),
        Criterion::QuoteWinRate => |t| (t.scorecard.criterion_name)(Criterion::QuoteWinRate),
        Criterion::DisputeRate => |t| (t.scorecard.criterion_name)(Criterion::DisputeRate),
        Criterion::BuyerRating => |t| (t.scorecard.criterion_name)(Criterion::BuyerRating),
    }
}

#[component]
fn SettingsForm(current: ScoreSettings) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    let toasts = use_toasts();
    let form = FormState::new();
    let weights = Criterion::ALL.map(|c| (c, RwSignal::new(current.weights.get(c).to_string())));
    let warned = RwSignal::new(current.thresholds.warned.to_string());
    let standard = RwSignal::new(current.thresholds.standard.to_string());
    let preferred = RwSignal::new(current.thresholds.preferred.to_string());
    let changed_at = RwSignal::new(current.changed_at);
    let save = Action::new_local(move |input: &ScoreSettingsInput| {
        crate::api::scorecard::update_settings(input.clone())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            changed_at.set(saved.changed_at);
            toasts.success(t().settings_saved);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let weight_of = move |c: Criterion| {
        weights
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, v)| v.get_untracked())
            .unwrap_or_default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        save.dispatch_local(ScoreSettingsInput {
            weights: PerCriterion {
                on_time_delivery: weight_of(Criterion::OnTimeDelivery),
                quality_acceptance: weight_of(Criterion::QualityAcceptance),
                rfq_response_rate: weight_of(Criterion::RfqResponseRate),
                quote_win_rate: weight_of(Criterion::QuoteWinRate),
                dispute_rate: weight_of(Criterion::DisputeRate),
                buyer_rating: weight_of(Criterion::BuyerRating),
            },
            warned: warned.get_untracked(),
            standard: standard.get_untracked(),
            preferred: preferred.get_untracked(),
        });
    };
    let errors = form.errors_signal();
    let weights_error = move || {
        form.errors
            .read()
            .get("weights")
            .iter()
            .map(|issue| (i18n.t().issue)(issue))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <form class="panel" on:submit=submit novalidate>
            <FormAlert state=form />
            <p class="muted">{move || match changed_at.get() {
                Some(at) => format_moment(at),
                None => t().defaults_apply.to_owned(),
            }}</p>
            <fieldset>
                <legend>{move || t().weights}</legend>
                {weights.into_iter().map(|(criterion, value)| view! {
                    <TextField form="sc" name=criterion_field(criterion) label=weight_label(criterion)
                        value errors input_type="text" />
                }).collect_view()}
                <p class="field-error" role="alert">{weights_error}</p>
            </fieldset>
            <fieldset>
                <legend>{move || t().thresholds}</legend>
                <TextField form="sc" name="warned" label=|t| t.scorecard.warned_from value=warned errors />
                <TextField form="sc" name="standard" label=|t| t.scorecard.standard_from value=standard errors />
                <TextField form="sc" name="preferred" label=|t| t.scorecard.preferred_from value=preferred errors />
            </fieldset>
            <button class="button" type="submit" disabled=move || save.pending().get()>
                {move || t().save_settings}
            </button>
        </form>
    }
}
