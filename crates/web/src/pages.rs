//! The server-rendered pages: the mission dashboard (with its funding table), a contributor's
//! record, the timeline, the register of sources, the record log, login and logout, the language
//! switch, the two editor forms (pledge, movement) and the administrators' user list. Pages work
//! without JavaScript and hold no rules of their own: they read through
//! the store's queries (which apply the two clocks and the caller's clearance), write through the
//! store's single writer, and render askama templates.
//!
//! This module also owns the browser-side security of forms: a double-submit CSRF token (cookie
//! `konbit_csrf` echoed in a hidden field, compared in constant time) and a refusal of
//! cross-site POSTs announced by `Sec-Fetch-Site`.

use crate::{
    AppState, api,
    auth::{self, CSRF_COOKIE, Caller, LANG_COOKIE, SESSION_COOKIE},
    chart,
    error::ApiError,
    extract::{Clocks, parse_date},
    i18n::{Tr, fill},
};
use askama::Template;
use axum::{
    Form, Router,
    extract::{FromRequestParts, Path, Query, State},
    http::{HeaderValue, StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use konbit_domain::{
    Classification, DomainError, FundingChannel, FundingKind, InstrumentKind, InstrumentStatus,
    Movement, Personnel, Role,
    command::{Command, Money, NewDeployment, NewPledge},
    country,
    mandate::Expiry,
    view::{DiscrepancyView, FundingView, RecordMeta, SourceView, TimelineEvent, TimelineItem},
};
use konbit_store::{
    Actor, Envelope, StoreError, User, Visibility, log,
    query::{self, Snapshot},
    users::{self, TokenKind},
};
use std::collections::{BTreeMap, HashMap};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The pages' routes (merged with the API's by [`crate::app`]).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/timeline", get(timeline_current))
        .route("/missions/{slug}", get(mission_page))
        .route("/missions/{slug}/timeline", get(timeline_page))
        .route(
            "/missions/{slug}/contributors/{country}",
            get(contributor_page),
        )
        .route(
            "/missions/{slug}/pledges/new",
            get(pledge_form).post(pledge_submit),
        )
        .route(
            "/missions/{slug}/deployments/new",
            get(deployment_form).post(deployment_submit),
        )
        .route("/sources", get(sources_page))
        .route("/users", get(users_page).post(user_create))
        .route("/users/{name}/role", post(user_set_role))
        .route("/log", get(log_page))
        .route("/login", get(login_form).post(login_submit))
        .route("/logout", post(logout))
        .route("/lang/{code}", get(set_lang))
        .route("/static/app.css", get(css))
}

/// Log entries per page.
const LOG_PAGE: i64 = 100;
/// Language cookie lifetime: one year, in seconds.
const LANG_MAX_AGE: i64 = 365 * 24 * 3600;

// ---------------------------------------------------------------------------------------------
// Request context
// ---------------------------------------------------------------------------------------------

/// What every page needs to know about the request: who, which language, the CSRF token, where
/// we are (for `next=` links) and the clocks the user asked for (carried along in links).
#[derive(Debug, Clone)]
struct Ctx {
    tr: Tr,
    lang: &'static str,
    caller: Caller,
    user_name: Option<String>,
    user_role: String,
    csrf: String,
    /// True when the request had no (valid) CSRF cookie: the response sets one.
    csrf_new: bool,
    /// Path and query of this request.
    path: String,
    /// Path alone.
    bare_path: String,
    query: Vec<(String, String)>,
    on: Option<String>,
    as_of: Option<String>,
    /// `?on=…&as_of=…` (or empty) appended to internal links so the clocks stay set.
    qs: String,
    /// The mission shown, once known (for the nav links).
    mission: Option<String>,
    cross_site: bool,
    secure: bool,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let caller = match Caller::from_request_parts(parts, state).await {
            Ok(c) => c,
            // A stale bearer token on a page request: treat as anonymous, pages use cookies.
            Err(e) if e.status() == StatusCode::UNAUTHORIZED => Caller {
                user: None,
                session: None,
            },
            Err(_) => return Err(plain_500()),
        };
        let tr = lang_of(parts);
        let (csrf, csrf_new) = match auth::cookie(parts, CSRF_COOKIE).filter(|t| token_ok(t)) {
            Some(t) => (t.to_string(), false),
            None => match users::new_token() {
                Ok(t) => (t, true),
                Err(e) => {
                    tracing::error!(error = %e, "cannot make a CSRF token");
                    return Err(plain_500());
                }
            },
        };
        let query = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map(|q| q.0)
            .unwrap_or_default();
        let param = |k: &str| {
            query
                .iter()
                .find(|(n, v)| n == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
        };
        let on = param("on");
        let as_of = param("as_of");
        let mut qs_parts = Vec::new();
        if let Some(v) = &on {
            qs_parts.push(format!("on={}", enc(v)));
        }
        if let Some(v) = &as_of {
            qs_parts.push(format!("as_of={}", enc(v)));
        }
        let qs = if qs_parts.is_empty() {
            String::new()
        } else {
            format!("?{}", qs_parts.join("&"))
        };
        let path = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_string(), |p| p.as_str().to_string());
        let cross_site = parts
            .headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"));
        Ok(Ctx {
            lang: tr.code(),
            user_name: caller.user.as_ref().map(|u| u.username.clone()),
            user_role: caller
                .role()
                .map(|r| tr.label("role", r.as_str()))
                .unwrap_or_default(),
            tr,
            caller,
            csrf,
            csrf_new,
            bare_path: parts.uri.path().to_string(),
            path,
            query,
            on,
            as_of,
            qs,
            mission: None,
            cross_site,
            secure: state.secure_cookies,
        })
    }
}

impl Ctx {
    /// Link to the dashboard of the mission shown (or of the mission in office).
    fn home_href(&self) -> String {
        match &self.mission {
            Some(m) => format!("/missions/{m}{}", self.qs),
            None => format!("/{}", self.qs),
        }
    }

    /// Link to the timeline of the mission shown.
    fn timeline_href(&self) -> String {
        match &self.mission {
            Some(m) => format!("/missions/{m}/timeline{}", self.qs),
            None => format!("/timeline{}", self.qs),
        }
    }

    /// Link to the register of sources, with the clocks kept.
    fn sources_href(&self) -> String {
        format!("/sources{}", self.qs)
    }

    fn login_href(&self) -> String {
        format!("/login?next={}", enc(&self.path))
    }

    fn lang_href(&self, code: &str) -> String {
        format!("/lang/{code}?next={}", enc(&self.path))
    }

