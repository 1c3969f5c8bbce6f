//! Force generation's pages: the mission dashboard (with its funding table), a contributor's
//! record, the timeline, and the editors' two forms (pledge, movement).

mod contributor;
mod dashboard;
mod forms;
mod timeline;

use crate::shared::state::AppState;
use axum::{Router, routing::get};

/// Force generation's page routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::home))
        .route("/timeline", get(timeline::timeline_current))
        .route("/missions/{slug}", get(dashboard::mission_page))
        .route("/missions/{slug}/timeline", get(timeline::timeline_page))
        .route(
            "/missions/{slug}/contributors/{country}",
            get(contributor::contributor_page),
        )
        .route(
            "/missions/{slug}/pledges/new",
            get(forms::pledge_form).post(forms::pledge_submit),
        )
        .route(
            "/missions/{slug}/deployments/new",
            get(forms::deployment_form).post(forms::deployment_submit),
        )
}
