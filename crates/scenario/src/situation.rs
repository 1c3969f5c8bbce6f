//! The situational picture of a scenario turned into commands, in the order the store's rules
//! need.

use konbit_domain::{
    Classification, Command,
    situation::{
        Designation, FatalityClaim, GroupKind, GroupProfile, NewIncident, Observation,
        RouteStatusChange, SiteStatusChange, SituationCommand, VerificationChange,
    },
};
use uuid::Uuid;

use super::items::*;
use super::loader::Loader;

impl Loader {
    fn situation(
        &mut self,
        what: &str,
        command: SituationCommand,
        sources: &[String],
        class: Option<Classification>,
        key: Option<(&str, &str)>,
    ) -> anyhow::Result<Uuid> {
        self.record(what, Command::Situation(command), sources, class, key)
    }
}

/// Turns the situation tables into commands, in the order the store's rules need: coalitions,
/// then groups (a profile may only name coalitions already profiled), designations, incidents,
/// verification changes in file order (each must follow from the status before it), site and
/// route statuses (which may name a holding group), then indicators. Incidents are keyed
/// `incident:EVENT_ID` and indicators `indicator:KEY`, so that discrepancies can name them.
pub(crate) fn record_situation(l: &mut Loader, s: Situation<'_>) -> anyhow::Result<()> {
    let (coalitions, groups): (Vec<_>, Vec<_>) = s
        .armed_group
        .into_iter()
        .partition(|(_, g)| g.kind == GroupKind::Coalition);
    for (name, g) in coalitions.into_iter().chain(groups) {
        let what = format!("{name}: armed group {:?} on {}", g.code, g.on);
        l.situation(
            &what,
            SituationCommand::ProfileGroup(GroupProfile {
                code: g.code,
                name: g.name,
                kind: g.kind,
                aliases: g.aliases,
                member_of: g.member_of,
                leaders: g.leaders,
                areas: g.areas,
                on: g.on,
                acled_actor: g.acled_actor,
                note: g.note,
            }),
            &g.sources,
            g.classification,
            None,
        )?;
        l.report.group_profiles += 1;
    }
    for (name, d) in s.designation {
        let what = format!(
            "{name}: designation of {:?} ({}, {})",
            d.person.as_deref().unwrap_or(&d.group),
            d.kind,
            d.on
        );
        l.situation(
            &what,
            SituationCommand::Designate(Designation {
                group: d.group,
                person: d.person,
                kind: d.kind,
                authority: d.authority,
                on: d.on,
                reference: d.reference,
                note: d.note,
            }),
            &d.sources,
            d.classification,
            None,
        )?;
        l.report.designations += 1;
    }
    for (name, i) in s.incident {
        let what = format!("{name}: incident {:?}", i.event_id);
        let fatality_claims = i
            .fatality_claim
            .iter()
            .map(|c| {
                Ok(FatalityClaim {
                    figure: c.figure.clone(),
                    sources: l.source_ids(&c.sources, &what)?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let claims = fatality_claims.len();
        let mut incident = NewIncident {
            event_id: i.event_id,
            event_date: i.event_date,
            time_precision: i.time_precision,
            disorder_type: None,
            event_type: i.event_type,
            sub_event_type: i.sub_event_type,
            actor1: i.actor1,
            assoc_actor_1: i.assoc_actor_1,
            inter1: i.inter1,
            actor2: i.actor2,
            assoc_actor_2: i.assoc_actor_2,
            inter2: i.inter2,
            civilian_targeting: i.civilian_targeting,
            admin1: i.admin1,
            admin2: i.admin2,
            admin3: i.admin3,
            location: i.location,
            latitude: i.latitude,
            longitude: i.longitude,
            geo_precision: i.geo_precision,
            source: String::new(),
            source_scale: String::new(),
            notes: i.notes,
            fatalities: i.fatalities,
            fatality_claims,
            tags: String::new(),
            timestamp: None,
        };
        incident.normalize();
        let key = incident.event_id.clone();
        l.situation(
            &what,
            SituationCommand::RecordIncident(Box::new(incident)),
            &i.sources,
            i.classification,
            Some(("incident", &key)),
        )?;
        l.report.incidents += 1;
        l.report.fatality_claims += claims;
    }
    for (name, v) in s.verification {
        let what = format!(
            "{name}: verification of incident {:?} to {} on {}",
            v.incident, v.status, v.on
        );
        l.situation(
            &what,
            SituationCommand::ChangeVerification(VerificationChange {
                incident: v.incident,
                status: v.status,
                reason: v.reason,
                on: v.on,
            }),
            &v.sources,
            v.classification,
            None,
        )?;
        l.report.verifications += 1;
    }
    for (name, x) in s.site_status {
        let what = format!("{name}: status of site {:?} on {}", x.site, x.on);
        l.situation(
            &what,
            SituationCommand::SiteStatus(SiteStatusChange {
                site: x.site,
                status: x.status,
                on: x.on,
                held_by: x.held_by,
                note: x.note,
            }),
            &x.sources,
            x.classification,
            None,
        )?;
        l.report.site_statuses += 1;
    }
    for (name, x) in s.route_status {
        let what = format!(
            "{name}: status of route segment {:?} on {}",
            x.segment, x.on
        );
        l.situation(
            &what,
            SituationCommand::RouteStatus(RouteStatusChange {
                segment: x.segment,
                status: x.status,
                on: x.on,
                held_by: x.held_by,
                note: x.note,
            }),
            &x.sources,
            x.classification,
            None,
        )?;
        l.report.route_statuses += 1;
    }
    for (name, x) in s.indicator {
        let what = format!("{name}: indicator {:?}", x.key);
        l.situation(
            &what,
            SituationCommand::Observe(Observation {
                indicator: x.indicator,
                from: x.from,
                to: x.to,
                area: x.area,
                value: x.value,
                qualifier: x.qualifier,
                note: x.note,
            }),
            &x.sources,
            x.classification,
            Some(("indicator", &x.key)),
        )?;
        l.report.observations += 1;
    }
    Ok(())
}
