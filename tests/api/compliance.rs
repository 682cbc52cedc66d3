//! One compliance state per contract on every page: the compliance list and its export, the
//! region page and its export, the region's map, the project page and the contract page all
//! say the same for contracts in every state, today and as of an earlier date.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{
    ContractBuilder, ProjectBuilder, TestContract, TestProject, UserBuilder, hire_form,
};
use crate::helpers::{Browser, Page, TestApp, spawn_app, sql};

struct Case {
    name: &'static str,
    project: TestProject,
    contract: TestContract,
}

async fn hire(who: &Browser, c: &TestContract, n: usize, channel: &str) {
    who.post_owned(&format!("/contracts/{}/jobs", c.id), &hire_form(n, channel))
        .await
        .assert_status(303);
}

async fn purchase(who: &Browser, c: &TestContract, amount: &str, domestic: bool) {
    let mut fields = vec![
        ("category", "works"),
        ("description", "Работы"),
        ("amount_tenge", amount),
    ];
    if domestic {
        fields.push(("is_domestic", "true"));
    }
    who.post_form(&format!("/contracts/{}/procurement", c.id), &fields)
        .await
        .assert_status(303);
}

/// One contract (on its own project, so the project takes its state) per case.
async fn cases(app: &TestApp) -> Vec<Case> {
    let contractor = UserBuilder::contractor("940140000385")
        .create(app)
        .browser(app)
        .await;
    let mut out = Vec::new();
    let mut n = 100;
    for name in [
        "met",
        "center-at-risk",
        "domestic-at-risk",
        "breached",
        "declared-breached",
        "no-data",
    ] {
        let project = ProjectBuilder::in_region("27")
            .code(&format!("27-{name}"))
            .status(ProjectStatus::InProgress)
            .create(app);
        let contract = ContractBuilder::on(&project).create(app);
        let (center, direct) = match name {
            "met" => (2, 1),
            "center-at-risk" | "breached" => (1, 1),
            "domestic-at-risk" | "declared-breached" => (1, 0),
            _ => (0, 0),
        };
        for _ in 0..center {
            n += 1;
            hire(&contractor, &contract, n, "employment_center").await;
        }
        for _ in 0..direct {
            n += 1;
            hire(&contractor, &contract, n, "direct").await;
        }
        out.push(Case {
            name,
            project,
            contract,
        });
    }
    // Recorded purchases at 66.6% domestic: the remaining 700,000 ₸ must all be domestic.
    purchase(&contractor, &out[2].contract, "100000", false).await;
    purchase(&contractor, &out[2].contract, "200000", true).await;
    // As data loaded before the rules: a center hire recorded as direct, a contract declared
    // at 85% domestic, and one with nothing declared.
    sql(
        app,
        &format!(
            "UPDATE jobs SET channel = 'direct', referral_number = NULL, referral_date = NULL \
               WHERE contract_id = '{b}' AND channel = 'employment_center'; \
             UPDATE contracts SET center_hires = 0, direct_hires = 2 WHERE id = '{b}'; \
             UPDATE contracts SET works_domestic_tenge = 850000 WHERE id = '{d}'; \
             UPDATE contracts SET works_tenge = 0, works_domestic_tenge = 0 WHERE id = '{e}';",
            b = out[3].contract.id,
            d = out[4].contract.id,
            e = out[5].contract.id,
        ),
    );
    out
}

/// The state label shown beside `marker` (a link or a code) in the table row holding it.
fn row_state(page: &Page, marker: &str) -> &'static str {
    let at = page
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not on the page"));
    let start = page.body[..at].rfind("<tr").unwrap_or(0);
    let end = at + page.body[at..].find("</tr>").unwrap_or(0);
    first_state(&page.body[start..end])
}

fn first_state(html: &str) -> &'static str {
    let classes = [
        ("tag state-breach", "Breached"),
        ("tag state-risk", "At risk"),
        ("tag state-met", "Met"),
        ("tag state-none", "No data yet"),
    ];
    classes
        .iter()
        .filter_map(|(class, label)| html.find(class).map(|at| (at, *label)))
        .min()
        .map_or("none", |(_, label)| label)
}

