//! The registers' public statistics: counts by quarter and contributor with small-cell
//! suppression (no cell below three, and never one hidden cell beside a visible total), the
//! mission-to-date totals that survive it, and the UN rule of one allegation per person and type
//! of misconduct.

use super::*;
use crate::Named;
use serde::Serialize;
use std::collections::BTreeMap;
use time::Date;

/// Cells below this are shown as `<3`.
pub const SUPPRESS_BELOW: i64 = 3;

/// A published count: the number, or `"<3"` when small enough to identify someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Shown.
    Count(i64),
    /// Withheld.
    Suppressed,
}

impl Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Count(n) => s.serialize_i64(*n),
            Cell::Suppressed => s.serialize_str("<3"),
        }
    }
}

/// In the OpenAPI document: a count of at least [`SUPPRESS_BELOW`], or `"<3"`.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Cell {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(SUPPRESS_BELOW)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["<3"])),
            )
            .description(Some("A count, or \"<3\" where a small count is withheld."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Cell {}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Count(n) => write!(f, "{n}"),
            Cell::Suppressed => f.write_str("<3"),
        }
    }
}

/// One row of a statistics table: a quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatRow {
    /// `2025-Q1`.
    pub quarter: String,
    /// One cell per column; a number or `"<3"`.
    pub cells: Vec<Cell>,
    /// The row's total; a number or `"<3"`.
    pub total: Cell,
}

/// A mission-to-date total as published: the count, a lower bound when the count would let a
/// reader work out a withheld quarter by subtraction, or `"<3"` when the total itself is small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    /// Shown.
    Count(i64),
    /// At least this many: the sum of the quarters shown, which a reader can add up anyway.
    AtLeast(i64),
    /// Below three, withheld.
    Suppressed,
    /// Three or more, but withheld with no bound to give: the quarters of its line are all
    /// withheld and the exact figure would give one of the other totals away.
    Withheld,
}

impl Serialize for Total {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Total::Count(n) => s.serialize_i64(*n),
            Total::AtLeast(n) => s.serialize_str(&format!(">={n}")),
            Total::Suppressed => s.serialize_str("<3"),
            Total::Withheld => s.serialize_none(),
        }
    }
}

/// In the OpenAPI document: a count, `">=N"` (at least N) or `"<3"`.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Total {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(SUPPRESS_BELOW)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some("^(>=[0-9]+|<3)$")),
            )
            .item(ObjectBuilder::new().schema_type(Type::Null))
            .description(Some(
                "A mission-to-date count; \">=N\" (at least N) where the exact count would \
                 reveal a withheld quarter by subtraction; \"<3\" where the total is small; \
                 null where it is withheld with no bound to give.",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Total {}

/// The mission-to-date line of a table: every quarter added up, per column and in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatTotals {
    /// One total per column: a number, `">=N"` or `"<3"`.
    pub cells: Vec<Total>,
    /// The total of the whole table.
    pub total: Total,
}

/// A table of counts by quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatTable {
    /// Stable key (`use_of_force_by_level`).
    pub key: String,
    /// Column keys.
    pub columns: Vec<String>,
    /// Rows, oldest quarter first.
    pub rows: Vec<StatRow>,
    /// The mission to date: every quarter added up from the full counts, per column and in all.
    pub mission_to_date: StatTotals,
}

/// Suppresses one row: any cell below 3 is withheld, and so is the total when below 3. When
/// exactly one cell would be withheld while the total is shown, it could be worked out by
/// subtraction, so the next smallest cell is withheld too (or, with none left, the total).
pub fn suppress_row(counts: &[i64]) -> (Vec<Cell>, Cell) {
    let mut cells: Vec<Cell> = counts
        .iter()
        .map(|&n| {
            if n < SUPPRESS_BELOW {
                Cell::Suppressed
            } else {
                Cell::Count(n)
            }
        })
        .collect();
    let total_n: i64 = counts.iter().sum();
    let mut total = if total_n < SUPPRESS_BELOW {
        Cell::Suppressed
    } else {
        Cell::Count(total_n)
    };
    let hidden = cells.iter().filter(|c| **c == Cell::Suppressed).count();
    if hidden == 1 && total != Cell::Suppressed {
        let next = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Cell::Count(n) => Some((*n, i)),
                Cell::Suppressed => None,
            })
            .min();
        match next {
            Some((_, i)) => cells[i] = Cell::Suppressed,
            None => total = Cell::Suppressed,
        }
    }
    (cells, total)
}

