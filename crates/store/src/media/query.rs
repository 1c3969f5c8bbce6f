//! Reads of media monitoring: the articles the record keeps, each with its source's
//! description (title, outlet, address, date, grade) and every claim with the analyst's
//! decision on it.

use crate::{
    Ex, Result,
    read::{Reader, json, row, rows},
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
/// when given.
pub async fn articles(
    ex: &mut Ex<'_>,
    id: Option<Uuid>,
    vis: crate::Visibility,
) -> Result<Vec<ArticleView>> {
    let mut all: Vec<ArticleRow> = rows(ex, "press_articles", None, vis).await?;
    if let Some(id) = id {
        all.retain(|a| a.meta.id == id);
    }
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
    /// The articles this reader may see, with their claims and the decisions on them.
    pub async fn articles(&mut self) -> Result<Vec<ArticleView>> {
        let (mut ex, vis) = self.parts();
        articles(&mut ex, None, vis).await
    }

    /// One article, if this reader may see it.
    pub async fn article(&mut self, id: Uuid) -> Result<Option<ArticleView>> {
        let (mut ex, vis) = self.parts();
        Ok(articles(&mut ex, Some(id), vis).await?.pop())
    }
}
