//! The API's reads: the same scope (404 outside it), masking and figures as the pages.

use jobmap::domain::role::Role;
use jobmap::domain::workflow::ProjectStatus;
use serde_json::Value;

use crate::builders::{
    ContractBuilder, ProjectBuilder, TestContract, TestProject, UserBuilder, hire_form, iin,
};
use crate::helpers::{TestApp, row_of, spawn_app};

const BIN_A: &str = "940140000385";
const BIN_B: &str = "990140004654";

/// West Kazakhstan (27): a project with BIN A's contract and 3 hires (2 via centers).
/// Akmola (11): a project with BIN B's contract and no hires.
struct Fixture {
    p27: TestProject,
    c27: TestContract,
    p11: TestProject,
    c11: TestContract,
}

async fn fixture(app: &TestApp) -> Fixture {
    let p27 = ProjectBuilder::in_region("27")
        .code("WKO-1")
        .jobs(10, 5)
        .status(ProjectStatus::Contracted)
        .create(app);
    let p11 = ProjectBuilder::in_region("11")
        .code("AKM-1")
        .jobs(4, 2)
        .status(ProjectStatus::Contracted)
        .create(app);
    let c27 = ContractBuilder::on(&p27).bin(BIN_A).create(app);
    let c11 = ContractBuilder::on(&p11).bin(BIN_B).create(app);
    let contractor = UserBuilder::contractor(BIN_A)
        .create(app)
        .browser(app)
        .await;
    for (n, channel) in [
        (1, "employment_center"),
        (2, "employment_center"),
        (3, "direct"),
    ] {
        contractor
            .post_owned(
                &format!("/contracts/{}/jobs", c27.id),
                &hire_form(n, channel),
            )
            .await
            .assert_status(303);
    }
    Fixture { p27, c27, p11, c11 }
}

fn codes(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn projects_are_listed_within_the_scope_with_the_registers_filters() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let national = app.api(&app.service_token("ministry", Role::Commission, ""));
    let officer = app.api(&app.service_token("akimat-27", Role::Akimat, "27"));
    let builder = app.api(&app.service_token("builder-b", Role::Contractor, BIN_B));

    assert_eq!(
        codes(&national.get("/api/v1/projects").await.ok()),
        ["AKM-1", "WKO-1"]
    );
    assert_eq!(
        codes(&officer.get("/api/v1/projects").await.ok()),
        ["WKO-1"]
    );
    assert_eq!(
        codes(&builder.get("/api/v1/projects").await.ok()),
        ["AKM-1"]
    );
    assert_eq!(
        codes(
            &national
                .get("/api/v1/projects?region=27&status=in_progress&q=wko")
                .await
                .ok()
        ),
        ["WKO-1"]
    );
    national
        .get("/api/v1/projects?status=finished")
        .await
        .problem(400, "invalid_query");
    national
        .get("/api/v1/projects?colour=red")
        .await
        .problem(400, "invalid_query");

    let detail = officer
        .get(&format!("/api/v1/projects/{}", f.p27.id))
        .await
        .ok();
    assert_eq!(detail["code"], "WKO-1");
    assert_eq!(detail["figures"]["jobs_created"], 3);
    assert_eq!(detail["figures"]["center_hires"], 2);
    assert_eq!(detail["contracts"][0]["id"], f.c27.id.as_str());
    assert_eq!(
        detail["contracts"][0]["compliance"]["center"]["state"],
        "met"
    );
    assert_eq!(
        detail["compliance_state"],
        detail["contracts"][0]["compliance"]["state"]
    );
}

#[tokio::test]
async fn cursor_paging_walks_every_project_once() {
    let app = spawn_app().await;
    for n in 1..=5 {
        ProjectBuilder::in_region("27")
            .code(&format!("P-{n}"))
            .create(&app);
    }
    let api = app.api(&app.service_token("ministry", Role::Commission, ""));
    let mut seen = Vec::new();
    let mut path = "/api/v1/projects?limit=2".to_owned();
    loop {
        let page = api.get(&path).await.ok();
        seen.extend(codes(&page));
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/projects?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ["P-1", "P-2", "P-3", "P-4", "P-5"]);
    api.get("/api/v1/projects?cursor=zz")
        .await
        .problem(400, "invalid_cursor");
    api.get("/api/v1/projects?limit=0")
        .await
        .problem(400, "invalid_query");
}

