//! Media monitoring against the record: a press claim compared with what the mission's record
//! holds on the claim's date — it agrees, it conflicts (both figures and the difference), it is
//! new to the record, or the record keeps nothing to compare it with. Computed on read from a
//! mission's snapshot; nothing is stored.

use konbit_domain::force::{self, Personnel};
use konbit_media::Claim;
use serde::Serialize;
use time::{Date, Month};

use crate::force::Snapshot;
use crate::situation::ObservationRow;

/// How a claim stands against the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Verdict {
    /// The record holds the same figure (within the claim's qualifier).
    Agrees { record: Held },
    /// The record holds another figure; `difference` is the claim's value minus the record's.
    Conflicts {
        record: Held,
        difference: Option<i64>,
    },
    /// The record holds nothing of the kind on that date: the claim would add to it.
    New,
    /// The record keeps nothing this claim can be compared with (yet).
    NotCompared,
}

/// What the record holds that a claim was set against, in parts a page puts into its reader's
/// words ([`Held::english`] is the command line's).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Held {
    /// A head count pledged, deployed, arrived or departed (`event`) on the claim's date.
    Count { value: i64, event: String },
    /// Money of one currency pledged, received or frozen: in the claim's window, or to date.
    Money {
        value: i64,
        currency: String,
        event: String,
        to_date: bool,
    },
    /// An indicator's value for a period.
    Indicator {
        value: i64,
        indicator: String,
        from: Date,
        to: Date,
    },
    /// A resolution adopted on a day.
    Adopted { resolution: i64, on: Date },
    /// A mandate ending on a day.
    Ends { resolution: i64, on: Date },
}

impl Held {
    /// The figure, when the record holds one.
    pub fn value(&self) -> Option<i64> {
        match self {
            Held::Count { value, .. }
            | Held::Money { value, .. }
            | Held::Indicator { value, .. } => Some(*value),
            Held::Adopted { .. } | Held::Ends { .. } => None,
        }
    }

    /// In English, as the command line prints it ("200 arrived", "resolution 2793 ends
    /// 2026-09-30").
    pub fn english(&self) -> String {
        match self {
            Held::Count { value, event } => format!("{value} {event}"),
            Held::Money {
                value,
                currency,
                event,
                to_date,
            } => format!(
                "{value} {currency} {event} {}",
                if *to_date { "to date" } else { "then" }
            ),
            Held::Indicator {
                value,
                indicator,
                from,
                to,
            } => format!("{value} {indicator} {from}..{to}"),
            Held::Adopted { resolution, on } => format!("resolution {resolution} adopted {on}"),
            Held::Ends { resolution, on } => format!("resolution {resolution} ends {on}"),
        }
    }
}

impl Verdict {
    /// `agrees`, `conflicts`, `new` or `not_compared`.
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Agrees { .. } => "agrees",
            Verdict::Conflicts { .. } => "conflicts",
            Verdict::New => "new",
            Verdict::NotCompared => "not_compared",
        }
    }
}

/// The first and last day a claim's date covers (`2024-06` covers June); a claim with no date is
/// compared with the record on `today`.
fn window(claim: &Claim, today: Date) -> Option<(Date, Date)> {
    let Some(date) = claim.date.as_deref() else {
        return Some((today, today));
    };
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let year = i32::try_from(parts.next()??).ok()?;
    let month = parts
        .next()
        .flatten()
        .and_then(|m| Month::try_from(u8::try_from(m).ok()?).ok());
    let day = parts.next().flatten().and_then(|d| u8::try_from(d).ok());
    Some(match (month, day) {
        (Some(m), Some(d)) => {
            let d = Date::from_calendar_date(year, m, d).ok()?;
            (d, d)
        }
        (Some(m), None) => {
            let first = Date::from_calendar_date(year, m, 1).ok()?;
            (
                first,
                Date::from_calendar_date(year, m, m.length(year)).ok()?,
            )
        }
        _ => (
            Date::from_calendar_date(year, Month::January, 1).ok()?,
            Date::from_calendar_date(year, Month::December, 31).ok()?,
        ),
    })
}

