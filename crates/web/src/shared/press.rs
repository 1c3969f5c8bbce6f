//! Press claims as every page shows them: each article the record keeps with its claims
//! judged against the record ([`judged`]), and a claim's figure, date, verdict and decision in
//! words. The press pages are media monitoring's; the contributor's and the incident's pages
//! show the claims about their record beside it ([`about`]), so these pieces are shared.

use crate::shared::page::Ctx;
use crate::shared::{error::ApiError, state::AppState};
use konbit_domain::media::{ArticleView, Claim, ClaimStatus};
use konbit_present::Tr;
use konbit_store::media::{Held, Judged, Verdict};
use serde::Serialize;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// An article with how each of its claims stands against the record.
#[derive(Debug, Serialize, ToSchema)]
pub struct JudgedArticle {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleView,
    /// For each claim, in order: the mission compared with and the verdict (`agrees` with the
    /// record's figure, `conflicts` with it — the record's figure and the difference —, `new`
    /// to the record, or `not_compared`), or null when the record holds no mission.
    #[schema(value_type = Vec<Object>)]
    pub verdicts: Vec<Option<Judged>>,
}

/// The day an article speaks of when a claim has none: its publication day, else today.
pub(crate) fn written(a: &ArticleView, today: Date) -> Date {
    a.published_on.unwrap_or(today)
}

/// Each article with its claims judged against the record as the caller sees it.
pub(crate) async fn judged(
    s: &AppState,
    vis: konbit_store::Visibility,
    only: Option<Uuid>,
) -> Result<Vec<JudgedArticle>, ApiError> {
    let today = time::OffsetDateTime::now_utc().date();
    let mut r = s.store.reader(vis).await?;
    let articles = match only {
        Some(id) => r.article(id).await?.into_iter().collect(),
        None => r.articles(false).await?,
    };
    let against = r.against(None, today).await?;
    let mut out = Vec::with_capacity(articles.len());
    for article in articles {
        let on = written(&article, today);
        let verdicts = article
            .claims
            .iter()
            .map(|c| against.judge(&c.claim, on))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(JudgedArticle { article, verdicts });
    }
    Ok(out)
}

/// How a verdict reads on the page: its label and the record's side.
pub(crate) fn verdict_words(tr: &Tr, j: Option<&Judged>) -> (&'static str, String, Option<String>) {
    let Some(j) = j else {
        return ("not_compared", tr.t("press-verdict-not_compared"), None);
    };
    let label = j.verdict.label();
    let record = match &j.verdict {
        Verdict::Agrees { record } => Some(held_words(tr, record)),
        Verdict::Conflicts { record, difference } => Some(match difference {
            Some(d) => tr.fmt(
                "press-record-difference",
                &[
                    ("record", &held_words(tr, record)),
                    ("difference", &signed(tr, *d)),
                ],
            ),
            None => held_words(tr, record),
        }),
        _ => None,
    };
    (label, tr.t(&format!("press-verdict-{label}")), record)
}

/// A difference with its sign, the way the reader's language writes numbers ("+1 200").
fn signed(tr: &Tr, d: i64) -> String {
    if d > 0 {
        format!("+{}", tr.num(d))
    } else {
        tr.num(d)
    }
}

/// What the record holds, in the reader's words ("200 arrivés", "résolution 2793 : fin le
/// 2026-09-30").
pub(crate) fn held_words(tr: &Tr, h: &Held) -> String {
    match h {
        Held::Count { value, event } => {
            tr.fmt(&format!("press-held-{event}"), &[("n", &tr.num(*value))])
        }
        Held::Money {
            value,
            currency,
            event,
            to_date,
        } => tr.fmt(
            &format!(
                "press-held-money-{event}-{}",
                if *to_date { "to_date" } else { "then" }
            ),
            &[("amount", &tr.num(*value)), ("currency", currency)],
        ),
        Held::Indicator {
            value,
            indicator,
            from,
            to,
        } => tr.fmt(
            "press-held-indicator",
            &[
                ("n", &tr.num(*value)),
                ("indicator", &tr.t(&format!("sit-indicator-{indicator}"))),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
            ],
        ),
        Held::Adopted { resolution, on } => tr.fmt(
            "press-held-adopted",
            &[
                ("resolution", &resolution.to_string()),
                ("on", &on.to_string()),
            ],
        ),
        Held::Ends { resolution, on } => tr.fmt(
            "press-held-ends",
            &[
                ("resolution", &resolution.to_string()),
                ("on", &on.to_string()),
            ],
        ),
    }
}

