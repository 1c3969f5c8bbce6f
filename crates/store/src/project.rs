//! Projections: turning entries into current-state rows, and the rules that need the state of
//! the record before an entry may be appended. [`execute`] is the whole write path of one
//! command (validate, check, append, project); [`apply`] is the part [`rebuild`] replays.

use crate::{
    Ex, Result, StoreError,
    log::{self, Draft, Entry, TimedHead},
    micros, on,
    query::{self, AuthorizationRow, DeploymentRow, PledgeRow, Visibility},
    registers, situation,
    writer::{Actor, Envelope},
};
use konbit_domain::Named;
use konbit_domain::{
    Classification, DomainError, Movement, PledgeStatus,
    command::{CORRECTABLE_KINDS, Command},
    force,
    registers::{Area, holds_restricted},
};
use uuid::Uuid;

/// Every projection table, in the order `rebuild` clears them.
pub const TABLES: &[&str] = &[
    "missions",
    "mandates",
    "successions",
    "requirements",
    "pledges",
    "authorizations",
    "deployments",
    "funding",
    "sources",
    "discrepancies",
    "register_events",
];

/// The projection table an entry kind writes to, if any.
pub fn table_of(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "mission.created" => "missions",
        "mandate.recorded" => "mandates",
        "mission.succeeded" => "successions",
        "mission.requirements_set" => "requirements",
        "pledge.recorded" | "pledge.revised" | "pledge.withdrawn" => "pledges",
        "authorization.recorded" => "authorizations",
        "deployment.recorded" => "deployments",
        "funding.recorded" => "funding",
        "source.registered" => "sources",
        "discrepancy.recorded" => "discrepancies",
        k if registers::area_of(k).is_some() => "register_events",
        k => return situation::table_of(k),
    })
}

/// Validates a command against its own rules and the state of the record, appends its entry
/// onto `head` and projects it. Runs inside the writer's transaction.
pub async fn execute(
    ex: &mut Ex<'_>,
    head: &TimedHead,
    actor: &Actor,
    env: &Envelope,
) -> Result<Entry> {
    let draft = prepare(ex, actor, env).await?;
    record(ex, head, draft).await
}

/// Decides whether a command may be recorded and what its entry will say. It only reads: every
/// refusal happens here, before anything is written, so the writer can answer a refused command
/// without a savepoint. Keep it that way — a check that needs to write belongs in [`record`].
pub async fn prepare(ex: &mut Ex<'_>, actor: &Actor, env: &Envelope) -> Result<Draft> {
    env.command.validate()?;
    check_sources(ex, &env.sources, "sources").await?;
    let (subject, command_for_date) = match &env.command {
        Command::Correct(c) => {
            let original = log::entry(ex, c.corrects)
                .await?
                .ok_or_else(|| DomainError::invalid("corrects", "no entry with that number"))?;
            if !CORRECTABLE_KINDS.contains(&original.kind.as_str()) {
                return Err(DomainError::invalid(
                    "corrects",
                    format!("entries of kind {} cannot be corrected", original.kind),
                )
                .into());
            }
            let corrected = Command::from_entry(&original.kind, &c.body)
                .map_err(|m| DomainError::invalid("body", m))?;
            corrected.validate()?;
            check_state(ex, &corrected, original.subject, Some(c.corrects), false).await?;
            (original.subject, corrected)
        }
        other => {
            let subject = match other {
                Command::RevisePledge(r) => r.pledge,
                Command::WithdrawPledge(w) => w.pledge,
                Command::Register(r) => r.parent().or(env.subject).unwrap_or_else(Uuid::now_v7),
                Command::Situation(c) => situation::prepare(ex, c, env.subject).await?,
                _ => env.subject.unwrap_or_else(Uuid::now_v7),
            };
            let system = actor.0.starts_with("system:");
            check_state(ex, other, subject, None, system).await?;
            (subject, other.clone())
        }
    };
    Ok(Draft {
        actor: actor.0.clone(),
        kind: env.command.kind().to_string(),
        subject,
        valid_at: command_for_date
            .valid_on()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        classification: match &env.command {
            Command::Situation(c) => situation::classification(ex, c, env.classification).await?,
            other => classification_of(other, env.classification),
        },
        body: env.command.body(),
        sources: env.sources.clone(),
    })
}