/// The mission-to-date line of a table from its full counts (`counts[quarter][column]`) and the
/// rows as published.
///
/// Every total is computed from the full counts and withheld (`"<3"`) only when it is itself
/// below [`SUPPRESS_BELOW`]. The published table then has margins both ways, and the rule the
/// rows follow applies to every line: no line (a column with its total, the quarters' totals
/// with the grand total, the mission-to-date line itself) may have exactly one entry not
/// given exactly, or it could be worked out by subtraction. Where a line would, one more
/// mission-to-date entry is given only as a lower bound, the sum of the entries shown in that
/// line, which a reader can add up anyway (so a bound says nothing new). The quarters are never
/// touched: they stay as [`suppress_row`] published them.
pub fn mission_to_date(counts: &[Vec<i64>], rows: &[StatRow], width: usize) -> StatTotals {
    let column = |j: usize| -> i64 { counts.iter().filter_map(|r| r.get(j)).sum() };
    let totals: Vec<i64> = (0..width).map(column).collect();
    let grand_n: i64 = counts.iter().flatten().sum();
    let hidden_in = |j: usize| -> usize {
        rows.iter()
            .filter(|r| r.cells.get(j).is_none_or(|c| *c == Cell::Suppressed))
            .count()
    };
    let hidden_quarters: Vec<usize> = (0..width).map(hidden_in).collect();
    let hidden_row_totals = rows.iter().filter(|r| r.total == Cell::Suppressed).count();
    // What is not given exactly: the small totals first, then whatever the lines ask for.
    let mut inexact: Vec<bool> = totals.iter().map(|n| *n < SUPPRESS_BELOW).collect();
    let mut grand_inexact = grand_n < SUPPRESS_BELOW;
    loop {
        let mut changed = false;
        for j in 0..width {
            if !inexact[j] && hidden_quarters[j] == 1 {
                inexact[j] = true;
                changed = true;
            }
        }
        if !grand_inexact && hidden_row_totals == 1 {
            grand_inexact = true;
            changed = true;
        }
        let in_line = inexact.iter().filter(|x| **x).count() + usize::from(grand_inexact);
        if in_line == 1 {
            // A partner for the lone entry. The grand total is the first choice unless the
            // quarters' totals, all shown, give it away; then the smallest column total that
            // has withheld quarters (hiding one whose quarters are all shown would hide
            // nothing). Such a column exists: rows with a shown total hide two cells or none.
            let column = (0..width)
                .filter(|j| !inexact[*j] && hidden_quarters[*j] > 0)
                .min_by_key(|j| totals[*j]);
            match column {
                Some(j) if !grand_inexact && hidden_row_totals == 0 => inexact[j] = true,
                Some(j) if grand_inexact => inexact[j] = true,
                _ => grand_inexact = true,
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let shown = |cells: &mut dyn Iterator<Item = Cell>| -> i64 {
        cells
            .map(|c| match c {
                Cell::Count(n) => n,
                Cell::Suppressed => 0,
            })
            .sum()
    };
    let published = |n: i64, hidden: bool, bound: i64| -> Total {
        if n < SUPPRESS_BELOW {
            Total::Suppressed
        } else if !hidden {
            Total::Count(n)
        } else if bound > 0 {
            Total::AtLeast(bound)
        } else {
            Total::Withheld
        }
    };
    let cells: Vec<Total> = (0..width)
        .map(|j| {
            let bound = shown(&mut rows.iter().filter_map(|r| r.cells.get(j).copied()));
            published(totals[j], inexact[j], bound)
        })
        .collect();
    let by_rows = shown(&mut rows.iter().map(|r| r.total));
    let by_columns: i64 = cells
        .iter()
        .map(|c| match c {
            Total::Count(n) | Total::AtLeast(n) => *n,
            Total::Suppressed | Total::Withheld => 0,
        })
        .sum();
    let total = published(grand_n, grand_inexact, by_rows.max(by_columns));
    StatTotals { cells, total }
}

/// `2025-Q1`.
pub fn quarter(d: Date) -> String {
    format!("{}-Q{}", d.year(), (u8::from(d.month()) - 1) / 3 + 1)
}

fn table(key: &str, columns: Vec<String>, data: BTreeMap<String, Vec<i64>>) -> StatTable {
    let rows: Vec<StatRow> = data
        .iter()
        .map(|(q, counts)| {
            let (cells, total) = suppress_row(counts);
            StatRow {
                quarter: q.clone(),
                cells,
                total,
            }
        })
        .collect();
    let counts: Vec<Vec<i64>> = data.into_values().collect();
    StatTable {
        key: key.to_string(),
        mission_to_date: mission_to_date(&counts, &rows, columns.len()),
        columns,
        rows,
    }
}

fn tally<T>(
    items: impl Iterator<Item = T>,
    width: usize,
    key: impl Fn(&T) -> (Date, usize),
) -> BTreeMap<String, Vec<i64>> {
    let mut m: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for it in items {
        let (d, col) = key(&it);
        let row = m.entry(quarter(d)).or_insert_with(|| vec![0; width]);
        if let Some(c) = row.get_mut(col) {
            *c += 1;
        }
    }
    m
}

fn position<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|x| x == v).unwrap_or(0)
}

/// The public statistics of one mission: counts only, by quarter, suppressed below 3.
pub fn statistics(
    reports: &[UseOfForceView],
    detentions: &[DetentionView],
    complaints: &[ComplaintView],
    cases: &[CaseView],
) -> Vec<StatTable> {
    let names = |all: &[&str]| all.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let levels: Vec<&str> = ForceLevel::ALL.iter().map(|l| l.as_str()).collect();
    let reviews: Vec<&str> = ReviewStatus::ALL.iter().map(|l| l.as_str()).collect();
    let clocks: Vec<&str> = ClockState::ALL.iter().map(|l| l.as_str()).collect();
    let statuses: Vec<&str> = CaseStatus::ALL.iter().map(|l| l.as_str()).collect();
    let misconduct: Vec<&str> = Misconduct::ALL.iter().map(|l| l.as_str()).collect();
    let categories = ["category_1", "category_2", "not_assessed"];
    let allegations = cases.iter().flat_map(|c| {
        counted_allegations(c.allegations.as_deref().unwrap_or_default())
            .into_iter()
            .map(move |a| (c.opened_on, a.misconduct))
            .collect::<Vec<_>>()
    });
    vec![
        table(
            "use_of_force_by_level",
            names(&levels),
            tally(reports.iter(), levels.len(), |r| {
                (r.occurred_at.date(), position(ForceLevel::ALL, &r.level))
            }),
        ),
        table(
            "use_of_force_by_review",
            names(&reviews),
            tally(reports.iter(), reviews.len(), |r| {
                (r.occurred_at.date(), position(ReviewStatus::ALL, &r.review))
            }),
        ),
        table(
            "detentions_by_handover",
            names(&clocks),
            tally(detentions.iter(), clocks.len(), |d| {
                (d.arrested_at.date(), position(&ClockState::ALL, &d.clock))
            }),
        ),
        table(
            "complaints_by_category",
            names(&categories),
            tally(complaints.iter(), categories.len(), |c| {
                let col = match c.category {
                    Some(ConductCategory::Category1) => 0,
                    Some(ConductCategory::Category2) => 1,
                    None => 2,
                };
                (c.received_at.date(), col)
            }),
        ),
        table(
            "complaints_by_status",
            names(&statuses),
            tally(complaints.iter(), statuses.len(), |c| {
                (c.received_at.date(), position(CaseStatus::ALL, &c.status))
            }),
        ),
        table(
            "allegations_by_misconduct",
            names(&misconduct),
            tally(allegations, misconduct.len(), |(d, m)| {
                (*d, position(Misconduct::ALL, m))
            }),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn suppression_never_leaves_one_cell_derivable(counts in proptest::collection::vec(0i64..8, 1..8)) {
            let (cells, total) = suppress_row(&counts);
            for (c, n) in cells.iter().zip(&counts) {
                match c {
                    Cell::Count(v) => { prop_assert_eq!(v, n); prop_assert!(*v >= SUPPRESS_BELOW); }
                    Cell::Suppressed => {}
                }
                if *n < SUPPRESS_BELOW { prop_assert_eq!(*c, Cell::Suppressed); }
            }
            let hidden = cells.iter().filter(|c| **c == Cell::Suppressed).count();
            if let Cell::Count(total) = total {
                prop_assert!(hidden != 1, "one hidden cell with a visible total: {counts:?}");
                prop_assert_eq!(total, counts.iter().sum::<i64>());
            }
        }
    }

    /// Publishes a table of full counts the way [`table`] does.
    fn published(counts: &[Vec<i64>]) -> (Vec<StatRow>, StatTotals) {
        let rows: Vec<StatRow> = counts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (cells, total) = suppress_row(c);
                StatRow {
                    quarter: format!("2025-Q{}", i + 1),
                    cells,
                    total,
                }
            })
            .collect();
        let t = mission_to_date(counts, &rows, counts.first().map_or(0, Vec::len));
        (rows, t)
    }

    #[test]
    fn quarters_all_withheld_still_give_a_mission_total() {
        // One measure, four quarters of 1 or 2: every quarter is "<3", the mission has 6.
        let (rows, t) = published(&[vec![1], vec![2], vec![1], vec![2]]);
        assert!(rows.iter().all(|r| r.cells == vec![Cell::Suppressed]));
        assert_eq!(t.cells, vec![Total::Count(6)]);
        assert_eq!(t.total, Total::Count(6));
        // A total below the threshold stays withheld.
        let (_, t) = published(&[vec![1], vec![0], vec![1]]);
        assert_eq!(t.cells, vec![Total::Suppressed]);
        assert_eq!(t.total, Total::Suppressed);
        assert_eq!(
            serde_json::to_value(t.total).ok(),
            Some(serde_json::json!("<3"))
        );
    }

    #[test]
    fn one_withheld_quarter_is_not_given_away_by_the_total() {
        // Quarters 7, 1, 5: the 1 is withheld; 13 in all would reveal it (13 - 7 - 5 = 1).
        let (rows, t) = published(&[vec![7], vec![1], vec![5]]);
        assert_eq!(rows[1].cells, vec![Cell::Suppressed]);
        assert_eq!(t.cells, vec![Total::AtLeast(12)]);
        assert_eq!(t.total, Total::AtLeast(12));
        assert_eq!(
            serde_json::to_value(t.cells[0]).ok(),
            Some(serde_json::json!(">=12"))
        );
        // Two measures. Quarter 2 (1, 6) hides both cells (one alone would be given away by
        // its total 7), so each column has one withheld quarter: both are bounds.
        let (rows, t) = published(&[vec![4, 9], vec![1, 6]]);
        assert_eq!(rows[1].cells, vec![Cell::Suppressed, Cell::Suppressed]);
        assert_eq!(rows[1].total, Cell::Count(7));
        assert_eq!(t.cells, vec![Total::AtLeast(4), Total::AtLeast(9)]);
        assert_eq!(t.total, Total::Count(20));
        // Column 0 adds up to 1 ("<3"); column 1's exact 11 beside the quarters' totals
        // (6 + 6 = 12) would give column 0's 1 away: column 1 becomes a bound as well.
        let (rows, t) = published(&[vec![1, 5], vec![0, 6]]);
        assert!(rows.iter().all(|r| r.cells == vec![Cell::Suppressed; 2]));
        assert_eq!(t.cells, vec![Total::Suppressed, Total::Withheld]);
        assert_eq!(t.total, Total::Count(12));
        assert_eq!(
            serde_json::to_value(t.cells[1]).ok(),
            Some(serde_json::Value::Null)
        );
        // Column 0's quarters 1, 1 and 1 (3 in all) are all withheld, so its total is shown;
        // column 1's 9, 5 and 4 are shown: nothing to work out.
        let (_, t) = published(&[vec![1, 9, 1], vec![1, 5, 1], vec![1, 4, 1]]);
        assert_eq!(
            t.cells,
            vec![Total::Count(3), Total::Count(18), Total::Count(3)]
        );
        assert_eq!(t.total, Total::Count(24));
    }

    proptest! {
        /// Whatever the counts, no line of the published table (a column with its
        /// mission-to-date total, the quarters' totals with the grand total, the
        /// mission-to-date line) has exactly one entry not given exactly; exact totals are the
        /// true ones, bounds are what the shown quarters add up to, "<3" only below three.
        #[test]
        fn totals_never_leave_one_entry_to_work_out(
            counts in proptest::collection::vec(proptest::collection::vec(0i64..6, 1..4), 1..6)
        ) {
            let width = counts[0].len();
            let counts: Vec<Vec<i64>> = counts.into_iter().map(|mut r| { r.resize(width, 0); r }).collect();
            let (rows, t) = published(&counts);
            let exact = |c: &Total| matches!(c, Total::Count(_));
            for j in 0..width {
                let full: i64 = counts.iter().map(|r| r[j]).sum();
                let hidden = rows.iter().filter(|r| r.cells[j] == Cell::Suppressed).count();
                let shown: i64 = rows.iter().filter_map(|r| match r.cells[j] {
                    Cell::Count(v) => Some(v), Cell::Suppressed => None }).sum();
                prop_assert!(hidden + usize::from(!exact(&t.cells[j])) != 1, "{counts:?} {t:?}");
                match t.cells[j] {
                    Total::Count(n) => prop_assert_eq!(n, full),
                    Total::AtLeast(n) => { prop_assert_eq!(n, shown); prop_assert!(full >= 3); }
                    Total::Suppressed => prop_assert!(full < 3),
                    Total::Withheld => prop_assert!(full >= 3),
                }
            }
            let hidden_rows = rows.iter().filter(|r| r.total == Cell::Suppressed).count();
            prop_assert!(hidden_rows + usize::from(!exact(&t.total)) != 1, "{counts:?} {t:?}");
            let line = t.cells.iter().filter(|c| !exact(c)).count() + usize::from(!exact(&t.total));
            prop_assert!(line != 1, "{counts:?} {t:?}");
            if let Total::Count(n) = t.total {
                prop_assert_eq!(n, counts.iter().flatten().sum::<i64>());
            }
        }
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter(time::macros::date!(2025 - 03 - 31)), "2025-Q1");
        assert_eq!(quarter(time::macros::date!(2025 - 04 - 01)), "2025-Q2");
        assert_eq!(quarter(time::macros::date!(2024 - 12 - 31)), "2024-Q4");
    }

    #[test]
    fn suppression_examples() {
        assert_eq!(
            suppress_row(&[5, 1, 7]),
            (
                vec![Cell::Suppressed, Cell::Suppressed, Cell::Count(7)],
                Cell::Count(13)
            )
        );
        assert_eq!(
            suppress_row(&[2]),
            (vec![Cell::Suppressed], Cell::Suppressed)
        );
        assert_eq!(suppress_row(&[4]), (vec![Cell::Count(4)], Cell::Count(4)));
        assert_eq!(
            suppress_row(&[0, 0, 9]),
            (
                vec![Cell::Suppressed, Cell::Suppressed, Cell::Count(9)],
                Cell::Count(9)
            )
        );
        assert_eq!(
            serde_json::to_value(suppress_row(&[1, 3]).0).ok(),
            Some(serde_json::json!(["<3", "<3"]))
        );
    }
}
