//! Force generation's reads: a mission's rows seen through a [`Visibility`] — the record as it
//! stood at a record time (`as_of`) for a caller's clearance — and the read models built from
//! them. The valid-time clock (`on`) is applied here, by the domain's arithmetic over the
//! visible rows; "the mission in office" on a date is decided once, by [`mission_on`].

use crate::{
    Ex, Result, StoreError, on,
    read::{Meta, Visibility, parse, row, rows},
};
use konbit_domain::country;
use konbit_domain::force::{self, *};
use sqlx::FromRow;
use time::Date;
use uuid::Uuid;

row!(MissionRow { slug: String, name: String, short_name: String, host_country: String,
    lead_nation: String, start_date: Date, note: Option<String> });
row!(MandateRow { mission: String, resolution: i64, adopted_on: Date, votes_for: i64,
    votes_against: i64, votes_abstain: i64, mandate_end: Date, review_on: Option<Date>,
    ceiling_total: Option<i64>, ceiling_uniformed: Option<i64>, ceiling_civilian: Option<i64>,
    summary: Option<String> });
row!(SuccessionRow { mission: String, successor: String, on_date: Date, resolution: Option<i64> });
row!(RequirementRow {
    mission: String,
    from_date: Date,
    instruments: String
});
row!(PledgeRow { mission: String, country: String, version_on: Date, status: String,
    police: i64, military: i64, civilian: i64, equipment: Option<String>,
    money_amount: Option<i64>, money_currency: Option<String>, note: Option<String> });
row!(AuthorizationRow { mission: String, country: String, kind: String, title: String,
    issued_on: Date, status: String, note: Option<String> });
row!(DeploymentRow { mission: String, country: String, movement: String, on_date: Date,
    in_police: i64, in_military: i64, in_civilian: i64, out_police: i64, out_military: i64,
    out_civilian: i64, unit: Option<String>, note: Option<String>,
    override_reason: Option<String> });
row!(FundingRow { mission: String, donor: String, kind: String, channel: String, amount: i64,
    currency: String, on_date: Date, note: Option<String> });

fn personnel(police: i64, military: i64, civilian: i64) -> Personnel {
    Personnel {
        police,
        military,
        civilian,
    }
}

impl DeploymentRow {
    /// The movement as a flow of people in and out.
    pub fn flow(&self) -> Flow {
        Flow {
            on: self.on_date,
            arriving: personnel(self.in_police, self.in_military, self.in_civilian),
            leaving: personnel(self.out_police, self.out_military, self.out_civilian),
        }
    }
}

impl PledgeRow {
    /// The version as the domain's arithmetic takes it.
    pub fn version(&self) -> Result<PledgeVersion> {
        Ok(PledgeVersion {
            pledge: self.meta.id.as_u128(),
            on: self.version_on,
            seq: self.meta.origin_seq,
            status: parse(&self.status)?,
            personnel: personnel(self.police, self.military, self.civilian),
        })
    }
}

impl AuthorizationRow {
    /// The instrument as the requirement check takes it.
    pub fn held(&self) -> Result<Held> {
        Ok(Held {
            kind: parse(&self.kind)?,
            status: parse(&self.status)?,
            issued_on: self.issued_on,
            seq: self.meta.origin_seq,
        })
    }
}

/// Everything visible about one mission: the rows the read models are computed from.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The mission row.
    pub mission: MissionRow,
    /// Its mandates.
    pub mandates: Vec<MandateRow>,
    /// Successions from or to it.
    pub successions: Vec<SuccessionRow>,
    /// Deployment requirements.
    pub requirements: Vec<RequirementRow>,
    /// Pledge versions.
    pub pledges: Vec<PledgeRow>,
    /// Instruments.
    pub authorizations: Vec<AuthorizationRow>,
    /// Movements.
    pub deployments: Vec<DeploymentRow>,
    /// Funding.
    pub funding: Vec<FundingRow>,
}

/// All visible missions.
pub async fn missions(ex: &mut Ex<'_>, vis: Visibility) -> Result<Vec<MissionRow>> {
    rows(ex, "missions", None, vis).await
}

