//! The staff's pages of media monitoring: the press feed (articles grouped by story, with their
//! language, outlet grade and how many of their claims are new to the record or conflict with
//! it), an article (its text with each claim's span highlighted, each claim compared with the
//! record, and the analyst's decision or the forms to make one), and the conflicts (the press
//! against the record, and articles against each other, side by side). The decisions are the
//! generic forms of their commands.

use crate::shared::forms::{self, FormSpec};
use crate::shared::gate::{Allowed, Member};
use crate::shared::lists;
use crate::shared::page::{Ctx, enc, finish, iso, respond};
use crate::shared::press::{
    JudgedArticle, date_words, judged, status_words, value_words, verdict_words, what,
};
use crate::shared::{error::ApiError, state::AppState};
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};
use konbit_domain::EntryKind as K;
use konbit_domain::media::{ArticleView, Claim, ClaimStatus};
use konbit_present::Tr;
use konbit_store::media::{Judged, Verdict};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The decisions on a claim, each the form of its command.
pub(crate) static FORMS: &[FormSpec] = &[
    FormSpec::new(
        "/press/claims/accepted/new",
        "/api/v1/press/claims/accepted",
        K::PressClaimAccepted,
        "/press/articles/{article}",
    ),
    FormSpec::new(
        "/press/claims/dismissed/new",
        "/api/v1/press/claims/dismissed",
        K::PressClaimDismissed,
        "/press/articles/{article}",
    ),
];

/// Media monitoring's page routes.
pub fn router() -> Router<AppState> {
    forms::router(FORMS)
        .route("/press", get(feed_page))
        .route("/press/articles/{id}", get(article_page))
        .route("/press/conflicts", get(conflicts_page))
}

/// How many of an article's claims stand each way against the record, and are undecided.
#[derive(Default, Clone, Copy)]
struct Counts {
    claims: usize,
    open: usize,
    new: usize,
    conflicts: usize,
    agrees: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.claims += o.claims;
        self.open += o.open;
        self.new += o.new;
        self.conflicts += o.conflicts;
        self.agrees += o.agrees;
    }
}

/// The counts as tags: each verdict with claims, and the undecided ones (class, words).
fn tags(tr: &Tr, c: &Counts, all: bool) -> Vec<(&'static str, String)> {
    [
        ("tag tag-warn", "press-n-new", c.new),
        ("tag tag-bad", "press-n-conflicts", c.conflicts),
        ("tag tag-good", "press-n-agrees", c.agrees),
        ("tag", "press-n-open", c.open),
    ]
    .into_iter()
    .filter(|(_, _, n)| all || *n > 0)
    .map(|(class, id, n)| (class, tr.fmt(id, &[("n", &n)])))
    .collect()
}

fn counts(j: &JudgedArticle) -> Counts {
    let mut c = Counts {
        claims: j.article.claims.len(),
        ..Counts::default()
    };
    for (claim, v) in j.article.claims.iter().zip(&j.verdicts) {
        if claim.status == ClaimStatus::Open {
            c.open += 1;
        }
        match v.as_ref().map(|v| &v.verdict) {
            Some(Verdict::New) => c.new += 1,
            Some(Verdict::Conflicts { .. }) => c.conflicts += 1,
            Some(Verdict::Agrees { .. }) => c.agrees += 1,
            _ => {}
        }
    }
    c
}

