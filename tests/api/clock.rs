//! The programme's date is Kazakhstan's (UTC+5), not UTC's: at half past midnight local time
//! the UTC date is still yesterday, and a hire dated today must be accepted.

use chrono::{TimeZone, Utc};
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder, hire_form};
use crate::helpers::AppBuilder;

fn hire_dated(n: usize, date: &str) -> Vec<(&'static str, String)> {
    let mut form = hire_form(n, "employment_center");
    for (name, value) in form.iter_mut() {
        match *name {
            "hire_date" => *value = date.to_owned(),
            "referral_date" => *value = "2026-02-20".to_owned(),
            _ => {}
        }
    }
    form
}

#[tokio::test]
async fn at_half_past_midnight_in_kazakhstan_today_is_the_local_date() {
    // 19:30 UTC on 1 March is 00:30 on 2 March in Almaty.
    let app = AppBuilder::new()
        .clock_at(Utc.with_ymd_and_hms(2026, 3, 1, 19, 30, 0).unwrap())
        .spawn()
        .await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let contract = ContractBuilder::on(&project).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let path = format!("/contracts/{}/jobs", contract.id);

    contractor
        .post_owned(&path, &hire_dated(1, "2026-03-02"))
        .await
        .assert_status(303);
    // The server's clock, not the machine's: the next local day is still the future.
    contractor
        .post_owned(&path, &hire_dated(2, "2026-03-03"))
        .await
        .assert_status(200)
        .assert_contains("The date cannot be in the future");

    // The dashboard opens on the local date, and today's figures include the hire.
    let dashboard = app.get("/").await;
    dashboard
        .assert_status(200)
        .assert_contains("name=\"as_of\" value=\"2026-03-02\"");
    let yesterday = app.get("/?as_of=2026-03-01").await;
    yesterday.assert_contains("value=\"2026-03-01\"");
    let tomorrow = app.get("/?as_of=2026-03-03").await;
    tomorrow.assert_contains("value=\"2026-03-02\"");
}
