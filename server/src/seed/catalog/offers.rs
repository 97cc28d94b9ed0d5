//! The demo suppliers' offers: each supplier line (a supplier selling some categories from one
//! origin, in one currency and incoterm) offers most products of its categories, with prices,
//! tiers, MOQs and lead times spread around the product's reference price so every comparison
//! has a real choice to make.

use super::super::catalog_data::PRODUCTS;
use super::{dec, org, product_id};
use crate::seed::demo_id;
use app::rules::pricing::{Incoterm, PriceTier};
use app::types::catalog::{OfferContent, Region};
use app::types::money::Currency;
use rust_decimal::{Decimal, RoundingStrategy};
use time::Date;
use uuid::Uuid;

/// One supplier selling `categories` from `origin`.
struct Line {
    supplier: &'static str,
    /// Prefix of the supplier's own references (its ERP's codes).
    prefix: &'static str,
    categories: &'static [&'static str],
    origin: &'static str,
    currency: Currency,
    incoterm: Incoterm,
    /// Price level against the reference price, in percent.
    price_percent: i64,
    lead_time_days: u32,
    payment_days: u32,
    /// Stockholders quote what is on the shelf; mills make to order.
    stocked: bool,
    description: &'static str,
}

const HENGDA: &str = "Jiangsu Hengda Steel Co., Ltd.";
const RUHR: &str = "Ruhr Stahlhandel GmbH";
const YUANHANG: &str = "Tianjin Yuanhang Steel Pipe Co.";
const JINLI: &str = "Ningbo Jinli Fasteners Co., Ltd.";
const PRECISION: &str = "Precision Bolt & Nut Inc.";
const ZHENGDA: &str = "Haiyan Zhengda Hardware Co.";
const SINO_EURO: &str = "Sino-Euro Industrial Supply GmbH";

#[rustfmt::skip]
const LINES: &[Line] = &[
    Line { supplier: HENGDA, prefix: "HD", categories: &["rebar", "steel-plate"], origin: "CN", currency: Currency::CNY, incoterm: Incoterm::Fob, price_percent: 97, lead_time_days: 21, payment_days: 30, stocked: false, description: "Shanghai or Zhangjiagang port; 30% deposit, balance against copy of B/L." },
    Line { supplier: HENGDA, prefix: "HDVN", categories: &["rebar"], origin: "VN", currency: Currency::USD, incoterm: Incoterm::Fob, price_percent: 101, lead_time_days: 28, payment_days: 30, stocked: false, description: "Rolled at our Hai Phong mill; FOB Hai Phong." },
    Line { supplier: RUHR, prefix: "RS", categories: &["steel-plate", "steel-pipe"], origin: "DE", currency: Currency::EUR, incoterm: Incoterm::Fca, price_percent: 124, lead_time_days: 4, payment_days: 0, stocked: true, description: "Ex stock Duisburg, cutting to size on request, 30 days net." },
    Line { supplier: RUHR, prefix: "RSTR", categories: &["rebar"], origin: "TR", currency: Currency::EUR, incoterm: Incoterm::Fca, price_percent: 108, lead_time_days: 18, payment_days: 15, stocked: false, description: "Turkish mill partner, CE marked, FCA Iskenderun." },
    Line { supplier: YUANHANG, prefix: "YH", categories: &["steel-pipe"], origin: "CN", currency: Currency::USD, incoterm: Incoterm::Fob, price_percent: 95, lead_time_days: 30, payment_days: 30, stocked: false, description: "FOB Tianjin Xingang, third-party inspection by SGS or BV accepted." },
    Line { supplier: JINLI, prefix: "JL", categories: &["bolts"], origin: "CN", currency: Currency::USD, incoterm: Incoterm::Fob, price_percent: 92, lead_time_days: 25, payment_days: 30, stocked: false, description: "FOB Ningbo, RoHS compliant plating, mixed container possible." },
    Line { supplier: JINLI, prefix: "JLVN", categories: &["bolts"], origin: "VN", currency: Currency::USD, incoterm: Incoterm::Fob, price_percent: 96, lead_time_days: 30, payment_days: 30, stocked: false, description: "From our Binh Duong plant, FOB Ho Chi Minh City, no anti-dumping duty into the EU." },
    Line { supplier: ZHENGDA, prefix: "ZD", categories: &["bolts"], origin: "CN", currency: Currency::CNY, incoterm: Incoterm::Exw, price_percent: 86, lead_time_days: 15, payment_days: 45, stocked: true, description: "Ex works Haiyan, full prepayment." },
    Line { supplier: PRECISION, prefix: "PB", categories: &["bolts"], origin: "IN", currency: Currency::USD, incoterm: Incoterm::Fob, price_percent: 104, lead_time_days: 35, payment_days: 30, stocked: false, description: "Made by our partner plant in Pune, FOB Nhava Sheva, PPAP on request." },
    Line { supplier: SINO_EURO, prefix: "SE", categories: &["valves", "bearings"], origin: "CN", currency: Currency::EUR, incoterm: Incoterm::Fca, price_percent: 112, lead_time_days: 40, payment_days: 30, stocked: false, description: "Sourced and inspected by our Shanghai office, FCA Shanghai." },
    Line { supplier: SINO_EURO, prefix: "SEIN", categories: &["valves"], origin: "IN", currency: Currency::USD, incoterm: Incoterm::Fob, price_percent: 99, lead_time_days: 45, payment_days: 30, stocked: false, description: "Indian foundry partner, FOB Mundra." },
    Line { supplier: SINO_EURO, prefix: "SEDE", categories: &["bearings"], origin: "DE", currency: Currency::EUR, incoterm: Incoterm::Fca, price_percent: 138, lead_time_days: 3, payment_days: 0, stocked: true, description: "From our Hamburg warehouse, next-day dispatch." },
];

