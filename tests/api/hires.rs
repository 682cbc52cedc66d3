//! Hires: rules 1, 2, 4 and 5 on the server, race-proof under concurrent requests; personal
//! data shown in full only to those who employ or supervise the worker.

use diesel::prelude::*;
use jobmap::db::schema::{contracts, jobs, projects};
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder, hire_form, iin};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

async fn hire(who: &Browser, contract: &TestContract, fields: &[(&'static str, String)]) -> Page {
    who.post_owned(&format!("/contracts/{}/jobs", contract.id), fields)
        .await
}

fn counts(app: &TestApp, contract: &TestContract) -> (i32, i32, i64) {
    let mut conn = app.db.conn().unwrap();
    let (center, direct): (i32, i32) = contracts::table
        .find(&contract.id)
        .select((contracts::center_hires, contracts::direct_hires))
        .first(&mut conn)
        .unwrap();
    let rows: i64 = jobs::table
        .filter(jobs::contract_id.eq(&contract.id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    (center, direct, rows)
}

fn setup(app: &TestApp) -> TestContract {
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(app);
    ContractBuilder::on(&project).create(app)
}

#[tokio::test]
async fn the_contractor_records_a_hire_and_work_starts() {
    let app = spawn_app().await;
    let contract = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let mut form = hire_form(1, "employment_center");
    form.push(("arrived_from_other_settlement", "true".into()));
    let page = hire(&contractor, &contract, &form).await;
    page.assert_status(303);
    let job_page = contractor.get(page.location().unwrap()).await;
    job_page
        .assert_contains("The hire has been recorded.")
        .assert_contains(&iin(1))
        .assert_contains("Работник Номер 1")
        .assert_contains("Due (2 × minimum wage on the hire date)")
        .assert_contains("170,000 ₸");
    let mut conn = app.db.conn().unwrap();
    let status: String = projects::table
        .find(&contract.project_id)
        .select(projects::status)
        .first(&mut conn)
        .unwrap();
    assert_eq!(status, "in_progress");
    assert_eq!(counts(&app, &contract), (1, 0, 1));
}

#[tokio::test]
async fn rule_2_direct_hires_never_outnumber_employment_center_hires() {
    let app = spawn_app().await;
    let contract = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    hire(&contractor, &contract, &hire_form(1, "direct"))
        .await
        .assert_status(200)
        .assert_contains("(now 0 via employment centers, 0 direct)");
    hire(&contractor, &contract, &hire_form(2, "employment_center"))
        .await
        .assert_status(303);
    // Exactly half is allowed.
    hire(&contractor, &contract, &hire_form(3, "direct"))
        .await
        .assert_status(303);
    let refused = hire(&contractor, &contract, &hire_form(4, "direct")).await;
    refused
        .assert_status(200)
        .assert_contains("would leave the contract with more direct hires than hires via employment centers (now 1 via employment centers, 1 direct)")
        .assert_contains("Hire through an employment center with a referral first")
        .assert_contains(&format!("value=\"{}\"", iin(4)));
    assert_eq!(counts(&app, &contract), (1, 1, 2));
}

#[tokio::test]
async fn rule_4_one_active_roadmap_job_per_worker() {
    let app = spawn_app().await;
    let first = setup(&app);
    let project_b = ProjectBuilder::in_region("27")
        .code("27-B-SCHOOL")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let second = ContractBuilder::on(&project_b).create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let hired = hire(&officer, &second, &hire_form(7, "employment_center")).await;
    hired.assert_status(303);
    let refused = hire(&officer, &first, &hire_form(7, "employment_center")).await;
    refused
        .assert_status(200)
        .assert_contains("already has an active Roadmap job on project 27-B-SCHOOL")
        .assert_lacks("Работник Номер 7</");
    // Once that job has ended, the worker can be hired again.
    let job = hired.location().unwrap().to_owned();
    let version = "1";
    officer
        .post_form(
            &format!("{job}/end"),
            &[("end_date", "2024-08-01"), ("version", version)],
        )
        .await
        .assert_status(303);
    let mut later = hire_form(7, "employment_center");
    for f in later.iter_mut() {
        if f.0 == "hire_date" {
            f.1 = "2024-08-02".into();
        }
    }
    hire(&officer, &first, &later).await.assert_status(303);
}

#[tokio::test]
async fn rule_5_and_rule_1_bad_dates_and_iins_are_refused() {
    let app = spawn_app().await;
    let contract = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let with = |field: &'static str, value: &str| {
        let mut f = hire_form(1, "employment_center");
        f.retain(|(k, _)| *k != field);
        f.push((field, value.to_owned()));
        f
    };
    hire(&contractor, &contract, &with("hire_date", "2024-01-14"))
        .await
        .assert_contains("cannot be before the contract was signed (2024-01-15)");
    hire(&contractor, &contract, &with("hire_date", "2999-01-01"))
        .await
        .assert_contains("The date cannot be in the future.");
    let mut bad_iin = iin(1);
    let last = bad_iin.pop().unwrap().to_digit(10).unwrap();
    bad_iin.push(char::from_digit((last + 1) % 10, 10).unwrap());
    hire(&contractor, &contract, &with("iin", &bad_iin))
        .await
        .assert_contains("This IIN is not valid");
    hire(&contractor, &contract, &with("referral_number", ""))
        .await
        .assert_contains("Enter the employment center&#39;s referral number.");
    assert_eq!(counts(&app, &contract), (0, 0, 0));
}

#[tokio::test]
async fn twenty_concurrent_direct_hires_against_ten_center_hires_let_exactly_ten_in() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::InProgress)
        .create(&app);
    let contract = ContractBuilder::on(&project).center_hires(10).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let token = contractor.csrf_token().await;
    let path = format!("/contracts/{}/jobs", contract.id);
    let requests = (100..120).map(|n| {
        let mut fields = hire_form(n, "direct");
        fields.push(("csrf_token", token.clone()));
        let body = fields
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}={}",
                    crate::helpers::urlencode(k),
                    crate::helpers::urlencode(v)
                )
            })
            .collect::<Vec<_>>()
            .join("&");
        contractor.post_raw(
            &path,
            "application/x-www-form-urlencoded",
            body.into_bytes(),
            None,
        )
    });
    let pages = futures_join_all(requests).await;
    let accepted = pages.iter().filter(|p| p.status == 303).count();
    let refused = pages
        .iter()
        .filter(|p| {
            p.status == 200
                && p.body
                    .contains("more direct hires than hires via employment centers")
        })
        .count();
    assert_eq!((accepted, refused), (10, 10));
    assert_eq!(counts(&app, &contract), (10, 10, 10));
}