    fn param(&self, k: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    fn role(&self) -> Option<Role> {
        self.caller.role()
    }

    fn can_edit(&self) -> bool {
        self.role().is_some_and(|r| r >= Role::Editor)
    }

    /// Whether to offer user management (the nav link; the handlers check again).
    fn is_admin(&self) -> bool {
        self.role() == Some(Role::Admin)
    }

    /// The valid-time date and the visibility (record time, clearance) asked for.
    fn clocks(&self) -> Result<(Date, Visibility), ApiError> {
        let clocks = Clocks {
            on: self.on.clone(),
            as_of: self.as_of.as_deref().map(normalize_as_of),
            mission: None,
        };
        Ok((clocks.on()?, clocks.visibility(self.caller.clearance())?))
    }

    fn country(&self, code: &str) -> String {
        country::name(code, self.lang)
    }
}

/// Language: the cookie, else `Accept-Language` (French if it starts with `fr`), else English.
fn lang_of(parts: &Parts) -> Tr {
    if let Some(tr) = auth::cookie(parts, LANG_COOKIE).and_then(Tr::from_code) {
        return tr;
    }
    let accept = parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if accept.trim_start().to_ascii_lowercase().starts_with("fr") {
        Tr::fr()
    } else {
        Tr::en()
    }
}

/// A cookie value we are willing to echo: our own tokens are 64 hex digits.
fn token_ok(t: &str) -> bool {
    (16..=128).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `as_of` as typed in the form: RFC 3339 as is; a bare date means "by the end of that day"; a
/// `datetime-local` value (no seconds, no offset) is taken as UTC.
fn normalize_as_of(s: &str) -> String {
    if parse_date(s).is_some() {
        format!("{s}T23:59:59.999999Z")
    } else if s.len() == 16 && s.as_bytes().get(10) == Some(&b'T') {
        format!("{s}:00Z")
    } else if s.len() == 19 && s.as_bytes().get(10) == Some(&b'T') {
        format!("{s}Z")
    } else {
        s.to_string()
    }
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Percent-encodes everything but RFC 3986 unreserved characters (for query values).
fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A redirect target we accept: a path on this site. `//host` and `/\host` are other sites to a
/// browser, so they are refused, as are control characters.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.chars().any(char::is_control) =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

/// Compares two secrets in time independent of where they differ.
fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

fn cookie_header(
    name: &str,
    value: &str,
    max_age: Option<i64>,
    secure: bool,
) -> Option<HeaderValue> {
    let mut s = format!("{name}={value}; Path=/; SameSite=Lax; HttpOnly");
    if let Some(a) = max_age {
        s.push_str(&format!("; Max-Age={a}"));
    }
    if secure {
        s.push_str("; Secure");
    }
    HeaderValue::from_str(&s).ok()
}

fn add_cookie(r: &mut Response, v: Option<HeaderValue>) {
    if let Some(v) = v {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
}

fn html_response(ctx: &Ctx, status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // Pages carry the user's name and a CSRF token: no shared caches, no stale forms.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if ctx.csrf_new {
        add_cookie(
            &mut r,
            cookie_header(CSRF_COOKIE, &ctx.csrf, None, ctx.secure),
        );
    }
    r
}

fn respond<T: Template>(ctx: &Ctx, status: StatusCode, tpl: &T) -> Response {
    match tpl.render() {
        Ok(body) => html_response(ctx, status, body),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            plain_500()
        }
    }
}

/// The last resort when not even the layout can be rendered.
fn plain_500() -> Response {
    let mut r = (
        StatusCode::INTERNAL_SERVER_ERROR,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Internal error</title>\
         <link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main class=\"main\">\
         <h1>Internal error</h1><p>The server failed; the error is in its log.</p></main></body></html>",
    )
        .into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn see_other(location: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    status: u16,
    title: String,
    message: String,
}

fn error_page(ctx: &Ctx, status: StatusCode, title_key: &str, message: String) -> Response {
    let page = ErrorPage {
        ctx: ctx.clone(),
        status: status.as_u16(),
        title: ctx.tr.t(title_key).to_string(),
        message,
    };
    respond(ctx, status, &page)
}

/// An API error as a page. Internal errors were logged where they were made; their cause is
/// not shown.
fn api_error_page(ctx: &Ctx, e: &ApiError) -> Response {
    let status = e.status();
    let detail = e.problem().detail;
    let (key, message) = match status {
        StatusCode::BAD_REQUEST => ("error.bad_request", detail),
        StatusCode::NOT_FOUND => ("error.not_found", detail),
        StatusCode::FORBIDDEN => ("error.forbidden", ctx.tr.t("error.forbidden.text").into()),
        StatusCode::TOO_MANY_REQUESTS => ("error.too_many", detail),
        StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY => ("error.refused", detail),
        _ => ("error.internal", ctx.tr.t("error.internal.text").into()),
    };
    error_page(ctx, status, key, message)
}

fn finish(ctx: &Ctx, r: Result<Response, ApiError>) -> Response {
    r.unwrap_or_else(|e| api_error_page(ctx, &e))
}

async fn css() -> Response {
    let mut r = include_str!("../static/app.css").into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    r
}

// ---------------------------------------------------------------------------------------------
// Shared view pieces
// ---------------------------------------------------------------------------------------------

/// A source as cited after a line: short title linked to the document, with its grade.
#[derive(Debug, Clone)]
struct SourceRef {
    short: String,
    title: String,
    url: Option<String>,
    grade: String,
}

/// One claim of a discrepancy.
#[derive(Debug, Clone)]
struct ClaimLine {
    value: String,
    note: Option<String>,
    sources: Vec<SourceRef>,
    accepted: bool,
}

/// A disagreement between sources, shown under the record it is about.
#[derive(Debug, Clone)]
struct DiscLine {
    field: String,
    claims: Vec<ClaimLine>,
    reason: String,
}

/// Sources by id, for the lines that cite them.
struct SourceBook<'a>(HashMap<Uuid, &'a SourceView>);

impl<'a> SourceBook<'a> {
    fn new(sources: &'a [SourceView]) -> Self {
        SourceBook(sources.iter().map(|s| (s.id, s)).collect())
    }

    /// Sources the reader may see; withheld ones are left out.
    fn refs(&self, ids: &[Uuid]) -> Vec<SourceRef> {
        ids.iter()
            .filter_map(|id| self.0.get(id))
            .map(|s| SourceRef {
                short: shorten(&s.title, 60),
                title: s.title.clone(),
                url: s
                    .url
                    .clone()
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                grade: s.grade.clone(),
            })
            .collect()
    }

    fn discs(&self, all: &[DiscrepancyView], about: Uuid) -> Vec<DiscLine> {
        all.iter()
            .filter(|d| d.about == about)
            .map(|d| DiscLine {
                field: d.field.clone(),
                claims: d
                    .claims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| ClaimLine {
                        value: c.value.clone(),
                        note: c.note.clone(),
                        sources: self.refs(&c.sources),
                        accepted: i == d.accepted,
                    })
                    .collect(),
                reason: d.reason.clone(),
            })
            .collect()
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Small labels after a line: its classification when not public, and "corrected".
fn badges(tr: &Tr, m: &RecordMeta) -> Vec<String> {
    let mut out = Vec::new();
    if m.classification != Classification::Public {
        out.push(tr.label("class", m.classification.as_str()));
    }
    if m.corrected {
        out.push(tr.t("badge.corrected").to_string());
    }
    out
}

/// "400 police, 20 military" in the page's language, or a dash.
fn describe(tr: &Tr, p: &Personnel) -> String {
    let parts: Vec<String> = [
        (p.police, "cat.police"),
        (p.military, "cat.military"),
        (p.civilian, "cat.civilian"),
    ]
    .iter()
    .filter(|(n, _)| *n != 0)
    .map(|(n, k)| format!("{} {}", tr.num(*n), tr.t(k)))
    .collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(", ")
    }
}

fn figures(tr: &Tr, p: &Personnel) -> Vec<String> {
    vec![
        tr.num(p.police),
        tr.num(p.military),
        tr.num(p.civilian),
        tr.num(p.total()),
    ]
}

fn instruments(tr: &Tr, ks: &[InstrumentKind]) -> Vec<String> {
    ks.iter()
        .map(|k| tr.label("instrument", k.as_str()))
        .collect()
}

fn status_class(s: InstrumentStatus) -> &'static str {
    match s {
        InstrumentStatus::Granted | InstrumentStatus::InForce => "st-good",
        InstrumentStatus::Pending => "st-wait",
        _ => "st-bad",
    }
}

// ---------------------------------------------------------------------------------------------
// Dashboard
// ---------------------------------------------------------------------------------------------

struct MandateLine {
    resolution: String,
    adopted: String,
    votes: String,
    end: String,
    /// Shown under the row with the summary, so the table fits the narrow card.
    ceiling: Option<String>,
    summary: Option<String>,
}

struct Link {
    href: String,
    text: String,
}

struct MissionCard {
    name: String,
    short_name: String,
    host: String,
    lead: String,
    start: String,
    note: Option<String>,
    mandates: Vec<MandateLine>,
    until: Option<String>,
    badge_class: &'static str,
    badge_text: String,
    ceiling: Option<String>,
    successor: Option<Link>,
    predecessor: Option<Link>,
    required: Vec<String>,
}

struct ContribLine {
    name: String,
    code: String,
    href: String,
    pledged: Vec<String>,
    deployed: Vec<String>,
    missing: Vec<String>,
}

/// One line of the funding table: a donor's money in one currency, or the total of a currency
/// (then `donor` is the "Total" label and `channels` is empty). Kinds with no record show a dash.
struct FundLine {
    donor: String,
    currency: String,
    channels: Vec<String>,
    pledged: String,
    received: String,
    frozen: String,
}

/// Sums of one donor's (or one currency's) records by kind; `None` where there is no record.
#[derive(Default)]
struct FundSums {
    pledged: Option<i64>,
    received: Option<i64>,
    frozen: Option<i64>,
    channels: Vec<FundingChannel>,
}

impl FundSums {
    fn add(&mut self, f: &FundingView) {
        let slot = match f.kind {
            FundingKind::Pledge => &mut self.pledged,
            FundingKind::Receipt => &mut self.received,
            FundingKind::Freeze => &mut self.frozen,
        };
        *slot = Some(slot.unwrap_or(0).saturating_add(f.amount));
        if !self.channels.contains(&f.channel) {
            self.channels.push(f.channel);
        }
    }

    fn line(&self, tr: &Tr, donor: String, currency: &str, channels: bool) -> FundLine {
        let n = |v: Option<i64>| v.map_or_else(|| "—".into(), |v| tr.num(v));
        let mut ch = self.channels.clone();
        ch.sort();
        FundLine {
            donor,
            currency: currency.to_string(),
            channels: if channels {
                ch.iter().map(|c| tr.label("channel", c.as_str())).collect()
            } else {
                Vec::new()
            },
            pledged: n(self.pledged),
            received: n(self.received),
            frozen: n(self.frozen),
        }
    }
}

/// The funding table on `on`: per currency, per donor (by name), the totals pledged, received
/// and frozen by then, then one total line per currency. Currencies are never added together.
fn funding_lines(ctx: &Ctx, views: &[FundingView], on: Date) -> (Vec<FundLine>, Vec<FundLine>) {
    let tr = ctx.tr;
    let mut by_donor: BTreeMap<(String, String, String), FundSums> = BTreeMap::new();
    let mut by_currency: BTreeMap<String, FundSums> = BTreeMap::new();
    for f in views.iter().filter(|f| f.on <= on) {
        // Country codes become names; an organization's name is kept as written.
        let name = ctx.country(&f.donor);
        by_donor
            .entry((f.currency.clone(), name.to_lowercase(), name))
            .or_default()
            .add(f);
        by_currency.entry(f.currency.clone()).or_default().add(f);
    }
    let rows = by_donor
        .iter()
        .map(|((cur, _, name), sums)| sums.line(&tr, name.clone(), cur, true))
        .collect();
    let totals = by_currency
        .iter()
        .map(|(cur, sums)| sums.line(&tr, tr.t("table.total").into(), cur, false))
        .collect();
    (rows, totals)
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: Ctx,
    card: MissionCard,
    chart: String,
    rows: Vec<ContribLine>,
    totals: ContribLine,
    funding: Vec<FundLine>,
    funding_totals: Vec<FundLine>,
    on: String,
    as_of: String,
    action: String,
    pledge_href: String,
    deployment_href: String,
}

#[derive(Template)]
#[template(path = "empty.html")]
struct EmptyPage {
    ctx: Ctx,
}

async fn home(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = dashboard(&s, ctx.clone(), None).await;
    finish(&ctx, r)
}

async fn mission_page(State(s): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> Response {
    let r = dashboard(&s, ctx.clone(), Some(slug)).await;
    finish(&ctx, r)
}

/// The snapshot of a mission (or of the one in office on `on`); `None` when no mission exists.
async fn load(
    s: &AppState,
    slug: Option<String>,
    on: Date,
    vis: Visibility,
) -> Result<Option<Snapshot>, ApiError> {
    let mut c = s.store.conn().await?;
    let slug = match slug {
        Some(x) => x,
        None => match query::mission_on(&mut c.ex(), on, vis).await? {
            Some(m) => m.slug,
            None => return Ok(None),
        },
    };
    let snap = query::snapshot(&mut c.ex(), &slug, vis)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("mission {slug:?}")))?;
    Ok(Some(snap))
}