/// One article of the feed.
struct ArticleLine {
    href: String,
    title: String,
    outlet: String,
    language: String,
    date: String,
    grade: String,
    /// The publication date, for ordering the stories.
    published: Option<time::Date>,
    counts: Counts,
    /// "6 claims"
    claims: String,
    tags: Vec<(&'static str, String)>,
}

/// One story: its articles, the first first.
struct StoryView {
    lead: String,
    /// "3 articles, 2 outlets, en fr"
    what: String,
    articles: Vec<ArticleLine>,
    counts: Counts,
}

#[derive(Template)]
#[template(path = "press.html")]
struct FeedPage {
    ctx: Ctx,
    pages: lists::Pages,
    count: String,
    q: String,
    language: String,
    languages: Vec<String>,
    stories: Vec<StoryView>,
    clear: Option<String>,
    totals: Vec<(&'static str, String)>,
}

fn line(tr: &Tr, j: &JudgedArticle) -> ArticleLine {
    let a = &j.article;
    ArticleLine {
        href: format!("/press/articles/{}", a.id),
        title: a.title.clone(),
        outlet: a.outlet.clone().unwrap_or_else(|| "—".into()),
        language: a.language.clone(),
        date: a
            .published_on
            .map_or_else(|| tr.t("press-date-unknown"), iso),
        grade: a.grade.clone(),
        published: a.published_on,
        counts: counts(j),
        claims: tr.fmt("press-n-claims", &[("n", &a.claims.len())]),
        tags: tags(tr, &counts(j), false),
    }
}

async fn feed_page(State(s): State<AppState>, ctx: Ctx, _: Allowed<Member>) -> Response {
    let r = feed_view(&s, &ctx).await;
    finish(&ctx, r)
}

/// The feed: stories, newest first by their latest article's date, each with its articles.
async fn feed_view(s: &AppState, ctx: &Ctx) -> Result<Response, ApiError> {
    let (_, vis) = ctx.clocks()?;
    let tr = ctx.tr;
    let all = judged(s, vis, None).await?;
    let q = lists::search(ctx, "q")?.to_lowercase();
    let language = ctx.param("language").unwrap_or_default().trim().to_string();
    let mut languages: Vec<String> = all.iter().map(|j| j.article.language.clone()).collect();
    languages.sort();
    languages.dedup();
    if !language.is_empty() && !languages.contains(&language) {
        return Err(lists::bad(ctx, "language", "unknown"));
    }
    let total = all.len();
    let mut by_story: BTreeMap<Uuid, Vec<&JudgedArticle>> = BTreeMap::new();
    for j in &all {
        let a = &j.article;
        let text = format!("{} {}", a.title, a.outlet.as_deref().unwrap_or_default());
        if (language.is_empty() || a.language == language) && lists::words_in(&q, &[&text]) {
            by_story.entry(a.story).or_default().push(j);
        }
    }
    let shown: usize = by_story.values().map(Vec::len).sum();
    let mut stories: Vec<StoryView> = by_story
        .into_values()
        .map(|arts| {
            let mut outlets: Vec<&str> = arts
                .iter()
                .filter_map(|j| j.article.outlet.as_deref())
                .collect();
            outlets.sort_unstable();
            outlets.dedup();
            let mut langs: Vec<&str> = arts.iter().map(|j| j.article.language.as_str()).collect();
            langs.sort_unstable();
            langs.dedup();
            let articles: Vec<ArticleLine> = arts.iter().map(|j| line(&tr, j)).collect();
            let mut c = Counts::default();
            for a in &articles {
                c += a.counts;
            }
            StoryView {
                lead: articles
                    .first()
                    .map(|a| a.title.clone())
                    .unwrap_or_default(),
                what: tr.fmt(
                    "press-story-what",
                    &[
                        ("n", &articles.len()),
                        ("outlets", &outlets.len().max(1)),
                        ("languages", &langs.join(" ")),
                    ],
                ),
                articles,
                counts: c,
            }
        })
        .collect();
    // The latest news first; stories with no dated article last.
    stories.sort_by_cached_key(|st| {
        std::cmp::Reverse(st.articles.iter().filter_map(|a| a.published).max())
    });
    let mut totals = Counts::default();
    for st in &stories {
        totals += st.counts;
    }
    // A page of stories at a time: a mission reads dozens of articles a day.
    let paging = lists::Paging::read(ctx)?;
    let pages = lists::pages(ctx, &paging, stories.len(), "press-stories-match");
    let slice = paging.slice();
    let stories: Vec<StoryView> = stories
        .into_iter()
        .skip(slice.offset)
        .take(slice.limit)
        .collect();
    let page = FeedPage {
        ctx: ctx.clone(),
        pages,
        count: if shown == total {
            tr.fmt("press-count", &[("n", &total), ("stories", &stories.len())])
        } else {
            tr.fmt(
                "press-shown",
                &[
                    ("n", &shown),
                    ("total", &total),
                    ("stories", &stories.len()),
                ],
            )
        },
        q: ctx.param("q").unwrap_or_default().trim().to_string(),
        clear: (!q.is_empty() || !language.is_empty()).then(|| lists::cleared(ctx)),
        language,
        languages,
        stories,
        totals: tags(&tr, &totals, true),
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}

/// A stretch of an article's text: plain, or the span of a claim.
struct Segment {
    text: String,
    /// The claim whose span it is (its place, from 0) and that claim's status.
    claim: Option<(u32, &'static str)>,
}

/// The article's text cut into plain stretches and claim spans. A claim's span is the first
/// place its words occur from where the previous claim's span starts (claims are extracted in
/// reading order); a span overlapping one already marked is not marked again.
fn segments(content: &str, claims: &[(u32, &Claim, &'static str)]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, u32, &'static str)> = Vec::new();
    let mut from = 0;
    for (i, c, status) in claims {
        if c.text.is_empty() {
            continue;
        }
        let at = content
            .get(from..)
            .and_then(|rest| rest.find(c.text.as_str()).map(|p| p + from))
            .or_else(|| content.find(c.text.as_str()));
        if let Some(start) = at {
            from = start;
            spans.push((start, start + c.text.len(), *i, status));
        }
    }
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, i, status) in spans {
        if start < at {
            continue;
        }
        if start > at {
            out.push(Segment {
                text: content[at..start].to_string(),
                claim: None,
            });
        }
        out.push(Segment {
            text: content[start..end].to_string(),
            claim: Some((i, status)),
        });
        at = end;
    }
    if at < content.len() {
        out.push(Segment {
            text: content[at..].to_string(),
            claim: None,
        });
    }
    out
}

/// One claim of the article page.
struct ClaimLine {
    index: u32,
    number: u32,
    what: String,
    subject: String,
    value: String,
    date: String,
    text: String,
    note: Option<String>,
    verdict: &'static str,
    verdict_label: String,
    /// The record's figure and the difference, when there is one.
    record: Option<String>,
    status: &'static str,
    status_label: String,
    /// Why it was dismissed, or the record that holds it.
    decision: Option<String>,
    decision_href: Option<String>,
    /// The form that records the claim as a record of its kind, with the label.
    record_as: Option<(String, String)>,
    accept_href: String,
    dismiss_href: String,
    /// For a casualty claim dated to the day: the incidents of that day and the days either
    /// side, where the claim may be added to an incident as a fatality claim.
    find_incident: Option<String>,
}

struct Sibling {
    href: String,
    title: String,
    outlet: String,
}

#[derive(Template)]
#[template(path = "press_article.html")]
struct ArticlePage {
    ctx: Ctx,
    title: String,
    url: Option<String>,
    outlet: String,
    date: String,
    basis: String,
    language: String,
    grade: String,
    grade_title: String,
    segments: Vec<Segment>,
    claims: Vec<ClaimLine>,
    siblings: Vec<Sibling>,
    may_decide: bool,
    claim_count: usize,
    tags: Vec<(&'static str, String)>,
}

async fn article_page(
    State(s): State<AppState>,
    ctx: Ctx,
    _: Allowed<Member>,
    Path(id): Path<String>,
) -> Response {
    let r = article_view(&s, &ctx, &id).await;
    finish(&ctx, r)
}

/// A mission a claim's record belongs to: the one it was compared with.
fn mission_of(j: Option<&Judged>) -> String {
    j.map_or_else(String::new, |j| j.mission.clone())
}

/// The form that makes a record of the claim's kind, filled in from the claim, with the
/// article as its source; `None` for a claim no record of the kind holds (a dated event).
fn record_as(
    ctx: &Ctx,
    a: &ArticleView,
    index: u32,
    c: &Claim,
    mission: &str,
) -> Option<(String, String)> {
    let date = c
        .day()
        .map(iso)
        .or_else(|| a.published_on.map(iso))
        .unwrap_or_default();
    let value = c.value.map(|v| v.to_string()).unwrap_or_default();
    // The category the record counts: police unless the article says soldiers or civilians.
    let category = match c.category.as_deref().unwrap_or_default() {
        x if x.contains("soldier") || x.contains("militar") || x.contains("troop") => "military",
        x if x.contains("civil") => "civilian",
        _ => "police",
    };
    let mut q: Vec<(&str, String)> = Vec::new();
    let (page, kind) = match (c.kind.as_str(), c.event.as_str()) {
        ("personnel", "pledged") => {
            q.extend([
                ("mission", mission.to_string()),
                ("country", c.subject.clone()),
                ("pledged_on", date),
                (category_field(category), value),
            ]);
            ("/pledges/new", "pledge.recorded")
        }
        ("personnel", "arrived" | "departed") => {
            let movement = if c.event == "arrived" {
                "arrival"
            } else {
                "departure"
            };
            q.extend([
                ("mission", mission.to_string()),
                ("country", c.subject.clone()),
                ("movement", movement.to_string()),
                ("on", date),
                (category_field(category), value),
            ]);
            ("/deployments/new", "deployment.recorded")
        }
        ("money", "pledged" | "received" | "frozen") => {
            let kind = match c.event.as_str() {
                "pledged" => "pledge",
                "received" => "receipt",
                _ => "freeze",
            };
            q.extend([
                ("mission", mission.to_string()),
                ("donor", c.subject.clone()),
                ("kind", kind.to_string()),
                ("amount", value),
                (
                    "currency",
                    c.currency.clone().unwrap_or_else(|| "USD".into()),
                ),
                ("on", date),
            ]);
            ("/funding/new", "funding.recorded")
        }
        ("displacement", "displaced") | ("casualties", "killed" | "injured" | "kidnapped") => {
            let indicator = if c.kind == "displacement" {
                "idps"
            } else {
                c.event.as_str()
            };
            let (from, to) = match (c.period_start.as_deref(), c.period_end.as_deref()) {
                (Some(f), Some(t)) => (f.to_string(), t.to_string()),
                _ => (date.clone(), date),
            };
            let qualifier = match c.qualifier.as_deref() {
                Some("at_least" | "more_than") => "at_least",
                Some("about") => "about",
                _ => "exact",
            };
            q.extend([
                ("indicator", indicator.to_string()),
                ("from", from),
                ("to", to),
                ("area", "HTI".to_string()),
                ("value", value),
                ("qualifier", qualifier.to_string()),
            ]);
            ("/indicators/new", "indicator.observed")
        }
        _ => return None,
    };
    q.push(("sources", a.id.to_string()));
    q.push(("press_claim", format!("{}/{index}", a.id)));
    q.push(("next", format!("/press/articles/{}", a.id)));
    let query: Vec<String> = q
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect();
    Some((ctx.form_title(kind), format!("{page}?{}", query.join("&"))))
}

/// The form field of a head count of `category`.
fn category_field(category: &str) -> &'static str {
    match category {
        "military" => "personnel.military",
        "civilian" => "personnel.civilian",
        _ => "personnel.police",
    }
}

async fn article_view(s: &AppState, ctx: &Ctx, id: &str) -> Result<Response, ApiError> {
    let (_, vis) = ctx.clocks()?;
    let tr = ctx.tr;
    let id = Uuid::parse_str(id).map_err(|_| ApiError::not_found(format!("article {id:?}")))?;
    let Some(j) = judged(s, vis, Some(id)).await?.pop() else {
        return Err(ApiError::not_found(format!("article {id}")));
    };
    // The other articles of its story (their claims and texts are not needed here).
    let siblings = {
        let mut r = s.store.reader(vis).await?;
        r.articles(false).await?
    }
    .into_iter()
    .filter(|o| o.story == j.article.story && o.id != id)
    .map(|o| Sibling {
        href: format!("/press/articles/{}", o.id),
        title: o.title,
        outlet: o.outlet.unwrap_or_default(),
    })
    .collect();
    let c = counts(&j);
    let a = &j.article;
    let may_decide = ctx.may("press_claim.dismissed");
    let mut claims = Vec::new();
    let mut marks = Vec::new();
    for (cv, judged) in a.claims.iter().zip(&j.verdicts) {
        let c = &cv.claim;
        let (verdict, verdict_label, record) = verdict_words(&tr, judged.as_ref());
        let (status, status_label, decision, decision_href) = status_words(&tr, &cv.status);
        marks.push((cv.index, c, status));
        let pick = |page: &str| {
            format!(
                "{page}?article={}&claim={}&next={}",
                a.id,
                cv.index,
                enc(&format!("/press/articles/{}", a.id))
            )
        };
        claims.push(ClaimLine {
            index: cv.index,
            number: cv.index + 1,
            what: what(c),
            subject: c.subject.clone(),
            value: value_words(&tr, c),
            date: date_words(c),
            text: c.text.clone(),
            note: c.note.clone(),
            verdict,
            verdict_label,
            record,
            status,
            status_label,
            decision,
            decision_href,
            record_as: if ctx.may("pledge.recorded") && cv.status == ClaimStatus::Open {
                record_as(ctx, a, cv.index, c, &mission_of(judged.as_ref()))
            } else {
                None
            },
            find_incident: (c.kind == "casualties")
                .then(|| c.day())
                .flatten()
                .map(|d| {
                    let around = |n: i64| (d + time::Duration::days(n)).to_string();
                    format!("/incidents?from={}&to={}", around(-1), around(1))
                }),
            accept_href: pick("/press/claims/accepted/new"),
            dismiss_href: pick("/press/claims/dismissed/new"),
        });
    }
    let grade_title = tr.fmt(
        "source-grade-detail",
        &[
            ("r", &a.grade.get(..1).unwrap_or_default()),
            (
                "reliability",
                &tr.label("reliability", a.grade.get(..1).unwrap_or_default()),
            ),
            ("c", &a.grade.get(1..).unwrap_or_default()),
            (
                "credibility",
                &tr.label("credibility", a.grade.get(1..).unwrap_or_default()),
            ),
        ],
    );
    let page = ArticlePage {
        ctx: ctx.clone(),
        title: a.title.clone(),
        url: a
            .url
            .clone()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        outlet: a.outlet.clone().unwrap_or_else(|| "—".into()),
        date: a
            .published_on
            .map_or_else(|| tr.t("press-date-unknown"), iso),
        basis: a.published_basis.clone(),
        language: a.language.clone(),
        grade: a.grade.clone(),
        grade_title,
        segments: segments(&a.content, &marks),
        claims,
        siblings,
        may_decide,
        claim_count: c.claims,
        tags: tags(&tr, &c, true),
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}

/// One figure several articles give differently: each article's version.
struct Disagreement {
    what: String,
    date: String,
    versions: Vec<Version>,
}

struct Version {
    article: Uuid,
    href: String,
    outlet: String,
    grade: String,
    value: String,
    text: String,
}

#[derive(Template)]
#[template(path = "press_conflicts.html")]
struct ConflictsPage {
    ctx: Ctx,
    /// The claims that conflict with the record (the template's `press_beside.html` names them
    /// `press`).
    press: Vec<crate::shared::press::PressLine>,
    between: Vec<Disagreement>,
}

async fn conflicts_page(State(s): State<AppState>, ctx: Ctx, _: Allowed<Member>) -> Response {
    let r = conflicts_view(&s, &ctx).await;
    finish(&ctx, r)
}

/// The press against the record (every claim that conflicts with it, undecided ones first),
/// and the figures articles give differently (same kind, event, subject and date; different
/// values), each article's version side by side.
async fn conflicts_view(s: &AppState, ctx: &Ctx) -> Result<Response, ApiError> {
    let (_, vis) = ctx.clocks()?;
    let all = judged(s, vis, None).await?;
    let mut press = crate::shared::press::lines(&ctx.tr, &all, |_, j| {
        matches!(
            j,
            Some(Judged {
                verdict: Verdict::Conflicts { .. },
                ..
            })
        )
    });
    // Those still to decide first.
    press.sort_by_key(|l| !l.open);
    // The same figure: kind, event, category as worded, subject, and date.
    let mut keyed: BTreeMap<(String, String), Vec<Version>> = BTreeMap::new();
    for j in &all {
        let a = &j.article;
        for cv in &a.claims {
            let c = &cv.claim;
            // A dismissed claim is a misreading, not a version.
            if c.value.is_some()
                && c.date.is_some()
                && !matches!(cv.status, ClaimStatus::Dismissed { .. })
            {
                keyed
                    .entry((format!("{} · {}", what(c), c.subject), date_words(c)))
                    .or_default()
                    .push(Version {
                        article: a.id,
                        href: format!("/press/articles/{}#claim-{}", a.id, cv.index),
                        outlet: a.outlet.clone().unwrap_or_else(|| a.title.clone()),
                        grade: a.grade.clone(),
                        value: value_words(&ctx.tr, c),
                        text: c.text.clone(),
                    });
            }
        }
    }
    let between = keyed
        .into_iter()
        .filter(|(_, vs)| {
            // Several articles, and more than one figure among them.
            let mut values: Vec<&str> = vs.iter().map(|v| v.value.as_str()).collect();
            values.sort_unstable();
            values.dedup();
            let mut articles: Vec<Uuid> = vs.iter().map(|v| v.article).collect();
            articles.sort_unstable();
            articles.dedup();
            values.len() > 1 && articles.len() > 1
        })
        .map(|((what, date), versions)| Disagreement {
            what,
            date,
            versions,
        })
        .collect();
    let page = ConflictsPage {
        ctx: ctx.clone(),
        press,
        between,
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str) -> Claim {
        Claim {
            text: text.into(),
            ..Claim::default()
        }
    }

    #[test]
    fn spans_are_marked_in_reading_order_and_never_twice() {
        let content = "Kenya sent 400 officers. Kenya sent 400 officers again. Jamaica sent 24.";
        let a = claim("Kenya sent 400 officers");
        let b = claim("Kenya sent 400 officers again");
        let c = claim("Jamaica sent 24");
        let d = claim("not in the text");
        let segs = segments(
            content,
            &[
                (0, &a, "open"),
                (1, &b, "open"),
                (2, &c, "dismissed"),
                (3, &d, "open"),
            ],
        );
        let shown: Vec<(&str, Option<u32>)> = segs
            .iter()
            .map(|s| (s.text.as_str(), s.claim.map(|c| c.0)))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("Kenya sent 400 officers", Some(0)),
                (". ", None),
                ("Kenya sent 400 officers again", Some(1)),
                (". ", None),
                ("Jamaica sent 24", Some(2)),
                (".", None),
            ]
        );
        // The text is whole: every byte once.
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, content);
    }
}
