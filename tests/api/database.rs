//! Connection set-up: durable SQLite settings, clear errors for a wrong URL, atomic writes.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use jobmap::db::schema::parameters;
use jobmap::db::{Db, DbConnection, write_transaction};
use jobmap::error::AppError;

use crate::helpers::{TestDb, postgres_base_url, with_database};

#[derive(QueryableByName)]
struct TextValue {
    #[diesel(sql_type = Text)]
    v: String,
}

#[derive(QueryableByName)]
struct IntValue {
    #[diesel(sql_type = BigInt)]
    v: i64,
}

fn pragma_int(conn: &mut DbConnection, name: &str, column: &str) -> i64 {
    diesel::sql_query(format!(
        "SELECT CAST({column} AS BIGINT) AS v FROM pragma_{name}"
    ))
    .get_result::<IntValue>(conn)
    .unwrap()
    .v
}

#[test]
fn sqlite_connections_are_durable_and_check_foreign_keys() {
    let test_db = TestDb::sqlite();
    let db = Db::open(&test_db.url, 3).unwrap();
    // Every pooled connection, not only the first, gets the settings.
    let mut held = Vec::new();
    for _ in 0..3 {
        let mut conn = db.conn().unwrap();
        let mode = diesel::sql_query("SELECT journal_mode AS v FROM pragma_journal_mode")
            .get_result::<TextValue>(&mut *conn)
            .unwrap()
            .v;
        assert_eq!(mode, "wal");
        assert_eq!(
            pragma_int(&mut conn, "synchronous", "synchronous"),
            2,
            "synchronous=FULL"
        );
        assert_eq!(pragma_int(&mut conn, "foreign_keys", "foreign_keys"), 1);
        assert!(pragma_int(&mut conn, "busy_timeout", "timeout") >= 5000);
        held.push(conn);
    }
}

#[test]
fn reference_data_is_loaded_once() {
    let test_db = TestDb::new();
    let db = Db::open(&test_db.url, 2).unwrap();
    drop(db);
    let db = Db::open(&test_db.url, 2).unwrap();
    let mut conn = db.conn().unwrap();
    let regions: i64 = jobmap::db::schema::regions::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(regions, 20);
    let mzp_2024: i64 = parameters::table
        .filter(parameters::code.eq("MZP"))
        .filter(parameters::valid_from.eq(chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()))
        .select(parameters::value)
        .first(&mut conn)
        .unwrap();
    assert_eq!(mzp_2024, 85_000);
}

/// Several instances started at once on one new database (the national shape: instances
/// behind a load balancer, restarted together after an upgrade) all come up, and the
/// migrations ran once: each instance migrates under an advisory lock on PostgreSQL, and under
/// SQLite's write lock on SQLite.
#[test]
fn instances_started_together_all_come_up_on_one_migrated_database() {
    let test_db = TestDb::new();
    let opened: Vec<Result<bool, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    Db::open(&test_db.url, 2)
                        .map(|_| true)
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(opened, vec![Ok(true); 4]);
    let db = Db::open(&test_db.url, 2).unwrap();
    let mut conn = db.conn().unwrap();
    let regions: i64 = jobmap::db::schema::regions::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(regions, 20);
}

#[test]
fn foreign_keys_are_enforced() {
    let test_db = TestDb::new();
    let db = Db::open(&test_db.url, 2).unwrap();
    let mut conn = db.conn().unwrap();
    let now = jobmap::db::now();
    let result = diesel::insert_into(jobmap::db::schema::users::table)
        .values((
            jobmap::db::schema::users::id.eq("u1"),
            jobmap::db::schema::users::login.eq("x1"),
            jobmap::db::schema::users::password_hash.eq("x"),
            jobmap::db::schema::users::role.eq("akimat"),
            jobmap::db::schema::users::region_code.eq("00"),
            jobmap::db::schema::users::password_changed_at.eq(now),
            jobmap::db::schema::users::created_at.eq(now),
            jobmap::db::schema::users::updated_at.eq(now),
        ))
        .execute(&mut conn);
    assert!(result.is_err(), "a user in a region that does not exist");
}

#[test]
fn a_failed_write_transaction_leaves_nothing_behind() {
    let test_db = TestDb::new();
    let db = Db::open(&test_db.url, 2).unwrap();
    let mut conn = db.conn().unwrap();
    let result: Result<(), AppError> = write_transaction(&mut conn, |conn| {
        diesel::insert_into(parameters::table)
            .values((
                parameters::id.eq("p-test"),
                parameters::code.eq("TEST"),
                parameters::valid_from.eq(chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()),
                parameters::value.eq(1_i64),
            ))
            .execute(conn)?;
        Err(AppError::BadRequest("second step failed".into()))
    });
    assert!(result.is_err());
    let left: i64 = parameters::table
        .filter(parameters::code.eq("TEST"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn an_unusable_url_is_reported_as_such() {
    let err = Db::open("mysql://root@localhost/test", 1).err().unwrap();
    assert!(err.to_string().contains("DATABASE_URL"), "{err}");
}

#[test]
fn an_unreachable_postgres_server_is_named_without_its_password() {
    let err = Db::open("postgres://postgres:s3cret@127.0.0.1:1/test", 1)
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("cannot connect to the postgresql database"),
        "{err}"
    );
    assert!(err.contains("127.0.0.1:1"), "{err}");
    assert!(!err.contains("s3cret"), "{err}");
    assert!(err.to_lowercase().contains("refused"), "{err}");
}

#[test]
fn a_missing_postgres_database_is_named() {
    let Some(base) = postgres_base_url() else {
        eprintln!("skipped: JOBMAP_TEST_DATABASE_URL is not set");
        return;
    };
    let err = Db::open(&with_database(&base, "jobmap_no_such_db"), 1)
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("\"jobmap_no_such_db\" does not exist"),
        "{err}"
    );
}

#[test]
fn an_unwritable_sqlite_location_is_reported() {
    let err = Db::open("sqlite:///proc/jobmap/cannot/jobmap.db", 1)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("/proc/jobmap/cannot"), "{err}");
}
