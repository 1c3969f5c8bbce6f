//! The shared core's pages: login and logout, the language switch, the register of sources,
//! the record log, and the administrators' list of users and tokens.

mod log;
mod login;
mod sources;
mod users;

use crate::shared::forms::{self, FormSpec};
use crate::shared::state::AppState;
use konbit_domain::EntryKind as K;

/// The core's forms: a source, a disagreement between sources, a correction.
pub(crate) static FORMS: &[FormSpec] = &[
    FormSpec::new(
        "/sources/new",
        "/api/v1/sources",
        K::SourceRegistered,
        "/sources",
    ),
    FormSpec::new(
        "/discrepancies/new",
        "/api/v1/discrepancies",
        K::DiscrepancyRecorded,
        "/sources",
    ),
    FormSpec::new(
        "/corrections/new",
        "/api/v1/corrections",
        K::EntryCorrected,
        "/log",
    ),
];
use axum::{
    Router,
    routing::{get, post},
};

/// The core's page routes.
pub fn router() -> Router<AppState> {
    forms::router(FORMS)
        .route("/sources", get(sources::sources_page))
        .route("/users", get(users::users_page).post(users::user_create))
        .route("/users/{name}/role", post(users::user_set_role))
        .route("/users/{name}/{change}", post(users::user_access))
        .route("/tokens/{id}/revoke", post(users::token_revoke))
        .route("/log", get(log::log_page))
        .route("/login", get(login::login_form).post(login::login_submit))
        .route("/logout", post(login::logout))
        .route("/lang/{code}", get(login::set_lang))
        .route("/static/app.css", get(crate::shared::assets::css))
        .route("/static/forms.js", get(crate::shared::assets::forms_js))
}
