//! Inserts the writer holds back. Through sqlx every statement is a round trip (on SQLite a
//! hand-off to the connection's thread and back), and a batch of commands used to spend most of
//! its time on them: each entry's log row and projection row were two. While the writer runs a
//! batch, [`crate::projector::insert_row!`] and [`crate::log::insert`] put their rows here
//! instead, and the next statement of any other kind on that connection — a read, an update,
//! the tree's growth, the commit — first sends them, consecutive rows of one table as one
//! multi-row `INSERT`, in the order they were held. So every statement still sees every row
//! written before it; only the number of round trips changes. On SQLite all the held inserts go
//! as one multi-statement text, with the commit when it is the commit that sends them; on
//! PostgreSQL as one statement of `UNNEST`ed arrays whose text does not change with the number
//! of rows, so that it is prepared once.
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

/// Most parameters of one SQLite call: under its 32,766 per statement.
const MAX_PARAMS: usize = 30_000;

/// The runs as few SQLite texts as possible, each with the number of runs it sends: one text
/// holds several statements, and sqlx binds each its share of the parameters, in order. A
/// batch's rows then go to the connection's thread in one hand-off, with the commit.
fn sqlite_texts(runs: &[Run]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < runs.len() {
        let mut end = start + 1;
        let mut params = runs[start].vals.len();
        while end < runs.len() && params + runs[end].vals.len() <= MAX_PARAMS {
            params += runs[end].vals.len();
            end += 1;
        }
        let sql: Vec<String> = runs[start..end]
            .iter()
            .map(|run| crate::values_sql(true, &run.head(), run.cols, run.vals.len() / run.cols))
            .collect();
        out.push((sql.join(";\n"), end - start));
        start = end;
    }
    out
}

