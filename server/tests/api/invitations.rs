//! Invitations and membership: invite, preview, accept once, expiry, revocation, roles and the
//! rule that an organisation always keeps an admin.

use crate::helpers::{spawn_app, token_of, unique_email, PASSWORD};
use app::types::{CurrentUser, Role};
use serde_json::Value;
use uuid::Uuid;

#[tokio::test]
async fn an_invited_colleague_accepts_the_link_and_joins_signed_in() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let org = admin.organisation_id();
    let email = unique_email("colleague");

    let created: Value = app
        .client
        .invite_member(org, &email.to_uppercase(), "member")
        .await
        .ok();

    let accept_path = created["accept_path"].as_str().expect("an accept_path");
    assert!(accept_path.starts_with("/invite/"), "{accept_path}");
    assert_eq!(created["invitation"]["email"], email.as_str());
    assert_eq!(created["invitation"]["status"], "pending");
    let token = token_of(accept_path);

    let invitee = app.new_client();
    let preview: Value = invitee.get_invitation(&token).await.ok();
    assert_eq!(
        preview["organisation_name"],
        admin.user.organisation.as_ref().unwrap().name.as_str()
    );
    assert_eq!(preview["email"], email.as_str());
    assert_eq!(preview["role"], "member");

    let joined: CurrentUser = invitee
        .accept_invitation(&token, "New Colleague", PASSWORD)
        .await
        .ok();
    assert_eq!(joined.email, email);
    assert_eq!(joined.role, Role::Member);
    assert_eq!(
        joined.organisation.as_ref().map(|o| o.organisation_id),
        Some(org)
    );
    assert_eq!(invitee.current_user().await, Some(joined.clone()));

    let members: Vec<Value> = app.client.list_members(org).await.ok();
    assert_eq!(members.len(), 2);
    assert!(members
        .iter()
        .any(|m| m["user_id"] == joined.user_id.to_string() && m["role"] == "member"));
    let invitations: Vec<Value> = app.client.list_invitations(org).await.ok();
    assert_eq!(invitations[0]["status"], "accepted");
    // Only the SHA-256 of the token is stored.
    let stored = format!(
        "select count(*) from invitation where token_hash = sha256(convert_to('{token}', 'UTF8'))"
    );
    assert_eq!(app.count(&stored).await, 1);
}

#[tokio::test]
async fn an_invitation_link_works_only_once() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let token = app
        .client
        .invite(admin.organisation_id(), &unique_email("once"), "member")
        .await;
    app.new_client()
        .accept_invitation(&token, "First Taker", PASSWORD)
        .await
        .ok::<CurrentUser>();

    let second = app.new_client();
    second
        .accept_invitation(&token, "Second Taker", PASSWORD)
        .await
        .assert_field_issue("token", "invitation_invalid");
    second
        .get_invitation(&token)
        .await
        .assert_field_issue("token", "invitation_invalid");
    assert_eq!(second.current_user().await, None);
    assert_eq!(app.count("select count(*) from account").await, 2);
}

#[tokio::test]
async fn an_expired_invitation_can_be_neither_previewed_nor_accepted() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let email = unique_email("late");
    let token = app
        .client
        .invite(admin.organisation_id(), &email, "member")
        .await;
    app.execute("update invitation set expires_at = now() - interval '1 minute'")
        .await;

    let invitee = app.new_client();
    invitee
        .get_invitation(&token)
        .await
        .assert_field_issue("token", "invitation_invalid");
    invitee
        .accept_invitation(&token, "Too Late", PASSWORD)
        .await
        .assert_field_issue("token", "invitation_invalid");

    assert_eq!(
        app.count(&format!(
            "select count(*) from account where email = '{email}'"
        ))
        .await,
        0
    );
    let invitations: Vec<Value> = app
        .client
        .list_invitations(admin.organisation_id())
        .await
        .ok();
    assert_eq!(invitations[0]["status"], "expired");
}

