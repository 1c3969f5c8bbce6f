//! Force-generation arithmetic: strength from movements, pledges in force on a date, and which
//! required instruments a contributor lacks. Strength is always computed, never stored.

use super::{InstrumentKind, InstrumentStatus, Personnel, PledgeStatus};
use time::Date;

/// One recorded movement, reduced to what strength needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flow {
    /// Date of the movement.
    pub on: Date,
    /// Personnel who arrived.
    pub arriving: Personnel,
    /// Personnel who left.
    pub leaving: Personnel,
}

/// Strength on `on` (end of day): everything that arrived minus everything that left, up to and
/// including that date.
pub fn strength_on(flows: &[Flow], on: Date) -> Personnel {
    flows
        .iter()
        .filter(|f| f.on <= on)
        .fold(Personnel::default(), |acc, f| {
            acc.plus(f.arriving).minus(f.leaving)
        })
}

/// Strength after each date on which it changed, in date order.
pub fn strength_steps(flows: &[Flow]) -> Vec<(Date, Personnel)> {
    let mut dates: Vec<Date> = flows.iter().map(|f| f.on).collect();
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .map(|d| (d, strength_on(flows, d)))
        .collect()
}

/// The first date on which some category's strength would be negative, if any.
pub fn first_negative(flows: &[Flow]) -> Option<(Date, Personnel)> {
    strength_steps(flows)
        .into_iter()
        .find(|(_, p)| p.police < 0 || p.military < 0 || p.civilian < 0)
}

/// One version of a pledge: the figures in force from `on`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PledgeVersion {
    /// Which pledge (its id, as a number the caller chooses, e.g. a hash or index).
    pub pledge: u128,
    /// From when these figures stand.
    pub on: Date,
    /// Order of recording, to break ties between versions of the same date.
    pub seq: i64,
    /// Active or withdrawn.
    pub status: PledgeStatus,
    /// The figures.
    pub personnel: Personnel,
}

/// For each pledge, the version in force on `on` (latest `on`, then latest recorded).
pub fn pledges_in_force(versions: &[PledgeVersion], on: Date) -> Vec<PledgeVersion> {
    let mut current: Vec<PledgeVersion> = Vec::new();
    for v in versions.iter().filter(|v| v.on <= on) {
        match current.iter_mut().find(|c| c.pledge == v.pledge) {
            Some(c) if (v.on, v.seq) > (c.on, c.seq) => *c = *v,
            Some(_) => {}
            None => current.push(*v),
        }
    }
    current
}

/// Personnel pledged and standing (not withdrawn) on `on`.
pub fn pledged_on(versions: &[PledgeVersion], on: Date) -> Personnel {
    pledges_in_force(versions, on)
        .iter()
        .filter(|v| v.status == PledgeStatus::Active)
        .fold(Personnel::default(), |acc, v| acc.plus(v.personnel))
}

/// One instrument held by a contributor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Held {
    /// Kind of instrument.
    pub kind: InstrumentKind,
    /// Its status from `issued_on`.
    pub status: InstrumentStatus,
    /// Date of the decision.
    pub issued_on: Date,
    /// Order of recording, to break ties.
    pub seq: i64,
}

