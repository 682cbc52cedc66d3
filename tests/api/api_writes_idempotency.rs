//! `db::idempotency::once` on the database itself: a write sent again with its key is not
//! written again and gets the first answer, even when the copies arrive at the same moment;
//! a rolled-back write leaves the key free; the same key with another request is refused.

use std::sync::{Arc, Barrier};

use chrono::TimeDelta;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use jobmap::db::audit::{self, Actor, Event};
use jobmap::db::idempotency::{self, Once, StoredResponse};
use jobmap::db::{Db, DbConnection};
use jobmap::domain::idempotency::Fingerprint;

use crate::helpers::TestDb;

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn writes(conn: &mut DbConnection, marker: &str) -> i64 {
    diesel::sql_query("SELECT COUNT(*) AS n FROM audit_events WHERE entity_id = $1")
        .bind::<Text, _>(marker)
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

/// The write under test: one audit event, answered with `answer`.
fn write(
    conn: &mut DbConnection,
    marker: &str,
    answer: &str,
) -> Result<StoredResponse, diesel::result::Error> {
    audit::record(
        conn,
        Event {
            actor: &Actor::Cli,
            action: "test.write",
            entity: "test",
            entity_id: marker,
            before: None,
            after: None,
            ip: None,
        },
    )?;
    Ok(StoredResponse {
        status: 201,
        content_type: "application/json".into(),
        headers: vec![("ETag".into(), "\"v1\"".into())],
        body: answer.into(),
    })
}

fn open(test_db: &TestDb, pool: u32) -> Db {
    Db::open(&test_db.url, pool).expect("database opens")
}

#[test]
fn a_retry_is_answered_as_the_first_time_and_writes_nothing() {
    let test_db = TestDb::new();
    let db = open(&test_db, 2);
    let mut conn = db.conn().unwrap();
    let fp = Fingerprint::of("POST", "/api/v1/contracts/c1/jobs", b"{\"iin\":\"1\"}");
    let first = idempotency::once(&mut conn, "acct", Some("k-1"), &fp, |c| {
        write(c, "m1", "{\"id\":\"first\"}")
    })
    .unwrap();
    let Once::Performed(answer) = first else {
        panic!("performed: {first:?}")
    };
    let again = idempotency::once(&mut conn, "acct", Some("k-1"), &fp, |c| {
        write(c, "m1", "{\"id\":\"second\"}")
    })
    .unwrap();
    assert_eq!(again, Once::Replayed(answer.clone()));
    assert_eq!(writes(&mut conn, "m1"), 1);
    // Another account's key of the same name is its own.
    let theirs = idempotency::once(&mut conn, "other", Some("k-1"), &fp, |c| {
        write(c, "m1", "{\"id\":\"theirs\"}")
    })
    .unwrap();
    assert!(matches!(theirs, Once::Performed(_)));
    assert_eq!(writes(&mut conn, "m1"), 2);
}

#[test]
fn the_same_key_with_another_body_or_path_is_refused_and_writes_nothing() {
    let test_db = TestDb::new();
    let db = open(&test_db, 2);
    let mut conn = db.conn().unwrap();
    let fp = Fingerprint::of("POST", "/p", b"[1]");
    idempotency::once(&mut conn, "acct", Some("k"), &fp, |c| write(c, "m2", "{}")).unwrap();
    for other in [
        Fingerprint::of("POST", "/p", b"[2]"),
        Fingerprint::of("POST", "/p?atomic=false", b"[1]"),
        Fingerprint::of("PUT", "/p", b"[1]"),
    ] {
        let answer = idempotency::once(&mut conn, "acct", Some("k"), &other, |c| {
            write(c, "m2", "{}")
        })
        .unwrap();
        assert_eq!(answer, Once::Conflict);
    }
    assert_eq!(writes(&mut conn, "m2"), 1);
}

#[test]
fn a_write_that_fails_leaves_the_key_free_for_the_retry() {
    let test_db = TestDb::new();
    let db = open(&test_db, 2);
    let mut conn = db.conn().unwrap();
    let fp = Fingerprint::of("POST", "/p", b"{}");
    let failed = idempotency::once(&mut conn, "acct", Some("k"), &fp, |c| {
        write(c, "m3", "{}")?;
        Err::<StoredResponse, _>(diesel::result::Error::RollbackTransaction)
    });
    assert!(failed.is_err());
    assert_eq!(writes(&mut conn, "m3"), 0);
    let retried =
        idempotency::once(&mut conn, "acct", Some("k"), &fp, |c| write(c, "m3", "{}")).unwrap();
    assert!(matches!(retried, Once::Performed(_)));
    assert_eq!(writes(&mut conn, "m3"), 1);
}

#[test]
fn keys_older_than_a_day_are_pruned_and_younger_ones_kept() {
    let test_db = TestDb::new();
    let db = open(&test_db, 2);
    let mut conn = db.conn().unwrap();
    let fp = Fingerprint::of("POST", "/p", b"{}");
    for key in ["old", "young"] {
        idempotency::once(&mut conn, "acct", Some(key), &fp, |c| write(c, key, "{}")).unwrap();
    }
    use jobmap::db::schema::idempotency_keys as k;
    diesel::update(k::table.filter(k::idem_key.eq("old")))
        .set(k::created_at.eq(jobmap::db::now() - TimeDelta::hours(25)))
        .execute(&mut conn)
        .unwrap();
    let pruned = idempotency::prune(&mut conn, jobmap::db::now()).unwrap();
    assert_eq!(pruned, 1);
    // The young key still answers; the old one is free again and writes anew.
    let young = idempotency::once(&mut conn, "acct", Some("young"), &fp, |c| {
        write(c, "young", "{}")
    })
    .unwrap();
    assert!(matches!(young, Once::Replayed(_)));
    let old = idempotency::once(&mut conn, "acct", Some("old"), &fp, |c| {
        write(c, "old", "{}")
    })
    .unwrap();
    assert!(matches!(old, Once::Performed(_)));
    assert_eq!(writes(&mut conn, "old"), 2);
}

#[test]
fn copies_of_one_request_arriving_together_write_once_and_all_get_the_first_answer() {
    let test_db = TestDb::new();
    let db = open(&test_db, 12);
    let fp = Fingerprint::of("POST", "/api/v1/contracts/c1/jobs/bulk", b"[]");
    let copies = 12;
    let start = Arc::new(Barrier::new(copies));
    let threads: Vec<_> = (0..copies)
        .map(|n| {
            let (db, fp, start) = (db.clone(), fp.clone(), start.clone());
            std::thread::spawn(move || {
                let mut conn = db.conn().unwrap();
                start.wait();
                idempotency::once(&mut conn, "acct", Some("same"), &fp, |c| {
                    // Long enough for the other copies to arrive while this one runs.
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    write(c, "m5", &format!("{{\"copy\":{n}}}"))
                })
                .unwrap()
            })
        })
        .collect();
    let answers: Vec<Once> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let mut conn = db.conn().unwrap();
    assert_eq!(writes(&mut conn, "m5"), 1);
    let performed: Vec<&StoredResponse> = answers
        .iter()
        .filter_map(|a| match a {
            Once::Performed(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(performed.len(), 1, "{answers:?}");
    for a in &answers {
        match a {
            Once::Performed(r) | Once::Replayed(r) => assert_eq!(r, performed[0]),
            other => panic!("every copy is answered: {other:?}"),
        }
    }
}
