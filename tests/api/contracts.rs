//! Contracts on approved projects and rule 3 on their declared local content.

use diesel::prelude::*;
use jobmap::db::schema::{contracts, projects};
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder};
use crate::helpers::{Page, TestApp, spawn_app};

fn contract_form(
    goods: (&str, &str),
    works: (&str, &str),
    services: (&str, &str),
    amount: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("contractor_bin", "940140000385".into()),
        ("contractor_name", "ТОО «Орал Құрылыс»".into()),
        ("number", "15/2024".into()),
        ("signed_on", "2024-06-01".into()),
        ("amount_tenge", amount.into()),
        ("goods_tenge", goods.0.into()),
        ("goods_domestic_tenge", goods.1.into()),
        ("works_tenge", works.0.into()),
        ("works_domestic_tenge", works.1.into()),
        ("services_tenge", services.0.into()),
        ("services_domestic_tenge", services.1.into()),
    ]
}

async fn record(app: &TestApp, project: &str, form: &[(&str, String)]) -> Page {
    let officer = UserBuilder::akimat("27").create(app).browser(app).await;
    officer
        .post_owned(&format!("/projects/{project}/contracts/new"), form)
        .await
}

fn project_status(app: &TestApp, id: &str) -> String {
    let mut conn = app.db.conn().unwrap();
    projects::table
        .find(id)
        .select(projects::status)
        .first(&mut conn)
        .unwrap()
}

#[tokio::test]
async fn exactly_90_percent_domestic_is_recorded_and_the_project_becomes_contracted() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Tendering)
        .create(&app);
    let page = record(
        &app,
        &project.id,
        &contract_form(
            ("400 000", "300 000"),
            ("500 000", "500 000"),
            ("100 000", "100 000"),
            "1 000 000",
        ),
    )
    .await;
    page.assert_status(303);
    let location = page.location().unwrap().to_owned();
    assert!(location.starts_with("/contracts/"));
    assert_eq!(project_status(&app, &project.id), "contracted");
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .get(&location)
        .await
        .assert_contains("ТОО «Орал Құрылыс»")
        .assert_contains("90.0%")
        .assert_contains("75.0%");
}

#[tokio::test]
async fn below_90_percent_is_refused_with_the_share_and_what_must_move() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Approved)
        .create(&app);
    let page = record(
        &app,
        &project.id,
        &contract_form(
            ("400 000", "299 999"),
            ("500 000", "500 000"),
            ("100 000", "100 000"),
            "1 000 000",
        ),
    )
    .await;
    page.assert_status(200)
        .assert_contains("The declared domestic share is 89.9%; at least 90% is required. Move 1 ₸ to domestic suppliers.")
        .assert_contains("value=\"299 999\"");
    let mut conn = app.db.conn().unwrap();
    let n: i64 = contracts::table.count().get_result(&mut conn).unwrap();
    assert_eq!(n, 0);
    assert_eq!(project_status(&app, &project.id), "approved");
}

#[tokio::test]
async fn a_bad_bin_and_parts_that_do_not_add_up_are_refused() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Approved)
        .create(&app);
    let mut form = contract_form(("", ""), ("900", "900"), ("", ""), "1000");
    form[0].1 = "940140000386".into();
    record(&app, &project.id, &form)
        .await
        .assert_contains("This BIN is not valid")
        .assert_contains(
            "Goods, works and services add up to 900 ₸, but the contract amount is 1,000 ₸.",
        );
}

#[tokio::test]
async fn contracts_wait_for_the_commissions_approval() {
    let app = spawn_app().await;
    for status in [
        ProjectStatus::Draft,
        ProjectStatus::Submitted,
        ProjectStatus::Rejected,
        ProjectStatus::Cancelled,
    ] {
        let project = ProjectBuilder::in_region("27").status(status).create(&app);
        record(
            &app,
            &project.id,
            &contract_form(("", ""), ("1000", "1000"), ("", ""), "1000"),
        )
        .await
        .assert_status(403);
    }
}

#[tokio::test]
async fn a_contractor_sees_exactly_the_contracts_with_their_bin() {
    let app = spawn_app().await;
    let p27 = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let p43 = ProjectBuilder::in_region("43")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let mine_27 = ContractBuilder::on(&p27).bin("940140000385").create(&app);
    let mine_43 = ContractBuilder::on(&p43).bin("940140000385").create(&app);
    let theirs = ContractBuilder::on(&p27).bin("990140004654").create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    for c in [&mine_27, &mine_43] {
        contractor
            .get(&format!("/contracts/{}", c.id))
            .await
            .assert_status(200);
    }
    for path in [
        format!("/contracts/{}", theirs.id),
        format!("/contracts/{}/jobs", theirs.id),
        format!("/contracts/{}/procurement", theirs.id),
    ] {
        contractor.get(&path).await.assert_status(404);
    }
    let list = contractor.get("/contracts").await;
    list.assert_contains(&format!("/contracts/{}", mine_27.id))
        .assert_contains(&format!("/contracts/{}", mine_43.id))
        .assert_lacks(&format!("/contracts/{}", theirs.id));
    // The project page shows the contractor only their own contract.
    contractor
        .get(&format!("/projects/{}", p27.id))
        .await
        .assert_contains(&mine_27.id)
        .assert_lacks(&theirs.id);
    // An officer of another region does not see the contract either.
    UserBuilder::akimat("11")
        .create(&app)
        .browser(&app)
        .await
        .get(&format!("/contracts/{}", mine_27.id))
        .await
        .assert_status(404);
}
