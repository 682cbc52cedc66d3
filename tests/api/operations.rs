//! Operating jobmap: backups taken while hires arrive, restores that refuse what they must,
//! the consistency check and repair, and graceful answers when the database is away.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use jobmap::config::Config;
use jobmap::db::Db;
use jobmap::db::schema::{audit_events, jobs};
use jobmap::domain::workflow::ProjectStatus;
use jobmap::seed;
use jobmap::startup::Application;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder, hire_form};
use crate::helpers::{Browser, TestApp, spawn_app, sql};

/// Runs the jobmap binary against `database_url`.
fn jobmap_on(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobmap"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("jobmap runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

fn seed_small(app: &TestApp) {
    let mut conn = app.db.conn().expect("connection");
    let options = seed::Options {
        replace: false,
        password: Some("Demo-Roadmap-2020-kz".into()),
        clock: Default::default(),
    };
    seed::load(&mut conn, &seed::national::spec(0.01), &options).expect("seeded");
}

fn job_count(db: &Db) -> i64 {
    let mut conn = db.conn().expect("connection");
    jobs::table.count().get_result(&mut conn).expect("counted")
}

async fn post_hire(who: &Browser, path: &str, n: usize) -> u16 {
    who.post_owned(path, &hire_form(n, "employment_center"))
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn a_backup_taken_while_hires_arrive_is_whole_and_consistent() {
    let app = spawn_app().await;
    let scratch = tempfile::tempdir().expect("temporary directory");
    let copy = scratch.path().join("copy.db");
    if app.test_db.is_postgres() {
        let out = jobmap_on(&app.test_db.url, &["backup", &copy.to_string_lossy()]);
        assert!(!out.status.success());
        let said = stderr(&out);
        assert!(
            said.contains("pg_dump") && said.contains("point-in-time"),
            "{said}"
        );
        assert!(!copy.exists(), "nothing half-right is written");
        return;
    }
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::InProgress)
        .create(&app);
    let contract = ContractBuilder::on(&project).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let path = format!("/contracts/{}/jobs", contract.id);
    for n in 0..10 {
        assert_eq!(post_hire(&contractor, &path, n).await, 303);
    }

    // Hires keep arriving, one after another, while the backup runs in another process.
    let url = app.test_db.url.clone();
    let target = copy.clone();
    let backup = tokio::task::spawn_blocking(move || {
        jobmap_on(&url, &["backup", &target.to_string_lossy()])
    });
    let mut accepted = 10;
    let mut n = 10;
    while !backup.is_finished() || n < 20 {
        assert_eq!(post_hire(&contractor, &path, n).await, 303);
        accepted += 1;
        n += 1;
    }
    let out = backup.await.expect("backup finished");
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("passed SQLite's integrity check"), "{said}");
    assert!(said.contains("jobs"), "{said}");

    // The copy opens, passes the integrity check, and its figures equal a recount of its
    // own records: a moment of the source, not a mixture of two.
    let inspected = jobmap::ops::backup::inspect(&copy).expect("the copy is a sound database");
    let copied_jobs = inspected
        .rows
        .iter()
        .find(|(t, _)| *t == "jobs")
        .map(|(_, n)| *n)
        .unwrap();
    assert!((10..=accepted).contains(&copied_jobs), "{copied_jobs}");
    assert_eq!(job_count(&app.db), accepted);
    let checked = jobmap_on(&sqlite_url(&copy), &["check"]);
    assert!(checked.status.success(), "{}", stdout(&checked));

    // Served from the copy, the dashboard shows the jobs the copy holds.
    let config = Config::for_database(&sqlite_url(&copy));
    let served = Application::build(config).expect("the copy serves");
    let address = format!("http://127.0.0.1:{}", served.port());
    tokio::spawn(served.run_until_stopped());
    let page = reqwest::Client::new()
        .get(format!("{address}/exports/dashboard.csv"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let west = page
        .lines()
        .find(|l| l.contains("West Kazakhstan"))
        .unwrap_or_else(|| panic!("the region's row in {page}"));
    assert!(
        west.split(',').any(|cell| cell == copied_jobs.to_string()),
        "{copied_jobs} jobs expected in {west}"
    );

    // A second backup to the same name is refused; the first stays as it was.
    let again = jobmap_on(&app.test_db.url, &["backup", &copy.to_string_lossy()]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

/// Undoes `chattr +i` so the temporary directory can be removed.
struct Immutable(PathBuf);

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

/// Makes `path` read-only for everyone, root included where the file system allows it.
fn make_read_only(path: &Path) -> Immutable {
    let chattr = Command::new("chattr").arg("+i").arg(path).status();
    if !chattr.is_ok_and(|s| s.success()) {
        let mut perms = std::fs::metadata(path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(path, perms).unwrap();
    }
    Immutable(path.to_owned())
}

#[tokio::test]
async fn a_restore_refuses_a_database_in_use_and_files_that_are_not_jobmap_backups() {
    let app = spawn_app().await;
    let scratch = tempfile::tempdir().expect("temporary directory");
    let text_file = scratch.path().join("notes.db");
    std::fs::write(&text_file, "not a database at all").unwrap();
    if app.test_db.is_postgres() {
        let out = jobmap_on(&app.test_db.url, &["restore", &text_file.to_string_lossy()]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains("pg_restore"), "{}", stderr(&out));
        return;
    }
    let backup = scratch.path().join("backup.db");
    let out = jobmap_on(&app.test_db.url, &["backup", &backup.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));

    // The server has the database open: the restore is refused and nothing changes.
    let users_before = jobmap_on(&app.test_db.url, &["user", "list"]);
    let refused = jobmap_on(&app.test_db.url, &["restore", &backup.to_string_lossy()]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("in use"), "{}", stderr(&refused));
    assert_eq!(
        stdout(&jobmap_on(&app.test_db.url, &["user", "list"])),
        stdout(&users_before)
    );

    // Into a database nothing uses: files that are not jobmap backups are refused.
    let idle = sqlite_url(&scratch.path().join("idle.db"));
    let out = jobmap_on(&idle, &["restore", &text_file.to_string_lossy()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is not a SQLite database"),
        "{}",
        stderr(&out)
    );
    let other = scratch.path().join("other.db");
    let mut conn = diesel::SqliteConnection::establish(&other.to_string_lossy()).unwrap();
    diesel::connection::SimpleConnection::batch_execute(
        &mut conn,
        "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);",
    )
    .unwrap();
    drop(conn);
    let out = jobmap_on(&idle, &["restore", &other.to_string_lossy()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a jobmap database"),
        "{}",
        stderr(&out)
    );
    assert!(!scratch.path().join("idle.db").exists());

    // The backup itself restores, and the restored database passes the check.
    let out = jobmap_on(&idle, &["restore", &backup.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let check = jobmap_on(&idle, &["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(stdout(&jobmap_on(&idle, &["user", "list"])).contains("admin"));
}

#[tokio::test]
async fn check_finds_drift_in_every_stored_aggregate_and_repair_rebuilds_it() {
    let app = spawn_app().await;
    seed_small(&app);
    let admin = app.admin().await;
    admin
        .get("/admin/operations")
        .await
        .assert_status(200)
        .assert_contains("No check has been run");
    let clean = jobmap_on(&app.test_db.url, &["check"]);
    assert!(clean.status.success(), "{}", stdout(&clean));
    admin
        .get("/admin/operations")
        .await
        .assert_contains("Passed: every stored figure");

    // One planted drift in each kind of stored aggregate.
    sql(
        &app,
        "UPDATE region_day_figures SET jobs_created = jobs_created + 1 \
           WHERE region_code = '27' AND day = (SELECT MIN(day) FROM region_day_figures \
                                              WHERE region_code = '27' AND jobs_created > 0); \
         UPDATE region_month_figures SET center_hires = center_hires + 2 \
           WHERE region_code = '11' AND day = (SELECT MAX(day) FROM region_month_figures \
                                              WHERE region_code = '11' AND center_hires > 0); \
         UPDATE region_figures SET youth_hires = youth_hires - 1 WHERE region_code = '71'; \
         UPDATE projects SET jobs_created = jobs_created + 3 \
           WHERE code = (SELECT MIN(code) FROM projects WHERE jobs_created > 0); \
         UPDATE contracts SET center_hires = center_hires + 1 \
           WHERE id = (SELECT MIN(id) FROM contracts WHERE center_hires > 0); \
         UPDATE contracts SET ledger_domestic = ledger_domestic - 5 \
           WHERE id = (SELECT MAX(id) FROM contracts WHERE ledger_domestic > 0);",
    );
    let out = jobmap_on(&app.test_db.url, &["check"]);
    assert!(!out.status.success(), "a drift must fail the check");
    let said = stdout(&out);
    for kind in [
        "region_day_figures: region 27, day",
        "region_month_figures: region 11, month",
        "region_figures: region 71, running totals: youth_hires is",
        "project_counters: project",
        "contract_hire_counters: contract",
        "contract_ledger_counters: contract",
    ] {
        assert!(said.contains(kind), "{kind} missing in:\n{said}");
    }
    assert!(said.contains("the records give"), "{said}");
    admin
        .get("/admin/operations")
        .await
        .assert_contains("differences found")
        .assert_contains("region_day_figures");

    let repaired = jobmap_on(&app.test_db.url, &["repair"]);
    assert!(repaired.status.success(), "{}", stdout(&repaired));
    assert!(stdout(&repaired).contains("the check now passes"));
    let again = jobmap_on(&app.test_db.url, &["check"]);
    assert!(again.status.success(), "{}", stdout(&again));
    admin
        .get("/admin/operations")
        .await
        .assert_contains("Passed: every stored figure");
    let mut conn = app.db.conn().unwrap();
    let audited: Vec<Option<String>> = audit_events::table
        .filter(audit_events::action.eq("data.repair"))
        .select(audit_events::before_json)
        .load(&mut conn)
        .unwrap();
    assert_eq!(audited.len(), 1);
    assert!(
        audited[0]
            .as_deref()
            .is_some_and(|b| b.contains("region_figures") || b.contains("running totals")),
        "{audited:?}"
    );

    // A broken rule is a fault in the records: reported, and not papered over by a repair.
    sql(
        &app,
        "UPDATE projects SET status = 'draft' WHERE id = (SELECT MIN(id) FROM projects \
           WHERE status = 'in_progress')",
    );
    let out = jobmap_on(&app.test_db.url, &["repair"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("workflow: a project whose status is not its last recorded change"),
        "{}",
        stdout(&out)
    );
}

async fn timed_get(client: &reqwest::Client, url: &str, lang: &str) -> (u16, String, Duration) {
    let started = Instant::now();
    let response = client
        .get(url)
        .header("accept-language", lang)
        .send()
        .await
        .expect("an answer");
    let status = response.status().as_u16();
    let body = response.text().await.unwrap_or_default();
    (status, body, started.elapsed())
}

#[tokio::test]
async fn pages_answer_503_within_3_seconds_when_the_database_cannot_be_reached() {
    // Nothing listens on port 1: every connection attempt fails.
    let db = Db::connect_lazily(
        "postgres://jobmap@127.0.0.1:1/jobmap?connect_timeout=2",
        2,
        Duration::from_secs(2),
    )
    .expect("a pool that has not connected yet");
    let mut config = Config::for_database("postgres://jobmap@127.0.0.1:1/jobmap");
    config.db_timeout_secs = 2;
    let app = Application::build_on(config, db).expect("serves");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();

    for (path, lang, words) in [
        ("/", "en", "The service is temporarily unavailable"),
        ("/map", "ru", "Сервис временно недоступен"),
        ("/regions/27", "kk", "Қызмет уақытша қолжетімсіз"),
    ] {
        let (status, body, took) = timed_get(&client, &format!("{address}{path}"), lang).await;
        assert_eq!(status, 503, "{path}: {body}");
        assert!(body.contains(words), "{path}: {body}");
        assert!(took < Duration::from_secs(3), "{path} took {took:?}");
    }
    let (status, _, _) = timed_get(&client, &format!("{address}/livez"), "en").await;
    assert_eq!(status, 200, "the process itself is up");
    let (status, body, took) = timed_get(&client, &format!("{address}/readyz"), "en").await;
    assert_eq!(status, 503);
    assert!(body.contains("\"reason\":\"unreachable\""), "{body}");
    assert!(
        !body.contains("127.0.0.1"),
        "no internals to the caller: {body}"
    );
    assert!(took < Duration::from_secs(3));
    let (status, _, _) = timed_get(&client, &format!("{address}/healthz"), "en").await;
    assert_eq!(status, 503);
}

#[tokio::test]
async fn readyz_is_ready_when_the_database_takes_writes() {
    let app = spawn_app().await;
    let page = app.get("/readyz").await;
    page.assert_status(200)
        .assert_contains("\"status\":\"ready\"");
    assert_eq!(page.header("cache-control"), Some("no-store"));
    app.get("/livez").await.assert_status(200);
    // The probe leaves nothing behind.
    let mut conn = app.db.conn().unwrap();
    let left: i64 = diesel::sql_query("SELECT COUNT(*) AS n FROM check_runs")
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n;
    assert_eq!(left, 0);
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[tokio::test]
async fn readyz_fails_on_a_read_only_sqlite_database() {
    let app = spawn_app().await;
    if app.test_db.is_postgres() {
        return;
    }
    let scratch = tempfile::tempdir().expect("temporary directory");
    let file = scratch.path().join("read-only.db");
    let url = sqlite_url(&file);
    assert!(
        jobmap_on(&app.test_db.url, &["backup", &file.to_string_lossy()])
            .status
            .success()
    );
    // Opened once writable, so it is in WAL mode like any served database.
    assert!(jobmap_on(&url, &["migrate"]).status.success());
    let _guard = make_read_only(&file);

    let db = Db::open(&url, 2).expect("a read-only database still opens");
    let served = Application::build_on(Config::for_database(&url), db).expect("serves");
    let address = format!("http://127.0.0.1:{}", served.port());
    tokio::spawn(served.run_until_stopped());
    let client = reqwest::Client::new();
    let (status, body, _) = timed_get(&client, &format!("{address}/readyz"), "en").await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("\"reason\":\"not_writable\""), "{body}");
    let (status, _, _) = timed_get(&client, &format!("{address}/livez"), "en").await;
    assert_eq!(status, 200);
    // Reads still work: the database answers, it only refuses writes.
    let (status, _, _) = timed_get(&client, &format!("{address}/healthz"), "en").await;
    assert_eq!(status, 200);
}
