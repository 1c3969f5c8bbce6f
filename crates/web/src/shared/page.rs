//! What every server-rendered page shares. Pages work without JavaScript and hold no rules of
//! their own: they read through the store (which applies the two clocks and the caller's
//! clearance), write through the store's single writer, and render askama templates. Each
//! capability keeps its pages in its own folder; this module owns the request context (`Ctx`:
//! who, which language, which clocks), loading a mission's snapshot, rendering a template into a
//! response, the error pages, paging, and the browser-side security of forms: a CSRF token bound
//! to the visitor's session (or, before login, to a nonce cookie) by the server's key
//! ([`crate::csrf`]), and a refusal of POSTs a browser says come from another site.

use crate::{
    shared::auth::Caller,
    shared::cookies::{self, CookieNames},
    shared::csrf::{self, Binding},
    shared::error::ApiError,
    shared::extract::Clocks,
    shared::state::AppState,
};
use askama::Template;
use axum::{
    Form,
    extract::{FromRequestParts, Query},
    http::{HeaderValue, StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use konbit_domain::{
    EntryKind, Named, Role,
    clocks::{AsOf, Day},
    country,
};
use konbit_present::Tr;
use konbit_store::{
    User, Visibility,
    force::Snapshot,
    registers::{Cursor, Page, Reading},
};
use time::Date;

// ---------------------------------------------------------------------------------------------
// Request context
// ---------------------------------------------------------------------------------------------

/// What every page needs to know about the request: who, which language, the CSRF token, where
/// we are (for `next=` links) and the clocks the user asked for (carried along in links).
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub(crate) tr: Tr,
    pub(crate) lang: &'static str,
    pub(crate) caller: Caller,
    pub(crate) user_name: Option<String>,
    pub(crate) user_role: String,
    /// The CSRF token the page's forms carry.
    pub(crate) csrf: String,
    /// An anonymous visitor's CSRF nonce (the cookie), which their token is bound to.
    pub(crate) nonce: Option<String>,
    /// True when the nonce is new: the response sets its cookie.
    pub(crate) nonce_new: bool,
    /// The server's CSRF key, to check a posted token.
    pub(crate) csrf_key: csrf::Key,
    /// The cookies' names.
    pub(crate) cookies: CookieNames,
    /// Path and query of this request.
    pub(crate) path: String,
    /// Path alone.
    pub(crate) bare_path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) on: Option<String>,
    pub(crate) as_of: Option<String>,
    /// `?on=…&as_of=…` (or empty) appended to internal links so the clocks stay set.
    pub(crate) qs: String,
    /// The mission shown, once known (for the nav links).
    pub(crate) mission: Option<String>,
    /// Why a POST would be refused as coming from another site, if it would.
    pub(crate) cross_site: Option<&'static str>,
    pub(crate) secure: bool,
    /// How many items are on the caller's desk (pages read with GET, logged in).
    pub(crate) desk_count: Option<usize>,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let caller = match Caller::from_request_parts(parts, state).await {
            Ok(c) => c,
            // A stale bearer token on a page request: treat as anonymous, pages use cookies.
            Err(e) if e.status() == StatusCode::UNAUTHORIZED => Caller::anonymous(),
            Err(_) => return Err(plain_500()),
        };
        let tr = lang_of(parts, state.cookies.lang);
        // A logged-in visitor's token is bound to their session; before login, to a nonce.
        let known = cookies::get(parts, state.cookies.csrf).filter(|t| token_ok(t));
        let (nonce, nonce_new) = match (&caller.session, known) {
            (_, Some(n)) => (Some(n.to_string()), false),
            (Some(_), None) => (None, false),
            (None, None) => match konbit_store::users::new_token() {
                Ok(t) => (Some(t), true),
                Err(e) => {
                    tracing::error!(error = %e, "cannot make a CSRF nonce");
                    return Err(plain_500());
                }
            },
        };
        let csrf = match (&caller.session, &nonce) {
            (Some(s), _) => state.csrf.token(&Binding::Session(s)),
            (None, Some(n)) => state.csrf.token(&Binding::Nonce(n)),
            (None, None) => String::new(),
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
        let forwarded =
            crate::shared::auth::forwarded_host(&parts.headers, &parts.extensions, state);
        let cross_site = csrf::cross_site(&parts.headers, forwarded.as_deref());
        // The navigation shows the desk's count; a page that cannot count it still shows.
        let desk_count = match &caller.user {
            Some(u) if parts.method == axum::http::Method::GET => state
                .desk_counts
                .count(&state.store, state.rules(), u)
                .await
                .inspect_err(|e| tracing::warn!(error = ?e, "cannot count the desk"))
                .ok(),
            _ => None,
        };
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
            nonce,
            nonce_new,
            csrf_key: state.csrf.clone(),
            cookies: state.cookies,
            bare_path: parts.uri.path().to_string(),
            path,
            query,
            on,
            as_of,
            qs,
            mission: None,
            cross_site,
            secure: state.config.secure_cookies,
            desk_count,
        })
    }
}

