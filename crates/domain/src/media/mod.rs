//! Media monitoring in the record: an article read from the press (`article.recorded`: its text
//! as read, boilerplate removed, and the claims extracted from it), and an analyst's decision
//! on one of its claims — accepted into the record (`press_claim.accepted`, naming the record
//! that now holds it) or dismissed with a reason (`press_claim.dismissed`). The article is a
//! source of the register of sources (its id is the source's), so an entry made from a claim
//! cites it like any other source.
//!
//! The claim is the format of `docs/media-claims.md`; the media crate extracts it, and the
//! record keeps it as extracted so that a later, better extractor never rewrites what an
//! analyst decided on.

use crate::text::{check_opt_text, check_text};
use crate::{EntryKind, RecordMeta, ValidationErrors, from_body, to_body};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// The most characters of an article's text the record keeps.
pub use crate::text::MAX_CONTENT;
/// The most claims one article may carry (the messages say 500).
pub const MAX_CLAIMS: usize = 500;
/// The kinds of claim (`docs/media-claims.md`).
pub const CLAIM_KINDS: &[&str] = &[
    "personnel",
    "money",
    "casualties",
    "displacement",
    "resolution",
    "event",
];

/// One claim of an article, in the claims format (optional fields only where they apply).
/// Fields the format may add later are ignored when read, so a gold file written for a newer
/// format still scores.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// The register of sources has a `Claim` of its own (one source's version of a figure).
#[cfg_attr(feature = "openapi", schema(as = PressClaim))]
pub struct Claim {
    /// `personnel`, `money`, `casualties`, `displacement`, `resolution` or `event`.
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub kind: String,
    /// What happened (`pledged`, `arrived`, `killed`, `adopted`, or an event's label).
    #[cfg_attr(feature = "openapi", schema(max_length = 60))]
    pub event: String,
    /// Who: a country (ISO 3166-1 alpha-3), a mission, an organization.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub subject: String,
    /// The figure, if the claim has one.
    pub value: Option<i64>,
    /// The category as the article words it (`police`, `soldiers`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// ISO 4217 currency of a money figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The date, to its precision (`2024-06-25`, `2024-06`, `2024`).
    pub date: Option<String>,
    /// `day`, `month`, `year`, `period` or `unknown`.
    pub date_precision: String,
    /// The first day of a period the figure covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<String>,
    /// The last day of that period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<String>,
    /// `about`, `at_least`, `up_to`, `more_than`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The resolution's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<i64>,
    /// The vote (`13-0-2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<String>,
    /// Where, as the article says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The exact words of the article the claim rests on.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub text: String,
    /// Why the claim may be wrong as worded (`"soldiers" from a police contingent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Claim {
    /// Whether the claim has a date or period.
    pub fn is_dated(&self) -> bool {
        self.date.is_some() || self.period_start.is_some()
    }

    /// The claim's date as a day, when it is dated to the day.
    pub fn day(&self) -> Option<Date> {
        let d = self.date.as_deref()?;
        if self.date_precision != "day" {
            return None;
        }
        Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok()
    }
}

/// An article read from the press: the source it is (recorded before, in the register of
/// sources), its text as read and the claims extracted from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewArticle {
    /// The article's source in the register of sources (`source.registered`, a news article).
    pub source: Uuid,
    /// The language the text was read in (ISO 639-1, `zh-Hant` for traditional Chinese).
    #[cfg_attr(feature = "openapi", schema(max_length = 10))]
    pub language: String,
    /// How the publication date was found, or from what it was inferred.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub published_basis: String,
    /// The first article of the same story (a copy of one wire story, a translation), if this
    /// one is not the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<Uuid>,
    /// The text as read, boilerplate removed (at most 100,000 characters).
    #[cfg_attr(feature = "openapi", schema(max_length = 100000))]
    pub content: String,
    /// A summary or translation printed beside the text (kept to find copies of the story in
    /// the summary's language; claims are not extracted from it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 10000))]
    pub summary: Option<String>,
    /// The claims extracted, each span a passage of `content`.
    pub claims: Vec<Claim>,
}