/// Demo exchange rates the offer prices are converted with (USD per unit of the reference).
fn per_usd(currency: Currency) -> Decimal {
    match currency {
        c if c == Currency::CNY => Decimal::new(7_12, 2),
        c if c == Currency::EUR => Decimal::new(926, 3),
        _ => Decimal::ONE,
    }
}

/// One approved offer: its ids, owner and content.
pub struct DemoOffer {
    pub offer_id: Uuid,
    pub revision_id: Uuid,
    pub product_id: Uuid,
    pub category: &'static str,
    pub supplier_id: Uuid,
    pub submitted_by: Uuid,
    pub content: OfferContent,
}

/// Every demo offer, valid from three days ago.
pub fn demo_offers(today: Date) -> Vec<DemoOffer> {
    let mut offers = Vec::new();
    for (line_index, line) in LINES.iter().enumerate() {
        let (supplier_id, submitted_by) = org(line.supplier);
        let products = PRODUCTS
            .iter()
            .filter(|p| line.categories.contains(&p.category));
        for (index, product) in products.enumerate() {
            // Each line skips about one product in seven: not every supplier sells everything.
            let spread = (line_index * 7 + index * 3) as i64;
            if spread % 7 == 6 {
                continue;
            }
            let reference = format!("{}-{}", line.prefix, product.sku);
            let content = content(line, product, &reference, spread, today);
            offers.push(DemoOffer {
                offer_id: demo_id(&format!("offer:{reference}")),
                revision_id: demo_id(&format!("revision:{reference}")),
                product_id: product_id(product.sku),
                category: product.category,
                supplier_id,
                submitted_by,
                content,
            });
        }
    }
    offers
}

fn content(
    line: &Line,
    product: &super::super::catalog_data::DemoProduct,
    reference: &str,
    spread: i64,
    today: Date,
) -> OfferContent {
    // The line's level, give or take up to 4 % per product.
    let percent = Decimal::from(line.price_percent + spread % 9 - 4) / Decimal::from(100);
    let unit_price = dec(product.reference_usd) * percent * per_usd(line.currency);
    let moq = dec(product.moq) * Decimal::from(1 + spread % 3);
    let tier_count = 2 + (spread % 3) as usize;
    let tiers = (0..tier_count)
        .map(|step| {
            let factor = [1, 5, 20, 50][step];
            let discount = Decimal::new(100 - 3 * step as i64, 2);
            PriceTier {
                min_quantity: moq * Decimal::from(factor),
                unit_price: price(unit_price * discount),
            }
        })
        .collect();
    let origin_region = Region::of_country(line.origin).expect("a known demo origin");
    let sample_available = matches!(product.unit, "pc") || spread % 2 == 0;
    OfferContent {
        product_sku: product.sku.to_owned(),
        reference: reference.to_owned(),
        tiers,
        moq,
        lead_time_days: line.lead_time_days + (spread % 4) as u32 * 3,
        incoterm: line.incoterm,
        origin_country: line.origin.to_owned(),
        origin_region,
        currency: line.currency,
        stock: line.stocked.then(|| moq * Decimal::from(8 + spread % 12)),
        valid_from: super::day(today, -3),
        valid_until: super::day(today, 60 + spread * 5 % 120),
        sample_available,
        // A sample lot at a flat handling charge, free from every third offer.
        sample_price: (sample_available && spread % 3 != 0)
            .then(|| price(Decimal::from(35) * per_usd(line.currency))),
        payment_days: line.payment_days,
        description: line.description.to_owned(),
    }
}

/// A unit price as a supplier writes it: cents, or four decimals below one unit.
fn price(amount: Decimal) -> Decimal {
    let places = if amount < Decimal::ONE { 4 } else { 2 };
    amount
        .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}
