//! Project search through the trigram index (SQLite FTS5, PostgreSQL pg_trgm): the same
//! projects in the same order on both backends, for Cyrillic, Kazakh and Latin text, best
//! matches first; queries too short for trigrams still work; edits and deletions are followed.

use std::collections::BTreeMap;

use crate::builders::{ProjectBuilder, UserBuilder};
use crate::helpers::{AppBuilder, Browser, TestApp, TestDb, postgres_base_url, sql, urlencode};

const PROJECTS: [(&str, &str); 10] = [
    ("KZ-71-001", "Школа №5 в Астане"),
    ("KZ-71-002", "Ремонт ШКОЛЫ-гимназии"),
    ("KZ-71-003", "Мектеп ҚҰРЫЛЫСЫ"),
    ("KZ-71-004", "ЖАҢА ӨЗЕН көпірі"),
    ("KZ-71-005", "Әлеуметтік нысан, Үйлер"),
    ("KZ-71-006", "Ғимарат Һ және Іргетас"),
    ("KZ-71-007", "Astana School renovation"),
    ("KZ-71-008", "Schoolyard lighting"),
    ("KZ-71-009", "Дорога"),
    ("SCHOOL-1", "Road"),
];

/// Each query and the codes it finds, best first.
fn expected() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        // Cyrillic, any case: title words that start with it, then by code.
        ("школ", vec!["KZ-71-001", "KZ-71-002"]),
        ("ШКОЛЫ", vec!["KZ-71-002"]),
        // Kazakh letters, folded both ways.
        ("құрылыс", vec!["KZ-71-003"]),
        ("ҚҰРЫЛЫС", vec!["KZ-71-003"]),
        ("өзен КӨПІР", vec!["KZ-71-004"]),
        ("жаңа", vec!["KZ-71-004"]),
        ("үйлер", vec!["KZ-71-005"]),
        ("ғимарат", vec!["KZ-71-006"]),
        ("ІРГЕТАС", vec!["KZ-71-006"]),
        // Kazakh І is not Latin I.
        ("Iргетас", vec![]),
        // Shorter than a trigram: still found, by reading the projects in scope.
        ("ә", vec!["KZ-71-005", "KZ-71-006"]),
        ("Һ", vec!["KZ-71-006"]),
        ("71", PROJECTS[..9].iter().map(|p| p.0).collect()),
        // A short term narrows what a long one found.
        ("школ 5", vec!["KZ-71-001"]),
        // Latin: the code first, then title words that start with it, then the rest.
        ("School", vec!["SCHOOL-1", "KZ-71-007", "KZ-71-008"]),
        ("school-1", vec!["SCHOOL-1"]),
        ("ool", vec!["KZ-71-007", "KZ-71-008", "SCHOOL-1"]),
        ("kz-71-00", PROJECTS[..9].iter().map(|p| p.0).collect()),
        // Wildcards are letters like any other.
        ("%_", vec![]),
        ("нет такого", vec![]),
    ]
}

fn arranged(app: &TestApp) {
    for (code, title) in PROJECTS {
        ProjectBuilder::in_region("71")
            .code(code)
            .title(title)
            .create(app);
    }
}

