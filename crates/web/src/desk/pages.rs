//! `/desk`: the caller's desk as a page, each item linked to its record and to the form that
//! resolves it.

use crate::shared::{
    gate::{Allowed, Member},
    page::{Ctx, finish, respond},
    state::AppState,
};
use askama::Template;
use axum::{Router, extract::State, http::StatusCode, response::Response, routing::get};
use konbit_domain::Named;

/// The desk's page routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/desk", get(desk_page))
}

struct Line {
    kind: &'static str,
    what: String,
    record: String,
    href: String,
    action: String,
    action_label: String,
    mission: String,
    country: String,
    due: String,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "desk.html")]
struct DeskPage {
    ctx: Ctx,
    lines: Vec<Line>,
}

async fn desk_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(u, ..): Allowed<Member>,
) -> Response {
    let r = async {
        let now = time::OffsetDateTime::now_utc();
        let lines = super::items(&s, &u)
            .await?
            .into_iter()
            .map(|i| {
                let (href, action) = super::links(&i);
                let kind = i.kind.as_str();
                Line {
                    kind,
                    what: ctx.tr.t(&format!("desk-kind-{kind}")),
                    record: if i.record.len() == 36 {
                        i.record[28..].to_string()
                    } else {
                        i.record.clone()
                    },
                    href,
                    action,
                    action_label: ctx.form_title(i.resolves.as_str()),
                    mission: i.mission.clone(),
                    country: i
                        .country
                        .as_deref()
                        .map(|c| ctx.country(c))
                        .unwrap_or_default(),
                    due: i
                        .due
                        .map(|d| {
                            let d = d.to_offset(time::UtcOffset::UTC);
                            format!(
                                "{} {:02}:{:02} UTC",
                                ctx.tr.date_long(d.date()),
                                d.hour(),
                                d.minute()
                            )
                        })
                        .unwrap_or_default(),
                    overdue: i.due.is_some_and(|d| d < now),
                }
            })
            .collect();
        Ok(respond(
            &ctx,
            StatusCode::OK,
            &DeskPage {
                ctx: ctx.clone(),
                lines,
            },
        ))
    }
    .await;
    finish(&ctx, r)
}
