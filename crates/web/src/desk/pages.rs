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
    Router::new()
        .route("/desk", get(desk_page))
        .route(
            "/desk/calendar",
            axum::routing::post(super::calendar::issue),
        )
        .route("/desk.ics", get(super::calendar::feed))
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
    /// A calendar address just issued (shown once).
    feed: Option<String>,
}

async fn desk_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(u, ..): Allowed<Member>,
) -> Response {
    render(&s, &ctx, &u, None).await
}

/// The desk of `u`, with a calendar address just issued if there is one.
pub(crate) async fn render(
    s: &AppState,
    ctx: &Ctx,
    u: &konbit_store::User,
    feed: Option<String>,
) -> Response {
    let r = async {
        let now = time::OffsetDateTime::now_utc();
        let lines = super::items(&s.store, s.rules(), u)
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
        let page = DeskPage {
            ctx: ctx.clone(),
            lines,
            feed,
        };
        let mut r = respond(ctx, StatusCode::OK, &page);
        // The page may show a calendar secret.
        r.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        Ok(r)
    }
    .await;
    finish(ctx, r)
}
