//! The SQLite and PostgreSQL migration trees must build the same database: same migration
//! names, tables, columns, types, nullability, foreign keys and indexes.

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use jobmap::db::{Db, DbConnection};

use crate::helpers::{TestDb, postgres_base_url};

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

#[derive(QueryableByName)]
struct ForeignKey {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    ref_table: String,
    #[diesel(sql_type = Text)]
    ref_column: String,
}

#[derive(QueryableByName)]
struct Index {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    index_name: String,
    #[diesel(sql_type = Text)]
    columns: String,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    /// Made by CREATE INDEX (not by a PRIMARY KEY or UNIQUE constraint): its name must match.
    #[diesel(sql_type = Bool)]
    named: bool,
}

#[derive(Debug, PartialEq)]
struct Shape {
    columns: BTreeSet<String>,
    foreign_keys: BTreeSet<String>,
    indexes: BTreeSet<String>,
}

fn normalise_type(t: &str) -> String {
    match t.to_lowercase().as_str() {
        "timestamp without time zone" => "timestamp".into(),
        "character varying" => "text".into(),
        other => other.into(),
    }
}

fn shape(columns: Vec<Column>, fks: Vec<ForeignKey>, indexes: Vec<Index>) -> Shape {
    // The project search index is each backend's own by design: an FTS5 table (and its
    // row numbers) on SQLite, a pg_trgm GIN index on PostgreSQL.
    let skip = |t: &str| t == "__diesel_schema_migrations" || t.starts_with("projects_search");
    Shape {
        columns: columns
            .into_iter()
            .filter(|c| !skip(&c.table_name))
            .map(|c| {
                format!(
                    "{}.{} {}{}",
                    c.table_name,
                    c.column_name,
                    normalise_type(&c.data_type),
                    if c.nullable { " null" } else { "" }
                )
            })
            .collect(),
        foreign_keys: fks
            .into_iter()
            .map(|f| {
                format!(
                    "{}.{} -> {}.{}",
                    f.table_name, f.column_name, f.ref_table, f.ref_column
                )
            })
            .collect(),
        indexes: indexes
            .into_iter()
            .filter(|i| !skip(&i.table_name) && i.index_name != "projects_search_trgm_idx")
            .map(|i| {
                format!(
                    "{} {}({}){}",
                    if i.named { i.index_name.as_str() } else { "-" },
                    i.table_name,
                    i.columns,
                    if i.is_unique { " unique" } else { "" }
                )
            })
            .collect(),
    }
}