/// Sends the held runs over a SQLite connection (see [`sqlite_texts`]), then `then` in the
/// same call as the last rows.
async fn send_sqlite(
    c: &mut SqliteConnection,
    held: &mut Held,
    then: Option<&str>,
) -> sqlx::Result<()> {
    // Taken first: whatever happens, nothing is sent twice.
    let runs = std::mem::take(&mut held.runs);
    let mut texts = sqlite_texts(&runs);
    match (then, texts.last_mut()) {
        (Some(t), Some(last)) => {
            last.0.push_str(";\n");
            last.0.push_str(t);
        }
        (Some(t), None) => texts.push((t.to_string(), 0)),
        (None, _) => {}
    }
    let mut runs = runs.iter();
    for (sql, count) in texts {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for run in runs.by_ref().take(count) {
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
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}

/// One column of a run, as the array PostgreSQL's `UNNEST` takes.
enum Column {
    Int(Vec<Option<i64>>),
    Real(Vec<Option<f64>>),
    Text(Vec<Option<String>>),
    Blob(Vec<Option<Vec<u8>>>),
    Id(Vec<Option<Uuid>>),
    Day(Vec<Option<Date>>),
    Bool(Vec<Option<bool>>),
}

impl Column {
    fn of(first: &Val, rows: usize) -> Column {
        match first {
            Val::Int(_) => Column::Int(Vec::with_capacity(rows)),
            Val::Real(_) => Column::Real(Vec::with_capacity(rows)),
            Val::Text(_) => Column::Text(Vec::with_capacity(rows)),
            Val::Blob(_) => Column::Blob(Vec::with_capacity(rows)),
            Val::Id(_) => Column::Id(Vec::with_capacity(rows)),
            Val::Day(_) => Column::Day(Vec::with_capacity(rows)),
            Val::Bool(_) => Column::Bool(Vec::with_capacity(rows)),
        }
    }

    /// Adds a value; false if it is not of the column's type.
    fn push(&mut self, v: Val) -> bool {
        match (self, v) {
            (Column::Int(c), Val::Int(x)) => c.push(x),
            (Column::Real(c), Val::Real(x)) => c.push(x),
            (Column::Text(c), Val::Text(x)) => c.push(x),
            (Column::Blob(c), Val::Blob(x)) => c.push(x),
            (Column::Id(c), Val::Id(x)) => c.push(x),
            (Column::Day(c), Val::Day(x)) => c.push(x),
            (Column::Bool(c), Val::Bool(x)) => c.push(x),
            _ => return false,
        }
        true
    }

    fn array_type(&self) -> &'static str {
        match self {
            Column::Int(_) => "int8[]",
            Column::Real(_) => "float8[]",
            Column::Text(_) => "text[]",
            Column::Blob(_) => "bytea[]",
            Column::Id(_) => "uuid[]",
            Column::Day(_) => "date[]",
            Column::Bool(_) => "bool[]",
        }
    }
}

/// Sends the held runs over a PostgreSQL connection as one statement, then `then`. Each run is
/// `INSERT … SELECT * FROM UNNEST($1::type[], …)`, one array per column, and the runs before
/// the last are data-modifying `WITH` clauses of the last one (no table's insert depends on
/// another's). The text depends only on which tables and columns the batch wrote, not on how
/// many rows: PostgreSQL prepares and plans it once and each batch is one round trip. (As a
/// multi-row `VALUES` its text changed with every batch's size, and each was prepared, planned
/// and sent table by table.)
async fn send_pg(c: &mut PgConnection, held: &mut Held, then: Option<&str>) -> sqlx::Result<()> {
    let runs = std::mem::take(&mut held.runs);
    if !runs.is_empty() {
        let mut sql = String::new();
        let mut arrays: Vec<Column> = Vec::new();
        let last = runs.len() - 1;
        for (i, run) in runs.into_iter().enumerate() {
            let rows = run.vals.len() / run.cols;
            let head = run.head();
            let mut columns: Vec<Column> = run.vals[..run.cols]
                .iter()
                .map(|v| Column::of(v, rows))
                .collect();
            for (k, v) in run.vals.into_iter().enumerate() {
                if !columns[k % run.cols].push(v) {
                    return Err(sqlx::Error::Encode(
                        format!("held rows of {} mix types in one column", run.table).into(),
                    ));
                }
            }
            let args: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(k, col)| format!("${}::{}", arrays.len() + k + 1, col.array_type()))
                .collect();
            // `head` ends in "VALUES ": the same columns, fed from the arrays instead.
            let insert = format!(
                "{} SELECT * FROM UNNEST({})",
                head.trim_end().trim_end_matches("VALUES").trim_end(),
                args.join(", ")
            );
            arrays.extend(columns);
            if i < last {
                sql.push_str(if i == 0 { "WITH " } else { ", " });
                sql.push_str(&format!("held_{i} AS ({insert})"));
            } else {
                if i > 0 {
                    sql.push(' ');
                }
                sql.push_str(&insert);
            }
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for col in arrays {
            q = match col {
                Column::Int(a) => q.bind(a),
                Column::Real(a) => q.bind(a),
                Column::Text(a) => q.bind(a),
                Column::Blob(a) => q.bind(a),
                Column::Id(a) => q.bind(a),
                Column::Day(a) => q.bind(a),
                Column::Bool(a) => q.bind(a),
            };
        }
        q.execute(&mut *c).await?;
    }
    if let Some(t) = then {
        sqlx::raw_sql(sqlx::AssertSqlSafe(t))
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

/// Sends what is held on a SQLite connection, if anything.
pub async fn settle_sqlite(
    c: &mut SqliteConnection,
    held: &mut Option<&mut Held>,
) -> sqlx::Result<()> {
    match held.as_deref_mut() {
        Some(h) if !h.is_empty() => send_sqlite(c, h, None).await,
        _ => Ok(()),
    }
}

/// Sends what is held on a PostgreSQL connection, if anything.
pub async fn settle_pg(c: &mut PgConnection, held: &mut Option<&mut Held>) -> sqlx::Result<()> {
    match held.as_deref_mut() {
        Some(h) if !h.is_empty() => send_pg(c, h, None).await,
        _ => Ok(()),
    }
}

/// Sends what is held, then `then` (the commit): on SQLite in one call.
pub async fn settle_then_sqlite(
    c: &mut SqliteConnection,
    held: &mut Held,
    then: &str,
) -> sqlx::Result<()> {
    send_sqlite(c, held, Some(then)).await
}

/// Sends what is held, then `then` (the commit).
pub async fn settle_then_pg(c: &mut PgConnection, held: &mut Held, then: &str) -> sqlx::Result<()> {
    send_pg(c, held, Some(then)).await
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

    #[test]
    fn sqlite_texts_join_runs_up_to_max_params_and_count_the_runs_in_each() {
        let mut h = Held::default();
        // Runs of 500 rows × 20 columns: 10,000 parameters each, so three fit in one text.
        static COLS: [&str; 20] = ["c"; 20];
        for _ in 0..(7 * MAX_ROWS) {
            h.push("a", &[&COLS], vec![Val::Int(Some(1)); 20]);
        }
        assert_eq!(h.runs.len(), 7);
        let texts = sqlite_texts(&h.runs);
        let counts: Vec<usize> = texts.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, vec![3, 3, 1]);
        for (sql, n) in &texts {
            assert_eq!(sql.matches("INSERT INTO").count(), *n, "{sql:.80}");
            assert_eq!(sql.matches('?').count(), n * 10_000);
        }
    }
}
