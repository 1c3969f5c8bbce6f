//! The register of sources and the disagreements between them, which every capability cites:
//! the projector of `source.registered` and `discrepancy.recorded` entries into `sources` and
//! `discrepancies`, and their reads.

use crate::{
    Ex, Result, StoreError,
    log::Entry,
    on,
    projector::{Asked, Prepared, Projector, RowMeta, insert_row},
    read::{Reader, VISIBLE, Visibility, json, parse, row, rows},
};
use konbit_domain::{
    Claim, DiscrepancyView, DomainError, EntryKind, Named, SourceCommand, SourceView,
};
use sqlx::FromRow;
use time::Date;
use uuid::Uuid;

/// The register of sources' projector.
pub(crate) struct Sources;

impl Projector for Sources {
    type Command = SourceCommand;

    fn own(cmd: konbit_domain::Command) -> Option<SourceCommand> {
        match cmd {
            konbit_domain::Command::Sources(c) => Some(c),
            _ => None,
        }
    }

    const TABLES: &'static [&'static str] = &["sources", "discrepancies"];

    fn table_of(kind: EntryKind) -> Option<&'static str> {
        match kind {
            EntryKind::SourceRegistered => Some("sources"),
            EntryKind::DiscrepancyRecorded => Some("discrepancies"),
            _ => None,
        }
    }

    async fn prepare(ex: &mut Ex<'_>, cmd: &SourceCommand, asked: &Asked<'_>) -> Result<Prepared> {
        match cmd {
            SourceCommand::RegisterSource(_) => {}
            SourceCommand::RecordDiscrepancy(c) => {
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
        }
        Ok(Prepared {
            subject: asked.fresh(),
            classification: asked.classification,
        })
    }

    async fn apply(ex: &mut Ex<'_>, _e: &Entry, m: &RowMeta, cmd: &SourceCommand) -> Result<()> {
        match cmd {
            SourceCommand::RegisterSource(c) => insert_row!(
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
            SourceCommand::RecordDiscrepancy(c) => {
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
        }
        Ok(())
    }
}

row!(SourceRow { kind: String, title: String, url: Option<String>, reference: Option<String>,
    published_on: Option<Date>, outlet: Option<String>, language: Option<String>,
    reliability: String, credibility: i64, note: Option<String> });

row!(DiscrepancyRow {
    about: Uuid,
    field: String,
    claims: String,
    accepted: i64,
    reason: String
});
/// Visible sources, optionally only those with the given ids.
pub async fn sources(
    ex: &mut Ex<'_>,
    ids: Option<&[Uuid]>,
    vis: Visibility,
) -> Result<Vec<SourceView>> {
    let all: Vec<SourceRow> = match ids {
        None => rows(ex, "sources", None, vis).await?,
        Some([]) => Vec::new(),
        // Only the rows asked for: the writer checks the sources of every command this way, and
        // the register grows with the mission.
        Some(ids) => {
            let params: Vec<String> = (3..3 + ids.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT * FROM sources WHERE {VISIBLE} AND id IN ({}) ORDER BY entry_seq",
                params.join(", ")
            );
            on!(ex, |c| {
                let mut q = sqlx::query_as::<_, SourceRow>(sqlx::AssertSqlSafe(sql.as_str()))
                    .bind(vis.as_of_us)
                    .bind(vis.clearance.rank());
                for id in ids {
                    q = q.bind(*id);
                }
                q.fetch_all(c).await
            })?
        }
    };
    all.into_iter()
        .map(|s| {
            let reliability: konbit_domain::Reliability = parse(&s.reliability)?;
            Ok(SourceView {
                id: s.meta.id,
                kind: parse(&s.kind)?,
                grade: format!("{}{}", reliability, s.credibility),
                title: s.title,
                url: s.url,
                reference: s.reference,
                published_on: s.published_on,
                outlet: s.outlet,
                language: s.language,
                reliability,
                credibility: s.credibility,
                note: s.note,
                meta: s.meta.view()?,
            })
        })
        .collect()
}

/// Visible discrepancies about any of the given subjects.
pub async fn discrepancies(
    ex: &mut Ex<'_>,
    about: &[Uuid],
    vis: Visibility,
) -> Result<Vec<DiscrepancyView>> {
    let all: Vec<DiscrepancyRow> = rows(ex, "discrepancies", None, vis).await?;
    all.into_iter()
        .filter(|d| about.contains(&d.about))
        .map(|d| {
            let claims: Vec<Claim> = json(&d.claims, "claims")?;
            Ok(DiscrepancyView {
                id: d.meta.id,
                about: d.about,
                field: d.field,
                claims,
                accepted: usize::try_from(d.accepted).unwrap_or(0),
                reason: d.reason,
                meta: d.meta.view()?,
            })
        })
        .collect()
}
impl Reader {
    /// The sources this reader may see, optionally only those with the given ids.
    pub async fn sources(&mut self, ids: Option<&[Uuid]>) -> Result<Vec<SourceView>> {
        let (mut ex, vis) = self.parts();
        sources(&mut ex, ids, vis).await
    }

    /// The disagreements about any of the given records this reader may see.
    pub async fn discrepancies(&mut self, about: &[Uuid]) -> Result<Vec<DiscrepancyView>> {
        let (mut ex, vis) = self.parts();
        discrepancies(&mut ex, about, vis).await
    }
}

/// Refuses sources that are not in the register of sources.
pub(crate) async fn check_sources(ex: &mut Ex<'_>, ids: &[Uuid], field: &str) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let known = sources(ex, Some(ids), Visibility::ALL).await?;
    let mut errors = konbit_domain::ValidationErrors::default();
    for (i, id) in ids.iter().enumerate() {
        if !known.iter().any(|s| s.id == *id) {
            errors.add(format!("{field}[{i}]"), format!("no source with id {id}"));
        }
    }
    Ok(errors.into_result()?)
}