impl Ctx {
    /// Link to the dashboard of the mission shown (or of the mission in office).
    pub(crate) fn home_href(&self) -> String {
        match &self.mission {
            Some(m) => format!("/missions/{m}{}", self.qs),
            None => format!("/{}", self.qs),
        }
    }

    /// Link to the timeline of the mission shown.
    pub(crate) fn timeline_href(&self) -> String {
        match &self.mission {
            Some(m) => format!("/missions/{m}/timeline{}", self.qs),
            None => format!("/timeline{}", self.qs),
        }
    }

    /// Link to the situation map, with the clocks kept.
    pub(crate) fn situation_href(&self) -> String {
        format!("/situation{}", self.qs)
    }

    /// Link to the register of sources, with the clocks kept.
    pub(crate) fn sources_href(&self) -> String {
        format!("/sources{}", self.qs)
    }

    pub(crate) fn login_href(&self) -> String {
        format!("/login?next={}", enc(&self.path))
    }

    /// The languages the switcher offers.
    pub(crate) fn languages(&self) -> [Tr; 4] {
        Tr::ALL
    }

    pub(crate) fn lang_href(&self, code: &str) -> String {
        format!("/lang/{code}?next={}", enc(&self.path))
    }

    pub(crate) fn param(&self, k: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    /// The log entry a form just recorded (`?recorded=SEQ` after post/redirect/get).
    pub(crate) fn recorded(&self) -> Option<i64> {
        self.param("recorded").and_then(|v| v.parse().ok())
    }

    pub(crate) fn role(&self) -> Option<Role> {
        self.caller.role()
    }

    /// Whether this user may record entries of `kind` (`detention.handed_over`): the table of
    /// rights, asked to offer a form's link (the form and the store ask again).
    pub(crate) fn may(&self, kind: &str) -> bool {
        let (Some(user), Ok(kind)) = (&self.caller.user, kind.parse::<konbit_domain::EntryKind>())
        else {
            return false;
        };
        konbit_domain::access::may_send_some(
            &konbit_domain::access::Sender::User(user.access()),
            kind,
        )
        .is_ok()
    }

    /// The title of the form that records `kind` (the kind's name where it has none).
    pub(crate) fn form_title(&self, kind: &str) -> String {
        self.tr
            .lookup(&format!("form-title-{}", kind.replace('.', "_")))
            .unwrap_or_else(|| kind.to_string())
    }

    pub(crate) fn can_edit(&self) -> bool {
        self.role().is_some_and(Role::records_force_generation)
    }

    /// Whether to offer user management (the nav link; the handlers check again).
    pub(crate) fn is_admin(&self) -> bool {
        self.role() == Some(Role::Admin)
    }

    /// Whether someone is logged in (the registers' nav links; the handlers check again).
    pub(crate) fn is_member(&self) -> bool {
        self.caller.user.is_some()
    }

    /// The valid-time date and the visibility (record time, clearance) asked for.
    pub(crate) fn clocks(&self) -> Result<(Date, Visibility), ApiError> {
        let bad =
            |name: &str, m: String| ApiError::bad_request("invalid_query", format!("{name}: {m}"));
        let clocks = Clocks {
            on: self
                .on
                .as_deref()
                .map(|s| s.parse::<Day>().map_err(|m| bad("on", m)))
                .transpose()?,
            as_of: self
                .as_of
                .as_deref()
                .map(|s| {
                    normalize_as_of(s)
                        .parse::<AsOf>()
                        .map_err(|m| bad("as_of", m))
                })
                .transpose()?,
            mission: None,
        };
        Ok((clocks.on(), clocks.visibility(self.caller.clearance())))
    }

    /// A country's name in the page's language (French names on Creole pages).
    pub(crate) fn country(&self, code: &str) -> String {
        let lang = if self.lang == "ht" { "fr" } else { self.lang };
        country::name(code, lang)
    }
}

/// Language: the cookie, else the browser's `Accept-Language` negotiated against ours.
pub(crate) fn lang_of(parts: &Parts, cookie: &str) -> Tr {
    if let Some(tr) = cookies::get(parts, cookie).and_then(|c| Tr::from_code(&c)) {
        return tr;
    }
    let accept = parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Tr::negotiate(accept)
}

/// A nonce we made: 64 hex digits.
pub(crate) fn token_ok(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `as_of` as typed in the form: RFC 3339 as is; a bare date means "by the end of that day"; a
/// `datetime-local` value (no seconds, no offset) is taken as UTC.
pub(crate) fn normalize_as_of(s: &str) -> String {
    if s.parse::<Day>().is_ok() {
        format!("{s}T23:59:59.999999Z")
    } else if s.len() == 16 && s.as_bytes().get(10) == Some(&b'T') {
        format!("{s}:00Z")
    } else if s.len() == 19 && s.as_bytes().get(10) == Some(&b'T') {
        format!("{s}Z")
    } else {
        s.to_string()
    }
}

pub(crate) fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Percent-encodes everything but RFC 3986 unreserved characters (for query values).
pub(crate) fn enc(s: &str) -> String {
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

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

pub(crate) fn html_response(ctx: &Ctx, status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // Pages carry the user's name and a CSRF token: no shared caches, no stale forms.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let (true, Some(n)) = (ctx.nonce_new, &ctx.nonce) {
        cookies::set(&mut r, ctx.cookies.csrf, n, None, ctx.secure);
    }
    r
}

pub(crate) fn respond<T: Template>(ctx: &Ctx, status: StatusCode, tpl: &T) -> Response {
    match tpl.render() {
        Ok(body) => html_response(ctx, status, body),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            plain_500()
        }
    }
}

/// The last resort when not even the layout can be rendered.
pub(crate) fn plain_500() -> Response {
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

pub(crate) fn see_other(location: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

#[derive(Template)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    pub(crate) ctx: Ctx,
    pub(crate) status: u16,
    pub(crate) title: String,
    pub(crate) message: String,
    /// A page refused for its query (a bad filter): the same page without any, as the way
    /// back.
    pub(crate) unfiltered: Option<String>,
}

pub(crate) fn error_page(
    ctx: &Ctx,
    status: StatusCode,
    title_key: &str,
    message: String,
) -> Response {
    let page = ErrorPage {
        ctx: ctx.clone(),
        status: status.as_u16(),
        title: ctx.tr.t(title_key),
        message,
        unfiltered: (status == StatusCode::BAD_REQUEST && !ctx.query.is_empty())
            .then(|| ctx.bare_path.clone()),
    };
    respond(ctx, status, &page)
}

/// A record's id from the page's path (`/detentions/{id}`). An id that is not one answers the
/// styled 404 page saying there is no such record, in the reader's language, not a plain-text
/// parse error.
pub(crate) struct RecordId(pub(crate) uuid::Uuid);

impl FromRequestParts<AppState> for RecordId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let raw = axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map(|p| p.0)
            .unwrap_or_default();
        match uuid::Uuid::parse_str(raw.trim()) {
            Ok(id) => Ok(RecordId(id)),
            Err(_) => {
                let ctx = Ctx::from_request_parts(parts, state).await?;
                Err(error_page(
                    &ctx,
                    StatusCode::NOT_FOUND,
                    "error-not_found",
                    ctx.tr.t("error-no_such_record"),
                ))
            }
        }
    }
}

