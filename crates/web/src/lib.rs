//! HTTP: the JSON API under `/api/v1` (described by an OpenAPI 3.1 document), the server-rendered
//! pages, authentication, and the mapping of errors to responses. Handlers hold no rules of their
//! own: they parse, call the store, and render.

pub mod accountability;
pub mod api;
pub mod auth;
pub mod chart;
pub mod error;
pub mod extract;
pub mod i18n;
pub mod map;
pub mod pages;
pub mod situation;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderValue, header},
};
use konbit_store::Store;
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;

/// Largest request body accepted; larger ones get 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Shared state of every handler.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Failed-login counts.
    pub throttle: Arc<auth::Throttle>,
    /// Set `Secure` on cookies (when served over TLS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// The registers' deadlines (report, review, handover).
    pub rules: konbit_domain::accountability::Rules,
}

impl AppState {
    /// State over a store.
    pub fn new(store: Store, secure_cookies: bool) -> Self {
        AppState {
            store,
            throttle: Arc::new(auth::Throttle::default()),
            secure_cookies,
            rules: konbit_domain::accountability::Rules::default(),
        }
    }

    /// The same state with other deadlines (e.g. a handover limit set by the mission).
    pub fn with_rules(mut self, rules: konbit_domain::accountability::Rules) -> Self {
        self.rules = rules;
        self
    }
}

/// The whole application: API, pages, static files, security headers, body limit.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(api::router())
        .merge(accountability::router())
        .merge(pages::router())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                 frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .with_state(state)
}

/// Serves the application on a bound listener until the process is told to stop.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