/// The visible mission with this slug.
pub async fn mission(ex: &mut Ex<'_>, slug: &str, vis: Visibility) -> Result<Option<MissionRow>> {
    Ok(missions(ex, vis)
        .await?
        .into_iter()
        .find(|m| m.slug == slug))
}

/// Loads everything visible about a mission, or `None` if it is not visible.
pub async fn snapshot(ex: &mut Ex<'_>, slug: &str, vis: Visibility) -> Result<Option<Snapshot>> {
    let Some(mission) = mission(ex, slug, vis).await? else {
        return Ok(None);
    };
    let successions: Vec<SuccessionRow> = rows(ex, "successions", None, vis)
        .await?
        .into_iter()
        .filter(|s: &SuccessionRow| s.mission == slug || s.successor == slug)
        .collect();
    Ok(Some(Snapshot {
        mission,
        mandates: rows(ex, "mandates", Some(slug), vis).await?,
        successions,
        requirements: rows(ex, "requirements", Some(slug), vis).await?,
        pledges: rows(ex, "pledges", Some(slug), vis).await?,
        authorizations: rows(ex, "authorizations", Some(slug), vis).await?,
        deployments: rows(ex, "deployments", Some(slug), vis).await?,
        funding: rows(ex, "funding", Some(slug), vis).await?,
    }))
}

/// How many of a mission's force-generation records — as [`Snapshot::records`] counts them —
/// a reader of `vis` is not shown: those in force at its record time and classified above its
/// clearance. A count per table, instead of a second snapshot read at full clearance.
pub async fn withheld(ex: &mut Ex<'_>, slug: &str, vis: Visibility) -> Result<i64> {
    let mut n = 0;
    for (table, of_mission) in [
        ("mandates", "mission = $3"),
        ("successions", "(mission = $3 OR successor = $3)"),
        ("requirements", "mission = $3"),
        ("pledges", "mission = $3"),
        ("authorizations", "mission = $3"),
        ("deployments", "mission = $3"),
        ("funding", "mission = $3"),
    ] {
        let sql = format!(
            "SELECT COUNT(*) FROM {table} WHERE recorded_us <= $1 \
             AND (superseded_us IS NULL OR superseded_us > $1) AND class > $2 AND {of_mission}"
        );
        let c: i64 = on!(ex, |conn| sqlx::query_scalar(sqlx::AssertSqlSafe(
            sql.as_str()
        ))
        .bind(vis.as_of_us)
        .bind(vis.clearance.rank())
        .bind(slug)
        .fetch_one(conn)
        .await)?;
        n += c;
    }
    Ok(n)
}

/// The instruments required on `on` by a mission's requirement rows.
pub fn required_on(reqs: &[RequirementRow], on: Date) -> Result<Vec<InstrumentKind>> {
    match reqs
        .iter()
        .filter(|r| r.from_date <= on)
        .max_by_key(|r| (r.from_date, r.meta.origin_seq))
    {
        None => Ok(Vec::new()),
        Some(r) => r
            .instruments
            .split(',')
            .filter(|s| !s.is_empty())
            .map(parse)
            .collect(),
    }
}

impl Snapshot {
    /// How many records of force generation the snapshot holds (mandates, successions,
    /// requirements, pledge versions, instruments, movements, funding) — the records
    /// [`withheld`] counts above a reader's clearance.
    pub fn records(&self) -> usize {
        self.mandates.len()
            + self.successions.len()
            + self.requirements.len()
            + self.pledges.len()
            + self.authorizations.len()
            + self.deployments.len()
            + self.funding.len()
    }