/// What answers a path nothing serves: a problem for the API, the styled 404 page in the
/// reader's language (with the way home) for everything else.
pub(crate) async fn not_found(ctx: Ctx) -> Response {
    if ctx.bare_path.starts_with("/api/") {
        return ApiError::not_found(format!("the path {:?}", ctx.bare_path)).into_response();
    }
    error_page(
        &ctx,
        StatusCode::NOT_FOUND,
        "error-not_found",
        ctx.tr.t("error-no_such_page"),
    )
}

/// An API error as a page. Internal errors were logged where they were made; their cause is
/// not shown.
pub(crate) fn api_error_page(ctx: &Ctx, e: &ApiError) -> Response {
    let status = e.status();
    let detail = e.problem().detail;
    let (key, message) = match status {
        StatusCode::BAD_REQUEST => ("error-bad_request", detail),
        StatusCode::NOT_FOUND => ("error-not_found", detail),
        StatusCode::FORBIDDEN => ("error-forbidden", ctx.tr.t("error-forbidden-text")),
        StatusCode::TOO_MANY_REQUESTS => ("error-too_many", detail),
        StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY => ("error-refused", detail),
        _ => ("error-internal", ctx.tr.t("error-internal-text")),
    };
    error_page(ctx, status, key, message)
}

