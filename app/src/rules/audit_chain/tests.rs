//! Tests of the audit hash chain: known answer, tampering, export round trips.

use super::*;
use proptest::prelude::*;
use serde_json::json;
use time::macros::datetime;
use time::Duration;

const T0: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

fn chain(events: &[(String, serde_json::Value, i64)]) -> Vec<AuditEntry> {
    let mut entries: Vec<AuditEntry> = Vec::new();
    for (kind, payload, millis) in events {
        let at = T0 + Duration::milliseconds(*millis);
        let entry = append(entries.last(), kind.clone(), payload.clone(), at);
        entries.push(entry);
    }
    entries
}

fn sample() -> Vec<AuditEntry> {
    chain(&[
        ("lot_opened".into(), json!({"lot": 7}), 0),
        (
            "bid_accepted".into(),
            json!({"amount": "990.00", "rank": 1}),
            1_500,
        ),
        ("bid_rejected".into(), json!({"reason": "too_high"}), 2_000),
        ("extended".into(), json!({"by_seconds": 120}), 2_001),
    ])
}

#[test]
fn the_genesis_entry_hash_is_pinned_so_the_encoding_cannot_drift() {
    let genesis = append(
        None,
        "lot_opened",
        json!({"lot": 7, "ceiling": "1000.00", "flags": [true, null]}),
        datetime!(2026-11-25 10:00:00.5 +01:00),
    );
    assert_eq!(genesis.sequence, 0);
    assert_eq!(genesis.previous_hash, GENESIS_PREVIOUS_HASH);
    assert_eq!(
        canonical_encoding(&genesis),
        "agora-audit-v1\n0\n2026-11-25T09:00:00.500000000Z\n\"lot_opened\"\n\
         {\"ceiling\":\"1000.00\",\"flags\":[true,null],\"lot\":7}\n\
         0000000000000000000000000000000000000000000000000000000000000000"
    );
    assert_eq!(
        genesis.hash,
        "df2cb1df56258e666553a864212932511b10e59b2d02f920ba3ea011437567e0"
    );
}

#[test]
fn appended_entries_verify() {
    let entries = sample();
    assert_eq!(entries[3].sequence, 3);
    assert_eq!(entries[3].previous_hash, entries[2].hash);
    assert_eq!(verify(&entries), Ok(()));
    assert_eq!(verify(&[]), Ok(()));
}

#[test]
fn payload_key_order_does_not_change_the_hash() {
    let mut forwards = serde_json::Map::new();
    forwards.insert("a".into(), json!(1));
    forwards.insert("b".into(), json!({"y": 2, "x": 3}));
    let mut backwards = serde_json::Map::new();
    backwards.insert("b".into(), json!({"x": 3, "y": 2}));
    backwards.insert("a".into(), json!(1));
    let one = append(None, "k", forwards.into(), T0);
    let other = append(None, "k", backwards.into(), T0);
    assert_eq!(one.hash, other.hash);
}

#[test]
fn the_same_instant_in_another_offset_hashes_the_same() {
    let utc = append(None, "k", json!(null), T0);
    let local = append(
        None,
        "k",
        json!(null),
        T0.to_offset(time::macros::offset!(+05:30)),
    );
    assert_eq!(utc.hash, local.hash);
}

#[test]
fn a_log_that_does_not_start_at_genesis_is_rejected() {
    let entries = sample();
    assert_eq!(
        verify(&entries[1..]),
        Err(ChainError::SequenceGap {
            expected: 0,
            found: 1
        })
    );
}

#[test]
fn an_export_reads_back_and_verifies() {
    let entries = sample();
    let text = to_json_lines(&entries);
    assert_eq!(text.lines().count(), entries.len());
    assert!(text.contains("\"at\":\"2026-11-25T10:00:01.500000000Z\""));
    let read = from_json_lines(&text).unwrap();
    assert_eq!(read, entries);
    assert_eq!(verify(&read), Ok(()));
}

