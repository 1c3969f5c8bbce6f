//! Use of force and detention: the reports with their review clock (overdue reviews first), the
//! detentions with their handover clock and the minor flag, and one page for each record. Login
//! required; narratives, grounds, detainees and the personnel involved show only when the read
//! model carries them.

use crate::shared::gate::{Allowed, Member};
use crate::shared::lists::{self, FilterForm, ListFilter, Pages, Paging};
use crate::shared::page::{Ctx, FilterLink, RecordId, RegisterView, finish, iso, respond, the_one};
use crate::shared::pieces::{
    RecordLink, Tagged, clock_tag, link, recorded, review_tag, short_id, when,
};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_domain::Named;
use konbit_domain::{
    registers::Casualties,
    registers::{self as acc, ClockState, DetentionView, ReviewStatus, UseOfForceView},
};
use konbit_present::Tr;
use konbit_store::registers::Reading;
use konbit_store::registers::{Register, Select};
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// A report's line in the list.
struct ReportLine {
    link: RecordLink,
    occurred: String,
    mission: String,
    country: String,
    unit: String,
    place: String,
    level: String,
    rounds: String,
    injured: String,
    killed: String,
    submitted: String,
    late: bool,
    review: Tagged,
    review_due: String,
    /// The review is over (cleared or referred): no due date to show.
    review_final: bool,
    overdue: bool,
}

fn report_line(ctx: &Ctx, r: &UseOfForceView, mission: String) -> ReportLine {
    let tr = ctx.tr;
    ReportLine {
        link: link("/use-of-force", r.id, ctx),
        occurred: when(r.occurred_at),
        mission,
        country: ctx.country(&r.country),
        unit: r.unit.clone(),
        place: r.place.clone(),
        level: tr.label("level", r.level.as_str()),
        rounds: tr.num(r.rounds_fired),
        injured: tr.num(r.injured.total()),
        killed: tr.num(r.killed.total()),
        submitted: when(r.submitted_at),
        late: r.late,
        review: review_tag(&tr, r.review),
        review_due: when(r.review_due),
        review_final: r.review.is_final(),
        overdue: r.review_overdue,
    }
}

#[derive(Template)]
#[template(path = "use_of_force.html")]
struct UseOfForcePage {
    ctx: Ctx,
    on: String,
    as_of: String,
    action: String,
    filter: Vec<FilterLink>,
    overdue: Vec<ReportLine>,
    reports: Vec<ReportLine>,
    form: FilterForm,
    pages: Pages,
    restricted_shown: bool,
}

