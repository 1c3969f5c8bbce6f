//! The personnel register (people, vetting, acknowledgements, assignments, compliance by
//! contributor) and the mission documents. Login required; identities and vetting findings show
//! only when the read model carries them, i.e. for a reader whose need to know covers them.

use crate::shared::gate::{Allowed, Member};
use crate::shared::lists::{self, Opt, Pages, Paging, per_options, sort_options};
use crate::shared::page::{Ctx, FilterLink, RecordId, RegisterView, finish, iso, respond, the_one};
use crate::shared::pieces::{ComplianceLine, Tagged, compliance_lines, short_id, vetting_tag};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_domain::registers::{
    self as acc, DocumentKind, DocumentView, PersonView, VettingStatus,
};
use konbit_domain::{Category, Named};
use konbit_store::registers::Register;
use konbit_store::{Visibility, registers::Select};
use std::cmp::Ordering;
use std::collections::BTreeSet;
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
    pages: Pages,
    show_identity: bool,
    /// The search and filters as asked, to show them again.
    q: String,
    countries: Vec<Opt>,
    categories: Vec<Opt>,
    vettings: Vec<Opt>,
    deployments: Vec<Opt>,
    sorts: Vec<Opt>,
    pers: Vec<Opt>,
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

/// The orders the register can be read in; the first is the default.
const PERSON_SORTS: [&str; 5] = ["newest", "oldest", "country", "unit", "deployed"];

/// Where a person stands on the day shown: deployed, or relieved (their last day has passed).
const DEPLOYMENTS: [&str; 2] = ["deployed", "relieved"];

/// The register's search and filters, read from the query and checked.
struct PersonFilter {
    q: String,
    country: Option<String>,
    category: Option<Category>,
    /// A vetting status, or `none` (no result yet).
    vetting: Option<String>,
    deployment: Option<String>,
    sort: String,
}

impl PersonFilter {
    fn read(ctx: &Ctx) -> Result<PersonFilter, ApiError> {
        let vetting = match ctx.param("vetting").unwrap_or_default().trim() {
            "" => None,
            "none" => Some("none".to_string()),
            v => Some(
                v.parse::<VettingStatus>()
                    .map_err(|_| lists::bad(ctx, "vetting", "unknown"))?
                    .as_str()
                    .to_string(),
            ),
        };
        let deployment = match lists::one_of(ctx, "deployment", &["", "deployed", "relieved"])? {
            d if d.is_empty() => None,
            d => Some(d),
        };
        Ok(PersonFilter {
            q: lists::search(ctx, "q")?,
            country: lists::country(ctx, "country")?,
            category: lists::choice(ctx, "category")?,
            vetting,
            deployment,
            sort: lists::one_of(ctx, "sort", &PERSON_SORTS)?,
        })
    }

    /// Whether `p` is kept on `on`. The search reads only what the reader is shown: a person's
    /// identity is in the view only within the reader's need to know, so a name or service
    /// number withheld from them cannot be matched.
    fn keeps(&self, ctx: &Ctx, p: &PersonView, on: Date) -> bool {
        let identity = p.identity.as_ref();
        self.country.as_deref().is_none_or(|c| c == p.country)
            && self.category.is_none_or(|c| c == p.category)
            && self
                .vetting
                .as_deref()
                .is_none_or(|v| p.vetting_on(on).map_or("none", VettingStatus::as_str) == v)
            && self.deployment.as_deref().is_none_or(|d| match d {
                "deployed" => p.deployed_on(on),
                _ => p.deployed_until.is_some_and(|u| u < on),
            })
            && lists::words_in(
                &self.q,
                &[
                    &short_id(p.id),
                    &p.unit,
                    &p.country,
                    &ctx.country(&p.country),
                    identity.map_or("", |i| i.service_number.as_str()),
                    identity.map_or("", |i| i.name.as_str()),
                    identity.map_or("", |i| i.rank.as_str()),
                ],
            )
    }

