//! Force generation's projector: the rules a force-generation command must meet against the
//! record (the mission exists, a pledge is not already withdrawn, the contributor holds the
//! instruments the mission requires, strength never goes negative) and the rows it projects
//! into `missions`, `mandates`, `successions`, `requirements`, `pledges`, `authorizations`,
//! `deployments` and `funding`.

use super::query::{self, AuthorizationRow, DeploymentRow, PledgeRow};
use crate::read::rows;
use crate::{
    Ex, Result, StoreError,
    log::Entry,
    on,
    projector::{Asked, Prepared, Projector, RowMeta, insert_row},
    read::Visibility,
};
use konbit_domain::force::{self, ForceCommand};
use konbit_domain::force::{Movement, PledgeStatus};
use konbit_domain::{DomainError, EntryKind, Named};
use uuid::Uuid;

/// Force generation's projector.
pub(crate) struct Force;

impl Projector for Force {
    type Command = ForceCommand;

    fn own(cmd: konbit_domain::Command) -> Option<ForceCommand> {
        match cmd {
            konbit_domain::Command::Force(c) => Some(c),
            _ => None,
        }
    }

    const TABLES: &'static [&'static str] = &[
        "missions",
        "mandates",
        "successions",
        "requirements",
        "pledges",
        "authorizations",
        "deployments",
        "funding",
    ];

    fn table_of(kind: EntryKind) -> Option<&'static str> {
        use EntryKind::*;
        Some(match kind {
            MissionCreated => "missions",
            MandateRecorded => "mandates",
            MissionSucceeded => "successions",
            RequirementsSet => "requirements",
            PledgeRecorded | PledgeRevised | PledgeWithdrawn => "pledges",
            AuthorizationRecorded => "authorizations",
            DeploymentRecorded => "deployments",
            FundingRecorded => "funding",
            _ => return None,
        })
    }

    async fn prepare(ex: &mut Ex<'_>, cmd: &ForceCommand, asked: &Asked<'_>) -> Result<Prepared> {
        let subject = cmd.parent().unwrap_or_else(|| asked.fresh());
        check(ex, cmd, subject, asked.replacing).await?;
        Ok(Prepared {
            subject,
            classification: asked.classification,
        })
    }

    async fn apply(ex: &mut Ex<'_>, _e: &Entry, m: &RowMeta, cmd: &ForceCommand) -> Result<()> {
        match cmd {
            ForceCommand::CreateMission(c) => insert_row!(
                ex,
                m,
                "missions",
                [
                    "slug" = &c.slug,
                    "name" = &c.name,
                    "short_name" = &c.short_name,
                    "host_country" = &c.host_country,
                    "lead_nation" = &c.lead_nation,
                    "start_date" = c.start_date,
                    "note" = &c.note,
                ]
            ),
            ForceCommand::RecordMandate(c) => insert_row!(
                ex,
                m,
                "mandates",
                [
                    "mission" = &c.mission,
                    "resolution" = c.resolution,
                    "adopted_on" = c.adopted_on,
                    "votes_for" = c.votes_for,
                    "votes_against" = c.votes_against,
                    "votes_abstain" = c.votes_abstain,
                    "mandate_end" = c.mandate_end,
                    "review_on" = c.review_on,
                    "ceiling_total" = c.ceiling_total,
                    "ceiling_uniformed" = c.ceiling_uniformed,
                    "ceiling_civilian" = c.ceiling_civilian,
                    "summary" = &c.summary,
                ]
            ),
            ForceCommand::RecordSuccession(c) => insert_row!(
                ex,
                m,
                "successions",
                [
                    "mission" = &c.mission,
                    "successor" = &c.successor,
                    "on_date" = c.on,
                    "resolution" = c.resolution,
                ]
            ),
            ForceCommand::SetRequirements(c) => {
                let list: Vec<&str> = c.instruments.iter().map(|k| k.as_str()).collect();
                insert_row!(
                    ex,
                    m,
                    "requirements",
                    [
                        "mission" = &c.mission,
                        "from_date" = c.from,
                        "instruments" = list.join(","),
                    ]
                )
            }
            ForceCommand::RecordPledge(c) => insert_row!(
                ex,
                m,
                "pledges",
                [
                    "mission" = &c.mission,
                    "country" = &c.country,
                    "version_on" = c.pledged_on,
                    "status" = PledgeStatus::Active.as_str(),
                    "police" = c.personnel.police,
                    "military" = c.personnel.military,
                    "civilian" = c.personnel.civilian,
                    "equipment" = &c.equipment,
                    "money_amount" = c.money.as_ref().map(|x| x.amount),
                    "money_currency" = c.money.as_ref().map(|x| x.currency.clone()),
                    "note" = &c.note,
                ]
            ),
            ForceCommand::RevisePledge(_) | ForceCommand::WithdrawPledge(_) => {
                let first = pledge_versions(ex, m.id)
                    .await?
                    .into_iter()
                    .next()
                    .ok_or_else(|| {
                        StoreError::Internal(format!("pledge {} has no record", m.id))
                    })?;
                let (on_date, status, p, equipment, money, note) = match cmd {
                    ForceCommand::RevisePledge(r) => (
                        r.on,
                        PledgeStatus::Active,
                        r.personnel,
                        r.equipment.clone(),
                        r.money.clone(),
                        r.note.clone(),
                    ),
                    ForceCommand::WithdrawPledge(w) => (
                        w.on,
                        PledgeStatus::Withdrawn,
                        force::Personnel::default(),
                        None,
                        None,
                        Some(w.reason.clone()),
                    ),
                    _ => return Err(StoreError::Internal("unreachable pledge change".into())),
                };
                insert_row!(
                    ex,
                    m,
                    "pledges",
                    [
                        "mission" = &first.mission,
                        "country" = &first.country,
                        "version_on" = on_date,
                        "status" = status.as_str(),
                        "police" = p.police,
                        "military" = p.military,
                        "civilian" = p.civilian,
                        "equipment" = equipment,
                        "money_amount" = money.as_ref().map(|x| x.amount),
                        "money_currency" = money.as_ref().map(|x| x.currency.clone()),
                        "note" = note,
                    ]
                )
            }
            ForceCommand::RecordAuthorization(c) => insert_row!(
                ex,
                m,
                "authorizations",
                [
                    "mission" = &c.mission,
                    "country" = &c.country,
                    "kind" = c.kind.as_str(),
                    "title" = &c.title,
                    "issued_on" = c.issued_on,
                    "status" = c.status.as_str(),
                    "note" = &c.note,
                ]
            ),
            ForceCommand::RecordDeployment(c) => {
                let (i, o) = c.flows();
                insert_row!(
                    ex,
                    m,
                    "deployments",
                    [
                        "mission" = &c.mission,
                        "country" = &c.country,
                        "movement" = c.movement.as_str(),
                        "on_date" = c.on,
                        "in_police" = i.police,
                        "in_military" = i.military,
                        "in_civilian" = i.civilian,
                        "out_police" = o.police,
                        "out_military" = o.military,
                        "out_civilian" = o.civilian,
                        "unit" = &c.unit,
                        "note" = &c.note,
                        "override_reason" = &c.override_reason,
                    ]
                )
            }
            ForceCommand::RecordFunding(c) => insert_row!(
                ex,
                m,
                "funding",
                [
                    "mission" = &c.mission,
                    "donor" = &c.donor,
                    "kind" = c.kind.as_str(),
                    "channel" = c.channel.as_str(),
                    "amount" = c.amount,
                    "currency" = &c.currency,
                    "on_date" = c.on,
                    "note" = &c.note,
                ]
            ),
        }
        Ok(())
    }
}

