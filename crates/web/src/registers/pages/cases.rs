//! Complaints and misconduct cases: the cases, the complaints received from the public, and one
//! page per case with the complaint it came from. Login required; what complainants wrote, case
//! summaries and outcomes show only when the read model carries them (conduct officers).

use crate::shared::gate::{Allowed, Member};
use crate::shared::lists::{self, FilterForm, ListFilter, Pages, Paging};
use crate::shared::page::{
    Ctx, FilterLink, Pager, RecordId, RegisterView, finish, iso, pager, register_page, respond,
    the_one,
};
use crate::shared::pieces::{RecordLink, Tagged, case_status_tag, link, recorded, short_id, when};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_domain::Named;
use konbit_domain::{
    EntryKind,
    registers::{self as acc, CaseView, ComplaintView},
    registers::{CaseStatus, ConductCategory},
};
use konbit_present::Tr;
use konbit_store::registers::Register;
use konbit_store::registers::Select;
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// The orders of the cases: newest opened first (the default), oldest, by status.
const CASE_SORTS: [&str; 3] = ["newest", "oldest", "status"];

struct CaseLine {
    id: String,
    short: String,
    href: String,
    opened: String,
    mission: String,
    category: String,
    /// Restricted (conduct officers): how many allegations, as made and as the UN counts them.
    allegations: Option<String>,
    counted: Option<String>,
    misconduct: Vec<String>,
    investigator: String,
    status: Tagged,
    victim_assistance: bool,
}

fn category(tr: &Tr, c: Option<ConductCategory>) -> String {
    tr.label("conduct", c.map_or("not_assessed", ConductCategory::as_str))
}

fn case_line(ctx: &Ctx, c: &CaseView, mission: String) -> CaseLine {
    let tr = ctx.tr;
    let all = c.allegations.as_deref().unwrap_or_default();
    let mut kinds: Vec<_> = all.iter().map(|a| a.misconduct).collect();
    kinds.sort();
    kinds.dedup();
    CaseLine {
        id: c.id.to_string(),
        short: short_id(c.id),
        href: format!("/cases/{}{}", c.id, ctx.qs),
        opened: iso(c.opened_on),
        mission,
        category: category(&tr, Some(c.category)),
        allegations: c
            .allegations
            .as_ref()
            .map(|a| tr.num(i64::try_from(a.len()).unwrap_or(i64::MAX))),
        counted: c.counted_allegations.map(|n| tr.num(n)),
        misconduct: kinds
            .iter()
            .map(|m| tr.label("misconduct", m.as_str()))
            .collect(),
        investigator: tr.label("investigator", c.investigating_entity.as_str()),
        status: case_status_tag(&tr, c.status),
        victim_assistance: c.victim_assistance,
    }
}

struct ComplaintLine {
    id: String,
    short: String,
    /// Restricted (conduct officers): the reference the complainant holds.
    reference: Option<String>,
    received: String,
    mission: String,
    language: String,
    anonymous: bool,
    status: Tagged,
    category: String,
    case: Option<RecordLink>,
    account: Option<String>,
    occurred_on: Option<String>,
    place: Option<String>,
    name: Option<String>,
    contact: Option<String>,
}

fn complaint_line(ctx: &Ctx, c: &ComplaintView, mission: String) -> ComplaintLine {
    let tr = ctx.tr;
    ComplaintLine {
        id: c.id.to_string(),
        short: short_id(c.id),
        reference: c.reference.clone(),
        received: when(c.received_at),
        mission,
        language: tr.label("form_lang", c.language.as_str()),
        anonymous: c.anonymous,
        status: case_status_tag(&tr, c.status),
        category: category(&tr, c.category),
        case: c.case.map(|k| link("/cases", k, ctx)),
        account: c.account.clone(),
        occurred_on: c.occurred_on.map(iso),
        place: c.place.clone(),
        name: c.name.clone(),
        contact: c.contact.clone(),
    }
}

#[derive(Template)]
#[template(path = "cases.html")]
struct CasesPage {
    ctx: Ctx,
    filter: Vec<FilterLink>,
    cases: Vec<CaseLine>,
    form: FilterForm,
    pages: Pages,
    complaints: Vec<ComplaintLine>,
    complaints_pager: Pager,
    restricted_shown: bool,
}

