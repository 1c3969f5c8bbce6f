//! What every handler shares: the store, how the server is run ([`Config`]), the cookies'
//! names, the CSRF key, the per-address limits, the cached verification of the log and its last
//! signed checkpoint.

use crate::shared::{cookies, csrf, limits, verify};
use konbit_store::Store;
use std::{net::IpAddr, sync::Arc};

/// Largest request body accepted; larger ones get 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// How the server is run (flags and environment of `konbit serve`).
#[derive(Debug, Clone)]
pub struct Config {
    /// Set `Secure` on cookies and give them the `__Host-` prefix (when served over TLS,
    /// directly or behind a proxy).
    pub secure_cookies: bool,
    /// The registers' deadlines (report, review, handover).
    pub rules: konbit_domain::registers::Rules,
    /// How long a browser session lasts.
    pub session_ttl: time::Duration,
    /// How long an API token lasts.
    pub token_ttl: time::Duration,
    /// Reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Host` are believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// The key checkpoints of the log are signed with (none: no checkpoints are served).
    pub log_key: Option<konbit_store::checkpoint::LogKey>,
    /// Witnesses that must cosign each checkpoint before it is published.
    pub witnesses: Vec<super::checkpoints::Witness>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secure_cookies: false,
            rules: konbit_domain::registers::Rules::default(),
            session_ttl: time::Duration::hours(12),
            token_ttl: time::Duration::days(30),
            trusted_proxies: Vec::new(),
            log_key: None,
            witnesses: Vec::new(),
        }
    }
}

/// Shared state of every handler. The router, the middleware and the extractors clone it for
/// every request: one reference count to bump, not one (or an allocation) per field.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] holds.
#[derive(Debug)]
pub struct Shared {
    /// The database.
    pub store: Store,
    /// How the server is run.
    pub config: Config,
    /// The cookies' names (with `__Host-` when cookies are secure).
    pub cookies: cookies::CookieNames,
    /// The key CSRF tokens are made with.
    pub csrf: csrf::Key,
    /// Rates per client address.
    pub limits: limits::Limits,
    /// The last verification of the log, extended as it grows.
    pub verified: verify::Cache,
    /// Each user's desk count, per log head and minute.
    pub desk_counts: super::desk_count::Cache,
    /// The last signed checkpoint.
    pub checkpoints: super::checkpoints::Checkpoints,
    /// The OpenAPI document as served: made once, from the routes, by `AppState::new` in the
    /// crate's root where every capability's routes are known.
    pub(crate) served: serde_json::Value,
}

impl AppState {
    /// State over a store, its CSRF key and the OpenAPI document as served.
    pub(crate) fn assemble(
        store: Store,
        config: Config,
        key: Vec<u8>,
        served: serde_json::Value,
    ) -> AppState {
        AppState(Arc::new(Shared {
            store,
            cookies: cookies::CookieNames::new(config.secure_cookies),
            config,
            csrf: csrf::Key::new(key),
            limits: limits::Limits::default(),
            verified: verify::Cache::default(),
            desk_counts: Default::default(),
            checkpoints: Default::default(),
            served,
        }))
    }

    /// The registers' deadlines.
    pub fn rules(&self) -> konbit_domain::registers::Rules {
        self.config.rules
    }
}
