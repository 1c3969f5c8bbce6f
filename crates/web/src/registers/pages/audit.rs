//! The audit of restricted reads (admin): who saw which records' restricted fields, when and
//! through which request — the `record.viewed` entries of the log, a page at a time.

use crate::shared::gate::{Allowed, Auditor};
use crate::shared::page::{Ctx, finish, respond};
use crate::shared::pieces::short_id;
use crate::{registers::views, shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};

/// Entries per page.
const AUDIT_PAGE: i64 = 100;

/// A record read, linked when the register has a page for it by id alone.
struct RecordRef {
    short: String,
    id: String,
    href: Option<String>,
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
    prev_href: Option<String>,
    next_href: Option<String>,
}

pub(crate) async fn audit_page(
    State(s): State<AppState>,
    ctx: Ctx,
    _: Allowed<Auditor>,
) -> Response {
    let r = audit_view(&s, &ctx).await;
    finish(&ctx, r)
}

async fn audit_view(s: &AppState, ctx: &Ctx) -> Result<Response, ApiError> {
    let after = match ctx.param("after").filter(|v| !v.is_empty()) {
        None => 0,
        Some(v) => v.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
            ApiError::bad_request("invalid_query", "after must be a sequence number ≥ 0")
        })?,
    };
    let entries = views(s, after, AUDIT_PAGE).await?;
    let full = i64::try_from(entries.len()).unwrap_or(0) == AUDIT_PAGE;
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
                })
                .collect(),
            register: e.register,
            via: e.via,
        })
        .collect();
    let next_href = match lines.last() {
        Some(l) if full => Some(format!("/audit?after={}", l.seq)),
        _ => None,
    };
    let prev_href = (after > 0).then(|| "/audit".to_string());
    let page = AuditPage {
        ctx: ctx.clone(),
        lines,
        prev_href,
        next_href,
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}
