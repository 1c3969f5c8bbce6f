//! Synthetic ACLED-coded incidents for scale tests and benchmarks: deterministic for a seed,
//! shaped like Haiti's record (mostly gang attacks on civilians and clashes with the police in
//! the Port-au-Prince area and Artibonite, a tail of protests, drone strikes from 2025, heavy-
//! tailed fatalities), placed at gazetteer places with a little jitter. Every row is marked
//! synthetic in its id (`SYN…`) and its notes.

use super::NewIncident;
use super::acled::{ActorType, EventType, SubEventType};
use super::gazetteer::{self, PlaceKind};
use time::{Date, Duration};

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same file on every
/// machine, with no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    /// Picks by weight.
    fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|x| x.1).sum();
        let mut r = (self.unit() * f64::from(total)) as u32;
        for (x, w) in items {
            if r < *w {
                return x;
            }
            r -= w;
        }
        &items[items.len() - 1].0
    }
}

const GANGS: &[&str] = &[
    "Viv Ansanm",
    "G9 an Fanmi e Alye",
    "G-Pep",
    "Gran Grif",
    "400 Mawozo",
    "Village de Dieu Gang",
    "Grand Ravine Gang",
    "Kraze Baryè Gang",
    "Canaan Gang",
    "Ti Makak Gang",
];
const POLICE: &str = "Police Forces of Haiti (2021-)";
const MISSION: &str = "MSS: Multinational Security Support Mission in Haiti (2024-)";
const VIGILANTES: &str = "Bwa Kale Movement";
const CIVILIANS: &str = "Civilians (Haiti)";

