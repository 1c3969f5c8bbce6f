//! The ACLED codebook as Konbit records incidents: event types and their sub-types, disorder
//! types, actor-type (`inter`) codes and interactions, time and geo precision, and ACLED's rule
//! for fatality figures (the most conservative estimate; "dozens" = 12, "hundreds" = 100).
//!
//! The codebook's labels ("Violence against civilians") are what ACLED files carry; the
//! snake_case names (`violence_against_civilians`) are what the API, the database and URLs use.
//! Reading and writing ACLED files is [`crate::acled_csv`]'s.

use crate::Named;

crate::vocabulary! {
    /// ACLED event type.
    pub enum EventType {
        /// Violent clashes between armed groups.
        Battles,
        /// One-sided violence by remote means (drones, explosives).
        ExplosionsRemoteViolence,
        /// Violence by an organised armed group against unarmed non-combatants.
        ViolenceAgainstCivilians,
        /// Public demonstrations without violence by the demonstrators.
        Protests,
        /// Violent demonstrations and mob violence.
        Riots,
        /// Non-violent activity that is significant to the situation.
        StrategicDevelopments,
    }
}

impl EventType {
    /// ACLED's label.
    pub fn label(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }

    /// Parses ACLED's label or the snake_case name.
    pub fn parse(s: &str) -> Option<EventType> {
        let s = s.trim();
        EventType::ALL
            .iter()
            .copied()
            .find(|t| t.label().eq_ignore_ascii_case(s) || t.as_str() == s)
    }

    /// The sub-event types ACLED allows under this type.
    pub fn sub_types(self) -> impl Iterator<Item = SubEventType> {
        SubEventType::ALL
            .iter()
            .copied()
            .filter(move |s| s.event_type() == self)
    }
}

crate::vocabulary! {
    /// ACLED sub-event type.
    pub enum SubEventType {
        /// Battles.
        ArmedClash,
        /// Battles.
        GovernmentRegainsTerritory,
        /// Battles.
        NonStateActorOvertakesTerritory,
        /// Explosions/Remote violence.
        ChemicalWeapon,
        /// Explosions/Remote violence.
        AirDroneStrike,
        /// Explosions/Remote violence.
        SuicideBomb,
        /// Explosions/Remote violence.
        ShellingArtilleryMissileAttack,
        /// Explosions/Remote violence.
        RemoteExplosiveLandmineIed,
        /// Explosions/Remote violence.
        Grenade,
        /// Violence against civilians.
        SexualViolence,
        /// Violence against civilians.
        Attack,
        /// Violence against civilians.
        AbductionForcedDisappearance,
        /// Protests.
        PeacefulProtest,
        /// Protests.
        ProtestWithIntervention,
        /// Protests.
        ExcessiveForceAgainstProtesters,
        /// Riots.
        ViolentDemonstration,
        /// Riots.
        MobViolence,
        /// Strategic developments.
        Agreement,
        /// Strategic developments.
        Arrests,
        /// Strategic developments.
        ChangeToGroupActivity,
        /// Strategic developments.
        DisruptedWeaponsUse,
        /// Strategic developments.
        HeadquartersOrBaseEstablished,
        /// Strategic developments.
        LootingPropertyDestruction,
        /// Strategic developments.
        NonViolentTransferOfTerritory,
        /// Strategic developments.
        Other,
    }
}

