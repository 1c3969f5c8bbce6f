//! The desk's deadlines as an iCalendar feed (RFC 5545), so that an officer's calendar shows a
//! handover due. A calendar cannot log in: the feed's address carries a secret of its own
//! (`/desk.ics?token=…`), issued from the desk page, stored hashed like sessions and API
//! tokens, expiring with them and revoked with them; it reads that user's desk and nothing
//! else.

use crate::shared::{
    auth::forwarded_host,
    gate::{Allowed, Member},
    page::{Ctx, FormPairs, check_post, pairs},
    state::AppState,
};
use axum::{
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use ics::properties::{Description, DtEnd, DtStart, Summary, URL};
use ics::{Event, ICalendar};
use konbit_domain::Named;
use konbit_present::Tr;
use konbit_store::users::TokenKind;
use serde::Deserialize;
use time::{OffsetDateTime, UtcOffset, format_description::FormatItem, macros::format_description};

const STAMP: &[FormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

fn stamp(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(STAMP)
        .unwrap_or_default()
}

/// The address the feed is served at, as the browser reached this server.
fn base(s: &AppState, headers: &HeaderMap, parts_host: Option<String>) -> String {
    let host = parts_host
        .or_else(|| {
            headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_else(|| "localhost".into());
    let scheme = if s.config.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

/// `POST /desk/calendar`: a new calendar address for the caller, shown once on the desk.
pub(crate) async fn issue(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(u, ..): Allowed<Member>,
    parts: Parts,
    form: FormPairs,
) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let issued = match s
        .store
        .issue_token(&u, TokenKind::Calendar, s.config.token_ttl)
        .await
    {
        Ok(i) => i,
        Err(e) => return crate::shared::page::api_error_page(&ctx, &e.into()),
    };
    let host = forwarded_host(&parts.headers, &parts.extensions, &s);
    let feed = format!(
        "{}/desk.ics?token={}",
        base(&s, &parts.headers, host),
        issued.token
    );
    super::pages::render(&s, &ctx, &u, Some(feed)).await
}

#[derive(Deserialize)]
pub(crate) struct FeedQuery {
    token: Option<String>,
}

/// `GET /desk.ics?token=…`: the deadlines of the token's user's desk.
pub(crate) async fn feed(
    State(s): State<AppState>,
    Query(q): Query<FeedQuery>,
    parts: Parts,
) -> Response {
    let token = q.token.unwrap_or_default();
    // Bounded before it is looked up: a token is 64 hex digits.
    let user = if token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()) {
        s.store
            .user_for_token(&token, TokenKind::Calendar)
            .await
            .ok()
            .flatten()
    } else {
        None
    };
    let Some(user) = user.filter(|u| !u.disabled) else {
        return (
            StatusCode::NOT_FOUND,
            "This calendar address is unknown, expired or revoked: get a new one from the desk.\n",
        )
            .into_response();
    };
    let items = match super::items(&s.store, s.rules(), &user).await {
        Ok(i) => i,
        Err(e) => return e.into_response(),
    };
    let host = forwarded_host(&parts.headers, &parts.extensions, &s);
    let base = base(&s, &parts.headers, host);
    let tr = Tr::en();
    let now = stamp(OffsetDateTime::now_utc());
    let mut cal = ICalendar::new("2.0", "-//Konbit//Desk//EN");
    for i in items {
        let Some(due) = i.due else { continue };
        let (href, action) = super::links(&i);
        let kind = i.kind.as_str();
        let mut e = Event::new(format!("{kind}-{}@konbit", i.record), now.clone());
        e.push(DtStart::new(stamp(due)));
        e.push(DtEnd::new(stamp(due + time::Duration::minutes(30))));
        e.push(Summary::new(ics::escape_text(format!(
            "{} ({})",
            tr.t(&format!("desk-kind-{kind}")),
            i.record
        ))));
        e.push(Description::new(ics::escape_text(format!(
            "{}{} — {base}{href}",
            i.mission,
            i.country.map(|c| format!(", {c}")).unwrap_or_default()
        ))));
        e.push(URL::new(format!("{base}{action}")));
        cal.add_event(e);
    }
    let mut r = cal.to_string().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
