//! Claims: the figures and dated events an article asserts, in the format of
//! `docs/media-claims.md` — kind and event, subject, value, category as worded, qualifier, the
//! date resolved against the publication date, its precision, and the exact span. Rules are
//! written for precision first: an analyst reviews every claim, so a sentence that does not say
//! plainly who did what gives no claim rather than a guess.

mod actors;
mod numbers;
mod rules;

pub use actors::{Actor, actors};
pub use numbers::{Number, numbers};

use std::ops::Range;

pub use crate::text::split_sentences;

use crate::Document;
use crate::dates::{self, Mention, Published, When};

/// One claim, as the format writes it: the record's own type, so that what is extracted is
/// what an article's entry keeps.
pub use konbit_domain::media::Claim;

/// Setting a claim's date from a resolved expression.
pub(crate) trait SetWhen {
    fn set_when(&mut self, when: Option<When>);
}

impl SetWhen for Claim {
    fn set_when(&mut self, when: Option<When>) {
        match when {
            Some(w) => {
                self.date = Some(w.iso());
                self.date_precision = w.precision().into();
            }
            None => {
                self.date = None;
                self.date_precision = "unknown".into();
            }
        }
    }
}

/// A sentence being read, with what it names.
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    /// Its index in the document.
    pub index: usize,
    pub dates: Vec<Mention>,
    pub actors: Vec<Actor>,
    pub numbers: Vec<Number>,
}

impl Sentence<'_> {
    /// The clause (between commas, semicolons, dashes) holding byte `at`.
    pub fn clause(&self, at: usize) -> Range<usize> {
        dates::clause(self.text, at)
    }
}

/// What extraction knows about the whole article.
pub(crate) struct Context<'a> {
    pub published: &'a Published,
    /// The country the article is mostly about, besides Haiti (the subject of an approval by
    /// "Parliament" in a story about Kenya).
    pub main_actor: Option<&'static str>,
    /// The mission the article speaks of when a sentence names none.
    pub mission: &'static str,
}

impl Context<'_> {
    /// A date expression resolved against the publication date.
    pub fn resolve(&self, m: &Mention, future: bool) -> Option<When> {
        let reference = self.published.reference()?;
        dates::resolve(m.raw, reference, self.published.day.is_some(), future)
    }

    /// The date of a present-tense figure: the publication day, or its month when only a bound
    /// is known.
    pub fn now(&self) -> Option<When> {
        match (self.published.day, self.published.after) {
            (Some(d), _) => Some(When::Day(d)),
            (None, Some(a)) => Some(When::Day(a).to_month()),
            _ => None,
        }
    }

    pub fn now_iso(&self) -> Option<String> {
        self.now().map(|w| w.iso())
    }
}

/// The claims of one document.
pub fn extract(doc: &Document, published: &Published) -> Vec<Claim> {
    let body = doc.body.as_str();
    let skip_to = dates::dateline_end(body).unwrap_or(0);
    let mut sentences = Vec::new();
    for (index, range) in split_sentences(body).into_iter().enumerate() {
        let start = range.start.max(skip_to.min(range.end));
        let text = &body[start..range.end];
        let dates = dates::mentions(text);
        let skip: Vec<(usize, usize)> = dates.iter().map(|m| (m.start, m.end)).collect();
        sentences.push(Sentence {
            text,
            index,
            actors: actors(text),
            numbers: numbers(text, &skip),
            dates,
        });
    }
    let mission = if sentences
        .iter()
        .flat_map(|s| &s.actors)
        .any(|a| a.code == "GSF")
    {
        "GSF"
    } else {
        "MSS"
    };
    let ctx = Context {
        published,
        main_actor: main_actor(&sentences),
        mission,
    };
    let mut claims = Vec::new();
    let mut previous: Option<(usize, Vec<Claim>, Vec<When>)> = None;
    for s in &sentences {
        let found = rules::sentence_claims(
            s,
            &ctx,
            previous
                .as_ref()
                .map(|(index, claims, days)| rules::Previous {
                    index: *index,
                    claims,
                    days,
                }),
        );
        // The days the sentence names (not the start of a period), for the next one to refer back to.
        let days = s
            .dates
            .iter()
            .filter(|m| !m.since)
            .filter_map(|m| ctx.resolve(m, dates::is_future(&s.text[s.clause(m.start)])))
            .filter(|w| matches!(w, When::Day(_)))
            .collect();
        previous = Some((s.index, found.clone(), days));
        claims.extend(found);
    }
    tidy(claims)
}

/// The most named country other than Haiti, contributors first on a tie.
fn main_actor(sentences: &[Sentence]) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for a in sentences.iter().flat_map(|s| &s.actors) {
        if !actors::is_country(a.code) || a.code == "HTI" {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == a.code) {
            Some(entry) => entry.1 += 1,
            None => counts.push((a.code, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(c, n)| (*n, actors::CONTRIBUTORS.contains(c)))
        .map(|(c, _)| c)
}

/// A fact the article repeats is kept once; a vague number only when the article gives no
/// precise figure for the same quantity; an event only once per subject and date.
fn tidy(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for c in claims {
        let same = |o: &Claim| {
            o.kind == c.kind
                && o.event == c.event
                && o.subject == c.subject
                && o.value == c.value
                && (o.date == c.date || c.date.is_none() || o.date.is_none())
                && o.period_start == c.period_start
                && o.resolution.or(c.resolution) == c.resolution.or(o.resolution)
        };
        if let Some(existing) = out.iter_mut().find(|o| same(o)) {
            // Keep the dated one of the two.
            if !existing.is_dated() && c.is_dated() {
                *existing = c;
            }
            continue;
        }
        out.push(c);
    }
    let precise: Vec<(String, String)> = out
        .iter()
        .filter(|c| c.value.is_some() && c.qualifier.as_deref() != Some("vague"))
        .map(|c| (c.kind.clone(), c.event.clone()))
        .collect();
    out.retain(|c| {
        c.qualifier.as_deref() != Some("vague")
            || !precise.contains(&(c.kind.clone(), c.event.clone()))
    });
    out
}

#[cfg(test)]
mod tests;
