//! Inserts the writer holds back. Through sqlx every statement is a round trip (on SQLite a
//! hand-off to the connection's thread and back), and a batch of commands used to spend most of
//! its time on them: each entry's log row and projection row were two. While the writer runs a
//! batch, [`crate::projector::insert_row!`] and [`crate::log::insert`] put their rows here
//! instead, and the next statement of any other kind on that connection — a read, an update,
//! the tree's growth, the commit — first sends them, consecutive rows of one table as one
//! multi-row `INSERT`, in the order they were held. So every statement still sees every row
//! written before it; only the number of round trips changes.
//!
//! A held row that the database refuses fails the statement that sent it, which need not be its
//! own command's: the writer then runs the batch again without holding, so that the failure is
//! answered to the command that caused it alone.

use sqlx::{PgConnection, SqliteConnection};
use time::Date;
use uuid::Uuid;

/// One value of a held row, typed so that a NULL keeps its column's type on PostgreSQL.
#[derive(Debug, Clone)]
pub enum Val {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
    Blob(Option<Vec<u8>>),
    Id(Option<Uuid>),
    Day(Option<Date>),
    Bool(Option<bool>),
}

/// A value a held row can take.
pub trait ToVal {
    /// The value.
    fn to_val(&self) -> Val;
    /// A NULL of this type.
    fn null() -> Val;
}

macro_rules! to_val {
    ($variant:ident, $conv:expr, $($t:ty),*) => {$(
        impl ToVal for $t {
            fn to_val(&self) -> Val {
                #[allow(clippy::redundant_closure_call)]
                Val::$variant(Some(($conv)(self)))
            }
            fn null() -> Val {
                Val::$variant(None)
            }
        }
    )*};
}
to_val!(Int, |v: &i64| *v, i64);
to_val!(Int, |v: &i32| i64::from(*v), i32);
to_val!(Int, |v: &i16| i64::from(*v), i16);
to_val!(Int, |v: &u32| i64::from(*v), u32);
to_val!(Int, |v: &u16| i64::from(*v), u16);
to_val!(Int, |v: &u8| i64::from(*v), u8);
to_val!(Real, |v: &f64| *v, f64);
to_val!(Bool, |v: &bool| *v, bool);
to_val!(Text, |v: &str| v.to_string(), str);
to_val!(Text, |v: &String| v.clone(), String);
to_val!(Blob, |v: &Vec<u8>| v.clone(), Vec<u8>);
to_val!(Id, |v: &Uuid| *v, Uuid);
to_val!(Day, |v: &Date| *v, Date);

impl<T: ToVal + ?Sized> ToVal for &T {
    fn to_val(&self) -> Val {
        (**self).to_val()
    }
    fn null() -> Val {
        T::null()
    }
}

impl<T: ToVal> ToVal for Option<T> {
    fn to_val(&self) -> Val {
        match self {
            Some(v) => v.to_val(),
            None => T::null(),
        }
    }
    fn null() -> Val {
        T::null()
    }
}

/// Rows for one table and column list.
struct Run {
    table: &'static str,
    /// The columns, in groups as the caller gave them (the shared columns, then its own).
    groups: Vec<&'static [&'static str]>,
    cols: usize,
    vals: Vec<Val>,
}

impl Run {
    /// `INSERT INTO table (columns) VALUES `, built only when the run is sent.
    fn head(&self) -> String {
        let cols: Vec<&str> = self.groups.iter().flat_map(|g| g.iter().copied()).collect();
        format!("INSERT INTO {} ({}) VALUES ", self.table, cols.join(", "))
    }
}

/// Most rows one statement sends; also keeps the parameters (rows × columns) well under
/// SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_ROWS: usize = 500;

/// Rows held back, in the order they were written.
#[derive(Default)]
pub struct Held {
    runs: Vec<Run>,
}

