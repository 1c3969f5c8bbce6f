//! The record log: its entries a page at a time, newest page first, filtered by kind or opened
//! at a sequence number, and whether its hash chain holds.

use crate::shared::lists::{self, Opt};
use crate::shared::page::{Ctx, finish, respond};
use crate::{
    record::api, shared::auth::ClientAddr, shared::error::ApiError, shared::limits::Limited,
    shared::state::AppState,
};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_domain::EntryKind;
use konbit_store::log::{Around, EntryFilter};

/// Log entries per page.
const LOG_PAGE: i64 = 100;

struct LogLine {
    seq: i64,
    recorded_at: String,
    actor: String,
    kind: String,
    valid_at: String,
    classification: String,
    hash: String,
    short_hash: String,
    redacted: bool,
    /// The entry asked for with `at`.
    asked: bool,
}

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    ctx: Ctx,
    ok: bool,
    length: String,
    head: String,
    problem: Option<String>,
    first_bad: Option<i64>,
    lines: Vec<LogLine>,
    /// The filter as asked, to show it again.
    kinds: Vec<Opt>,
    at: String,
    filtered: bool,
    prev_href: Option<String>,
    next_href: Option<String>,
    latest_href: Option<String>,
}

pub(crate) async fn log_page(State(s): State<AppState>, addr: ClientAddr, ctx: Ctx) -> Response {
    let r = log_view(&s, &addr, &ctx).await;
    finish(&ctx, r)
}

/// The kinds the filter offers: those whose content the log page may show (a kind with
/// restricted fields never shows there, so filtering by it would only point at where its
/// entries are).
fn shown_kinds() -> impl Iterator<Item = EntryKind> {
    EntryKind::all()
        .iter()
        .copied()
        .filter(|k| konbit_domain::registers::restricted_keys(*k).is_empty())
}

/// A cursor parameter (`after`: from 0; `before`: from 1).
fn cursor(ctx: &Ctx, param: &str, min: i64) -> Result<Option<i64>, ApiError> {
    match ctx.param(param).unwrap_or_default().trim() {
        "" => Ok(None),
        v => v
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= min)
            .map(Some)
            .ok_or_else(|| lists::bad(ctx, param, "seq")),
    }
}

async fn log_view(s: &AppState, addr: &ClientAddr, ctx: &Ctx) -> Result<Response, ApiError> {
    let after = cursor(ctx, "after", 0)?;
    let before = cursor(ctx, "before", 1)?;
    let at = lists::seq(ctx, "at")?;
    let kind = match ctx.param("kind").unwrap_or_default().trim() {
        "" => None,
        k => Some(
            shown_kinds()
                .find(|x| x.as_str() == k)
                .ok_or_else(|| lists::bad(ctx, "kind", "unknown"))?,
        ),
    };
    let tr = ctx.tr;
    let clearance = ctx.caller.clearance();
    if ctx.caller.user.is_none() {
        s.limits.check(Limited::Verify, addr.key())?;
    }
    let verification = s.verified.get(&s.store).await?;
    let f = EntryFilter {
        kind: kind.map_or("", EntryKind::as_str),
        // Filtered by kind, only the entries this reader may read: the others keep their place
        // in the whole log, but a kind filter would tell where entries of the kind are.
        clearance: kind.map(|_| clearance),
        ..EntryFilter::default()
    };
    // The log opens at its newest entries; `at` opens it at an entry, `after` and `before`
    // page from there.
    let around = match (at, after, before) {
        (Some(n), ..) => Around::After(n - 1),
        (None, Some(a), _) => Around::After(a),
        (None, None, Some(b)) => Around::Before(b),
        (None, None, None) => Around::Before(i64::MAX),
    };
    let entries = s.store.log_where(&f, around, LOG_PAGE).await?;
    let (first, last) = (
        entries.first().map(|e| e.seq),
        entries.last().map(|e| e.seq),
    );
    let older = match first {
        Some(o) => !s
            .store
            .log_where(&f, Around::Before(o), 1)
            .await?
            .is_empty(),
        None => false,
    };
    let newer = match last {
        Some(n) => !s.store.log_where(&f, Around::After(n), 1).await?.is_empty(),
        None => false,
    };
    let lines: Vec<LogLine> = entries
        .into_iter()
        .map(|e| api::log_entry(e, clearance))
        .map(|e| LogLine {
            asked: Some(e.seq) == at,
            seq: e.seq,
            recorded_at: e.recorded_at.unwrap_or_else(|| "—".into()),
            actor: e.actor.unwrap_or_else(|| tr.t("log-redacted")),
            kind: e.kind.unwrap_or_else(|| "—".into()),
            valid_at: e.valid_at.unwrap_or_else(|| "—".into()),
            classification: tr.label("class", &e.classification),
            short_hash: e.hash.chars().take(12).collect(),
            hash: e.hash,
            redacted: e.redacted,
        })
        .collect();
    let href = |param: &str, n: i64| {
        let mut c = ctx.clone();
        c.query
            .retain(|(k, _)| !["after", "before", "at"].contains(&k.as_str()));
        lists::with_param(&c, param, Some(&n.to_string()))
    };
    let page = LogPage {
        ok: verification.ok,
        length: tr.num(verification.length),
        head: verification.head.unwrap_or_else(|| "—".into()),
        problem: verification.problem,
        first_bad: verification.first_bad_seq,
        lines,
        kinds: lists::options(
            ctx,
            kind.map_or("", EntryKind::as_str),
            shown_kinds().map(|k| (k.as_str().to_string(), k.as_str().to_string())),
        ),
        at: at.map(|n| n.to_string()).unwrap_or_default(),
        filtered: kind.is_some(),
        prev_href: first.filter(|_| older).map(|o| href("before", o)),
        next_href: last.filter(|_| newer).map(|n| href("after", n)),
        latest_href: (at.is_some() || after.is_some() || before.is_some()).then(|| {
            let mut c = ctx.clone();
            c.query
                .retain(|(k, _)| !["after", "before", "at"].contains(&k.as_str()));
            lists::with_param(&c, "at", None)
        }),
        ctx: ctx.clone(),
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}