fn expiry_badge(tr: &Tr, e: Option<Expiry>) -> (&'static str, String) {
    let left = |n: i64| {
        let key = if n == 1 {
            "expiry.left.one"
        } else {
            "expiry.left.other"
        };
        tr.t(key).replace("{n}", &tr.num(n))
    };
    match e {
        Some(Expiry::Ok { days_left }) => ("badge badge-ok", left(days_left)),
        Some(Expiry::Within90 { days_left }) => ("badge badge-warn", left(days_left)),
        Some(Expiry::Within30 { days_left }) => ("badge badge-danger", left(days_left)),
        Some(Expiry::Expired { days_ago }) => {
            let key = if days_ago == 1 {
                "expiry.ago.one"
            } else {
                "expiry.ago.other"
            };
            (
                "badge badge-expired",
                tr.t(key).replace("{n}", &tr.num(days_ago)),
            )
        }
        None => ("badge badge-none", tr.t("expiry.none").to_string()),
    }
}

async fn dashboard(s: &AppState, mut ctx: Ctx, slug: Option<String>) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let Some(snap) = load(s, slug, on, vis).await? else {
        return Ok(respond(
            &ctx,
            StatusCode::OK,
            &EmptyPage { ctx: ctx.clone() },
        ));
    };
    let slug = snap.mission.slug.clone();
    ctx.mission = Some(slug.clone());
    let tr = ctx.tr;
    let mv = snap.mission_view(on)?;
    let contributors = snap.contributors(on)?;
    let series = snap.strength_series(on)?;

    // Succession links name the other mission, which the snapshot knows only by slug.
    let names: HashMap<String, String> = {
        let mut c = s.store.conn().await?;
        query::missions(&mut c.ex(), vis)
            .await?
            .into_iter()
            .map(|m| (m.slug, m.short_name))
            .collect()
    };
    let (badge_class, badge_text) = expiry_badge(&tr, mv.expiry);
    let link = |slug: &str, key: &str, on: Date| Link {
        href: format!("/missions/{slug}{}", ctx.qs),
        text: tr
            .t(key)
            .replace("{mission}", names.get(slug).map_or(slug, String::as_str))
            .replace("{date}", &tr.date_long(on)),
    };
    let card = MissionCard {
        name: mv.name.clone(),
        short_name: mv.short_name.clone(),
        host: ctx.country(&mv.host_country),
        lead: ctx.country(&mv.lead_nation),
        start: iso(mv.start_date),
        note: mv.note.clone(),
        mandates: mv
            .mandates
            .iter()
            .rev()
            .map(|x| MandateLine {
                resolution: format!("{} ({})", x.resolution, x.adopted_on.year()),
                adopted: iso(x.adopted_on),
                votes: format!("{}–{}–{}", x.votes[0], x.votes[1], x.votes[2]),
                end: iso(x.mandate_end),
                ceiling: x.ceiling_total.map(|c| tr.num(c)),
                summary: x.summary.clone(),
            })
            .collect(),
        until: mv.authorized_until.map(|d| tr.date_long(d)),
        badge_class,
        badge_text,
        ceiling: mv.ceiling.map(|c| tr.num(c)),
        successor: mv
            .successor
            .as_ref()
            .map(|x| link(&x.successor, "mission.succeeded_by", x.on)),
        predecessor: mv
            .predecessor
            .as_ref()
            .map(|x| link(&x.mission, "mission.succeeds", x.on)),
        required: instruments(&tr, &mv.required_instruments),
    };

    let mut pledged = Personnel::default();
    let mut deployed = Personnel::default();
    let rows: Vec<ContribLine> = contributors
        .iter()
        .map(|c| {
            pledged = pledged.plus(c.pledged);
            deployed = deployed.plus(c.deployed);
            ContribLine {
                name: ctx.country(&c.country),
                code: c.country.clone(),
                href: format!("/missions/{slug}/contributors/{}{}", c.country, ctx.qs),
                pledged: figures(&tr, &c.pledged),
                deployed: figures(&tr, &c.deployed),
                missing: instruments(&tr, &c.missing_instruments),
            }
        })
        .collect();
    let totals = ContribLine {
        name: tr.t("table.total").into(),
        code: String::new(),
        href: String::new(),
        pledged: figures(&tr, &pledged),
        deployed: figures(&tr, &deployed),
        missing: Vec::new(),
    };
    let (funding, funding_totals) = funding_lines(&ctx, &snap.funding_views()?, on);
    let page = DashboardPage {
        chart: chart::strength_chart(&series, &tr),
        card,
        rows,
        totals,
        funding,
        funding_totals,
        on: iso(on),
        as_of: ctx.as_of.clone().unwrap_or_default(),
        action: ctx.bare_path.clone(),
        pledge_href: format!("/missions/{slug}/pledges/new"),
        deployment_href: format!("/missions/{slug}/deployments/new"),
        ctx: ctx.clone(),
    };
    Ok(respond(&ctx, StatusCode::OK, &page))
}

// ---------------------------------------------------------------------------------------------
// Contributor
// ---------------------------------------------------------------------------------------------

struct PledgeLine {
    on: String,
    change: String,
    status: String,
    figures: Vec<String>,
    equipment: Option<String>,
    money: Option<String>,
    note: Option<String>,
    sources: Vec<SourceRef>,
    discs: Vec<DiscLine>,
    badges: Vec<String>,
}

struct MoveLine {
    on: String,
    movement: String,
    arriving: String,
    leaving: String,
    unit: Option<String>,
    note: Option<String>,
    override_reason: Option<String>,
    sources: Vec<SourceRef>,
    discs: Vec<DiscLine>,
    badges: Vec<String>,
}

struct AuthLine {
    kind: String,
    title: String,
    issued_on: String,
    status: String,
    status_class: &'static str,
    note: Option<String>,
    sources: Vec<SourceRef>,
    discs: Vec<DiscLine>,
    badges: Vec<String>,
}

#[derive(Template)]
#[template(path = "contributor.html")]
struct ContributorPage {
    ctx: Ctx,
    mission_name: String,
    mission_href: String,
    name: String,
    code: String,
    on: String,
    pledged: Vec<String>,
    deployed: Vec<String>,
    pledged_total: String,
    deployed_total: String,
    missing: Vec<String>,
    pledges: Vec<PledgeLine>,
    moves: Vec<MoveLine>,
    auths: Vec<AuthLine>,
    pledge_href: String,
    deployment_href: String,
}

async fn contributor_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((slug, code)): Path<(String, String)>,
) -> Response {
    let r = contributor(&s, ctx.clone(), slug, code).await;
    finish(&ctx, r)
}

async fn contributor(
    s: &AppState,
    mut ctx: Ctx,
    slug: String,
    code: String,
) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let code = code.to_ascii_uppercase();
    let snap = load(s, Some(slug.clone()), on, vis)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("mission {slug:?}")))?;
    ctx.mission = Some(slug.clone());
    let d = api::contributor_detail(s, &snap, &code, on, vis).await?;
    let tr = ctx.tr;
    let book = SourceBook::new(&d.sources);

    // A discrepancy about a pledge applies to the pledge, not one version: show it once.
    let mut shown: Vec<Uuid> = Vec::new();
    let pledges = d
        .pledges
        .iter()
        .rev()
        .map(|p| {
            let discs = if shown.contains(&p.id) {
                Vec::new()
            } else {
                shown.push(p.id);
                book.discs(&d.discrepancies, p.id)
            };
            PledgeLine {
                on: iso(p.on),
                change: tr.label("change", &p.change),
                status: tr.label("pledge_status", p.status.as_str()),
                figures: figures(&tr, &p.personnel),
                equipment: p.equipment.clone(),
                money: p
                    .money
                    .as_ref()
                    .map(|m| format!("{} {}", tr.num(m.amount), m.currency)),
                note: p.note.clone(),
                sources: book.refs(&p.meta.sources),
                discs,
                badges: badges(&tr, &p.meta),
            }
        })
        .collect();
    let moves = d
        .deployments
        .iter()
        .rev()
        .map(|m| MoveLine {
            on: iso(m.on),
            movement: tr.label("movement", m.movement.as_str()),
            arriving: describe(&tr, &m.arriving),
            leaving: describe(&tr, &m.leaving),
            unit: m.unit.clone(),
            note: m.note.clone(),
            override_reason: m.override_reason.clone(),
            sources: book.refs(&m.meta.sources),
            discs: book.discs(&d.discrepancies, m.id),
            badges: badges(&tr, &m.meta),
        })
        .collect();
    let auths = d
        .authorizations
        .iter()
        .map(|a| AuthLine {
            kind: tr.label("instrument", a.kind.as_str()),
            title: a.title.clone(),
            issued_on: iso(a.issued_on),
            status: tr.label("status", a.status.as_str()),
            status_class: status_class(a.status),
            note: a.note.clone(),
            sources: book.refs(&a.meta.sources),
            discs: book.discs(&d.discrepancies, a.id),
            badges: badges(&tr, &a.meta),
        })
        .collect();
    let page = ContributorPage {
        mission_name: snap.mission.name.clone(),
        mission_href: format!("/missions/{slug}{}", ctx.qs),
        name: ctx.country(&code),
        code: code.clone(),
        on: iso(on),
        pledged: figures(&tr, &d.summary.pledged),
        deployed: figures(&tr, &d.summary.deployed),
        pledged_total: tr.num(d.summary.pledged.total()),
        deployed_total: tr.num(d.summary.deployed.total()),
        missing: instruments(&tr, &d.summary.missing_instruments),
        pledges,
        moves,
        auths,
        pledge_href: format!("/missions/{slug}/pledges/new?country={code}"),
        deployment_href: format!("/missions/{slug}/deployments/new?country={code}"),
        ctx: ctx.clone(),
    };
    Ok(respond(&ctx, StatusCode::OK, &page))
}

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

