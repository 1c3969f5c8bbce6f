//! HTTP: the JSON API under `/api/v1` (described by an OpenAPI 3.1 document), the server-rendered
//! pages, authentication, and the mapping of errors to responses. Handlers hold no rules of their
//! own: they parse, call the store, and render.
//!
//! One folder per capability — [`force`] generation, the accountability [`registers`], the
//! [`situation`]al picture, [`media`] monitoring — each with its API and its pages, beside [`record`] (the shared
//! core's: log, sources, users, tokens, login), the [`desk`] (what is due, across them) and
//! [`shared`] (what every handler uses). [`app`]
//! is the one place their routers are put together.

pub mod desk;
pub mod force;
pub mod media;
pub mod record;
pub mod registers;
pub mod shared;
pub mod situation;

pub use shared::state::{AppState, BODY_LIMIT, Config};
use shared::{auth::forwarded_host, csrf, error};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

/// The API: every capability's routes, each declared once with its OpenAPI operation. The one
/// place they are put together; the served document is read from the same routes.
fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(record::api::ApiDoc::openapi())
        .merge(record::api::router())
        .merge(force::api::router())
        .merge(registers::api::router())
        .merge(situation::api::router())
        .merge(desk::api::router())
        .merge(media::api::router())
}

/// Every capability's page forms (each built from its API operation's body).
fn all_forms() -> Vec<&'static [shared::forms::FormSpec]> {
    vec![
        force::pages::FORMS,
        registers::pages::FORMS,
        situation::pages::FORMS,
        record::pages::FORMS,
        media::pages::FORMS,
    ]
}

/// Each page form (its path as declared, `{…}` for values of the path) and the entry kind it
/// records: for tests that try every form as every role.
pub fn form_pages() -> Vec<(&'static str, konbit_domain::EntryKind)> {
    shared::forms::AllForms(all_forms()).pages()
}

impl AppState {
    /// State over a store; fetches (or makes, the first time) the server's CSRF key. Made here,
    /// where every capability's routes are known: the state keeps the OpenAPI document they
    /// describe, rather than a layer of the router (cloned for every request) carrying it.
    pub async fn new(
        store: konbit_store::Store,
        config: Config,
    ) -> Result<AppState, konbit_store::StoreError> {
        let key = store.secret("csrf").await?;
        Ok(AppState::assemble(store, config, key, openapi_doc()))
    }
}

/// The OpenAPI document (3.1), as served: the operations of [`api`], completed with what every
/// operation shares (see [`shared::openapi`]).
pub fn openapi_doc() -> serde_json::Value {
    let (_, doc) = api().split_for_parts();
    shared::openapi::complete(doc)
}

use axum::{
    Router,
    extract::{DefaultBodyLimit, Request},
    http::{HeaderValue, Method, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
};
use std::net::SocketAddr;
use tower_http::set_header::SetResponseHeaderLayer;

/// The headers every answer carries unless its handler set its own: no inline script or style,
/// no framing, no type sniffing, no referrer beyond this site.
const SECURITY_HEADERS: [(header::HeaderName, &str); 4] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
         frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "same-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
];

/// What runs around every request, as one middleware: each layer of a router is cloned, with
/// an allocation, for every request it serves, and this check and the four headers used to be
/// five layers (docs/decisions.md, "What a request costs around its handler").
///
/// It refuses a state-changing request that a browser says comes from another site (or whose
/// `Origin` is not this host), before any handler runs. Pages answer the same check with a page
/// of their own (`pages::check_post`); this is the net under every other route. Then it adds
/// [`SECURITY_HEADERS`] to the answer.
async fn guard(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let mut res = match same_site(&state, &req) {
        Some(refused) => refused,
        None => next.run(req).await,
    };
    let headers = res.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    res
}

/// The refusal of a cross-site request to the API, if this is one.
fn same_site(state: &AppState, req: &Request) -> Option<Response> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    let forwarded_host = forwarded_host(req.headers(), req.extensions(), state);
    let why = csrf::cross_site(req.headers(), forwarded_host.as_deref())?;
    // The pages explain it in the reader's language.
    if !req.uri().path().starts_with("/api/") {
        return None;
    }
    Some(
        error::ApiError::new(
            axum::http::StatusCode::FORBIDDEN,
            "cross_site",
            "Cross-site request refused",
            why,
        )
        .into_response(),
    )
}

/// The whole application: API, pages, static files, security headers, body limit.
pub fn app(state: AppState) -> Router {
    // Answers of the API may carry restricted data or a complainant's secret: never cached.
    let (api, doc) = api().split_for_parts();
    let api = api.layer(SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ));
    // The pages' forms are built from the same document the API serves. Only the pages carry
    // them: each layer is cloned for every request of the routes it covers.
    let schemas = std::sync::Arc::new(shared::forms::Schemas::new(&doc, state.served.clone()));
    let pages = Router::new()
        .merge(record::pages::router())
        .merge(force::pages::router())
        .merge(registers::pages::router())
        .merge(situation::pages::router())
        .merge(desk::pages::router())
        .merge(media::pages::router())
        .route("/new", axum::routing::get(shared::forms::index))
        .layer(axum::Extension(schemas))
        .layer(axum::Extension(shared::forms::AllForms(all_forms())));
    Router::new()
        .merge(api)
        .merge(pages)
        .merge(record::tlog::router())
        .fallback(shared::page::not_found)
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}

/// Serves the application on a bound listener until the process is told to stop. Each request
/// knows the address it came from (for the limits per address).
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
