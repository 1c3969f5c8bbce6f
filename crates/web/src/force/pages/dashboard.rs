//! The mission dashboard: the mission's card (mandates, expiry, succession), the strength chart,
//! the contributors' table, the funding table and, for logged-in users, vetting and
//! acknowledgements by contributor.

use crate::shared::page::{Ctx, empty_page, finish, iso, load, mission_names, respond};
use crate::shared::pieces::{ComplianceLine, Link, compliance_lines, figures, instruments};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use konbit_domain::Named;
use konbit_domain::{
    Classification, force::Expiry, force::FundingChannel, force::FundingKind, force::FundingView,
    force::Personnel,
};
use konbit_present::Tr;
use konbit_present::chart;
use std::collections::BTreeMap;
use time::Date;

struct MandateLine {
    resolution: String,
    adopted: String,
    votes: String,
    end: String,
    /// Shown under the row with the summary, so the table fits the narrow card.
    ceiling: Option<String>,
    summary: Option<String>,
}

struct MissionCard {
    name: String,
    short_name: String,
    host: String,
    lead: String,
    start: String,
    note: Option<String>,
    mandates: Vec<MandateLine>,
    until: Option<String>,
    badge_class: &'static str,
    badge_text: String,
    ceiling: Option<String>,
    successor: Option<Link>,
    predecessor: Option<Link>,
    required: Vec<String>,
}

struct ContribLine {
    name: String,
    code: String,
    href: String,
    pledged: Vec<String>,
    deployed: Vec<String>,
    missing: Vec<String>,
}

/// One line of the funding table: a donor's money in one currency, or the total of a currency
/// (then `donor` is the "Total" label and `channels` is empty). Kinds with no record show a dash.
struct FundLine {
    donor: String,
    currency: String,
    channels: Vec<String>,
    pledged: String,
    received: String,
    frozen: String,
}

/// Sums of one donor's (or one currency's) records by kind; `None` where there is no record.
#[derive(Default)]
struct FundSums {
    pledged: Option<i64>,
    received: Option<i64>,
    frozen: Option<i64>,
    channels: Vec<FundingChannel>,
}

impl FundSums {
    /// Adds a record; a total too large for the arithmetic is an error, never a wrong figure.
    fn add(&mut self, f: &FundingView) -> Result<(), ApiError> {
        let slot = match f.kind {
            FundingKind::Pledge => &mut self.pledged,
            FundingKind::Receipt => &mut self.received,
            FundingKind::Freeze => &mut self.frozen,
        };
        let sum = slot.unwrap_or(0).checked_add(f.amount).ok_or_else(|| {
            ApiError::internal(format!("the {} total of {} overflows", f.kind, f.donor))
        })?;
        *slot = Some(sum);
        if !self.channels.contains(&f.channel) {
            self.channels.push(f.channel);
        }
        Ok(())
    }

    fn line(&self, tr: &Tr, donor: String, currency: &str, channels: bool) -> FundLine {
        let n = |v: Option<i64>| v.map_or_else(|| "—".into(), |v| tr.num(v));
        let mut ch = self.channels.clone();
        ch.sort();
        FundLine {
            donor,
            currency: currency.to_string(),
            channels: if channels {
                ch.iter().map(|c| tr.label("channel", c.as_str())).collect()
            } else {
                Vec::new()
            },
            pledged: n(self.pledged),
            received: n(self.received),
            frozen: n(self.frozen),
        }
    }
}

/// The funding table on `on`: per currency, per donor (by name), the totals pledged, received
/// and frozen by then, then one total line per currency. Currencies are never added together.
type FundLines = (Vec<FundLine>, Vec<FundLine>);

fn funding_lines(ctx: &Ctx, views: &[FundingView], on: Date) -> Result<FundLines, ApiError> {
    let tr = ctx.tr;
    let mut by_donor: BTreeMap<(String, String, String), FundSums> = BTreeMap::new();
    let mut by_currency: BTreeMap<String, FundSums> = BTreeMap::new();
    for f in views.iter().filter(|f| f.on <= on) {
        // Country codes become names; an organization's name is kept as written.
        let name = ctx.country(&f.donor);
        by_donor
            .entry((f.currency.clone(), name.to_lowercase(), name))
            .or_default()
            .add(f)?;
        by_currency.entry(f.currency.clone()).or_default().add(f)?;
    }
    let rows = by_donor
        .iter()
        .map(|((cur, _, name), sums)| sums.line(&tr, name.clone(), cur, true))
        .collect();
    let totals = by_currency
        .iter()
        .map(|(cur, sums)| sums.line(&tr, tr.t("table-total"), cur, false))
        .collect();
    Ok((rows, totals))
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: Ctx,
    card: MissionCard,
    chart: String,
    rows: Vec<ContribLine>,
    totals: ContribLine,
    funding: Vec<FundLine>,
    funding_totals: Vec<FundLine>,
    /// Vetting and acknowledgements by contributor (logged-in users only).
    compliance: Option<Vec<ComplianceLine>>,
    personnel_href: String,
    on: String,
    as_of: String,
    action: String,
    pledge_href: String,
    deployment_href: String,
    /// Records of this mission the reader is not shown (classified above their clearance):
    /// said, so that figures that differ from a colleague's do not differ without notice.
    withheld: Option<String>,
}

