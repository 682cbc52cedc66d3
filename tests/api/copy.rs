//! `jobmap copy`: an SQLite deployment moves to PostgreSQL and shows the same figures there.

use std::process::{Command, Output};

use jobmap::db::Db;
use jobmap::seed::{self, Options};

use crate::helpers::{AppBuilder, Page, TestDb, postgres_base_url};

const PASSWORD: &str = "Copy-Roadmap-2020-kz";

fn copy(from: &str, to: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobmap"))
        .args(["copy", "--from", from, "--to", to])
        .env("RUST_LOG", "warn")
        .output()
        .expect("jobmap runs")
}

/// The page without what differs per session (the CSRF token in its forms).
fn figures(page: &Page) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let mut out = String::new();
    let mut rest = page.body.as_str();
    while let Some(at) = rest.find(marker) {
        out.push_str(&rest[..at + marker.len()]);
        rest = &rest[at + marker.len()..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn a_generated_sqlite_deployment_moves_to_postgresql_with_the_same_pages() {
    let Some(server) = postgres_base_url() else {
        eprintln!("JOBMAP_TEST_DATABASE_URL is not set: the copy needs a PostgreSQL server");
        return;
    };
    let source = TestDb::sqlite();
    {
        let db = Db::open(&source.url, 1).expect("source database");
        let mut conn = db.conn().expect("connection");
        let scale = seed::national::parse_scale("small").expect("scale");
        let options = Options {
            replace: false,
            password: Some(PASSWORD.into()),
            clock: Default::default(),
        };
        seed::load(&mut conn, &seed::national::spec(scale), &options).expect("seed");
    }
    let target = TestDb::postgres(&server);

    let out = copy(&source.url, &target.url);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "row counts match",
        "invariant checks on the target: all hold",
        "audit_events",
        "users",
    ] {
        assert!(text.contains(line), "{line:?} missing in:\n{text}");
    }
    assert!(!text.contains("sessions"), "{text}");

    // A second copy would mix two deployments: refused, and the target is left as it was.
    let again = copy(&source.url, &target.url);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("already holds data"), "{err}");

    let before = AppBuilder::new().on(source).spawn().await;
    let after = AppBuilder::new().on(target).spawn().await;
    for path in ["/", "/?as_of=2024-06-30", "/map"] {
        let a = before.get(path).await;
        let b = after.get(path).await;
        a.assert_status(200);
        b.assert_status(200);
        assert_eq!(figures(&a), figures(&b), "{path} differs after the copy");
    }

    // The accounts came along: the seeded commission member signs in on PostgreSQL and sees
    // the same compliance list as on SQLite.
    let on_sqlite = before.browser();
    let on_pg = after.browser();
    on_sqlite.login_ok("commission.demo", PASSWORD).await;
    on_pg.login_ok("commission.demo", PASSWORD).await;
    for path in ["/dashboard", "/compliance", "/regions/27"] {
        let a = on_sqlite.get(path).await;
        let b = on_pg.get(path).await;
        a.assert_status(200);
        assert_eq!(figures(&a), figures(&b), "{path} differs after the copy");
    }
}

#[tokio::test]
async fn copy_refuses_anything_but_sqlite_to_postgresql() {
    let source = TestDb::sqlite();
    let other = TestDb::sqlite();
    let out = copy(&source.url, &other.url);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PostgreSQL"), "{err}");
}