    /// The mission card on `on`.
    pub fn mission_view(&self, on: Date) -> Result<MissionView> {
        let m = &self.mission;
        let mut mandates: Vec<MandateView> = self
            .mandates
            .iter()
            .filter(|x| x.adopted_on <= on)
            .map(mandate_view)
            .collect::<Result<_>>()?;
        mandates.sort_by_key(|x| x.adopted_on);
        let spans: Vec<(Date, Date)> = mandates
            .iter()
            .map(|x| (x.adopted_on, x.mandate_end))
            .collect();
        let authorized_until = force::authorized_until(&spans, on);
        let succ = |s: &SuccessionRow| {
            Ok::<_, StoreError>(Succession {
                mission: s.mission.clone(),
                successor: s.successor.clone(),
                on: s.on_date,
                resolution: s.resolution,
                meta: s.meta.view()?,
            })
        };
        Ok(MissionView {
            id: m.meta.id,
            slug: m.slug.clone(),
            name: m.name.clone(),
            short_name: m.short_name.clone(),
            host_country: m.host_country.clone(),
            lead_nation: m.lead_nation.clone(),
            start_date: m.start_date,
            note: m.note.clone(),
            authorized_until,
            expiry: authorized_until.map(|end| force::expiry(end, on)),
            ceiling: self.ceiling_on(on),
            successor: self
                .successions
                .iter()
                .find(|s| s.mission == m.slug)
                .map(succ)
                .transpose()?,
            predecessor: self
                .successions
                .iter()
                .find(|s| s.successor == m.slug)
                .map(succ)
                .transpose()?,
            required_instruments: required_on(&self.requirements, on)?,
            mandates,
            meta: m.meta.view()?,
        })
    }

    /// The personnel ceiling in force on `on`: from the latest mandate adopted by then that sets one.
    pub fn ceiling_on(&self, on: Date) -> Option<i64> {
        self.mandates
            .iter()
            .filter(|x| x.adopted_on <= on)
            .max_by_key(|x| x.adopted_on)
            .and_then(|x| {
                x.ceiling_total
                    .or_else(|| match (x.ceiling_uniformed, x.ceiling_civilian) {
                        (None, None) => None,
                        (u, c) => Some(u.unwrap_or(0) + c.unwrap_or(0)),
                    })
            })
    }

    /// The contributing countries (anyone with a pledge, instrument or movement), sorted by
    /// deployed strength then pledged, with their figures on `on`.
    pub fn contributors(&self, on: Date) -> Result<Vec<ContributorSummary>> {
        let mut countries: Vec<&str> = self
            .pledges
            .iter()
            .map(|p| p.country.as_str())
            .chain(self.deployments.iter().map(|d| d.country.as_str()))
            .chain(self.authorizations.iter().map(|a| a.country.as_str()))
            .collect();
        countries.sort();
        countries.dedup();
        let required = required_on(&self.requirements, on)?;
        let mut out = Vec::new();
        for c in countries {
            out.push(self.contributor(c, on, &required)?);
        }
        out.sort_by(|a, b| {
            (b.deployed.total(), b.pledged.total(), &a.country).cmp(&(
                a.deployed.total(),
                a.pledged.total(),
                &b.country,
            ))
        });
        Ok(out)
    }

    fn contributor(
        &self,
        country_code: &str,
        on: Date,
        required: &[InstrumentKind],
    ) -> Result<ContributorSummary> {
        let versions = self
            .pledges
            .iter()
            .filter(|p| p.country == country_code)
            .map(PledgeRow::version)
            .collect::<Result<Vec<_>>>()?;
        let held = self
            .authorizations
            .iter()
            .filter(|a| a.country == country_code)
            .map(AuthorizationRow::held)
            .collect::<Result<Vec<_>>>()?;
        Ok(ContributorSummary {
            country: country_code.to_string(),
            name: country::name(country_code, "en"),
            pledged: force::pledged_on(&versions, on),
            deployed: force::strength_on(&self.flows(Some(country_code)), on),
            missing_instruments: force::missing_instruments(required, &held, on),
        })
    }

    /// One contributor's figures on `on`.
    pub fn contributor_summary(&self, country_code: &str, on: Date) -> Result<ContributorSummary> {
        self.contributor(country_code, on, &required_on(&self.requirements, on)?)
    }