pub(crate) async fn home(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = dashboard(&s, ctx.clone(), None).await;
    finish(&ctx, r)
}

pub(crate) async fn mission_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Response {
    let r = dashboard(&s, ctx.clone(), Some(slug)).await;
    finish(&ctx, r)
}

fn expiry_badge(tr: &Tr, e: Option<Expiry>) -> (&'static str, String) {
    let left = |n: i64| tr.fmt("expiry-left", &[("n", &n)]);
    match e {
        Some(Expiry::Ok { days_left }) => ("badge badge-ok", left(days_left)),
        Some(Expiry::Within90 { days_left }) => ("badge badge-warn", left(days_left)),
        Some(Expiry::Within30 { days_left }) => ("badge badge-danger", left(days_left)),
        Some(Expiry::Expired { days_ago }) => (
            "badge badge-expired",
            tr.fmt("expiry-ago", &[("n", &days_ago)]),
        ),
        None => ("badge badge-none", tr.t("expiry-none")),
    }
}

async fn dashboard(s: &AppState, mut ctx: Ctx, slug: Option<String>) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let snap = match load(s, slug, on, vis).await? {
        Some(snap) => snap,
        None => return Ok(empty_page(&ctx)),
    };
    let slug = snap.mission.slug.clone();
    ctx.mission = Some(slug.clone());
    let tr = ctx.tr;
    let withheld = if vis.clearance < Classification::Restricted {
        let hidden = s.store.reader(vis).await?.withheld(&slug).await?;
        (hidden > 0).then(|| {
            let key = if ctx.caller.user.is_some() {
                "dash-withheld-staff"
            } else {
                "dash-withheld-public"
            };
            tr.fmt(key, &[("n", &hidden)])
        })
    } else {
        None
    };
    let mv = snap.mission_view(on)?;
    let contributors = snap.contributors(on)?;
    let series = snap.strength_series(on)?;

    // Succession links name the other mission, which the snapshot knows only by slug.
    let names = mission_names(s, vis).await?;
    let (badge_class, badge_text) = expiry_badge(&tr, mv.expiry);
    let link = |slug: &str, key: &str, on: Date| Link {
        href: format!("/missions/{slug}{}", ctx.qs),
        text: tr.fmt(
            key,
            &[
                ("mission", &names.get(slug).map_or(slug, String::as_str)),
                ("date", &tr.date_long(on)),
            ],
        ),
    };
    let card = MissionCard {
        name: mv.name.clone(),
        short_name: mv.short_name.clone(),
        host: ctx.country(&mv.host_country),
        lead: ctx.country(&mv.lead_nation),
        start: iso(mv.start_date),
        note: mv.note.clone(),
        mandates: mv
            .mandates
            .iter()
            .rev()
            .map(|x| MandateLine {
                resolution: format!("{} ({})", x.resolution, x.adopted_on.year()),
                adopted: iso(x.adopted_on),
                votes: format!("{}–{}–{}", x.votes[0], x.votes[1], x.votes[2]),
                end: iso(x.mandate_end),
                ceiling: x.ceiling_total.map(|c| tr.num(c)),
                summary: x.summary.clone(),
            })
            .collect(),
        until: mv.authorized_until.map(|d| tr.date_long(d)),
        badge_class,
        badge_text,
        ceiling: mv.ceiling.map(|c| tr.num(c)),
        successor: mv
            .successor
            .as_ref()
            .map(|x| link(&x.successor, "mission-succeeded_by", x.on)),
        predecessor: mv
            .predecessor
            .as_ref()
            .map(|x| link(&x.mission, "mission-succeeds", x.on)),
        required: instruments(&tr, &mv.required_instruments),
    };

    let mut pledged = Personnel::default();
    let mut deployed = Personnel::default();
    let rows: Vec<ContribLine> = contributors
        .iter()
        .map(|c| {
            pledged = pledged.plus(c.pledged);
            deployed = deployed.plus(c.deployed);
            ContribLine {
                name: ctx.country(&c.country),
                code: c.country.clone(),
                href: format!("/missions/{slug}/contributors/{}{}", c.country, ctx.qs),
                pledged: figures(&tr, &c.pledged),
                deployed: figures(&tr, &c.deployed),
                missing: instruments(&tr, &c.missing_instruments),
            }
        })
        .collect();
    let totals = ContribLine {
        name: tr.t("table-total"),
        code: String::new(),
        href: String::new(),
        pledged: figures(&tr, &pledged),
        deployed: figures(&tr, &deployed),
        missing: Vec::new(),
    };
    let (funding, funding_totals) = funding_lines(&ctx, &snap.funding_views()?, on)?;
    // Counts only (nothing restricted is shown, nor a read recorded).
    let compliance = if ctx.is_member() {
        Some(compliance_lines(
            &ctx,
            &s.store.compliance(&slug, on, vis.as_of_us).await?,
        ))
    } else {
        None
    };
    let page = DashboardPage {
        chart: chart::strength_chart(&series, &tr),
        card,
        rows,
        totals,
        funding,
        funding_totals,
        compliance,
        personnel_href: format!("/personnel?mission={slug}{}", ctx.qs.replacen('?', "&", 1)),
        on: iso(on),
        as_of: ctx.as_of.clone().unwrap_or_default(),
        action: ctx.bare_path.clone(),
        pledge_href: format!("/pledges/new?mission={slug}&next=/missions/{slug}"),
        deployment_href: format!("/deployments/new?mission={slug}&next=/missions/{slug}"),
        withheld,
        ctx: ctx.clone(),
    };
    Ok(respond(&ctx, StatusCode::OK, &page))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared::auth::Caller;
    use konbit_domain::{Classification, RecordMeta};
    use uuid::Uuid;

    #[test]
    fn funding_is_summed_per_donor_and_currency_up_to_the_date() {
        use time::macros::date;
        let view = |donor: &str, kind, channel, amount, currency: &str, on| FundingView {
            id: Uuid::nil(),
            donor: donor.into(),
            kind,
            channel,
            amount,
            currency: currency.into(),
            on,
            note: None,
            meta: RecordMeta {
                entry_seq: 1,
                origin_seq: 1,
                corrected: false,
                recorded_at: String::new(),
                classification: Classification::Public,
                sources: Vec::new(),
            },
        };
        use FundingChannel::{Bilateral, TrustFund};
        use FundingKind::{Freeze, Pledge, Receipt};
        let views = vec![
            view("USA", Pledge, Bilateral, 100, "USD", date!(2023 - 10 - 02)),
            view("USA", Pledge, Bilateral, 100, "USD", date!(2024 - 03 - 11)),
            view("USA", Receipt, TrustFund, 6, "USD", date!(2024 - 04 - 30)),
            view("USA", Freeze, TrustFund, 13, "USD", date!(2025 - 02 - 04)),
            view("CAN", Pledge, TrustFund, 75, "CAD", date!(2024 - 02 - 28)),
            view("CAN", Receipt, TrustFund, 8, "USD", date!(2024 - 04 - 30)),
            view("OAS", Pledge, TrustFund, 1, "USD", date!(2024 - 01 - 01)),
        ];
        let ctx = Ctx {
            tr: Tr::en(),
            lang: "en",
            caller: Caller::anonymous(),
            user_name: None,
            user_role: String::new(),
            csrf: String::new(),
            nonce: None,
            nonce_new: false,
            csrf_key: crate::shared::csrf::Key::new(vec![0; 32]),
            cookies: crate::shared::cookies::CookieNames::new(false),
            path: "/".into(),
            bare_path: "/".into(),
            query: Vec::new(),
            on: None,
            as_of: None,
            qs: String::new(),
            mission: None,
            cross_site: None,
            secure: false,
            desk_count: None,
        };
        let (rows, totals) = funding_lines(&ctx, &views, date!(2024 - 12 - 31)).expect("sums");
        let got: Vec<(&str, &str, &str, &str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r.donor.as_str(),
                    r.currency.as_str(),
                    r.pledged.as_str(),
                    r.received.as_str(),
                    r.frozen.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Canada", "CAD", "75", "—", "—"),
                ("Canada", "USD", "—", "8", "—"),
                ("OAS", "USD", "1", "—", "—"),
                ("United States", "USD", "200", "6", "—"),
            ]
        );
        assert_eq!(rows[3].channels, vec!["trust fund", "bilateral"]);
        let got: Vec<(&str, &str, &str)> = totals
            .iter()
            .map(|t| (t.currency.as_str(), t.pledged.as_str(), t.received.as_str()))
            .collect();
        assert_eq!(got, vec![("CAD", "75", "—"), ("USD", "201", "14")]);
        // Two records too large to add (a database edited around the validation) are an error,
        // not a silently saturated total.
        let huge = vec![
            view(
                "USA",
                Pledge,
                Bilateral,
                i64::MAX,
                "USD",
                date!(2024 - 01 - 01),
            ),
            view(
                "USA",
                Pledge,
                Bilateral,
                i64::MAX,
                "USD",
                date!(2024 - 01 - 02),
            ),
        ];
        assert!(funding_lines(&ctx, &huge, date!(2024 - 12 - 31)).is_err());
    }
}
