//! English and Simplified Chinese. Every user-facing string goes through a `Texts` catalog; the
//! chosen locale lives in a signal (so the whole UI switches at once) and in localStorage.

mod alerts;
mod catalog;
mod catalog_admin;
mod en;
mod offers;
mod qualification;
mod scorecard;
mod tenders;
mod zh;

pub use alerts::AlertTexts;
pub use catalog::CatalogTexts;
pub use catalog_admin::CatalogAdminTexts;
pub use offers::OfferTexts;
pub use qualification::QualificationTexts;
pub use scorecard::ScorecardTexts;
pub use tenders::TenderTexts;

use crate::types::{FieldIssue, OrgKind, Role};
use crate::AppError;
use leptos::prelude::*;

/// A supported language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    ZhCn,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// BCP 47 tag, used for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhCn => "简体中文",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &en::TEXTS,
            Locale::ZhCn => &zh::TEXTS,
        }
    }
}

/// The catalog: one field per string, plain functions where a value is interpolated.
pub struct Texts {
    pub app_tagline: &'static str,
    pub nav_label: &'static str,
    pub skip_to_content: &'static str,
    pub home: &'static str,
    pub team: &'static str,
    pub account: &'static str,
    pub suppliers: &'static str,
    pub company_profile: &'static str,
    pub organisations: &'static str,
    pub log_in: &'static str,
    pub sign_up: &'static str,
    pub log_out: &'static str,
    pub language: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub cancel: &'static str,
    pub landing_title: &'static str,
    pub landing_lead: &'static str,
    pub landing_points: [&'static str; 3],
    pub signup_title: &'static str,
    pub signup_lead: &'static str,
    pub org_name: &'static str,
    pub org_name_zh: &'static str,
    pub org_type: &'static str,
    pub your_name: &'static str,
    pub work_email: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub create_account: &'static str,
    pub have_account: &'static str,
    pub login_title: &'static str,
    pub no_account: &'static str,
    pub demo_hint: &'static str,
    pub welcome: fn(&str) -> String,
    pub home_lead_buyer: &'static str,
    pub home_lead_supplier: &'static str,
    pub home_lead_staff: &'static str,
    pub card_suppliers: &'static str,
    pub card_company: &'static str,
    pub card_team: &'static str,
    pub card_organisations: &'static str,
    pub members: &'static str,
    pub invite_member: &'static str,
    pub role: &'static str,
    pub create_invitation: &'static str,
    pub invitation_created: &'static str,
    pub invitation_link: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub invitations: &'static str,
    pub no_invitations: &'static str,
    pub revoke: &'static str,
    pub remove: &'static str,
    pub you: &'static str,
    pub joined: &'static str,
    pub expires: &'static str,
    pub status: &'static str,
    pub team_admin_only: &'static str,
    pub display_name: &'static str,
    pub profile_saved: &'static str,
    pub change_password: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub password_changed: &'static str,
    pub organisation: &'static str,
    pub industry: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub description: &'static str,
    pub company_readonly: &'static str,
    pub search_suppliers: &'static str,
    pub no_suppliers: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub created: &'static str,
    pub organisation_count: fn(usize) -> String,
    pub invite_title: fn(&str) -> String,
    pub invite_lead: &'static str,
    pub join: &'static str,
    pub not_found_title: &'static str,
    pub not_found_lead: &'static str,
    pub go_home: &'static str,
    pub not_allowed: &'static str,
    pub role_name: fn(Role) -> &'static str,
    pub kind_name: fn(OrgKind) -> &'static str,
    pub invitation_status: fn(crate::rules::invitation::InvitationStatus) -> &'static str,
    pub issue: fn(&FieldIssue) -> String,
    pub error: fn(&AppError) -> String,
    /// The supplier qualification and review pages.
    pub qualification: &'static QualificationTexts,
    /// The tender pages and the bidding board.
    pub tenders: &'static TenderTexts,
    /// The scorecard, supplier dashboard, public supplier profile and staff's audit tools.
    pub scorecard: &'static ScorecardTexts,
    /// Sample requests, price alerts and a person's notifications.
    pub alerts: &'static AlertTexts,
    /// Catalog search and the comparison matrix.
    pub catalog: &'static CatalogTexts,
    /// Catalog maintenance, product proposals, the product page and the market tables.
    pub catalog_admin: &'static CatalogAdminTexts,
    /// The supplier's offer pages and staff's listing review.
    pub offers: &'static OfferTexts,
}

/// The locale in use, shared by the whole app through context.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The catalog of the current locale (tracks the signal, so views re-render on a switch).
    pub fn t(&self) -> &'static Texts {
        self.locale.get().texts()
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switches language, remembers it, and updates `<html lang>`.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
        browser::remember(locale);
    }
}

/// Provides the i18n context, starting from the stored choice or the browser's language.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(browser::initial_locale()),
    };
    browser::remember(i18n.locale.get_untracked());
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(feature = "csr")]
mod browser {
    use super::Locale;

    /// Where the choice is remembered between visits.
    const STORAGE_KEY: &str = "agora.locale";

    pub fn initial_locale() -> Locale {
        let window = web_sys::window();
        let stored = window
            .as_ref()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|tag| Locale::from_tag(&tag));
        let from_browser = || {
            window
                .as_ref()
                .and_then(|w| w.navigator().language())
                .filter(|lang| lang.to_lowercase().starts_with("zh"))
                .map(|_| Locale::ZhCn)
        };
        stored.or_else(from_browser).unwrap_or(Locale::En)
    }

    pub fn remember(locale: Locale) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(storage) = window.local_storage().ok().flatten() {
            let _ = storage.set_item(STORAGE_KEY, locale.tag());
        }
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", locale.tag());
        }
    }
}

#[cfg(not(feature = "csr"))]
mod browser {
    use super::Locale;
    pub fn initial_locale() -> Locale {
        Locale::En
    }
    pub fn remember(_: Locale) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::from_tag("zh-cn"), Some(Locale::ZhCn));
    }

    #[test]
    fn both_catalogs_translate_field_issues() {
        let issue = FieldIssue::TooShort { min: 10 };
        assert_eq!(
            (Locale::En.texts().issue)(&issue),
            "Must be at least 10 characters"
        );
        assert!((Locale::ZhCn.texts().issue)(&issue).contains("10"));
    }

    #[test]
    fn rate_limit_messages_say_when_to_retry() {
        let error = AppError::RateLimited {
            retry_after_secs: 290,
        };
        assert!((Locale::En.texts().error)(&error).contains("5 minutes"));
        assert!((Locale::ZhCn.texts().error)(&error).contains('5'));
    }
}
