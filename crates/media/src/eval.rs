//! Scoring extracted claims against gold claims, per claim kind: a claim matches a gold one when
//! kind, event, subject and value agree and the date agrees to the gold's precision (a gold
//! month matches any day of it; a gold period matches the same start and end; a gold claim
//! with no date leaves the date unchecked). Each gold claim matches at most one extracted claim.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{ArticleClaims, Claim};

/// Counts for one claim kind.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub extracted: usize,
    pub matched: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.extracted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The score of a run: counts per kind, and the claims that did not match, for reading.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub kinds: BTreeMap<String, Counts>,
    pub all: Counts,
    /// Articles scored (in the gold and found).
    pub articles: usize,
    /// Gold articles with no file.
    pub missing: Vec<String>,
    pub unmatched_gold: Vec<(String, Claim)>,
    pub unmatched_extracted: Vec<(String, Claim)>,
}

/// Whether an extracted claim matches a gold one.
pub fn matches(gold: &Claim, got: &Claim) -> bool {
    if gold.kind != got.kind
        || gold.event != got.event
        || gold.subject != got.subject
        || gold.value != got.value
    {
        return false;
    }
    match gold.date_precision.as_str() {
        "period" => {
            let agrees = |g: &Option<String>, x: &Option<String>| match (g, x) {
                (Some(g), Some(x)) => x.starts_with(g.as_str()),
                (None, _) => true,
                (Some(_), None) => false,
            };
            agrees(&gold.period_start, &got.period_start)
                && agrees(&gold.period_end, &got.period_end)
        }
        _ => match (&gold.date, &got.date) {
            (None, _) => true,
            (Some(g), Some(x)) => x.starts_with(g.as_str()),
            (Some(_), None) => false,
        },
    }
}

/// Scores extracted articles against gold ones (by article name).
pub fn score(gold: &[ArticleClaims], extracted: &[ArticleClaims]) -> Report {
    let mut report = Report::default();
    for g in gold {
        let Some(x) = extracted.iter().find(|x| x.article == g.article) else {
            report.missing.push(g.article.clone());
            continue;
        };
        report.articles += 1;
        let mut used = vec![false; x.claims.len()];
        for gc in &g.claims {
            let counts = report.kinds.entry(gc.kind.clone()).or_default();
            counts.gold += 1;
            let hit = x
                .claims
                .iter()
                .enumerate()
                .find(|(i, xc)| !used[*i] && matches(gc, xc))
                .map(|(i, _)| i);
            match hit {
                Some(i) => {
                    used[i] = true;
                    counts.matched += 1;
                }
                None => report.unmatched_gold.push((g.article.clone(), gc.clone())),
            }
        }
        for (i, xc) in x.claims.iter().enumerate() {
            report.kinds.entry(xc.kind.clone()).or_default().extracted += 1;
            if !used[i] {
                report
                    .unmatched_extracted
                    .push((g.article.clone(), xc.clone()));
            }
        }
    }
    for c in report.kinds.values() {
        report.all.gold += c.gold;
        report.all.extracted += c.extracted;
        report.all.matched += c.matched;
    }
    report
}

impl Report {
    /// The table `konbit media eval` prints.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<14} {:>5} {:>9} {:>7} {:>9} {:>6} {:>5}\n",
            "kind", "gold", "extracted", "matched", "precision", "recall", "F1"
        );
        let row = |name: &str, c: &Counts| {
            format!(
                "{:<14} {:>5} {:>9} {:>7} {:>9.3} {:>6.3} {:>5.3}\n",
                name,
                c.gold,
                c.extracted,
                c.matched,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        for (kind, c) in &self.kinds {
            out.push_str(&row(kind, c));
        }
        out.push_str(&row("all", &self.all));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(kind: &str, value: Option<i64>, date: Option<&str>, precision: &str) -> Claim {
        Claim {
            kind: kind.into(),
            event: "x".into(),
            subject: "KEN".into(),
            value,
            date: date.map(str::to_string),
            date_precision: precision.into(),
            ..Claim::default()
        }
    }

    #[test]
    fn dates_agree_to_the_golds_precision() {
        let gold = claim("personnel", Some(400), Some("2024-06"), "month");
        assert!(matches(
            &gold,
            &claim("personnel", Some(400), Some("2024-06-25"), "day")
        ));
        assert!(!matches(
            &gold,
            &claim("personnel", Some(400), Some("2024"), "year")
        ));
        assert!(!matches(
            &gold,
            &claim("personnel", Some(401), Some("2024-06"), "month")
        ));
        assert!(!matches(
            &gold,
            &claim("personnel", Some(400), None, "unknown")
        ));
    }

    #[test]
    fn each_gold_claim_matches_once() {
        let article = |claims| ArticleClaims {
            article: "a".into(),
            published: None,
            published_basis: String::new(),
            language: "en".into(),
            claims,
        };
        let g = claim("event", None, Some("2024-03-01"), "day");
        let report = score(&[article(vec![g.clone()])], &[article(vec![g.clone(), g])]);
        let c = report.kinds["event"];
        assert_eq!((c.gold, c.extracted, c.matched), (1, 2, 1));
        assert_eq!(c.precision(), 0.5);
        assert_eq!(c.recall(), 1.0);
    }
}
