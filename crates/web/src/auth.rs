//! Who is calling: a session cookie (browser) or a bearer token (scripts), resolved to a user
//! with a role. The role a handler needs is in its signature: [`Editor`] and [`Admin`] reject
//! the request before the handler runs. Reading needs no role: [`Caller`] lets anyone in and
//! carries the clearance (public for anonymous, mission for viewers and editors) that the store's
//! queries filter by.

use crate::{AppState, error::ApiError};
use axum::{extract::FromRequestParts, http::request::Parts};
use konbit_domain::{Classification, Role, clearance_of};
use konbit_store::{
    User,
    users::{self, TokenKind},
};
use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "konbit_session";
/// Name of the CSRF cookie (double-submit: forms echo it in a hidden field).
pub const CSRF_COOKIE: &str = "konbit_csrf";
/// Name of the language cookie.
pub const LANG_COOKIE: &str = "konbit_lang";

/// Reads one cookie from the request headers.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The caller, who may be anonymous.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The logged-in user, if any.
    pub user: Option<User>,
    /// The session secret, when the user came by cookie.
    pub session: Option<String>,
}

impl Caller {
    /// The caller's role.
    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(|u| u.role)
    }
    /// The highest classification the caller may read.
    pub fn clearance(&self) -> Classification {
        clearance_of(self.role())
    }
    /// The caller's login name, or `anonymous`.
    pub fn name(&self) -> &str {
        self.user
            .as_ref()
            .map_or("anonymous", |u| u.username.as_str())
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(c) = parts.extensions.get::<Caller>() {
            return Ok(c.clone());
        }
        let bearer = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_string);
        let session = cookie(parts, SESSION_COOKIE).map(str::to_string);
        // Anonymous requests (most public reads) need no database connection for this.
        let caller = if let Some(token) = bearer {
            let mut conn = state.store.conn().await?;
            let user = users::user_for_token(&mut conn.ex(), &token, TokenKind::Api).await?;
            if user.is_none() {
                // A wrong token is an error, not anonymity: scripts must learn their token expired.
                return Err(ApiError::new(
                    axum::http::StatusCode::UNAUTHORIZED,
                    "invalid_token",
                    "Invalid token",
                    "the bearer token is unknown or expired",
                ));
            }
            Caller {
                user,
                session: None,
            }
        } else if let Some(token) = session {
            let mut conn = state.store.conn().await?;
            let user = users::user_for_token(&mut conn.ex(), &token, TokenKind::Session).await?;
            let session = user.as_ref().map(|_| token);
            Caller { user, session }
        } else {
            Caller {
                user: None,
                session: None,
            }
        };
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

macro_rules! role_extractor {
    ($(#[$m:meta])* $name:ident, |$r:ident| $allowed:expr, $label:literal) => {
        $(#[$m])*
        #[derive(Debug, Clone)]
        pub struct $name(pub User);

        impl FromRequestParts<AppState> for $name {
            type Rejection = ApiError;

            async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
                let caller = Caller::from_request_parts(parts, state).await?;
                match caller.user {
                    None => Err(ApiError::unauthorized()),
                    Some(u) => {
                        let $r = u.role;
                        if $allowed {
                            Ok($name(u))
                        } else {
                            Err(ApiError::forbidden($label))
                        }
                    }
                }
            }
        }
    };
}

role_extractor!(
    /// A caller who records force generation, mandates, funding and sources (editor or admin).
    Editor, |r| r.records_force_generation(), "editor");
role_extractor!(
    /// A caller with the admin role.
    Admin, |r| r == Role::Admin, "admin");
role_extractor!(
    /// Any logged-in caller; what they may see or record in the registers is decided by their
    /// [`konbit_domain::access::Access`].
    Member, |_r| true, "member");

/// Counts failed logins per user name; after `MAX_FAILURES` within `WINDOW` further attempts are
/// refused (429) until the window has passed. In memory: a restart forgets, which is acceptable
/// for slowing down password guessing.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

const MAX_FAILURES: u32 = 5;
const WINDOW: Duration = Duration::from_secs(15 * 60);

impl Throttle {
    /// `Err(seconds to wait)` when the name is locked out.
    pub fn check(&self, username: &str) -> Result<(), u64> {
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(&username.to_lowercase()) {
            Some((n, since)) if *n >= MAX_FAILURES && since.elapsed() < WINDOW => {
                Err((WINDOW - since.elapsed()).as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Records a failed attempt.
    pub fn fail(&self, username: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let e = map
            .entry(username.to_lowercase())
            .or_insert((0, Instant::now()));
        if e.1.elapsed() >= WINDOW {
            *e = (0, Instant::now());
        }
        e.0 += 1;
    }

    /// Clears the count after a successful login.
    pub fn succeed(&self, username: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&username.to_lowercase());
    }
}

/// Checks a login against the throttle and the store: 429 when locked out, `None` when wrong.
pub async fn login(
    state: &AppState,
    username: &str,
    password: &str,
) -> Result<Option<User>, ApiError> {
    if let Err(wait) = state.throttle.check(username) {
        return Err(ApiError::too_many(wait));
    }
    let mut conn = state.store.conn().await?;
    let user = users::authenticate(&mut conn.ex(), username, password).await?;
    match &user {
        Some(_) => state.throttle.succeed(username),
        None => state.throttle.fail(username),
    }
    Ok(user)
}