pub(crate) async fn cases_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
) -> Response {
    let r = async {
        let RegisterView {
            missions: ms,
            reading: r,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let f = ListFilter::read(&ctx, &CASE_SORTS)?;
        let status: Option<CaseStatus> = lists::choice(&ctx, "status")?;
        let paging = Paging::read(&ctx)?;
        let tr = ctx.tr;
        let mut present = BTreeSet::new();
        let listed = s
            .store
            .register_list(
                &r,
                Register::Complaints,
                acc::cases,
                |all| {
                    all.retain(|c| {
                        if !ms.keeps(&c.mission) {
                            return false;
                        }
                        // The contributors are those of the allegations, shown only to the
                        // readers who may see the allegations: for the others a contributor
                        // filter keeps nothing, and says nothing of who is alleged to have done
                        // what.
                        let alleged = c.allegations.as_deref().unwrap_or_default();
                        present.extend(alleged.iter().map(|a| a.country.clone()));
                        f.dates.0.is_none_or(|d| d <= c.opened_on)
                            && f.dates.1.is_none_or(|d| c.opened_on <= d)
                            && f.country
                                .as_deref()
                                .is_none_or(|k| alleged.iter().any(|a| a.country == k))
                            && status.is_none_or(|x| x == c.status)
                            && lists::words_in(
                                &f.q,
                                &[
                                    &short_id(c.id),
                                    &category(&tr, Some(c.category)),
                                    &tr.label("investigator", c.investigating_entity.as_str()),
                                    c.summary.as_deref().unwrap_or_default(),
                                    &alleged
                                        .iter()
                                        .map(|a| {
                                            format!(
                                                "{} {} {}",
                                                a.country,
                                                ctx.country(&a.country),
                                                tr.label("misconduct", a.misconduct.as_str())
                                            )
                                        })
                                        .collect::<Vec<_>>()
                                        .join(" "),
                                ],
                            )
                    });
                    all.sort_by(|a, b| match f.sort.as_str() {
                        "oldest" => a.opened_on.cmp(&b.opened_on),
                        "status" => a.status.cmp(&b.status).then(b.opened_on.cmp(&a.opened_on)),
                        _ => b.opened_on.cmp(&a.opened_on),
                    });
                },
                |c| c.id,
                paging.slice(),
            )
            .await?;
        let cases = listed.items;
        let form = FilterForm::new(
            &ctx,
            &f,
            present,
            tr.t("table-status"),
            lists::options(
                &ctx,
                status.map_or("", CaseStatus::as_str),
                CaseStatus::ALL
                    .iter()
                    .map(|v| (v.as_str().to_string(), tr.label("case_status", v.as_str()))),
            ),
            tr.t("cases-opened"),
            &CASE_SORTS,
            &paging,
            tr.t("cases-search-hint"),
        );
        let pages = lists::pages(&ctx, &paging, listed.total, "cases-match");
        let complaint_page =
            register_page(&ctx, &ms, "complaints_before", EntryKind::ComplaintReceived)?;
        let mut complaints = s.store.complaints(&r, Select::Page(complaint_page)).await?;
        let complaints_pager = pager(
            &ctx,
            "complaints_before",
            complaints.iter().map(|c| c.meta.origin_seq),
            complaints.len(),
        );
        complaints.sort_by_key(|c| Reverse(c.received_at));
        let page = CasesPage {
            form,
            pages,
            complaints_pager,
            cases: cases
                .iter()
                .map(|c| case_line(&ctx, c, ms.name(&c.mission)))
                .collect(),
            complaints: complaints
                .iter()
                .map(|c| complaint_line(&ctx, c, ms.name(&c.mission)))
                .collect(),
            restricted_shown: complaints.iter().any(|c| c.reference.is_some())
                || cases.iter().any(|c| c.allegations.is_some()),
            filter: ms.filter,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

struct AllegationLine {
    person: Option<RecordLink>,
    country: String,
    misconduct: String,
}

struct StepLine {
    on: String,
    status: Tagged,
    by: String,
    outcome: Option<String>,
    actions: Option<String>,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    ctx: Ctx,
    list_href: String,
    title: String,
    line: CaseLine,
    /// Restricted (conduct officers).
    allegations: Option<Vec<AllegationLine>>,
    history: Vec<StepLine>,
    summary: Option<String>,
    interim: Option<String>,
    complaint: Option<ComplaintLine>,
    recorded: String,
    restricted_shown: bool,
}

pub(crate) async fn case_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
    RecordId(id): RecordId,
) -> Response {
    let r = async {
        let tr = ctx.tr;
        let RegisterView {
            missions: ms,
            reading: r,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        // The case, then the complaint it came from: each read through the need to know (and
        // recorded when it shows restricted fields), nothing else of the register.
        let cases = s.store.cases(&r, Select::One(id)).await?;
        let c = the_one(&cases, "case", id)?;
        let complaint = match c.complaint {
            Some(cid) => {
                let events = s
                    .store
                    .read_register(&r, Register::Complaints, Select::One(cid))
                    .await?;
                acc::complaints(&events, &cases).into_iter().next()
            }
            None => None,
        };
        let page = CasePage {
            list_href: format!("/cases{}", ctx.qs),
            title: tr.fmt("cases-case", &[("date", &iso(c.opened_on))]),
            line: case_line(&ctx, c, ms.name(&c.mission)),
            allegations: c.allegations.as_ref().map(|all| {
                all.iter()
                    .map(|a| AllegationLine {
                        person: a.person.map(|p| link("/personnel", p, &ctx)),
                        country: ctx.country(&a.country),
                        misconduct: tr.label("misconduct", a.misconduct.as_str()),
                    })
                    .collect()
            }),
            history: c
                .history
                .iter()
                .map(|h| StepLine {
                    on: iso(h.on),
                    status: case_status_tag(&tr, h.status),
                    by: h.by.trim_start_matches("user:").to_string(),
                    outcome: h.outcome.clone(),
                    actions: h.actions.clone(),
                })
                .collect(),
            summary: c.summary.clone(),
            interim: c.interim_measures.clone(),
            restricted_shown: c.summary.is_some()
                || c.allegations.is_some()
                || complaint.as_ref().is_some_and(|k| k.account.is_some()),
            complaint: complaint
                .as_ref()
                .map(|k| complaint_line(&ctx, k, ms.name(&k.mission))),
            recorded: recorded(&tr, &c.meta),
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}
