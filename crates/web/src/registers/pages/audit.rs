//! The audit of restricted reads (admin, auditor): who saw which records' restricted fields,
//! when and through which request — the `record.viewed` entries of the log, newest first, a
//! page at a time, filtered by user, by record (its full id or the 8-character id shown on the
//! pages) and by the days they were recorded on.

use crate::shared::gate::{Allowed, Auditor};
use crate::shared::lists;
use crate::shared::page::{Ctx, finish, iso, respond};
use crate::shared::pieces::short_id;
use crate::{registers::views_where, shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_store::log::{Around, EntryFilter};
use uuid::Uuid;

/// Entries per page.
const AUDIT_PAGE: i64 = 100;

/// The longest user name the filter accepts.
const MAX_USER: usize = 64;

/// A record read, linked when the register has a page for it by id alone.
struct RecordRef {
    short: String,
    id: String,
    href: Option<String>,
    /// The record the audit is filtered by.
    asked: bool,
}

struct ViewLine {
    seq: i64,
    recorded_at: String,
    actor: String,
    register: String,
    records: Vec<RecordRef>,
    via: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    ctx: Ctx,
    lines: Vec<ViewLine>,
    /// The filters as asked, to show them again.
    user: String,
    record: String,
    from: String,
    to: String,
    filtered: bool,
    clear: String,
    newer_href: Option<String>,
    older_href: Option<String>,
    latest_href: Option<String>,
}

pub(crate) async fn audit_page(
    State(s): State<AppState>,
    ctx: Ctx,
    _: Allowed<Auditor>,
) -> Response {
    let r = audit_view(&s, &ctx).await;
    finish(&ctx, r)
}

/// A record as typed into the filter: a full id (any form a UUID is written in), or the last
/// 8 hexadecimal digits the pages show. Either way lowercase hex and dashes only, so it is safe
/// inside a `LIKE` pattern.
fn record_param(ctx: &Ctx) -> Result<String, ApiError> {
    let v = ctx.param("record").unwrap_or_default().trim();
    if v.is_empty() {
        return Ok(String::new());
    }
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(v.to_ascii_lowercase());
    }
    if v.len() <= 45
        && let Ok(id) = Uuid::parse_str(v)
    {
        return Ok(id.hyphenated().to_string());
    }
    Err(lists::bad(ctx, "record", "record"))
}

/// A user name as typed (`editor`, or `user:editor` as the log writes it).
fn user_param(ctx: &Ctx) -> Result<String, ApiError> {
    let v = ctx.param("user").unwrap_or_default().trim();
    let v = v.strip_prefix("user:").unwrap_or(v);
    if v.chars().count() > MAX_USER || v.chars().any(char::is_control) {
        return Err(lists::bad(ctx, "user", "user"));
    }
    Ok(v.to_string())
}

async fn audit_view(s: &AppState, ctx: &Ctx) -> Result<Response, ApiError> {
    let user = user_param(ctx)?;
    let record = record_param(ctx)?;
    let (from, to) = lists::dates(ctx)?;
    let before = lists::seq(ctx, "before")?;
    let after = match ctx.param("after").unwrap_or_default().trim() {
        "" => None,
        v => Some(
            v.parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| lists::bad(ctx, "after", "seq"))?,
        ),
    };
    let actor = if user.is_empty() {
        String::new()
    } else {
        format!("user:{user}")
    };
    let from_text = from.map(iso).unwrap_or_default();
    let until_text = to.and_then(|t| t.next_day()).map(iso).unwrap_or_default();
    let f = EntryFilter {
        actor: &actor,
        holds: &record,
        from: &from_text,
        until: &until_text,
        ..EntryFilter::default()
    };
    // Newest first: the latest page unless a cursor asks for older (`before`) or newer
    // (`after`) entries.
    let around = match (after, before) {
        (Some(a), _) => Around::After(a),
        (None, Some(b)) => Around::Before(b),
        (None, None) => Around::Before(i64::MAX),
    };
    let mut entries = views_where(s, &f, around, AUDIT_PAGE).await?;
    // Whether there is more on either side, asked once each (a page of one).
    let (oldest, newest) = (
        entries.first().map(|e| e.seq),
        entries.last().map(|e| e.seq),
    );
    let older = match oldest {
        Some(o) => !views_where(s, &f, Around::Before(o), 1).await?.is_empty(),
        None => false,
    };
    let newer = match newest {
        Some(n) => !views_where(s, &f, Around::After(n), 1).await?.is_empty(),
        None => false,
    };
    entries.reverse();
    let short = (record.len() == 8).then_some(record.as_str());
    let lines: Vec<ViewLine> = entries
        .into_iter()
        .map(|e| ViewLine {
            seq: e.seq,
            recorded_at: e.recorded_at,
            actor: e.actor.trim_start_matches("user:").to_string(),
            records: e
                .records
                .iter()
                .map(|id| RecordRef {
                    short: short_id(*id),
                    id: id.to_string(),
                    href: (e.register == "personnel").then(|| format!("/personnel/{id}")),
                    asked: id.to_string() == record || short == Some(short_id(*id).as_str()),
                })
                .collect(),
            register: e.register,
            via: e.via,
        })
        .collect();
    let page = AuditPage {
        lines,
        from: from.map(iso).unwrap_or_default(),
        to: to.map(iso).unwrap_or_default(),
        filtered: !user.is_empty() || !record.is_empty() || from.is_some() || to.is_some(),
        clear: "/audit".to_string(),
        newer_href: newer
            .then(|| newest.map(|n| cursor_href(ctx, "after", n)))
            .flatten(),
        older_href: older
            .then(|| oldest.map(|o| cursor_href(ctx, "before", o)))
            .flatten(),
        latest_href: (after.is_some() || before.is_some())
            .then(|| lists::with_param(&without(ctx, "after"), "before", None)),
        user,
        record: ctx.param("record").unwrap_or_default().trim().to_string(),
        ctx: ctx.clone(),
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}

/// This page's address without `param`.
fn without(ctx: &Ctx, param: &str) -> Ctx {
    let mut c = ctx.clone();
    c.query.retain(|(k, _)| k != param);
    c
}

/// This page's address with one cursor (`after` or `before`) set and the other removed.
fn cursor_href(ctx: &Ctx, param: &str, at: i64) -> String {
    let other = if param == "after" { "before" } else { "after" };
    lists::with_param(&without(ctx, other), param, Some(&at.to_string()))
}
