//! Factory audits and sample test results that staff record on a supplier, and the checks of
//! their forms (pure, so the browser runs them too).

use crate::types::validation::{bounded_text, FieldErrors, FieldIssue};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The checklist's overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditResult {
    Pass,
    /// Passed with corrective actions to follow up.
    Conditional,
    Fail,
}

impl AuditResult {
    pub const ALL: [AuditResult; 3] = [
        AuditResult::Pass,
        AuditResult::Conditional,
        AuditResult::Fail,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditResult::Pass => "pass",
            AuditResult::Conditional => "conditional",
            AuditResult::Fail => "fail",
        }
    }

    pub fn parse(raw: &str) -> Option<AuditResult> {
        AuditResult::ALL.into_iter().find(|r| r.as_str() == raw)
    }
}

/// A recorded factory audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactoryAudit {
    pub audit_id: Uuid,
    pub audited_on: Date,
    pub auditor: String,
    pub result: AuditResult,
    /// 0–100.
    pub score: i16,
    pub notes: String,
    pub recorded_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
    /// Photos of the audit, oldest first (served by `/files/audit-photos/<id>`).
    pub photos: Vec<Uuid>,
}

/// A recorded sample test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleTest {
    pub test_id: Uuid,
    pub tested_on: Date,
    pub product: String,
    pub laboratory: String,
    pub passed: bool,
    pub notes: String,
    pub recorded_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
}

/// A supplier's audits and sample tests, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierAudits {
    pub factory_audits: Vec<FactoryAudit>,
    pub sample_tests: Vec<SampleTest>,
}

/// The factory audit form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactoryAuditInput {
    /// `YYYY-MM-DD`.
    pub audited_on: String,
    pub auditor: String,
    /// `pass`, `conditional` or `fail`.
    pub result: String,
    pub score: String,
    pub notes: String,
}

/// The sample test form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleTestInput {
    pub tested_on: String,
    pub product: String,
    pub laboratory: String,
    pub passed: bool,
    pub notes: String,
}

/// A checked factory audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFactoryAudit {
    pub audited_on: Date,
    pub auditor: String,
    pub result: AuditResult,
    pub score: i16,
    pub notes: String,
}

/// A checked sample test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSampleTest {
    pub tested_on: Date,
    pub product: String,
    pub laboratory: String,
    pub passed: bool,
    pub notes: String,
}

/// A required `YYYY-MM-DD` date.
pub fn parse_date(raw: &str) -> Result<Date, FieldIssue> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldIssue::Required);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw, &format).map_err(|_| FieldIssue::InvalidChoice)
}

/// A whole number from 0 to 100.
pub fn parse_score(raw: &str) -> Result<i16, FieldIssue> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldIssue::Required);
    }
    let score: i16 = raw.parse().map_err(|_| FieldIssue::NotANumber)?;
    if (0..=100).contains(&score) {
        Ok(score)
    } else {
        Err(FieldIssue::OutOfRange { min: 0, max: 100 })
    }
}

pub fn validate_factory_audit(input: &FactoryAuditInput) -> Result<NewFactoryAudit, FieldErrors> {
    let mut errors = FieldErrors::default();
    let audited_on = errors.check("audited_on", parse_date(&input.audited_on));
    let auditor = errors.check("auditor", bounded_text(&input.auditor, 1, 200));
    let result = errors.check(
        "result",
        AuditResult::parse(input.result.trim()).ok_or(FieldIssue::InvalidChoice),
    );
    let score = errors.check("score", parse_score(&input.score));
    let notes = errors.check("notes", bounded_text(&input.notes, 0, 2000));
    match (audited_on, auditor, result, score, notes) {
        (Some(audited_on), Some(auditor), Some(result), Some(score), Some(notes)) => {
            Ok(NewFactoryAudit {
                audited_on,
                auditor,
                result,
                score,
                notes,
            })
        }
        _ => Err(errors),
    }
}

pub fn validate_sample_test(input: &SampleTestInput) -> Result<NewSampleTest, FieldErrors> {
    let mut errors = FieldErrors::default();
    let tested_on = errors.check("tested_on", parse_date(&input.tested_on));
    let product = errors.check("product", bounded_text(&input.product, 1, 200));
    let laboratory = errors.check("laboratory", bounded_text(&input.laboratory, 1, 200));
    let notes = errors.check("notes", bounded_text(&input.notes, 0, 2000));
    match (tested_on, product, laboratory, notes) {
        (Some(tested_on), Some(product), Some(laboratory), Some(notes)) => Ok(NewSampleTest {
            tested_on,
            product,
            laboratory,
            passed: input.passed,
            notes,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_audit_form_reports_every_bad_field() {
        let input = FactoryAuditInput {
            audited_on: "2026-02-30".into(),
            auditor: " ".into(),
            result: "great".into(),
            score: "101".into(),
            notes: String::new(),
        };
        let errors = validate_factory_audit(&input).unwrap_err();
        assert_eq!(errors.get("audited_on"), &[FieldIssue::InvalidChoice]);
        assert_eq!(errors.get("auditor"), &[FieldIssue::Required]);
        assert_eq!(errors.get("result"), &[FieldIssue::InvalidChoice]);
        assert_eq!(
            errors.get("score"),
            &[FieldIssue::OutOfRange { min: 0, max: 100 }]
        );
    }

    #[test]
    fn a_valid_sample_test_is_trimmed() {
        let input = SampleTestInput {
            tested_on: "2026-11-20".into(),
            product: " M8 bolts ".into(),
            laboratory: "SGS Shanghai".into(),
            passed: true,
            notes: String::new(),
        };
        let test = validate_sample_test(&input).unwrap();
        assert_eq!(test.product, "M8 bolts");
        assert_eq!(parse_score("88"), Ok(88));
    }
}