pub(crate) fn finish(ctx: &Ctx, r: Result<Response, ApiError>) -> Response {
    r.unwrap_or_else(|e| api_error_page(ctx, &e))
}

// ---------------------------------------------------------------------------------------------
// Form posts
// ---------------------------------------------------------------------------------------------

pub(crate) type FormPairs =
    Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>;

/// The form's fields; a body that is not a form counts as empty (and so fails the CSRF check).
pub(crate) fn pairs(f: FormPairs) -> Vec<(String, String)> {
    f.map(|f| f.0).unwrap_or_default()
}

pub(crate) fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The refusal of a POST that comes from another site or lacks a matching CSRF token (`None`:
/// the POST may proceed). Nothing has been written when this refuses.
pub(crate) fn check_post(ctx: &Ctx, pairs: &[(String, String)]) -> Option<Response> {
    if ctx.cross_site.is_some() {
        return Some(error_page(
            ctx,
            StatusCode::FORBIDDEN,
            "error-cross_site",
            ctx.tr.t("error-cross_site-text"),
        ));
    }
    let sent = field(pairs, "csrf");
    let binding = match (&ctx.caller.session, &ctx.nonce) {
        (Some(s), _) => Some(Binding::Session(s)),
        // A nonce made for this very response was never in a form.
        (None, Some(n)) if !ctx.nonce_new => Some(Binding::Nonce(n)),
        _ => None,
    };
    let ok = binding.is_some_and(|b| ctx.csrf_key.verify(&b, sent));
    (!ok).then(|| {
        error_page(
            ctx,
            StatusCode::FORBIDDEN,
            "error-expired",
            ctx.tr.t("error-expired-text"),
        )
    })
}

// ---------------------------------------------------------------------------------------------
// Loading a mission
// ---------------------------------------------------------------------------------------------

/// The snapshot of a mission (or of the one in office on `on`); `None` when no mission exists.
pub(crate) async fn load(
    s: &AppState,
    slug: Option<String>,
    on: Date,
    vis: Visibility,
) -> Result<Option<Snapshot>, ApiError> {
    let mut c = s.store.reader(vis).await?;
    let slug = match slug {
        Some(x) => x,
        None => match c.mission_in_office(on).await? {
            Some(m) => m.slug,
            None => return Ok(None),
        },
    };
    let snap = c
        .snapshot(&slug)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("mission {slug:?}")))?;
    Ok(Some(snap))
}

