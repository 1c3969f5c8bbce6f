//! The one gate of every handler, API and page alike: a handler states what its caller needs
//! in its signature — `Allowed<Editor>`, `Allowed<Admin>`, `Allowed<Member>`,
//! `Allowed<Auditor>` — and the extractor asks the domain's table of rights
//! ([`konbit_domain::access`]) before the handler runs. Nobody logged in: an API request gets
//! 401 problem+json, a page request the login page (coming back here afterwards). Logged in
//! without the right: 403 problem+json naming who may, or the 403 page in the reader's
//! language. The store asks the same table again when it writes (with the record's
//! contributor), so a handler that forgot its need would still be refused there.

use crate::{
    shared::state::AppState,
    shared::{
        auth::Caller,
        error::ApiError,
        page::{Ctx, enc, error_page, see_other},
    },
};
use axum::{
    extract::FromRequestParts,
    http::{StatusCode, request::Parts},
    response::{IntoResponse, Response},
};
use konbit_domain::{
    EntryKind,
    access::{self, Sender},
};
use konbit_store::User;
use std::marker::PhantomData;

/// What a handler's caller needs, as a type.
pub trait Need: Send + Sync + 'static {
    /// Whether `sender` has it; `Err` says who does.
    fn check(sender: &Sender) -> Result<(), String>;
    /// The key of the sentence a page shows when the caller lacks it.
    const WHY: &'static str;
}

/// A logged-in caller who has `N`.
pub struct Allowed<N: Need>(pub User, pub PhantomData<N>);

/// Any logged-in user (what each may see or record in the registers is decided by their
/// need to know, and by the store when they write).
pub struct Member;
/// Editors and admins: force generation, sources, corrections, the situational picture.
pub struct Editor;
/// Admins: missions, the instruments contributors need, users and tokens.
pub struct Admin;
/// Who may read the audit of restricted reads.
pub struct Auditor;

impl Need for Member {
    fn check(sender: &Sender) -> Result<(), String> {
        match sender {
            Sender::User(_) | Sender::System => Ok(()),
            Sender::Anonymous => Err("log in first".into()),
        }
    }
    const WHY: &'static str = "error-forbidden-text";
}

impl Need for Editor {
    fn check(sender: &Sender) -> Result<(), String> {
        access::may_send_some(sender, EntryKind::MandateRecorded)
    }
    const WHY: &'static str = "error-forbidden-editor";
}

impl Need for Admin {
    fn check(sender: &Sender) -> Result<(), String> {
        access::may_send_some(sender, EntryKind::UserCreated)
    }
    const WHY: &'static str = "error-forbidden-admin";
}

impl Need for Auditor {
    fn check(sender: &Sender) -> Result<(), String> {
        if access::may_read_audit(sender) {
            Ok(())
        } else {
            Err("only an admin may read the audit of restricted reads".into())
        }
    }
    const WHY: &'static str = "error-forbidden-audit";
}

/// Where the login page sends the visitor back: the page asked for, or — for a refused form
/// POST, which cannot be repeated by following a link — the page the form was on (the
/// `Referer`, which the pages' `same-origin` policy sends for their own forms), else home.
fn back_to(parts: &Parts) -> String {
    if parts.method == axum::http::Method::GET || parts.method == axum::http::Method::HEAD {
        return parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string();
    }
    parts
        .headers
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.parse::<axum::http::Uri>().ok())
        .and_then(|u| u.path_and_query().map(|p| p.as_str().to_string()))
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".into())
}

/// Whether a request is the API's (answered in problem+json) rather than a page's.
fn is_api(parts: &Parts) -> bool {
    parts.uri.path().starts_with("/api/")
}

impl<N: Need> FromRequestParts<AppState> for Allowed<N> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let caller = Caller::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let api = is_api(parts);
        let Some(user) = caller.user else {
            if api {
                return Err(ApiError::unauthorized().into_response());
            }
            return Err(login_page(&back_to(parts)));
        };
        match N::check(&Sender::User(user.access())) {
            Ok(()) => Ok(Allowed(user, PhantomData)),
            Err(who) if api => {
                Err(
                    ApiError::new(StatusCode::FORBIDDEN, "forbidden", "Forbidden", who)
                        .into_response(),
                )
            }
            Err(_) => {
                let ctx = Ctx::from_request_parts(parts, state).await?;
                Err(refuse_page(&ctx, N::WHY))
            }
        }
    }
}

/// The login page, coming back to `next` afterwards.
fn login_page(next: &str) -> Response {
    see_other(&format!("/login?next={}", enc(next)))
}

/// The gate of a page that records entries of `kind` (a form built for any command, whose
/// need is a value, not a type): logged in, else the login page coming back here; allowed by
/// the table of rights, else the 403 page.
pub(crate) fn may_send_page(ctx: &Ctx, kind: EntryKind) -> Result<User, Box<Response>> {
    let Some(user) = ctx.caller.user.clone() else {
        return Err(Box::new(login_page(&ctx.path)));
    };
    match access::may_send_some(&Sender::User(user.access()), kind) {
        Ok(()) => Ok(user),
        Err(_) => Err(Box::new(refuse_page(ctx, "error-forbidden-text"))),
    }
}

/// The 403 page in the reader's language, `why` the key of the sentence that says who may.
pub(crate) fn refuse_page(ctx: &Ctx, why: &str) -> Response {
    error_page(ctx, StatusCode::FORBIDDEN, "error-forbidden", ctx.tr.t(why))
}