fn expected(name: &str) -> &'static str {
    match name {
        "met" => "Met",
        "center-at-risk" | "domestic-at-risk" => "At risk",
        "breached" | "declared-breached" => "Breached",
        _ => "No data yet",
    }
}

/// The map point of `code`: its state's class (the point's title comes first, then its mark).
fn point_state(map: &Page, code: &str) -> &'static str {
    let at = map
        .body
        .find(&format!("<title>{code} · "))
        .unwrap_or_else(|| panic!("no point for {code}"));
    let mark = at + map.body[at..].find("class=\"point ").expect("a point");
    match &map.body[mark + 13..mark + 25] {
        s if s.starts_with("point-breach") => "Breached",
        s if s.starts_with("point-risk") => "At risk",
        s if s.starts_with("point-met") => "Met",
        _ => "No data yet",
    }
}

#[tokio::test]
async fn every_page_the_map_and_the_exports_show_the_same_state() {
    let app = spawn_app().await;
    let cases = cases(&app).await;
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let list = member.get("/compliance?region=27&state=all").await;
    list.assert_status(200);
    let region = member.get("/regions/27").await;
    let map = member.get("/map?region=27").await;
    let export = member
        .get("/exports/compliance.csv?region=27&state=all")
        .await;
    let projects_csv = member.get("/regions/27/projects.csv").await;
    for case in &cases {
        let want = expected(case.name);
        let link = format!("/contracts/{}\"", case.contract.id);
        assert_eq!(
            row_state(&list, &link),
            want,
            "{} on /compliance",
            case.name
        );
        let project_link = format!("/projects/{}\"", case.project.id);
        assert_eq!(
            row_state(&region, &project_link),
            want,
            "{} on the region",
            case.name
        );
        assert_eq!(
            point_state(&map, &case.project.code),
            want,
            "{} on the map",
            case.name
        );
        let project = member.get(&format!("/projects/{}", case.project.id)).await;
        let progress = &project.body[project.body.find("id=\"progress\"").expect("progress")..];
        assert_eq!(
            first_state(progress),
            want,
            "{} on the project page",
            case.name
        );
        let contract = member
            .get(&format!("/contracts/{}", case.contract.id))
            .await;
        let heading = &contract.body[contract.body.find("id=\"compliance\"").expect("state")..];
        assert_eq!(
            first_state(heading),
            want,
            "{} on the contract page",
            case.name
        );
        for csv in [&export, &projects_csv] {
            let line = csv
                .body
                .lines()
                .find(|l| l.contains(&case.project.code))
                .unwrap_or_else(|| panic!("{} missing from {}", case.name, csv.body));
            assert!(line.contains(&format!(",{want},")), "{}: {line}", case.name);
        }
    }
    // What is needed, in words.
    list.assert_contains("The next hire must come through an employment center.")
        .assert_contains("Of the remaining 700,000 ₸, at least 700,000 ₸ must be domestic.")
        .assert_contains("2 more employment-center hires are needed to restore 50%.")
        .assert_contains("Declared domestic share 85.0%, below 90%.");
    // The export is named by date and region.
    let disposition = export.header("content-disposition").unwrap_or_default();
    assert!(disposition.contains("jobmap-compliance-") && disposition.contains("-27.csv"));

    // As of the day before the hires, nothing was hired and no purchase was recorded yet.
    let before = member
        .get("/compliance?region=27&state=all&as_of=2024-06-30")
        .await;
    for (case, want) in cases
        .iter()
        .zip(["Met", "Met", "Met", "Met", "Breached", "No data yet"])
    {
        let link = format!("/contracts/{}\"", case.contract.id);
        assert_eq!(
            row_state(&before, &link),
            want,
            "{} as of 2024-06-30",
            case.name
        );
    }
    let region_before = member.get("/regions/27?as_of=2024-06-30").await;
    let link = format!("/projects/{}\"", cases[3].project.id);
    assert_eq!(row_state(&region_before, &link), "Met");
}

