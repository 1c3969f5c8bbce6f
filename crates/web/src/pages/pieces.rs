//! View pieces several pages share: cited sources and disagreements between them (under a
//! record's line), badges, personnel figures, instrument names, and links.

use crate::i18n::Tr;
use konbit_domain::{
    Classification, InstrumentKind, Personnel,
    view::{DiscrepancyView, RecordMeta, SourceView},
};
use std::collections::HashMap;
use uuid::Uuid;

/// A source as cited after a line: short title linked to the document, with its grade.
#[derive(Debug, Clone)]
pub(super) struct SourceRef {
    pub(super) short: String,
    pub(super) title: String,
    pub(super) url: Option<String>,
    pub(super) grade: String,
}

/// One claim of a discrepancy.
#[derive(Debug, Clone)]
pub(super) struct ClaimLine {
    pub(super) value: String,
    pub(super) note: Option<String>,
    pub(super) sources: Vec<SourceRef>,
    pub(super) accepted: bool,
}

/// A disagreement between sources, shown under the record it is about.
#[derive(Debug, Clone)]
pub(super) struct DiscLine {
    pub(super) field: String,
    pub(super) claims: Vec<ClaimLine>,
    pub(super) reason: String,
}

/// Sources by id, for the lines that cite them.
pub(super) struct SourceBook<'a>(HashMap<Uuid, &'a SourceView>);

impl<'a> SourceBook<'a> {
    pub(super) fn new(sources: &'a [SourceView]) -> Self {
        SourceBook(sources.iter().map(|s| (s.id, s)).collect())
    }

    /// Sources the reader may see; withheld ones are left out.
    pub(super) fn refs(&self, ids: &[Uuid]) -> Vec<SourceRef> {
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

    pub(super) fn discs(&self, all: &[DiscrepancyView], about: Uuid) -> Vec<DiscLine> {
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

pub(super) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Small labels after a line: its classification when not public, and "corrected".
pub(super) fn badges(tr: &Tr, m: &RecordMeta) -> Vec<String> {
    let mut out = Vec::new();
    if m.classification != Classification::Public {
        out.push(tr.label("class", m.classification.as_str()));
    }
    if m.corrected {
        out.push(tr.t("badge.corrected").to_string());
    }
    out
}

/// "400 police, 20 military" in the page's language, or a dash.
pub(super) fn describe(tr: &Tr, p: &Personnel) -> String {
    let parts: Vec<String> = [
        (p.police, "cat.police"),
        (p.military, "cat.military"),
        (p.civilian, "cat.civilian"),
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

pub(super) fn figures(tr: &Tr, p: &Personnel) -> Vec<String> {
    vec![
        tr.num(p.police),
        tr.num(p.military),
        tr.num(p.civilian),
        tr.num(p.total()),
    ]
}

pub(super) fn instruments(tr: &Tr, ks: &[InstrumentKind]) -> Vec<String> {
    ks.iter()
        .map(|k| tr.label("instrument", k.as_str()))
        .collect()
}

/// A link with its text.
pub(super) struct Link {
    pub(super) href: String,
    pub(super) text: String,
}
