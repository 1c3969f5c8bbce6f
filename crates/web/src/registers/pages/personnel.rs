//! The personnel register (people, vetting, acknowledgements, assignments, compliance by
//! contributor) and the mission documents. Login required; identities and vetting findings show
//! only when the read model carries them, i.e. for a reader whose need to know covers them.

use crate::shared::gate::{Allowed, Member};
use crate::shared::page::{
    Ctx, FilterLink, Pager, RecordId, RegisterView, finish, iso, pager, register_page, respond,
    the_one,
};
use crate::shared::pieces::{ComplianceLine, Tagged, compliance_lines, short_id, vetting_tag};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_domain::EntryKind;
use konbit_domain::Named;
use konbit_domain::registers::{self as acc, DocumentView, PersonView};
use konbit_store::registers::Register;
use konbit_store::{Visibility, registers::Select};
use time::Date;

/// The mission whose compliance is shown: the one asked for, else the one in office on `on`.
async fn compliance_mission(
    s: &AppState,
    asked: Option<&str>,
    on: Date,
    vis: Visibility,
) -> Result<Option<String>, ApiError> {
    if let Some(m) = asked {
        return Ok(Some(m.to_string()));
    }
    let mut c = s.store.reader(vis).await?;
    Ok(c.mission_in_office(on).await?.map(|m| m.slug))
}

/// A person's line in the register.
struct PersonLine {
    id: String,
    short: String,
    href: String,
    mission: String,
    country: String,
    country_name: String,
    unit: String,
    category: String,
    vetting: Tagged,
    deployed: String,
    service_number: Option<String>,
    rank: Option<String>,
    name: Option<String>,
}

#[derive(Template)]
#[template(path = "personnel.html")]
struct PersonnelPage {
    ctx: Ctx,
    on: String,
    as_of: String,
    action: String,
    filter: Vec<FilterLink>,
    compliance_mission: String,
    compliance_intro: String,
    compliance: Vec<ComplianceLine>,
    people: Vec<PersonLine>,
    pager: Pager,
    show_identity: bool,
}

fn deployed_text(ctx: &Ctx, p: &PersonView) -> String {
    let from = iso(p.deployed_from);
    match p.deployed_until {
        Some(u) => ctx.tr.fmt(
            "personnel-from_until",
            &[("from", &from), ("until", &iso(u))],
        ),
        None => ctx.tr.fmt("personnel-from", &[("from", &from)]),
    }
}

