//! Organisations: buyers, suppliers or both, and the forms that create and describe them.

use super::account::Role;
use super::validation::{bounded_text, FieldIssue};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// What an organisation does on the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Buyer,
    Supplier,
    Both,
}

impl OrgKind {
    pub const ALL: [OrgKind; 3] = [OrgKind::Buyer, OrgKind::Supplier, OrgKind::Both];

    pub fn buys(self) -> bool {
        matches!(self, OrgKind::Buyer | OrgKind::Both)
    }

    pub fn supplies(self) -> bool {
        matches!(self, OrgKind::Supplier | OrgKind::Both)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Buyer => "buyer",
            OrgKind::Supplier => "supplier",
            OrgKind::Both => "both",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        OrgKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == raw)
            .ok_or(FieldIssue::InvalidChoice)
    }
}

/// An organisation's legal or trading name: 2 to 200 characters.
pub fn parse_org_name(raw: &str) -> Result<String, FieldIssue> {
    bounded_text(raw, 2, 200)
}

/// An optional second name (e.g. the Chinese name); empty means none.
pub fn parse_optional_name(raw: &str) -> Result<Option<String>, FieldIssue> {
    bounded_text(raw, 0, 200).map(|name| (!name.is_empty()).then_some(name))
}

/// The short form of an organisation carried with the current user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgSummary {
    pub organisation_id: Uuid,
    pub name: String,
    pub name_zh: Option<String>,
    pub kind: OrgKind,
}

/// Everything a new organisation and its first admin need. Raw strings: the server validates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUpInput {
    pub org_name: String,
    pub org_name_zh: String,
    /// "buyer", "supplier" or "both".
    pub kind: String,
    pub display_name: String,
    pub email: String,
    pub password: String,
}

/// A sign-up that passed validation.
#[derive(Debug, Clone)]
pub struct ValidSignUp {
    pub org_name: String,
    pub org_name_zh: Option<String>,
    pub kind: OrgKind,
    pub display_name: String,
    pub email: super::account::Email,
    pub password: super::account::NewPassword,
}

impl SignUpInput {
    /// Validates every field, reporting all problems at once. The browser runs this too.
    pub fn validate(&self) -> Result<ValidSignUp, super::validation::FieldErrors> {
        use super::account::{parse_display_name, Email, NewPassword};
        let mut errors = super::validation::FieldErrors::default();
        let parsed = (
            errors.check("org_name", parse_org_name(&self.org_name)),
            errors.check("org_name_zh", parse_optional_name(&self.org_name_zh)),
            errors.check("kind", OrgKind::parse(&self.kind)),
            errors.check("display_name", parse_display_name(&self.display_name)),
            errors.check("email", Email::parse(&self.email)),
            errors.check("password", NewPassword::parse(&self.password)),
        );
        match parsed {
            (
                Some(org_name),
                Some(org_name_zh),
                Some(kind),
                Some(display_name),
                Some(email),
                Some(password),
            ) => Ok(ValidSignUp {
                org_name,
                org_name_zh,
                kind,
                display_name,
                email,
                password,
            }),
            _ => Err(errors),
        }
    }
}

/// An organisation's public profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgProfile {
    pub organisation_id: Uuid,
    pub name: String,
    pub name_zh: Option<String>,
    pub kind: OrgKind,
    pub industry: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub description: Option<String>,
    pub member_count: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Editable parts of a profile. Raw strings: the server validates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgProfileInput {
    pub name: String,
    pub name_zh: String,
    pub industry: String,
    pub city: String,
    pub country: String,
    pub description: String,
}

/// A pending or past invitation to join an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub invitation_id: Uuid,
    pub email: String,
    pub role: Role,
    pub status: crate::rules::invitation::InvitationStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// Returned once when an invitation is created: the link is shown to the admin to pass on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedInvitation {
    pub invitation: Invitation,
    /// Path with the one-time token, e.g. `/invite/abc…`; only its hash is stored.
    pub accept_path: String,
}

/// What an invitee sees before accepting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPreview {
    pub organisation_name: String,
    pub organisation_name_zh: Option<String>,
    pub email: String,
    pub role: Role,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// One row of the staff's organisation register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgRegisterRow {
    pub organisation_id: Uuid,
    pub name: String,
    pub name_zh: Option<String>,
    pub kind: OrgKind,
    pub industry: Option<String>,
    pub country: Option<String>,
    pub member_count: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_know_whether_they_buy_or_supply() {
        assert!(OrgKind::Both.buys() && OrgKind::Both.supplies());
        assert!(OrgKind::Buyer.buys() && !OrgKind::Buyer.supplies());
        assert!(!OrgKind::Supplier.buys() && OrgKind::Supplier.supplies());
    }

    #[test]
    fn an_empty_second_name_means_none() {
        assert_eq!(parse_optional_name("  "), Ok(None));
        assert_eq!(parse_optional_name(" 华信 "), Ok(Some("华信".to_owned())));
    }

    #[test]
    fn a_sign_up_reports_every_bad_field_at_once() {
        let errors = SignUpInput {
            kind: "pirate".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        for field in ["org_name", "kind", "display_name", "email", "password"] {
            assert!(
                !errors.get(field).is_empty(),
                "{field} should have an error"
            );
        }
        assert!(errors.get("org_name_zh").is_empty());
    }

    #[test]
    fn org_names_need_two_characters() {
        assert_eq!(parse_org_name("A"), Err(FieldIssue::TooShort { min: 2 }));
    }
}