struct TimelineLine {
    on: String,
    kind: String,
    kind_class: String,
    country: Option<Link>,
    /// What happened, in the page's language.
    text: String,
    sources: Vec<SourceRef>,
    badges: Vec<String>,
}

/// A timeline line in the page's language, from what the item says it reports. Mission slugs
/// (successions) are shown by the names in `missions`. Falls back to the store's English
/// summary for an item that does not say, or lacks a field its event needs, so a line is never
/// blank.
fn timeline_text(tr: &Tr, i: &TimelineItem, missions: &HashMap<String, String>) -> String {
    timeline_words(tr, i, missions).unwrap_or_else(|| i.summary.clone())
}

fn timeline_words(tr: &Tr, i: &TimelineItem, missions: &HashMap<String, String>) -> Option<String> {
    // `describe` writes a dash for nobody, which reads badly inside a sentence.
    let people = |p: &Personnel| {
        if p.is_zero() {
            tr.t("timeline.no_personnel").to_string()
        } else {
            describe(tr, p)
        }
    };
    let mission = |slug: &str| missions.get(slug).cloned().unwrap_or_else(|| slug.into());
    Some(match i.what? {
        TimelineEvent::MandateAdopted => {
            let [yes, no, abstain] = i.votes?;
            let votes = format!("{}–{}–{}", tr.num(yes), tr.num(no), tr.num(abstain));
            fill(
                tr.t("timeline.line.mandate_adopted"),
                &[
                    // A resolution number is a name, not a quantity: no thousands separator.
                    ("resolution", &i.resolution?.to_string()),
                    ("votes", &votes),
                    ("date", &tr.date_long(i.until?)),
                ],
            )
        }
        TimelineEvent::Succession => {
            let from = mission(i.predecessor.as_deref()?);
            let to = mission(i.successor.as_deref()?);
            match i.resolution {
                Some(r) => fill(
                    tr.t("timeline.line.succession_by"),
                    &[
                        ("mission", &from),
                        ("successor", &to),
                        ("resolution", &r.to_string()),
                    ],
                ),
                None => fill(
                    tr.t("timeline.line.succession"),
                    &[("mission", &from), ("successor", &to)],
                ),
            }
        }
        TimelineEvent::PledgeRecorded => fill(
            tr.t("timeline.line.pledge_recorded"),
            &[("personnel", &people(&i.personnel?))],
        ),
        TimelineEvent::PledgeRevised => fill(
            tr.t("timeline.line.pledge_revised"),
            &[("personnel", &people(&i.personnel?))],
        ),
        TimelineEvent::PledgeWithdrawn => tr.t("timeline.line.pledge_withdrawn").to_string(),
        TimelineEvent::Authorization => fill(
            tr.t("timeline.line.authorization"),
            &[
                ("title", i.title.as_deref()?),
                ("kind", &tr.label("instrument", i.instrument_kind?.as_str())),
                ("status", &tr.label("status", i.instrument_status?.as_str())),
            ],
        ),
        TimelineEvent::Arrival => fill(
            tr.t("timeline.line.arrival"),
            &[("personnel", &people(&i.personnel?))],
        ),
        TimelineEvent::Departure => fill(
            tr.t("timeline.line.departure"),
            &[("personnel", &people(&i.leaving?))],
        ),
        TimelineEvent::Rotation => fill(
            tr.t("timeline.line.rotation"),
            &[
                ("arriving", &people(&i.personnel?)),
                ("leaving", &people(&i.leaving?)),
            ],
        ),
        TimelineEvent::Funding => {
            let key = match i.funding_kind? {
                FundingKind::Pledge => tr.t("timeline.line.funding_pledge"),
                FundingKind::Receipt => tr.t("timeline.line.funding_receipt"),
                FundingKind::Freeze => tr.t("timeline.line.funding_freeze"),
            };
            fill(
                key,
                &[
                    ("amount", &tr.num(i.amount?)),
                    ("currency", i.currency.as_deref()?),
                    ("channel", &tr.label("channel", i.channel?.as_str())),
                ],
            )
        }
    })
}

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelinePage {
    ctx: Ctx,
    mission_name: String,
    on: String,
    as_of: String,
    action: String,
    items: Vec<TimelineLine>,
}

async fn timeline_current(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = timeline(&s, ctx.clone(), None).await;
    finish(&ctx, r)
}

async fn timeline_page(State(s): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> Response {
    let r = timeline(&s, ctx.clone(), Some(slug)).await;
    finish(&ctx, r)
}

async fn timeline(s: &AppState, mut ctx: Ctx, slug: Option<String>) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let Some(snap) = load(s, slug, on, vis).await? else {
        return Ok(respond(
            &ctx,
            StatusCode::OK,
            &EmptyPage { ctx: ctx.clone() },
        ));
    };
    let slug = snap.mission.slug.clone();
    ctx.mission = Some(slug.clone());
    let tr = ctx.tr;
    let items = snap.timeline(on)?;
    let sources = {
        let mut c = s.store.conn().await?;
        query::sources(&mut c.ex(), None, vis).await?
    };
    // Successions name missions by slug; the page shows their short names, as the dashboard does.
    let missions: HashMap<String, String> = {
        let mut c = s.store.conn().await?;
        query::missions(&mut c.ex(), vis)
            .await?
            .into_iter()
            .map(|m| (m.slug, m.short_name))
            .collect()
    };
    let book = SourceBook::new(&sources);
    let items = items
        .iter()
        .map(|i| {
            let linkable = matches!(i.kind.as_str(), "pledge" | "authorization" | "deployment");
            TimelineLine {
                on: iso(i.on),
                kind: tr.label("kind", &i.kind),
                kind_class: format!("kind kind-{}", i.kind),
                country: i.country.as_ref().map(|c| Link {
                    href: if linkable {
                        format!("/missions/{slug}/contributors/{c}{}", ctx.qs)
                    } else {
                        String::new()
                    },
                    text: ctx.country(c),
                }),
                text: timeline_text(&tr, i, &missions),
                sources: book.refs(&i.meta.sources),
                badges: badges(&tr, &i.meta),
            }
        })
        .collect();
    let page = TimelinePage {
        mission_name: snap.mission.name.clone(),
        on: iso(on),
        as_of: ctx.as_of.clone().unwrap_or_default(),
        action: ctx.bare_path.clone(),
        items,
        ctx: ctx.clone(),
    };
    Ok(respond(&ctx, StatusCode::OK, &page))
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

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
    on: String,
    as_of: String,
    lines: Vec<SourceLine>,
}

async fn sources_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = sources_view(&s, &ctx).await;
    finish(&ctx, r)
}

/// "Source reliability B: usually reliable. Information credibility 2: probably true."
fn grade_words(tr: &Tr, s: &SourceView) -> String {
    let r = s.reliability.as_str();
    let c = s.credibility.to_string();
    tr.t("source.grade.detail")
        .replace("{r}", r)
        .replace("{reliability}", &tr.label("reliability", r))
        .replace("{c}", &c)
        .replace("{credibility}", &tr.label("credibility", &c))
}

/// The register of sources: every source the caller may see as recorded by `as_of`, by date
/// (undated last) then title. Sources have no valid time, so `on` only travels along in links.
async fn sources_view(s: &AppState, ctx: &Ctx) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let tr = ctx.tr;
    let mut sources = {
        let mut c = s.store.conn().await?;
        query::sources(&mut c.ex(), None, vis).await?
    };
    sources.sort_by_cached_key(|s| {
        (
            s.published_on.is_none(),
            s.published_on,
            s.title.to_lowercase(),
        )
    });
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
        count: tr
            .t(if lines.len() == 1 {
                "sources.count.one"
            } else {
                "sources.count.other"
            })
            .replace(
                "{n}",
                &tr.num(i64::try_from(lines.len()).unwrap_or(i64::MAX)),
            ),
        on: ctx.on.clone().map_or_else(String::new, |_| iso(on)),
        as_of: ctx.as_of.clone().unwrap_or_default(),
        lines,
    };
    Ok(respond(ctx, StatusCode::OK, &page))
}

// ---------------------------------------------------------------------------------------------
// Record log
// ---------------------------------------------------------------------------------------------

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

async fn log_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = log_view(&s, &ctx).await;
    finish(&ctx, r)
}