/// The classification an entry is recorded at. Entries holding restricted register data are
/// always `restricted` (so the log never shows their content to anyone); the other events of the
/// registers are at least `mission`.
fn classification_of(cmd: &Command, asked: Classification) -> Classification {
    match cmd {
        Command::Register(r) if holds_restricted(r.kind()) => Classification::Restricted,
        Command::Register(r) if Area::of_kind(r.kind()).is_some() => {
            asked.max(Classification::Mission)
        }
        _ => asked,
    }
}

/// Appends a prepared entry onto `head` and projects it. A failure here is the database's, not a
/// refusal: the writer then abandons the whole batch.
pub async fn record(ex: &mut Ex<'_>, head: &TimedHead, draft: Draft) -> Result<Entry> {
    let entry = log::append(ex, &head.head, draft, head.next_time()).await?;
    apply(ex, &entry).await?;
    Ok(entry)
}

async fn check_sources(ex: &mut Ex<'_>, ids: &[Uuid], field: &str) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let known = query::sources(ex, Some(ids), Visibility::ALL).await?;
    let mut errors = konbit_domain::ValidationErrors::default();
    for (i, id) in ids.iter().enumerate() {
        if !known.iter().any(|s| s.id == *id) {
            errors.add(format!("{field}[{i}]"), format!("no source with id {id}"));
        }
    }
    Ok(errors.into_result()?)
}

pub(crate) async fn require_mission(ex: &mut Ex<'_>, field: &str, slug: &str) -> Result<()> {
    match query::mission(ex, slug, Visibility::ALL).await? {
        Some(_) => Ok(()),
        None => Err(DomainError::invalid(field, format!("no mission {slug:?}")).into()),
    }
}

