//! The accountability registers of a scenario turned into commands, in the order the store's
//! rules need.

use anyhow::bail;
use konbit_domain::Named;
use konbit_domain::{
    Category, Classification, Command,
    registers::{
        Allegation, CaseUpdate, Handover, NewAcknowledgement, NewAssignment, NewCase, NewComplaint,
        NewDetention, NewDocument, NewPerson, NewUseOfForce, NewVetting, PersonDeparture,
        PersonIdentity, RegisterCommand, Release, UseOfForceReview,
    },
};
use konbit_store::registers::secret_hash;
use uuid::Uuid;

use super::items::*;
use super::loader::Loader;

impl Loader {
    fn register(
        &mut self,
        what: &str,
        command: RegisterCommand,
        sources: &[String],
        class: Option<Classification>,
        key: Option<(&str, &str)>,
    ) -> anyhow::Result<Uuid> {
        self.record(what, Command::Register(command), sources, class, key)
    }
}

/// Turns the register tables into commands. The order follows the store's rules: documents and
/// persons before what refers to them; departures before assignments (the gate looks at the whole
/// deployment); vetting and acknowledgements before assignments; use-of-force reports that name
/// no detention, then detentions (which may name a report), then reports that name a detention;
/// reviews, handovers and releases in file order; complaints before the cases opened on them,
/// and case updates last, in file order.
pub(crate) fn record_registers(l: &mut Loader, r: Registers<'_>) -> anyhow::Result<()> {
    for (name, d) in r.document {
        let what = format!("{name}: document {:?}", d.key);
        l.register(
            &what,
            RegisterCommand::IssueDocument(NewDocument {
                mission: d.mission,
                kind: d.kind,
                version: d.version,
                title: d.title,
                effective_on: d.effective_on,
                binds: d.binds.unwrap_or_else(|| Category::ALL.to_vec()),
                note: d.note,
            }),
            &d.sources,
            d.classification,
            Some(("document", &d.key)),
        )?;
        l.report.documents += 1;
    }
    for (name, p) in r.person {
        let what = format!("{name}: person {:?}", p.key);
        let _ = p.note;
        l.register(
            &what,
            RegisterCommand::RegisterPerson(NewPerson {
                mission: p.mission,
                country: p.country,
                unit: p.unit,
                category: p.category,
                deployed_from: p.deployed_from,
                deployed_until: p.deployed_until,
                identity: Some(PersonIdentity {
                    service_number: p.service_number,
                    name: p.name,
                    rank: p.rank,
                }),
            }),
            &p.sources,
            p.classification,
            Some(("person", &p.key)),
        )?;
        l.report.persons += 1;
    }
    for (name, d) in r.departure {
        let what = format!("{name}: departure of person {:?} on {}", d.person, d.on);
        let person = l.key("person", &d.person, &what)?;
        let _ = d.note;
        l.register(
            &what,
            RegisterCommand::RecordDeparture(PersonDeparture {
                person,
                on: d.on,
                reason: d.reason,
            }),
            &d.sources,
            d.classification,
            None,
        )?;
        l.report.departures += 1;
    }
    for (name, v) in r.vetting {
        let what = format!("{name}: vetting of person {:?} on {}", v.person, v.on);
        let person = l.key("person", &v.person, &what)?;
        let _ = v.note;
        l.register(
            &what,
            RegisterCommand::RecordVetting(NewVetting {
                person,
                status: v.status,
                on: v.on,
                by: v.by,
                findings: v.findings,
            }),
            &v.sources,
            v.classification,
            None,
        )?;
        l.report.vettings += 1;
    }
    for (name, a) in r.acknowledgement {
        let what = format!(
            "{name}: acknowledgement by person {:?} on {}",
            a.person, a.on
        );
        let person = l.key("person", &a.person, &what)?;
        let _ = a.note;
        if a.documents.is_empty() {
            bail!("{what}: `documents` names at least one document key");
        }
        for doc in &a.documents {
            let what = format!("{what} of document {doc:?}");
            let document = l.key("document", doc, &what)?;
            l.register(
                &what,
                RegisterCommand::Acknowledge(NewAcknowledgement {
                    person,
                    document,
                    on: a.on,
                }),
                &a.sources,
                a.classification,
                None,
            )?;
            l.report.acknowledgements += 1;
        }
    }
    for (name, a) in r.assignment {
        let what = format!("{name}: assignment of person {:?} on {}", a.person, a.on);
        let person = l.key("person", &a.person, &what)?;
        let _ = a.note;
        l.register(
            &what,
            RegisterCommand::Assign(NewAssignment {
                person,
                operation: a.operation,
                on: a.on,
            }),
            &a.sources,
            a.classification,
            None,
        )?;
        l.report.assignments += 1;
    }
    let (naming_a_detention, reports): (Vec<_>, Vec<_>) = r
        .use_of_force
        .into_iter()
        .partition(|(_, u)| u.detention.is_some());
    for (name, u) in reports {
        record_use_of_force(l, name, u)?;
    }
    for (name, d) in r.detention {
        let what = format!("{name}: detention {:?}", d.key);
        let use_of_force = d
            .use_of_force
            .as_deref()
            .map(|k| l.key("use_of_force", k, &what))
            .transpose()?;
        let _ = d.note;
        l.register(
            &what,
            RegisterCommand::RecordDetention(NewDetention {
                mission: d.mission,
                country: d.country,
                arresting_unit: d.arresting_unit,
                arrested_at: d.arrested_at,
                place: d.place,
                medical_check_at: d.medical_check_at,
                family_notified_at: d.family_notified_at,
                harm_in_custody: d.harm_in_custody,
                use_of_force,
                incident: None,
                grounds: Some(d.grounds),
                person: Some(d.detainee),
            }),
            &d.sources,
            d.classification,
            Some(("detention", &d.key)),
        )?;
        l.report.detentions += 1;
    }
    for (name, u) in naming_a_detention {
        record_use_of_force(l, name, u)?;
    }
    for (name, v) in r.review {
        let what = format!(
            "{name}: review of use-of-force report {:?} ({})",
            v.report, v.status
        );
        let report = l.key("use_of_force", &v.report, &what)?;
        let _ = v.note;
        l.register(
            &what,
            RegisterCommand::ReviewUseOfForce(UseOfForceReview {
                report,
                status: v.status,
                reason: v.reason,
            }),
            &v.sources,
            v.classification,
            None,
        )?;
        l.report.reviews += 1;
    }
    for (name, h) in r.handover {
        let what = format!("{name}: handover of detention {:?}", h.detention);
        let detention = l.key("detention", &h.detention, &what)?;
        let _ = h.note;
        l.register(
            &what,
            RegisterCommand::HandOver(Handover {
                detention,
                at: h.at,
                station: h.station,
                receiving_officer: Some(h.receiving_officer),
            }),
            &h.sources,
            h.classification,
            None,
        )?;
        l.report.handovers += 1;
    }
    for (name, x) in r.release {
        let what = format!("{name}: release of detention {:?}", x.detention);
        let detention = l.key("detention", &x.detention, &what)?;
        let _ = x.note;
        l.register(
            &what,
            RegisterCommand::Release(Release {
                detention,
                at: x.at,
                reason: x.reason,
            }),
            &x.sources,
            x.classification,
            None,
        )?;
        l.report.releases += 1;
    }
    for (name, c) in r.complaint {
        let what = format!("{name}: complaint {:?}", c.key);
        if c.secret.trim().is_empty() {
            bail!("{what}: `secret` must not be empty");
        }
        let _ = c.note;
        l.register(
            &what,
            RegisterCommand::ReceiveComplaint(NewComplaint {
                mission: c.mission,
                reference: c.reference,
                secret_hash: secret_hash(&c.secret),
                language: c.language,
                anonymous: c.anonymous,
                received_at: Some(c.received_at),
                account: Some(c.account),
                occurred_on: c.occurred_on,
                place: c.place,
                name: c.name,
                contact: c.contact,
            }),
            &c.sources,
            c.classification,
            Some(("complaint", &c.key)),
        )?;
        l.report.complaints += 1;
    }
    for (name, c) in r.case {
        let what = format!("{name}: case {:?}", c.key);
        let complaint = c
            .complaint
            .as_deref()
            .map(|k| l.key("complaint", k, &what))
            .transpose()?;
        let allegations = c
            .allegation
            .into_iter()
            .map(|a| {
                Ok(Allegation {
                    person: a
                        .person
                        .as_deref()
                        .map(|k| l.key("person", k, &what))
                        .transpose()?,
                    country: a.country,
                    misconduct: a.misconduct,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let _ = c.note;
        l.register(
            &what,
            RegisterCommand::OpenCase(NewCase {
                mission: c.mission,
                complaint,
                category: c.category,
                opened_on: c.opened_on,
                allegations,
                investigating_entity: c.investigating_entity,
                victim_assistance: c.victim_assistance,
                summary: Some(c.summary),
                interim_measures: c.interim_measures,
            }),
            &c.sources,
            c.classification,
            Some(("case", &c.key)),
        )?;
        l.report.cases += 1;
    }
    for (name, u) in r.case_update {
        let what = format!(
            "{name}: update of case {:?} to {} on {}",
            u.case, u.status, u.on
        );
        let case = l.key("case", &u.case, &what)?;
        let _ = u.note;
        l.register(
            &what,
            RegisterCommand::UpdateCase(CaseUpdate {
                case,
                status: u.status,
                on: u.on,
                victim_assistance: u.victim_assistance,
                outcome: u.outcome,
                actions: u.actions,
                interim_measures: u.interim_measures,
            }),
            &u.sources,
            u.classification,
            None,
        )?;
        l.report.case_updates += 1;
    }
    Ok(())
}

fn record_use_of_force(l: &mut Loader, name: &str, u: UseOfForceItem) -> anyhow::Result<()> {
    let what = format!("{name}: use-of-force report {:?}", u.key);
    let detention = u
        .detention
        .as_deref()
        .map(|k| l.key("detention", k, &what))
        .transpose()?;
    let persons = u
        .persons_involved
        .iter()
        .map(|k| l.key("person", k, &what))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let _ = u.note;
    l.register(
        &what,
        RegisterCommand::ReportUseOfForce(NewUseOfForce {
            mission: u.mission,
            country: u.country,
            unit: u.unit,
            occurred_at: u.occurred_at,
            place: u.place,
            level: u.level,
            rounds_fired: u.rounds_fired,
            injured: u.injured,
            killed: u.killed,
            incident: None,
            detention,
            submitted_at: Some(u.submitted_at),
            persons_involved: (!persons.is_empty()).then_some(persons),
            narrative: Some(u.narrative),
        }),
        &u.sources,
        u.classification,
        Some(("use_of_force", &u.key)),
    )?;
    l.report.use_of_force += 1;
    Ok(())
}