impl SubEventType {
    /// ACLED's label.
    pub fn label(self) -> &'static str {
        use SubEventType::*;
        match self {
            ArmedClash => "Armed clash",
            GovernmentRegainsTerritory => "Government regains territory",
            NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
            ChemicalWeapon => "Chemical weapon",
            AirDroneStrike => "Air/drone strike",
            SuicideBomb => "Suicide bomb",
            ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
            RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
            Grenade => "Grenade",
            SexualViolence => "Sexual violence",
            Attack => "Attack",
            AbductionForcedDisappearance => "Abduction/forced disappearance",
            PeacefulProtest => "Peaceful protest",
            ProtestWithIntervention => "Protest with intervention",
            ExcessiveForceAgainstProtesters => "Excessive force against protesters",
            ViolentDemonstration => "Violent demonstration",
            MobViolence => "Mob violence",
            Agreement => "Agreement",
            Arrests => "Arrests",
            ChangeToGroupActivity => "Change to group/activity",
            DisruptedWeaponsUse => "Disrupted weapons use",
            HeadquartersOrBaseEstablished => "Headquarters or base established",
            LootingPropertyDestruction => "Looting/property destruction",
            NonViolentTransferOfTerritory => "Non-violent transfer of territory",
            Other => "Other",
        }
    }

    /// Parses ACLED's label or the snake_case name.
    pub fn parse(s: &str) -> Option<SubEventType> {
        let s = s.trim();
        SubEventType::ALL
            .iter()
            .copied()
            .find(|t| t.label().eq_ignore_ascii_case(s) || t.as_str() == s)
    }

    /// The event type this sub-type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }

    /// The disorder type ACLED gives events of this sub-type.
    pub fn disorder(self) -> DisorderType {
        use SubEventType::*;
        match self.event_type() {
            EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians => DisorderType::PoliticalViolence,
            EventType::StrategicDevelopments => DisorderType::StrategicDevelopments,
            EventType::Protests | EventType::Riots => match self {
                ExcessiveForceAgainstProtesters | MobViolence => {
                    DisorderType::PoliticalViolenceDemonstrations
                }
                _ => DisorderType::Demonstrations,
            },
        }
    }
}

crate::vocabulary! {
    /// ACLED disorder type.
    pub enum DisorderType {
        /// Battles, explosions/remote violence, violence against civilians.
        PoliticalViolence,
        /// Protests and riots.
        Demonstrations,
        /// Violence in a demonstration setting (excessive force, mob violence).
        PoliticalViolenceDemonstrations,
        /// Strategic developments.
        StrategicDevelopments,
    }
}

impl DisorderType {
    /// ACLED's label.
    pub fn label(self) -> &'static str {
        match self {
            DisorderType::PoliticalViolence => "Political violence",
            DisorderType::Demonstrations => "Demonstrations",
            DisorderType::PoliticalViolenceDemonstrations => "Political violence; Demonstrations",
            DisorderType::StrategicDevelopments => "Strategic developments",
        }
    }

    /// Parses ACLED's label or the snake_case name.
    pub fn parse(s: &str) -> Option<DisorderType> {
        let s = s.trim();
        DisorderType::ALL
            .iter()
            .copied()
            .find(|t| t.label().eq_ignore_ascii_case(s) || t.as_str() == s)
    }
}

crate::vocabulary! {
    /// ACLED actor type, the `inter1`/`inter2` code.
    pub enum ActorType {
        /// 1: state forces (including the mission's and the host state's police).
        StateForces,
        /// 2: rebel groups.
        RebelGroup,
        /// 3: political militias (Haiti's gangs are coded here by ACLED).
        PoliticalMilitia,
        /// 4: identity militias (including vigilante groups such as Bwa Kale).
        IdentityMilitia,
        /// 5: rioters.
        Rioters,
        /// 6: protesters.
        Protesters,
        /// 7: civilians.
        Civilians,
        /// 8: external or other forces.
        ExternalOtherForces,
    }
}

impl ActorType {
    /// ACLED's numeric code, 1–8.
    pub fn code(self) -> u8 {
        match self {
            ActorType::StateForces => 1,
            ActorType::RebelGroup => 2,
            ActorType::PoliticalMilitia => 3,
            ActorType::IdentityMilitia => 4,
            ActorType::Rioters => 5,
            ActorType::Protesters => 6,
            ActorType::Civilians => 7,
            ActorType::ExternalOtherForces => 8,
        }
    }

