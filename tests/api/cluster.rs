//! Several instances on one PostgreSQL database, the national shape: the second instance is a
//! real `jobmap serve` process beside the test's own server.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder, hire_form};
use crate::helpers::{AppBuilder, Browser, Page, TestApp, row_of, spawn_app, urlencode};

/// `jobmap serve` on the test's database, killed when dropped.
struct Instance {
    child: Child,
    address: String,
}

impl Instance {
    async fn beside(app: &TestApp) -> Self {
        Self::beside_with(app, 1000).await
    }

    /// With this many sign-in attempts a minute per address (the test's own server must be
    /// built with the same).
    async fn beside_with(app: &TestApp, login_per_minute: u32) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_jobmap"))
            .arg("serve")
            .env("DATABASE_URL", &app.test_db.url)
            .env("JOBMAP_BIND", format!("127.0.0.1:{port}"))
            .env(
                "JOBMAP_SECRET_KEY",
                "test-secret-key-that-is-long-enough-for-cookies",
            )
            .env("JOBMAP_LOGIN_PER_MINUTE", login_per_minute.to_string())
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("jobmap serve starts");
        let instance = Self {
            child,
            address: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(r) = reqwest::get(format!("{}/healthz", instance.address)).await
                && r.status().is_success()
            {
                return instance;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the second instance did not start");
    }

    fn browser(&self) -> Browser {
        Browser::at(&self.address)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn on_postgres(app: &TestApp) -> bool {
    if !app.test_db.is_postgres() {
        eprintln!("skipped: instances share a database on PostgreSQL (JOBMAP_TEST_DATABASE_URL)");
    }
    app.test_db.is_postgres()
}

#[tokio::test]
async fn a_hire_on_one_instance_shows_on_the_others_dashboard_at_once() {
    let app = spawn_app().await;
    if !on_postgres(&app) {
        return;
    }
    let other = Instance::beside(&app).await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let contract = ContractBuilder::on(&project).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let wko = |page: &Page| row_of(&page.body, "West Kazakhstan Region</a>");
    // The other instance has the dashboard in memory, fresh for its cache's two seconds.
    let before = other.browser().get("/").await;
    assert!(wko(&before).contains("0.0%"), "{}", wko(&before));
    contractor
        .post_owned(
            &format!("/contracts/{}/jobs", contract.id),
            &hire_form(1, "employment_center"),
        )
        .await
        .assert_status(303);
    // Told by PostgreSQL's NOTIFY, not by its cache expiring: well inside those two seconds.
    let deadline = Instant::now() + Duration::from_millis(1000);
    let mut seen = other.browser().get("/").await;
    while !wko(&seen).contains("2.5%") && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
        seen = other.browser().get("/").await;
    }
    // 1 of 40 planned jobs.
    assert!(wko(&seen).contains("2.5%"), "{}", wko(&seen));
}

#[tokio::test]
async fn twenty_direct_hires_split_across_two_instances_let_exactly_ten_in() {
    let app = spawn_app().await;
    if !on_postgres(&app) {
        return;
    }
    let other = Instance::beside(&app).await;
    let project = ProjectBuilder::in_region("27")
        .jobs(60, 30)
        .status(ProjectStatus::InProgress)
        .create(&app);
    let contract = ContractBuilder::on(&project).center_hires(10).create(&app);
    let user = UserBuilder::contractor("940140000385").create(&app);
    let here = user.browser(&app).await;
    let there = other.browser();
    there.login_ok(&user.login, &user.password).await;
    let path = format!("/contracts/{}/jobs", contract.id);
    let (token_here, token_there) = (here.csrf_token().await, there.csrf_token().await);
    let requests = (200..220).map(|n| {
        let (who, token) = if n % 2 == 0 {
            (&here, &token_here)
        } else {
            (&there, &token_there)
        };
        let mut fields = hire_form(n, "direct");
        fields.push(("csrf_token", token.clone()));
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        who.post_raw(
            &path,
            "application/x-www-form-urlencoded",
            body.into_bytes(),
            None,
        )
    });
    let pages = crate::hires::futures_join_all(requests).await;
    let accepted = pages.iter().filter(|p| p.status == 303).count();
    let refused = pages
        .iter()
        .filter(|p| {
            p.status == 200
                && p.body
                    .contains("more direct hires than hires via employment centers")
        })
        .count();
    assert_eq!((accepted, refused), (10, 10));
}

#[tokio::test]
async fn ten_failed_sign_ins_split_across_two_instances_lock_the_account_on_both() {
    let app = spawn_app().await;
    if !on_postgres(&app) {
        return;
    }
    let other = Instance::beside(&app).await;
    let user = UserBuilder::commission().create(&app);
    for n in 0..10 {
        let who = if n % 2 == 0 {
            app.browser()
        } else {
            other.browser()
        };
        who.login(&user.login, "a wrong guess")
            .await
            .assert_contains("The login or password is incorrect.");
    }
    // The 11th attempt, with the right password, on either instance: the lock is shared.
    for who in [app.browser(), other.browser()] {
        who.login(&user.login, &user.password)
            .await
            .assert_status(200)
            .assert_contains("this account is locked.");
    }
}

#[tokio::test]
async fn the_limit_on_sign_in_attempts_counts_across_both_instances() {
    let app = AppBuilder::new().login_per_minute(4).spawn().await;
    if !on_postgres(&app) {
        return;
    }
    let other = Instance::beside_with(&app, 4).await;
    // Two attempts on each: four from this address this minute, each instance's own limiter
    // (four a minute) far from full.
    for who in [
        app.browser(),
        other.browser(),
        app.browser(),
        other.browser(),
    ] {
        who.login("admin", "wrong wrong").await.assert_status(200);
    }
    for who in [app.browser(), other.browser()] {
        who.login("admin", "wrong wrong")
            .await
            .assert_status(429)
            .assert_contains("Please wait a minute before trying again.");
    }
}