#[tokio::test]
async fn a_revoked_invitation_cannot_be_accepted() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("supplier").await;
    let org = admin.organisation_id();
    let created: Value = app
        .client
        .invite_member(org, &unique_email("revoked"), "admin")
        .await
        .ok();
    let invitation_id: Uuid =
        serde_json::from_value(created["invitation"]["invitation_id"].clone()).unwrap();
    let token = token_of(created["accept_path"].as_str().unwrap());

    assert_eq!(
        app.client
            .revoke_invitation(org, invitation_id)
            .await
            .ok::<Value>(),
        Value::Null
    );

    let invitee = app.new_client();
    invitee
        .get_invitation(&token)
        .await
        .assert_field_issue("token", "invitation_invalid");
    invitee
        .accept_invitation(&token, "Never Joined", PASSWORD)
        .await
        .assert_field_issue("token", "invitation_invalid");
    app.client
        .revoke_invitation(org, invitation_id)
        .await
        .assert_error(404, "not_found");
    let invitations: Vec<Value> = app.client.list_invitations(org).await.ok();
    assert_eq!(invitations[0]["status"], "revoked");
}

#[tokio::test]
async fn an_unknown_token_is_invalid() {
    let app = spawn_app().await;

    app.client
        .get_invitation("0000")
        .await
        .assert_field_issue("token", "invitation_invalid");
}

#[tokio::test]
async fn a_weak_password_on_acceptance_is_reported_and_the_link_stays_usable() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let token = app
        .client
        .invite(admin.organisation_id(), &unique_email("weak"), "member")
        .await;
    let invitee = app.new_client();

    let reply = invitee.accept_invitation(&token, "", "short").await;

    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("display_name"), ["required"]);
    assert_eq!(reply.field_codes("password"), ["too_short"]);
    invitee
        .accept_invitation(&token, "Second Try", PASSWORD)
        .await
        .ok::<CurrentUser>();
}

#[tokio::test]
async fn inviting_someone_who_already_has_an_account_or_a_staff_role_is_refused() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let other = app.new_client().sign_up_org("supplier").await;
    let org = admin.organisation_id();

    app.client
        .invite_member(org, &other.email, "member")
        .await
        .assert_field_issue("email", "email_taken");
    app.client
        .invite_member(org, &unique_email("staff"), "operator")
        .await
        .assert_field_issue("role", "invalid_choice");
    app.client
        .invite_member(org, "not-an-email", "member")
        .await
        .assert_field_issue("email", "invalid_email");
    // A role that is not a role at all does not even deserialise.
    app.client
        .invite_member(org, &unique_email("root"), "root")
        .await
        .assert_error(400, "bad_request");
    assert_eq!(app.count("select count(*) from invitation").await, 0);
}

