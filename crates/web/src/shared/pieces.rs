//! View pieces several pages share: cited sources and disagreements between them (under a
//! record's line), badges, personnel figures, instrument names, links, and for the registers:
//! pseudonymous ids, instants, coloured status tags and the compliance table.

use crate::shared::error::{ApiError, ApiResult};
use konbit_domain::Named;
use konbit_domain::{
    Classification, DiscrepancyView, RecordMeta, SourceView,
    force::InstrumentKind,
    force::Personnel,
    registers::{CaseStatus, ReviewStatus, VettingStatus},
    registers::{ClockState, Compliance},
};
use konbit_present::Tr;
use std::collections::HashMap;
use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

/// A source as cited after a line: short title linked to the document, with its grade.
#[derive(Debug, Clone)]
pub(crate) struct SourceRef {
    pub(crate) short: String,
    pub(crate) title: String,
    pub(crate) url: Option<String>,
    pub(crate) grade: String,
}

/// One claim of a discrepancy.
#[derive(Debug, Clone)]
pub(crate) struct ClaimLine {
    pub(crate) value: String,
    pub(crate) note: Option<String>,
    pub(crate) sources: Vec<SourceRef>,
    pub(crate) accepted: bool,
}

/// A disagreement between sources, shown under the record it is about.
#[derive(Debug, Clone)]
pub(crate) struct DiscLine {
    pub(crate) field: String,
    pub(crate) claims: Vec<ClaimLine>,
    pub(crate) reason: String,
}

/// Sources by id, for the lines that cite them.
pub(crate) struct SourceBook<'a>(HashMap<Uuid, &'a SourceView>);

impl<'a> SourceBook<'a> {
    pub(crate) fn new(sources: &'a [SourceView]) -> Self {
        SourceBook(sources.iter().map(|s| (s.id, s)).collect())
    }

    /// Sources the reader may see; withheld ones are left out.
    pub(crate) fn refs(&self, ids: &[Uuid]) -> Vec<SourceRef> {
        ids.iter()
            .filter_map(|id| self.0.get(id))
            .map(|s| SourceRef {
                short: shorten(&s.title, 60),
                title: s.title.clone(),
                url: s
                    .url
                    .clone()
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                grade: s.grade.clone(),
            })
            .collect()
    }

    pub(crate) fn discs(&self, all: &[DiscrepancyView], about: Uuid) -> Vec<DiscLine> {
        all.iter()
            .filter(|d| d.about == about)
            .map(|d| DiscLine {
                field: d.field.clone(),
                claims: d
                    .claims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| ClaimLine {
                        value: c.value.clone(),
                        note: c.note.clone(),
                        sources: self.refs(&c.sources),
                        accepted: i == d.accepted,
                    })
                    .collect(),
                reason: d.reason.clone(),
            })
            .collect()
    }
}

pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Small labels after a line: its classification when not public, and "corrected".
pub(crate) fn badges(tr: &Tr, m: &RecordMeta) -> Vec<String> {
    let mut out = Vec::new();
    if m.classification != Classification::Public {
        out.push(tr.label("class", m.classification.as_str()));
    }
    if m.corrected {
        out.push(tr.t("badge-corrected"));
    }
    out
}

/// "400 police, 20 military" in the page's language, or a dash.
pub(crate) fn describe(tr: &Tr, p: &Personnel) -> String {
    let parts: Vec<String> = [
        (p.police, "cat-police"),
        (p.military, "cat-military"),
        (p.civilian, "cat-civilian"),
    ]
    .iter()
    .filter(|(n, _)| *n != 0)
    .map(|(n, k)| format!("{} {}", tr.num(*n), tr.t(k)))
    .collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(", ")
    }
}

pub(crate) fn figures(tr: &Tr, p: &Personnel) -> Vec<String> {
    vec![
        tr.num(p.police),
        tr.num(p.military),
        tr.num(p.civilian),
        tr.num(p.total()),
    ]
}

pub(crate) fn instruments(tr: &Tr, ks: &[InstrumentKind]) -> Vec<String> {
    ks.iter()
        .map(|k| tr.label("instrument", k.as_str()))
        .collect()
}

/// A link with its text.
pub(crate) struct Link {
    pub(crate) href: String,
    pub(crate) text: String,
}

// ---------------------------------------------------------------------------------------------
// The accountability registers

/// The pseudonym a page shows for a record: the last 8 hex digits of its id (the random end of a
/// v7 id). Links and titles carry the whole id.
pub(crate) fn short_id(id: Uuid) -> String {
    let s = id.simple().to_string();
    s[s.len().saturating_sub(8)..].to_string()
}

/// A link to a record, shown by its pseudonym.
#[derive(Debug, Clone)]
pub(crate) struct RecordLink {
    pub(crate) href: String,
    pub(crate) short: String,
    pub(crate) id: String,
}

/// The link to the page of record `id` under `path` (`/detentions`), keeping the clocks.
pub(crate) fn link(path: &str, id: Uuid, ctx: &crate::shared::page::Ctx) -> RecordLink {
    RecordLink {
        href: format!("{path}/{id}{}", ctx.qs),
        short: short_id(id),
        id: id.to_string(),
    }
}

