//! Tests of bands and stars.

use super::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn default_thresholds_put_scores_in_the_documented_bands() {
    let t = BandThresholds::default();
    assert_eq!(t.band(d("29.99")), Band::Blocked);
    assert_eq!(t.band(d("30")), Band::Warned);
    assert_eq!(t.band(d("49.99")), Band::Warned);
    assert_eq!(t.band(d("50")), Band::Standard);
    assert_eq!(t.band(d("79.99")), Band::Standard);
    assert_eq!(t.band(d("80")), Band::Preferred);
}

#[test]
fn thresholds_that_do_not_increase_are_rejected() {
    assert_eq!(
        BandThresholds::new(d("50"), d("50"), d("80")),
        Err(ThresholdsError::NotIncreasing)
    );
    assert_eq!(
        BandThresholds::new(d("60"), d("50"), d("80")),
        Err(ThresholdsError::NotIncreasing)
    );
}

#[test]
fn thresholds_outside_the_scale_are_rejected() {
    assert_eq!(
        BandThresholds::new(d("-1"), d("50"), d("80")),
        Err(ThresholdsError::OutOfRange)
    );
    assert_eq!(
        BandThresholds::new(d("30"), d("50"), d("101")),
        Err(ThresholdsError::OutOfRange)
    );
}

#[test]
fn deserialising_invalid_thresholds_fails() {
    let json = r#"{"warned":"50","standard":"40","preferred":"80"}"#;
    assert!(serde_json::from_str::<BandThresholds>(json).is_err());
    let ok = r#"{"warned":"20","standard":"40","preferred":"90"}"#;
    let parsed: BandThresholds = serde_json::from_str(ok).unwrap();
    assert_eq!(parsed.band(d("40")), Band::Standard);
}

#[test]
fn stars_go_in_half_steps_from_zero_to_five() {
    assert_eq!(stars(d("0")), d("0.0"));
    assert_eq!(stars(d("24")), d("1.0"));
    assert_eq!(stars(d("25")), d("1.5"));
    assert_eq!(stars(d("50")), d("2.5"));
    assert_eq!(stars(d("94.99")), d("4.5"));
    assert_eq!(stars(d("100")), d("5.0"));
}