async fn log_view(s: &AppState, ctx: &Ctx) -> Result<Response, ApiError> {
    let after = match ctx.param("after").filter(|v| !v.is_empty()) {
        None => 0,
        Some(v) => v.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
            ApiError::bad_request("invalid_query", "after must be a sequence number ≥ 0")
        })?,
    };
    let tr = ctx.tr;
    let clearance = ctx.caller.clearance();
    let (verification, entries) = {
        let mut c = s.store.conn().await?;
        let v = log::verify(&mut c.ex()).await?;
        let e = log::entries_after(&mut c.ex(), after, LOG_PAGE).await?;
        (v, e)
    };
    let full = i64::try_from(entries.len()).unwrap_or(0) == LOG_PAGE;
    let lines: Vec<LogLine> = entries
        .into_iter()
        .map(|e| api::log_entry(e, clearance))
        .map(|e| LogLine {
            seq: e.seq,
            recorded_at: e.recorded_at,
            actor: e.actor.unwrap_or_else(|| tr.t("log.redacted").into()),
            kind: e.kind,
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

// ---------------------------------------------------------------------------------------------
// Login, logout, language
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: Ctx,
    username: String,
    next: String,
    error: Option<String>,
}

type FormPairs = Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>;

/// The form's fields; a body that is not a form counts as empty (and so fails the CSRF check).
fn pairs(f: FormPairs) -> Vec<(String, String)> {
    f.map(|f| f.0).unwrap_or_default()
}

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The refusal of a POST that comes from another site or lacks a matching CSRF token (`None`:
/// the POST may proceed). Nothing has been written when this refuses.
fn check_post(ctx: &Ctx, pairs: &[(String, String)]) -> Option<Response> {
    if ctx.cross_site {
        return Some(error_page(
            ctx,
            StatusCode::FORBIDDEN,
            "error.cross_site",
            ctx.tr.t("error.cross_site.text").into(),
        ));
    }
    let sent = field(pairs, "csrf");
    let ok = !ctx.csrf_new && !sent.is_empty() && ct_eq(sent.as_bytes(), ctx.csrf.as_bytes());
    (!ok).then(|| {
        error_page(
            ctx,
            StatusCode::FORBIDDEN,
            "error.expired",
            ctx.tr.t("error.expired.text").into(),
        )
    })
}

async fn login_form(ctx: Ctx) -> Response {
    let page = LoginPage {
        ctx: ctx.clone(),
        username: String::new(),
        next: safe_next(ctx.param("next")),
        error: None,
    };
    respond(&ctx, StatusCode::OK, &page)
}

async fn login_submit(State(s): State<AppState>, ctx: Ctx, form: FormPairs) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let username = field(&form, "username").trim().to_string();
    let password = field(&form, "password");
    let next = safe_next(Some(field(&form, "next")));
    let again = |status: StatusCode, msg: String| {
        let page = LoginPage {
            ctx: ctx.clone(),
            username: username.clone(),
            next: next.clone(),
            error: Some(msg),
        };
        respond(&ctx, status, &page)
    };
    match auth::login(&s, &username, password).await {
        Ok(Some(user)) => {
            let token = match s.store.conn().await {
                Ok(mut c) => {
                    users::issue_token(
                        &mut c.ex(),
                        &user,
                        TokenKind::Session,
                        time::Duration::hours(12),
                    )
                    .await
                }
                Err(e) => Err(e),
            };
            match token {
                Ok(token) => {
                    let mut r = see_other(&next);
                    add_cookie(
                        &mut r,
                        cookie_header(SESSION_COOKIE, &token, None, s.secure_cookies),
                    );
                    r
                }
                Err(e) => api_error_page(&ctx, &ApiError::from(e)),
            }
        }
        Ok(None) => again(StatusCode::UNAUTHORIZED, ctx.tr.t("login.failed").into()),
        Err(e) if e.status() == StatusCode::TOO_MANY_REQUESTS => {
            let mut r = again(
                StatusCode::TOO_MANY_REQUESTS,
                ctx.tr.t("login.throttled").into(),
            );
            if let Some(v) = e
                .problem()
                .detail
                .split_whitespace()
                .find_map(|w| w.parse::<u64>().ok())
                .and_then(|n| HeaderValue::from_str(&n.to_string()).ok())
            {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Err(e) => api_error_page(&ctx, &e),
    }
}

async fn logout(State(s): State<AppState>, ctx: Ctx, form: FormPairs) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    if let Some(token) = &ctx.caller.session {
        let revoked = match s.store.conn().await {
            Ok(mut c) => users::revoke_token(&mut c.ex(), token).await,
            Err(e) => Err(e),
        };
        if let Err(e) = revoked {
            return api_error_page(&ctx, &ApiError::from(e));
        }
    }
    let mut r = see_other("/");
    add_cookie(
        &mut r,
        cookie_header(SESSION_COOKIE, "", Some(0), s.secure_cookies),
    );
    r
}

async fn set_lang(State(s): State<AppState>, ctx: Ctx, Path(code): Path<String>) -> Response {
    let Some(tr) = Tr::from_code(&code) else {
        return error_page(
            &ctx,
            StatusCode::NOT_FOUND,
            "error.not_found",
            ctx.tr.t("error.no_language").into(),
        );
    };
    let mut r = see_other(&safe_next(ctx.param("next")));
    add_cookie(
        &mut r,
        cookie_header(LANG_COOKIE, tr.code(), Some(LANG_MAX_AGE), s.secure_cookies),
    );
    r
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

/// One user in the list, with the options of their role form.
struct UserLine {
    name: String,
    role: String,
    disabled: bool,
    /// Where their role form posts.
    action: String,
    roles: Vec<Opt>,
    is_self: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    ctx: Ctx,
    users: Vec<UserLine>,
    /// The new-user form: what was typed (never the password), the role options, the errors.
    username: String,
    roles: Vec<Opt>,
    errors: HashMap<String, Vec<String>>,
    general: Vec<String>,
}

impl UsersPage {
    /// Errors of one field of the new-user form (empty when none).
    fn errors_of(&self, field: &str) -> &[String] {
        self.errors.get(field).map_or(&[], Vec::as_slice)
    }
}

/// The administrator, or the response to send instead (login for the anonymous, 403 for the
/// others; the login comes back to the list, also after a refused POST).
fn require_admin(ctx: &Ctx) -> Result<User, Box<Response>> {
    require_role(ctx, Role::Admin, "error.forbidden.admin", "/users")
}

fn role_options(tr: &Tr, current: &str) -> Vec<Opt> {
    Role::ALL
        .iter()
        .map(|r| Opt {
            value: r.as_str().to_string(),
            label: tr.label("role", r.as_str()),
            selected: r.as_str() == current,
        })
        .collect()
}

/// The list of users and the new-user form, as typed when `e` holds a refused attempt.
async fn users_view(s: &AppState, ctx: &Ctx, me: &User, e: &Entered) -> Result<Response, ApiError> {
    let tr = ctx.tr;
    let list = {
        let mut c = s.store.conn().await?;
        users::list(&mut c.ex()).await?
    };
    let users = list
        .iter()
        .map(|u| UserLine {
            name: u.username.clone(),
            role: tr.label("role", u.role.as_str()),
            disabled: u.disabled,
            action: format!("/users/{}/role", enc(&u.username)),
            roles: role_options(&tr, u.role.as_str()),
            is_self: u.username == me.username,
        })
        .collect();
    let role = match e.get("role") {
        "" => Role::Viewer.as_str(),
        r => r,
    };
    let page = UsersPage {
        ctx: ctx.clone(),
        users,
        username: e.get("username").to_string(),
        roles: role_options(&tr, role),
        errors: e.errors.clone(),
        general: e.general.clone(),
    };
    let status = if e.is_bad() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(respond(ctx, status, &page))
}

async fn users_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let me = match require_admin(&ctx) {
        Ok(u) => u,
        Err(r) => return *r,
    };
    let r = users_view(&s, &ctx, &me, &Entered::default()).await;
    finish(&ctx, r)
}

/// Field names in the store's verdicts on users mapped to the new-user form's fields.
fn user_field(f: &str) -> Option<&'static str> {
    match f {
        "username" => Some("username"),
        "password" => Some("password"),
        "role" => Some("role"),
        _ => None,
    }
}

/// Creates a user; the store checks the name and the password and hashes it.
async fn user_create(State(s): State<AppState>, ctx: Ctx, form: FormPairs) -> Response {
    let me = match require_admin(&ctx) {
        Ok(u) => u,
        Err(r) => return *r,
    };
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let tr = ctx.tr;
    let mut e = Entered::from_pairs(&form);
    // The password is used as typed (spaces count) and never echoed back.
    let password = field(&form, "password").to_string();
    e.values.remove("password");
    let username = e.get("username").to_string();
    let role = match e.get("role").parse::<Role>() {
        Ok(r) => Some(r),
        Err(_) => {
            e.err("role", tr.t("err.role"));
            None
        }
    };
    // The store's own checks, run first so that every objection shows in one pass.
    for check in [
        users::check_username(&username),
        users::check_password(&password),
    ] {
        if let Err(d) = check {
            e.absorb(&tr, d, &user_field);
        }
    }
    if let (Some(role), false) = (role, e.is_bad()) {
        match s
            .store
            .create_user(Actor::user(&me.username), &username, &password, role)
            .await
        {
            Ok(_) => return see_other("/users"),
            Err(StoreError::Domain(DomainError::Conflict(_))) => {
                e.err("username", tr.t("err.user_exists"));
            }
            Err(StoreError::Domain(d)) => e.absorb(&tr, d, &user_field),
            Err(other) => return api_error_page(&ctx, &ApiError::from(other)),
        }
    }
    if !e.is_bad() {
        e.general.push(tr.t("err.unknown").into());
    }
    let r = users_view(&s, &ctx, &me, &e).await;
    finish(&ctx, r)
}

/// Changes a user's role (from the role form on their line).
async fn user_set_role(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    form: FormPairs,
) -> Response {
    let me = match require_admin(&ctx) {
        Ok(u) => u,
        Err(r) => return *r,
    };
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let tr = ctx.tr;
    let mut e = Entered::default();
    match field(&form, "role").parse::<Role>() {
        Err(_) => e.general.push(format!("{name}: {}", tr.t("err.role"))),
        Ok(role) => match s
            .store
            .set_role(Actor::user(&me.username), &name, role)
            .await
        {
            Ok(_) => return see_other("/users"),
            Err(StoreError::Domain(DomainError::NotFound { what })) => {
                return api_error_page(&ctx, &ApiError::not_found(what));
            }
            Err(StoreError::Domain(d)) => e.absorb(&tr, d, &|_| None),
            Err(other) => return api_error_page(&ctx, &ApiError::from(other)),
        },
    }
    if !e.is_bad() {
        e.general.push(tr.t("err.unknown").into());
    }
    let r = users_view(&s, &ctx, &me, &e).await;
    finish(&ctx, r)
}

// ---------------------------------------------------------------------------------------------
// Editor forms
// ---------------------------------------------------------------------------------------------

/// One option of a select.
struct Opt {
    value: String,
    label: String,
    selected: bool,
}

/// One form field, rendered generically by `form.html`.
struct Field {
    name: &'static str,
    label: String,
    /// `text`, `number`, `date`, `textarea`, `select` or `multiselect`.
    input: &'static str,
    value: String,
    options: Vec<Opt>,
    errors: Vec<String>,
    hint: Option<String>,
    /// Id of a datalist suggesting values.
    list: Option<&'static str>,
    required: bool,
    /// Extra CSS class (e.g. `wide`).
    class: &'static str,
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    ctx: Ctx,
    title: String,
    intro: String,
    mission_name: String,
    mission_href: String,
    action: String,
    fields: Vec<Field>,
    general: Vec<String>,
    countries: Vec<Opt>,
}

/// What the user typed, kept to re-render the form, and the field errors found.
#[derive(Default)]
struct Entered {
    values: HashMap<String, String>,
    sources: Vec<String>,
    errors: HashMap<String, Vec<String>>,
    general: Vec<String>,
}

impl Entered {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut e = Entered::default();
        for (k, v) in pairs {
            if k == "sources" {
                e.sources.push(v.clone());
            } else if k != "csrf" {
                e.values.insert(k.clone(), v.clone());
            }
        }
        e
    }

    fn get(&self, k: &str) -> &str {
        self.values.get(k).map_or("", |v| v.trim())
    }

    fn opt(&self, k: &str) -> Option<String> {
        let v = self.get(k);
        (!v.is_empty()).then(|| v.to_string())
    }

    fn err(&mut self, field: &str, msg: impl Into<String>) {
        self.errors
            .entry(field.to_string())
            .or_default()
            .push(msg.into());
    }

    fn int(&mut self, k: &str, tr: &Tr) -> i64 {
        let v = self.get(k).replace([',', ' ', '\u{202f}', '\u{a0}'], "");
        if v.is_empty() {
            return 0;
        }
        match v.parse::<i64>() {
            Ok(n) => n,
            Err(_) => {
                self.err(k, tr.t("err.whole_number"));
                0
            }
        }
    }

    fn date(&mut self, k: &str, tr: &Tr) -> Option<Date> {
        let d = parse_date(self.get(k));
        if d.is_none() {
            self.err(k, tr.t("err.date"));
        }
        d
    }

    /// The money of a pledge: both fields or neither; one without the other is an error on the
    /// blank one. The currency is taken in capitals; the record checks it is ISO 4217.
    fn money(&mut self, tr: &Tr) -> Option<Money> {
        let amount = self.get("money_amount").to_string();
        let currency = self.get("money_currency").to_ascii_uppercase();
        match (amount.is_empty(), currency.is_empty()) {
            (true, true) => None,
            (false, true) => {
                self.err("money_currency", tr.t("err.money_currency_missing"));
                None
            }
            (true, false) => {
                self.err("money_amount", tr.t("err.money_amount_missing"));
                None
            }
            (false, false) => {
                let n = self.int("money_amount", tr);
                (!self.errors.contains_key("money_amount")).then_some(Money {
                    amount: n,
                    currency,
                })
            }
        }
    }

    fn country(&mut self, tr: &Tr) -> String {
        let c = self.get("country").to_ascii_uppercase();
        if country::find(&c).is_none() {
            self.err("country", tr.t("err.country"));
        }
        c
    }

    fn sources(&mut self, tr: &Tr) -> Vec<Uuid> {
        let mut out = Vec::new();
        for s in self.sources.clone() {
            match Uuid::parse_str(&s) {
                Ok(id) => out.push(id),
                Err(_) => self.err("sources", tr.t("err.source")),
            }
        }
        out
    }

    fn classification(&mut self, tr: &Tr) -> Classification {
        match self.get("classification").parse() {
            Ok(c) => c,
            Err(_) => {
                self.err("classification", tr.t("err.classification"));
                Classification::Mission
            }
        }
    }

    /// Places the store's verdict next to the fields it names.
    fn absorb(&mut self, tr: &Tr, e: DomainError, rename: &dyn Fn(&str) -> Option<&'static str>) {
        match e {
            DomainError::Invalid(v) => {
                for f in v.0 {
                    match rename(&f.field) {
                        // A field that could not be read already says so.
                        Some(name) if self.errors.contains_key(name) => {}
                        Some(name) => self.err(name, f.message),
                        None => self.general.push(format!("{}: {}", f.field, f.message)),
                    }
                }
            }
            DomainError::AuthorizationMissing { missing, .. } => {
                let names: Vec<String> =
                    missing.iter().map(|m| tr.label("instrument", m)).collect();
                self.err(
                    "override_reason",
                    tr.t("err.authorization_missing")
                        .replace("{missing}", &names.join(", ")),
                );
            }
            DomainError::NotFound { what } => self
                .general
                .push(format!("{}: {what}", tr.t("error.not_found"))),
            DomainError::Conflict(m) => self.general.push(m),
        }
    }

    fn is_bad(&self) -> bool {
        !self.errors.is_empty() || !self.general.is_empty()
    }
}

