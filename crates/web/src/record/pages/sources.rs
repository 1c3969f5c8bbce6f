//! The register of sources.

use crate::shared::lists;
use crate::shared::page::{Ctx, finish, iso, respond};
use crate::shared::pieces::badges;
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_domain::Named;
use konbit_domain::SourceView;
use konbit_present::Tr;

/// One registered source.
struct SourceLine {
    title: String,
    /// Only `http(s)` links are made clickable.
    url: Option<String>,
    reference: Option<String>,
    kind: String,
    outlet: String,
    date: String,
    language: String,
    grade: String,
    /// The grade in words, for the tooltip.
    grade_title: String,
    note: Option<String>,
    badges: Vec<String>,
}

#[derive(Template)]
#[template(path = "sources.html")]
struct SourcesPage {
    ctx: Ctx,
    count: String,
    /// The search as asked: text, reliability letter, order.
    q: String,
    reliability: String,
    sort: String,
    on: String,
    as_of: String,
    lines: Vec<SourceLine>,
    /// The register without the search, when one is set.
    clear: Option<String>,
}

pub(crate) async fn sources_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = sources_view(&s, &ctx).await;
    finish(&ctx, r)
}

/// "Source reliability B: usually reliable. Information credibility 2: probably true."
fn grade_words(tr: &Tr, s: &SourceView) -> String {
    let r = s.reliability.as_str();
    let c = s.credibility.to_string();
    tr.fmt(
        "source-grade-detail",
        &[
            ("r", &r),
            ("reliability", &tr.label("reliability", r)),
            ("c", &c),
            ("credibility", &tr.label("credibility", &c)),
        ],
    )
}

/// The register of sources: every source the caller may see as recorded by `as_of`, by date
/// (undated last) then title. Sources have no valid time, so `on` only travels along in links.
async fn sources_view(s: &AppState, ctx: &Ctx) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let tr = ctx.tr;
    let mut sources = {
        let mut c = s.store.reader(vis).await?;
        c.sources(None).await?
    };
    let total = sources.len();
    // The search: words of the title, outlet, reference or note; a reliability letter; an
    // order. Bounded before it is used; a bad value is a 400 naming it.
    let q = lists::search(ctx, "q")?.to_lowercase();
    let reliability = ctx
        .param("reliability")
        .unwrap_or_default()
        .trim()
        .to_uppercase();
    if !reliability.is_empty() && !["A", "B", "C", "D", "E", "F"].contains(&reliability.as_str()) {
        return Err(lists::bad(ctx, "reliability", "unknown"));
    }
    let sort = lists::one_of(ctx, "sort", &["date", "title", "grade"])?;
    sources.retain(|s| {
        let text = [
            Some(s.title.as_str()),
            s.outlet.as_deref(),
            s.reference.as_deref(),
            s.note.as_deref(),
        ]
        .iter()
        .flatten()
        .map(|t| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
        q.split_whitespace().all(|w| text.contains(w))
            && (reliability.is_empty() || s.reliability.as_str() == reliability)
    });
    match sort.as_str() {
        "title" => sources.sort_by_cached_key(|s| s.title.to_lowercase()),
        "grade" => sources.sort_by_cached_key(|s| (s.grade.clone(), s.title.to_lowercase())),
        _ => sources.sort_by_cached_key(|s| {
            (
                s.published_on.is_none(),
                s.published_on,
                s.title.to_lowercase(),
            )
        }),
    }
    let dash = || "—".to_string();
    let lines = sources
        .iter()
        .map(|x| SourceLine {
            title: x.title.clone(),
            url: x
                .url
                .clone()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            reference: x.reference.clone().filter(|r| r != &x.title),
            kind: tr.label("source_kind", x.kind.as_str()),
            outlet: x.outlet.clone().unwrap_or_else(dash),
            date: x.published_on.map_or_else(dash, iso),
            language: x
                .language
                .as_deref()
                .map_or_else(dash, str::to_ascii_uppercase),
            grade: x.grade.clone(),
            grade_title: grade_words(&tr, x),
            note: x.note.clone(),
            badges: badges(&tr, &x.meta),
        })
        .collect::<Vec<_>>();
    let page = SourcesPage {
        ctx: ctx.clone(),
        count: if lines.len() == total {
            tr.fmt("sources-count", &[("n", &lines.len())])
        } else {
            tr.fmt("sources-shown", &[("n", &lines.len()), ("total", &total)])
        },
        q: ctx.param("q").unwrap_or_default().trim().to_string(),
        clear: (!q.is_empty() || !reliability.is_empty()).then(|| lists::cleared(ctx)),
        reliability,
        sort,
        on: ctx.on.clone().map_or_else(String::new, |_| iso(on)),
        as_of: ctx.as_of.clone().unwrap_or_default(),
        lines,
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}