    fn order(&self, a: &PersonView, b: &PersonView) -> Ordering {
        let newest = b.meta.origin_seq.cmp(&a.meta.origin_seq);
        match self.sort.as_str() {
            "oldest" => newest.reverse(),
            "country" => (&a.country, &a.unit)
                .cmp(&(&b.country, &b.unit))
                .then(newest),
            "unit" => (&a.unit, &a.country)
                .cmp(&(&b.unit, &b.country))
                .then(newest),
            "deployed" => b.deployed_from.cmp(&a.deployed_from).then(newest),
            _ => newest,
        }
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
        let f = PersonFilter::read(&ctx)?;
        let paging = Paging::read(&ctx)?;
        // The contributors in the register (of the mission asked for), for the filter: gathered
        // while the filter reads every record, so the register is read once.
        let mut present: BTreeSet<String> = BTreeSet::new();
        let listed = s
            .store
            .register_list(
                &reading,
                Register::Personnel,
                acc::people,
                |all| {
                    all.retain(|p| {
                        if !ms.keeps(&p.mission) {
                            return false;
                        }
                        present.insert(p.country.clone());
                        f.keeps(&ctx, p, on)
                    });
                    all.sort_by(|a, b| f.order(a, b));
                },
                |p| p.id,
                paging.slice(),
            )
            .await?;
        let cm = compliance_mission(&s, ms.asked.as_deref(), on, vis).await?;
        let compliance = match &cm {
            Some(m) => compliance_lines(&ctx, &s.store.compliance(m, on, vis.as_of_us).await?),
            None => Vec::new(),
        };
        let lines: Vec<PersonLine> = listed
            .items
            .iter()
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
        if let Some(c) = &f.country {
            present.insert(c.clone());
        }
        let mut countries: Vec<(String, String)> = present
            .into_iter()
            .map(|c| (c.clone(), format!("{} ({c})", ctx.country(&c))))
            .collect();
        countries.sort_by(|a, b| a.1.cmp(&b.1));
        let page = PersonnelPage {
            on: iso(on),
            as_of: ctx.as_of.clone().unwrap_or_default(),
            action: ctx.bare_path.clone(),
            compliance_mission: cm
                .map(|m| ms.names.get(&m).cloned().unwrap_or(m))
                .unwrap_or_default(),
            compliance_intro: tr.fmt("personnel-compliance-intro", &[("date", &iso(on))]),
            compliance,
            show_identity: lines.iter().any(|l| l.name.is_some()),
            people: lines,
            pages: lists::pages(&ctx, &paging, listed.total, "personnel-match"),
            countries: lists::options(&ctx, f.country.as_deref().unwrap_or_default(), countries),
            categories: lists::options(
                &ctx,
                f.category.map_or("", Category::as_str),
                Category::ALL
                    .iter()
                    .map(|c| (c.as_str().to_string(), tr.label("cat", c.as_str()))),
            ),
            vettings: lists::options(
                &ctx,
                f.vetting.as_deref().unwrap_or_default(),
                VettingStatus::ALL
                    .iter()
                    .map(|v| (v.as_str().to_string(), tr.label("vetting", v.as_str())))
                    .chain([("none".to_string(), tr.t("personnel-no_vetting"))]),
            ),
            deployments: lists::options(
                &ctx,
                f.deployment.as_deref().unwrap_or_default(),
                DEPLOYMENTS
                    .iter()
                    .map(|d| (d.to_string(), tr.label("personnel-deployment", d))),
            ),
            sorts: sort_options(&ctx, &f.sort, &PERSON_SORTS, "filter-sort"),
            pers: per_options(&ctx, paging.per),
            q: f.q,
            filter: ms.filter,
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
    q: String,
    kinds: Vec<Opt>,
    clear: Option<String>,
    count: String,
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
        let q = lists::search(&ctx, "q")?;
        let kind: Option<DocumentKind> = lists::choice(&ctx, "kind")?;
        let mut docs = acc::documents(&events);
        docs.retain(|d| ms.keeps(&d.mission));
        docs.sort_by_key(|d| (ms.rank(&d.mission), d.kind, d.effective_on));
        let total = docs.len();
        let lines: Vec<DocumentLine> = docs
            .iter()
            .filter(|d| {
                kind.is_none_or(|k| k == d.kind)
                    && lists::words_in(
                        &q,
                        &[
                            &tr.label("doc_kind", d.kind.as_str()),
                            &d.version,
                            &d.title,
                            d.note.as_deref().unwrap_or_default(),
                        ],
                    )
            })
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
            count: if lines.len() == total {
                tr.fmt("documents-count", &[("n", &total)])
            } else {
                tr.fmt("documents-shown", &[("n", &lines.len()), ("total", &total)])
            },
            docs: lines,
            kinds: lists::options(
                &ctx,
                kind.map_or("", DocumentKind::as_str),
                DocumentKind::ALL
                    .iter()
                    .map(|k| (k.as_str().to_string(), tr.label("doc_kind", k.as_str()))),
            ),
            clear: lists::filtered(&ctx).then(|| lists::cleared(&ctx)),
            q,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}