/// The required kinds the contributor does not satisfy on `on`: for each kind, the latest
/// instrument of that kind issued on or before `on` decides; none, or one refused, blocked,
/// suspended or expired, leaves the requirement missing.
pub fn missing_instruments(
    required: &[InstrumentKind],
    held: &[Held],
    on: Date,
) -> Vec<InstrumentKind> {
    required
        .iter()
        .copied()
        .filter(|kind| {
            let latest = held
                .iter()
                .filter(|h| h.kind == *kind && h.issued_on <= on)
                .max_by_key(|h| (h.issued_on, h.seq));
            !latest.is_some_and(|h| h.status.satisfies())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn police(n: i64) -> Personnel {
        Personnel {
            police: n,
            ..Personnel::default()
        }
    }

    #[test]
    fn strength_counts_arrivals_and_departures_up_to_the_date() {
        let flows = [
            Flow {
                on: date!(2024 - 06 - 25),
                arriving: police(400),
                leaving: Personnel::default(),
            },
            Flow {
                on: date!(2024 - 07 - 16),
                arriving: police(200),
                leaving: Personnel::default(),
            },
            Flow {
                on: date!(2025 - 12 - 01),
                arriving: police(170),
                leaving: police(370),
            },
        ];
        assert_eq!(strength_on(&flows, date!(2024 - 06 - 24)).total(), 0);
        assert_eq!(strength_on(&flows, date!(2024 - 06 - 25)).total(), 400);
        assert_eq!(strength_on(&flows, date!(2024 - 12 - 31)).total(), 600);
        assert_eq!(strength_on(&flows, date!(2026 - 01 - 01)).total(), 400);
        assert_eq!(strength_steps(&flows).len(), 3);
        assert!(first_negative(&flows).is_none());
    }

    #[test]
    fn departures_beyond_strength_are_found() {
        let flows = [Flow {
            on: date!(2024 - 06 - 25),
            arriving: Personnel::default(),
            leaving: police(1),
        }];
        assert_eq!(
            first_negative(&flows).map(|(d, _)| d),
            Some(date!(2024 - 06 - 25))
        );
    }

    #[test]
    fn revised_and_withdrawn_pledges() {
        let v = |pledge, on, seq, status, n| PledgeVersion {
            pledge,
            on,
            seq,
            status,
            personnel: police(n),
        };
        let versions = [
            v(1, date!(2023 - 07 - 29), 1, PledgeStatus::Active, 1000),
            v(2, date!(2024 - 05 - 01), 2, PledgeStatus::Active, 50),
            v(1, date!(2024 - 09 - 25), 3, PledgeStatus::Active, 2500),
            v(2, date!(2025 - 01 - 01), 4, PledgeStatus::Withdrawn, 0),
        ];
        assert_eq!(pledged_on(&versions, date!(2023 - 07 - 28)).total(), 0);
        assert_eq!(pledged_on(&versions, date!(2024 - 06 - 01)).total(), 1050);
        assert_eq!(pledged_on(&versions, date!(2024 - 10 - 01)).total(), 2550);
        assert_eq!(pledged_on(&versions, date!(2025 - 02 - 01)).total(), 2500);
    }

    #[test]
    fn kenya_chain_satisfies_requirements_only_after_the_agreement() {
        let held = [
            Held {
                kind: InstrumentKind::NationalApproval,
                status: InstrumentStatus::Granted,
                issued_on: date!(2023 - 10 - 13),
                seq: 1,
            },
            Held {
                kind: InstrumentKind::CourtRuling,
                status: InstrumentStatus::Blocked,
                issued_on: date!(2024 - 01 - 26),
                seq: 2,
            },
            Held {
                kind: InstrumentKind::BilateralAgreement,
                status: InstrumentStatus::InForce,
                issued_on: date!(2024 - 03 - 01),
                seq: 3,
            },
        ];
        let req = [
            InstrumentKind::NationalApproval,
            InstrumentKind::BilateralAgreement,
        ];
        assert_eq!(
            missing_instruments(&req, &held, date!(2024 - 02 - 01)),
            vec![InstrumentKind::BilateralAgreement]
        );
        assert!(missing_instruments(&req, &held, date!(2024 - 06 - 25)).is_empty());
        assert_eq!(
            missing_instruments(&req, &[], date!(2024 - 06 - 25)).len(),
            2
        );
    }

    #[test]
    fn a_later_suspension_unsatisfies() {
        let held = [
            Held {
                kind: InstrumentKind::NationalApproval,
                status: InstrumentStatus::Granted,
                issued_on: date!(2023 - 10 - 13),
                seq: 1,
            },
            Held {
                kind: InstrumentKind::NationalApproval,
                status: InstrumentStatus::Suspended,
                issued_on: date!(2024 - 03 - 12),
                seq: 2,
            },
        ];
        let req = [InstrumentKind::NationalApproval];
        assert!(missing_instruments(&req, &held, date!(2024 - 03 - 11)).is_empty());
        assert_eq!(
            missing_instruments(&req, &held, date!(2024 - 03 - 12)).len(),
            1
        );
    }
}