#[test]
fn an_edited_export_fails_verification_at_the_edited_entry() {
    let text = to_json_lines(&sample()).replace("too_high", "too_low");
    let read = from_json_lines(&text).unwrap();
    assert_eq!(
        verify(&read),
        Err(ChainError::TamperedEntry { sequence: 2 })
    );
}

#[test]
fn a_malformed_export_line_is_reported_with_its_number() {
    let mut text = to_json_lines(&sample());
    text.push_str("{not json}\n");
    let err = from_json_lines(&text).unwrap_err();
    assert_eq!(err.line, 5);
}

fn payload() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(|b| json!(b)),
        any::<i64>().prop_map(|n| json!(n)),
        "[ -~]{0,8}".prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn events() -> impl Strategy<Value = Vec<(String, serde_json::Value, i64)>> {
    prop::collection::vec(("[a-z_]{1,12}", payload(), 0i64..10_000_000), 2..8)
}

proptest! {
    #[test]
    fn any_appended_chain_verifies_and_survives_export(events in events()) {
        let entries = chain(&events);
        prop_assert_eq!(verify(&entries), Ok(()));
        let read = from_json_lines(&to_json_lines(&entries)).unwrap();
        prop_assert_eq!(verify(&read), Ok(()));
    }

    #[test]
    fn changing_any_field_of_any_entry_is_detected_at_that_entry(
        events in events(),
        pick in any::<prop::sample::Index>(),
        field in 0usize..6,
    ) {
        let mut entries = chain(&events);
        let k = pick.index(entries.len());
        let entry = &mut entries[k];
        let expected = match field {
            0 => {
                entry.sequence += 1;
                ChainError::SequenceGap { expected: k as u64, found: k as u64 + 1 }
            }
            1 => {
                entry.at += Duration::nanoseconds(1);
                ChainError::TamperedEntry { sequence: k as u64 }
            }
            2 => {
                entry.kind.push('x');
                ChainError::TamperedEntry { sequence: k as u64 }
            }
            3 => {
                entry.payload = json!({"forged": entry.payload.clone()});
                ChainError::TamperedEntry { sequence: k as u64 }
            }
            4 => {
                entry.previous_hash = entry_hash(entry);
                ChainError::BrokenLink { sequence: k as u64 }
            }
            _ => {
                entry.hash = GENESIS_PREVIOUS_HASH.to_owned();
                ChainError::TamperedEntry { sequence: k as u64 }
            }
        };
        prop_assert_eq!(verify(&entries), Err(expected));
    }

    #[test]
    fn dropping_an_entry_before_the_last_is_detected_where_it_was(
        events in events(),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut entries = chain(&events);
        let k = pick.index(entries.len() - 1);
        entries.remove(k);
        prop_assert_eq!(
            verify(&entries),
            Err(ChainError::SequenceGap { expected: k as u64, found: k as u64 + 1 })
        );
    }

    #[test]
    fn swapping_two_entries_is_detected_at_the_first_of_them(
        events in events(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let mut entries = chain(&events);
        let (i, j) = (a.index(entries.len()), b.index(entries.len()));
        prop_assume!(i != j);
        let (i, j) = (i.min(j), i.max(j));
        entries.swap(i, j);
        prop_assert_eq!(
            verify(&entries),
            Err(ChainError::SequenceGap { expected: i as u64, found: j as u64 })
        );
    }

    #[test]
    fn inserting_a_well_formed_entry_is_detected_at_the_entry_it_displaces(
        events in events(),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut entries = chain(&events);
        let k = pick.index(entries.len());
        let forged = append(k.checked_sub(1).map(|p| &entries[p]), "forged", json!({}), T0);
        entries.insert(k, forged);
        prop_assert_eq!(
            verify(&entries),
            Err(ChainError::SequenceGap { expected: k as u64 + 1, found: k as u64 })
        );
    }
}