fn sqlite_shape(conn: &mut DbConnection) -> Shape {
    let columns = diesel::sql_query(
        "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
         (p.\"notnull\" = 0) AS nullable FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
    )
    .load::<Column>(conn)
    .unwrap();
    let fks = diesel::sql_query(
        "SELECT m.name AS table_name, f.\"from\" AS column_name, f.\"table\" AS ref_table, \
         f.\"to\" AS ref_column FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
         WHERE m.type = 'table'",
    )
    .load::<ForeignKey>(conn)
    .unwrap();
    let indexes = diesel::sql_query(
        "SELECT m.name AS table_name, l.name AS index_name, \
         (SELECT group_concat(name, ',') FROM (SELECT i.name FROM pragma_index_info(l.name) i ORDER BY i.seqno)) AS columns, \
         (l.\"unique\" = 1) AS is_unique, (l.origin = 'c') AS named \
         FROM sqlite_master m, pragma_index_list(m.name) l WHERE m.type = 'table'",
    )
    .load::<Index>(conn)
    .unwrap();
    // An INTEGER PRIMARY KEY is the table's rowid: its primary-key index, though SQLite lists
    // none.
    let rowid_keys = diesel::sql_query(
        "SELECT m.name AS table_name, '' AS index_name, p.name AS columns, \
         (1 = 1) AS is_unique, (1 = 0) AS named \
         FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND p.pk = 1 AND upper(p.type) = 'INTEGER' \
         AND (SELECT count(*) FROM pragma_table_info(m.name) k WHERE k.pk > 0) = 1",
    )
    .load::<Index>(conn)
    .unwrap();
    shape(
        columns,
        fks,
        indexes.into_iter().chain(rowid_keys).collect(),
    )
}

fn postgres_shape(conn: &mut DbConnection) -> Shape {
    let columns = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, \
         data_type::text AS data_type, (is_nullable = 'YES') AS nullable \
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .load::<Column>(conn)
    .unwrap();
    let fks = diesel::sql_query(
        "SELECT cl.relname::text AS table_name, a.attname::text AS column_name, \
         rc.relname::text AS ref_table, ra.attname::text AS ref_column \
         FROM pg_constraint c \
         JOIN pg_class cl ON cl.oid = c.conrelid \
         JOIN pg_namespace n ON n.oid = cl.relnamespace \
         JOIN pg_class rc ON rc.oid = c.confrelid \
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, refcol) \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col \
         JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refcol \
         WHERE c.contype = 'f' AND n.nspname = 'public'",
    )
    .load::<ForeignKey>(conn)
    .unwrap();
    let indexes = diesel::sql_query(
        "SELECT t.relname::text AS table_name, i.relname::text AS index_name, \
         string_agg(a.attname::text, ',' ORDER BY k.ord) AS columns, ix.indisunique AS is_unique, \
         NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid) AS named \
         FROM pg_index ix \
         JOIN pg_class i ON i.oid = ix.indexrelid \
         JOIN pg_class t ON t.oid = ix.indrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) \
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
         WHERE n.nspname = 'public' \
         GROUP BY t.relname, i.relname, ix.indisunique, ix.indexrelid",
    )
    .load::<Index>(conn)
    .unwrap();
    shape(columns, fks, indexes)
}

#[test]
fn both_trees_have_the_same_migration_names() {
    let names = |backend: &str| -> BTreeSet<String> {
        let dir = format!("{}/migrations/{backend}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let sqlite = names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("postgres"));
}

#[test]
fn sqlite_and_postgres_schemas_match() {
    let Some(base) = postgres_base_url() else {
        eprintln!("skipped: set JOBMAP_TEST_DATABASE_URL to compare with PostgreSQL");
        return;
    };
    let sqlite_db = TestDb::sqlite();
    let pg_db = TestDb::postgres(&base);
    let sqlite = sqlite_shape(&mut Db::open(&sqlite_db.url, 1).unwrap().conn().unwrap());
    let postgres = postgres_shape(&mut Db::open(&pg_db.url, 1).unwrap().conn().unwrap());
    assert!(sqlite.columns.len() > 100, "{:?}", sqlite.columns);
    assert!(sqlite.indexes.len() > 20);
    let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Vec<String> {
        a.difference(b).cloned().collect()
    };
    for (what, s, p) in [
        ("columns", &sqlite.columns, &postgres.columns),
        ("foreign keys", &sqlite.foreign_keys, &postgres.foreign_keys),
        ("indexes", &sqlite.indexes, &postgres.indexes),
    ] {
        assert!(
            s == p,
            "{what} differ.\nonly in SQLite: {:#?}\nonly in PostgreSQL: {:#?}",
            only(s, p),
            only(p, s)
        );
    }
}

#[test]
fn every_migration_has_its_own_version_and_both_trees_the_same_names() {
    // diesel keys a migration by the part of its folder name before the first underscore: two
    // folders with one version would leave the second unapplied on every database.
    let names = |tree: &str| {
        let mut names: Vec<String> = std::fs::read_dir(format!("migrations/{tree}"))
            .expect("migrations folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let sqlite = names("sqlite");
    assert_eq!(sqlite, names("postgres"));
    let mut versions: Vec<&str> = sqlite
        .iter()
        .map(|n| n.split('_').next().unwrap_or(""))
        .collect();
    versions.dedup();
    assert_eq!(versions.len(), sqlite.len(), "{sqlite:?}");
}
