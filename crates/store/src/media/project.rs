//! The projector of `article.recorded`, `press_claim.accepted` and `press_claim.dismissed`: an
//! article must be a news article of the register of sources, recorded once; a decision names
//! a claim of a recorded article that nobody has decided on, and an accepted claim names a
//! record of a kind that can hold it.

use crate::{
    Ex, Result, StoreError,
    log::Entry,
    on,
    projector::{Asked, Prepared, Projector, RowMeta, insert_row},
    read::Visibility,
    sources::sources,
};
use konbit_domain::media::MediaCommand;
use konbit_domain::{Command, DomainError, EntryKind, SourceKind};
use uuid::Uuid;

/// Media monitoring's projector.
pub(crate) struct Media;

/// The entry kinds whose records can hold a claim of `kind`: a figure of force generation goes
/// to a pledge, an authorization, a deployment or a funding row; a casualty figure to an
/// incident or an indicator; displacement to an indicator; a resolution to a mandate or an
/// authorization. A dated event may be any record.
fn holders(kind: &str) -> Option<&'static [EntryKind]> {
    use EntryKind::*;
    Some(match kind {
        "personnel" => &[
            PledgeRecorded,
            PledgeRevised,
            AuthorizationRecorded,
            DeploymentRecorded,
            RequirementsSet,
        ],
        "money" => &[FundingRecorded, PledgeRecorded, PledgeRevised],
        "casualties" => &[IncidentRecorded, IncidentRevised, IndicatorObserved],
        "displacement" => &[IndicatorObserved],
        "resolution" => &[MandateRecorded, AuthorizationRecorded, MissionCreated],
        _ => return None,
    })
}

/// The claims of a recorded article (JSON), if it is recorded.
async fn article_claims(ex: &mut Ex<'_>, article: Uuid) -> Result<Option<String>> {
    Ok(on!(ex, |c| sqlx::query_scalar::<_, String>(
        "SELECT claims FROM press_articles WHERE id = $1"
    )
    .bind(article)
    .fetch_optional(c)
    .await)?)
}

/// The kind of claim `claim` of `article`, refusing an article or claim that is not recorded
/// and a claim already decided on.
async fn open_claim(ex: &mut Ex<'_>, article: Uuid, claim: u32) -> Result<String> {
    let Some(claims) = article_claims(ex, article).await? else {
        return Err(DomainError::invalid("article", "no article with that id").into());
    };
    let claims: Vec<konbit_domain::media::Claim> =
        crate::read::json(&claims, "press_articles.claims")?;
    let Some(c) = claims.get(claim as usize) else {
        return Err(DomainError::invalid(
            "claim",
            format!("the article has {} claims", claims.len()),
        )
        .into());
    };
    let decided: i64 = on!(ex, |conn| sqlx::query_scalar(
        "SELECT COUNT(*) FROM press_decisions WHERE id = $1 AND claim = $2"
    )
    .bind(article)
    .bind(i64::from(claim))
    .fetch_one(conn)
    .await)?;
    if decided > 0 {
        return Err(DomainError::Conflict(
            "this claim has already been accepted or dismissed".into(),
        )
        .into());
    }
    Ok(c.kind.clone())
}

impl Projector for Media {
    type Command = MediaCommand;

    fn own(cmd: Command) -> Option<MediaCommand> {
        match cmd {
            Command::Media(c) => Some(c),
            _ => None,
        }
    }

    const TABLES: &'static [&'static str] = &["press_articles", "press_decisions"];

    fn table_of(kind: EntryKind) -> Option<&'static str> {
        match kind {
            EntryKind::ArticleRecorded => Some("press_articles"),
            EntryKind::PressClaimAccepted | EntryKind::PressClaimDismissed => {
                Some("press_decisions")
            }
            _ => None,
        }
    }

    async fn prepare(ex: &mut Ex<'_>, cmd: &MediaCommand, asked: &Asked<'_>) -> Result<Prepared> {
        let subject = match cmd {
            MediaCommand::RecordArticle(a) => {
                let source = sources(ex, Some(&[a.source]), Visibility::ALL).await?;
                match source.first() {
                    None => {
                        return Err(DomainError::invalid("source", "no source with that id").into());
                    }
                    Some(s) if s.kind != SourceKind::NewsArticle => {
                        return Err(DomainError::invalid("source", "must be a news article").into());
                    }
                    Some(_) => {}
                }
                if article_claims(ex, a.source).await?.is_some() {
                    return Err(DomainError::Conflict(
                        "this source's article is already recorded".into(),
                    )
                    .into());
                }
                if let Some(story) = a.story
                    && article_claims(ex, story).await?.is_none()
                {
                    return Err(DomainError::invalid("story", "no article with that id").into());
                }
                a.source
            }
            MediaCommand::AcceptClaim(c) => {
                let kind = open_claim(ex, c.article, c.claim).await?;
                let kinds: Vec<String> = on!(ex, |conn| sqlx::query_scalar(
                    "SELECT kind FROM log WHERE subject = $1"
                )
                .bind(c.record)
                .fetch_all(conn)
                .await)?;
                if kinds.is_empty() {
                    return Err(DomainError::invalid("record", "no record with that id").into());
                }
                if let Some(allowed) = holders(&kind)
                    && !kinds
                        .iter()
                        .any(|k| allowed.iter().any(|a| a.as_str() == k))
                {
                    let names: Vec<&str> = allowed.iter().map(|k| k.as_str()).collect();
                    return Err(DomainError::invalid(
                        "record",
                        format!(
                            "a {kind} claim is held by a record of kind {}",
                            names.join(", ")
                        ),
                    )
                    .into());
                }
                c.article
            }
            MediaCommand::DismissClaim(c) => {
                open_claim(ex, c.article, c.claim).await?;
                c.article
            }
        };
        Ok(Prepared {
            subject,
            classification: asked.classification,
        })
    }

    async fn apply(ex: &mut Ex<'_>, _e: &Entry, m: &RowMeta, cmd: &MediaCommand) -> Result<()> {
        match cmd {
            MediaCommand::RecordArticle(a) => {
                let claims = serde_json::to_string(&a.claims).map_err(StoreError::internal)?;
                insert_row!(
                    ex,
                    m,
                    "press_articles",
                    [
                        "language" = &a.language,
                        "published_basis" = &a.published_basis,
                        "story" = a.story.unwrap_or(a.source),
                        "content" = &a.content,
                        "summary" = &a.summary,
                        "claims" = claims,
                        "claim_count" = i64::try_from(a.claims.len()).unwrap_or(i64::MAX),
                    ]
                )
            }
            MediaCommand::AcceptClaim(c) => insert_row!(
                ex,
                m,
                "press_decisions",
                [
                    "claim" = i64::from(c.claim),
                    "decision" = "accepted",
                    "record" = Some(c.record),
                    "reason" = None::<String>,
                    "note" = &c.note,
                ]
            ),
            MediaCommand::DismissClaim(c) => insert_row!(
                ex,
                m,
                "press_decisions",
                [
                    "claim" = i64::from(c.claim),
                    "decision" = "dismissed",
                    "record" = None::<Uuid>,
                    "reason" = Some(c.reason.as_str()),
                    "note" = None::<String>,
                ]
            ),
        }
        Ok(())
    }
}