/// `count` synthetic incidents for `seed`, dated from 2021 to 2026.
pub fn incidents(count: u64, seed: u64) -> impl Iterator<Item = NewIncident> {
    let g = gazetteer::haiti();
    // Communes and localities weighted toward the capital and Artibonite, as the violence is.
    let places: Vec<(usize, u32)> = g
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind != PlaceKind::Department)
        .map(|(i, p)| {
            let w = match p.department.as_str() {
                "HT-OU" => 12,
                "HT-AR" => 6,
                "HT-CE" => 3,
                _ => 1,
            };
            (i, w)
        })
        .collect();
    let start = time::macros::date!(2021 - 01 - 01);
    let days = (time::macros::date!(2026 - 10 - 31) - start).whole_days();
    let mut rng = Rng::new(seed);
    (0..count).map(move |k| {
        let p = &g.places[*rng.weighted(&places)];
        let day = rng.below(usize::try_from(days).unwrap_or(1)) as i64;
        let date: Date = start + Duration::days(day);
        let sub = *rng.weighted(&[
            (SubEventType::Attack, 34),
            (SubEventType::ArmedClash, 26),
            (SubEventType::AbductionForcedDisappearance, 10),
            (SubEventType::PeacefulProtest, 6),
            (SubEventType::ViolentDemonstration, 4),
            (SubEventType::MobViolence, 3),
            (
                SubEventType::AirDroneStrike,
                if date.year() >= 2025 { 8 } else { 0 },
            ),
            (SubEventType::LootingPropertyDestruction, 4),
            (SubEventType::Arrests, 3),
            (SubEventType::SexualViolence, 2),
            (SubEventType::GovernmentRegainsTerritory, 1),
            (SubEventType::NonStateActorOvertakesTerritory, 1),
        ]);
        let gang = GANGS[rng.below(GANGS.len())];
        let (a1, t1, a2, t2) = match sub.event_type() {
            EventType::Battles => {
                if rng.unit() < 0.2 && date.year() >= 2024 {
                    (
                        MISSION,
                        ActorType::ExternalOtherForces,
                        gang,
                        Some(ActorType::PoliticalMilitia),
                    )
                } else {
                    (
                        gang,
                        ActorType::PoliticalMilitia,
                        POLICE,
                        Some(ActorType::StateForces),
                    )
                }
            }
            EventType::ExplosionsRemoteViolence => (
                POLICE,
                ActorType::StateForces,
                gang,
                Some(ActorType::PoliticalMilitia),
            ),
            EventType::ViolenceAgainstCivilians => {
                if rng.unit() < 0.12 {
                    (
                        VIGILANTES,
                        ActorType::IdentityMilitia,
                        CIVILIANS,
                        Some(ActorType::Civilians),
                    )
                } else {
                    (
                        gang,
                        ActorType::PoliticalMilitia,
                        CIVILIANS,
                        Some(ActorType::Civilians),
                    )
                }
            }
            EventType::Protests => ("Protesters (Haiti)", ActorType::Protesters, "", None),
            EventType::Riots => ("Rioters (Haiti)", ActorType::Rioters, "", None),
            EventType::StrategicDevelopments => {
                if sub == SubEventType::Arrests {
                    (
                        POLICE,
                        ActorType::StateForces,
                        gang,
                        Some(ActorType::PoliticalMilitia),
                    )
                } else {
                    (gang, ActorType::PoliticalMilitia, "", None)
                }
            }
        };
        // Heavy tail: most events kill nobody or a few; a handful are massacres.
        let violent = matches!(
            sub.event_type(),
            EventType::Battles
                | EventType::ExplosionsRemoteViolence
                | EventType::ViolenceAgainstCivilians
        ) || sub == SubEventType::MobViolence;
        let fatalities = if violent {
            let u = rng.unit();
            if u < 0.45 {
                0
            } else if u < 0.97 {
                1 + rng.below(5) as u32
            } else {
                5 + (rng.unit().powi(3) * 120.0) as u32
            }
        } else {
            0
        };
        let jitter = |r: &mut Rng| (r.unit() - 0.5) * 0.02;
        let department = g.place(&p.department).map_or("Ouest", |d| d.name.as_str());
        NewIncident {
            event_id: format!("SYN{}", k + 1),
            event_date: date,
            time_precision: *rng.weighted(&[(1u8, 90), (2, 8), (3, 2)]),
            disorder_type: None,
            event_type: sub.event_type(),
            sub_event_type: sub,
            actor1: a1.to_string(),
            assoc_actor_1: String::new(),
            inter1: t1,
            actor2: a2.to_string(),
            assoc_actor_2: String::new(),
            inter2: t2,
            civilian_targeting: t2 == Some(ActorType::Civilians),
            admin1: department.to_string(),
            admin2: p.arrondissement.clone(),
            admin3: p.name.clone(),
            location: p.name.clone(),
            latitude: ((p.lat + jitter(&mut rng)) * 10_000.0).round() / 10_000.0,
            longitude: ((p.lon + jitter(&mut rng)) * 10_000.0).round() / 10_000.0,
            geo_precision: *rng.weighted(&[(1u8, 70), (2, 25), (3, 5)]),
            source: "Synthetic".into(),
            source_scale: "Other".into(),
            notes: format!(
                "SYNTHETIC. On {date}, {} ({}) in {}, {}: {}. {} reported fatalities.",
                sub.label().to_lowercase(),
                a1,
                p.name,
                department,
                if a2.is_empty() { "no second actor" } else { a2 },
                fatalities
            ),
            fatalities,
            fatality_claims: Vec::new(),
            tags: String::new(),
            timestamp: Some(1_700_000_000 + k as i64),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ValidationErrors;

    #[test]
    fn the_same_seed_gives_the_same_rows_and_every_row_is_valid() {
        let a: Vec<NewIncident> = incidents(300, 7).collect();
        let b: Vec<NewIncident> = incidents(300, 7).collect();
        assert_eq!(a, b);
        let c: Vec<NewIncident> = incidents(300, 8).collect();
        assert_ne!(a, c);
        for i in &a {
            let mut e = ValidationErrors::default();
            i.check(&mut e);
            assert!(e.0.is_empty(), "{}: {:?}", i.event_id, e.0);
        }
        let types: std::collections::HashSet<_> = a.iter().map(|i| i.event_type).collect();
        assert!(types.len() >= 5, "{types:?}");
    }
}