pub(crate) async fn personnel_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
) -> Response {
    let r = async {
        let tr = ctx.tr;
        let RegisterView {
            on,
            vis,
            missions: ms,
            reading,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let page = register_page(&ctx, &ms, "before", EntryKind::PersonRegistered)?;
        let (mut people, _) = s.store.people(&reading, Select::Page(page)).await?;
        let pager = pager(
            &ctx,
            "before",
            people.iter().map(|p| p.meta.origin_seq),
            people.len(),
        );
        people.reverse();
        let cm = compliance_mission(&s, ms.asked.as_deref(), on, vis).await?;
        let compliance = match &cm {
            Some(m) => compliance_lines(&ctx, &s.store.compliance(m, on, vis.as_of_us).await?),
            None => Vec::new(),
        };
        let lines: Vec<PersonLine> = people
            .iter()
            .filter(|p| ms.keeps(&p.mission))
            .map(|p| PersonLine {
                id: p.id.to_string(),
                short: short_id(p.id),
                href: format!("/personnel/{}{}", p.id, ctx.qs),
                mission: ms.name(&p.mission),
                country: p.country.clone(),
                country_name: ctx.country(&p.country),
                unit: p.unit.clone(),
                category: tr.label("cat", p.category.as_str()),
                vetting: vetting_tag(&tr, p.vetting_on(on)),
                deployed: deployed_text(&ctx, p),
                service_number: p.identity.as_ref().map(|i| i.service_number.clone()),
                rank: p.identity.as_ref().map(|i| i.rank.clone()),
                name: p.identity.as_ref().map(|i| i.name.clone()),
            })
            .collect();
        let page = PersonnelPage {
            on: iso(on),
            as_of: ctx.as_of.clone().unwrap_or_default(),
            action: ctx.bare_path.clone(),
            filter: ms.filter,
            compliance_mission: cm
                .map(|m| ms.names.get(&m).cloned().unwrap_or(m))
                .unwrap_or_default(),
            compliance_intro: tr.fmt("personnel-compliance-intro", &[("date", &iso(on))]),
            compliance,
            show_identity: lines.iter().any(|l| l.name.is_some()),
            people: lines,
            pager,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

struct VettingLine {
    on: String,
    status: Tagged,
    by: String,
    findings: Option<String>,
}

struct AckLine {
    on: String,
    document: String,
    current: bool,
}

struct AssignmentLine {
    on: String,
    operation: String,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    ctx: Ctx,
    on: String,
    as_of: String,
    action: String,
    list_href: String,
    title: String,
    id: String,
    short: String,
    mission: String,
    country: String,
    unit: String,
    category: String,
    deployed: String,
    vetting_now: Tagged,
    identity: Option<konbit_domain::registers::PersonIdentity>,
    vetting: Vec<VettingLine>,
    acks: Vec<AckLine>,
    assignments: Vec<AssignmentLine>,
    eligibility_title: String,
    not_eligible: Vec<String>,
    acks_current: bool,
    any_findings: bool,
    restricted_shown: bool,
}

/// "Use-of-force directive 2.0 — title".
fn document_name(ctx: &Ctx, d: &DocumentView) -> String {
    format!(
        "{} {} — {}",
        ctx.tr.label("doc_kind", d.kind.as_str()),
        d.version,
        d.title
    )
}

pub(crate) async fn person_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
    RecordId(id): RecordId,
) -> Response {
    let r = async {
        let tr = ctx.tr;
        let RegisterView {
            on,
            missions: ms,
            reading,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let (people, docs) = s.store.people(&reading, Select::One(id)).await?;
        let p = the_one(people, "person", id)?;
        // The domain says why in English; the reader reads it in their language.
        let not_eligible: Vec<String> = acc::gate(&p, &docs, on)
            .iter()
            .map(|m| tr.domain_message(m))
            .collect();
        let restricted_shown =
            p.identity.is_some() || p.vetting.iter().any(|v| v.findings.is_some());
        let page = PersonPage {
            on: iso(on),
            as_of: ctx.as_of.clone().unwrap_or_default(),
            action: ctx.bare_path.clone(),
            list_href: format!("/personnel{}", ctx.qs),
            title: tr.fmt("personnel-person", &[("id", &short_id(p.id))]),
            id: p.id.to_string(),
            short: short_id(p.id),
            mission: ms.name(&p.mission),
            country: ctx.country(&p.country),
            unit: p.unit.clone(),
            category: tr.label("cat", p.category.as_str()),
            deployed: deployed_text(&ctx, &p),
            vetting_now: vetting_tag(&tr, p.vetting_on(on)),
            vetting: p
                .vetting
                .iter()
                .map(|v| VettingLine {
                    on: iso(v.on),
                    status: vetting_tag(&tr, Some(v.status)),
                    by: v.by.clone(),
                    findings: v.findings.clone(),
                })
                .collect(),
            acks: p
                .acknowledgements
                .iter()
                .map(|a| {
                    let d = docs.iter().find(|d| d.id == a.document);
                    AckLine {
                        on: iso(a.on),
                        document: d
                            .map_or_else(|| a.document.to_string(), |d| document_name(&ctx, d)),
                        current: d.is_some_and(|d| {
                            acc::in_force(&docs, &d.mission, d.kind, on).map(|x| x.id) == Some(d.id)
                        }),
                    }
                })
                .collect(),
            assignments: p
                .assignments
                .iter()
                .map(|a| AssignmentLine {
                    on: iso(a.on),
                    operation: a.operation.clone(),
                })
                .collect(),
            eligibility_title: tr.fmt("personnel-eligibility", &[("date", &iso(on))]),
            not_eligible,
            acks_current: acc::acknowledgements_current(&p, &docs, on),
            identity: p.identity.clone(),
            any_findings: p.vetting.iter().any(|v| v.findings.is_some()),
            restricted_shown,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

struct DocumentLine {
    mission: String,
    kind: String,
    version: String,
    title: String,
    effective_on: String,
    binds: Vec<String>,
    in_force: bool,
    note: Option<String>,
}

#[derive(Template)]
#[template(path = "documents.html")]
struct DocumentsPage {
    ctx: Ctx,
    on: String,
    as_of: String,
    action: String,
    filter: Vec<FilterLink>,
    docs: Vec<DocumentLine>,
}

pub(crate) async fn documents_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
) -> Response {
    let r = async {
        let tr = ctx.tr;
        let RegisterView {
            on,
            missions: ms,
            reading,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let events = s
            .store
            .read_register(&reading, Register::Documents, Select::All)
            .await?;
        let mut docs = acc::documents(&events);
        docs.retain(|d| ms.keeps(&d.mission));
        docs.sort_by_key(|d| (ms.rank(&d.mission), d.kind, d.effective_on));
        let lines = docs
            .iter()
            .map(|d| DocumentLine {
                mission: ms.name(&d.mission),
                kind: tr.label("doc_kind", d.kind.as_str()),
                version: d.version.clone(),
                title: d.title.clone(),
                effective_on: iso(d.effective_on),
                binds: d
                    .binds
                    .iter()
                    .map(|c| tr.label("cat", c.as_str()))
                    .collect(),
                in_force: acc::in_force(&docs, &d.mission, d.kind, on).map(|x| x.id) == Some(d.id),
                note: d.note.clone(),
            })
            .collect();
        let page = DocumentsPage {
            on: iso(on),
            as_of: ctx.as_of.clone().unwrap_or_default(),
            action: ctx.bare_path.clone(),
            filter: ms.filter,
            docs: lines,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}