    /// ACLED's label (as in current ACLED files).
    pub fn label(self) -> &'static str {
        match self {
            ActorType::StateForces => "State forces",
            ActorType::RebelGroup => "Rebel group",
            ActorType::PoliticalMilitia => "Political militia",
            ActorType::IdentityMilitia => "Identity militia",
            ActorType::Rioters => "Rioters",
            ActorType::Protesters => "Protesters",
            ActorType::Civilians => "Civilians",
            ActorType::ExternalOtherForces => "External/Other forces",
        }
    }

    /// Parses the numeric code (`3`), ACLED's label in the singular or the plural
    /// (`Political militia`, `Political militias`) or the snake_case name.
    pub fn parse(s: &str) -> Option<ActorType> {
        let s = s.trim();
        if let Ok(n) = s.parse::<u8>() {
            return ActorType::ALL.iter().copied().find(|t| t.code() == n);
        }
        let singular = s.strip_suffix('s').unwrap_or(s);
        ActorType::ALL.iter().copied().find(|t| {
            let l = t.label();
            l.eq_ignore_ascii_case(s)
                || l.eq_ignore_ascii_case(singular)
                || l.strip_suffix('s')
                    .is_some_and(|x| x.eq_ignore_ascii_case(singular))
                || t.as_str() == s
        })
    }
}

/// ACLED's interaction code: the two actor-type codes, lower first (`17` state forces against
/// civilians); an event with one actor is `10 × code` (`30`, a militia acting alone).
pub fn interaction(inter1: ActorType, inter2: Option<ActorType>) -> u8 {
    match inter2 {
        None => inter1.code() * 10,
        Some(b) => {
            let (x, y) = (inter1.code().min(b.code()), inter1.code().max(b.code()));
            x * 10 + y
        }
    }
}

/// ACLED's interaction label (`State forces-Civilians`, `Political militia only`).
pub fn interaction_label(inter1: ActorType, inter2: Option<ActorType>) -> String {
    match inter2 {
        None => format!("{} only", inter1.label()),
        Some(b) => {
            let (x, y) = if inter1.code() <= b.code() {
                (inter1, b)
            } else {
                (b, inter1)
            };
            format!("{}-{}", x.label(), y.label())
        }
    }
}

/// Reads one reported fatality figure as ACLED codes it: a number (`115`, `1,200`), a lower
/// bound (`at least 115`, `over 100`, `more than 3,700` — the bound itself, the conservative
/// reading), a range (`115-150`, `12 to 20` — the lower end), or a vague quantity (`tens` = 10,
/// `dozens` = 12, `hundreds` = 100, `thousands` = 1,000). `none`/`no fatalities` is 0.
pub fn parse_fatalities(text: &str) -> Result<u32, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err("a fatality figure must not be empty".into());
    }
    match t.as_str() {
        "none" | "no fatalities" | "nobody" | "zero" => return Ok(0),
        "tens" | "dozen" => return Ok(if t == "tens" { 10 } else { 12 }),
        "dozens" => return Ok(12),
        "hundreds" => return Ok(100),
        "thousands" => return Ok(1000),
        _ => {}
    }
    let mut rest = t.as_str();
    for prefix in [
        "at least ",
        "more than ",
        "over ",
        "upwards of ",
        "some ",
        "about ",
        "around ",
        "approximately ",
        "nearly ",
        "almost ",
        "up to ",
        "~",
        ">",
        "≥",
    ] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    match rest {
        "dozens" => return Ok(12),
        "hundreds" => return Ok(100),
        "thousands" => return Ok(1000),
        "tens" => return Ok(10),
        _ => {}
    }
    // A range keeps its lower end.
    let first = rest
        .split(['-', '–'])
        .next()
        .unwrap_or(rest)
        .split(" to ")
        .next()
        .unwrap_or(rest)
        .trim();
    let digits: String = first.chars().filter(|c| *c != ',' && *c != ' ').collect();
    digits.parse::<u32>().map_err(|_| {
        format!(
            "cannot read {text:?} as a fatality figure: give a number, \"at least N\", a range \
             \"N-M\", or tens/dozens/hundreds/thousands"
        )
    })
}