/// Refuses a command naming a mission the record does not have.
pub(crate) async fn require_mission(ex: &mut Ex<'_>, field: &str, slug: &str) -> Result<()> {
    match query::mission(ex, slug, Visibility::ALL).await? {
        Some(_) => Ok(()),
        None => Err(DomainError::invalid(field, format!("no mission {slug:?}")).into()),
    }
}

/// Rules that need the record: references exist, required instruments are held, strength never
/// goes negative. `replacing` is the entry a correction replaces (left out of the checks).
async fn check(
    ex: &mut Ex<'_>,
    cmd: &ForceCommand,
    subject: Uuid,
    replacing: Option<i64>,
) -> Result<()> {
    match cmd {
        ForceCommand::CreateMission(c) => {
            if let Some(m) = query::mission(ex, &c.slug, Visibility::ALL).await?
                && Some(m.meta.origin_seq) != replacing
            {
                return Err(DomainError::Conflict(format!(
                    "a mission with slug {:?} already exists",
                    c.slug
                ))
                .into());
            }
        }
        ForceCommand::RecordMandate(c) => require_mission(ex, "mission", &c.mission).await?,
        ForceCommand::RecordSuccession(c) => {
            require_mission(ex, "mission", &c.mission).await?;
            require_mission(ex, "successor", &c.successor).await?;
        }
        ForceCommand::SetRequirements(c) => require_mission(ex, "mission", &c.mission).await?,
        ForceCommand::RecordPledge(c) => require_mission(ex, "mission", &c.mission).await?,
        ForceCommand::RevisePledge(_) | ForceCommand::WithdrawPledge(_) => {
            let versions: Vec<PledgeRow> = pledge_versions(ex, subject).await?;
            let Some(last) = versions
                .iter()
                .filter(|v| Some(v.meta.origin_seq) != replacing)
                .max_by_key(|v| (v.version_on, v.meta.origin_seq))
            else {
                return Err(DomainError::invalid("pledge", "no such pledge").into());
            };
            if last.status == PledgeStatus::Withdrawn.as_str() {
                return Err(
                    DomainError::Conflict("the pledge was already withdrawn".into()).into(),
                );
            }
        }
        ForceCommand::RecordAuthorization(c) => require_mission(ex, "mission", &c.mission).await?,
        ForceCommand::RecordFunding(c) => require_mission(ex, "mission", &c.mission).await?,
        ForceCommand::RecordDeployment(d) => {
            require_mission(ex, "mission", &d.mission).await?;
            let reqs = rows(ex, "requirements", Some(&d.mission), Visibility::ALL).await?;
            let required = query::required_on(&reqs, d.on)?;
            let auths: Vec<AuthorizationRow> =
                rows(ex, "authorizations", Some(&d.mission), Visibility::ALL).await?;
            let held = auths
                .iter()
                .filter(|a| a.country == d.country)
                .map(AuthorizationRow::held)
                .collect::<Result<Vec<_>>>()?;
            let missing = force::missing_instruments(&required, &held, d.on);
            if !missing.is_empty() && d.override_reason.is_none() {
                return Err(DomainError::AuthorizationMissing {
                    country: d.country.clone(),
                    missing: missing.iter().map(|k| k.to_string()).collect(),
                }
                .into());
            }
            let movements: Vec<DeploymentRow> =
                rows(ex, "deployments", Some(&d.mission), Visibility::ALL).await?;
            let mut flows: Vec<force::Flow> = movements
                .iter()
                .filter(|m| m.country == d.country && Some(m.meta.origin_seq) != replacing)
                .map(DeploymentRow::flow)
                .collect();
            let (arriving, leaving) = d.flows();
            flows.push(force::Flow {
                on: d.on,
                arriving,
                leaving,
            });
            if let Some((date, p)) = force::first_negative(&flows) {
                let field = if d.movement == Movement::Rotation {
                    "relieved"
                } else {
                    "personnel"
                };
                return Err(DomainError::invalid(
                    field,
                    format!(
                        "more personnel would leave than {} has deployed: strength on {date} \
                         would be {} police, {} military, {} civilian",
                        d.country, p.police, p.military, p.civilian
                    ),
                )
                .into());
            }
        }
    }
    Ok(())
}

async fn pledge_versions(ex: &mut Ex<'_>, id: Uuid) -> Result<Vec<PledgeRow>> {
    Ok(on!(ex, |c| sqlx::query_as::<_, PledgeRow>(
        "SELECT * FROM pledges WHERE id = $1 AND superseded_us IS NULL ORDER BY entry_seq"
    )
    .bind(id)
    .fetch_all(c)
    .await)?)
}
