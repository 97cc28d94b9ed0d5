//! Freight lanes: the form that adds or replaces a lane's charge and the table of lanes, each
//! with edit (fills the form) and delete.

use super::{currency_options, region_options};
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::catalog_admin::fields::{text, FormErrors, Input, Select, Unmatched};
use crate::rules::catalog::market_input::FREIGHT_INCOTERMS;
use crate::rules::pricing::FreightBasis;
use crate::types::catalog::compare::FreightEntry;
use crate::types::money::Money;
use leptos::prelude::*;

fn basis_code(basis: FreightBasis) -> &'static str {
    match basis {
        FreightBasis::PerUnit => "per_unit",
        FreightBasis::PerShipment => "per_shipment",
    }
}

/// The form's fields as text.
#[derive(Clone, Copy)]
struct Form {
    incoterm: RwSignal<String>,
    origin: RwSignal<String>,
    destination: RwSignal<String>,
    basis: RwSignal<String>,
    amount: RwSignal<String>,
    currency: RwSignal<String>,
}

impl Form {
    fn fill(&self, entry: &FreightEntry) {
        self.incoterm.set(entry.incoterm.as_str().to_owned());
        self.origin.set(entry.origin_region.as_str().to_owned());
        self.destination
            .set(entry.destination_region.as_str().to_owned());
        self.basis.set(basis_code(entry.charge.basis).to_owned());
        self.amount.set(entry.charge.amount.amount.to_string());
        self.currency
            .set(entry.charge.amount.currency.code().to_owned());
    }
}

#[component]
pub fn Freight() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let toasts = use_toasts();
    let errors = FormErrors::provide();
    let loaded = LocalResource::new(crate::api::catalog::market::list_freight);
    let lanes: RwSignal<Option<Vec<FreightEntry>>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(Ok(list)) = loaded.get() {
            lanes.set(Some(list));
        }
    });
    let form = Form {
        incoterm: RwSignal::new("FOB".into()),
        origin: RwSignal::new("east_asia".into()),
        destination: RwSignal::new("europe".into()),
        basis: RwSignal::new("per_shipment".into()),
        amount: RwSignal::new(String::new()),
        currency: RwSignal::new("USD".into()),
    };
    let save = Action::new_local(move |_: &()| {
        crate::api::catalog::market::save_freight(
            form.incoterm.get_untracked(),
            form.origin.get_untracked(),
            form.destination.get_untracked(),
            form.basis.get_untracked(),
            form.amount.get_untracked(),
            form.currency.get_untracked(),
        )
    });
    let delete = Action::new_local(move |entry: &FreightEntry| {
        crate::api::catalog::market::delete_freight(
            entry.incoterm.as_str().to_owned(),
            entry.origin_region.as_str().to_owned(),
            entry.destination_region.as_str().to_owned(),
        )
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(list)) => {
            lanes.set(Some(list));
            toasts.success(t().freight_saved);
        }
        Some(Err(error)) => errors.fail(error),
        None => {}
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(list)) => {
            lanes.set(Some(list));
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
    let incoterms = Signal::derive(|| {
        FREIGHT_INCOTERMS
            .iter()
            .map(|term| (term.as_str().to_owned(), term.as_str().to_owned()))
            .collect::<Vec<_>>()
    });
    let bases = Signal::derive(move || {
        [FreightBasis::PerShipment, FreightBasis::PerUnit]
            .into_iter()
            .map(|b| (basis_code(b).to_owned(), (t().basis_name)(b).to_owned()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="panel" aria-labelledby="cat-freight-heading">
            <h2 id="cat-freight-heading">{move || t().freight_title}</h2>
            <p class="muted">{move || t().freight_lead}</p>
            <form class="inline-form cat-inline" on:submit=submit novalidate>
                <Unmatched />
                <Select form="freight" name="incoterm" label=text(|t| t.catalog_admin.incoterm) value=form.incoterm options=incoterms />
                <Select form="freight" name="origin_region" label=text(|t| t.catalog_admin.origin_region) value=form.origin options=region_options() />
                <Select form="freight" name="destination_region" label=text(|t| t.catalog_admin.destination_region) value=form.destination options=region_options() />
                <Select form="freight" name="basis" label=text(|t| t.catalog_admin.basis) value=form.basis options=bases />
                <Input form="freight" name="amount" label=text(|t| t.catalog_admin.amount) value=form.amount inputmode="decimal" />
                <Select form="freight" name="currency" label=text(|t| t.catalog_admin.currency) value=form.currency options=currency_options() />
                <button class="button" type="submit" aria-disabled=move || save.pending().get().to_string()>{move || t().save_freight}</button>
            </form>
            {move || match (lanes.get(), loaded.get()) {
                (Some(list), _) if list.is_empty() => view! { <p class="muted">{move || t().no_freight}</p> }.into_any(),
                (Some(list), _) => view! { <LaneTable list form delete /> }.into_any(),
                (None, Some(Err(error))) => view! { <ErrorPanel error on_retry=move |_| loaded.refetch() /> }.into_any(),
                (None, _) => view! { <SkeletonRows rows=3 /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn LaneTable(
    list: Vec<FreightEntry>,
    form: Form,
    delete: Action<FreightEntry, Result<Vec<FreightEntry>, crate::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || t().incoterm}</th>
                    <th scope="col">{move || t().origin_region}</th>
                    <th scope="col">{move || t().destination_region}</th>
                    <th scope="col">{move || t().basis}</th>
                    <th scope="col" class="num">{move || t().amount}</th>
                    <th scope="col"><span class="visually-hidden">{move || t().actions}</span></th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|entry| {
                        let lane = format!("{} {} → {}", entry.incoterm, entry.origin_region.as_str(), entry.destination_region.as_str());
                        let lane_label = lane.clone();
                        let (origin, destination, basis) = (entry.origin_region, entry.destination_region, entry.charge.basis);
                        let amount: Money = entry.charge.amount;
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t().incoterm>{entry.incoterm.as_str()}</th>
                                <td data-label=move || t().origin_region>{move || (t().region_name)(origin)}</td>
                                <td data-label=move || t().destination_region>{move || (t().region_name)(destination)}</td>
                                <td data-label=move || t().basis>{move || (t().basis_name)(basis)}</td>
                                <td class="num" data-label=move || t().amount>{move || amount.format(i18n.locale())}</td>
                                <td class="cat-row-actions">
                                    <button class="button secondary small" type="button"
                                        aria-label=move || format!("{} {lane}", t().edit)
                                        on:click=move |_| form.fill(&entry)>{move || t().edit}</button>
                                    <button class="button danger small" type="button"
                                        aria-label=move || format!("{} {lane_label}", t().delete)
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