/// The figure of the claim's category ("police" compares with police, an unspecified figure
/// with the total).
fn figure(p: Personnel, category: Option<&str>) -> i64 {
    match category {
        Some("police") => p.police,
        Some("military") => p.military,
        Some("civilian") => p.civilian,
        _ => p.total(),
    }
}

/// Whether the record's figure bears out the claim, given how the claim words its number.
fn bears_out(claimed: i64, record: i64, qualifier: Option<&str>) -> bool {
    match qualifier {
        Some("more_than") => record > claimed,
        Some("at_least") | Some("vague") => record >= claimed,
        // "About", "nearly": within a tenth.
        Some("about") => (record - claimed).abs() * 10 <= claimed.abs(),
        _ => record == claimed,
    }
}

fn compare(claimed: i64, held: Held, qualifier: Option<&str>) -> Verdict {
    let record = held.value().unwrap_or_default();
    if bears_out(claimed, record, qualifier) {
        Verdict::Agrees { record: held }
    } else {
        Verdict::Conflicts {
            record: held,
            difference: Some(claimed - record),
        }
    }
}

/// A head count of the record.
fn count(value: i64, event: &str) -> Held {
    Held::Count {
        value,
        event: event.to_string(),
    }
}

/// The mission whose record a claim speaks of: the one it names (`MSS`, `GSF`, by slug or short
/// name), else the one in office on the claim's date.
pub fn mission_for<'a>(snaps: &'a [Snapshot], claim: &Claim, today: Date) -> Option<&'a Snapshot> {
    let named = snaps.iter().find(|s| {
        s.mission.slug.eq_ignore_ascii_case(&claim.subject)
            || s.mission.short_name.eq_ignore_ascii_case(&claim.subject)
    });
    let on = window(claim, today).map_or(today, |(_, to)| to);
    named
        .or_else(|| {
            snaps
                .iter()
                .filter(|s| s.mission.start_date <= on)
                .max_by_key(|s| s.mission.start_date)
        })
        .or(snaps.first())
}

/// A mandate's adoption as the record holds it.
fn adopted(m: &crate::force::MandateRow) -> Held {
    Held::Adopted {
        resolution: m.resolution,
        on: m.adopted_on,
    }
}

