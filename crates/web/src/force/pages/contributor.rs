//! A contributor's record in a mission: its pledges, movements and authorizations, with their
//! sources and the disagreements between them.

use crate::shared::page::{Ctx, finish, iso, load, respond};
use crate::shared::pieces::{
    DiscLine, SourceBook, SourceRef, badges, describe, figures, instruments,
};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use konbit_domain::Named;
use konbit_domain::force::InstrumentStatus;
use uuid::Uuid;

struct PledgeLine {
    on: String,
    change: String,
    status: String,
    figures: Vec<String>,
    equipment: Option<String>,
    money: Option<String>,
    note: Option<String>,
    sources: Vec<SourceRef>,
    discs: Vec<DiscLine>,
    badges: Vec<String>,
}

struct MoveLine {
    on: String,
    movement: String,
    arriving: String,
    leaving: String,
    unit: Option<String>,
    note: Option<String>,
    override_reason: Option<String>,
    sources: Vec<SourceRef>,
    discs: Vec<DiscLine>,
    badges: Vec<String>,
}

struct AuthLine {
    kind: String,
    title: String,
    issued_on: String,
    status: String,
    status_class: &'static str,
    note: Option<String>,
    sources: Vec<SourceRef>,
    discs: Vec<DiscLine>,
    badges: Vec<String>,
}

#[derive(Template)]
#[template(path = "contributor.html")]
struct ContributorPage {
    ctx: Ctx,
    mission_name: String,
    mission_href: String,
    name: String,
    code: String,
    on: String,
    pledged: Vec<String>,
    deployed: Vec<String>,
    pledged_total: String,
    deployed_total: String,
    missing: Vec<String>,
    pledges: Vec<PledgeLine>,
    moves: Vec<MoveLine>,
    auths: Vec<AuthLine>,
    pledge_href: String,
    deployment_href: String,
    /// What the press says of this contributor's personnel and money in this mission (staff
    /// only: the articles' pages are theirs).
    press: Vec<crate::shared::press::PressLine>,
}

pub(crate) async fn contributor_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((slug, code)): Path<(String, String)>,
) -> Response {
    let r = contributor(&s, ctx.clone(), slug, code).await;
    finish(&ctx, r)
}

async fn contributor(
    s: &AppState,
    mut ctx: Ctx,
    slug: String,
    code: String,
) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let code = code.to_ascii_uppercase();
    let snap = load(s, Some(slug.clone()), on, vis)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("mission {slug:?}")))?;
    ctx.mission = Some(slug.clone());
    let d = crate::force::api::contributor_detail(s, &snap, &code, on, vis).await?;
    let tr = ctx.tr;
    let book = SourceBook::new(&d.sources);

    // A discrepancy about a pledge applies to the pledge, not one version: show it once.
    let mut shown: Vec<Uuid> = Vec::new();
    let pledges = d
        .pledges
        .iter()
        .rev()
        .map(|p| {
            let discs = if shown.contains(&p.id) {
                Vec::new()
            } else {
                shown.push(p.id);
                book.discs(&d.discrepancies, p.id)
            };
            PledgeLine {
                on: iso(p.on),
                change: tr.label("change", &p.change),
                status: tr.label("pledge_status", p.status.as_str()),
                figures: figures(&tr, &p.personnel),
                equipment: p.equipment.clone(),
                money: p
                    .money
                    .as_ref()
                    .map(|m| format!("{} {}", tr.num(m.amount), m.currency)),
                note: p.note.clone(),
                sources: book.refs(&p.meta.sources),
                discs,
                badges: badges(&tr, &p.meta),
            }
        })
        .collect();
    let moves = d
        .deployments
        .iter()
        .rev()
        .map(|m| MoveLine {
            on: iso(m.on),
            movement: tr.label("movement", m.movement.as_str()),
            arriving: describe(&tr, &m.arriving),
            leaving: describe(&tr, &m.leaving),
            unit: m.unit.clone(),
            note: m.note.clone(),
            override_reason: m.override_reason.clone(),
            sources: book.refs(&m.meta.sources),
            discs: book.discs(&d.discrepancies, m.id),
            badges: badges(&tr, &m.meta),
        })
        .collect();
    let auths = d
        .authorizations
        .iter()
        .map(|a| AuthLine {
            kind: tr.label("instrument", a.kind.as_str()),
            title: a.title.clone(),
            issued_on: iso(a.issued_on),
            status: tr.label("status", a.status.as_str()),
            status_class: status_class(a.status),
            note: a.note.clone(),
            sources: book.refs(&a.meta.sources),
            discs: book.discs(&d.discrepancies, a.id),
            badges: badges(&tr, &a.meta),
        })
        .collect();
    let press = if ctx.is_member() {
        crate::shared::press::about(s, &ctx, |c, j| {
            c.subject == code
                && matches!(c.kind.as_str(), "personnel" | "money")
                && j.is_none_or(|j| j.mission == slug)
        })
        .await?
    } else {
        Vec::new()
    };
    let page = ContributorPage {
        mission_name: snap.mission.name.clone(),
        mission_href: format!("/missions/{slug}{}", ctx.qs),
        name: ctx.country(&code),
        code: code.clone(),
        on: iso(on),
        pledged: figures(&tr, &d.summary.pledged),
        deployed: figures(&tr, &d.summary.deployed),
        pledged_total: tr.num(d.summary.pledged.total()),
        deployed_total: tr.num(d.summary.deployed.total()),
        missing: instruments(&tr, &d.summary.missing_instruments),
        pledges,
        moves,
        auths,
        pledge_href: format!(
            "/pledges/new?mission={slug}&country={code}&next={}",
            crate::shared::page::enc(&format!("/missions/{slug}/contributors/{code}"))
        ),
        press,
        deployment_href: format!(
            "/deployments/new?mission={slug}&country={code}&next={}",
            crate::shared::page::enc(&format!("/missions/{slug}/contributors/{code}"))
        ),
        ctx: ctx.clone(),
    };
    Ok(respond(&ctx, StatusCode::OK, &page))
}

fn status_class(s: InstrumentStatus) -> &'static str {
    match s {
        InstrumentStatus::Granted | InstrumentStatus::InForce => "st-good",
        InstrumentStatus::Pending => "st-wait",
        _ => "st-bad",
    }
}