/// An analyst accepts a press claim: the record now holds it in `record` (a pledge, a
/// deployment, an indicator value, an incident), which may have been made from the claim with
/// the article as its source, or already held it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimAccepted {
    /// The article (its source id).
    pub article: Uuid,
    /// The claim's place in the article's claims, from 0.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 499))]
    pub claim: u32,
    /// The record that holds the claim (its id).
    pub record: Uuid,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An analyst dismisses a press claim, and says why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimDismissed {
    /// The article (its source id).
    pub article: Uuid,
    /// The claim's place in the article's claims, from 0.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 499))]
    pub claim: u32,
    /// Why (misread figure, the same claim as another article's, outside the mission).
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
}

/// Everything media monitoring records.
#[derive(Debug, Clone, PartialEq)]
pub enum MediaCommand {
    /// `article.recorded`
    RecordArticle(NewArticle),
    /// `press_claim.accepted`
    AcceptClaim(ClaimAccepted),
    /// `press_claim.dismissed`
    DismissClaim(ClaimDismissed),
}

impl MediaCommand {
    /// The log entry kind.
    pub fn kind(&self) -> EntryKind {
        match self {
            MediaCommand::RecordArticle(_) => EntryKind::ArticleRecorded,
            MediaCommand::AcceptClaim(_) => EntryKind::PressClaimAccepted,
            MediaCommand::DismissClaim(_) => EntryKind::PressClaimDismissed,
        }
    }

    /// Media entries carry no date of the world of their own (the article's source does).
    pub fn valid_on(&self) -> Option<Date> {
        None
    }

    /// The entry body.
    pub fn body(&self) -> serde_json::Value {
        match self {
            MediaCommand::RecordArticle(c) => to_body(c),
            MediaCommand::AcceptClaim(c) => to_body(c),
            MediaCommand::DismissClaim(c) => to_body(c),
        }
    }

    /// Rebuilds a command from an entry, `None` when the kind is not media monitoring's.
    pub fn from_entry(kind: EntryKind, body: &serde_json::Value) -> Option<Result<Self, String>> {
        Some(match kind {
            EntryKind::ArticleRecorded => from_body(body).map(MediaCommand::RecordArticle),
            EntryKind::PressClaimAccepted => from_body(body).map(MediaCommand::AcceptClaim),
            EntryKind::PressClaimDismissed => from_body(body).map(MediaCommand::DismissClaim),
            _ => return None,
        })
    }

    /// Field-level checks.
    pub fn check(&self, e: &mut ValidationErrors) {
        match self {
            MediaCommand::RecordArticle(a) => check_article(a, e),
            MediaCommand::AcceptClaim(c) => {
                check_index(c.claim, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            MediaCommand::DismissClaim(c) => {
                check_index(c.claim, e);
                check_text("reason", &c.reason, 2000, e);
            }
        }
    }
}

fn check_index(claim: u32, e: &mut ValidationErrors) {
    if claim as usize >= MAX_CLAIMS {
        e.add("claim", "must be below 500");
    }
}

fn check_article(a: &NewArticle, e: &mut ValidationErrors) {
    if !(2..=10).contains(&a.language.len())
        || !a
            .language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        e.add(
            "language",
            "must be a language tag such as en, fr or zh-Hant",
        );
    }
    check_text("published_basis", &a.published_basis, 500, e);
    if a.content.trim().is_empty() {
        e.add("content", "must not be empty");
    } else if a.content.len() > MAX_CONTENT && a.content.chars().count() > MAX_CONTENT {
        e.add(
            "content",
            format!("must be at most {MAX_CONTENT} characters"),
        );
    }
    if a.story == Some(a.source) {
        e.add("story", "must be another article (the first of the story)");
    }
    if a.claims.len() > MAX_CLAIMS {
        e.add("claims", "at most 500 claims");
        return;
    }
    for (i, c) in a.claims.iter().enumerate() {
        let f = |name: &str| format!("claims[{i}].{name}");
        if !CLAIM_KINDS.contains(&c.kind.as_str()) {
            e.add(
                f("kind"),
                "must be personnel, money, casualties, displacement, resolution or event",
            );
        }
        if c.event.is_empty()
            || c.event.len() > 60
            || !c
                .event
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
        {
            e.add(
                f("event"),
                "must be a label in snake_case (pledged, killed)",
            );
        }
        check_text(&f("subject"), &c.subject, 100, e);
        if !["day", "month", "year", "period", "unknown"].contains(&c.date_precision.as_str()) {
            e.add(
                f("date_precision"),
                "must be day, month, year, period or unknown",
            );
        }
        check_text(&f("text"), &c.text, 2000, e);
        if !c.text.trim().is_empty() && !a.content.contains(c.text.as_str()) {
            e.add(f("text"), "must be a passage of the article's content");
        }
    }
}

/// Where an analyst's decision leaves a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Nobody has decided yet.
    Open,
    /// In the record, as `record`.
    Accepted {
        /// The record that holds it.
        record: Uuid,
        /// The entry of the decision.
        seq: i64,
    },
    /// Dismissed, for `reason`.
    Dismissed {
        /// Why.
        reason: String,
        /// The entry of the decision.
        seq: i64,
    },
}