/// Field names in domain errors mapped to the form's field names.
fn form_field(f: &str) -> Option<&'static str> {
    Some(match f {
        "country" => "country",
        "pledged_on" | "on" => "on",
        "personnel.police" => "police",
        "personnel.military" => "military",
        "personnel.civilian" | "personnel" => "civilian",
        "relieved.police" | "relieved" => "relieved_police",
        "relieved.military" => "relieved_military",
        "relieved.civilian" => "relieved_civilian",
        "equipment" => "equipment",
        "money.amount" => "money_amount",
        "money.currency" | "money" => "money_currency",
        "unit" => "unit",
        "note" => "note",
        "override_reason" => "override_reason",
        "movement" => "movement",
        f if f.starts_with("sources") => "sources",
        _ => return None,
    })
}

/// The logged-in user if they have at least `role`, or the response to send instead: login
/// (coming back to `next`) for the anonymous, 403 with the text of `why` for the others.
fn require_role(ctx: &Ctx, role: Role, why: &str, next: &str) -> Result<User, Box<Response>> {
    match &ctx.caller.user {
        None => Err(Box::new(see_other(&format!("/login?next={}", enc(next))))),
        Some(u) if u.role >= role => Ok(u.clone()),
        Some(_) => Err(Box::new(error_page(
            ctx,
            StatusCode::FORBIDDEN,
            "error.forbidden",
            ctx.tr.t(why).into(),
        ))),
    }
}

/// The logged-in editor, or the response to send instead: login for the anonymous, 403 for
/// readers without the role.
fn require_editor(ctx: &Ctx) -> Result<User, Box<Response>> {
    require_role(ctx, Role::Editor, "error.forbidden.editor", &ctx.bare_path)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FormKind {
    Pledge,
    Deployment,
}

struct FormData {
    mission_name: String,
    countries: Vec<Opt>,
    sources: Vec<SourceView>,
}

async fn form_data(s: &AppState, ctx: &Ctx, slug: &str) -> Result<FormData, ApiError> {
    let today = OffsetDateTime::now_utc().date();
    let vis = Visibility::now(ctx.caller.clearance());
    let snap = load(s, Some(slug.to_string()), today, vis)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("mission {slug:?}")))?;
    let countries = snap
        .contributors(today)?
        .into_iter()
        .map(|c| Opt {
            label: ctx.country(&c.country),
            value: c.country,
            selected: false,
        })
        .collect();
    let mut sources = {
        let mut c = s.store.conn().await?;
        query::sources(&mut c.ex(), None, vis).await?
    };
    sources.sort_by_key(|s| s.title.to_lowercase());
    Ok(FormData {
        mission_name: snap.mission.name.clone(),
        countries,
        sources,
    })
}

