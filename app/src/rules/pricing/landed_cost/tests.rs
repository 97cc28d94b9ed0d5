//! Tests of the landed cost.

use super::*;
use proptest::prelude::*;
use time::macros::date;

const ON: Date = date!(2026 - 11 - 20);

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn rates() -> Vec<FxRate> {
    vec![
        FxRate {
            base: Currency::USD,
            quote: Currency::CNY,
            rate: d("7.2"),
            valid_from: date!(2026 - 11 - 01),
        },
        FxRate {
            base: Currency::EUR,
            quote: Currency::USD,
            rate: d("1.08"),
            valid_from: date!(2026 - 11 - 01),
        },
    ]
}

fn input(incoterm: Incoterm, rates: &[FxRate]) -> LandedCostInput<'_> {
    LandedCostInput {
        unit_price: Money::new(d("620.00"), Currency::USD),
        quantity: d("25"),
        incoterm,
        freight: Some(FreightCharge {
            basis: FreightBasis::PerUnit,
            amount: Money::new(d("45"), Currency::USD),
        }),
        duty_percent: d("6"),
        financing: Financing {
            annual_rate_percent: d("8"),
            days: 45,
        },
        target: Currency::CNY,
        on: ON,
        rates,
    }
}

fn amounts(cost: &LandedCost) -> Vec<String> {
    cost.components
        .iter()
        .map(|c| c.amount.amount.to_string())
        .collect()
}

#[test]
fn a_fob_offer_adds_freight_duty_on_goods_and_freight_and_financing() {
    let rates = rates();
    let cost = landed_cost(&input(Incoterm::Fob, &rates)).unwrap();
    // goods 620 × 25 × 7.2 = 111,600; freight 45 × 25 × 7.2 = 8,100;
    // duty (111,600 + 8,100) × 6 % = 7,182; financing 111,600 × 8 % × 45 / 365 = 1,100.71.
    assert_eq!(
        amounts(&cost),
        ["111600.00", "8100.00", "7182.00", "1100.71"]
    );
    assert_eq!(cost.total, Money::new(d("127982.71"), Currency::CNY));
    assert_eq!(cost.unit.amount, d("5119.3084"));
    let formulas: Vec<&str> = cost.components.iter().map(|c| c.formula.as_str()).collect();
    assert_eq!(
        formulas,
        [
            "USD 620.00 × 25 × 7.2 (USD/CNY 2026-11-01) = CNY 111,600.00",
            "USD 45.00 per unit × 25 × 7.2 (USD/CNY 2026-11-01) = CNY 8,100.00",
            "(CNY 111,600.00 + CNY 8,100.00) × 6% = CNY 7,182.00",
            "CNY 111,600.00 × 8% × 45 / 365 = CNY 1,100.71",
        ]
    );
}

#[test]
fn cif_and_dap_prices_carry_freight_and_ddp_carries_duty_too() {
    let rates = rates();
    for incoterm in [Incoterm::Cif, Incoterm::Dap] {
        let cost = landed_cost(&input(incoterm, &rates)).unwrap();
        assert_eq!(amounts(&cost), ["111600.00", "0.00", "6696.00", "1100.71"]);
        assert_eq!(
            cost.components[1].formula,
            format!("included in the {incoterm} price")
        );
    }
    let ddp = landed_cost(&input(Incoterm::Ddp, &rates)).unwrap();
    assert_eq!(amounts(&ddp), ["111600.00", "0.00", "0.00", "1100.71"]);
}

#[test]
fn freight_per_shipment_is_charged_once_in_its_own_currency() {
    let rates = rates();
    let mut exw = input(Incoterm::Exw, &rates);
    exw.freight = Some(FreightCharge {
        basis: FreightBasis::PerShipment,
        amount: Money::new(d("1500"), Currency::EUR),
    });
    let cost = landed_cost(&exw).unwrap();
    assert_eq!(cost.components[1].amount.amount, d("11664.00"));
    assert_eq!(
        cost.components[1].formula,
        "EUR 1,500.00 per shipment × 1.08 (EUR/USD 2026-11-01) × 7.2 (USD/CNY 2026-11-01) = CNY 11,664.00"
    );
}