pub(crate) fn status_words(
    tr: &Tr,
    st: &ClaimStatus,
) -> (&'static str, String, Option<String>, Option<String>) {
    let label = st.label();
    let words = tr.t(&format!("press-status-{label}"));
    match st {
        ClaimStatus::Open => (label, words, None, None),
        ClaimStatus::Accepted { seq, .. } => (
            label,
            words,
            Some(tr.fmt("press-accepted-in", &[("seq", seq)])),
            Some(format!("/log?at={seq}")),
        ),
        ClaimStatus::Dismissed { reason, .. } => (label, words, Some(reason.clone()), None),
    }
}

/// "personnel · pledged (police)"
pub(crate) fn what(c: &Claim) -> String {
    let mut s = format!("{} · {}", c.kind, c.event);
    if let Some(cat) = &c.category {
        s.push_str(&format!(" ({cat})"));
    }
    s
}

/// A claim's figure as the reader's language writes numbers, with its qualifier and currency
/// ("≥ 1 000", "~800", "85,000,000 USD").
pub(crate) fn value_words(tr: &Tr, c: &Claim) -> String {
    let Some(v) = c.value else {
        return "—".into();
    };
    let q = match c.qualifier.as_deref() {
        Some("about") => "~",
        Some("at_least") => "≥ ",
        Some("more_than") => "> ",
        Some("up_to") => "≤ ",
        _ => "",
    };
    let cur = c
        .currency
        .as_deref()
        .map_or(String::new(), |c| format!(" {c}"));
    format!("{q}{}{cur}", tr.num(v))
}

pub(crate) fn date_words(c: &Claim) -> String {
    match (&c.date, &c.period_start, &c.period_end) {
        (_, Some(f), Some(t)) => format!("{f} – {t}"),
        (Some(d), _, _) => d.clone(),
        _ => "—".into(),
    }
}

/// A press claim shown beside the record it speaks of.
pub(crate) struct PressLine {
    pub(crate) href: String,
    pub(crate) title: String,
    pub(crate) outlet: String,
    pub(crate) grade: String,
    pub(crate) what: String,
    pub(crate) value: String,
    pub(crate) date: String,
    pub(crate) text: String,
    pub(crate) verdict: &'static str,
    pub(crate) verdict_label: String,
    pub(crate) record: Option<String>,
    pub(crate) status_label: String,
    /// The claim's event and figure, for a page that compares it with its own record.
    pub(crate) event: String,
    pub(crate) figure: Option<i64>,
    /// The article and the claim's place in it, and whether it is still to decide.
    pub(crate) article: Uuid,
    pub(crate) index: u32,
    pub(crate) open: bool,
    /// The form accepting the claim as held by the page's own record, when the reader may.
    pub(crate) accept_href: Option<String>,
    /// The form that adds the claim to the page's own record and accepts it with it.
    pub(crate) add_href: Option<String>,
}

impl PressLine {
    /// Offers the form that accepts the claim as held by `record` (the page's own), coming
    /// back to `back`.
    pub(crate) fn offer(&mut self, record: Uuid, back: &str) {
        if self.open {
            self.accept_href = Some(format!(
                "/press/claims/accepted/new?article={}&claim={}&record={record}&next={}",
                self.article,
                self.index,
                crate::shared::page::enc(back)
            ));
        }
    }

    /// Sets the claim beside a figure of the page's own record (an incident's fatalities).
    pub(crate) fn compare(&mut self, tr: &Tr, record: i64, record_words: &str) {
        let Some(v) = self.figure else { return };
        let (verdict, difference) = if v == record {
            ("agrees", None)
        } else {
            ("conflicts", Some(v - record))
        };
        self.verdict = verdict;
        self.verdict_label = tr.t(&format!("press-verdict-{verdict}"));
        self.record = Some(match difference {
            Some(d) => tr.fmt(
                "press-record-difference",
                &[("record", &record_words), ("difference", &format!("{d:+}"))],
            ),
            None => record_words.to_string(),
        });
    }
}