#[tokio::test]
async fn another_regions_or_bins_records_answer_404() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let officer = app.api(&app.service_token("akimat-27", Role::Akimat, "27"));
    let builder_b = app.api(&app.service_token("builder-b", Role::Contractor, BIN_B));
    for path in [
        format!("/api/v1/projects/{}", f.p11.id),
        format!("/api/v1/contracts/{}", f.c11.id),
        format!("/api/v1/contracts/{}/jobs", f.c11.id),
        "/api/v1/projects/no-such-id".to_owned(),
    ] {
        officer.get(&path).await.problem(404, "not_found");
    }
    for path in [
        format!("/api/v1/projects/{}", f.p27.id),
        format!("/api/v1/contracts/{}", f.c27.id),
        format!("/api/v1/contracts/{}/jobs", f.c27.id),
    ] {
        builder_b.get(&path).await.problem(404, "not_found");
    }
    let contracts = builder_b.get("/api/v1/contracts").await.ok();
    assert_eq!(contracts["items"].as_array().unwrap().len(), 1);
    assert_eq!(contracts["items"][0]["id"], f.c11.id.as_str());
    // A contractor does not review compliance lists, as on the pages.
    builder_b
        .get("/api/v1/compliance")
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn personal_data_is_masked_exactly_as_on_the_pages() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let path = format!("/api/v1/contracts/{}/jobs", f.c27.id);
    let national = app.api(&app.service_token("ministry", Role::Commission, ""));
    let masked = national.get(&path).await.ok();
    assert_eq!(masked["total"], 3);
    let page = UserBuilder::commission()
        .create(&app)
        .browser(&app)
        .await
        .get(&format!("/contracts/{}/jobs", f.c27.id))
        .await;
    for job in masked["items"].as_array().unwrap() {
        assert_eq!(job["personal_data"], false);
        let shown = job["worker_iin"].as_str().unwrap();
        assert!(shown.contains("******"), "{shown}");
        page.assert_contains(shown);
        page.assert_contains(job["worker_name"].as_str().unwrap());
    }
    assert!(!masked.to_string().contains(&iin(1)));

    for full in [
        app.api(&app.service_token("builder-a", Role::Contractor, BIN_A)),
        app.api(&app.service_token("akimat-27", Role::Akimat, "27")),
    ] {
        let jobs = full.get(&path).await.ok();
        let iins: Vec<&str> = jobs["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|j| j["worker_iin"].as_str().unwrap())
            .collect();
        assert!(iins.contains(&iin(1).as_str()), "{iins:?}");
        assert_eq!(jobs["items"][0]["personal_data"], true);
    }
}

#[tokio::test]
async fn the_apis_figures_are_the_dashboards() {
    let app = spawn_app().await;
    fixture(&app).await;
    let api = app.api(&app.service_token("warehouse", Role::Commission, ""));
    let report = api.get("/api/v1/figures").await.ok();
    let wko = report["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "27")
        .unwrap()
        .clone();
    assert_eq!(wko["jobs_created"], 3);
    assert_eq!(wko["center_hires"], 2);
    assert_eq!(wko["planned_jobs"], 10);
    assert_eq!(wko["plan_bp"], 3000);
    assert_eq!(report["national"]["jobs_created"], 3);
    assert_eq!(report["national"]["planned_jobs"], 14);

    // The dashboard's rows say the same.
    let dash = app.browser().get("/").await;
    let row = row_of(&dash.body, "West Kazakhstan Region</a>");
    assert!(
        row.contains(&format!("<td class=\"num\">{}</td>", wko["rank"]))
            && row.contains("<td class=\"num\">3</td>")
            && row.contains("30.0%")
            && row.contains("66.6%"),
        "{row}"
    );
    // Every region, field by field, from the function the dashboard loads.
    let mut conn = app.db.conn().unwrap();
    let today = jobmap::clock::Clock::default().today();
    let (regions, total) = jobmap::db::figures::as_of(&mut conn, today, today).unwrap();
    assert_eq!(report["regions"].as_array().unwrap().len(), regions.len());
    for (f, r) in regions.iter().zip(report["regions"].as_array().unwrap()) {
        assert_eq!(r["region"], f.code.as_str());
        assert_eq!(r["jobs_created"], f.jobs_created);
        assert_eq!(r["planned_jobs"], f.planned_jobs);
        assert_eq!(r["budget_tenge"], f.budget_tenge);
        assert_eq!(r["center_hires"], f.center_hires);
    }
    assert_eq!(report["national"]["budget_tenge"], total.budget_tenge);
    // And the open figures are the same report.
    let open = app.api_anonymous().get("/api/v1/open/figures").await.ok();
    assert_eq!(open, report);
    // A region's months; a date after today is refused.
    let months = api.get("/api/v1/figures?region=27").await.ok();
    let created: i64 = months["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["jobs_created"].as_i64().unwrap())
        .sum();
    assert_eq!(created, 3);
    api.get("/api/v1/figures?as_of=2999-01-01")
        .await
        .problem(400, "invalid_query");
}

#[tokio::test]
async fn compliance_lists_follow_the_review_pages() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let national = app.api(&app.service_token("ministry", Role::Commission, ""));
    let all = national.get("/api/v1/compliance?state=all").await.ok();
    let ids: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["contract_id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&f.c27.id.as_str()) && ids.contains(&f.c11.id.as_str()));
    let officer = app.api(&app.service_token("akimat-11", Role::Akimat, "11"));
    let mine = officer
        .get("/api/v1/compliance?state=all&region=27")
        .await
        .ok();
    let regions: Vec<&str> = mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["region"].as_str().unwrap())
        .collect();
    assert_eq!(regions, ["11"], "an officer reviews their own region only");
    national
        .get("/api/v1/compliance?state=fine")
        .await
        .problem(400, "invalid_query");
    let ru = national
        .get_with("/api/v1/compliance?state=all", &[("accept-language", "ru")])
        .await
        .ok();
    assert_ne!(
        ru["items"][0]["compliance"]["center"]["reason"],
        all["items"][0]["compliance"]["center"]["reason"]
    );
}

#[tokio::test]
async fn regions_and_dated_parameters_are_listed() {
    let app = spawn_app().await;
    let api = app.api(&app.service_token("warehouse", Role::Commission, ""));
    let regions = api.get("/api/v1/regions").await.ok();
    assert_eq!(regions.as_array().unwrap().len(), 20);
    let abai = regions
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "10")
        .unwrap();
    assert_eq!(abai["active_from"], "2022-06-08");
    let mzp = api
        .get("/api/v1/parameters?code=MZP&on=2022-06-01")
        .await
        .ok();
    assert_eq!(mzp[0]["value"], 60000);
    assert_eq!(mzp.as_array().unwrap().len(), 1);
}