    /// Movements of one contributor, or of all.
    pub fn flows(&self, country_code: Option<&str>) -> Vec<Flow> {
        self.deployments
            .iter()
            .filter(|d| country_code.is_none_or(|c| d.country == c))
            .map(DeploymentRow::flow)
            .collect()
    }

    /// Deployed, pledged and ceiling at every date on which one of them changed, from the
    /// mission's start to `to`, plus a closing point on `to`.
    pub fn strength_series(&self, to: Date) -> Result<Vec<StrengthPoint>> {
        let flows = self.flows(None);
        let versions = self
            .pledges
            .iter()
            .map(PledgeRow::version)
            .collect::<Result<Vec<_>>>()?;
        let mut dates: Vec<Date> = flows
            .iter()
            .map(|f| f.on)
            .chain(versions.iter().map(|v| v.on))
            .chain(self.mandates.iter().map(|m| m.adopted_on))
            .chain(std::iter::once(self.mission.start_date))
            .filter(|d| *d <= to)
            .collect();
        dates.push(to);
        dates.sort();
        dates.dedup();
        Ok(dates
            .into_iter()
            .map(|d| StrengthPoint {
                date: d,
                deployed: force::strength_on(&flows, d),
                pledged: force::pledged_on(&versions, d),
                ceiling: self.ceiling_on(d),
            })
            .collect())
    }

    /// Every pledge version of a contributor (or all), in date order.
    pub fn pledge_views(&self, country_code: Option<&str>) -> Result<Vec<PledgeView>> {
        let mut first: Vec<Uuid> = Vec::new();
        let mut out = Vec::new();
        let mut rows: Vec<&PledgeRow> = self
            .pledges
            .iter()
            .filter(|p| country_code.is_none_or(|c| p.country == c))
            .collect();
        rows.sort_by_key(|p| (p.version_on, p.meta.origin_seq));
        for p in rows {
            let status = parse(&p.status)?;
            let change = if status == PledgeStatus::Withdrawn {
                "withdrawn"
            } else if first.contains(&p.meta.id) {
                "revised"
            } else {
                "recorded"
            };
            first.push(p.meta.id);
            out.push(PledgeView {
                id: p.meta.id,
                country: p.country.clone(),
                on: p.version_on,
                change: change.into(),
                status,
                personnel: personnel(p.police, p.military, p.civilian),
                equipment: p.equipment.clone(),
                money: match (p.money_amount, &p.money_currency) {
                    (Some(amount), Some(currency)) => Some(Money {
                        amount,
                        currency: currency.clone(),
                    }),
                    _ => None,
                },
                note: p.note.clone(),
                meta: p.meta.view()?,
            });
        }
        Ok(out)
    }

