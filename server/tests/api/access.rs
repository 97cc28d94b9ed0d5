//! Access control: organisations cannot touch each other's objects, supplier profiles are public
//! to buyers, staff-only and buyer-only functions, and calls without a session.

use crate::helpers::{profile_input, spawn_app, unique_email, ApiClient, TestApp};
use app::types::Role;
use serde_json::{json, Value};
use uuid::Uuid;

/// Organisation B (of `kind`) with an admin, a plain member and a pending invitation.
struct Victim {
    organisation_id: Uuid,
    name: String,
    admin_id: Uuid,
    member_id: Uuid,
    invitation_id: Uuid,
}

async fn victim(app: &TestApp, kind: &str) -> Victim {
    let (admin, account) = app.org_admin(kind).await;
    let organisation_id = account.organisation_id();
    let (_, member) = app.member_of(&admin, organisation_id).await;
    let created: Value = admin
        .invite_member(organisation_id, &unique_email("pending"), "member")
        .await
        .ok();
    Victim {
        organisation_id,
        name: account.user.organisation.clone().unwrap().name,
        admin_id: account.user_id(),
        member_id: member.user_id(),
        invitation_id: serde_json::from_value(created["invitation"]["invitation_id"].clone())
            .unwrap(),
    }
}

/// Every call on B's objects that `intruder` might try, each of which must be refused.
async fn assert_every_call_is_refused(intruder: &ApiClient, own_org: Uuid, b: &Victim) {
    let org = b.organisation_id;
    intruder
        .update_organisation(org, profile_input("Hijacked Ltd"))
        .await
        .assert_refused("update_organisation");
    intruder
        .list_members(org)
        .await
        .assert_refused("list_members");
    intruder
        .set_member_role(org, b.member_id, "admin")
        .await
        .assert_refused("set_member_role");
    intruder
        .set_member_role(org, b.admin_id, "member")
        .await
        .assert_refused("set_member_role (demote B's admin)");
    intruder
        .remove_member(org, b.member_id)
        .await
        .assert_refused("remove_member");
    intruder
        .invite_member(org, &unique_email("mole"), "admin")
        .await
        .assert_refused("invite_member");
    intruder
        .list_invitations(org)
        .await
        .assert_refused("list_invitations");
    intruder
        .revoke_invitation(org, b.invitation_id)
        .await
        .assert_refused("revoke_invitation");
    // B's ids smuggled under the intruder's own organisation id must not work either.
    intruder
        .revoke_invitation(own_org, b.invitation_id)
        .await
        .assert_refused("revoke_invitation via own organisation");
    intruder
        .set_member_role(own_org, b.member_id, "admin")
        .await
        .assert_refused("set_member_role via own organisation");
    intruder
        .remove_member(own_org, b.member_id)
        .await
        .assert_refused("remove_member via own organisation");
}

/// Nothing of B changed.
async fn assert_untouched(app: &TestApp, b: &Victim) {
    let org = b.organisation_id;
    let name_kept = format!(
        "select count(*) from organisation where organisation_id = '{org}' and name = '{}'",
        b.name
    );
    assert_eq!(app.count(&name_kept).await, 1, "B's profile changed");
    let roles_kept = format!(
        "select count(*) from account where organisation_id = '{org}' and \
         ((account_id = '{}' and role = 'admin') or (account_id = '{}' and role = 'member'))",
        b.admin_id, b.member_id
    );
    assert_eq!(app.count(&roles_kept).await, 2, "B's members changed");
    let invitations = format!(
        "select count(*) from invitation where organisation_id = '{org}' and revoked_at is null"
    );
    assert_eq!(app.count(&invitations).await, 2, "B's invitations changed");
}

#[tokio::test]
async fn an_admin_of_one_organisation_can_touch_nothing_of_another_buyer_organisation() {
    let app = spawn_app().await;
    let b = victim(&app, "buyer").await;
    let (intruder, account) = app.org_admin("buyer").await;

    intruder
        .get_organisation(b.organisation_id)
        .await
        .assert_refused("get_organisation of a buyer");
    assert_every_call_is_refused(&intruder, account.organisation_id(), &b).await;

    assert_untouched(&app, &b).await;
}

#[tokio::test]
async fn a_plain_member_of_one_organisation_can_touch_nothing_of_another() {
    let app = spawn_app().await;
    let b = victim(&app, "supplier").await;
    let (admin, account) = app.org_admin("supplier").await;
    let (intruder, _) = app.member_of(&admin, account.organisation_id()).await;

    intruder
        .get_organisation(b.organisation_id)
        .await
        .assert_refused("get_organisation of another supplier");
    assert_every_call_is_refused(&intruder, account.organisation_id(), &b).await;

    assert_untouched(&app, &b).await;
}

#[tokio::test]
async fn supplier_profiles_are_public_to_buyers_but_their_members_are_not() {
    let app = spawn_app().await;
    let b = victim(&app, "supplier").await;
    let (buyer, account) = app.org_admin("buyer").await;

    let profile: Value = buyer.get_organisation(b.organisation_id).await.ok();

    assert_eq!(profile["name"], b.name.as_str());
    assert_eq!(profile["kind"], "supplier");
    assert_eq!(profile["member_count"], 2);
    buyer
        .list_members(b.organisation_id)
        .await
        .assert_refused("list_members of a supplier");
    assert_every_call_is_refused(&buyer, account.organisation_id(), &b).await;
    assert_untouched(&app, &b).await;
}

