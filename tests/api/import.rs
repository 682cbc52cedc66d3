//! CSV import of projects: all or nothing, every bad row with its line.

use diesel::prelude::*;
use jobmap::db::schema::projects;
use reqwest::multipart::{Form, Part};

use crate::builders::{ProjectBuilder, UserBuilder};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

const HEADER: &str = "code,title,district,settlement,latitude,longitude,direction,work_type,funding_source,budget_tenge,planned_jobs,planned_center_hires,planned_permanent_jobs,planned_start,planned_end";

fn row(code: &str, jobs: u32, center: u32) -> String {
    format!(
        "{code},\"Ремонт школы, корпус 2\",Теректинский,Фёдоровка,51.2333,51.3667,social_cultural,capital_repair,local_budget,\"1,250,000\",{jobs},{center},1,2020-05-01,30.11.2020"
    )
}

async fn upload(browser: &Browser, bytes: Vec<u8>) -> Page {
    let token = browser.csrf_token().await;
    let form = Form::new().text("csrf_token", token).part(
        "file",
        Part::bytes(bytes)
            .file_name("projects.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    let response = browser
        .client
        .post(browser.url("/projects/import"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    Page {
        status: response.status(),
        headers: response.headers().clone(),
        body: response.text().await.unwrap(),
    }
}

fn count(app: &TestApp) -> i64 {
    let mut conn = app.db.conn().unwrap();
    projects::table.count().get_result(&mut conn).unwrap()
}

#[tokio::test]
async fn a_good_file_is_imported_into_the_officers_region() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let csv = format!(
        "\u{feff}{HEADER}\n{}\n{}\n",
        row("IMP-1", 10, 5),
        row("IMP-2", 7, 4)
    );
    upload(&officer, csv.into_bytes()).await.assert_status(303);
    officer
        .get("/projects")
        .await
        .assert_contains("2 projects imported as drafts.")
        .assert_contains("IMP-1")
        .assert_contains("IMP-2");
    let mut conn = app.db.conn().unwrap();
    let regions: Vec<String> = projects::table
        .select(projects::region_code)
        .load(&mut conn)
        .unwrap();
    assert_eq!(regions, ["27", "27"]);
    let budget: i64 = projects::table
        .filter(projects::code.eq("IMP-1"))
        .select(projects::budget_tenge)
        .first(&mut conn)
        .unwrap();
    assert_eq!(budget, 1_250_000);
}

#[tokio::test]
async fn semicolons_as_excel_writes_them_in_russian() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let csv = format!(
        "{}\n{}\n",
        HEADER.replace(',', ";"),
        row("SEMI-1", 10, 5)
            .replace(",\"1,250,000\",", ";1250000;")
            .replace(',', ";")
            .replace("\"Ремонт школы; корпус 2\"", "Ремонт")
    );
    upload(&officer, csv.into_bytes()).await.assert_status(303);
    assert_eq!(count(&app), 1);
}

#[tokio::test]
async fn every_bad_row_is_listed_and_nothing_is_written() {
    let app = spawn_app().await;
    ProjectBuilder::in_region("11").code("TAKEN-1").create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let csv = format!(
        "{HEADER}\n{}\n{}\n{}\n{}\n",
        row("OK-1", 10, 5),
        row("LOW-1", 10, 4),
        row("TAKEN-1", 10, 5),
        row("OK-1", 10, 5)
    );
    let page = upload(&officer, csv.into_bytes()).await;
    page.assert_status(200)
        .assert_contains("Nothing was imported")
        .assert_contains("3 problems to fix:")
        .assert_contains("<td class=\"num\">3</td><td>Planned hires via employment centers</td>")
        .assert_contains("enter at least 5 for 10 planned jobs")
        .assert_contains("<td class=\"num\">4</td><td>Code</td><td>Another project already has this code.</td>")
        .assert_contains("<td class=\"num\">5</td><td>Code</td><td>This code is already used on line 2 of the file.</td>");
    assert_eq!(count(&app), 1);
}

#[tokio::test]
async fn a_windows_1251_file_gets_advice_on_saving_as_utf8() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"\nX-1,\xD8\xEA\xEE\xEB\xE0,,,,,social_cultural,capital_repair,local_budget,1,2,1,0,2020-05-01,2020-06-01\n");
    upload(&officer, bytes)
        .await
        .assert_status(200)
        .assert_contains("The file is not in UTF-8");
    assert_eq!(count(&app), 0);
}

#[tokio::test]
async fn an_oversized_file_is_refused_with_the_limit() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut csv = format!("{HEADER}\n");
    while csv.len() < 6 * 1024 * 1024 {
        csv.push_str(&row("BIG", 10, 5));
        csv.push('\n');
    }
    upload(&officer, csv.into_bytes())
        .await
        .assert_status(200)
        .assert_contains("The file is larger than 5 MB");
    assert_eq!(count(&app), 0);
}

#[tokio::test]
async fn missing_columns_are_named() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    upload(&officer, b"code,title\nA-1,School\n".to_vec())
        .await
        .assert_contains("These columns are missing from the first line: district, settlement");
}

#[tokio::test]
async fn the_template_has_the_columns_and_only_officers_import() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let template = officer.get("/projects/import/template.csv").await;
    template.assert_status(200);
    assert!(
        template
            .header("content-type")
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    assert_eq!(
        template.body.trim_start_matches('\u{feff}').trim_end(),
        HEADER
    );
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    member.get("/projects/import").await.assert_status(403);
    upload(
        &member,
        format!("{HEADER}\n{}\n", row("C-1", 2, 1)).into_bytes(),
    )
    .await
    .assert_status(403);
}

#[tokio::test]
async fn an_upload_without_the_csrf_token_is_refused() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let form = Form::new().part(
        "file",
        Part::bytes(format!("{HEADER}\n{}\n", row("N-1", 2, 1)).into_bytes()).file_name("p.csv"),
    );
    let response = officer
        .client
        .post(officer.url("/projects/import"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(count(&app), 0);
}