/// The claims the reader may see that `keep` says speak of a record (given each claim and how
/// it was judged), most recent first, with their articles.
pub(crate) async fn about(
    s: &AppState,
    ctx: &Ctx,
    keep: impl Fn(&Claim, Option<&Judged>) -> bool,
) -> Result<Vec<PressLine>, ApiError> {
    let (_, vis) = ctx.clocks()?;
    Ok(lines(&ctx.tr, &judged(s, vis, None).await?, keep))
}

/// The claims of `all` that `keep` says speak of a record, dismissed ones left out, most
/// recent first.
pub(crate) fn lines(
    tr: &Tr,
    all: &[JudgedArticle],
    keep: impl Fn(&Claim, Option<&Judged>) -> bool,
) -> Vec<PressLine> {
    let mut out = Vec::new();
    for j in all {
        let a = &j.article;
        for (cv, v) in a.claims.iter().zip(&j.verdicts) {
            let c = &cv.claim;
            if !keep(c, v.as_ref()) || matches!(cv.status, ClaimStatus::Dismissed { .. }) {
                continue;
            }
            let (verdict, verdict_label, record) = verdict_words(tr, v.as_ref());
            out.push((
                c.date.clone(),
                PressLine {
                    href: format!("/press/articles/{}#claim-{}", a.id, cv.index),
                    title: a.title.clone(),
                    outlet: a.outlet.clone().unwrap_or_default(),
                    grade: a.grade.clone(),
                    what: what(c),
                    value: value_words(tr, c),
                    date: date_words(c),
                    text: c.text.clone(),
                    verdict,
                    verdict_label,
                    record,
                    status_label: tr.t(&format!("press-status-{}", cv.status.label())),
                    event: c.event.clone(),
                    figure: c.value,
                    article: a.id,
                    index: cv.index,
                    open: cv.status == ClaimStatus::Open,
                    accept_href: None,
                    add_href: None,
                },
            ));
        }
    }
    out.sort_by(|a, b| b.0.cmp(&a.0));
    out.into_iter().map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// Every shape of what the record holds has its words in each staff language (no message
    /// id shown, the figure written the language's way).
    #[test]
    fn what_the_record_holds_reads_in_each_language() {
        let mut held = Vec::new();
        for event in ["pledged", "deployed", "arrived", "departed"] {
            held.push(Held::Count {
                value: 1200,
                event: event.into(),
            });
        }
        for event in ["pledged", "received", "frozen"] {
            for to_date in [true, false] {
                held.push(Held::Money {
                    value: 17_900_000,
                    currency: "USD".into(),
                    event: event.into(),
                    to_date,
                });
            }
        }
        for indicator in ["idps", "killed", "injured", "kidnapped"] {
            held.push(Held::Indicator {
                value: 580_000,
                indicator: indicator.into(),
                from: date!(2024 - 09 - 01),
                to: date!(2024 - 09 - 30),
            });
        }
        held.push(Held::Adopted {
            resolution: 2793,
            on: date!(2025 - 09 - 30),
        });
        held.push(Held::Ends {
            resolution: 2793,
            on: date!(2026 - 09 - 30),
        });
        for tr in [Tr::en(), Tr::fr(), Tr::es()] {
            for h in &held {
                let words = held_words(&tr, h);
                assert!(
                    !words.contains("press-held") && !words.contains("sit-indicator"),
                    "{words}"
                );
                if let Some(v) = h.value() {
                    assert!(words.contains(&tr.num(v)), "{words}");
                }
            }
        }
        assert_eq!(held_words(&Tr::en(), &held[2]), "1,200 arrived");
        assert_eq!(
            held_words(&Tr::fr(), &held.last().cloned().expect("ends")),
            "résolution 2793 : fin du mandat le 2026-09-30"
        );
    }
}
