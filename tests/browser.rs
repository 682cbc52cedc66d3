//! The main journeys in headless Chromium: admin creates users; an officer creates and submits a
//! project; the commission approves it; the officer records a contract; the contractor records
//! hires (one refused by the 50% rule); the dashboard, the map and the compliance page show
//! them. Also: the key pages fit a phone's width, and nothing needs JavaScript (the app has
//! none; the driver uses it only to fill fields).
//!
//! Runs when `JOBMAP_BROWSER_TESTS=1` and `chromium` and `chromedriver` are installed
//! (`.ci/run` installs them); `cargo test` elsewhere skips it.

#[path = "api/builders.rs"]
mod builders;
#[path = "api/helpers.rs"]
mod helpers;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use helpers::{ADMIN_PASSWORD, spawn_app};

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn browser() -> (Driver, Client) {
    let port = free_port();
    // Killed and waited for when `Driver` drops.
    let driver = Driver(
        Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let profile = tempfile::tempdir().expect("profile dir").keep();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": { "intl.accept_languages": "en-US,en" }
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..50 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        if let Ok(client) = ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            return (driver, client);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("chromedriver did not answer");
}

/// Marks the current document, runs `act`, and waits until a new document has loaded.
async fn and_wait<F: std::future::Future<Output = ()>>(c: &Client, act: F) {
    c.execute("window.__jobmap_old = true;", vec![])
        .await
        .expect("mark page");
    act.await;
    for _ in 0..100 {
        let loaded = c
            .execute(
                "return window.__jobmap_old === undefined && document.readyState === 'complete';",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if loaded {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the next page did not load");
}

async fn fill(c: &Client, form: &str, fields: &[(&str, &str)]) {
    let f = c.form(Locator::Css(form)).await.expect("form on the page");
    for (name, value) in fields {
        f.set_by_name(name, value)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    and_wait(c, async { f.submit().await.expect("submit") }).await;
}

async fn submit(c: &Client, form: &str) {
    let f = c.form(Locator::Css(form)).await.expect("form on the page");
    and_wait(c, async { f.submit().await.expect("submit") }).await;
}

async fn text(c: &Client) -> String {
    c.find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text")
}

async fn sign_in(c: &Client, base: &str, login: &str, password: &str) {
    c.goto(&format!("{base}/login")).await.expect("login page");
    fill(
        c,
        "form[action='/login']",
        &[("login", login), ("password", password)],
    )
    .await;
}

async fn sign_out(c: &Client) {
    submit(c, "form[action='/logout']").await;
}

/// The password the admin pages show once for a new account.
async fn create_user(c: &Client, base: &str, fields: &[(&str, &str)]) -> String {
    c.goto(&format!("{base}/admin/users/new")).await.unwrap();
    fill(c, "form[action='/admin/users']", fields).await;
    c.find(Locator::Css("#new-password"))
        .await
        .expect("password shown")
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn main_journeys_in_a_real_browser() {
    if std::env::var("JOBMAP_BROWSER_TESTS").is_err() {
        eprintln!("skipped: set JOBMAP_BROWSER_TESTS=1 (needs chromium and chromedriver)");
        return;
    }
    let app = spawn_app().await;
    let base = app.address.clone();
    let (_driver, c) = browser().await;

    // The admin creates the people.
    sign_in(&c, &base, "admin", ADMIN_PASSWORD).await;
    let officer_pw = create_user(
        &c,
        &base,
        &[
            ("login", "officer"),
            ("full_name", "Aigerim K"),
            ("role", "akimat"),
            ("region", "27"),
            ("language", "en"),
        ],
    )
    .await;
    let member_pw = create_user(
        &c,
        &base,
        &[
            ("login", "member"),
            ("full_name", "Marat Z"),
            ("role", "commission"),
            ("language", "en"),
        ],
    )
    .await;
    let builder_pw = create_user(
        &c,
        &base,
        &[
            ("login", "builder"),
            ("role", "contractor"),
            ("contractor_bin", "940140000385"),
            ("language", "en"),
        ],
    )
    .await;
    sign_out(&c).await;

    // The officer registers a project and submits it.
    sign_in(&c, &base, "officer", &officer_pw).await;
    c.goto(&format!("{base}/projects/new")).await.unwrap();
    fill(
        &c,
        "form[action='/projects']",
        &[
            ("code", "27-2024-001"),
            ("title", "School repair in Oral"),
            ("latitude", "51.2333"),
            ("longitude", "51.3667"),
            ("direction", "social_cultural"),
            ("work_type", "capital_repair"),
            ("funding_source", "republican_budget"),
            ("budget_tenge", "250000000"),
            ("planned_jobs", "4"),
            ("planned_center_hires", "2"),
            ("planned_start", "2024-05-01"),
            ("planned_end", "2024-12-31"),
        ],
    )
    .await;
    assert!(
        text(&c)
            .await
            .contains("The project has been created as a draft.")
    );
    let project_url = c.current_url().await.unwrap().to_string();
    submit(&c, "form.status-form").await;
    assert!(text(&c).await.contains("submitted to the commission"));
    sign_out(&c).await;

    // The commission approves it from the review queue.
    sign_in(&c, &base, "member", &member_pw).await;
    c.goto(&format!("{base}/review")).await.unwrap();
    let link = c
        .find(Locator::LinkText("27-2024-001"))
        .await
        .expect("in the queue");
    and_wait(&c, async { link.click().await.expect("open the project") }).await;
    // Dated the day it was submitted: a decision cannot come before the submission.
    let decided = chrono::Utc::now().date_naive().to_string();
    fill(
        &c,
        "form.status-form",
        &[
            ("decision_number", "IC-27/15"),
            ("decision_date", decided.as_str()),
            ("approved_limit", "240000000"),
        ],
    )
    .await;
    assert!(text(&c).await.contains("The project has been approved."));
    sign_out(&c).await;

    // The officer records the contract.
    sign_in(&c, &base, "officer", &officer_pw).await;
    c.goto(&format!("{project_url}/contracts/new"))
        .await
        .unwrap();
    fill(
        &c,
        "form.wide-form",
        &[
            ("contractor_bin", "940140000385"),
            ("contractor_name", "Oral Qurylys LLP"),
            ("number", "15/2024"),
            ("signed_on", "2024-06-01"),
            ("amount_tenge", "1000000"),
            ("works_tenge", "1000000"),
            ("works_domestic_tenge", "950000"),
        ],
    )
    .await;
    assert!(text(&c).await.contains("Oral Qurylys LLP"));
    let contract_url = c.current_url().await.unwrap().to_string();
    sign_out(&c).await;

    // The contractor records hires; a second direct hire is refused by the 50% rule.
    sign_in(&c, &base, "builder", &builder_pw).await;
    let hire = |n: usize, channel: &'static str| {
        let mut f: Vec<(&'static str, String)> = builders::hire_form(n, channel);
        f.retain(|(k, _)| *k != "arrived_from_other_settlement");
        f
    };
    for (n, channel) in [(1, "employment_center"), (2, "direct"), (3, "direct")] {
        c.goto(&format!("{contract_url}/jobs/new")).await.unwrap();
        let fields = hire(n, channel);
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(&c, "form.wide-form", &borrowed).await;
        let page = text(&c).await;
        if n < 3 {
            assert!(page.contains("The hire has been recorded."), "{page}");
        } else {
            assert!(page.contains("more direct hires than hires via employment centers (now 1 via employment centers, 1 direct)"), "{page}");
        }
    }
    sign_out(&c).await;

    // The dashboard, the map and the compliance page show them.
    c.goto(&format!("{base}/")).await.unwrap();
    let dashboard = c.source().await.unwrap();
    assert!(dashboard.contains("West Kazakhstan Region"));
    c.goto(&format!("{base}/map")).await.unwrap();
    let map = c.source().await.unwrap();
    assert!(
        map.contains("West Kazakhstan Region: 50.0%"),
        "2 of 4 planned jobs"
    );
    // Nationally the map draws only projects in breach; a region's map draws all of them. Half
    // of the hires through centers: at risk, as on the compliance page.
    assert!(!map.contains("point point-risk"));
    c.goto(&format!("{base}/map?region=27")).await.unwrap();
    let region_map = c.source().await.unwrap();
    assert!(region_map.contains("point point-risk"));
    sign_in(&c, &base, "member", &member_pw).await;
    c.goto(&format!("{base}/compliance")).await.unwrap();
    let compliance = text(&c).await;
    assert!(
        compliance.contains("15/2024") && compliance.contains("50.0%"),
        "{compliance}"
    );

    // At a phone's width the pages do not spill sideways (wide tables scroll in their box).
    c.set_window_size(390, 844).await.unwrap();
    for path in [
        "/",
        "/projects",
        "/compliance",
        "/map",
        "/plans",
        &project_url.replace(&base, ""),
    ] {
        c.goto(&format!("{base}{path}")).await.unwrap();
        let overflow = c
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                vec![],
            )
            .await
            .unwrap()
            .as_i64()
            .unwrap_or(0);
        assert!(overflow <= 1, "{path} is {overflow}px wider than a phone");
    }
    c.close().await.unwrap();
}

/// The accessibility rules engine, vendored from npm (see its SOURCE.md); the test injects it
/// through the driver, so no page of the application loads it.
const AXE: &str = include_str!("../static/vendor/axe-core/axe.min.js");

/// The window sizes every page must fit: a common laptop and a common phone.
const WIDTHS: [(u32, u32); 2] = [(1366, 900), (390, 844)];

/// axe-core's serious and critical findings on the current page, one line each.
async fn axe_findings(c: &Client) -> Vec<String> {
    let loaded = c
        .execute("return typeof window.axe !== 'undefined';", vec![])
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !loaded {
        c.execute(&format!("{AXE}\nreturn true;"), vec![])
            .await
            .expect("axe-core loads");
    }
    let found = c
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, { resultTypes: ['violations'] })\
               .then(r => done(r.violations\
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')\
                 .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))\
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe runs");
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// How many pixels the page is wider than the window (0 when it fits).
async fn overflow(c: &Client) -> i64 {
    c.execute(
        "return Math.max(document.body.scrollWidth, document.documentElement.scrollWidth) - window.innerWidth;",
        vec![],
    )
    .await
    .ok()
    .and_then(|v| v.as_i64())
    .unwrap_or(0)
}

/// Visits every path at every width of `WIDTHS` and collects what is wrong: a page wider than
/// the window, and (when `axe` is set) axe-core's serious or critical findings. Pages are
/// visited in the session's current language; screenshots go to `JOBMAP_SCREENSHOTS` when set.
async fn check_pages(c: &Client, base: &str, paths: &[&str], lang: &str, axe: bool) -> Vec<String> {
    let shots = std::env::var("JOBMAP_SCREENSHOTS").ok();
    let mut problems = Vec::new();
    for (w, h) in WIDTHS {
        c.set_window_size(w, h).await.expect("window size");
        for path in paths {
            c.goto(&format!("{base}{path}")).await.expect("page loads");
            let wider = overflow(c).await;
            if wider > 1 {
                problems.push(format!(
                    "{lang} {path} at {w} px: {wider} px wider than the window"
                ));
            }
            if axe {
                for f in axe_findings(c).await {
                    problems.push(format!("{lang} {path} at {w} px: {f}"));
                }
            }
            if let Some(dir) = &shots {
                let name: String = path
                    .chars()
                    .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
                    .collect();
                if let Ok(png) = c.screenshot().await {
                    let _ = std::fs::write(format!("{dir}/{lang}-{w}{name}.png"), png);
                }
            }
        }
    }
    problems
}

async fn switch_language(c: &Client, lang: &str) {
    let button = c
        .find(Locator::Css(&format!(
            "form.lang-switch button[value='{lang}']"
        )))
        .await
        .expect("the language switch");
    and_wait(c, async { button.click().await.expect("switch language") }).await;
}

#[tokio::test]
async fn pages_have_no_serious_accessibility_findings_and_fit_laptop_and_phone() {
    if std::env::var("JOBMAP_BROWSER_TESTS").is_err() {
        eprintln!("skipped: set JOBMAP_BROWSER_TESTS=1 (needs chromium and chromedriver)");
        return;
    }
    use jobmap::domain::workflow::ProjectStatus;
    let app = spawn_app().await;
    let base = app.address.clone();

    // Something to draw: two regions with plans, hires on a contract, and one project in
    // breach from before the rules (as data loaded then would be).
    let project = builders::ProjectBuilder::in_region("27")
        .code("27-A11Y-1")
        .jobs(10, 5)
        .status(ProjectStatus::Contracted)
        .create(&app);
    let contract = builders::ContractBuilder::on(&project).create(&app);
    let contractor = builders::UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    for (n, channel) in [(1, "employment_center"), (2, "direct")] {
        contractor
            .post_owned(
                &format!("/contracts/{}/jobs", contract.id),
                &builders::hire_form(n, channel),
            )
            .await;
    }
    let breach = builders::ProjectBuilder::in_region("43")
        .code("43-A11Y-2")
        .jobs(8, 4)
        .status(ProjectStatus::InProgress)
        .create(&app);
    let breached = builders::ContractBuilder::on(&breach).create(&app);
    helpers::sql(
        &app,
        &format!(
            "UPDATE contracts SET center_hires = 1, direct_hires = 2 WHERE id = '{}'",
            breached.id
        ),
    );

    let (_driver, c) = browser().await;
    // The checker itself: axe runs and sees a picture without a text alternative.
    c.goto("data:text/html,<html lang=en><title>t</title><main><img src=x></main></html>")
        .await
        .expect("test page");
    let found = axe_findings(&c).await;
    assert!(found.iter().any(|f| f.contains("image-alt")), "{found:?}");

    sign_in(&c, &base, "admin", ADMIN_PASSWORD).await;
    let pages = [
        "/".to_owned(),
        "/dashboard".to_owned(),
        "/map".to_owned(),
        "/map?region=27".to_owned(),
        "/map?region=75".to_owned(),
        "/audit".to_owned(),
        "/compliance".to_owned(),
        "/compliance?region=27&state=all".to_owned(),
        "/regions/27".to_owned(),
        format!("/projects/{}", project.id),
        format!("/contracts/{}", contract.id),
        format!("/contracts/{}", breached.id),
        "/api/docs".to_owned(),
    ];
    let paths: Vec<&str> = pages.iter().map(String::as_str).collect();
    let mut problems = Vec::new();
    for lang in ["en", "kk", "ru"] {
        c.goto(&format!("{base}/")).await.expect("home");
        switch_language(&c, lang).await;
        // axe's rules do not depend on the language; the widths do (Kazakh words are longest).
        problems.extend(check_pages(&c, &base, &paths, lang, lang == "en").await);
    }
    problems.extend(api_reference_draws_every_operation(&c, &base).await);
    c.close().await.expect("close");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The API reference is drawn by the vendored Swagger UI under the site's CSP: its script must
/// run and list the operations of the OpenAPI document, not leave an empty page.
async fn api_reference_draws_every_operation(c: &Client, base: &str) -> Vec<String> {
    c.goto(&format!("{base}/api/docs")).await.expect("api docs");
    let mut drawn = 0;
    for _ in 0..50 {
        drawn = c
            .execute(
                "return document.querySelectorAll('.opblock').length;",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_i64())
            .unwrap_or(0);
        if drawn >= 20 {
            return Vec::new();
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    vec![format!(
        "/api/docs drew {drawn} operations, expected at least 20"
    )]
}