impl Held {
    /// Holds one row of `table`. It joins the rows already held for that table: between two
    /// statements of another kind only inserts are held, and no table's insert depends on
    /// another's (no insert triggers, no foreign keys between projections and the log), so
    /// sending each table's rows together gives the same database. Within a table the order
    /// is kept.
    /// The columns come in groups (the shared columns of a projection row, then its own), so
    /// that a row is matched to its run and kept without building anything per row.
    pub fn push(
        &mut self,
        table: &'static str,
        groups: &[&'static [&'static str]],
        vals: Vec<Val>,
    ) {
        let cols: usize = groups.iter().map(|g| g.len()).sum();
        debug_assert_eq!(cols, vals.len());
        match self.runs.iter_mut().find(|run| {
            run.table == table && run.groups == groups && run.vals.len() / run.cols < MAX_ROWS
        }) {
            Some(run) => run.vals.extend(vals),
            None => self.runs.push(Run {
                table,
                groups: groups.to_vec(),
                cols,
                vals,
            }),
        }
    }

    /// Whether anything is held.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Forgets what is held: the transaction (or savepoint) it belonged to is rolled back.
    pub fn clear(&mut self) {
        self.runs.clear();
    }
}

/// Sends the held runs over `$c`, each as one multi-row `INSERT` (`$sqlite`: anonymous
/// placeholders, see [`crate::values_sql`]); the same code for either backend's connection.
macro_rules! send_runs {
    ($c:expr, $held:expr, $sqlite:expr) => {{
        let Some(h) = $held.as_deref_mut() else {
            return Ok(());
        };
        // Taken first: whatever happens, nothing is sent twice.
        for run in std::mem::take(&mut h.runs) {
            let sql = crate::values_sql($sqlite, &run.head(), run.cols, run.vals.len() / run.cols);
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
            for v in &run.vals {
                q = match v {
                    Val::Int(x) => q.bind(*x),
                    Val::Real(x) => q.bind(*x),
                    Val::Text(x) => q.bind(x.as_deref()),
                    Val::Blob(x) => q.bind(x.as_deref()),
                    Val::Id(x) => q.bind(*x),
                    Val::Day(x) => q.bind(*x),
                    Val::Bool(x) => q.bind(*x),
                };
            }
            q.execute(&mut *$c).await?;
        }
        Ok(())
    }};
}

/// Sends what is held on a SQLite connection, if anything.
pub async fn settle_sqlite(
    c: &mut SqliteConnection,
    held: &mut Option<&mut Held>,
) -> sqlx::Result<()> {
    send_runs!(c, held, true)
}

/// Sends what is held on a PostgreSQL connection, if anything.
pub async fn settle_pg(c: &mut PgConnection, held: &mut Option<&mut Held>) -> sqlx::Result<()> {
    send_runs!(c, held, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(h: &Held) -> Vec<(String, usize)> {
        h.runs
            .iter()
            .map(|r| (r.head(), r.vals.len() / r.cols))
            .collect()
    }

    #[test]
    fn rows_of_one_table_go_together_in_the_order_held_and_at_most_max_rows_at_once() {
        let mut h = Held::default();
        for i in 0..(MAX_ROWS as i64 + 3) {
            h.push("log", &[&["seq"]], vec![Val::Int(Some(i))]);
            h.push(
                "sources",
                &[&["a"], &["b"]],
                vec![i.to_val(), None::<&str>.to_val()],
            );
        }
        assert_eq!(
            heads(&h),
            vec![
                ("INSERT INTO log (seq) VALUES ".to_string(), MAX_ROWS),
                ("INSERT INTO sources (a, b) VALUES ".to_string(), MAX_ROWS),
                ("INSERT INTO log (seq) VALUES ".to_string(), 3),
                ("INSERT INTO sources (a, b) VALUES ".to_string(), 3),
            ]
        );
        // Within a table, the order of the rows is the order they were held.
        let seqs: Vec<i64> = h.runs[0]
            .vals
            .iter()
            .map(|v| match v {
                Val::Int(Some(i)) => *i,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(seqs, (0..MAX_ROWS as i64).collect::<Vec<_>>());
        // A NULL keeps its column's type.
        assert!(matches!(h.runs[1].vals[1], Val::Text(None)));
        h.clear();
        assert!(h.is_empty());
    }
}