#[tokio::test]
async fn two_concurrent_hires_of_one_worker_on_two_contracts_let_one_in() {
    let app = spawn_app().await;
    let a = setup(&app);
    let b = setup(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let form = hire_form(42, "employment_center");
    let (pa, pb) = tokio::join!(hire(&officer, &a, &form), hire(&officer, &b, &form));
    let wins = [&pa, &pb].iter().filter(|p| p.status == 303).count();
    assert_eq!(wins, 1, "{} / {}", pa.status, pb.status);
    let mut conn = app.db.conn().unwrap();
    let n: i64 = jobs::table.count().get_result(&mut conn).unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn iins_and_names_are_masked_for_everyone_but_the_employer_and_the_region() {
    let app = spawn_app().await;
    let contract = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let job = hire(&contractor, &contract, &hire_form(5, "employment_center")).await;
    let job = job.location().unwrap().to_owned();
    let full = iin(5);
    let masked = format!("{}******{}", &full[..4], &full[10..]);
    let list = format!("/contracts/{}/jobs", contract.id);
    for who in [
        contractor,
        UserBuilder::akimat("27").create(&app).browser(&app).await,
    ] {
        who.get(&list)
            .await
            .assert_contains(&full)
            .assert_contains("Работник Номер 5");
    }
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    for path in [&list, &job] {
        member
            .get(path)
            .await
            .assert_status(200)
            .assert_contains(&masked)
            .assert_lacks(&full)
            .assert_lacks("Работник Номер 5")
            .assert_contains("Р. Н. 5.");
    }
    // The audit trail refers to the worker by id, never by IIN.
    let mut conn = app.db.conn().unwrap();
    let texts: Vec<Option<String>> = jobmap::db::schema::audit_events::table
        .select(jobmap::db::schema::audit_events::after_json)
        .load(&mut conn)
        .unwrap();
    assert!(texts.iter().flatten().all(|t| !t.contains(&full)));
}

#[tokio::test]
async fn lifting_is_paid_once_by_the_officer() {
    let app = spawn_app().await;
    let contract = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let mut form = hire_form(9, "employment_center");
    form.push(("arrived_from_other_settlement", "true".into()));
    let job = hire(&contractor, &contract, &form)
        .await
        .location()
        .unwrap()
        .to_owned();
    contractor
        .post_form(&format!("{job}/lifting"), &[("paid_on", "2024-07-10")])
        .await
        .assert_status(403);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .post_form(&format!("{job}/lifting"), &[("paid_on", "2024-07-10")])
        .await
        .assert_status(303);
    officer
        .get(&job)
        .await
        .assert_contains("The lifting payment has been recorded.")
        .assert_contains("170,000 ₸</strong>, 2024-07-10");
    officer
        .post_form(&format!("{job}/lifting"), &[("paid_on", "2024-07-11")])
        .await
        .assert_status(303);
    officer.get(&job).await.assert_contains("already recorded");
    officer
        .get(&format!("/projects/{}", contract.project_id))
        .await
        .assert_contains("1 of 1 paid — 170,000 / 170,000 ₸");
}

#[tokio::test]
async fn a_correction_on_a_stale_version_is_refused() {
    let app = spawn_app().await;
    let contract = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let job = hire(&contractor, &contract, &hire_form(11, "direct_not_allowed")).await;
    job.assert_status(200);
    let job = hire(&contractor, &contract, &hire_form(11, "employment_center"))
        .await
        .location()
        .unwrap()
        .to_owned();
    let fix = |version: &'static str| {
        vec![
            ("version", version.to_owned()),
            ("full_name", "Работник Номер 11".to_owned()),
            ("home_settlement", "Орал".to_owned()),
            ("position", "Бетонщик".to_owned()),
            ("hire_date", "2024-07-01".to_owned()),
            ("kind", "temporary".to_owned()),
            ("channel", "employment_center".to_owned()),
            ("monthly_wage_tenge", "180000".to_owned()),
            ("referral_number", "ЦЗ-11".to_owned()),
            ("referral_date", "2024-06-25".to_owned()),
        ]
    };
    contractor
        .post_owned(&job, &fix("1"))
        .await
        .assert_status(303);
    contractor
        .get(&job)
        .await
        .assert_contains("Бетонщик")
        .assert_contains("180,000");
    contractor
        .post_owned(&job, &fix("1"))
        .await
        .assert_status(303);
    contractor
        .get(&job)
        .await
        .assert_contains("Someone else changed this hire just now.");
    contractor
        .post_form(
            &format!("{job}/end"),
            &[("end_date", "2024-06-30"), ("version", "2")],
        )
        .await
        .assert_contains("The end date cannot be before the hire date.");
}

pub(crate) async fn futures_join_all<F: std::future::Future<Output = Page>>(
    futures: impl Iterator<Item = F>,
) -> Vec<Page> {
    let handles: Vec<_> = futures.collect();
    let mut out = Vec::new();
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = handles.into_iter().map(Box::pin).collect();
    // Poll all at once, so the requests are in flight together.
    let results = std::future::poll_fn(|cx| {
        let mut done = true;
        for (i, f) in pinned.iter_mut().enumerate() {
            if out.len() <= i {
                out.resize_with(i + 1, || None);
            }
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(p) => out[i] = Some(p),
                    std::task::Poll::Pending => done = false,
                }
            }
        }
        if done {
            std::task::Poll::Ready(std::mem::take(&mut out))
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    results.into_iter().flatten().collect()
}

#[tokio::test]
async fn no_new_hires_or_purchases_once_a_project_is_closed() {
    let app = spawn_app().await;
    for status in [
        ProjectStatus::Completed,
        ProjectStatus::Cancelled,
        ProjectStatus::Suspended,
    ] {
        let project = ProjectBuilder::in_region("27").status(status).create(&app);
        let contract = ContractBuilder::on(&project).create(&app);
        let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
        hire(&officer, &contract, &hire_form(1, "employment_center"))
            .await
            .assert_status(403);
        officer
            .post_form(
                &format!("/contracts/{}/procurement", contract.id),
                &[
                    ("category", "works"),
                    ("description", "x"),
                    ("amount_tenge", "1"),
                    ("is_domestic", "true"),
                ],
            )
            .await
            .assert_status(403);
    }
}

#[tokio::test]
async fn an_absurd_page_number_is_not_an_error() {
    let app = spawn_app().await;
    let contract = setup(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    for path in [
        format!("/contracts/{}/jobs?page=9223372036854775807", contract.id),
        "/projects?page=9223372036854775807".to_owned(),
    ] {
        officer.get(&path).await.assert_status(200);
    }
    app.admin()
        .await
        .get("/audit?page=9223372036854775807")
        .await
        .assert_status(200);
}