fn build_form(ctx: &Ctx, kind: FormKind, slug: &str, data: FormData, e: &Entered) -> FormPage {
    let tr = ctx.tr;
    let f = |name: &'static str, input: &'static str| Field {
        name,
        label: tr.t(&format!("field.{name}")).to_string(),
        input,
        value: e.get(name).to_string(),
        options: Vec::new(),
        errors: e.errors.get(name).cloned().unwrap_or_default(),
        hint: None,
        list: None,
        required: false,
        class: "",
    };
    let select = |name: &'static str, prefix: &str, values: &[&str], default: &str| {
        let cur = match e.get(name) {
            "" => default.to_string(),
            v => v.to_string(),
        };
        let mut x = f(name, "select");
        x.options = values
            .iter()
            .map(|v| Opt {
                value: (*v).to_string(),
                label: tr.label(prefix, v),
                selected: *v == cur,
            })
            .collect();
        x
    };
    let mut country = f("country", "text");
    country.list = Some("countries");
    country.required = true;
    country.hint = Some(tr.t("hint.country").into());
    let mut on = f("on", "date");
    on.required = true;
    let mut fields = vec![country, on];
    if kind == FormKind::Deployment {
        let moves: Vec<&str> = Movement::ALL.iter().map(|m| m.as_str()).collect();
        fields.push(select("movement", "movement", &moves, "arrival"));
    }
    for n in ["police", "military", "civilian"] {
        let mut x = f(n, "number");
        x.class = "num";
        fields.push(x);
    }
    match kind {
        FormKind::Pledge => {
            let mut amount = f("money_amount", "number");
            amount.class = "num";
            amount.hint = Some(tr.t("hint.money_amount").into());
            fields.push(amount);
            let mut currency = f("money_currency", "text");
            currency.hint = Some(tr.t("hint.money_currency").into());
            fields.push(currency);
            let mut eq = f("equipment", "textarea");
            eq.class = "wide";
            fields.push(eq);
        }
        FormKind::Deployment => {
            for n in ["relieved_police", "relieved_military", "relieved_civilian"] {
                let mut x = f(n, "number");
                x.class = "num";
                x.hint = Some(tr.t("hint.relieved").into());
                fields.push(x);
            }
            fields.push(f("unit", "text"));
        }
    }
    let mut note = f("note", "textarea");
    note.class = "wide";
    fields.push(note);
    if kind == FormKind::Deployment {
        let mut o = f("override_reason", "textarea");
        o.class = "wide";
        o.hint = Some(tr.t("hint.override_reason").into());
        fields.push(o);
    }
    let mut sources = f("sources", "multiselect");
    sources.class = "wide";
    sources.hint = Some(tr.t("hint.sources").into());
    sources.options = data
        .sources
        .iter()
        .map(|s| Opt {
            value: s.id.to_string(),
            label: format!("{} ({})", shorten(&s.title, 90), s.grade),
            selected: e.sources.iter().any(|x| x == &s.id.to_string()),
        })
        .collect();
    fields.push(sources);
    let classes: Vec<&str> = Classification::ALL.iter().map(|c| c.as_str()).collect();
    fields.push(select("classification", "class", &classes, "mission"));

    let (title, intro, action) = match kind {
        FormKind::Pledge => (
            tr.t("form.pledge.title"),
            tr.t("form.pledge.intro"),
            format!("/missions/{slug}/pledges/new"),
        ),
        FormKind::Deployment => (
            tr.t("form.deployment.title"),
            tr.t("form.deployment.intro"),
            format!("/missions/{slug}/deployments/new"),
        ),
    };
    FormPage {
        ctx: ctx.clone(),
        title: title.into(),
        intro: intro.into(),
        mission_name: data.mission_name,
        mission_href: format!("/missions/{slug}"),
        action,
        fields,
        general: e.general.clone(),
        countries: data.countries,
    }
}

async fn show_form(s: &AppState, mut ctx: Ctx, kind: FormKind, slug: String) -> Response {
    if let Err(r) = require_editor(&ctx) {
        return *r;
    }
    ctx.mission = Some(slug.clone());
    let data = match form_data(s, &ctx, &slug).await {
        Ok(d) => d,
        Err(e) => return api_error_page(&ctx, &e),
    };
    let mut e = Entered::default();
    e.values
        .insert("on".into(), iso(OffsetDateTime::now_utc().date()));
    if let Some(c) = ctx.param("country") {
        e.values.insert("country".into(), c.to_ascii_uppercase());
    }
    let page = build_form(&ctx, kind, &slug, data, &e);
    respond(&ctx, StatusCode::OK, &page)
}

