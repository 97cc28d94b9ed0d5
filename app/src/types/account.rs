//! Accounts: validated credentials, roles and what the browser knows about the signed-in user.

use super::organisation::OrgSummary;
use super::validation::{bounded_text, FieldIssue};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A syntactically plausible, lower-cased e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(FieldIssue::Required);
        }
        if email.len() > 254 {
            return Err(FieldIssue::TooLong { max: 254 });
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.chars().any(|c| c.is_whitespace() || c == ',')
                    && !domain.contains('@')
            }
            None => false,
        };
        if valid {
            Ok(Email(email))
        } else {
            Err(FieldIssue::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: 10 to 128 characters (length beats composition rules).
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 10;
    pub const MAX: usize = 128;

    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        let length = raw.chars().count();
        if length == 0 {
            Err(FieldIssue::Required)
        } else if length < Self::MIN {
            Err(FieldIssue::TooShort { min: Self::MIN })
        } else if length > Self::MAX {
            Err(FieldIssue::TooLong { max: Self::MAX })
        } else {
            Ok(NewPassword(raw.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// A person's name as shown to colleagues: 1 to 100 characters.
pub fn parse_display_name(raw: &str) -> Result<String, FieldIssue> {
    bounded_text(raw, 1, 100)
}

/// What a user may do. Organisation roles and platform-staff roles never mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages the organisation: members, invitations, profile.
    Admin,
    /// Works in the organisation's name.
    Member,
    /// Platform staff who run the marketplace (events, moderation).
    Operator,
    /// Platform staff who review suppliers.
    Reviewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Member, Role::Operator, Role::Reviewer];

    pub fn is_staff(self) -> bool {
        matches!(self, Role::Operator | Role::Reviewer)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
            Role::Operator => "operator",
            Role::Reviewer => "reviewer",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == raw)
            .ok_or(FieldIssue::InvalidChoice)
    }
}

/// The signed-in user as the browser sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub user_id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// `None` for platform staff.
    pub organisation: Option<OrgSummary>,
}

impl CurrentUser {
    pub fn is_staff(&self) -> bool {
        self.role.is_staff()
    }

    pub fn is_org_admin(&self) -> bool {
        self.role == Role::Admin && self.organisation.is_some()
    }

    pub fn buys(&self) -> bool {
        self.organisation
            .as_ref()
            .is_some_and(|org| org.kind.buys())
    }

    pub fn supplies(&self) -> bool {
        self.organisation
            .as_ref()
            .is_some_and(|org| org.kind.supplies())
    }
}

/// A member of an organisation, as listed to its colleagues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    #[serde(with = "time::serde::rfc3339")]
    pub joined_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Li.Wei@Example.COM ").unwrap().as_str(),
            "li.wei@example.com"
        );
    }

    #[test]
    fn malformed_emails_are_rejected() {
        for raw in [
            "",
            "no-at-sign",
            "@example.com",
            "a@b",
            "a@.com",
            "a b@example.com",
            "a@b@c.com",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw} should be rejected");
        }
    }

    #[test]
    fn passwords_shorter_than_ten_characters_are_too_short() {
        assert_eq!(
            NewPassword::parse("short").unwrap_err(),
            FieldIssue::TooShort { min: 10 }
        );
        assert!(NewPassword::parse("long enough pass").is_ok());
    }

    #[test]
    fn roles_parse_from_their_wire_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(Role::parse("root"), Err(FieldIssue::InvalidChoice));
    }
}