/// Compares one claim with a mission's record. `today` stands for a claim with no date (the
/// article's publication day, when known).
pub fn reconcile(snap: &Snapshot, claim: &Claim, today: Date) -> crate::Result<Verdict> {
    let Some((from, to)) = window(claim, today) else {
        return Ok(Verdict::NotCompared);
    };
    let category = claim.category.as_deref();
    let country = claim.subject.as_str();
    let is_mission = country.eq_ignore_ascii_case(&snap.mission.slug)
        || country.eq_ignore_ascii_case(&snap.mission.short_name)
        || matches!(country, "MSS" | "GSF");
    Ok(
        match (claim.kind.as_str(), claim.event.as_str(), claim.value) {
            ("personnel", "pledged", Some(v)) if !is_mission => {
                let versions: Vec<_> = snap
                    .pledges
                    .iter()
                    .filter(|p| p.country == country)
                    .map(|p| p.version())
                    .collect::<crate::Result<_>>()?;
                if versions.iter().all(|p| p.on > to) {
                    Verdict::New
                } else {
                    compare(
                        v,
                        count(
                            figure(force::pledged_on(&versions, to), category),
                            "pledged",
                        ),
                        claim.qualifier.as_deref(),
                    )
                }
            }
            ("personnel", "deployed_total", Some(v)) => {
                let flows = snap.flows(if is_mission { None } else { Some(country) });
                if flows.iter().all(|f| f.on > to) {
                    Verdict::New
                } else {
                    compare(
                        v,
                        count(figure(force::strength_on(&flows, to), category), "deployed"),
                        claim.qualifier.as_deref(),
                    )
                }
            }
            ("personnel", event @ ("arrived" | "departed"), Some(v)) if !is_mission => {
                let moved = snap
                    .flows(Some(country))
                    .iter()
                    .filter(|f| f.on >= from && f.on <= to)
                    .fold(Personnel::default(), |acc, f| {
                        acc.plus(if event == "arrived" {
                            f.arriving
                        } else {
                            f.leaving
                        })
                    });
                if moved.total() == 0 {
                    Verdict::New
                } else {
                    compare(
                        v,
                        count(figure(moved, category), event),
                        claim.qualifier.as_deref(),
                    )
                }
            }
            ("resolution", "adopted", _) => match claim
                .resolution
                .and_then(|r| snap.mandates.iter().find(|m| m.resolution == r))
            {
                Some(m) if m.adopted_on >= from && m.adopted_on <= to => {
                    Verdict::Agrees { record: adopted(m) }
                }
                Some(m) => Verdict::Conflicts {
                    record: adopted(m),
                    difference: None,
                },
                None if claim.resolution.is_some() => Verdict::New,
                None => match snap
                    .mandates
                    .iter()
                    .find(|m| m.adopted_on >= from && m.adopted_on <= to)
                {
                    Some(m) => Verdict::Agrees { record: adopted(m) },
                    None => Verdict::NotCompared,
                },
            },
            ("resolution", "mandate_end", _) => {
                // A mandate of the mission that ends in the claim's window bears it out; else the
                // claim is set against the mandate in force when the window opens.
                let ends = |m: &crate::force::MandateRow| Held::Ends {
                    resolution: m.resolution,
                    on: m.mandate_end,
                };
                match snap
                    .mandates
                    .iter()
                    .find(|m| m.mandate_end >= from && m.mandate_end <= to)
                {
                    Some(m) => Verdict::Agrees { record: ends(m) },
                    None => match snap
                        .mandates
                        .iter()
                        .filter(|m| m.adopted_on <= from)
                        .max_by_key(|m| m.adopted_on)
                    {
                        Some(m) => Verdict::Conflicts {
                            record: ends(m),
                            difference: None,
                        },
                        None => Verdict::New,
                    },
                }
            }
            ("money", event @ ("pledged" | "received" | "frozen"), Some(v)) => {
                let kind = match event {
                    "pledged" => "pledge",
                    "received" => "receipt",
                    _ => "freeze",
                };
                let currency = claim.currency.as_deref().unwrap_or("USD");
                let fund = country == "TRUST_FUND";
                let rows: Vec<_> = snap
                    .funding
                    .iter()
                    .filter(|f| f.kind == kind && f.currency == currency && f.on_date <= to)
                    .filter(|f| {
                        if fund {
                            f.channel == "trust_fund"
                        } else {
                            f.donor == country
                        }
                    })
                    .collect();
                // Money moved in the claim's window is that event; else the claim is a total to date.
                let in_window: Vec<_> = rows.iter().filter(|f| f.on_date >= from).collect();
                let to_date = in_window.is_empty();
                let value = if to_date {
                    rows.iter().map(|f| f.amount).sum()
                } else {
                    in_window.iter().map(|f| f.amount).sum::<i64>()
                };
                if rows.is_empty() {
                    Verdict::New
                } else {
                    let held = Held::Money {
                        value,
                        currency: currency.to_string(),
                        event: event.to_string(),
                        to_date,
                    };
                    compare(v, held, claim.qualifier.as_deref())
                }
            }
            _ => Verdict::NotCompared,
        },
    )
}