#[test]
fn missing_freight_missing_rates_and_bad_inputs_are_reported() {
    let rates = rates();
    let mut fca = input(Incoterm::Fca, &rates);
    fca.freight = None;
    assert_eq!(
        landed_cost(&fca),
        Err(LandedCostError::MissingFreight {
            incoterm: Incoterm::Fca
        })
    );
    let mut yen = input(Incoterm::Fob, &rates);
    yen.target = Currency::JPY;
    assert!(matches!(
        landed_cost(&yen),
        Err(LandedCostError::Fx(FxError::NoRate { .. }))
    ));
    let mut zero = input(Incoterm::Fob, &rates);
    zero.quantity = Decimal::ZERO;
    assert_eq!(
        landed_cost(&zero),
        Err(LandedCostError::QuantityNotPositive)
    );
    let mut negative = input(Incoterm::Fob, &rates);
    negative.duty_percent = d("-1");
    assert_eq!(landed_cost(&negative), Err(LandedCostError::NegativeCharge));
}

#[test]
fn the_same_currency_needs_no_rate_and_no_rate_in_the_formula() {
    let mut local = input(Incoterm::Ddp, &[]);
    local.unit_price = Money::new(d("4.5"), Currency::CNY);
    local.financing = Financing::NONE;
    let cost = landed_cost(&local).unwrap();
    assert_eq!(cost.components[0].formula, "CNY 4.50 × 25 = CNY 112.50");
    assert_eq!(cost.total.amount.to_string(), "112.50");
}

fn amount(max: i64) -> impl Strategy<Value = Decimal> {
    (0i64..max, 0u32..=4).prop_map(|(units, scale)| Decimal::new(units, scale))
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec![
        Currency::USD,
        Currency::CNY,
        Currency::EUR,
        Currency::JPY,
        Currency::KWD,
    ])
}

proptest! {
    #[test]
    fn every_component_adds_up_exactly_to_the_total(
        unit_price in amount(100_000_000), quantity in amount(10_000_000),
        offer_currency in currency(), target in currency(), freight_currency in currency(),
        incoterm in prop::sample::select(Incoterm::ALL.to_vec()), per_unit in any::<bool>(),
        freight in amount(10_000_000), duty in 0i64..=10_000, annual in 0i64..=5_000,
        days in 0u32..400, rate_units in proptest::collection::vec(100i64..10_000_000_000, 4),
    ) {
        prop_assume!(!quantity.is_zero());
        let pairs = [Currency::EUR, Currency::CNY, Currency::JPY, Currency::KWD];
        let rates: Vec<FxRate> = pairs
            .iter()
            .zip(&rate_units)
            .map(|(quote, units)| FxRate {
                base: Currency::USD,
                quote: *quote,
                rate: Decimal::new(*units, 6),
                valid_from: ON,
            })
            .collect();
        let basis = if per_unit { FreightBasis::PerUnit } else { FreightBasis::PerShipment };
        let cost = landed_cost(&LandedCostInput {
            unit_price: Money::new(unit_price, offer_currency),
            quantity,
            incoterm,
            freight: Some(FreightCharge { basis, amount: Money::new(freight, freight_currency) }),
            duty_percent: Decimal::new(duty, 2),
            financing: Financing { annual_rate_percent: Decimal::new(annual, 2), days },
            target,
            on: ON,
            rates: &rates,
        })
        .unwrap();
        let sum: Decimal = cost.components.iter().map(|c| c.amount.amount).sum();
        prop_assert_eq!(sum, cost.total.amount);
        prop_assert_eq!(cost.components.len(), 4);
        for part in &cost.components {
            prop_assert_eq!(part.amount.currency, target);
            prop_assert!(part.amount.amount.scale() <= target.minor_units());
            prop_assert!(part.amount.amount >= Decimal::ZERO);
        }
        prop_assert_eq!(cost.total.currency, target);
        let drift = (cost.unit.amount * quantity - cost.total.amount).abs();
        prop_assert!(drift <= quantity * Decimal::new(5, 5));
    }
}