pub(crate) async fn use_of_force_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
) -> Response {
    let r = async {
        let RegisterView {
            on,
            vis,
            missions: ms,
            reading,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let f = ListFilter::read(&ctx, &REPORT_SORTS)?;
        let status: Option<ReviewStatus> = lists::choice(&ctx, "status")?;
        let paging = Paging::read(&ctx)?;
        let tr = ctx.tr;
        let mut present = BTreeSet::new();
        let now = reading.now();
        let listed = s
            .store
            .register_list(
                &reading,
                Register::Force,
                |ev| acc::use_of_force(ev, s.rules(), now),
                |all| {
                    all.retain(|r| {
                        if !ms.keeps(&r.mission) {
                            return false;
                        }
                        present.insert(r.country.clone());
                        f.keeps(Some(&r.country), r.occurred_at.date())
                            && status.is_none_or(|x| x == r.review)
                            && lists::words_in(
                                &f.q,
                                &[
                                    &short_id(r.id),
                                    &r.country,
                                    &ctx.country(&r.country),
                                    &r.unit,
                                    &r.place,
                                    &tr.label("level", r.level.as_str()),
                                    r.narrative.as_deref().unwrap_or_default(),
                                ],
                            )
                    });
                    all.sort_by(|a, b| match f.sort.as_str() {
                        "oldest" => a.occurred_at.cmp(&b.occurred_at),
                        "country" => a
                            .country
                            .cmp(&b.country)
                            .then(b.occurred_at.cmp(&a.occurred_at)),
                        "status" => a
                            .review
                            .cmp(&b.review)
                            .then(b.occurred_at.cmp(&a.occurred_at)),
                        _ => b.occurred_at.cmp(&a.occurred_at),
                    });
                },
                |r| r.id,
                paging.slice(),
            )
            .await?;
        let reports = listed.items;
        let form = FilterForm::new(
            &ctx,
            &f,
            present,
            tr.t("uof-review"),
            lists::options(
                &ctx,
                status.map_or("", ReviewStatus::as_str),
                ReviewStatus::ALL
                    .iter()
                    .map(|v| (v.as_str().to_string(), tr.label("review", v.as_str()))),
            ),
            tr.t("uof-occurred"),
            &REPORT_SORTS,
            &paging,
            tr.t("uof-search-hint"),
        );
        let pages = lists::pages(&ctx, &paging, listed.total, "uof-match");
        // Overdue reviews are work due whatever page is shown: all of them, from the
        // mission-level fields (no restricted read).
        let (mut overdue, _) = s
            .store
            .force_records(&Reading::public(vis.as_of_us), Select::All, s.rules())
            .await?;
        overdue.retain(|r| r.review_overdue && ms.keeps(&r.mission));
        overdue.sort_by_key(|r| r.review_due);
        let page = UseOfForcePage {
            on: iso(on),
            as_of: ctx.as_of.clone().unwrap_or_default(),
            action: ctx.bare_path.clone(),
            overdue: overdue
                .iter()
                .map(|r| report_line(&ctx, r, ms.name(&r.mission)))
                .collect(),
            reports: reports
                .iter()
                .map(|r| report_line(&ctx, r, ms.name(&r.mission)))
                .collect(),
            form,
            pages,
            restricted_shown: reports.iter().any(|r| r.narrative.is_some()),
            filter: ms.filter,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

/// One row of the casualty table: a kind of person, injured and killed.
struct CasualtyLine {
    who: String,
    injured: String,
    killed: String,
}

fn casualties(tr: &Tr, injured: &Casualties, killed: &Casualties) -> Vec<CasualtyLine> {
    injured
        .cells()
        .iter()
        .zip(killed.cells())
        .filter(|((_, i), (_, k))| *i != 0 || *k != 0)
        .map(|((who, i), (_, k))| CasualtyLine {
            who: tr.label("casualty", who),
            injured: tr.num(*i),
            killed: tr.num(k),
        })
        .collect()
}

struct ReviewLine {
    status: Tagged,
    by: String,
    at: String,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "use_of_force_report.html")]
struct ReportPage {
    ctx: Ctx,
    list_href: String,
    title: String,
    line: ReportLine,
    casualties: Vec<CasualtyLine>,
    reviews: Vec<ReviewLine>,
    any_reason: bool,
    detention: Option<RecordLink>,
    incident: Option<String>,
    persons: Option<Vec<RecordLink>>,
    narrative: Option<String>,
    recorded: String,
    restricted_shown: bool,
}

pub(crate) async fn report_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
    RecordId(id): RecordId,
) -> Response {
    let r = async {
        let tr = ctx.tr;
        let RegisterView {
            missions: ms,
            reading,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let (reports, _) = s
            .store
            .force_records(&reading, Select::One(id), s.rules())
            .await?;
        let r = the_one(reports, "use-of-force report", id)?;
        let reviews: Vec<ReviewLine> = r
            .reviews
            .iter()
            .map(|x| ReviewLine {
                status: review_tag(&tr, x.status),
                by: x.by.trim_start_matches("user:").to_string(),
                at: when(x.at),
                reason: x.reason.clone(),
            })
            .collect();
        let page = ReportPage {
            list_href: format!("/use-of-force{}", ctx.qs),
            title: format!("{} {}", tr.t("uof-report"), short_id(r.id)),
            line: report_line(&ctx, &r, ms.name(&r.mission)),
            casualties: casualties(&tr, &r.injured, &r.killed),
            any_reason: reviews.iter().any(|x| x.reason.is_some()),
            reviews,
            detention: r.detention.map(|d| link("/detentions", d, &ctx)),
            incident: r.incident.map(|i| i.to_string()),
            persons: r
                .persons_involved
                .as_ref()
                .map(|ps| ps.iter().map(|p| link("/personnel", *p, &ctx)).collect()),
            narrative: r.narrative.clone(),
            recorded: recorded(&tr, &r.meta),
            restricted_shown: r.narrative.is_some() || r.persons_involved.is_some(),
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

/// A detention's line in the list.
struct DetentionLine {
    link: RecordLink,
    arrested: String,
    mission: String,
    country: String,
    unit: String,
    place: String,
    clock: Tagged,
    deadline: String,
    ended: Option<String>,
    minor: bool,
    harm: Option<String>,
}

fn detention_line(ctx: &Ctx, d: &DetentionView, mission: String) -> DetentionLine {
    let tr = ctx.tr;
    DetentionLine {
        link: link("/detentions", d.id, ctx),
        arrested: when(d.arrested_at),
        mission,
        country: ctx.country(&d.country),
        unit: d.arresting_unit.clone(),
        place: d.place.clone(),
        clock: clock_tag(&tr, d.clock),
        deadline: when(d.deadline),
        ended: d.ended_at().map(when),
        minor: d.minor(),
        harm: d.harm_in_custody.map(|h| tr.label("harm", h.as_str())),
    }
}

#[derive(Template)]
#[template(path = "detentions.html")]
struct DetentionsPage {
    ctx: Ctx,
    on: String,
    as_of: String,
    action: String,
    filter: Vec<FilterLink>,
    detentions: Vec<DetentionLine>,
    form: FilterForm,
    pages: Pages,
    restricted_shown: bool,
}

/// The clocks a detention can be filtered by, most urgent first.
const CLOCKS: [ClockState; 4] = [
    ClockState::Overdue,
    ClockState::Due,
    ClockState::Breached,
    ClockState::Met,
];

/// The orders of the detentions: most urgent first (the default), newest, oldest, contributor.
const DETENTION_SORTS: [&str; 4] = ["urgency", "newest", "oldest", "country"];

/// The orders of the reports.
const REPORT_SORTS: [&str; 4] = ["newest", "oldest", "country", "status"];

/// Custody past the deadline first, then custody running, then the closed clocks; latest
/// arrest first within each.
fn urgency(c: ClockState) -> u8 {
    match c {
        ClockState::Overdue => 0,
        ClockState::Due => 1,
        ClockState::Breached => 2,
        ClockState::Met => 3,
    }
}

pub(crate) async fn detentions_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
) -> Response {
    let r = async {
        let RegisterView {
            on,
            missions: ms,
            reading,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let f = ListFilter::read(&ctx, &DETENTION_SORTS)?;
        let clock = match ctx.param("status").unwrap_or_default().trim() {
            "" => None,
            v => Some(
                CLOCKS
                    .into_iter()
                    .find(|c| c.as_str() == v)
                    .ok_or_else(|| lists::bad(&ctx, "status", "unknown"))?,
            ),
        };
        let paging = Paging::read(&ctx)?;
        let tr = ctx.tr;
        let mut present = BTreeSet::new();
        let now = reading.now();
        let listed = s
            .store
            .register_list(
                &reading,
                Register::Force,
                |ev| acc::detentions(ev, s.rules(), now),
                |all| {
                    all.retain(|d| {
                        if !ms.keeps(&d.mission) {
                            return false;
                        }
                        present.insert(d.country.clone());
                        let person = d.person.as_ref();
                        f.keeps(Some(&d.country), d.arrested_at.date())
                            && clock.is_none_or(|c| c == d.clock)
                            && lists::words_in(
                                &f.q,
                                &[
                                    &short_id(d.id),
                                    &d.country,
                                    &ctx.country(&d.country),
                                    &d.arresting_unit,
                                    &d.place,
                                    d.grounds.as_deref().unwrap_or_default(),
                                    person.and_then(|p| p.name.as_deref()).unwrap_or_default(),
                                ],
                            )
                    });
                    all.sort_by(|a, b| match f.sort.as_str() {
                        "newest" => b.arrested_at.cmp(&a.arrested_at),
                        "oldest" => a.arrested_at.cmp(&b.arrested_at),
                        "country" => a
                            .country
                            .cmp(&b.country)
                            .then(b.arrested_at.cmp(&a.arrested_at)),
                        _ => (urgency(a.clock), Reverse(a.arrested_at))
                            .cmp(&(urgency(b.clock), Reverse(b.arrested_at))),
                    });
                },
                |d| d.id,
                paging.slice(),
            )
            .await?;
        let list = listed.items;
        let form = FilterForm::new(
            &ctx,
            &f,
            present,
            tr.t("detention-clock"),
            lists::options(
                &ctx,
                clock.map_or("", ClockState::as_str),
                CLOCKS
                    .iter()
                    .map(|c| (c.as_str().to_string(), tr.label("clock", c.as_str()))),
            ),
            tr.t("detention-arrested"),
            &DETENTION_SORTS,
            &paging,
            tr.t("detention-search-hint"),
        );
        let pages = lists::pages(&ctx, &paging, listed.total, "detention-match");
        let page = DetentionsPage {
            on: iso(on),
            as_of: ctx.as_of.clone().unwrap_or_default(),
            action: ctx.bare_path.clone(),
            detentions: list
                .iter()
                .map(|d| detention_line(&ctx, d, ms.name(&d.mission)))
                .collect(),
            form,
            pages,
            restricted_shown: list
                .iter()
                .any(|d| d.person.is_some() || d.grounds.is_some()),
            filter: ms.filter,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

struct HandoverLine {
    at: String,
    station: String,
    officer: Option<String>,
}

struct ReleaseLine {
    at: String,
    reason: String,
}

/// The detainee, as far as the reader may know.
struct DetaineeView {
    name: Option<String>,
    sex: String,
    age: Option<String>,
    minor: bool,
}

#[derive(Template)]
#[template(path = "detention.html")]
struct DetentionPage {
    ctx: Ctx,
    list_href: String,
    title: String,
    line: DetentionLine,
    medical: Option<String>,
    family: Option<String>,
    handover: Option<HandoverLine>,
    release: Option<ReleaseLine>,
    use_of_force: Option<RecordLink>,
    incident: Option<String>,
    grounds: Option<String>,
    detainee: Option<DetaineeView>,
    recorded: String,
    restricted_shown: bool,
}

pub(crate) async fn detention_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
    RecordId(id): RecordId,
) -> Response {
    let r = async {
        let tr = ctx.tr;
        let RegisterView {
            missions: ms,
            reading,
            ..
        } = RegisterView::open(&s, &ctx, &user).await?;
        let (_, list) = s
            .store
            .force_records(&reading, Select::One(id), s.rules())
            .await?;
        let d = the_one(list, "detention", id)?;
        let page = DetentionPage {
            list_href: format!("/detentions{}", ctx.qs),
            title: format!("{} {}", tr.t("detention-one"), short_id(d.id)),
            line: detention_line(&ctx, &d, ms.name(&d.mission)),
            medical: d.medical_check_at.map(when),
            family: d.family_notified_at.map(when),
            handover: d.handover.as_ref().map(|h| HandoverLine {
                at: when(h.at),
                station: h.station.clone(),
                officer: h.receiving_officer.clone(),
            }),
            release: d.release.as_ref().map(|r| ReleaseLine {
                at: when(r.at),
                reason: r.reason.clone(),
            }),
            use_of_force: d.use_of_force.map(|u| link("/use-of-force", u, &ctx)),
            incident: d.incident.map(|i| i.to_string()),
            grounds: d.grounds.clone(),
            detainee: d.person.as_ref().map(|p| DetaineeView {
                name: p.name.clone(),
                sex: tr.label("sex", p.sex.as_str()),
                age: p.age.map(|a| tr.num(a)),
                minor: p.minor,
            }),
            recorded: recorded(&tr, &d.meta),
            restricted_shown: d.person.is_some() || d.grounds.is_some(),
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_custody_comes_first() {
        let mut v = ClockState::ALL.to_vec();
        v.sort_by_key(|c| urgency(*c));
        assert_eq!(
            v,
            vec![
                ClockState::Overdue,
                ClockState::Due,
                ClockState::Breached,
                ClockState::Met
            ]
        );
    }

    #[test]
    fn only_casualty_kinds_with_someone_are_listed() {
        let injured = Casualties {
            civilian: 2,
            ..Casualties::default()
        };
        let killed = Casualties {
            suspected_gang_member: 1,
            ..Casualties::default()
        };
        let lines = casualties(&Tr::en(), &injured, &killed);
        let got: Vec<(&str, &str, &str)> = lines
            .iter()
            .map(|l| (l.who.as_str(), l.injured.as_str(), l.killed.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("civilians", "2", "0"),
                ("suspected gang members", "0", "1")
            ]
        );
    }
}
