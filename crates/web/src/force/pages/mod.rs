//! Force generation's pages: the mission dashboard (with its funding table), a contributor's
//! record, the timeline, and the editors' two forms (pledge, movement).

mod contributor;
mod dashboard;
mod forms;
mod timeline;

use crate::shared::forms::{FormSpec, router as forms_router};
use crate::shared::state::AppState;
use axum::{Router, routing::get};
use konbit_domain::EntryKind as K;

/// Force generation's forms, one per command (besides the pledge and movement forms of a
/// mission, which know their mission).
pub(crate) static FORMS: &[FormSpec] = &[
    FormSpec::new(
        "/missions/new",
        "/api/v1/missions",
        K::MissionCreated,
        "/missions/{slug}",
    ),
    FormSpec::new(
        "/mandates/new",
        "/api/v1/mandates",
        K::MandateRecorded,
        "/missions/{mission}",
    ),
    FormSpec::new(
        "/successions/new",
        "/api/v1/successions",
        K::MissionSucceeded,
        "/missions/{mission}",
    ),
    FormSpec::new(
        "/requirements/new",
        "/api/v1/requirements",
        K::RequirementsSet,
        "/missions/{mission}",
    ),
    FormSpec::new(
        "/pledges/new",
        "/api/v1/pledges",
        K::PledgeRecorded,
        "/missions/{mission}/contributors/{country}",
    ),
    FormSpec::new(
        "/pledges/{id}/revisions/new",
        "/api/v1/pledges/{id}/revisions",
        K::PledgeRevised,
        "/timeline",
    )
    .path_fields(&[("id", "pledge")]),
    FormSpec::new(
        "/pledges/{id}/withdrawal/new",
        "/api/v1/pledges/{id}/withdrawal",
        K::PledgeWithdrawn,
        "/timeline",
    )
    .path_fields(&[("id", "pledge")]),
    FormSpec::new(
        "/authorizations/new",
        "/api/v1/authorizations",
        K::AuthorizationRecorded,
        "/missions/{mission}/contributors/{country}",
    ),
    FormSpec::new(
        "/deployments/new",
        "/api/v1/deployments",
        K::DeploymentRecorded,
        "/missions/{mission}/contributors/{country}",
    ),
    FormSpec::new(
        "/funding/new",
        "/api/v1/funding",
        K::FundingRecorded,
        "/missions/{mission}",
    ),
];

/// Force generation's page routes.
pub fn router() -> Router<AppState> {
    forms_router(FORMS)
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