#[tokio::test]
async fn the_summary_counts_and_the_filters_select_the_same_contracts() {
    let app = spawn_app().await;
    let cases = cases(&app).await;
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    // By default: what needs attention, worst first.
    let page = member.get("/compliance").await;
    page.assert_contains("4 contracts");
    let breach = page
        .body
        .find(&cases[3].contract.id)
        .expect("breached listed");
    let risk = page
        .body
        .find(&cases[1].contract.id)
        .expect("at risk listed");
    assert!(breach < risk, "worst first");
    page.assert_lacks(&format!("/contracts/{}\"", cases[0].contract.id));
    // The summary cell for West Kazakhstan's breached employment-center contracts links to them.
    page.assert_contains("condition=center&#38;state=breached");
    let center_breached = member
        .get("/compliance?region=27&condition=center&state=breached")
        .await;
    center_breached
        .assert_contains("1 contract")
        .assert_contains(&cases[3].contract.id);
    let domestic_risk = member
        .get("/compliance?condition=domestic&state=at_risk")
        .await;
    domestic_risk
        .assert_contains("1 contract")
        .assert_contains(&cases[2].contract.id);
    member
        .get("/compliance?direction=housing_communal")
        .await
        .assert_contains("0 contracts");
    member
        .get("/compliance?bin=990140004654")
        .await
        .assert_contains("0 contracts");
    member
        .get("/regions/27?state=breached")
        .await
        .assert_contains("2 projects")
        .assert_lacks(&format!("/projects/{}\"", cases[0].project.id));

    // Akimat officers see their own region; others nothing of it; contractors no list.
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .get("/compliance?region=43")
        .await
        .assert_status(200)
        .assert_contains(&cases[3].contract.id);
    UserBuilder::akimat("43")
        .create(&app)
        .browser(&app)
        .await
        .get("/compliance")
        .await
        .assert_contains("0 contracts");
    UserBuilder::contractor("940140000385")
        .login("builder2")
        .create(&app)
        .browser(&app)
        .await
        .get("/compliance")
        .await
        .assert_status(404);
}

#[tokio::test]
async fn long_lists_come_in_pages_of_fifty() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::InProgress)
        .create(&app);
    for _ in 0..55 {
        ContractBuilder::on(&project).create(&app);
    }
    // Half of the hires through centers on each: all 55 at risk.
    sql(
        &app,
        "UPDATE contracts SET center_hires = 1, direct_hires = 1",
    );
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let first = member.get("/compliance").await;
    first
        .assert_contains("55 contracts")
        .assert_contains("Page 1 of 2")
        .assert_contains("rel=\"next\"");
    assert_eq!(
        first.body.matches("tag state-risk").count(),
        50 + 1,
        "50 rows and the legend"
    );
    let second = member.get("/compliance?page=2").await;
    assert_eq!(second.body.matches("tag state-risk").count(), 5 + 1);
    member
        .get("/compliance?page=99")
        .await
        .assert_contains("Page 2 of 2");
    let csv = member.get("/exports/compliance.csv").await;
    assert_eq!(csv.body.lines().count(), 56, "a header and every contract");
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let app = spawn_app().await;
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    for (path, encoding) in [
        ("/compliance", "gzip"),
        ("/", "br"),
        ("/exports/dashboard.csv", "gzip"),
    ] {
        let page = member
            .get_with(path, &[("accept-encoding", encoding)])
            .await;
        page.assert_status(200);
        assert_eq!(page.header("content-encoding"), Some(encoding), "{path}");
    }
    let plain = member.get("/compliance").await;
    assert_eq!(plain.header("content-encoding"), None);
    let book = member
        .get_with("/exports/dashboard.xlsx", &[("accept-encoding", "gzip")])
        .await;
    assert_ne!(book.header("content-encoding"), Some("gzip"));
}
