//! Issue 12's findings on the job write path: what one employer recorded stays on its hire, a
//! rule 4 refusal is no oracle of other regions' workers, corrections and lifting payments go
//! through the rules, and a full-time wage is at least the minimum wage.

use diesel::prelude::*;
use jobmap::db::schema::{audit_events, contracts, jobs, lifting_payments, users};
use jobmap::domain::workflow::ProjectStatus;
use reqwest::multipart::{Form, Part};

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder, hire_form, iin};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

const OTHER_BIN: &str = "990140004654";
const HEADER: &str = "iin,full_name,home_settlement,position,hire_date,kind,channel,referral_number,referral_date,arrived_from_other_settlement,monthly_wage_tenge";

fn line(n: usize, wage: &str) -> String {
    format!(
        "{},Работник {n},Орал,Разнорабочий,2024-07-01,temporary,employment_center,ЦЗ-{n},2024-06-20,false,{wage}",
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

fn contract_in(app: &TestApp, region: &str, code: &str, bin: &str) -> TestContract {
    let project = ProjectBuilder::in_region(region)
        .code(code)
        .status(ProjectStatus::Contracted)
        .create(app);
    ContractBuilder::on(&project).bin(bin).create(app)
}

async fn hire(who: &Browser, c: &TestContract, fields: &[(&'static str, String)]) -> Page {
    who.post_owned(&format!("/contracts/{}/jobs", c.id), fields)
        .await
}

fn with(
    mut fields: Vec<(&'static str, String)>,
    name: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    fields.retain(|(k, _)| *k != name);
    fields.push((name, value.to_owned()));
    fields
}

fn user_id(app: &TestApp, login_prefix: &str) -> String {
    let mut conn = app.db.conn().unwrap();
    users::table
        .filter(users::login.like(format!("{login_prefix}%")))
        .select(users::id)
        .first(&mut conn)
        .unwrap()
}

fn audit_count(app: &TestApp, action: &str, actor: &str) -> i64 {
    let mut conn = app.db.conn().unwrap();
    audit_events::table
        .filter(audit_events::action.eq(action))
        .filter(audit_events::actor_user_id.eq(actor))
        .count()
        .get_result(&mut conn)
        .unwrap()
}

fn audit_texts(app: &TestApp) -> Vec<String> {
    let mut conn = app.db.conn().unwrap();
    let rows: Vec<(Option<String>, Option<String>)> = audit_events::table
        .select((audit_events::before_json, audit_events::after_json))
        .load(&mut conn)
        .unwrap();
    rows.into_iter()
        .map(|(b, a)| format!("{} {}", b.unwrap_or_default(), a.unwrap_or_default()))
        .collect()
}

#[tokio::test]
async fn one_employer_cannot_rewrite_the_worker_another_employer_recorded() {
    let app = spawn_app().await;
    let c11 = contract_in(&app, "11", "11-FIRST-1", OTHER_BIN);
    let c27 = contract_in(&app, "27", "27-SECOND-1", "940140000385");
    let officer11 = UserBuilder::akimat("11").create(&app).browser(&app).await;
    let contractor27 = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let first = hire(&officer11, &c11, &hire_form(30, "employment_center")).await;
    first.assert_status(303);
    let old_job = first.location().unwrap().to_owned();
    officer11
        .post_form(
            &format!("{old_job}/end"),
            &[("end_date", "2024-07-10"), ("version", "1")],
        )
        .await
        .assert_status(303);

    let second = with(
        with(
            hire_form(30, "employment_center"),
            "full_name",
            "Overwritten By Contractor27",
        ),
        "hire_date",
        "2024-08-01",
    );
    let second = with(second, "home_settlement", "Elsewhere");
    hire(&contractor27, &c27, &second).await.assert_status(303);

    // The region-11 officer's records show what was recorded there.
    officer11
        .get(&old_job)
        .await
        .assert_contains("Работник Номер 30")
        .assert_contains("Орал")
        .assert_lacks("Overwritten");
    officer11
        .get(&format!("/contracts/{}/jobs", c11.id))
        .await
        .assert_contains("Работник Номер 30")
        .assert_lacks("Overwritten");
    officer11
        .get("/exports/jobs.csv")
        .await
        .assert_contains("Работник Номер 30")
        .assert_lacks("Overwritten");
    // The contractor's own hire shows what they typed.
    contractor27
        .get(&format!("/contracts/{}/jobs", c27.id))
        .await
        .assert_contains("Overwritten By Contractor27");
    // The region-11 officer corrects the name on their hire: audited with both versions, and
    // the IIN is never written to the audit trail.
    let fix = vec![
        ("version", "2".to_owned()),
        ("full_name", "Работник Номер Тридцать".to_owned()),
        ("home_settlement", "Орал".to_owned()),
        ("position", "Разнорабочий".to_owned()),
        ("hire_date", "2024-07-01".to_owned()),
        ("kind", "temporary".to_owned()),
        ("channel", "employment_center".to_owned()),
        ("monthly_wage_tenge", "150000".to_owned()),
        ("referral_number", "ЦЗ-30".to_owned()),
        ("referral_date", "2024-06-25".to_owned()),
    ];
    officer11
        .post_owned(&old_job, &fix)
        .await
        .assert_status(303);
    officer11
        .get(&old_job)
        .await
        .assert_contains("Работник Номер Тридцать");
    contractor27
        .get(&format!("/contracts/{}/jobs", c27.id))
        .await
        .assert_contains("Overwritten By Contractor27");
    // The audit log, read by national roles, shows the name as initials.
    app.admin()
        .await
        .get("/audit")
        .await
        .assert_contains("Р. Н. Т.")
        .assert_lacks("Работник Номер Тридцать");
    let texts = audit_texts(&app);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("\"worker_name\":\"Работник Номер 30\"")
                && t.contains("\"worker_name\":\"Работник Номер Тридцать\"")),
        "the correction is audited with before and after"
    );
    assert!(
        texts.iter().all(|t| !t.contains(&iin(30))),
        "no IIN in the audit trail"
    );
}

#[tokio::test]
async fn rule_4_refusals_name_only_visible_projects_are_audited_and_limited() {
    let app = spawn_app().await;
    let secret = contract_in(&app, "11", "11-SECRET-1", OTHER_BIN);
    let own = contract_in(&app, "27", "27-OWN-1", "940140000385");
    let neighbour = contract_in(&app, "27", "27-NEXT-1", OTHER_BIN);
    let officer11 = UserBuilder::akimat("11").create(&app).browser(&app).await;
    let officer27 = UserBuilder::akimat("27")
        .login("officer27")
        .create(&app)
        .browser(&app)
        .await;
    let prober = UserBuilder::contractor("940140000385")
        .login("prober")
        .create(&app)
        .browser(&app)
        .await;
    // Twelve people work on region 11's project; one more on the neighbour's contract.
    let mut csv = format!("{HEADER}\n");
    for n in 100..112 {
        csv.push_str(&line(n, "150000"));
        csv.push('\n');
    }
    upload(&officer11, &secret, csv).await.assert_status(303);
    upload(
        &officer27,
        &neighbour,
        format!("{HEADER}\n{}\n", line(200, "150000")),
    )
    .await
    .assert_status(303);
    let prober_id = user_id(&app, "prober");

    // A file with a bad row is refused without looking at anyone's jobs.
    let mut csv = format!("{HEADER}\n");
    for n in 100..112 {
        csv.push_str(&line(n, "150000"));
        csv.push('\n');
    }
    csv.push_str("123,broken\n");
    upload(&prober, &own, csv)
        .await
        .assert_status(200)
        .assert_lacks("11-SECRET-1")
        .assert_lacks("Roadmap job elsewhere");
    assert_eq!(audit_count(&app, "job.refused.out_of_scope", &prober_id), 0);

    // A clean file: the first ten are refused without the project's code, the rest are not
    // even looked at, and every refusal is audited.
    let mut csv = format!("{HEADER}\n");
    for n in 100..112 {
        csv.push_str(&line(n, "150000"));
        csv.push('\n');
    }
    let page = upload(&prober, &own, csv).await;
    page.assert_status(200)
        .assert_lacks("11-SECRET-1")
        .assert_contains("<td class=\"num\">11</td><td>IIN</td><td>Not recorded: this worker already has a Roadmap job elsewhere.")
        .assert_contains("<td class=\"num\">12</td><td>IIN</td><td>Not checked: within the last hour you were refused 10 times");
    assert_eq!(page.body.matches("Roadmap job elsewhere").count(), 10);
    assert_eq!(
        audit_count(&app, "job.refused.out_of_scope", &prober_id),
        10
    );
    let texts = audit_texts(&app);
    assert!(
        texts.iter().all(|t| !t.contains(&iin(100))),
        "no IIN in the audit trail"
    );

    // From now on, within the hour, the form answers the limit for anyone, known or not.
    hire(&prober, &own, &hire_form(111, "employment_center"))
        .await
        .assert_status(200)
        .assert_contains("Not checked: within the last hour")
        .assert_lacks("11-SECRET-1");
    assert_eq!(
        audit_count(&app, "job.refused.out_of_scope", &prober_id),
        10
    );

    // Someone else's limit is their own; a job they may see is named.
    hire(&officer27, &own, &hire_form(100, "employment_center"))
        .await
        .assert_status(200)
        .assert_contains("Roadmap job elsewhere")
        .assert_lacks("11-SECRET-1");
    hire(&officer27, &own, &hire_form(200, "employment_center"))
        .await
        .assert_status(200)
        .assert_contains("27-NEXT-1");
    let officer_id = user_id(&app, "officer27");
    assert_eq!(
        audit_count(&app, "job.refused.out_of_scope", &officer_id),
        1
    );
    assert_eq!(audit_count(&app, "job.refused.active_job", &officer_id), 1);
    hire(&officer27, &own, &hire_form(300, "employment_center"))
        .await
        .assert_status(303);
}

fn job_row(app: &TestApp, id: &str) -> (String, bool, String) {
    let mut conn = app.db.conn().unwrap();
    jobs::table
        .find(id)
        .select((
            jobs::channel,
            jobs::arrived_from_other_settlement,
            jobs::position,
        ))
        .first(&mut conn)
        .unwrap()
}

fn job_id(location: &str) -> String {
    location.trim_start_matches("/jobs/").to_owned()
}

/// The correction form's fields for worker `n`'s hire, as the page would send them.
fn correction(n: usize, version: i32, channel: &str, arrived: bool) -> Vec<(&'static str, String)> {
    let mut f = vec![("version", version.to_string())];
    f.extend(
        hire_form(n, channel)
            .into_iter()
            .filter(|(k, _)| *k != "iin"),
    );
    if arrived {
        f.push(("arrived_from_other_settlement", "true".into()));
    }
    f
}

#[tokio::test]
async fn corrections_go_through_the_rules_of_a_hire() {
    let app = spawn_app().await;
    let c = contract_in(&app, "27", "27-FIX-1", "940140000385");
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let a = hire(&contractor, &c, &hire_form(1, "employment_center")).await;
    let a = a.location().unwrap().to_owned();
    hire(&contractor, &c, &hire_form(2, "direct"))
        .await
        .assert_status(303);

    // Rule 2: the only employment-center hire cannot become direct while one direct hire stands.
    contractor
        .post_owned(&a, &correction(1, 1, "direct", false))
        .await
        .assert_status(200)
        .assert_contains("more direct hires than hires via employment centers");
    assert_eq!(job_row(&app, &job_id(&a)).0, "employment_center");

    // The checks of a hire: 200 characters for a position, the wage cap, the minimum wage.
    let long = with(
        correction(1, 1, "employment_center", false),
        "position",
        &"x".repeat(201),
    );
    contractor
        .post_owned(&a, &long)
        .await
        .assert_status(200)
        .assert_contains("at most 200");
    let rich = with(
        correction(1, 1, "employment_center", false),
        "monthly_wage_tenge",
        "99999999999999999",
    );
    contractor
        .post_owned(&a, &rich)
        .await
        .assert_status(200)
        .assert_contains("Enter an amount in whole tenge");
    let poor = with(
        correction(1, 1, "employment_center", false),
        "monthly_wage_tenge",
        "123",
    );
    contractor
        .post_owned(&a, &poor)
        .await
        .assert_status(200)
        .assert_contains("cannot be below the minimum wage")
        .assert_contains("value=\"123\"");
    assert_eq!(job_row(&app, &job_id(&a)).2, "Разнорабочий");

    // A good correction moves the counters and the figures with it.
    let mut conn = app.db.conn().unwrap();
    for n in [3, 4] {
        hire(&contractor, &c, &hire_form(n, "employment_center"))
            .await
            .assert_status(303);
    }
    contractor
        .post_owned(&a, &correction(1, 1, "direct", false))
        .await
        .assert_status(303);
    let counters: (i32, i32) = contracts::table
        .find(&c.id)
        .select((contracts::center_hires, contracts::direct_hires))
        .first(&mut conn)
        .unwrap();
    assert_eq!(counters, (2, 2));
    let broken = jobmap::seed::invariants::check(&mut conn).expect("checked");
    assert!(broken.is_empty(), "{broken:?}");

    // A stale correction is an error, not a success.
    contractor
        .post_owned(&a, &correction(1, 1, "direct", false))
        .await
        .assert_status(303);
    contractor
        .get(&a)
        .await
        .assert_contains("flash flash-error")
        .assert_contains("Someone else changed this hire just now.");
}

#[tokio::test]
async fn a_lifting_payment_is_checked_in_its_transaction_and_fixes_what_it_was_paid_on() {
    let app = spawn_app().await;
    let c = contract_in(&app, "27", "27-LIFT-1", "940140000385");
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut form = hire_form(1, "employment_center");
    form.push(("arrived_from_other_settlement", "true".into()));
    let job = hire(&contractor, &c, &form)
        .await
        .location()
        .unwrap()
        .to_owned();
    let pay = format!("{job}/lifting");
    contractor
        .post_form(&pay, &[("paid_on", "2024-07-05")])
        .await
        .assert_status(403);
    officer
        .post_form(&pay, &[("paid_on", "2024-06-01")])
        .await
        .assert_status(200)
        .assert_contains("not before the hire");
    officer
        .post_form(&pay, &[("paid_on", "2024-07-05")])
        .await
        .assert_status(303);
    officer
        .get(&job)
        .await
        .assert_contains("flash flash-success");

    // What the payment rests on cannot be corrected away.
    for (channel, arrived) in [("employment_center", false), ("direct", true)] {
        contractor
            .post_owned(&job, &correction(1, 1, channel, arrived))
            .await
            .assert_status(200)
            .assert_contains("A lifting payment has been made for this job");
    }
    let moved = with(
        correction(1, 1, "employment_center", true),
        "hire_date",
        "2024-06-26",
    );
    contractor
        .post_owned(&job, &moved)
        .await
        .assert_status(200)
        .assert_contains("A lifting payment has been made for this job");
    assert_eq!(
        job_row(&app, &job_id(&job)),
        (
            "employment_center".to_owned(),
            true,
            "Разнорабочий".to_owned()
        )
    );
    // Other fields still can be corrected.
    let renamed = with(
        correction(1, 1, "employment_center", true),
        "position",
        "Бетонщик",
    );
    contractor
        .post_owned(&job, &renamed)
        .await
        .assert_status(303);
    assert_eq!(job_row(&app, &job_id(&job)).2, "Бетонщик");

    // A job made ineligible before the payment is not paid, whatever page the officer had.
    let mut form = hire_form(2, "employment_center");
    form.push(("arrived_from_other_settlement", "true".into()));
    let other = hire(&contractor, &c, &form)
        .await
        .location()
        .unwrap()
        .to_owned();
    contractor
        .post_owned(&other, &correction(2, 1, "employment_center", false))
        .await
        .assert_status(303);
    officer
        .post_form(&format!("{other}/lifting"), &[("paid_on", "2024-07-05")])
        .await
        .assert_status(303);
    officer.get(&other).await.assert_contains("not eligible");
    let mut conn = app.db.conn().unwrap();
    let paid: i64 = lifting_payments::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(paid, 1);
    let broken = jobmap::seed::invariants::check(&mut conn).expect("checked");
    assert!(broken.is_empty(), "{broken:?}");
}

#[tokio::test]
async fn a_full_time_wage_below_the_minimum_wage_is_refused() {
    let app = spawn_app().await;
    let c = contract_in(&app, "27", "27-WAGE-1", "940140000385");
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    // 2024's minimum wage is 85,000 tenge.
    hire(
        &contractor,
        &c,
        &with(
            hire_form(1, "employment_center"),
            "monthly_wage_tenge",
            "123",
        ),
    )
    .await
    .assert_status(200)
    .assert_contains("cannot be below the minimum wage in force on the hire date (85,000 ₸)")
    .assert_contains("value=\"123\"");
    let csv = format!("{HEADER}\n{}\n{}\n", line(2, "84999"), line(3, "85000"));
    upload(&contractor, &c, csv)
        .await
        .assert_status(200)
        .assert_contains("<td class=\"num\">2</td><td>Monthly wage");
    hire(
        &contractor,
        &c,
        &with(
            hire_form(1, "employment_center"),
            "monthly_wage_tenge",
            "85000",
        ),
    )
    .await
    .assert_status(303);
    let mut conn = app.db.conn().unwrap();
    let n: i64 = jobs::table.count().get_result(&mut conn).unwrap();
    assert_eq!(n, 1);
}