/// The codes of the projects listed on the page, in the page's order.
fn listed(body: &str) -> Vec<String> {
    let mut found: Vec<(usize, String)> = PROJECTS
        .iter()
        .chain([("KZ-71-010", ""), ("KZ-71-011", "")].iter())
        .filter_map(|(code, _)| {
            body.find(&format!(">{code}<"))
                .map(|at| (at, (*code).to_owned()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, code)| code).collect()
}

async fn search(who: &Browser, q: &str) -> Vec<String> {
    let page = who.get(&format!("/projects?q={}", urlencode(q))).await;
    page.assert_status(200);
    listed(&page.body)
}

async fn results(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let member = UserBuilder::commission().create(app).browser(app).await;
    let mut out = BTreeMap::new();
    for (q, _) in expected() {
        out.insert(q.to_owned(), search(&member, q).await);
    }
    out
}

fn backends() -> Vec<TestDb> {
    let mut dbs = vec![TestDb::sqlite()];
    if let Some(base) = postgres_base_url() {
        dbs.push(TestDb::postgres(&base));
    }
    dbs
}

#[tokio::test]
async fn the_same_projects_in_the_same_order_on_both_backends() {
    let mut seen = Vec::new();
    for db in backends() {
        let postgres = db.is_postgres();
        let app = AppBuilder::new().on(db).spawn().await;
        arranged(&app);
        let found = results(&app).await;
        for (q, codes) in expected() {
            assert_eq!(
                found[q],
                codes,
                "{q:?} on {}",
                if postgres { "PostgreSQL" } else { "SQLite" }
            );
        }
        seen.push(found);
    }
    if let [sqlite, postgres] = &seen[..] {
        assert_eq!(sqlite, postgres);
    }
}

#[tokio::test]
async fn a_chosen_column_orders_the_matches_instead_of_the_ranking() {
    let app = AppBuilder::new().spawn().await;
    arranged(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let by_code = member.get("/projects?q=school&sort=code").await;
    assert_eq!(
        listed(&by_code.body),
        ["KZ-71-007", "KZ-71-008", "SCHOOL-1"]
    );
    let page = member.get("/projects?q=school").await;
    page.assert_contains("3 projects");
    // No column claims the order while the ranking decides it.
    page.assert_lacks("aria-sort=\"ascending\"");
}

#[tokio::test]
async fn edits_and_deletions_are_followed_by_the_index() {
    let app = AppBuilder::new().spawn().await;
    arranged(&app);
    ProjectBuilder::in_region("71")
        .code("KZ-71-010")
        .title("Көпір жөндеу")
        .create(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    assert_eq!(search(&member, "жөндеу").await, ["KZ-71-010"]);

    // Renamed: found by its new title, no longer by the old one. (Each search below is a
    // term not searched before: a list already seen is served from the page cache until a
    // write through jobmap, and these edits go straight to the database.)
    sql(
        &app,
        "UPDATE projects SET title = 'Жол салу', search_text = 'kz-71-010 жол салу' \
         WHERE code = 'KZ-71-010'",
    );
    assert_eq!(search(&member, "өндеу").await, Vec::<String>::new());
    assert_eq!(search(&member, "салу").await, ["KZ-71-010"]);

    // Deleted: gone from the results; a new project is found at once.
    sql(
        &app,
        "DELETE FROM project_status_changes WHERE project_id IN \
         (SELECT id FROM projects WHERE code = 'KZ-71-010'); \
         DELETE FROM projects WHERE code = 'KZ-71-010'",
    );
    assert_eq!(search(&member, "жол").await, Vec::<String>::new());
    ProjectBuilder::in_region("71")
        .code("KZ-71-011")
        .title("Жаңа жол салу")
        .create(&app);
    assert_eq!(search(&member, "салу").await, ["KZ-71-011"]);
}

#[test]
fn a_database_that_cannot_have_pg_trgm_is_refused_at_start_with_a_clear_message() {
    use diesel::connection::SimpleConnection;
    use diesel::{Connection, PgConnection};
    let Some(base) = postgres_base_url() else {
        eprintln!("skipped: set JOBMAP_TEST_DATABASE_URL to test on PostgreSQL");
        return;
    };
    // A role that may create tables in its database but not extensions.
    let suffix = uuid::Uuid::new_v4().simple().to_string();
    let (role, name) = (
        format!("jobmap_plain_{suffix}"),
        format!("jobmap_plain_{suffix}"),
    );
    let mut admin = PgConnection::establish(&base).expect("connect to the test server");
    // One statement at a time: CREATE DATABASE refuses to run in a transaction block.
    for statement in [
        format!("CREATE ROLE {role} LOGIN"),
        format!("CREATE DATABASE {name}"),
        format!("GRANT CONNECT ON DATABASE {name} TO {role}"),
    ] {
        admin.batch_execute(&statement).expect("role and database");
    }
    let db_url = crate::helpers::with_database(&base, &name);
    PgConnection::establish(&db_url)
        .expect("connect to the new database")
        .batch_execute(&format!("GRANT CREATE ON SCHEMA public TO {role}"))
        .expect("tables allowed");
    let mut as_role = reqwest::Url::parse(&db_url).expect("a URL");
    as_role.set_username(&role).expect("a user name");
    as_role.set_password(None).expect("no password");
    let as_role = as_role.to_string();
    let outcome = jobmap::db::Db::open(&as_role, 1).map(|_| ());
    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
    let message = outcome.expect_err("refused").to_string();
    assert!(message.contains("pg_trgm"), "{message}");
    assert!(message.contains("CREATE EXTENSION pg_trgm"), "{message}");
}
