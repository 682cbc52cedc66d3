//! `jobmap copy`: moves an SQLite deployment's data into an empty PostgreSQL database.
//!
//! Rows travel as JSON: SQLite turns a batch of rows into one JSON array (`json_object`), and
//! PostgreSQL turns it back into rows of the target table by column name
//! (`json_populate_recordset`). Every table is copied column for column, whichever helper added
//! it, without a row type per table here. The source is read inside one read transaction (a
//! WAL snapshot: a server may keep writing meanwhile), the target is written inside one
//! transaction, so the copy is all or nothing.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};

use super::{Db, DbConnection, DbUrl};

/// Rows per statement: a batch of jobs is a few hundred kilobytes of JSON.
pub const BATCH_ROWS: i64 = 2000;

/// Not copied: sessions belong to the old server's cookies (people sign in again), and so do
/// the signals that end them; migrations are the target's own.
const SKIPPED: [&str; 3] = ["sessions", "session_signals", "__diesel_schema_migrations"];

/// Not copied either: SQLite's own search index (an FTS5 table, its shadow tables and its row
/// numbers); the target indexes `projects.search_text` itself.
fn is_search_index(table: &str) -> bool {
    table.starts_with("projects_search")
}

/// Filled by the target's own start-up (`reference::load`), replaced by the source's.
const REFERENCE: [&str; 2] = ["regions", "parameters"];

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("copy reads an SQLite database (--from sqlite://path), not {0}")]
    SourceNotSqlite(String),
    #[error("copy writes into a PostgreSQL database (--to postgres://…), not {0}")]
    TargetNotPostgres(String),
    #[error(
        "the target already holds data ({0}); copy only into an empty database, \
         e.g. one made with CREATE DATABASE"
    )]
    TargetNotEmpty(String),
    #[error("{table}: {source_rows} rows in the source but {target_rows} in the target")]
    CountMismatch {
        table: String,
        source_rows: i64,
        target_rows: i64,
    },
    #[error("cannot order the tables by their foreign keys (a cycle among {0})")]
    Cycle(String),
    #[error(transparent)]
    Setup(#[from] super::DbSetupError),
    #[error("database pool: {0}")]
    Pool(String),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

/// What was copied, table by table in the order written, and the invariants the target breaks.
#[derive(Debug, Default)]
pub struct CopyReport {
    pub tables: Vec<(String, i64)>,
    pub broken: Vec<String>,
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Batch {
    #[diesel(sql_type = Nullable<Text>)]
    data: Option<String>,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    last: Option<i64>,
}

/// Copies every table of the SQLite database at `from` into the empty PostgreSQL database at
/// `to` (migrated first), checks the row counts inside the target's transaction, and runs the
/// invariant checks on the result.
pub fn copy(from: &str, to: &str) -> Result<CopyReport, CopyError> {
    let source_url = DbUrl::parse(from)?;
    if !matches!(source_url, DbUrl::Sqlite(_)) {
        return Err(CopyError::SourceNotSqlite(source_url.redacted()));
    }
    let target_url = DbUrl::parse(to)?;
    if !matches!(target_url, DbUrl::Postgres(_)) {
        return Err(CopyError::TargetNotPostgres(target_url.redacted()));
    }
    let source = Db::open(from, 1)?;
    let target = Db::open(to, 1)?;
    let mut src_pooled = source.conn().map_err(|e| CopyError::Pool(e.to_string()))?;
    let mut dst_pooled = target.conn().map_err(|e| CopyError::Pool(e.to_string()))?;
    let (src, dst): (&mut DbConnection, &mut DbConnection) = (&mut src_pooled, &mut dst_pooled);

    let mut report = src.transaction::<_, CopyError, _>(|src| {
        let tables = tables_in_key_order(src)?;
        dst.transaction::<_, CopyError, _>(|dst| {
            refuse_non_empty(dst, &tables)?;
            // Children before parents, so the reference rows can go.
            for table in tables.iter().rev() {
                dst.batch_execute(&format!("DELETE FROM {}", quoted(table)))?;
            }
            let mut report = CopyReport::default();
            for table in &tables {
                let copied = copy_table(src, dst, table)?;
                let source_rows = count(src, table)?;
                let target_rows = count(dst, table)?;
                if source_rows != target_rows || copied != source_rows {
                    return Err(CopyError::CountMismatch {
                        table: table.clone(),
                        source_rows,
                        target_rows,
                    });
                }
                report.tables.push((table.clone(), target_rows));
            }
            Ok(report)
        })
    })?;
    // A fresh PostgreSQL database has no planner statistics until autovacuum comes by.
    super::bulk_write::refresh_statistics(dst, None)?;
    // `jobmap check` on the target, recorded there: its admin area shows the copy was checked.
    let (found, _) = crate::ops::runs::check_and_record(dst)?;
    report.broken = found
        .iter()
        .map(|d| format!("{}: {d}", d.kind.code()))
        .collect();
    Ok(report)
}

/// The source's tables, parents before children (`regions` before `projects` before
/// `contracts` …), without the skipped ones.
fn tables_in_key_order(src: &mut DbConnection) -> Result<Vec<String>, CopyError> {
    let names: Vec<Name> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )
    .load(src)?;
    let mut edges = Vec::new();
    for t in names.iter().map(|n| &n.name) {
        if SKIPPED.contains(&t.as_str()) || is_search_index(t) {
            continue;
        }
        let parents: Vec<Name> =
            diesel::sql_query("SELECT DISTINCT \"table\" AS name FROM pragma_foreign_key_list($1)")
                .bind::<Text, _>(t)
                .load(src)?;
        edges.push((t.clone(), parents.into_iter().map(|p| p.name).collect()));
    }
    key_order(edges)
}

/// Orders tables so each comes after the tables it references (a self-reference is allowed:
/// PostgreSQL checks it at the end of the statement that inserts the batch).
pub fn key_order(mut pending: Vec<(String, Vec<String>)>) -> Result<Vec<String>, CopyError> {
    let mut done: Vec<String> = Vec::new();
    while !pending.is_empty() {
        let known: Vec<String> = pending.iter().map(|(t, _)| t.clone()).collect();
        let (ready, rest): (Vec<_>, Vec<_>) = pending.into_iter().partition(|(t, parents)| {
            parents
                .iter()
                .all(|p| p == t || done.contains(p) || !known.contains(p))
        });
        if ready.is_empty() {
            let names: Vec<String> = rest.into_iter().map(|(t, _)| t).collect();
            return Err(CopyError::Cycle(names.join(", ")));
        }
        done.extend(ready.into_iter().map(|(t, _)| t));
        pending = rest;
    }
    Ok(done)
}

fn refuse_non_empty(dst: &mut DbConnection, tables: &[String]) -> Result<(), CopyError> {
    let mut holding = Vec::new();
    for table in tables {
        if REFERENCE.contains(&table.as_str()) {
            continue;
        }
        let n = count(dst, table)?;
        if n > 0 {
            holding.push(format!("{n} rows in {table}"));
        }
    }
    if holding.is_empty() {
        Ok(())
    } else {
        Err(CopyError::TargetNotEmpty(holding.join(", ")))
    }
}

fn copy_table(
    src: &mut DbConnection,
    dst: &mut DbConnection,
    table: &str,
) -> Result<i64, CopyError> {
    let columns: Vec<Name> = diesel::sql_query("SELECT name FROM pragma_table_info($1)")
        .bind::<Text, _>(table)
        .load(src)?;
    let pairs: Vec<String> = columns
        .iter()
        .map(|c| format!("'{}', {}", c.name.replace('\'', "''"), quoted(&c.name)))
        .collect();
    let list: Vec<String> = columns.iter().map(|c| quoted(&c.name)).collect();
    let list = list.join(", ");
    // Keyset paging by rowid: each batch starts where the last ended, at the same cost.
    let read = format!(
        "SELECT json_group_array(json_object({})) AS data, COUNT(*) AS n, MAX(r) AS last \
         FROM (SELECT rowid AS r, * FROM {} WHERE rowid > $1 ORDER BY rowid LIMIT $2)",
        pairs.join(", "),
        quoted(table)
    );
    let write = format!(
        "INSERT INTO {t} ({list}) SELECT {list} FROM json_populate_recordset(NULL::{t}, $1::json)",
        t = quoted(table)
    );
    let mut after = i64::MIN;
    let mut copied = 0;
    loop {
        let batch: Batch = diesel::sql_query(&read)
            .bind::<BigInt, _>(after)
            .bind::<BigInt, _>(BATCH_ROWS)
            .get_result(src)?;
        let (Some(data), Some(last)) = (batch.data, batch.last) else {
            break;
        };
        if batch.n == 0 {
            break;
        }
        diesel::sql_query(&write)
            .bind::<Text, _>(data)
            .execute(dst)?;
        copied += batch.n;
        after = last;
        if batch.n < BATCH_ROWS {
            break;
        }
    }
    Ok(copied)
}

fn count(conn: &mut DbConnection, table: &str) -> Result<i64, CopyError> {
    let c: Count = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {}", quoted(table)))
        .get_result(conn)?;
    Ok(c.n)
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(t: &str, parents: &[&str]) -> (String, Vec<String>) {
        (t.into(), parents.iter().map(|p| (*p).to_owned()).collect())
    }

    #[test]
    fn parents_come_before_children_and_self_references_are_allowed() {
        let order = key_order(vec![
            edge("jobs", &["contracts", "workers", "users"]),
            edge("contracts", &["projects", "users"]),
            edge("regions", &["regions"]),
            edge("projects", &["regions", "users"]),
            edge("users", &["regions"]),
            edge("workers", &[]),
        ])
        .expect("no cycle");
        let at = |t: &str| order.iter().position(|x| x == t).expect("listed");
        assert!(at("regions") < at("users"));
        assert!(at("users") < at("projects"));
        assert!(at("projects") < at("contracts"));
        assert!(at("contracts") < at("jobs"));
        assert!(at("workers") < at("jobs"));
    }

    #[test]
    fn a_cycle_is_named() {
        let e = key_order(vec![edge("a", &["b"]), edge("b", &["a"])]).expect_err("cycle");
        assert!(e.to_string().contains("a, b"));
    }
}
