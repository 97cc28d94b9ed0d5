//! Database tests: each runs against a fresh, migrated database (`#[sqlx::test]`).

use super::{account, invitation, login_attempt, organisation};
use crate::types::{OrgKind, Role};
use sqlx::PgPool;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

async fn new_org(pool: &PgPool, name: &str, kind: OrgKind) -> Uuid {
    let id = Uuid::now_v7();
    let fields = organisation::OrgFields {
        name,
        name_zh: None,
        industry: Some("Steel"),
        city: None,
        country: None,
        description: None,
    };
    organisation::insert_organisation(pool, id, kind, fields)
        .await
        .unwrap();
    id
}

async fn new_account(
    pool: &PgPool,
    org: Option<Uuid>,
    email: &str,
    role: Role,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let new = account::NewAccount {
        account_id: id,
        organisation_id: org,
        email,
        display_name: "Test Person",
        password_hash: "not-a-real-hash",
        role,
    };
    account::insert_account(pool, new).await.map(|_| id)
}

/// A pending invitation to `org`, sent by a fresh admin, with the given token hash.
async fn invite_to(pool: &PgPool, org: Uuid, token_hash: &[u8]) -> Uuid {
    let admin = new_account(pool, Some(org), "admin@northwind.example", Role::Admin)
        .await
        .unwrap();
    let id = Uuid::now_v7();
    let new = invitation::NewInvitation {
        invitation_id: id,
        organisation_id: org,
        email: "new@northwind.example",
        role: Role::Member,
        token_hash,
        invited_by: admin,
        expires_at: OffsetDateTime::now_utc() + Duration::days(1),
    };
    invitation::insert_invitation(pool, new).await.unwrap();
    id
}

#[sqlx::test(migrations = "../migrations")]
async fn a_second_account_with_the_same_email_violates_the_named_constraint(pool: PgPool) {
    let org = new_org(&pool, "Hengda Steel", OrgKind::Supplier).await;
    new_account(&pool, Some(org), "a@hengda.example", Role::Admin)
        .await
        .unwrap();
    let error = new_account(&pool, Some(org), "a@hengda.example", Role::Member)
        .await
        .unwrap_err();
    assert_eq!(
        crate::server::error::violated_constraint(&error),
        Some("account_email_key")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn staff_cannot_belong_to_an_organisation_and_members_must(pool: PgPool) {
    let org = new_org(&pool, "Northwind", OrgKind::Buyer).await;
    assert!(
        new_account(&pool, Some(org), "op@agora.example", Role::Operator)
            .await
            .is_err()
    );
    assert!(
        new_account(&pool, None, "m@northwind.example", Role::Member)
            .await
            .is_err()
    );
    assert!(new_account(&pool, None, "op@agora.example", Role::Operator)
        .await
        .is_ok());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_successful_login_clears_the_accounts_failures(pool: PgPool) {
    let since = OffsetDateTime::now_utc() - Duration::minutes(15);
    for _ in 0..3 {
        login_attempt::record_attempt(&pool, "x@y.example", "10.0.0.1", false)
            .await
            .unwrap();
    }
    assert_eq!(
        login_attempt::failures_for_email(&pool, "x@y.example", since)
            .await
            .unwrap()
            .len(),
        3
    );
    login_attempt::record_attempt(&pool, "x@y.example", "10.0.0.1", true)
        .await
        .unwrap();
    assert!(
        login_attempt::failures_for_email(&pool, "x@y.example", since)
            .await
            .unwrap()
            .is_empty()
    );
    // The address keeps its history: a success on one account does not clear an attacker's address.
    assert_eq!(
        login_attempt::failures_for_address(&pool, "10.0.0.1", since)
            .await
            .unwrap()
            .len(),
        3
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_invitation_can_be_accepted_only_once(pool: PgPool) {
    let org = new_org(&pool, "Northwind", OrgKind::Buyer).await;
    let id = invite_to(&pool, org, b"hash-of-token").await;
    assert!(invitation::mark_accepted(&pool, id).await.unwrap());
    assert!(!invitation::mark_accepted(&pool, id).await.unwrap());
    let found = invitation::find_by_token_hash(&pool, b"hash-of-token")
        .await
        .unwrap()
        .unwrap();
    assert!(found.accepted_at.is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn revoking_needs_the_owning_organisation(pool: PgPool) {
    let org = new_org(&pool, "Northwind", OrgKind::Buyer).await;
    let other = new_org(&pool, "Baltic", OrgKind::Buyer).await;
    let id = invite_to(&pool, org, b"t").await;
    assert_eq!(invitation::revoke(&pool, other, id).await.unwrap(), 0);
    assert_eq!(invitation::revoke(&pool, org, id).await.unwrap(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_supplier_search_matches_chinese_names_and_escapes_wildcards(pool: PgPool) {
    let id = Uuid::now_v7();
    let fields = organisation::OrgFields {
        name: "Jiangsu Hengda Steel",
        name_zh: Some("江苏恒达钢铁"),
        industry: Some("Steel"),
        city: None,
        country: None,
        description: None,
    };
    organisation::insert_organisation(&pool, id, OrgKind::Supplier, fields)
        .await
        .unwrap();
    new_org(&pool, "Northwind Buyers", OrgKind::Buyer).await;
    let hits = organisation::search_suppliers(&pool, "恒达", 10)
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert!(organisation::search_suppliers(&pool, "%", 10)
        .await
        .unwrap()
        .is_empty());
    assert!(organisation::search_suppliers(&pool, "Northwind", 10)
        .await
        .unwrap()
        .is_empty());
}
