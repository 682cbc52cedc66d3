//! CSV import of hires: in file order, under the same rules, all or nothing.

use diesel::prelude::*;
use jobmap::db::schema::{contracts, jobs};
use jobmap::domain::workflow::ProjectStatus;
use reqwest::multipart::{Form, Part};

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder, iin};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

const HEADER: &str = "iin,full_name,home_settlement,position,hire_date,kind,channel,referral_number,referral_date,arrived_from_other_settlement,monthly_wage_tenge";

fn line(n: usize, channel: &str) -> String {
    let referral = if channel == "employment_center" {
        format!("ЦЗ-{n},2024-06-20")
    } else {
        ",".to_owned()
    };
    format!(
        "{},Работник {n},Орал,Разнорабочий,2024-07-01,temporary,{channel},{referral},false,150000",
        iin(n)
    )
}

async fn upload(who: &Browser, c: &TestContract, csv: String) -> Page {
    let token = who.csrf_token().await;
    let form = Form::new()
        .text("csrf_token", token)
        .part("file", Part::bytes(csv.into_bytes()).file_name("hires.csv"));
    let r = who
        .client
        .post(who.url(&format!("/contracts/{}/jobs/import", c.id)))
        .multipart(form)
        .send()
        .await
        .unwrap();
    Page {
        status: r.status(),
        headers: r.headers().clone(),
        body: r.text().await.unwrap(),
    }
}

fn job_count(app: &TestApp) -> i64 {
    let mut conn = app.db.conn().unwrap();
    jobs::table.count().get_result(&mut conn).unwrap()
}

fn setup(app: &TestApp) -> TestContract {
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(app);
    ContractBuilder::on(&project).create(app)
}

#[tokio::test]
async fn ten_thousand_rows_are_imported_in_one_go() {
    let app = spawn_app().await;
    let c = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let mut csv = format!("{HEADER}\n");
    for n in 0..10_000 {
        // Centre, direct, centre, direct…: rule 2 holds after every row.
        let channel = if n % 2 == 0 {
            "employment_center"
        } else {
            "direct"
        };
        csv.push_str(&line(n, channel));
        csv.push('\n');
    }
    upload(&contractor, &c, csv).await.assert_status(303);
    assert_eq!(job_count(&app), 10_000);
    let mut conn = app.db.conn().unwrap();
    let counters: (i32, i32) = contracts::table
        .find(&c.id)
        .select((contracts::center_hires, contracts::direct_hires))
        .first(&mut conn)
        .unwrap();
    assert_eq!(counters, (5_000, 5_000));
    contractor
        .get(&format!("/contracts/{}/jobs", c.id))
        .await
        .assert_contains("10,000 hires imported.")
        .assert_contains("Page 1 of 100");
}

#[tokio::test]
async fn rows_are_checked_in_order_and_every_failure_is_listed() {
    let app = spawn_app().await;
    let c = setup(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut bad_iin = line(3, "employment_center");
    bad_iin.replace_range(11..12, if &bad_iin[11..12] == "0" { "1" } else { "0" });
    let csv = format!(
        "{HEADER}\n{}\n{}\n{}\n{}\n{}\n",
        line(1, "direct"),            // line 2: nothing via centres yet
        line(2, "employment_center"), // line 3: fine
        bad_iin,                      // line 4: check digit
        line(2, "employment_center"), // line 5: the same worker again
        line(5, "direct"),            // line 6: 1 centre, 0 direct: fine
    );
    let page = upload(&officer, &c, csv).await;
    page.assert_status(200)
        .assert_contains("Nothing was imported")
        .assert_contains("3 problems to fix:")
        .assert_contains("<td class=\"num\">2</td><td>Hired through</td>")
        .assert_contains("<td class=\"num\">4</td><td>IIN</td><td>This IIN is not valid")
        .assert_contains("<td class=\"num\">5</td><td>IIN</td><td>Not recorded: this worker already has an active Roadmap job");
    assert_eq!(job_count(&app), 0);
}

#[tokio::test]
async fn a_worker_busy_on_another_project_is_refused_and_an_import_keeps_every_invariant() {
    let app = spawn_app().await;
    let first = setup(&app);
    let other_project = ProjectBuilder::in_region("27")
        .code("27-OTHER-1")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let other = ContractBuilder::on(&other_project).create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    // Worker 7 is hired on the other project first.
    let csv = format!("{HEADER}\n{}\n", line(7, "employment_center"));
    upload(&officer, &other, csv).await.assert_status(303);

    let csv = format!(
        "{HEADER}\n{}\n{}\n",
        line(6, "employment_center"),
        line(7, "employment_center"),
    );
    upload(&officer, &first, csv)
        .await
        .assert_status(200)
        .assert_contains("<td class=\"num\">3</td><td>IIN</td>")
        .assert_contains("27-OTHER-1");
    assert_eq!(job_count(&app), 1);

    let csv = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        line(6, "employment_center"),
        line(8, "direct"),
        line(9, "employment_center"),
    );
    upload(&officer, &first, csv).await.assert_status(303);
    assert_eq!(job_count(&app), 4);
    let mut conn = app.db.conn().expect("connection");
    let broken = jobmap::seed::invariants::check(&mut conn).expect("checked");
    assert!(broken.is_empty(), "{broken:?}");
}