/// Rules that need the record: references exist, required instruments are held, strength never
/// goes negative. `replacing` is the entry a correction replaces (left out of the checks).
async fn check_state(
    ex: &mut Ex<'_>,
    cmd: &Command,
    subject: Uuid,
    replacing: Option<i64>,
    system: bool,
) -> Result<()> {
    match cmd {
        Command::Register(r) => registers::check(ex, r, system).await?,
        // Checked by `situation::prepare`, which also finds the subject.
        Command::Situation(_) => {}
        Command::CreateMission(c) => {
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
        Command::RecordMandate(c) => require_mission(ex, "mission", &c.mission).await?,
        Command::RecordSuccession(c) => {
            require_mission(ex, "mission", &c.mission).await?;
            require_mission(ex, "successor", &c.successor).await?;
        }
        Command::SetRequirements(c) => require_mission(ex, "mission", &c.mission).await?,
        Command::RecordPledge(c) => require_mission(ex, "mission", &c.mission).await?,
        Command::RevisePledge(_) | Command::WithdrawPledge(_) => {
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
        Command::RecordAuthorization(c) => require_mission(ex, "mission", &c.mission).await?,
        Command::RecordFunding(c) => require_mission(ex, "mission", &c.mission).await?,
        Command::RecordDeployment(d) => {
            require_mission(ex, "mission", &d.mission).await?;
            let reqs = query::rows(ex, "requirements", Some(&d.mission), Visibility::ALL).await?;
            let required = query::required_on(&reqs, d.on)?;
            let auths: Vec<AuthorizationRow> =
                query::rows(ex, "authorizations", Some(&d.mission), Visibility::ALL).await?;
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
                query::rows(ex, "deployments", Some(&d.mission), Visibility::ALL).await?;
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
        Command::RegisterSource(_) => {}
        Command::RecordDiscrepancy(c) => {
            let n: i64 = on!(ex, |conn| sqlx::query_scalar(
                "SELECT COUNT(*) FROM log WHERE subject = $1"
            )
            .bind(c.about)
            .fetch_one(conn)
            .await)?;
            if n == 0 {
                return Err(DomainError::invalid("about", "no record with that id").into());
            }
            for (i, cl) in c.claims.iter().enumerate() {
                check_sources(ex, &cl.sources, &format!("claims[{i}].sources")).await?;
            }
        }
        Command::Correct(_) => {
            return Err(
                DomainError::invalid("body", "a correction cannot correct a correction").into(),
            );
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

/// Projects one entry. Pure function of the entry and the rows before it, so replaying the log
/// in order rebuilds the same state.
pub async fn apply(ex: &mut Ex<'_>, e: &Entry) -> Result<()> {
    let at = micros(log::parse_recorded_at(&e.recorded_at)?);
    let class = e.class()?.rank();
    let body = e.body_json()?;
    let (command, origin) = if e.kind == "entry.corrected" {
        let Command::Correct(c) =
            Command::from_entry(&e.kind, &body).map_err(StoreError::Internal)?
        else {
            return Err(StoreError::Internal(
                "entry.corrected with another body".into(),
            ));
        };
        let original = log::entry(ex, c.corrects)
            .await?
            .ok_or_else(|| StoreError::Internal(format!("entry {} is missing", c.corrects)))?;
        let table = table_of(&original.kind)
            .ok_or_else(|| StoreError::Internal(format!("{} has no projection", original.kind)))?;
        let sql = format!(
            "UPDATE {table} SET superseded_us = $1 WHERE origin_seq = $2 AND superseded_us IS NULL"
        );
        on!(ex, |conn| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(at)
            .bind(c.corrects)
            .execute(conn)
            .await
            .map(|_| ()))?;
        let cmd = Command::from_entry(&original.kind, &c.body).map_err(StoreError::Internal)?;
        (cmd, c.corrects)
    } else if table_of(&e.kind).is_some() {
        (
            Command::from_entry(&e.kind, &body).map_err(StoreError::Internal)?,
            e.seq,
        )
    } else {
        // user.* and other audit-only entries have no projection.
        return Ok(());
    };
    let mut m = MetaIn {
        entry_seq: e.seq,
        origin_seq: origin,
        id: e.subject,
        recorded_us: at,
        class,
        sources: e.sources.clone(),
    };
    if let Command::Register(r) = &command {
        // A register row holds the mission-level fields (the restricted ones sit apart), so it
        // is read at mission level even when its entry is restricted.
        if Area::of_kind(r.kind()).is_some() {
            m.class = Classification::Mission.rank();
        }
        let p = registers::Projected {
            actor: &e.actor,
            kind: r.kind(),
            command: r,
        };
        return registers::insert(ex, &m, p).await;
    }
    if let Command::Situation(c) = &command {
        return situation::apply(ex, e, c).await;
    }
    insert(ex, &m, &command).await
}

/// The shared columns of a projection row.
pub(crate) struct MetaIn {
    pub entry_seq: i64,
    pub origin_seq: i64,
    pub id: Uuid,
    pub recorded_us: i64,
    pub class: i64,
    pub sources: String,
}

/// Builds `INSERT INTO table (meta columns, cols…) VALUES ($1…$n)`.
fn insert_sql(table: &str, cols: &[&str]) -> String {
    let all: Vec<&str> = [
        "entry_seq",
        "origin_seq",
        "id",
        "recorded_us",
        "class",
        "sources",
    ]
    .iter()
    .chain(cols.iter())
    .copied()
    .collect();
    let params: Vec<String> = (1..=all.len()).map(|i| format!("${i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        all.join(", "),
        params.join(", ")
    )
}

/// Binds the meta columns, then the given values, and executes.
macro_rules! insert_row {
    ($ex:expr, $m:expr, $table:expr, [$($col:literal = $val:expr),* $(,)?]) => {{
        let sql = insert_sql($table, &[$($col),*]);
        on!($ex, |c| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .bind($m.entry_seq)
            .bind($m.origin_seq)
            .bind($m.id)
            .bind($m.recorded_us)
            .bind($m.class)
            .bind(&$m.sources)
            $(.bind($val))*
            .execute(c).await.map(|_| ()))?;
    }};
}

async fn insert(ex: &mut Ex<'_>, m: &MetaIn, cmd: &Command) -> Result<()> {
    match cmd {
        Command::CreateMission(c) => insert_row!(
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
        Command::RecordMandate(c) => insert_row!(
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
        Command::RecordSuccession(c) => insert_row!(
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
        Command::SetRequirements(c) => {
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
        Command::RecordPledge(c) => insert_row!(
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
        Command::RevisePledge(_) | Command::WithdrawPledge(_) => {
            let first = pledge_versions(ex, m.id)
                .await?
                .into_iter()
                .next()
                .ok_or_else(|| StoreError::Internal(format!("pledge {} has no record", m.id)))?;
            let (on_date, status, p, equipment, money, note) = match cmd {
                Command::RevisePledge(r) => (
                    r.on,
                    PledgeStatus::Active,
                    r.personnel,
                    r.equipment.clone(),
                    r.money.clone(),
                    r.note.clone(),
                ),
                Command::WithdrawPledge(w) => (
                    w.on,
                    PledgeStatus::Withdrawn,
                    konbit_domain::Personnel::default(),
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
        Command::RecordAuthorization(c) => insert_row!(
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
        Command::RecordDeployment(c) => {
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
        Command::RecordFunding(c) => insert_row!(
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
        Command::RegisterSource(c) => insert_row!(
            ex,
            m,
            "sources",
            [
                "kind" = c.kind.as_str(),
                "title" = &c.title,
                "url" = &c.url,
                "reference" = &c.reference,
                "published_on" = c.published_on,
                "outlet" = &c.outlet,
                "language" = &c.language,
                "reliability" = c.reliability.as_str(),
                "credibility" = c.credibility,
                "note" = &c.note,
            ]
        ),
        Command::RecordDiscrepancy(c) => {
            let claims = serde_json::to_string(&c.claims).map_err(StoreError::internal)?;
            insert_row!(
                ex,
                m,
                "discrepancies",
                [
                    "about" = c.about,
                    "field" = &c.field,
                    "claims" = claims,
                    "accepted" = i64::try_from(c.accepted).unwrap_or(0),
                    "reason" = &c.reason,
                ]
            )
        }
        Command::Correct(_) | Command::Register(_) | Command::Situation(_) => {
            return Err(StoreError::Internal(format!(
                "{} has no row of its own to insert",
                cmd.kind()
            )));
        }
    }
    Ok(())
}

/// Empties every projection and replays the whole log into them, in one transaction.
/// Returns the number of entries replayed.
pub async fn rebuild(ex: &mut Ex<'_>) -> Result<i64> {
    if let Ex::Sqlite(c) = ex {
        sqlx::query("INSERT INTO incidents_fts (incidents_fts) VALUES ('delete-all')")
            .execute(&mut **c)
            .await?;
    }
    for table in TABLES
        .iter()
        .chain(situation::TABLES)
        .chain(situation::DERIVED_TABLES)
    {
        let sql = format!("DELETE FROM {table}");
        on!(ex, |c| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .execute(c)
            .await
            .map(|_| ()))?;
    }
    let mut after = 0;
    let mut n = 0;
    loop {
        let page = log::entries_after(ex, after, 2000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        // Consecutive incident versions are projected together, as the import does.
        let mut run: Vec<Entry> = Vec::new();
        for e in page {
            if situation::is_incident_version(&e.kind) {
                run.push(e);
            } else {
                situation::project_entries(ex, &run).await?;
                run.clear();
                apply(ex, &e).await?;
            }
            n += 1;
        }
        situation::project_entries(ex, &run).await?;
    }
    Ok(n)
}
