//! Monthly plans: one screen per region and year, rule 7 per month, no silent overwrites.

use diesel::prelude::*;
use jobmap::db::schema::monthly_plans;
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ProjectBuilder, UserBuilder};
use crate::helpers::spawn_app;

fn months(values: &[(u32, &str, &str)], versions: &[(u32, &str)]) -> Vec<(String, String)> {
    let mut fields = vec![("year".to_owned(), "2020".to_owned())];
    for (m, jobs, center) in values {
        fields.push((format!("jobs_{m}"), (*jobs).to_owned()));
        fields.push((format!("center_{m}"), (*center).to_owned()));
    }
    for (m, v) in versions {
        fields.push((format!("version_{m}"), (*v).to_owned()));
    }
    fields
}

async fn post(
    browser: &crate::helpers::Browser,
    fields: &[(String, String)],
) -> crate::helpers::Page {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    browser.post_form("/plans", &borrowed).await
}

#[tokio::test]
async fn an_officer_enters_the_year_on_one_screen_against_the_project_plans() {
    let app = spawn_app().await;
    ProjectBuilder::in_region("27")
        .jobs(300, 150)
        .status(ProjectStatus::Approved)
        .period("2020-04-01", "2020-10-31")
        .create(&app);
    ProjectBuilder::in_region("27").jobs(1000, 500).create(&app); // a draft: not counted
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    post(
        &officer,
        &months(&[(5, "100", "50"), (6, "1 200", "600")], &[]),
    )
    .await
    .assert_redirect("/plans?year=2020");
    let page = officer.get("/plans?year=2020").await;
    page.assert_contains("West Kazakhstan Region, 2020")
        .assert_contains("The monthly plans have been saved.")
        .assert_contains("value=\"1200\"")
        .assert_contains("<td class=\"num\">1,300</td><td class=\"num\">650</td>")
        .assert_contains("Plans of 1 project running this year")
        .assert_contains("<td class=\"num\">300</td><td class=\"num\">150</td>");
    let mut conn = app.db.conn().unwrap();
    let rows: i64 = monthly_plans::table.count().get_result(&mut conn).unwrap();
    assert_eq!(rows, 2, "empty months are not stored");
}

#[tokio::test]
async fn a_month_below_half_via_centers_is_refused_and_nothing_is_saved() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let page = post(&officer, &months(&[(3, "100", "50"), (4, "7", "3")], &[])).await;
    page.assert_status(200)
        .assert_contains("enter at least 4 for 7 planned jobs")
        .assert_contains("href=\"#center_4\"")
        .assert_contains("value=\"3\"");
    let mut conn = app.db.conn().unwrap();
    let rows: i64 = monthly_plans::table.count().get_result(&mut conn).unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn a_month_changed_by_someone_else_is_not_overwritten() {
    let app = spawn_app().await;
    let first = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let second = UserBuilder::akimat("27").create(&app).browser(&app).await;
    post(&first, &months(&[(5, "100", "50")], &[]))
        .await
        .assert_status(303);
    // The second officer's screen was opened before that save: no version for May.
    let refused = post(&second, &months(&[(5, "80", "40")], &[])).await;
    refused
        .assert_status(200)
        .assert_contains("Someone else changed some months")
        .assert_contains("class=\"row-warning\"")
        .assert_contains("value=\"80\"");
    let mut conn = app.db.conn().unwrap();
    let may: i32 = monthly_plans::table
        .select(monthly_plans::planned_jobs)
        .first(&mut conn)
        .unwrap();
    assert_eq!(may, 100);
    // With the current version, the second save goes through.
    post(&second, &months(&[(5, "80", "40")], &[(5, "1")]))
        .await
        .assert_status(303);
}

#[tokio::test]
async fn the_commission_reads_any_region_but_does_not_edit() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("43").create(&app).browser(&app).await;
    post(&officer, &months(&[(7, "900", "450")], &[]))
        .await
        .assert_status(303);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    member
        .get("/plans?region=43&year=2020")
        .await
        .assert_contains("Kyzylorda Region, 2020")
        .assert_contains(">900")
        .assert_lacks("name=\"jobs_7\"");
    post(&member, &months(&[(7, "1", "1")], &[]))
        .await
        .assert_status(403);
    // An officer cannot look at another region by editing the URL.
    UserBuilder::akimat("27")
        .create(&app)
        .browser(&app)
        .await
        .get("/plans?region=43&year=2020")
        .await
        .assert_contains("West Kazakhstan Region, 2020")
        .assert_lacks(">900");
}
