//! Landed cost of an offer at a quantity, in the buyer's currency, with every part explained.
//!
//! Four components, always in this order, each converted to the target currency and rounded
//! half-up to its minor units *before* they are added, so the total is exactly their sum:
//! - goods: unit price × quantity, converted;
//! - freight: zero when the incoterm's price already pays the main carriage (CIF, DAP, DDP);
//!   otherwise the freight-table entry, per unit × quantity or per shipment, converted;
//! - duty: zero for DDP; otherwise the duty percentage of a CIF-like customs value, goods +
//!   freight (CIF and DAP prices already carry freight; insurance is not modelled);
//! - financing: the cost of paying before the goods arrive, goods × annual rate × days / 365.
//!
//! The unit landed cost is total ÷ quantity rounded half-up to four decimals: finer than minor
//! units so that cheap items (bolts at USD 0.0125) still compare. The total is authoritative;
//! unit × quantity may differ from it in the last places.

use super::fx::{find_path, FxError, FxPath, FxRate};
use super::incoterm::Incoterm;
use crate::types::money::{format_amount, round_minor, Currency, Money, MAX_DECIMALS, ROUNDING};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// How a freight-table entry charges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FreightBasis {
    /// The amount is per unit of measure (per tonne, per piece).
    PerUnit,
    /// The amount is for the whole shipment, whatever the quantity.
    PerShipment,
}

/// The freight-table entry for the offer's incoterm, origin region and destination region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreightCharge {
    pub basis: FreightBasis,
    pub amount: Money,
}

/// The buyer's cost of money tied up by the payment term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Financing {
    /// Yearly rate in percent (8 means 8 %).
    #[serde(with = "rust_decimal::serde::str")]
    pub annual_rate_percent: Decimal,
    /// Days between paying and receiving the goods (0 for payment on or after delivery).
    pub days: u32,
}

impl Financing {
    pub const NONE: Financing = Financing {
        annual_rate_percent: Decimal::ZERO,
        days: 0,
    };
}

/// Everything the landed cost of one offer column depends on.
#[derive(Debug, Clone, Copy)]
pub struct LandedCostInput<'a> {
    /// The tier price at the quantity, in the offer's currency.
    pub unit_price: Money,
    pub quantity: Decimal,
    pub incoterm: Incoterm,
    /// Needed only when the incoterm excludes freight (EXW, FCA, FOB).
    pub freight: Option<FreightCharge>,
    /// Import duty in percent of the customs value (6.5 means 6.5 %).
    pub duty_percent: Decimal,
    pub financing: Financing,
    pub target: Currency,
    /// The date whose exchange rates apply (the comparison date, never a future rate).
    pub on: Date,
    pub rates: &'a [FxRate],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Goods,
    Freight,
    Duty,
    Financing,
}

/// One part of the landed cost, rounded to the target currency's minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Component {
    pub kind: ComponentKind,
    pub amount: Money,
    /// The calculation with its numbers, for the hover: `USD 620.00 × 25 × 7.2 (USD/CNY
    /// 2026-11-20) = CNY 111,600.00`. Numbers, codes and symbols, plus a few English words for
    /// included costs; the UI translates the component's kind.
    pub formula: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LandedCost {
    /// Goods, freight, duty, financing; they add up exactly to `total`.
    pub components: Vec<Component>,
    /// `total / quantity`, half-up to four decimals.
    pub unit: Money,
    pub total: Money,
}

/// Why a landed cost cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum LandedCostError {
    #[error("the quantity must be above zero")]
    QuantityNotPositive,
    #[error("duty, freight and financing rates cannot be negative")]
    NegativeCharge,
    #[error("no freight rate for this {incoterm} route")]
    MissingFreight { incoterm: Incoterm },
    #[error(transparent)]
    Fx(#[from] FxError),
    #[error("the amounts are too large")]
    Overflow,
}

