//! The register of sources and the disagreements between them. Every capability cites sources
//! (an entry lists the ids of the sources it rests on), so sources belong to the shared core:
//! a source document graded with the Admiralty code (reliability A–F, credibility 1–6), and a
//! discrepancy that keeps every source's version of a disputed figure and says which the record
//! accepts.

use crate::text::{check_date, check_opt_text, check_text};
use crate::{EntryKind, RecordMeta, ValidationErrors, from_body, to_body};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

crate::vocabulary! {
    /// The kind of a source document.
    pub enum SourceKind {
        /// A UN Security Council (or other) resolution.
        Resolution,
        /// An agreement between states or organizations.
        Agreement,
        /// An official press release or statement.
        PressRelease,
        /// A news article.
        NewsArticle,
        /// A report of the mission itself.
        InternalReport,
        /// Anything else.
        Other,
    }
}

/// Admiralty code: reliability of the source (A completely reliable … F cannot be judged).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[strum(parse_err_ty = String, parse_err_fn = crate::unknown_value::<Reliability>)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

/// Admiralty code: credibility of the information (1 confirmed … 6 cannot be judged).
pub fn check_credibility(c: i64) -> Result<(), String> {
    if (1..=6).contains(&c) {
        Ok(())
    } else {
        Err("must be an Admiralty credibility from 1 (confirmed) to 6 (cannot be judged)".into())
    }
}

/// A source document, graded with the Admiralty code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSource {
    /// Kind of document.
    pub kind: SourceKind,
    /// Title or headline.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub title: String,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A reference when there is no URL (document symbol, file number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub published_on: Option<Date>,
    /// Publisher or outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// ISO 639-1 language code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Admiralty reliability, A–F.
    pub reliability: Reliability,
    /// Admiralty credibility, 1–6.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 6))]
    pub credibility: i64,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Sources disagree about a figure: every claim is kept, and the record says which it accepts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDiscrepancy {
    /// The record the disagreement is about (its subject id).
    pub about: Uuid,
    /// The field in dispute (`personnel.police`).
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub field: String,
    /// The competing claims, each with its sources.
    pub claims: Vec<Claim>,
    /// Index into `claims` of the value the record uses.
    pub accepted: usize,
    /// Why the mission accepts that value.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
}

/// One source's version of a disputed figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The value as the source states it.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub value: String,
    /// The sources that state it.
    pub sources: Vec<Uuid>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Everything the register of sources can be asked to record.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceCommand {
    /// `source.registered`
    RegisterSource(NewSource),
    /// `discrepancy.recorded`
    RecordDiscrepancy(NewDiscrepancy),
}

impl SourceCommand {
    /// The log entry kind.
    pub fn kind(&self) -> EntryKind {
        match self {
            SourceCommand::RegisterSource(_) => EntryKind::SourceRegistered,
            SourceCommand::RecordDiscrepancy(_) => EntryKind::DiscrepancyRecorded,
        }
    }

    /// When the source was published, if known (a discrepancy has no date of its own).
    pub fn valid_on(&self) -> Option<Date> {
        match self {
            SourceCommand::RegisterSource(c) => c.published_on,
            SourceCommand::RecordDiscrepancy(_) => None,
        }
    }

    /// The entry body.
    pub fn body(&self) -> serde_json::Value {
        match self {
            SourceCommand::RegisterSource(c) => to_body(c),
            SourceCommand::RecordDiscrepancy(c) => to_body(c),
        }
    }

    /// Rebuilds a command from an entry, `None` when the kind is not the sources'.
    pub fn from_entry(kind: EntryKind, body: &serde_json::Value) -> Option<Result<Self, String>> {
        Some(match kind {
            EntryKind::SourceRegistered => from_body(body).map(SourceCommand::RegisterSource),
            EntryKind::DiscrepancyRecorded => from_body(body).map(SourceCommand::RecordDiscrepancy),
            _ => return None,
        })
    }

    /// Field-level checks.
    pub fn check(&self, e: &mut ValidationErrors) {
        match self {
            SourceCommand::RegisterSource(c) => {
                check_text("title", &c.title, 500, e);
                if c.url.as_deref().is_none_or(str::is_empty)
                    && c.reference.as_deref().is_none_or(str::is_empty)
                {
                    e.add("url", "a source needs a url or a reference");
                }
                if let Some(u) = &c.url
                    && !(u.starts_with("https://") || u.starts_with("http://"))
                {
                    e.add("url", "must be an http(s) URL");
                }
                if let Some(d) = c.published_on {
                    check_date("published_on", d, e);
                }
                if let Some(l) = &c.language
                    && !(l.len() == 2 && l.chars().all(|ch| ch.is_ascii_lowercase()))
                {
                    e.add("language", "must be an ISO 639-1 code such as en or fr");
                }
                if let Err(m) = check_credibility(c.credibility) {
                    e.add("credibility", m);
                }
                check_opt_text("note", c.note.as_deref(), e);
            }
            SourceCommand::RecordDiscrepancy(c) => {
                check_text("field", &c.field, 100, e);
                if c.claims.len() < 2 {
                    e.add("claims", "a discrepancy needs at least two claims");
                }
                if c.accepted >= c.claims.len() {
                    e.add("accepted", "must be the index of one of the claims");
                }
                for (i, cl) in c.claims.iter().enumerate() {
                    check_text(&format!("claims[{i}].value"), &cl.value, 200, e);
                    if cl.sources.is_empty() {
                        e.add(format!("claims[{i}].sources"), "each claim needs a source");
                    }
                }
                check_text("reason", &c.reason, 2000, e);
            }
        }
    }
}

/// A source document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceView {
    /// Record id.
    pub id: Uuid,
    /// Kind.
    pub kind: SourceKind,
    /// Title.
    pub title: String,
    /// URL.
    pub url: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Publication date.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub published_on: Option<Date>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Admiralty reliability.
    pub reliability: Reliability,
    /// Admiralty credibility.
    pub credibility: i64,
    /// The Admiralty grade as usually written (`B2`).
    pub grade: String,
    /// Free text.
    pub note: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// Sources that disagree about a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiscrepancyView {
    /// Record id.
    pub id: Uuid,
    /// The record in dispute.
    pub about: Uuid,
    /// The field in dispute.
    pub field: String,
    /// Every claim.
    pub claims: Vec<Claim>,
    /// Index of the accepted claim.
    pub accepted: usize,
    /// Why.
    pub reason: String,
    /// Provenance.
    pub meta: RecordMeta,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Command, DomainError};

    fn fields(c: Command) -> Vec<String> {
        match c.validate() {
            Err(DomainError::Invalid(v)) => v.0.into_iter().map(|f| f.field).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn control_characters_and_oversized_text_are_refused_in_any_field() {
        let source = |title: &str, url: &str| {
            Command::Sources(SourceCommand::RegisterSource(NewSource {
                kind: SourceKind::PressRelease,
                title: title.into(),
                url: Some(url.into()),
                reference: None,
                published_on: None,
                outlet: Some("Wire\u{7}".into()),
                language: None,
                reliability: Reliability::A,
                credibility: 1,
                note: Some("two\nlines".into()),
            }))
        };
        let f = fields(source("a\u{0}b", "https://example.org/x"));
        assert_eq!(f, vec!["outlet", "title"]);
        let big = format!("https://example.org/{}", "a".repeat(900 * 1024));
        match source("ok", &big).validate() {
            Err(DomainError::Invalid(v)) => {
                assert!(
                    v.0.iter()
                        .any(|f| f.field == "url" && f.message == "must be at most 2048 characters"),
                    "{v:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