#[tokio::test]
async fn a_supplier_cannot_read_a_buyers_profile() {
    let app = spawn_app().await;
    let b = victim(&app, "buyer").await;
    let (supplier, _) = app.org_admin("supplier").await;

    supplier
        .get_organisation(b.organisation_id)
        .await
        .assert_refused("get_organisation of a buyer by a supplier");
}

#[tokio::test]
async fn only_platform_staff_may_list_every_organisation() {
    let app = spawn_app().await;
    let b = victim(&app, "buyer").await;
    let (admin, _) = app.org_admin("both").await;

    admin
        .list_organisations()
        .await
        .assert_error(403, "forbidden");

    for role in [Role::Operator, Role::Reviewer] {
        let (staff, account) = app.staff(role).await;
        assert_eq!(account.user.role, role);
        assert!(account.user.organisation.is_none());
        let register: Vec<Value> = staff.list_organisations().await.ok();
        assert_eq!(register.len(), 2);
        // Staff read any organisation and its members, but administer none.
        staff
            .get_organisation(b.organisation_id)
            .await
            .ok::<Value>();
        assert_eq!(
            staff
                .list_members(b.organisation_id)
                .await
                .ok::<Vec<Value>>()
                .len(),
            2
        );
        staff
            .invite_member(b.organisation_id, &unique_email("staff-invite"), "member")
            .await
            .assert_refused("invite_member by staff");
    }
}

#[tokio::test]
async fn the_supplier_directory_is_for_buyers_and_staff_only() {
    let app = spawn_app().await;
    let (supplier, supplier_account) = app.org_admin("supplier").await;
    let (buyer, buyer_account) = app.org_admin("buyer").await;
    let (dual, _) = app.org_admin("both").await;
    let (staff, _) = app.staff(Role::Operator).await;

    supplier
        .search_suppliers("")
        .await
        .assert_error(403, "forbidden");

    let found: Vec<Value> = buyer.search_suppliers("").await.ok();
    let ids: Vec<&str> = found
        .iter()
        .filter_map(|row| row["organisation_id"].as_str())
        .collect();
    assert_eq!(
        found.len(),
        2,
        "the supplier and the dual-role organisation: {found:?}"
    );
    assert!(ids.contains(&supplier_account.organisation_id().to_string().as_str()));
    assert!(!ids.contains(&buyer_account.organisation_id().to_string().as_str()));
    assert_eq!(
        dual.search_suppliers("supplier")
            .await
            .ok::<Vec<Value>>()
            .len(),
        1
    );
    assert_eq!(staff.search_suppliers("").await.ok::<Vec<Value>>().len(), 2);
    // LIKE wildcards in the query are literal characters.
    assert!(buyer
        .search_suppliers("%")
        .await
        .ok::<Vec<Value>>()
        .is_empty());
}

#[tokio::test]
async fn calls_without_a_session_are_unauthorised() {
    let app = spawn_app().await;
    let b = victim(&app, "buyer").await;
    let anonymous = app.new_client();
    let org = b.organisation_id;
    let calls: [(&str, Value); 12] = [
        ("account/update_profile", json!({ "display_name": "Ghost" })),
        (
            "account/change_password",
            json!({ "current_password": "x", "new_password": "y" }),
        ),
        (
            "invitations/invite_member",
            json!({ "organisation_id": org, "email": "x@example.com", "role": "member" }),
        ),
        (
            "invitations/list_invitations",
            json!({ "organisation_id": org }),
        ),
        (
            "invitations/revoke_invitation",
            json!({ "organisation_id": org, "invitation_id": b.invitation_id }),
        ),
        ("members/list_members", json!({ "organisation_id": org })),
        (
            "members/set_member_role",
            json!({ "organisation_id": org, "user_id": b.member_id, "role": "admin" }),
        ),
        (
            "members/remove_member",
            json!({ "organisation_id": org, "user_id": b.member_id }),
        ),
        (
            "organisations/get_organisation",
            json!({ "organisation_id": org }),
        ),
        (
            "organisations/update_organisation",
            json!({ "organisation_id": org, "input": profile_input("Ghost Ltd") }),
        ),
        ("organisations/search_suppliers", json!({ "query": "" })),
        ("organisations/list_organisations", json!({})),
    ];

    for (endpoint, body) in calls {
        let reply = anonymous.post(&format!("/api/{endpoint}"), body).await;
        assert_eq!(reply.status, 401, "{endpoint}: {}", reply.text);
        assert_eq!(
            reply.json(),
            json!({ "kind": "unauthorized" }),
            "{endpoint}"
        );
    }
    assert_eq!(anonymous.current_user().await, None);
    assert_untouched(&app, &b).await;
}

#[tokio::test]
async fn an_admin_updates_their_own_profile_with_validation() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("supplier").await;
    let org = account.organisation_id();

    let profile: Value = app
        .client
        .update_organisation(org, profile_input("Ningbo Steel Co"))
        .await
        .ok();
    assert_eq!(profile["name"], "Ningbo Steel Co");
    assert_eq!(profile["city"], "Ningbo");
    assert_eq!(profile["name_zh"], Value::Null);

    let mut bad = profile_input("X");
    bad["description"] = json!("d".repeat(2001));
    let reply = app.client.update_organisation(org, bad).await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("name"), ["too_short"]);
    assert_eq!(reply.field_codes("description"), ["too_long"]);
    let current: Value = app.client.get_organisation(org).await.ok();
    assert_eq!(current["name"], "Ningbo Steel Co");
}