#[derive(Template)]
#[template(path = "empty.html")]
pub(crate) struct EmptyPage {
    pub(crate) ctx: Ctx,
}

/// The page shown when no mission is recorded yet (200: an empty record is not an error).
pub(crate) fn empty_page(ctx: &Ctx) -> Response {
    respond(ctx, StatusCode::OK, &EmptyPage { ctx: ctx.clone() })
}

/// Short names of the visible missions by slug: successions name missions by slug, pages show
/// their short names.
pub(crate) async fn mission_names(
    s: &AppState,
    vis: Visibility,
) -> Result<std::collections::HashMap<String, String>, ApiError> {
    let mut c = s.store.reader(vis).await?;
    Ok(c.missions()
        .await?
        .into_iter()
        .map(|m| (m.slug, m.short_name))
        .collect())
}

// ---------------------------------------------------------------------------------------------
// The registers' pages
// ---------------------------------------------------------------------------------------------

/// How a register page reads: as `user`, at the record time asked for, named in the audit of
/// restricted reads by the page's own request (`GET /detentions/…`).
fn reading<'a>(ctx: &Ctx, user: &'a User, vis: Visibility) -> Reading<'a> {
    // The query too (a search may have matched an identity: the audit says what was asked),
    // bounded so a long address cannot swell the log.
    let asked: String = ctx.path.chars().take(VIA_MAX).collect();
    Reading::user(user, vis.as_of_us, format!("GET {asked}"))
}

/// The longest request (path and query, in characters) an audit entry names.
const VIA_MAX: usize = 400;

/// What every register page starts from, read once from the request: the two clocks asked for,
/// the missions (and the one the page is filtered to), and how the page reads the register.
pub(crate) struct RegisterView<'a> {
    /// The valid-time date (`?on=`).
    pub on: Date,
    /// The record time and clearance.
    pub vis: Visibility,
    /// The missions, and the one asked for.
    pub missions: Missions,
    /// The page's reads: as its user, recorded in the audit of restricted reads.
    pub reading: Reading<'a>,
}

impl<'a> RegisterView<'a> {
    /// The clocks and mission asked for by `ctx`, for `user`; a bad clock or an unknown
    /// mission is the error page's 400 or 404.
    pub(crate) async fn open(
        s: &AppState,
        ctx: &Ctx,
        user: &'a User,
    ) -> Result<RegisterView<'a>, ApiError> {
        let (on, vis) = ctx.clocks()?;
        Ok(RegisterView {
            on,
            vis,
            missions: missions(s, ctx, vis).await?,
            reading: reading(ctx, user, vis),
        })
    }
}

/// The one record a record page shows: the first `found`, or a 404 naming `what` and `id`.
pub(crate) fn the_one<T>(
    found: impl IntoIterator<Item = T>,
    what: &str,
    id: impl std::fmt::Display,
) -> Result<T, ApiError> {
    found
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::not_found(format!("{what} {id}")))
}

/// Records per page of a register list.
pub(crate) const REGISTER_PAGE: i64 = 100;

/// The page of a register list asked for with the query parameter `param` (`?before=N`: the
/// records made before entry N; by default the latest), newest first, of the mission asked for.
/// A page at a time keeps the page small and its record of restricted reads short.
pub(crate) fn register_page<'a>(
    ctx: &Ctx,
    ms: &'a Missions,
    param: &str,
    kind: EntryKind,
) -> Result<Page<'a>, ApiError> {
    let before = match ctx.param(param).filter(|v| !v.is_empty()) {
        None => i64::MAX,
        Some(v) => v.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_query",
                format!("{param} must be a sequence number ≥ 1"),
            )
        })?,
    };
    Ok(Page {
        kind,
        cursor: Cursor::Before(before),
        limit: REGISTER_PAGE,
        mission: ms.asked.as_deref(),
        country: None,
    })
}