    /// Instruments of a contributor (or all), in date order.
    pub fn authorization_views(
        &self,
        country_code: Option<&str>,
    ) -> Result<Vec<AuthorizationView>> {
        let mut v = self
            .authorizations
            .iter()
            .filter(|a| country_code.is_none_or(|c| a.country == c))
            .map(|a| {
                Ok(AuthorizationView {
                    id: a.meta.id,
                    country: a.country.clone(),
                    kind: parse(&a.kind)?,
                    title: a.title.clone(),
                    issued_on: a.issued_on,
                    status: parse(&a.status)?,
                    note: a.note.clone(),
                    meta: a.meta.view()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        v.sort_by_key(|a| (a.issued_on, a.meta.origin_seq));
        Ok(v)
    }

    /// Movements of a contributor (or all), in date order.
    pub fn deployment_views(&self, country_code: Option<&str>) -> Result<Vec<DeploymentView>> {
        let mut v = self
            .deployments
            .iter()
            .filter(|d| country_code.is_none_or(|c| d.country == c))
            .map(|d| {
                let f = d.flow();
                Ok(DeploymentView {
                    id: d.meta.id,
                    country: d.country.clone(),
                    movement: parse(&d.movement)?,
                    on: d.on_date,
                    arriving: f.arriving,
                    leaving: f.leaving,
                    unit: d.unit.clone(),
                    note: d.note.clone(),
                    override_reason: d.override_reason.clone(),
                    meta: d.meta.view()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        v.sort_by_key(|d| (d.on, d.meta.origin_seq));
        Ok(v)
    }

    /// Funding records, in date order.
    pub fn funding_views(&self) -> Result<Vec<FundingView>> {
        let mut v = self
            .funding
            .iter()
            .map(|f| {
                Ok(FundingView {
                    id: f.meta.id,
                    donor: f.donor.clone(),
                    kind: parse(&f.kind)?,
                    channel: parse(&f.channel)?,
                    amount: f.amount,
                    currency: f.currency.clone(),
                    on: f.on_date,
                    note: f.note.clone(),
                    meta: f.meta.view()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        v.sort_by_key(|f| (f.on, f.meta.origin_seq));
        Ok(v)
    }

    /// The mission's records in valid-time order, up to `on`. Each line has its English
    /// `summary` and, for readers in other languages, what it says as data.
    pub fn timeline(&self, on: Date) -> Result<Vec<TimelineItem>> {
        let mut items = Vec::new();
        // The fields every line has; each record kind then sets the ones it speaks of.
        let item = |on, kind: &str, country: Option<&str>, summary: String, meta: &Meta| {
            Ok::<_, StoreError>(TimelineItem::new(
                on,
                kind,
                country.map(str::to_string),
                summary,
                meta.id,
                meta.view()?,
            ))
        };
        for m in &self.mandates {
            items.push(TimelineItem {
                what: Some(TimelineEvent::MandateAdopted),
                resolution: Some(m.resolution),
                votes: Some([m.votes_for, m.votes_against, m.votes_abstain]),
                until: Some(m.mandate_end),
                ..item(
                    m.adopted_on,
                    "mandate",
                    None,
                    format!(
                        "Resolution {} adopted ({}–{}–{}); authorization to {}",
                        m.resolution, m.votes_for, m.votes_against, m.votes_abstain, m.mandate_end
                    ),
                    &m.meta,
                )?
            });
        }
        for s in &self.successions {
            items.push(TimelineItem {
                what: Some(TimelineEvent::Succession),
                resolution: s.resolution,
                predecessor: Some(s.mission.clone()),
                successor: Some(s.successor.clone()),
                ..item(
                    s.on_date,
                    "succession",
                    None,
                    format!("{} succeeded by {}", s.mission, s.successor),
                    &s.meta,
                )?
            });
        }
        for p in self.pledge_views(None)? {
            let summary = format!("pledge {}: {}", p.change, describe_personnel(&p.personnel));
            // A withdrawal records no figures (its row holds zeros), so it carries none.
            let (event, personnel) = match p.change.as_str() {
                "withdrawn" => (TimelineEvent::PledgeWithdrawn, None),
                "revised" => (TimelineEvent::PledgeRevised, Some(p.personnel)),
                _ => (TimelineEvent::PledgeRecorded, Some(p.personnel)),
            };
            items.push(TimelineItem {
                what: Some(event),
                personnel,
                ..TimelineItem::new(p.on, "pledge", Some(p.country), summary, p.id, p.meta)
            });
        }
        for a in &self.authorizations {
            items.push(TimelineItem {
                what: Some(TimelineEvent::Authorization),
                title: Some(a.title.clone()),
                instrument_kind: Some(parse(&a.kind)?),
                instrument_status: Some(parse(&a.status)?),
                ..item(
                    a.issued_on,
                    "authorization",
                    Some(&a.country),
                    format!("{} ({}, {})", a.title, a.kind, a.status),
                    &a.meta,
                )?
            });
        }
        for d in &self.deployments {
            let f = d.flow();
            let (event, personnel, leaving, what) = match d.movement.as_str() {
                "departure" => (
                    TimelineEvent::Departure,
                    None,
                    Some(f.leaving),
                    format!("departure: {}", describe_personnel(&f.leaving)),
                ),
                "rotation" => (
                    TimelineEvent::Rotation,
                    Some(f.arriving),
                    Some(f.leaving),
                    format!(
                        "rotation: {} in, {} out",
                        describe_personnel(&f.arriving),
                        describe_personnel(&f.leaving)
                    ),
                ),
                _ => (
                    TimelineEvent::Arrival,
                    Some(f.arriving),
                    None,
                    format!("arrival: {}", describe_personnel(&f.arriving)),
                ),
            };
            items.push(TimelineItem {
                what: Some(event),
                personnel,
                leaving,
                ..item(d.on_date, "deployment", Some(&d.country), what, &d.meta)?
            });
        }
        for f in &self.funding {
            items.push(TimelineItem {
                what: Some(TimelineEvent::Funding),
                amount: Some(f.amount),
                currency: Some(f.currency.clone()),
                funding_kind: Some(parse(&f.kind)?),
                channel: Some(parse(&f.channel)?),
                ..item(
                    f.on_date,
                    "funding",
                    Some(&f.donor),
                    format!("{} {} {} ({})", f.kind, f.amount, f.currency, f.channel),
                    &f.meta,
                )?
            });
        }
        items.retain(|i| i.on <= on);
        items.sort_by_key(|i| (i.on, i.meta.origin_seq));
        Ok(items)
    }
}

/// "400 police, 20 military" — the non-zero categories, or "no personnel figure".
pub fn describe_personnel(p: &Personnel) -> String {
    let parts: Vec<String> = [
        (p.police, "police"),
        (p.military, "military"),
        (p.civilian, "civilian"),
    ]
    .iter()
    .filter(|(n, _)| *n != 0)
    .map(|(n, c)| format!("{n} {c}"))
    .collect();
    if parts.is_empty() {
        "no personnel figure".into()
    } else {
        parts.join(", ")
    }
}

fn mandate_view(m: &MandateRow) -> Result<MandateView> {
    Ok(MandateView {
        id: m.meta.id,
        resolution: m.resolution,
        adopted_on: m.adopted_on,
        votes: [m.votes_for, m.votes_against, m.votes_abstain],
        mandate_end: m.mandate_end,
        review_on: m.review_on,
        ceiling_total: m.ceiling_total,
        ceiling_uniformed: m.ceiling_uniformed,
        ceiling_civilian: m.ceiling_civilian,
        summary: m.summary.clone(),
        meta: m.meta.view()?,
    })
}

/// The mission whose tenure covers `on` (latest start on or before it), else the first.
pub async fn mission_on(ex: &mut Ex<'_>, on: Date, vis: Visibility) -> Result<Option<MissionRow>> {
    let mut all = missions(ex, vis).await?;
    all.sort_by_key(|m| m.start_date);
    let current = all.iter().rposition(|m| m.start_date <= on);
    Ok(match current {
        Some(i) => all.into_iter().nth(i),
        None => all.into_iter().next(),
    })
}

impl crate::Reader {
    /// Every mission this reader may see.
    pub async fn missions(&mut self) -> Result<Vec<MissionRow>> {
        let (mut ex, vis) = self.parts();
        missions(&mut ex, vis).await
    }

    /// One mission by slug.
    pub async fn mission(&mut self, slug: &str) -> Result<Option<MissionRow>> {
        let (mut ex, vis) = self.parts();
        mission(&mut ex, slug, vis).await
    }

    /// The mission in office on `on`: the one whose tenure covers it (latest start on or
    /// before it), else the first. The one place that question is answered.
    pub async fn mission_in_office(&mut self, on: Date) -> Result<Option<MissionRow>> {
        let (mut ex, vis) = self.parts();
        mission_on(&mut ex, on, vis).await
    }

    /// Everything this reader may see about one mission.
    pub async fn snapshot(&mut self, slug: &str) -> Result<Option<Snapshot>> {
        let (mut ex, vis) = self.parts();
        snapshot(&mut ex, slug, vis).await
    }

    /// How many of the mission's records this reader is not shown (see [`withheld`]).
    pub async fn withheld(&mut self, slug: &str) -> Result<i64> {
        let (mut ex, vis) = self.parts();
        withheld(&mut ex, slug, vis).await
    }
}
