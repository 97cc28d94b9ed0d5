//! The language switch: a labelled select, remembered across visits.

use crate::i18n::{use_i18n, Locale};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{move || i18n.t().language}</span>
            <select aria-label=move || i18n.t().language
                on:change=move |ev| {
                    if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
                        i18n.set_locale(locale);
                    }
                }>
                {Locale::ALL.into_iter().map(|locale| view! {
                    <option value=locale.tag() selected=move || i18n.locale() == locale>
                        {locale.native_name()}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}