#[tokio::test]
async fn a_plain_member_cannot_manage_invitations_or_members() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let org = admin.organisation_id();
    let (member, member_account) = app.member_of(&app.client, org).await;
    let created: Value = app
        .client
        .invite_member(org, &unique_email("pending"), "member")
        .await
        .ok();
    let invitation_id: Uuid =
        serde_json::from_value(created["invitation"]["invitation_id"].clone()).unwrap();

    member
        .invite_member(org, &unique_email("friend"), "member")
        .await
        .assert_error(403, "forbidden");
    member
        .list_invitations(org)
        .await
        .assert_error(403, "forbidden");
    member
        .revoke_invitation(org, invitation_id)
        .await
        .assert_error(403, "forbidden");
    member
        .set_member_role(org, member_account.user_id(), "admin")
        .await
        .assert_error(403, "forbidden");
    member
        .remove_member(org, admin.user_id())
        .await
        .assert_error(403, "forbidden");
    member
        .update_organisation(org, crate::helpers::profile_input("Taken Over Ltd"))
        .await
        .assert_error(403, "forbidden");
    // Reading their own organisation is fine.
    assert_eq!(member.list_members(org).await.ok::<Vec<Value>>().len(), 2);
    assert_eq!(app.count("select count(*) from invitation").await, 2);
    assert_eq!(
        app.count("select count(*) from account where role = 'admin'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_admin_promotes_a_member_who_can_then_demote_the_first_admin() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("both").await;
    let org = admin.organisation_id();
    let (colleague, colleague_account) = app.member_of(&app.client, org).await;

    app.client
        .set_member_role(org, colleague_account.user_id(), "admin")
        .await
        .ok::<Value>();
    assert_eq!(colleague.current_user().await.unwrap().role, Role::Admin);

    colleague
        .set_member_role(org, admin.user_id(), "member")
        .await
        .ok::<Value>();
    assert_eq!(app.client.current_user().await.unwrap().role, Role::Member);
    app.client
        .list_invitations(org)
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn the_only_admin_can_be_neither_demoted_nor_removed() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let org = admin.organisation_id();
    let (_member, member_account) = app.member_of(&app.client, org).await;

    let body = app
        .client
        .set_member_role(org, admin.user_id(), "member")
        .await
        .assert_error(409, "conflict");
    assert_eq!(body["reason"], "last_admin", "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    app.client
        .remove_member(org, admin.user_id())
        .await
        .assert_error(409, "conflict");
    app.client
        .set_member_role(org, admin.user_id(), "operator")
        .await
        .assert_field_issue("role", "invalid_choice");
    assert_eq!(app.client.current_user().await.unwrap().role, Role::Admin);

    app.client
        .set_member_role(org, Uuid::now_v7(), "admin")
        .await
        .assert_error(404, "not_found");
    assert_eq!(
        app.client
            .remove_member(org, member_account.user_id())
            .await
            .ok::<Value>(),
        Value::Null
    );
    assert_eq!(
        app.client.list_members(org).await.ok::<Vec<Value>>().len(),
        1
    );
}

#[tokio::test]
async fn a_removed_member_loses_their_session() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let org = admin.organisation_id();
    let (member, member_account) = app.member_of(&app.client, org).await;

    app.client
        .remove_member(org, member_account.user_id())
        .await
        .ok::<Value>();

    assert_eq!(member.current_user().await, None);
    member
        .list_members(org)
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn two_people_racing_to_accept_one_link_leave_exactly_one_account() {
    let app = spawn_app().await;
    let admin = app.client.sign_up_org("buyer").await;
    let email = unique_email("race");
    let token = app
        .client
        .invite(admin.organisation_id(), &email, "member")
        .await;
    let (first, second) = (app.new_client(), app.new_client());

    let (a, b) = tokio::join!(
        first.accept_invitation(&token, "First Racer", PASSWORD),
        second.accept_invitation(&token, "Second Racer", PASSWORD),
    );

    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 422], "{} / {}", a.text, b.text);
    let loser = if a.status == 200 { &b } else { &a };
    loser.assert_field_issue("token", "invitation_invalid");
    let accounts = format!("select count(*) from account where email = '{email}'");
    assert_eq!(app.count(&accounts).await, 1);
}

#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one_admin() {
    let app = spawn_app().await;
    let first = app.client.sign_up_org("buyer").await;
    let org = first.organisation_id();
    let (second, second_account) = app.member_of(&app.client, org).await;
    app.client
        .set_member_role(org, second_account.user_id(), "admin")
        .await
        .ok::<Value>();

    let (a, b) = tokio::join!(
        app.client
            .set_member_role(org, second_account.user_id(), "member"),
        second.set_member_role(org, first.user_id(), "member"),
    );

    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort_unstable();
    assert!(
        statuses == [200, 403] || statuses == [200, 409],
        "{statuses:?}: {} / {}",
        a.text,
        b.text
    );
    let admins =
        format!("select count(*) from account where organisation_id = '{org}' and role = 'admin'");
    assert_eq!(app.count(&admins).await, 1);
}