impl ClaimStatus {
    /// `open`, `accepted` or `dismissed`.
    pub fn label(&self) -> &'static str {
        match self {
            ClaimStatus::Open => "open",
            ClaimStatus::Accepted { .. } => "accepted",
            ClaimStatus::Dismissed { .. } => "dismissed",
        }
    }
}

/// An article as the record keeps it, with its source's description.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleView {
    /// The article's id (its source's).
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Where it can be read.
    pub url: Option<String>,
    /// Publication date.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub published_on: Option<Date>,
    /// How the publication date was found.
    pub published_basis: String,
    /// The language it was read in.
    pub language: String,
    /// The outlet's Admiralty grade as recorded with the source (`B6`).
    pub grade: String,
    /// The first article of its story (its own id when it is the first).
    pub story: Uuid,
    /// The text as read (empty in a list of articles: read one article for it).
    pub content: String,
    /// A summary or translation printed beside it.
    pub summary: Option<String>,
    /// Its claims, each with its status.
    pub claims: Vec<ClaimView>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// A claim of an article with the analyst's decision on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimView {
    /// Its place in the article's claims.
    pub index: u32,
    /// The claim.
    pub claim: Claim,
    /// The decision.
    pub status: ClaimStatus,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Command, DomainError};

    fn fields(c: MediaCommand) -> Vec<String> {
        match Command::Media(c).validate() {
            Err(DomainError::Invalid(v)) => v.0.into_iter().map(|f| f.field).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    fn article() -> NewArticle {
        NewArticle {
            source: Uuid::nil(),
            language: "en".into(),
            published_basis: "the dateline".into(),
            story: None,
            summary: None,
            content: "Kenya pledged 1,000 police officers on Tuesday.".into(),
            claims: vec![Claim {
                kind: "personnel".into(),
                event: "pledged".into(),
                subject: "KEN".into(),
                value: Some(1000),
                date: Some("2023-07-29".into()),
                date_precision: "day".into(),
                text: "Kenya pledged 1,000 police officers".into(),
                ..Claim::default()
            }],
        }
    }

    #[test]
    fn an_article_is_checked_claim_by_claim() {
        assert!(
            Command::Media(MediaCommand::RecordArticle(article()))
                .validate()
                .is_ok()
        );
        let mut a = article();
        a.claims[0].kind = "rumour".into();
        a.claims[0].event = "Pledged!".into();
        a.claims[0].text = "Jamaica pledged 200".into();
        a.claims[0].date_precision = "week".into();
        a.language = "english language".into();
        assert_eq!(
            fields(MediaCommand::RecordArticle(a)),
            vec![
                "language",
                "claims[0].kind",
                "claims[0].event",
                "claims[0].date_precision",
                "claims[0].text"
            ]
        );
        let mut a = article();
        a.content = "x".repeat(MAX_CONTENT + 1);
        a.claims.clear();
        assert_eq!(fields(MediaCommand::RecordArticle(a)), vec!["content"]);
        let mut a = article();
        a.story = Some(a.source);
        assert_eq!(fields(MediaCommand::RecordArticle(a)), vec!["story"]);
    }

    #[test]
    fn a_decision_names_a_claim_and_a_dismissal_a_reason() {
        let d = MediaCommand::DismissClaim(ClaimDismissed {
            article: Uuid::nil(),
            claim: 500,
            reason: " ".into(),
        });
        assert_eq!(fields(d), vec!["claim", "reason"]);
    }

    #[test]
    fn a_claim_is_dated_to_the_day_only_when_it_says_so() {
        let mut c = article().claims.remove(0);
        assert_eq!(c.day(), Some(time::macros::date!(2023 - 07 - 29)));
        c.date_precision = "month".into();
        c.date = Some("2023-07".into());
        assert_eq!(c.day(), None);
        assert!(c.is_dated());
    }
}
