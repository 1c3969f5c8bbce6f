//! Force generation's pages: the mission dashboard (with its funding table), a contributor's
//! record, the timeline, and the forms of its commands (a pledge like one already recorded
//! asks to be confirmed).

mod contributor;
mod dashboard;
mod timeline;

use crate::shared::forms::{FormSpec, router as forms_router};
use crate::shared::page::{Ctx, iso, load};
use crate::shared::{error::ApiError, state::AppState};
use axum::{Router, routing::get};
use konbit_domain::EntryKind as K;
use konbit_domain::{Command, force::ForceCommand, force::Personnel};
use konbit_store::Visibility;
use std::{future::Future, pin::Pin};

/// Force generation's forms, one per command. The dashboard and a contributor's page open
/// the pledge and movement forms with their mission (and contributor) filled in.
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
    )
    .warn(likely_duplicate_pledge),
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
}

/// The same contributor, date and figures as a pledge already recorded is most likely the same
/// pledge entered twice (recording it adds the figures up): the form asks to confirm it.
fn likely_duplicate_pledge<'a>(
    s: &'a AppState,
    ctx: &'a Ctx,
    command: &'a Command,
) -> Pin<Box<dyn Future<Output = Result<Option<String>, ApiError>> + Send + 'a>> {
    Box::pin(async move {
        let Command::Force(ForceCommand::RecordPledge(p)) = command else {
            return Ok(None);
        };
        let today = time::OffsetDateTime::now_utc().date();
        let vis = Visibility::now(ctx.caller.clearance());
        // An unknown mission is the record's to refuse, with its own message.
        let Ok(Some(snap)) = load(s, Some(p.mission.clone()), today, vis).await else {
            return Ok(None);
        };
        let same = snap.pledges.iter().any(|x| {
            x.country == p.country
                && x.version_on == p.pledged_on
                && Personnel {
                    police: x.police,
                    military: x.military,
                    civilian: x.civilian,
                } == p.personnel
        });
        Ok(same.then(|| {
            ctx.tr.fmt(
                "form-pledge-duplicate",
                &[
                    ("country", &ctx.country(&p.country)),
                    ("date", &iso(p.pledged_on)),
                ],
            )
        }))
    })
}
