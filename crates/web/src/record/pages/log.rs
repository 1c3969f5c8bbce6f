//! The record log: its entries a page at a time, and whether its hash chain holds.

use crate::shared::page::{Ctx, finish, respond};
use crate::{
    record::api, shared::auth::ClientAddr, shared::error::ApiError, shared::limits::Limited,
    shared::state::AppState,
};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};

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
    prev_href: Option<String>,
    next_href: Option<String>,
}

pub(crate) async fn log_page(State(s): State<AppState>, addr: ClientAddr, ctx: Ctx) -> Response {
    let r = log_view(&s, &addr, &ctx).await;
    finish(&ctx, r)
}

async fn log_view(s: &AppState, addr: &ClientAddr, ctx: &Ctx) -> Result<Response, ApiError> {
    let asked = match ctx.param("after").filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => Some(v.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
            ApiError::bad_request("invalid_query", "after must be a sequence number ≥ 0")
        })?),
    };
    let tr = ctx.tr;
    let clearance = ctx.caller.clearance();
    if ctx.caller.user.is_none() {
        s.limits.check(Limited::Verify, addr.key())?;
    }
    let verification = s.verified.get(&s.store).await?;
    // The log opens at its newest entries; `after` pages back and forth from there.
    let after = asked.unwrap_or((verification.length - LOG_PAGE).max(0));
    let entries = { s.store.log_after(after, LOG_PAGE).await? };
    let full = i64::try_from(entries.len()).unwrap_or(0) == LOG_PAGE;
    let lines: Vec<LogLine> = entries
        .into_iter()
        .map(|e| api::log_entry(e, clearance))
        .map(|e| LogLine {
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
    let next_href = match lines.last() {
        Some(l) if full => Some(format!("/log?after={}", l.seq)),
        _ => None,
    };
    let prev_href = (after > 0).then(|| format!("/log?after={}", (after - LOG_PAGE).max(0)));
    let page = LogPage {
        ctx: ctx.clone(),
        ok: verification.ok,
        length: tr.num(verification.length),
        head: verification.head.unwrap_or_else(|| "—".into()),
        problem: verification.problem,
        first_bad: verification.first_bad_seq,
        lines,
        prev_href,
        next_href,
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}
