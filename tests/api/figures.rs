//! The dashboard, region page, map, exports and compliance lists agree with each other and
//! with figures computed by hand on a small fixed dataset.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder, hire_form};
use crate::helpers::{Browser, TestApp, row_of, spawn_app};

/// West Kazakhstan (27): one project, 10 planned jobs, 5 hires (3 via centres, one of them a
/// 17-year-old, one permanent), one lifting payment. Kyzylorda (43): 4 planned, 4 hired via
/// centres. Akmola (11): a submitted project only.
struct Fixture {
    wko: TestContract,
    kyz: TestContract,
}

async fn hire(who: &Browser, c: &TestContract, fields: Vec<(&'static str, String)>) -> String {
    let page = who
        .post_owned(&format!("/contracts/{}/jobs", c.id), &fields)
        .await;
    page.assert_status(303);
    page.location().unwrap().to_owned()
}

fn set(
    mut fields: Vec<(&'static str, String)>,
    key: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    fields.retain(|(k, _)| *k != key);
    fields.push((key, value.to_owned()));
    fields
}

async fn fixture(app: &TestApp) -> Fixture {
    let p27 = ProjectBuilder::in_region("27")
        .code("WKO-1")
        .jobs(10, 5)
        .budget(1_000_000)
        .status(ProjectStatus::Contracted)
        .create(app);
    let p43 = ProjectBuilder::in_region("43")
        .code("KYZ-1")
        .jobs(4, 2)
        .budget(400_000)
        .direction("housing_communal")
        .status(ProjectStatus::Contracted)
        .create(app);
    ProjectBuilder::in_region("11")
        .code("AKM-1")
        .jobs(100, 50)
        .status(ProjectStatus::Submitted)
        .create(app);
    let wko = ContractBuilder::on(&p27).create(app);
    let kyz = ContractBuilder::on(&p43).create(app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(app)
        .browser(app)
        .await;
    let youth = set(
        set(hire_form(1, "employment_center"), "iin", "061211600012"),
        "arrived_from_other_settlement",
        "true",
    );
    let first = hire(&contractor, &wko, youth).await;
    hire(&contractor, &wko, hire_form(2, "employment_center")).await;
    hire(
        &contractor,
        &wko,
        set(hire_form(3, "direct"), "kind", "permanent"),
    )
    .await;
    hire(&contractor, &wko, hire_form(4, "employment_center")).await;
    hire(&contractor, &wko, hire_form(5, "direct")).await;
    for n in 10..14 {
        hire(&contractor, &kyz, hire_form(n, "employment_center")).await;
    }
    let officer = UserBuilder::akimat("27").create(app).browser(app).await;
    officer
        .post_form(&format!("{first}/lifting"), &[("paid_on", "2024-07-10")])
        .await
        .assert_status(303);
    Fixture { wko, kyz }
}

#[tokio::test]
async fn dashboard_region_map_exports_and_compliance_tell_the_same_story() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let member = UserBuilder::commission().create(&app).browser(&app).await;

    // Dashboard: Kyzylorda first at 100%, West Kazakhstan second at 50%.
    let dash = member.get("/dashboard").await;
    dash.assert_status(200);
    let kyz = row_of(&dash.body, "Kyzylorda Region</a>");
    assert!(
        kyz.contains("<td class=\"num\">1</td>") && kyz.contains("100.0%"),
        "{kyz}"
    );
    let wko = row_of(&dash.body, "West Kazakhstan Region</a>");
    for cell in [
        "<td class=\"num\">2</td>",             // rank
        "<td class=\"num\">10</td>",            // planned jobs
        "<td class=\"num\">5</td>",             // jobs created
        "50.0%",                                // % of plan
        "60.0%",                                // employment-center share 3/5
        "20.0%",                                // youth share 1/5
        "<td class=\"num\">1 / 2</td>",         // permanent created / planned
        "<td class=\"num\">1 · 170,000 ₸</td>", // lifting
        "100.0%",                               // domestic share (declared)
    ] {
        assert!(wko.contains(cell), "{cell} missing in {wko}");
    }
    let akm = row_of(&dash.body, "Akmola Region</a>");
    assert!(
        akm.contains("<td class=\"num\">1</td><td class=\"num\">0</td>"),
        "selected 1, approved 0: {akm}"
    );
    // National total: 9 of 14 planned = 64.2%, 7 of 9 via centres = 77.7%.
    let total = row_of(&dash.body, "<th scope=\"row\">Kazakhstan</th>");
    assert!(
        total.contains("<td class=\"num\">9</td>")
            && total.contains("64.2%")
            && total.contains("77.7%"),
        "{total}"
    );

    // The public overview shows the same figures.
    let public = app.browser().get("/").await;
    assert_eq!(row_of(&public.body, "West Kazakhstan Region</a>"), wko);

    // As of a day before any hire: nothing created yet.
    let before = member.get("/dashboard?as_of=2024-06-30").await;
    assert!(
        row_of(&before.body, "<th scope=\"row\">Kazakhstan</th>")
            .contains("<td class=\"num\">0</td>")
    );

    // The region page: same figures, and the project by direction and compliance.
    let region = member.get("/regions/27").await;
    region
        .assert_contains("2 of 2 regions by % of plan")
        .assert_contains("Social and cultural facilities</th><td class=\"num\">1</td><td class=\"num\">1,000,000</td><td class=\"num\">10</td><td class=\"num\">5</td>")
        .assert_contains("<span class=\"tag state-met\">Met</span>")
        .assert_contains("<td class=\"num\">2</td><td class=\"num\">50.0%</td>");

    let directions = member.get("/regions/27/directions.csv").await;
    assert!(
        directions
            .body
            .lines()
            .any(|l| l == "Social and cultural facilities,1,1000000,10,5"),
        "{}",
        directions.body
    );
    member
        .get("/regions/27/projects.xlsx")
        .await
        .assert_status(200);
    member
        .get("/regions/99/projects.csv")
        .await
        .assert_status(404);

    // The map shades the regions by the same % of plan and links them.
    let map = member.get("/map").await;
    map.assert_contains("href=\"/regions/27?as_of=")
        .assert_contains(
            "class=\"region shade-2\"><title>West Kazakhstan Region: 50.0% of plan</title>",
        )
        .assert_contains("class=\"region shade-4\"><title>Kyzylorda Region: 100.0% of plan</title>")
        .assert_lacks("point point-met")
        .assert_contains("0 of 2 projects shown");
    // A region's map shows every one of its projects.
    member
        .get("/map?region=27")
        .await
        .assert_contains("point point-met")
        .assert_contains("1 of 1 projects shown");

    // The CSV export carries the page's numbers.
    let csv = member.get("/exports/dashboard.csv").await;
    assert!(
        csv.header("content-type")
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    let line = csv
        .body
        .lines()
        .find(|l| l.contains(",27,"))
        .expect("West Kazakhstan in the export");
    assert_eq!(
        line,
        "2,27,West Kazakhstan Region,1,1,1,0,10,5,50.0,3,60.0,20.0,2,1,1,170000,100.0,\
         No data yet,0.0,",
        "no register loaded: the verified state is not yet decided"
    );
    let xlsx = member.get("/exports/dashboard.xlsx").await;
    xlsx.assert_status(200);
    assert!(xlsx.body.starts_with("PK"));

    // Compliance: West Kazakhstan's contract is at 60% and Kyzylorda's at 100%: both conditions
    // met with room to spare, so neither needs attention.
    let compliance = member.get("/compliance").await;
    compliance
        .assert_status(200)
        .assert_lacks(&format!("/contracts/{}\"", f.wko.id))
        .assert_lacks(&format!("/contracts/{}\"", f.kyz.id));

    // What the live code paths wrote keeps the invariants a generated load is held to,
    // including the tallies the figures are read from.
    let mut conn = app.db.conn().expect("connection");
    let broken = jobmap::seed::invariants::check(&mut conn).expect("checked");
    assert!(broken.is_empty(), "{broken:?}");
}

#[tokio::test]
async fn compliance_lists_contracts_at_or_below_the_thresholds() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let at_half = ContractBuilder::on(&project).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    hire(&contractor, &at_half, hire_form(1, "employment_center")).await;
    hire(&contractor, &at_half, hire_form(2, "direct")).await;
    // Ledger: 850,000 domestic and 100,000 not (10% of the 1,000,000 contract) = 89.4%.
    for (amount, domestic) in [("850000", true), ("100000", false)] {
        let mut fields = vec![
            ("category", "works"),
            ("description", "Работы"),
            ("amount_tenge", amount),
        ];
        if domestic {
            fields.push(("is_domestic", "true"));
        }
        contractor
            .post_form(&format!("/contracts/{}/procurement", at_half.id), &fields)
            .await
            .assert_status(303);
    }
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let page = member.get("/compliance").await;
    // Half the hires through centers: at risk, the next hire must come through a center.
    // 89.4% recorded with the foreign limit used up: the rest must all be domestic.
    page.assert_contains(&format!("/contracts/{}\">", at_half.id))
        .assert_contains("50.0%")
        .assert_contains("89.4%")
        .assert_contains("tag state-risk")
        .assert_contains("The next hire must come through an employment center.")
        .assert_contains("Of the remaining 50,000 ₸, at least 50,000 ₸ must be domestic.");
    let csv = member.get("/exports/compliance.csv").await;
    assert!(
        csv.body.lines().any(
            |l| l.contains(",At risk,At risk,1,2,50.0,At risk,100.0,89.4,")
                && l.contains("at least 50,000 ₸ must be domestic.")
        ),
        "{}",
        csv.body
    );
    // The region's officers see their region's list; visitors are sent to sign in.
    UserBuilder::akimat("27")
        .create(&app)
        .browser(&app)
        .await
        .get("/compliance")
        .await
        .assert_status(200)
        .assert_contains(&format!("/contracts/{}\">", at_half.id));
    app.browser()
        .get("/exports/compliance.csv")
        .await
        .assert_status(303);
}

#[tokio::test]
async fn the_hires_export_masks_for_the_commission_and_neutralises_formulas() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let c = ContractBuilder::on(&project).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    hire(
        &contractor,
        &c,
        set(
            hire_form(1, "employment_center"),
            "full_name",
            "=HYPERLINK(\"http://x\")",
        ),
    )
    .await;
    hire(&contractor, &c, hire_form(2, "employment_center")).await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let full = officer.get("/exports/jobs.csv").await;
    full.assert_status(200);
    assert_eq!(full.body.lines().count(), 3, "{}", full.body);
    full.assert_contains(&crate::builders::iin(2))
        .assert_contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let masked = member.get("/exports/jobs.csv").await;
    masked
        .assert_lacks(&crate::builders::iin(2))
        .assert_contains("******");
    // The same rows as a workbook, built in constant memory and sent from disk.
    let book = member.get("/exports/jobs.xlsx").await;
    book.assert_status(200);
    assert!(book.body.starts_with("PK"));
    assert_eq!(
        book.header("content-disposition"),
        Some("attachment; filename=\"jobmap-jobs.xlsx\"")
    );
    let other = UserBuilder::akimat("43").create(&app).browser(&app).await;
    assert_eq!(
        other.get("/exports/jobs.csv").await.body.lines().count(),
        1,
        "header only"
    );
}

#[tokio::test]
async fn the_map_uses_the_frame_in_force_on_the_date() {
    let app = spawn_app().await;
    let before = app.browser().get("/map?as_of=2021-12-31").await;
    before
        .assert_status(200)
        .assert_lacks("/regions/62?")
        .assert_contains("/regions/35?");
    let after = app.browser().get("/map?as_of=2023-01-01").await;
    after
        .assert_contains("/regions/62?")
        .assert_contains("Ulytau Region");
    app.browser().get("/regions/99").await.assert_status(404);
}

#[tokio::test]
async fn a_hire_shows_on_the_pages_at_once() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let c = ContractBuilder::on(&project).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let wko = |body: &str| row_of(body, "West Kazakhstan Region</a>");
    let before = app.browser().get("/").await;
    assert!(wko(&before.body).contains("0.0%"), "{}", wko(&before.body));
    hire(&contractor, &c, hire_form(1, "employment_center")).await;
    // The pages keep their data in memory; a committed hire makes them load it again.
    let after = app.browser().get("/").await;
    // 1 of 40 planned jobs.
    assert!(wko(&after.body).contains("2.5%"), "{}", wko(&after.body));
    app.browser()
        .get("/regions/27")
        .await
        .assert_contains("2.5%");
}

#[tokio::test]
async fn the_national_map_draws_the_projects_in_breach() {
    let app = spawn_app().await;
    let breach = ProjectBuilder::in_region("27")
        .code("27-BREACH")
        .status(ProjectStatus::InProgress)
        .create(&app);
    ProjectBuilder::in_region("43")
        .status(ProjectStatus::InProgress)
        .create(&app);
    let contract = ContractBuilder::on(&breach).create(&app);
    // As data from before the rules were enforced: 1 of 3 hires through a centre.
    crate::helpers::sql(
        &app,
        &format!(
            "UPDATE contracts SET center_hires = 1, direct_hires = 2 WHERE id = '{}'",
            contract.id
        ),
    );
    app.browser()
        .get("/map")
        .await
        .assert_contains("point point-breach")
        .assert_contains("<title>27-BREACH · Breached</title>")
        .assert_contains("1 of 2 projects shown");
}
