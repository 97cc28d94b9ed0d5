//! The listing filter's terms: sensitive words (a submission is refused) and claims (flagged for
//! the reviewer), with add and remove.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::rules::catalog::moderation::{Term, TermKind};
use leptos::prelude::*;

#[component]
pub fn TermsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let loaded = LocalResource::new(crate::api::moderation::list_terms);
    view! {
        <section class="moderation-terms" aria-labelledby="moderation-terms-title">
            <h2 id="moderation-terms-title">{move || t().terms_title}</h2>
            <p class="muted">{move || t().terms_lead}</p>
            <Suspense fallback=|| view! { <SkeletonRows rows=2 /> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(terms) => view! { <TermsEditor terms=RwSignal::new(terms) /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| loaded.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn TermsEditor(terms: RwSignal<Vec<Term>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let toasts = use_toasts();
    let form = FormState::new();
    let term = RwSignal::new(String::new());
    let kind = RwSignal::new(TermKind::Claim.as_str().to_owned());
    let add = Action::new_local(|(term, kind): &(String, String)| {
        crate::api::moderation::add_term(term.clone(), kind.clone())
    });
    let remove =
        Action::new_local(|term: &String| crate::api::moderation::remove_term(term.clone()));
    Effect::new(move |_| match add.value().get() {
        Some(Ok(list)) => {
            terms.set(list);
            term.set(String::new());
            toasts.success(i18n.t().saved);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    Effect::new(move |_| match remove.value().get() {
        Some(Ok(list)) => terms.set(list),
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        add.dispatch_local((term.get_untracked(), kind.get_untracked()));
    };
    let errors = form.errors_signal();
    let error_of = move |name: &'static str| {
        move || {
            errors
                .read()
                .get(name)
                .iter()
                .map(|issue| (i18n.t().issue)(issue))
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    let kinds = [TermKind::Sensitive, TermKind::Claim];
    view! {
        <form class="inline-form panel moderation-term-form" on:submit=on_submit novalidate>
            <FormAlert state=form />
            <div class="field" class:field-invalid=move || !error_of("term")().is_empty()>
                <label for="moderation-term">{move || t().term}</label>
                <input id="moderation-term" name="term" type="text" maxlength="60" autocomplete="off" bind:value=term
                    aria-describedby="moderation-term-error" />
                <p class="field-error" id="moderation-term-error">{error_of("term")}</p>
            </div>
            <div class="field" class:field-invalid=move || !error_of("kind")().is_empty()>
                <label for="moderation-term-kind">{move || t().term_kind}</label>
                <select id="moderation-term-kind" name="kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {kinds.into_iter().map(|k| view! {
                        <option value=k.as_str() prop:selected=move || kind.get() == k.as_str()>{move || (t().term_kind_name)(k)}</option>
                    }).collect_view()}
                </select>
                <p class="field-error">{error_of("kind")}</p>
            </div>
            <button type="submit" class="button" disabled=move || add.pending().get()>{move || t().add_term}</button>
        </form>
        {move || if terms.with(Vec::is_empty) {
            view! { <p class="empty">{move || t().no_terms}</p> }.into_any()
        } else {
            view! {
                <ul class="moderation-term-list">
                    {terms.get().into_iter().map(|entry| {
                        let text = entry.term.clone();
                        let label = entry.term.clone();
                        let class = match entry.kind {
                            TermKind::Sensitive => "chip offer-rejected",
                            TermKind::Claim => "chip offer-review",
                        };
                        view! {
                            <li>
                                <span class="moderation-term">{entry.term.clone()}</span>
                                <span class=class>{move || (t().term_kind_name)(entry.kind)}</span>
                                <button type="button" class="button small secondary" disabled=move || remove.pending().get()
                                    aria-label=move || (t().remove_term)(&label)
                                    on:click=move |_| { remove.dispatch_local(text.clone()); }>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
