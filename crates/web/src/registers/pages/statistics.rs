//! The public statistics of the registers: counts by quarter, small cells suppressed, and the
//! mission-to-date totals that survive suppression, for anyone. The figures are the API's
//! (`/api/v1/statistics`), read from mission-level fields only.

use crate::shared::page::{Ctx, empty_page, enc, finish, respond};
use crate::{registers::mission_or_current, shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use konbit_domain::{
    Classification,
    registers::{Cell, StatTable, Total},
};
use konbit_present::{Tr, stat_column_prefix};
use konbit_store::Visibility;

/// A cell as shown: the count in the page's language, or `<3`; `note` says why a total is
/// only a bound or withheld (its `title`).
struct CellView {
    text: String,
    suppressed: bool,
    note: String,
}

struct RowView {
    quarter: String,
    cells: Vec<CellView>,
    total: CellView,
}

struct TableView {
    key: String,
    title: String,
    columns: Vec<String>,
    rows: Vec<RowView>,
    mission_to_date: RowView,
}

/// Another mission whose statistics may be shown.
struct MissionLink {
    href: String,
    text: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "statistics.html")]
struct StatisticsPage {
    ctx: Ctx,
    mission_name: String,
    missions: Vec<MissionLink>,
    tables: Vec<TableView>,
    json_href: String,
}

fn cell(tr: &Tr, c: Cell) -> CellView {
    match c {
        Cell::Count(n) => CellView {
            text: tr.num(n),
            suppressed: false,
            note: String::new(),
        },
        Cell::Suppressed => CellView {
            text: "<3".into(),
            suppressed: true,
            note: String::new(),
        },
    }
}

fn total(tr: &Tr, t: Total) -> CellView {
    match t {
        Total::Count(n) => cell(tr, Cell::Count(n)),
        Total::Suppressed => cell(tr, Cell::Suppressed),
        Total::AtLeast(n) => CellView {
            text: tr.fmt("stats-at_least", &[("n", &tr.num(n))]),
            suppressed: true,
            note: tr.fmt("stats-at_least_title", &[("n", &tr.num(n))]),
        },
        Total::Withheld => CellView {
            text: "—".into(),
            suppressed: true,
            note: tr.t("stats-withheld_title"),
        },
    }
}

/// `2025-Q1` as the language writes a quarter (`2025 T1` in French and Creole).
fn quarter(tr: &Tr, q: &str) -> String {
    match q.split_once("-Q") {
        Some((year, n)) => tr.fmt("stats-quarter_label", &[("year", &year), ("q", &n)]),
        None => q.to_string(),
    }
}

fn table_view(tr: &Tr, t: &StatTable) -> TableView {
    let prefix = stat_column_prefix(&t.key);
    TableView {
        key: t.key.clone(),
        title: tr.t(&format!("stats-table-{}", t.key)),
        columns: t.columns.iter().map(|c| tr.label(prefix, c)).collect(),
        rows: t
            .rows
            .iter()
            .map(|r| RowView {
                quarter: quarter(tr, &r.quarter),
                cells: r.cells.iter().map(|c| cell(tr, *c)).collect(),
                total: cell(tr, r.total),
            })
            .collect(),
        mission_to_date: RowView {
            quarter: tr.t("stats-mission_to_date"),
            cells: t
                .mission_to_date
                .cells
                .iter()
                .map(|c| total(tr, *c))
                .collect(),
            total: total(tr, t.mission_to_date.total),
        },
    }
}

pub(crate) async fn statistics_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = statistics_view(&s, ctx.clone()).await;
    finish(&ctx, r)
}

async fn statistics_view(s: &AppState, mut ctx: Ctx) -> Result<Response, ApiError> {
    let mut rows = {
        s.store
            .reader(Visibility::now(Classification::Public))
            .await?
            .missions()
            .await?
    };
    if rows.is_empty() {
        return Ok(empty_page(&ctx));
    }
    rows.sort_by_key(|m| m.start_date);
    let asked = ctx
        .param("mission")
        .map(str::trim)
        .filter(|m| !m.is_empty());
    let mission = match asked {
        Some(m) if rows.iter().any(|r| r.slug == m) => m.to_string(),
        Some(m) => return Err(ApiError::not_found(format!("mission {m:?}"))),
        None => mission_or_current(s, None).await?,
    };
    ctx.mission = Some(mission.clone());
    let tr = ctx.tr;
    let tables = s.store.statistics(&mission, s.rules()).await?;
    let page = StatisticsPage {
        mission_name: rows
            .iter()
            .find(|r| r.slug == mission)
            .map_or_else(|| mission.clone(), |r| r.name.clone()),
        missions: rows
            .iter()
            .map(|r| MissionLink {
                href: format!("/statistics?mission={}", enc(&r.slug)),
                text: r.short_name.clone(),
                current: r.slug == mission,
            })
            .collect(),
        tables: tables.iter().map(|t| table_view(&tr, t)).collect(),
        json_href: format!("/api/v1/statistics?mission={}", enc(&mission)),
        ctx: ctx.clone(),
    };
    Ok(respond(&ctx, StatusCode::OK, &page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_written_in_the_language() {
        assert_eq!(quarter(&Tr::en(), "2025-Q3"), "2025 Q3");
        assert_eq!(quarter(&Tr::fr(), "2025-Q3"), "2025 T3");
        assert_eq!(quarter(&Tr::ht(), "2025-Q3"), "2025 T3");
        assert_eq!(quarter(&Tr::es(), "2025-Q3"), "2025 T3");
    }

    #[test]
    fn columns_get_labels_and_small_cells_stay_hidden() {
        let empty = konbit_domain::registers::statistics(&[], &[], &[], &[]);
        for tr in Tr::ALL {
            for t in &empty {
                let v = table_view(&tr, t);
                assert!(!v.title.starts_with("stats-"), "{}", t.key);
                assert_eq!(v.columns.len(), t.columns.len());
                let prefix = stat_column_prefix(&t.key);
                for c in &t.columns {
                    let key = format!("{prefix}-{c}");
                    assert!(tr.lookup(&key).is_some(), "no label {key}");
                }
            }
        }
        let c = cell(&Tr::en(), Cell::Suppressed);
        assert!(c.suppressed && c.text == "<3");
        for tr in Tr::ALL {
            let b = total(&tr, Total::AtLeast(1200));
            assert!(b.suppressed && b.text.starts_with('≥'), "{}", b.text);
            assert!(!b.note.is_empty() && !b.note.starts_with("stats-"));
            assert_eq!(total(&tr, Total::Withheld).text, "—");
        }
        assert_eq!(cell(&Tr::en(), Cell::Count(1200)).text, "1,200");
    }
}
