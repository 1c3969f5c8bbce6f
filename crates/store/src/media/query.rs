//! Reads of media monitoring: the articles the record keeps, each with its source's
//! description (title, outlet, address, date, grade) and every claim with the analyst's
//! decision on it.

use crate::{
    Ex, Result, on,
    read::{Reader, VISIBLE, json, row, rows},
    sources::sources,
};
use konbit_domain::media::{ArticleView, Claim, ClaimStatus, ClaimView};
use sqlx::FromRow;
use std::collections::HashMap;
use uuid::Uuid;

row!(ArticleRow {
    language: String,
    published_basis: String,
    story: Uuid,
    content: String,
    summary: Option<String>,
    claims: String
});

row!(DecisionRow {
    claim: i64,
    decision: String,
    record: Option<Uuid>,
    reason: Option<String>
});

/// The visible articles, oldest recorded first, with their claims and decisions; only `id`'s
/// when given. Their texts only when `text` is asked for: a list of the press needs the claims,
/// not the hundred kilobytes an article may hold.
pub async fn articles(
    ex: &mut Ex<'_>,
    id: Option<Uuid>,
    text: bool,
    vis: crate::Visibility,
) -> Result<Vec<ArticleRow>> {
    let content = if text { "content" } else { "'' AS content" };
    let only = if id.is_some() { " AND id = $3" } else { "" };
    let sql = format!(
        "SELECT entry_seq, origin_seq, id, recorded_us, class, sources, language, \
         published_basis, story, {content}, summary, claims FROM press_articles \
         WHERE {VISIBLE}{only} ORDER BY entry_seq"
    );
    Ok(on!(ex, |c| {
        let q = sqlx::query_as::<_, ArticleRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(vis.as_of_us)
            .bind(vis.clearance.rank());
        // PostgreSQL refuses a parameter the statement does not use.
        match id {
            Some(id) => q.bind(id).fetch_all(c).await,
            None => q.fetch_all(c).await,
        }
    })?)
}

/// The articles of `all` as a reader sees them: each with its source's description and every
/// claim's decision.
async fn views(
    ex: &mut Ex<'_>,
    all: Vec<ArticleRow>,
    vis: crate::Visibility,
) -> Result<Vec<ArticleView>> {
    if all.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = all.iter().map(|a| a.meta.id).collect();
    let described: HashMap<Uuid, konbit_domain::SourceView> = sources(ex, Some(&ids), vis)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut decided: HashMap<(Uuid, i64), ClaimStatus> = HashMap::new();
    let decisions: Vec<DecisionRow> = rows(ex, "press_decisions", None, vis).await?;
    for d in decisions {
        let status = match (d.decision.as_str(), d.record) {
            ("accepted", Some(record)) => ClaimStatus::Accepted {
                record,
                seq: d.meta.entry_seq,
            },
            _ => ClaimStatus::Dismissed {
                reason: d.reason.unwrap_or_default(),
                seq: d.meta.entry_seq,
            },
        };
        decided.insert((d.meta.id, d.claim), status);
    }
    let mut out = Vec::with_capacity(all.len());
    for a in all {
        // An article whose source this reader may not see is not shown either.
        let Some(s) = described.get(&a.meta.id) else {
            continue;
        };
        let claims: Vec<Claim> = json(&a.claims, "press_articles.claims")?;
        let claims = claims
            .into_iter()
            .enumerate()
            .map(|(i, claim)| {
                let index = u32::try_from(i).unwrap_or(u32::MAX);
                ClaimView {
                    index,
                    status: decided
                        .remove(&(a.meta.id, i64::from(index)))
                        .unwrap_or(ClaimStatus::Open),
                    claim,
                }
            })
            .collect();
        out.push(ArticleView {
            id: a.meta.id,
            title: s.title.clone(),
            outlet: s.outlet.clone(),
            url: s.url.clone(),
            published_on: s.published_on,
            published_basis: a.published_basis,
            language: a.language,
            grade: s.grade.clone(),
            story: a.story,
            content: a.content,
            summary: a.summary,
            claims,
            meta: a.meta.view()?,
        });
    }
    Ok(out)
}

impl Reader {
    /// The articles this reader may see, with their claims and the decisions on them, and
    /// their texts only if `text` (a list needs the claims alone).
    pub async fn articles(&mut self, text: bool) -> Result<Vec<ArticleView>> {
        let (mut ex, vis) = self.parts();
        let rows = articles(&mut ex, None, text, vis).await?;
        views(&mut ex, rows, vis).await
    }

    /// One article with its text, if this reader may see it.
    pub async fn article(&mut self, id: Uuid) -> Result<Option<ArticleView>> {
        let (mut ex, vis) = self.parts();
        let rows = articles(&mut ex, Some(id), true, vis).await?;
        Ok(views(&mut ex, rows, vis).await?.pop())
    }
}
