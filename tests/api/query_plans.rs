//! The statements behind the busiest pages: as many whatever the amount of data (no query
//! per row), and each served by an index, checked with the backend's own EXPLAIN.

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::Text;
use jobmap::db::DbConnection;
use jobmap::seed::{self, Options};

use crate::builders::UserBuilder;
use crate::helpers::{Browser, TestApp, spawn_app};

/// Tables that grow with the programme; a full scan of one of them is a finding.
const GROWING: [&str; 11] = [
    "projects",
    "project_status_changes",
    "contracts",
    "procurement_lines",
    "workers",
    "jobs",
    "lifting_payments",
    "audit_events",
    "sessions",
    "region_day_figures",
    "region_month_figures",
];

pub(crate) fn seeded(app: &TestApp, scale: f64) {
    let mut conn = app.db.conn().expect("connection");
    let opts = Options {
        replace: true,
        password: Some("Bench-Roadmap-2026-kz".into()),
        clock: Default::default(),
    };
    seed::load(&mut conn, &seed::national::spec(scale), &opts).expect("seeded");
}

pub(crate) fn busiest_contract(app: &TestApp) -> String {
    use jobmap::db::schema::{contracts, projects};
    let mut conn = app.db.conn().expect("connection");
    contracts::table
        .inner_join(projects::table)
        .filter(projects::region_code.eq("27"))
        .filter(projects::status.eq("in_progress"))
        .order((
            (contracts::center_hires + contracts::direct_hires).desc(),
            contracts::id,
        ))
        .select(contracts::id)
        .first(&mut conn)
        .expect("a running contract in West Kazakhstan")
}

fn pages(contract: &str) -> Vec<String> {
    vec![
        "/".into(),
        "/dashboard".into(),
        "/map".into(),
        "/map?region=27".into(),
        "/projects?region=27&status=in_progress".into(),
        "/projects?q=%D1%88%D0%BA%D0%BE%D0%BB".into(),
        "/regions/27".into(),
        format!("/contracts/{contract}/jobs"),
    ]
}

/// The statements the server ran to answer `path`.
pub(crate) async fn statements(app: &TestApp, who: &Browser, path: &str) -> Vec<String> {
    // Once first, so that lazily filled tables (rank history) do not count; then as if the
    // figures had changed, so that the page's data is loaded, not taken from memory.
    who.get(path).await.assert_status(200);
    jobmap::db::cache::touched();
    app.server_db.query_log().start();
    who.get(path).await.assert_status(200);
    // A page's audit record goes through the writer, in a transaction of its own: its
    // BEGIN and COMMIT have no plan to read.
    let control = ["BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"];
    app.server_db
        .query_log()
        .stop()
        .into_iter()
        .filter(|sql| !control.iter().any(|c| sql.trim_start().starts_with(c)))
        .collect()
}

async fn counts(app: &TestApp, who: &Browser) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let contract = busiest_contract(app);
    for (i, path) in pages(&contract).iter().enumerate() {
        // The contract's id differs between loads; its page is the same page.
        let name = if i == 7 { "/contracts/{id}/jobs" } else { path };
        out.insert(name.to_owned(), statements(app, who, path).await.len());
    }
    out
}

#[tokio::test]
async fn the_busiest_pages_make_as_many_queries_with_five_times_the_data() {
    let app = spawn_app().await;
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    seeded(&app, 0.002);
    let small = counts(&app, &member).await;
    seeded(&app, 0.01);
    let large = counts(&app, &member).await;
    assert_eq!(small, large);
    for (page, n) in &large {
        // Signed-in session and user, the figures, names, lists: a handful, never per row.
        assert!(*n <= 15, "{page} makes {n} queries");
    }
}

#[derive(QueryableByName)]
struct SqlitePlan {
    #[diesel(sql_type = Text)]
    detail: String,
}

#[derive(QueryableByName)]
struct PgPlan {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

/// The plan's lines. PostgreSQL: the generic plan (parameters unknown) with sequential scans
/// discouraged, so a scan that remains has no index to use whatever the table's size.
pub(crate) fn explain(conn: &mut DbConnection, sql: &str) -> Vec<String> {
    use diesel::connection::SimpleConnection;
    match conn {
        DbConnection::Sqlite(_) => diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
            .load::<SqlitePlan>(conn)
            .unwrap_or_else(|e| panic!("{e}: {sql}"))
            .into_iter()
            .map(|p| p.detail)
            .collect(),
        DbConnection::Postgresql(_) => {
            let params = (1..=1000)
                .rev()
                .find(|n| sql.contains(&format!("${n}")))
                .unwrap_or(0);
            let nulls = vec!["NULL"; params].join(", ");
            conn.batch_execute(&format!(
                "SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off; \
                 DEALLOCATE ALL; PREPARE q AS {sql}"
            ))
            .unwrap_or_else(|e| panic!("{e}: {sql}"));
            let execute = if params == 0 {
                "q".to_owned()
            } else {
                format!("q({nulls})")
            };
            diesel::sql_query(format!("EXPLAIN EXECUTE {execute}"))
                .load::<PgPlan>(conn)
                .unwrap_or_else(|e| panic!("{e}: {sql}"))
                .into_iter()
                .map(|p| p.line)
                .collect()
        }
    }
}

/// The growing tables a plan reads in full.
pub(crate) fn full_scans(plan: &[String]) -> Vec<String> {
    plan.iter()
        .filter_map(|line| {
            let line = line.trim().trim_start_matches("->").trim();
            let table = if let Some(rest) = line.strip_prefix("SCAN ") {
                // SQLite: "SCAN jobs" reads the table; "SCAN x USING INDEX" reads an index.
                (!rest.contains(" USING ")).then(|| rest.split(' ').next().unwrap_or(""))
            } else {
                line.strip_prefix("Seq Scan on ")
                    .map(|r| r.split(' ').next().unwrap_or(""))
            }?;
            GROWING.contains(&table).then(|| line.to_owned())
        })
        .collect()
}

#[tokio::test]
async fn every_statement_behind_the_busiest_pages_reads_through_an_index() {
    let app = spawn_app().await;
    seeded(&app, 0.005);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let contract = busiest_contract(&app);
    let mut all = Vec::new();
    for path in pages(&contract) {
        all.extend(statements(&app, &member, &path).await);
        all.extend(statements(&app, &officer, &path).await);
    }
    all.sort();
    all.dedup();
    let mut conn = app.db.conn().expect("connection");
    let mut findings = Vec::new();
    for sql in &all {
        let plan = explain(&mut conn, sql);
        if std::env::var_os("JOBMAP_SHOW_PLANS").is_some() {
            println!("{sql}\n  {}\n", plan.join("\n  "));
        }
        let scans = full_scans(&plan);
        if !scans.is_empty() {
            findings.push(format!("{scans:?} in\n  {sql}\n  plan: {plan:?}"));
        }
    }
    assert!(findings.is_empty(), "{}", findings.join("\n\n"));
}
