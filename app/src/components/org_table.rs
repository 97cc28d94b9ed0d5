//! A table of organisations (supplier directory, staff register); cards on narrow screens.

use crate::i18n::use_i18n;
use crate::types::OrgRegisterRow;
use leptos::prelude::*;
use leptos_router::components::A;

/// `YYYY-MM-DD` in UTC: unambiguous in both languages.
pub fn format_date(at: time::OffsetDateTime) -> String {
    let date = at.date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[component]
pub fn OrgTable(
    rows: Vec<OrgRegisterRow>,
    #[prop(optional)] show_kind: bool,
    /// Link names to the public supplier profile (the buyers' directory) instead of the plain one.
    #[prop(optional)]
    supplier_links: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().name}</th>
                        {show_kind.then(|| view! { <th scope="col">{move || i18n.t().kind}</th> })}
                        <th scope="col">{move || i18n.t().industry}</th>
                        <th scope="col">{move || i18n.t().country}</th>
                        <th scope="col" class="num">{move || i18n.t().members}</th>
                        <th scope="col">{move || i18n.t().created}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let kind = row.kind;
                        let href = if supplier_links {
                            format!("/suppliers/{}", row.organisation_id)
                        } else {
                            format!("/organisations/{}", row.organisation_id)
                        };
                        view! {
                            <tr>
                                <th scope="row" data-label=move || i18n.t().name>
                                    <A href=href>{row.name.clone()}</A>
                                    {row.name_zh.clone().map(|zh| view! { <span class="secondary-name" lang="zh-CN">{zh}</span> })}
                                </th>
                                {show_kind.then(|| view! {
                                    <td data-label=move || i18n.t().kind>
                                        <span class=format!("chip chip-{}", kind.as_str())>{move || (i18n.t().kind_name)(kind)}</span>
                                    </td>
                                })}
                                <td data-label=move || i18n.t().industry>{row.industry.clone().unwrap_or_default()}</td>
                                <td data-label=move || i18n.t().country>{row.country.clone().unwrap_or_default()}</td>
                                <td class="num" data-label=move || i18n.t().members>{row.member_count}</td>
                                <td data-label=move || i18n.t().created>{format_date(row.created_at)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