/// The landed cost of one offer at the input's quantity; see the module docs for each part.
pub fn landed_cost(input: &LandedCostInput) -> Result<LandedCost, LandedCostError> {
    let LandedCostInput {
        unit_price,
        quantity,
        incoterm,
        target,
        ..
    } = *input;
    if quantity <= Decimal::ZERO {
        return Err(LandedCostError::QuantityNotPositive);
    }
    let freight_amount = input.freight.map_or(Decimal::ZERO, |f| f.amount.amount);
    let rates = [input.duty_percent, input.financing.annual_rate_percent];
    if freight_amount < Decimal::ZERO || rates.iter().any(|r| *r < Decimal::ZERO) {
        return Err(LandedCostError::NegativeCharge);
    }
    let money = |amount| Money::new(round_minor(amount, target), target);
    let convert = |from: Money, quantity: Decimal| -> Result<(Decimal, FxPath), LandedCostError> {
        let path = find_path(from.currency, target, input.on, input.rates)?;
        let exact = path.apply(checked(from.amount.checked_mul(quantity))?);
        Ok((round_minor(checked(exact)?, target), path))
    };
    let with_rate = |path: &FxPath| match path.describe() {
        legs if legs.is_empty() => String::new(),
        legs => format!(" {legs}"),
    };
    let quantity_text = format_amount(quantity, 0);

    let (goods, path) = convert(unit_price, quantity)?;
    let goods_formula = format!(
        "{unit_price} × {quantity_text}{} = {}",
        with_rate(&path),
        money(goods)
    );

    let (freight, freight_formula) = match (incoterm.includes_freight(), input.freight) {
        (true, _) => (Decimal::ZERO, format!("included in the {incoterm} price")),
        (false, None) => return Err(LandedCostError::MissingFreight { incoterm }),
        (false, Some(charge)) => {
            let (times, per) = match charge.basis {
                FreightBasis::PerUnit => (quantity, format!("per unit × {quantity_text}")),
                FreightBasis::PerShipment => (Decimal::ONE, "per shipment".to_owned()),
            };
            let (freight, path) = convert(charge.amount, times)?;
            let formula = format!(
                "{} {per}{} = {}",
                charge.amount,
                with_rate(&path),
                money(freight)
            );
            (freight, formula)
        }
    };

    let (duty, duty_formula) = if incoterm.includes_duty() {
        (Decimal::ZERO, format!("included in the {incoterm} price"))
    } else {
        let basis = checked(goods.checked_add(freight))?;
        let exact = checked(basis.checked_mul(input.duty_percent))? / Decimal::ONE_HUNDRED;
        let duty = round_minor(exact, target);
        let basis_text = if freight.is_zero() {
            money(goods).to_string()
        } else {
            format!("({} + {})", money(goods), money(freight))
        };
        let percent = input.duty_percent.normalize();
        (duty, format!("{basis_text} × {percent}% = {}", money(duty)))
    };

    let Financing {
        annual_rate_percent,
        days,
    } = input.financing;
    let yearly = checked(goods.checked_mul(annual_rate_percent))?;
    let exact = checked(yearly.checked_mul(Decimal::from(days)))? / Decimal::from(36_500);
    let financing = round_minor(exact, target);
    let financing_formula = format!(
        "{} × {}% × {days} / 365 = {}",
        money(goods),
        annual_rate_percent.normalize(),
        money(financing)
    );

    let components = vec![
        component(ComponentKind::Goods, money(goods), goods_formula),
        component(ComponentKind::Freight, money(freight), freight_formula),
        component(ComponentKind::Duty, money(duty), duty_formula),
        component(
            ComponentKind::Financing,
            money(financing),
            financing_formula,
        ),
    ];
    let total = components
        .iter()
        .try_fold(Decimal::ZERO, |sum, part| {
            sum.checked_add(part.amount.amount)
        })
        .ok_or(LandedCostError::Overflow)?;
    let unit = checked(total.checked_div(quantity))?.round_dp_with_strategy(MAX_DECIMALS, ROUNDING);
    Ok(LandedCost {
        components,
        unit: Money::new(unit, target),
        total: money(total),
    })
}

fn component(kind: ComponentKind, amount: Money, formula: String) -> Component {
    Component {
        kind,
        amount,
        formula,
    }
}

fn checked(value: Option<Decimal>) -> Result<Decimal, LandedCostError> {
    value.ok_or(LandedCostError::Overflow)
}

#[cfg(test)]
mod tests;