/// The links of a register list's pager: to the older records when this page is full (before
/// the oldest shown, given by the entries that made the records), and back to the latest.
pub(crate) struct Pager {
    pub(crate) older: Option<String>,
    pub(crate) latest: Option<String>,
}

pub(crate) fn pager(
    ctx: &Ctx,
    param: &str,
    made: impl Iterator<Item = i64>,
    shown: usize,
) -> Pager {
    let href = |before: Option<i64>| {
        let mut q: Vec<String> = ctx
            .query
            .iter()
            .filter(|(k, _)| k != param)
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect();
        if let Some(b) = before {
            q.push(format!("{param}={b}"));
        }
        if q.is_empty() {
            ctx.bare_path.clone()
        } else {
            format!("{}?{}", ctx.bare_path, q.join("&"))
        }
    };
    let full = i64::try_from(shown).unwrap_or(i64::MAX) >= REGISTER_PAGE;
    Pager {
        older: made.min().filter(|_| full).map(|m| href(Some(m))),
        latest: ctx.param(param).is_some().then(|| href(None)),
    }
}

/// One link of the mission filter above a register list.
pub(crate) struct FilterLink {
    pub(crate) href: String,
    pub(crate) text: String,
    pub(crate) current: bool,
}

/// The missions, oldest first: the filter of a register list (all, then each mission, keeping
/// the clocks), the mission asked for (`?mission=`), and the short names by slug.
pub(crate) struct Missions {
    pub(crate) filter: Vec<FilterLink>,
    pub(crate) asked: Option<String>,
    pub(crate) names: std::collections::HashMap<String, String>,
    /// Slugs, oldest mission first.
    pub(crate) slugs: Vec<String>,
}

impl Missions {
    pub(crate) fn name(&self, slug: &str) -> String {
        self.names
            .get(slug)
            .cloned()
            .unwrap_or_else(|| slug.to_string())
    }

    pub(crate) fn keeps(&self, slug: &str) -> bool {
        self.asked.as_deref().is_none_or(|m| m == slug)
    }

    /// Where a mission comes in time (for sorting records by mission).
    pub(crate) fn rank(&self, slug: &str) -> usize {
        self.slugs
            .iter()
            .position(|m| m == slug)
            .unwrap_or(usize::MAX)
    }
}

pub(crate) async fn missions(
    s: &AppState,
    ctx: &Ctx,
    vis: Visibility,
) -> Result<Missions, ApiError> {
    let mut rows = {
        let mut c = s.store.reader(vis).await?;
        c.missions().await?
    };
    rows.sort_by_key(|m| m.start_date);
    let asked = ctx
        .param("mission")
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_string);
    if let Some(m) = &asked
        && !rows.iter().any(|r| &r.slug == m)
    {
        return Err(ApiError::not_found(format!("mission {m:?}")));
    }
    let rest = ctx.qs.trim_start_matches('?');
    let amp = if rest.is_empty() {
        String::new()
    } else {
        format!("&{rest}")
    };
    let mut filter = vec![FilterLink {
        href: format!("{}{}", ctx.bare_path, ctx.qs),
        text: ctx.tr.t("reg-all_missions"),
        current: asked.is_none(),
    }];
    filter.extend(rows.iter().map(|r| FilterLink {
        href: format!("{}?mission={}{amp}", ctx.bare_path, enc(&r.slug)),
        text: r.short_name.clone(),
        current: asked.as_deref() == Some(r.slug.as_str()),
    }));
    Ok(Missions {
        filter,
        asked,
        slugs: rows.iter().map(|m| m.slug.clone()).collect(),
        names: rows.into_iter().map(|m| (m.slug, m.short_name)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