async fn pledge_form(State(s): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> Response {
    show_form(&s, ctx, FormKind::Pledge, slug).await
}

async fn deployment_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Response {
    show_form(&s, ctx, FormKind::Deployment, slug).await
}

async fn pledge_submit(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    form: FormPairs,
) -> Response {
    submit_form(&s, ctx, FormKind::Pledge, slug, pairs(form)).await
}

async fn deployment_submit(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    form: FormPairs,
) -> Response {
    submit_form(&s, ctx, FormKind::Deployment, slug, pairs(form)).await
}

/// Builds the command from the form (unreadable numbers count as 0, their errors are in `e`);
/// `None` when a date or the movement cannot be read at all.
fn command_of(kind: FormKind, slug: &str, e: &mut Entered, tr: &Tr) -> Option<Command> {
    let country = e.country(tr);
    let on = e.date("on", tr);
    let personnel = Personnel {
        police: e.int("police", tr),
        military: e.int("military", tr),
        civilian: e.int("civilian", tr),
    };
    match kind {
        FormKind::Pledge => {
            let money = e.money(tr);
            on.map(|on| {
                Command::RecordPledge(NewPledge {
                    mission: slug.to_string(),
                    country,
                    pledged_on: on,
                    personnel,
                    equipment: e.opt("equipment"),
                    money,
                    note: e.opt("note"),
                })
            })
        }
        FormKind::Deployment => {
            let movement = match e.get("movement").parse::<Movement>() {
                Ok(m) => Some(m),
                Err(_) => {
                    e.err("movement", tr.t("err.movement"));
                    None
                }
            };
            let relieved = Personnel {
                police: e.int("relieved_police", tr),
                military: e.int("relieved_military", tr),
                civilian: e.int("relieved_civilian", tr),
            };
            // Blank relieved fields mean "none"; figures on a non-rotation are passed on so the
            // record's own rule refuses them with its message.
            let relieved = (!relieved.is_zero()).then_some(relieved);
            match (on, movement) {
                (Some(on), Some(movement)) => Some(Command::RecordDeployment(NewDeployment {
                    mission: slug.to_string(),
                    country,
                    movement,
                    on,
                    personnel,
                    relieved,
                    unit: e.opt("unit"),
                    note: e.opt("note"),
                    override_reason: e.opt("override_reason"),
                })),
                _ => None,
            }
        }
    }
}

async fn submit_form(
    s: &AppState,
    mut ctx: Ctx,
    kind: FormKind,
    slug: String,
    form: Vec<(String, String)>,
) -> Response {
    let user = match require_editor(&ctx) {
        Ok(u) => u,
        Err(r) => return *r,
    };
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    ctx.mission = Some(slug.clone());
    let tr = ctx.tr;
    let data = match form_data(s, &ctx, &slug).await {
        Ok(d) => d,
        Err(e) => return api_error_page(&ctx, &e),
    };
    let mut e = Entered::from_pairs(&form);
    let sources = e.sources(&tr);
    let classification = e.classification(&tr);
    let command = command_of(kind, &slug, &mut e, &tr);
    if e.is_bad() {
        // Show the record's own objections too, so the user fixes everything in one pass.
        if let Some(Err(d)) = command.as_ref().map(Command::validate) {
            e.absorb(&tr, d, &form_field);
        }
    } else if let Some(command) = command {
        let country = e.get("country").to_ascii_uppercase();
        let env = Envelope::new(command, sources, classification);
        match s.store.submit(Actor::user(&user.username), env).await {
            Ok(_) => return see_other(&format!("/missions/{slug}/contributors/{country}")),
            Err(StoreError::Domain(d)) => e.absorb(&tr, d, &form_field),
            Err(other) => return api_error_page(&ctx, &ApiError::from(other)),
        }
    }
    if !e.is_bad() {
        e.general.push(tr.t("err.unknown").into());
    }
    let page = build_form(&ctx, kind, &slug, data, &e);
    respond(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_must_be_a_local_path() {
        assert_eq!(safe_next(Some("/missions/mss")), "/missions/mss");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/a\r\nSet-Cookie: x")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn constant_time_compare() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"abcd"));
    }

    #[test]
    fn as_of_forms_are_normalized() {
        assert_eq!(normalize_as_of("2024-11-15"), "2024-11-15T23:59:59.999999Z");
        assert_eq!(normalize_as_of("2024-11-15T10:00"), "2024-11-15T10:00:00Z");
        assert_eq!(
            normalize_as_of("2024-11-15T10:00:00Z"),
            "2024-11-15T10:00:00Z"
        );
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(enc("/log?after=5&x=a b"), "/log%3Fafter%3D5%26x%3Da%20b");
    }

    #[test]
    fn domain_fields_map_to_form_fields() {
        assert_eq!(form_field("personnel.police"), Some("police"));
        assert_eq!(form_field("pledged_on"), Some("on"));
        assert_eq!(form_field("relieved"), Some("relieved_police"));
        assert_eq!(form_field("sources[1]"), Some("sources"));
        assert_eq!(form_field("mission"), None);
        assert_eq!(form_field("money.currency"), Some("money_currency"));
        assert_eq!(form_field("money.amount"), Some("money_amount"));
    }

    fn entered(pairs: &[(&str, &str)]) -> Entered {
        let v: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        Entered::from_pairs(&v)
    }

    #[test]
    fn money_needs_both_fields_or_neither() {
        let tr = Tr::en();
        let mut e = entered(&[("money_amount", ""), ("money_currency", " ")]);
        assert_eq!(e.money(&tr), None);
        assert!(!e.is_bad());

        let mut e = entered(&[("money_amount", "1,000,000"), ("money_currency", "usd")]);
        assert_eq!(
            e.money(&tr),
            Some(Money {
                amount: 1_000_000,
                currency: "USD".into()
            })
        );
        assert!(!e.is_bad());

        let mut e = entered(&[("money_amount", "500")]);
        assert_eq!(e.money(&tr), None);
        assert!(e.errors.contains_key("money_currency"));
        assert!(!e.errors.contains_key("money_amount"));

        let mut e = entered(&[("money_currency", "EUR")]);
        assert_eq!(e.money(&tr), None);
        assert!(e.errors.contains_key("money_amount"));

        let mut e = entered(&[("money_amount", "lots"), ("money_currency", "EUR")]);
        assert_eq!(e.money(&tr), None);
        assert!(e.errors.contains_key("money_amount"));
    }

    #[test]
    fn funding_is_summed_per_donor_and_currency_up_to_the_date() {
        use time::macros::date;
        let view = |donor: &str, kind, channel, amount, currency: &str, on| FundingView {
            id: Uuid::nil(),
            donor: donor.into(),
            kind,
            channel,
            amount,
            currency: currency.into(),
            on,
            note: None,
            meta: RecordMeta {
                entry_seq: 1,
                origin_seq: 1,
                corrected: false,
                recorded_at: String::new(),
                classification: Classification::Public,
                sources: Vec::new(),
            },
        };
        use FundingChannel::{Bilateral, TrustFund};
        use FundingKind::{Freeze, Pledge, Receipt};
        let views = vec![
            view("USA", Pledge, Bilateral, 100, "USD", date!(2023 - 10 - 02)),
            view("USA", Pledge, Bilateral, 100, "USD", date!(2024 - 03 - 11)),
            view("USA", Receipt, TrustFund, 6, "USD", date!(2024 - 04 - 30)),
            view("USA", Freeze, TrustFund, 13, "USD", date!(2025 - 02 - 04)),
            view("CAN", Pledge, TrustFund, 75, "CAD", date!(2024 - 02 - 28)),
            view("CAN", Receipt, TrustFund, 8, "USD", date!(2024 - 04 - 30)),
            view("OAS", Pledge, TrustFund, 1, "USD", date!(2024 - 01 - 01)),
        ];
        let ctx = Ctx {
            tr: Tr::en(),
            lang: "en",
            caller: Caller {
                user: None,
                session: None,
            },
            user_name: None,
            user_role: String::new(),
            csrf: String::new(),
            csrf_new: false,
            path: "/".into(),
            bare_path: "/".into(),
            query: Vec::new(),
            on: None,
            as_of: None,
            qs: String::new(),
            mission: None,
            cross_site: false,
            secure: false,
        };
        let (rows, totals) = funding_lines(&ctx, &views, date!(2024 - 12 - 31));
        let got: Vec<(&str, &str, &str, &str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r.donor.as_str(),
                    r.currency.as_str(),
                    r.pledged.as_str(),
                    r.received.as_str(),
                    r.frozen.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Canada", "CAD", "75", "—", "—"),
                ("Canada", "USD", "—", "8", "—"),
                ("OAS", "USD", "1", "—", "—"),
                ("United States", "USD", "200", "6", "—"),
            ]
        );
        assert_eq!(rows[3].channels, vec!["trust fund", "bilateral"]);
        let got: Vec<(&str, &str, &str)> = totals
            .iter()
            .map(|t| (t.currency.as_str(), t.pledged.as_str(), t.received.as_str()))
            .collect();
        assert_eq!(got, vec![("CAD", "75", "—"), ("USD", "201", "14")]);
    }

    /// A timeline item that says nothing but `what`; each case sets what its event uses.
    fn tl_item(what: Option<TimelineEvent>) -> TimelineItem {
        TimelineItem {
            on: time::macros::date!(2024 - 06 - 25),
            kind: "deployment".into(),
            country: Some("KEN".into()),
            summary: "the English summary".into(),
            what,
            resolution: None,
            votes: None,
            until: None,
            personnel: None,
            leaving: None,
            amount: None,
            currency: None,
            funding_kind: None,
            channel: None,
            title: None,
            instrument_kind: None,
            instrument_status: None,
            predecessor: None,
            successor: None,
            subject: Uuid::nil(),
            meta: RecordMeta {
                entry_seq: 1,
                origin_seq: 1,
                corrected: false,
                recorded_at: String::new(),
                classification: Classification::Public,
                sources: Vec::new(),
            },
        }
    }

    #[test]
    fn timeline_lines_are_written_in_the_page_language() {
        use TimelineEvent as E;
        let police = |n| Personnel {
            police: n,
            ..Personnel::default()
        };
        let mixed = Personnel {
            police: 30,
            military: 1700,
            civilian: 0,
        };
        let mut items = Vec::new();
        items.push(TimelineItem {
            resolution: Some(2699),
            votes: Some([13, 0, 2]),
            until: Some(time::macros::date!(2024 - 10 - 02)),
            ..tl_item(Some(E::MandateAdopted))
        });
        items.push(TimelineItem {
            predecessor: Some("mss".into()),
            successor: Some("gsf".into()),
            ..tl_item(Some(E::Succession))
        });
        items.push(TimelineItem {
            predecessor: Some("mss".into()),
            successor: Some("gsf".into()),
            resolution: Some(2793),
            ..tl_item(Some(E::Succession))
        });
        items.push(TimelineItem {
            personnel: Some(police(1000)),
            ..tl_item(Some(E::PledgeRecorded))
        });
        items.push(TimelineItem {
            personnel: Some(Personnel::default()),
            ..tl_item(Some(E::PledgeRevised))
        });
        items.push(tl_item(Some(E::PledgeWithdrawn)));
        items.push(TimelineItem {
            title: Some("Cabinet approves {status}".into()),
            instrument_kind: Some(InstrumentKind::NationalApproval),
            instrument_status: Some(InstrumentStatus::InForce),
            ..tl_item(Some(E::Authorization))
        });
        items.push(TimelineItem {
            personnel: Some(police(1000)),
            ..tl_item(Some(E::Arrival))
        });
        items.push(TimelineItem {
            leaving: Some(mixed),
            ..tl_item(Some(E::Departure))
        });
        items.push(TimelineItem {
            personnel: Some(police(200)),
            leaving: Some(police(144)),
            ..tl_item(Some(E::Rotation))
        });
        for (kind, channel, amount) in [
            (FundingKind::Pledge, FundingChannel::Bilateral, 100_000_000),
            (FundingKind::Receipt, FundingChannel::TrustFund, 8_700_000),
            (FundingKind::Freeze, FundingChannel::InKind, 13_300_000),
        ] {
            items.push(TimelineItem {
                amount: Some(amount),
                currency: Some("USD".into()),
                funding_kind: Some(kind),
                channel: Some(channel),
                ..tl_item(Some(E::Funding))
            });
        }
        let missions: HashMap<String, String> = [("mss", "MSS"), ("gsf", "GSF")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let render = |tr: Tr| -> Vec<String> {
            items
                .iter()
                .map(|i| timeline_text(&tr, i, &missions))
                .collect()
        };
        assert_eq!(
            render(Tr::en()),
            vec![
                "Resolution 2699 adopted (13–0–2); authorization until 2 October 2024",
                "MSS succeeded by GSF",
                "MSS succeeded by GSF under resolution 2793",
                "pledge recorded: 1,000 police",
                "pledge revised: no personnel figure",
                "pledge withdrawn",
                "Cabinet approves {status} (national approval, in force)",
                "arrival: 1,000 police",
                "departure: 30 police, 1,700 military",
                "rotation: 200 police in, 144 police out",
                "pledge of 100,000,000 USD (bilateral)",
                "8,700,000 USD received (trust fund)",
                "13,300,000 USD frozen (in kind)",
            ]
        );
        // French writes thousands with a narrow no-break space.
        let fr: Vec<String> = render(Tr::fr())
            .into_iter()
            .map(|l| l.replace('\u{202f}', " "))
            .collect();
        assert_eq!(
            fr,
            vec![
                "Résolution 2699 adoptée (13–0–2) ; autorisation jusqu’au 2 octobre 2024",
                "GSF succède à MSS",
                "GSF succède à MSS en vertu de la résolution 2793",
                "engagement enregistré : 1 000 police",
                "engagement révisé : aucun effectif chiffré",
                "engagement retiré",
                "Cabinet approves {status} (approbation nationale, en vigueur)",
                "arrivée : 1 000 police",
                "départ : 30 police, 1 700 militaires",
                "relève : 200 police à l’arrivée, 144 police au départ",
                "promesse de 100 000 000 USD (bilatéral)",
                "8 700 000 USD reçus (fonds d’affectation spéciale)",
                "13 300 000 USD gelés (en nature)",
            ]
        );
    }

    #[test]
    fn timeline_lines_fall_back_to_the_summary() {
        let none = HashMap::new();
        // Nothing said about the event: the store's English line.
        assert_eq!(
            timeline_text(&Tr::fr(), &tl_item(None), &none),
            "the English summary"
        );
        // An arrival without its figures cannot be written either.
        assert_eq!(
            timeline_text(&Tr::fr(), &tl_item(Some(TimelineEvent::Arrival)), &none),
            "the English summary"
        );
        // A mission not in the list is shown by its slug.
        let i = TimelineItem {
            predecessor: Some("old".into()),
            successor: Some("new".into()),
            ..tl_item(Some(TimelineEvent::Succession))
        };
        assert_eq!(timeline_text(&Tr::en(), &i, &none), "old succeeded by new");
    }
}