/// The figure ACLED records when sources disagree: the most conservative one.
pub fn conservative_fatalities<'a>(
    claims: impl IntoIterator<Item = &'a str>,
) -> Result<Option<u32>, String> {
    let mut min: Option<u32> = None;
    for c in claims {
        let n = parse_fatalities(c)?;
        min = Some(min.map_or(n, |m| m.min(n)));
    }
    Ok(min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_type_belongs_to_one_type_and_the_codebook_has_25() {
        assert_eq!(SubEventType::ALL.len(), 25);
        let per: Vec<usize> = EventType::ALL
            .iter()
            .map(|t| t.sub_types().count())
            .collect();
        assert_eq!(per, vec![3, 6, 3, 3, 2, 8]);
    }

    #[test]
    fn labels_and_names_parse_both_ways() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.label()), Some(*t));
            assert_eq!(EventType::parse(t.as_str()), Some(*t));
        }
        for t in SubEventType::ALL {
            assert_eq!(SubEventType::parse(t.label()), Some(*t));
        }
        assert_eq!(
            SubEventType::parse("remote explosive/landmine/ied"),
            Some(SubEventType::RemoteExplosiveLandmineIed)
        );
        assert_eq!(EventType::parse("Battle"), None);
        assert_eq!(
            DisorderType::parse("Political violence; Demonstrations"),
            Some(DisorderType::PoliticalViolenceDemonstrations)
        );
    }

    #[test]
    fn actor_types_read_codes_labels_and_plurals() {
        assert_eq!(ActorType::parse("3"), Some(ActorType::PoliticalMilitia));
        assert_eq!(
            ActorType::parse("Political militias"),
            Some(ActorType::PoliticalMilitia)
        );
        assert_eq!(ActorType::parse("Civilians"), Some(ActorType::Civilians));
        assert_eq!(
            ActorType::parse("External/Other forces"),
            Some(ActorType::ExternalOtherForces)
        );
        assert_eq!(ActorType::parse("9"), None);
        assert_eq!(ActorType::parse("gang"), None);
        for t in ActorType::ALL {
            assert_eq!(ActorType::parse(&t.code().to_string()), Some(*t));
            assert_eq!(ActorType::parse(t.label()), Some(*t));
        }
    }

    #[test]
    fn interaction_puts_the_lower_code_first() {
        use ActorType::*;
        assert_eq!(interaction(Civilians, Some(StateForces)), 17);
        assert_eq!(interaction(StateForces, Some(Civilians)), 17);
        assert_eq!(interaction(PoliticalMilitia, None), 30);
        assert_eq!(
            interaction_label(Civilians, Some(PoliticalMilitia)),
            "Political militia-Civilians"
        );
        assert_eq!(interaction_label(Protesters, None), "Protesters only");
    }

    #[test]
    fn fatalities_follow_acled_rules() {
        for (text, n) in [
            ("115", 115),
            ("1,200", 1200),
            ("at least 115", 115),
            ("over 100", 100),
            ("more than 3,700", 3700),
            ("115-150", 115),
            ("12 to 20", 12),
            ("dozens", 12),
            ("hundreds", 100),
            ("tens", 10),
            ("at least dozens", 12),
            ("none", 0),
        ] {
            assert_eq!(parse_fatalities(text), Ok(n), "{text}");
        }
        assert!(parse_fatalities("many").is_err());
        assert!(parse_fatalities("").is_err());
        assert_eq!(
            conservative_fatalities(["at least 115", "over 100"]),
            Ok(Some(100))
        );
        assert_eq!(conservative_fatalities([]), Ok(None));
    }
}
