//! `jobmap demo` and `jobmap seed`: generated data that the pages read like any other, which
//! keeps every invariant the live code paths keep, and which is the same on every run.

use std::process::Command;

use jobmap::seed::{self, Options, SeedError};

use crate::builders::UserBuilder;
use crate::helpers::{TestApp, row_of, spawn_app};

const PASSWORD: &str = "Demo-Roadmap-2020-kz";

fn options() -> Options {
    Options {
        replace: false,
        password: Some(PASSWORD.into()),
        clock: Default::default(),
    }
}

fn load(app: &TestApp, spec: &seed::Spec, opts: &Options) -> Result<seed::Summary, SeedError> {
    let mut conn = app.db.conn().expect("connection");
    seed::load(&mut conn, spec, opts)
}

#[tokio::test]
async fn the_demo_shows_west_kazakhstan_as_reported_in_july_2020() {
    let app = spawn_app().await;
    let mut spec = seed::demo::spec().expect("the demo's targets");
    // The whole demo takes half a minute in a debug build; one region tells the story.
    spec.regions.retain(|r| r.code == "27");
    let summary = load(&app, &spec, &options()).expect("the demo loads");
    assert_eq!((summary.projects, summary.jobs), (178, 3810));
    assert_eq!(summary.lifting_payments, 26);

    let page = app.get("/?as_of=2020-07-10").await;
    page.assert_status(200);
    let wko = row_of(&page.body, "West Kazakhstan Region</a>");
    for cell in [
        "<td class=\"num\">178</td>",
        "<td class=\"num\">165</td>",
        "<td class=\"num\">8,787</td>",
        "<td class=\"num\">3,810</td>",
        "<td class=\"num\">2,004</td>",
        "26 · 2,210,000 ₸",
    ] {
        assert!(wko.contains(cell), "{cell} missing in {wko}");
    }

    // The demo accounts work: the region's officer signs in and sees the projects.
    let officer = app.browser();
    officer.login_ok("akimat.27", PASSWORD).await;
    officer
        .get("/projects?q=27-2020-0001")
        .await
        .assert_status(200)
        .assert_contains("27-2020-0001");
}

#[tokio::test]
async fn a_seed_keeps_every_invariant_and_is_the_same_every_time() {
    let first = spawn_app().await;
    let second = spawn_app().await;
    let spec = seed::national::spec(0.01);
    let a = load(&first, &spec, &options()).expect("seeded");
    let b = load(&second, &spec, &options()).expect("seeded again");
    assert_eq!(a, b);
    assert_eq!(a.users.len(), 42);
    assert!(a.jobs >= 2_500, "{}", a.jobs);

    let mut conn = first.db.conn().expect("connection");
    assert_eq!(
        seed::invariants::check(&mut conn).expect("checked"),
        Vec::<String>::new()
    );

    let member = UserBuilder::commission()
        .create(&first)
        .browser(&first)
        .await;
    let again = UserBuilder::commission()
        .create(&second)
        .browser(&second)
        .await;
    let one = member.get("/exports/dashboard.csv").await;
    assert_eq!(one.body, again.get("/exports/dashboard.csv").await.body);
    assert!(one.body.lines().count() >= 21, "{}", one.body);
}

#[tokio::test]
async fn a_database_with_data_is_left_alone_unless_told_to_replace_it() {
    let app = spawn_app().await;
    let spec = seed::national::spec(0.002);
    load(&app, &spec, &options()).expect("seeded");
    let refused = load(&app, &spec, &options()).expect_err("refused");
    assert!(refused.to_string().contains("--replace"), "{refused}");

    let replaced = load(
        &app,
        &spec,
        &Options {
            replace: true,
            ..options()
        },
    )
    .expect("replaced");
    // Same data again, not twice the data; the accounts already existed.
    let mut conn = app.db.conn().expect("connection");
    let today = jobmap::clock::Clock::default().today();
    let (all, _) = jobmap::db::figures::as_of(&mut conn, today, today).expect("figures");
    assert_eq!(
        all.iter().map(|r| r.projects_selected).sum::<i64>() as usize,
        replaced.projects
    );
    assert!(replaced.users.iter().all(|u| !u.created));
}

#[tokio::test]
async fn the_command_line_prints_each_account_once_and_refuses_a_bad_scale() {
    let app = spawn_app().await;
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_jobmap"))
            .args(args)
            .env("DATABASE_URL", &app.test_db.url)
            .env("RUST_LOG", "warn")
            .env_remove("JOBMAP_DEMO_PASSWORD")
            .output()
            .expect("jobmap runs")
    };
    let out = run(&["seed", "--scale", "0.002"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("admin.demo") && text.contains("akimat.27"),
        "{text}"
    );
    let bad = run(&["seed", "--scale", "huge"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--scale"));
}
