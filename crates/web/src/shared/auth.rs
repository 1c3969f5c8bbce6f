//! Who is calling and from where: a session cookie (browser) or a bearer token (scripts),
//! resolved to a user with a role; the client's address ([`ClientAddr`]); and the guard on
//! failed attempts ([`Guard`]) that slows password and secret guessing without letting anyone
//! lock a user out from elsewhere.
//!
//! What a handler's caller needs is decided by [`crate::shared::gate`]. Reading needs no role:
//! [`Caller`] lets anyone in and carries the clearance (public for anonymous, mission for
//! viewers and editors) that the store's queries filter by.

use crate::{shared::cookies, shared::error::ApiError, shared::state::AppState};
use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{HeaderMap, request::Parts},
};
use konbit_domain::{Classification, Role, clearance_of};
use konbit_store::{
    User,
    throttle::Policy,
    users::{self, TokenKind},
};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// The caller, who may be anonymous.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The logged-in user, if any.
    pub user: Option<User>,
    /// The session secret, when the user came by cookie.
    pub session: Option<String>,
    /// The API token, when the user came by bearer token.
    pub token: Option<String>,
}

impl Caller {
    /// Nobody logged in.
    pub fn anonymous() -> Self {
        Caller {
            user: None,
            session: None,
            token: None,
        }
    }
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

/// Session secrets and API tokens are 64 hex digits; anything else is not looked up.
fn plausible_secret(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
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
        let session = cookies::get(parts, state.cookies.session);
        // Anonymous requests (most public reads) need no database connection for this.
        let caller = if let Some(token) = bearer {
            let user = if plausible_secret(&token) {
                state.store.user_for_token(&token, TokenKind::Api).await?
            } else {
                None
            };
            if user.is_none() {
                // A wrong token is an error, not anonymity: scripts must learn their token
                // expired or was revoked.
                return Err(ApiError::new(
                    axum::http::StatusCode::UNAUTHORIZED,
                    "invalid_token",
                    "Invalid token",
                    "the bearer token is unknown, expired or revoked",
                ));
            }
            Caller {
                user,
                session: None,
                token: Some(token),
            }
        } else if let Some(token) = session.filter(|t| plausible_secret(t)) {
            let user = state
                .store
                .user_for_token(&token, TokenKind::Session)
                .await?;
            let session = user.as_ref().map(|_| token);
            Caller {
                user,
                session,
                token: None,
            }
        } else {
            Caller::anonymous()
        };
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

// ---------------------------------------------------------------------------------------------
// The client's address

/// The address a request comes from: the peer of the connection, or — when that peer is a
/// reverse proxy the operator trusts (`--trusted-proxy`) — the nearest address in
/// `X-Forwarded-For` that is not itself a trusted proxy. Never taken from a header an untrusted
/// peer sent: anyone can write one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// Resolves the client of a request that came from `peer`.
    pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> ClientAddr {
        let peer = canonical(peer);
        if !trusted.contains(&peer) {
            return ClientAddr(peer);
        }
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        // Each proxy appends the address it saw: read from the right, past our own proxies.
        for hop in forwarded.iter().rev() {
            match hop.parse::<IpAddr>().map(canonical) {
                Ok(a) if trusted.contains(&a) => continue,
                Ok(a) => return ClientAddr(a),
                Err(_) => break,
            }
        }
        ClientAddr(peer)
    }

    /// What limits count by: the IPv4 address, or the IPv6 /64 (one subscriber's network, which
    /// holds more addresses than anyone could count one by one).
    pub fn key(&self) -> IpAddr {
        match self.0 {
            IpAddr::V4(a) => IpAddr::V4(a),
            IpAddr::V6(a) => {
                let s = a.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        }
    }
}

/// IPv4 addresses carried in IPv6 (`::ffff:1.2.3.4`) count as the IPv4 address.
pub(crate) fn canonical(a: IpAddr) -> IpAddr {
    match a {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .ok_or_else(|| ApiError::internal("the server was started without peer addresses"))?;
        Ok(ClientAddr::resolve(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// Failed attempts

/// Failures of one name (or complaint reference) from one address before it must wait.
pub const PER_NAME: Policy = Policy {
    max_failures: 5,
    window: time::Duration::minutes(15),
};

/// Failures from one address, whatever the names, before it must wait (guessing across many
/// accounts). High enough for an office behind one address.
pub const PER_ADDRESS: Policy = Policy {
    max_failures: 50,
    window: time::Duration::minutes(15),
};

/// What a [`Guard`] protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarded {
    /// Logging in (API token or login form).
    Login,
    /// Checking a complaint's status with its reference and secret.
    ComplaintStatus,
}

impl Guarded {
    fn prefix(self) -> &'static str {
        match self {
            Guarded::Login => "login",
            Guarded::ComplaintStatus => "status",
        }
    }
}

/// Counts failed attempts against one name (a login name, a complaint reference) from one
/// address, and against that address alone. The name is never counted on its own: an outsider
/// who fails five times with the administrator's name locks out only themselves, and the
/// administrator still logs in from anywhere else. Counts live in the database (they survive a
/// restart); the name's length is checked by the caller before a guard is made.
#[derive(Debug, Clone)]
pub struct Guard {
    what: Guarded,
    name_key: String,
    addr_key: String,
}

impl Guard {
    /// A guard for `name` (at most 64 characters, checked by the caller) from `addr`.
    pub fn new(what: Guarded, name: &str, addr: &ClientAddr) -> Guard {
        let p = what.prefix();
        let addr = addr.key();
        Guard {
            what,
            name_key: format!("{p}:{}@{addr}", name.to_lowercase()),
            addr_key: format!("{p}-from:{addr}"),
        }
    }

    /// `Err(429)` while the name from this address, or the address, must wait.
    pub async fn check(&self, s: &AppState) -> Result<(), ApiError> {
        let mut wait = None;
        for (key, policy) in [(&self.name_key, PER_NAME), (&self.addr_key, PER_ADDRESS)] {
            if let Some(w) = s.store.throttle_locked(key, policy).await? {
                wait = Some(wait.map_or(w, |x: u64| x.max(w)));
            }
        }
        match (wait, self.what) {
            (None, _) => Ok(()),
            (Some(w), Guarded::Login) => Err(ApiError::too_many(
                format!("too many failed logins from this address; try again in {w} seconds"),
                w,
            )),
            (Some(w), Guarded::ComplaintStatus) => Err(ApiError::too_many(
                format!(
                    "too many failed status checks from this address; try again in {w} seconds"
                ),
                w,
            )),
        }
    }

    /// Counts a failure.
    pub async fn failed(&self, s: &AppState) -> Result<(), ApiError> {
        s.store.throttle_fail(&self.name_key, PER_NAME).await?;
        s.store.throttle_fail(&self.addr_key, PER_ADDRESS).await?;
        Ok(())
    }

    /// A success forgets the name's failures (not the address's: guessing across many names
    /// from one address is still counted).
    pub async fn succeeded(&self, s: &AppState) -> Result<(), ApiError> {
        s.store.throttle_clear(&self.name_key).await?;
        Ok(())
    }
}

/// Checks a login against the guard and the store: 422 when the name or password could not be
/// anyone's (nothing is counted or kept), 429 while this address must wait, `None` when wrong.
pub async fn login(
    state: &AppState,
    addr: &ClientAddr,
    username: &str,
    password: &str,
) -> Result<Option<User>, ApiError> {
    // Bounded before anything is kept: a megabyte of name never reaches a key or a hash.
    users::check_username(username)?;
    if password.chars().count() > users::MAX_PASSWORD {
        return Err(ApiError::invalid_field(
            "password",
            format!("must be at most {} characters", users::MAX_PASSWORD),
        ));
    }
    let guard = Guard::new(Guarded::Login, username, addr);
    guard.check(state).await?;
    let user = { state.store.authenticate(username, password).await? };
    match &user {
        Some(_) => guard.succeeded(state).await?,
        None => guard.failed(state).await?,
    }
    Ok(user)
}

/// `X-Forwarded-Host`, when the request came through a trusted proxy.
pub(crate) fn forwarded_host(
    headers: &axum::http::HeaderMap,
    extensions: &axum::http::Extensions,
    state: &AppState,
) -> Option<String> {
    let peer = extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()?
        .0
        .ip();
    if !state.config.trusted_proxies.contains(&canonical(peer)) {
        return None;
    }
    headers
        .get("x-forwarded-host")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(',').next_back().unwrap_or(v).trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    #[test]
    fn forwarded_for_counts_only_behind_a_trusted_proxy() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.7, 10.0.0.2"),
        );
        // From an untrusted peer the header is ignored: anyone can write it.
        assert_eq!(
            ClientAddr::resolve(ip("198.51.100.1"), &h, &[]).0,
            ip("198.51.100.1")
        );
        // Behind two trusted proxies, the nearest untrusted hop is the client; what the client
        // itself wrote further left is not believed.
        let trusted = [ip("10.0.0.1"), ip("10.0.0.2")];
        assert_eq!(
            ClientAddr::resolve(ip("10.0.0.1"), &h, &trusted).0,
            ip("203.0.113.7")
        );
    }

    #[test]
    fn ipv6_counts_by_its_64_and_mapped_ipv4_as_ipv4() {
        let a = ClientAddr::resolve(ip("2001:db8:1:2:aaaa::1"), &HeaderMap::new(), &[]);
        let b = ClientAddr::resolve(ip("2001:db8:1:2:bbbb::9"), &HeaderMap::new(), &[]);
        assert_eq!(a.key(), b.key());
        let c = ClientAddr::resolve(ip("::ffff:192.0.2.4"), &HeaderMap::new(), &[]);
        assert_eq!(c.key(), ip("192.0.2.4"));
    }

    #[test]
    fn guard_keys_never_count_a_name_alone() {
        let g = Guard::new(Guarded::Login, "ADMIN", &ClientAddr(ip("127.0.0.2")));
        assert_eq!(g.name_key, "login:admin@127.0.0.2");
        assert_eq!(g.addr_key, "login-from:127.0.0.2");
    }
}
