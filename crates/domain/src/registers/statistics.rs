//! The registers' public statistics: counts by quarter and contributor with small-cell
//! suppression (no cell below three, and never one hidden cell beside a visible total), and the
//! UN rule of one allegation per person and type of misconduct.

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

/// `2025-Q1`.
pub fn quarter(d: Date) -> String {
    format!("{}-Q{}", d.year(), (u8::from(d.month()) - 1) / 3 + 1)
}

fn table(key: &str, columns: Vec<String>, data: BTreeMap<String, Vec<i64>>) -> StatTable {
    StatTable {
        key: key.to_string(),
        columns,
        rows: data
            .into_iter()
            .map(|(q, counts)| {
                let (cells, total) = suppress_row(&counts);
                StatRow {
                    quarter: q,
                    cells,
                    total,
                }
            })
            .collect(),
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