/// Compares a casualty or displacement figure with the record's indicator series: displaced
/// people with the latest count of internally displaced people taken in the claim's window (or
/// in the two months before it ends); a casualty count dated to a year or a month with the value
/// for exactly that period. Other claims are not compared.
pub fn reconcile_series(observations: &[ObservationRow], claim: &Claim, today: Date) -> Verdict {
    let Some((from, to)) = window(claim, today) else {
        return Verdict::NotCompared;
    };
    let Some(v) = claim.value else {
        return Verdict::NotCompared;
    };
    let (indicator, stock) = match (claim.kind.as_str(), claim.event.as_str()) {
        ("displacement", "displaced") => ("idps", true),
        ("casualties", e @ ("killed" | "injured" | "kidnapped")) => (e, false),
        _ => return Verdict::NotCompared,
    };
    let series = observations
        .iter()
        .filter(|o| o.indicator == indicator && o.area == claim.subject);
    let found = if stock {
        let since = to - time::Duration::days(62);
        series
            .filter(|o| o.to_date <= to && o.to_date >= since.min(from))
            .max_by_key(|o| (o.to_date, o.entry_seq))
    } else {
        // A figure for a year or a month is set against the record's value for that period.
        if claim.date.is_none() || claim.date_precision == "day" {
            return Verdict::NotCompared;
        }
        series
            .filter(|o| o.from_date == from && o.to_date == to)
            .max_by_key(|o| o.entry_seq)
    };
    match found {
        Some(o) => compare(
            v,
            Held::Indicator {
                value: o.value,
                indicator: indicator.to_string(),
                from: o.from_date,
                to: o.to_date,
            },
            claim.qualifier.as_deref(),
        ),
        None => Verdict::New,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn qualifiers_decide_what_bears_a_figure_out() {
        assert!(bears_out(700, 700, None));
        assert!(!bears_out(700, 701, None));
        assert!(bears_out(700, 760, Some("about")) && !bears_out(700, 800, Some("about")));
        assert!(
            bears_out(5000, 5001, Some("more_than")) && !bears_out(5000, 5000, Some("more_than"))
        );
        assert!(bears_out(1000, 1000, Some("at_least")));
    }

    #[test]
    fn a_month_covers_its_days_and_no_date_is_today() {
        let claim = |d: Option<&str>| Claim {
            date: d.map(str::to_string),
            ..Claim::default()
        };
        let today = date!(2025 - 02 - 05);
        assert_eq!(
            window(&claim(Some("2024-02")), today),
            Some((date!(2024 - 02 - 01), date!(2024 - 02 - 29)))
        );
        assert_eq!(
            window(&claim(Some("2024-06-25")), today),
            Some((date!(2024 - 06 - 25), date!(2024 - 06 - 25)))
        );
        assert_eq!(
            window(&claim(Some("2024")), today),
            Some((date!(2024 - 01 - 01), date!(2024 - 12 - 31)))
        );
        assert_eq!(window(&claim(None), today), Some((today, today)));
    }
}

/// What claims are compared with: the record of every mission (or of one) and the indicator
/// series, read once for a batch of claims.
pub struct Against {
    snapshots: Vec<Snapshot>,
    observations: Vec<ObservationRow>,
}

/// One claim's comparison: the mission whose record it was compared with, and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judged {
    /// The mission's slug.
    pub mission: String,
    /// How the claim stands.
    #[serde(flatten)]
    pub verdict: Verdict,
}

impl Against {
    /// Whether there is a mission to compare with.
    pub fn is_empty(&self) -> bool {
        self.snapshots.is_empty()
    }

    /// The missions compared with.
    pub fn missions(&self) -> impl Iterator<Item = &str> {
        self.snapshots.iter().map(|s| s.mission.slug.as_str())
    }

    /// Compares a claim of an article written on `written` (a claim with no date speaks of
    /// that day); `None` when the record holds no mission.
    pub fn judge(&self, claim: &Claim, written: Date) -> crate::Result<Option<Judged>> {
        let Some(snapshot) = mission_for(&self.snapshots, claim, written) else {
            return Ok(None);
        };
        let verdict = if matches!(claim.kind.as_str(), "casualties" | "displacement") {
            reconcile_series(&self.observations, claim, written)
        } else {
            reconcile(snapshot, claim, written)?
        };
        Ok(Some(Judged {
            mission: snapshot.mission.slug.clone(),
            verdict,
        }))
    }
}

impl crate::Reader {
    /// What claims are compared with, as this reader sees the record: `mission`'s record, or
    /// every mission's; indicator values observed up to `today`.
    pub async fn against(&mut self, mission: Option<&str>, today: Date) -> crate::Result<Against> {
        let slugs: Vec<String> = match mission {
            Some(m) => vec![m.to_string()],
            None => self.missions().await?.into_iter().map(|m| m.slug).collect(),
        };
        let mut snapshots = Vec::new();
        for slug in &slugs {
            match self.snapshot(slug).await? {
                Some(s) => snapshots.push(s),
                None => {
                    return Err(konbit_domain::DomainError::NotFound {
                        what: format!("mission {slug:?}"),
                    }
                    .into());
                }
            }
        }
        let observations = self.observations(today).await?;
        Ok(Against {
            snapshots,
            observations,
        })
    }
}