/// An instant as `2025-08-22 14:05 UTC`.
pub(crate) fn when(t: OffsetDateTime) -> String {
    let u = t.to_offset(UtcOffset::UTC);
    format!(
        "{} {:02}:{:02} UTC",
        crate::shared::page::iso(u.date()),
        u.hour(),
        u.minute()
    )
}

/// An instant kept in microseconds since 1970, as [`when`] writes it.
pub(crate) fn when_us(us: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
        .map(when)
        .unwrap_or_else(|_| "—".into())
}

/// "Recorded 2025-08-22 14:05 UTC", from a record's RFC 3339 record time.
pub(crate) fn recorded(tr: &Tr, m: &RecordMeta) -> String {
    let at = OffsetDateTime::parse(
        &m.recorded_at,
        &time::format_description::well_known::Rfc3339,
    )
    .map_or_else(|_| m.recorded_at.clone(), when);
    tr.fmt("reg-recorded", &[("at", &at)])
}

/// A value and the tag class that colours it.
#[derive(Debug, Clone)]
pub(crate) struct Tagged {
    pub(crate) text: String,
    pub(crate) class: &'static str,
    /// The stable value (`overdue`), for tests and `data-` attributes.
    pub(crate) code: &'static str,
}

pub(crate) fn vetting_tag(tr: &Tr, v: Option<VettingStatus>) -> Tagged {
    match v {
        None => Tagged {
            text: tr.t("personnel-no_vetting"),
            class: "tag",
            code: "none",
        },
        Some(v) => Tagged {
            text: tr.label("vetting", v.as_str()),
            class: match v {
                VettingStatus::Cleared => "tag tag-good",
                VettingStatus::NotCleared => "tag tag-bad",
                VettingStatus::Pending => "tag tag-warn",
            },
            code: v.as_str(),
        },
    }
}

pub(crate) fn review_tag(tr: &Tr, v: ReviewStatus) -> Tagged {
    Tagged {
        text: tr.label("review", v.as_str()),
        class: match v {
            ReviewStatus::Submitted | ReviewStatus::UnderReview => "tag tag-warn",
            ReviewStatus::Cleared => "tag tag-good",
            ReviewStatus::Referred => "tag tag-bad",
        },
        code: v.as_str(),
    }
}

pub(crate) fn clock_tag(tr: &Tr, v: ClockState) -> Tagged {
    Tagged {
        text: tr.label("clock", v.as_str()),
        class: match v {
            ClockState::Met => "tag tag-good",
            ClockState::Due => "tag tag-warn",
            ClockState::Breached => "tag tag-bad",
            ClockState::Overdue => "tag tag-alert",
        },
        code: v.as_str(),
    }
}

pub(crate) fn case_status_tag(tr: &Tr, v: CaseStatus) -> Tagged {
    Tagged {
        text: tr.label("case_status", v.as_str()),
        class: match v {
            CaseStatus::Received | CaseStatus::Assessed | CaseStatus::UnderInvestigation => {
                "tag tag-warn"
            }
            CaseStatus::Substantiated => "tag tag-bad",
            CaseStatus::Unsubstantiated | CaseStatus::Closed => "tag",
        },
        code: v.as_str(),
    }
}

/// One contributor's line of the vetting-and-acknowledgements table.
#[derive(Debug, Clone)]
pub(crate) struct ComplianceLine {
    pub(crate) name: String,
    pub(crate) code: String,
    pub(crate) deployed: String,
    pub(crate) vetted: String,
    pub(crate) acknowledged: String,
    pub(crate) compliant: String,
    /// Everyone deployed is both vetted and up to date.
    pub(crate) full: bool,
}

/// The compliance table's lines, with counts and percentages in the page's language.
pub(crate) fn compliance_lines(
    ctx: &crate::shared::page::Ctx,
    list: &[Compliance],
) -> Vec<ComplianceLine> {
    let tr = ctx.tr;
    let part = |c: &Compliance, n: i64| {
        let pct = c.percent(n).to_string();
        format!("{} ({})", tr.num(n), tr.fmt("reg-percent", &[("p", &pct)]))
    };
    list.iter()
        .map(|c| ComplianceLine {
            name: ctx.country(&c.country),
            code: c.country.clone(),
            deployed: tr.num(c.deployed),
            vetted: part(c, c.vetted),
            acknowledged: part(c, c.acknowledged),
            compliant: part(c, c.compliant),
            full: c.compliant == c.deployed,
        })
        .collect()
}

/// A JSON list column as the store keeps it, decoded: one that does not decode is a 500 naming
/// the fault in the server's log, never an empty list on a page or on the wire.
pub(crate) fn json_list<T: serde::de::DeserializeOwned>(json: &str) -> ApiResult<Vec<T>> {
    serde_json::from_str(json).map_err(ApiError::internal)
}

/// A JSON column of source ids, decoded with the same rule.
pub(crate) fn json_ids(json: &str) -> ApiResult<Vec<Uuid>> {
    json_list(json)
}
