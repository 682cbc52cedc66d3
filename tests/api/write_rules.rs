//! Rules that live in the use cases: an approval's decision against the project's budget and
//! submission, a stale edit that reveals nothing about other regions' codes, a first contract's
//! number kept out of the history every contractor reads, and a workflow step refused by the
//! use case itself, whoever calls it.

use diesel::prelude::*;
use jobmap::db::schema::{audit_events, project_status_changes, projects};
use jobmap::domain::role::{Role, Scope};
use jobmap::domain::workflow::{Action, Decision, ProjectStatus};
use jobmap::usecase::acting::Acting;
use jobmap::usecase::project_status::{self, StatusError, StatusRequest};

use crate::builders::{
    ContractBuilder, ProjectBuilder, TestProject, UserBuilder, as_form, valid_project_fields,
};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

fn status_of(app: &TestApp, project: &TestProject) -> String {
    let mut conn = app.db.conn().unwrap();
    projects::table
        .find(&project.id)
        .select(projects::status)
        .first(&mut conn)
        .unwrap()
}

/// The day the builder recorded the project's submission.
fn submitted_on(app: &TestApp, project: &TestProject) -> chrono::NaiveDate {
    let mut conn = app.db.conn().unwrap();
    let at: chrono::NaiveDateTime = project_status_changes::table
        .filter(project_status_changes::project_id.eq(&project.id))
        .filter(project_status_changes::to_status.eq("submitted"))
        .select(project_status_changes::changed_at)
        .first(&mut conn)
        .unwrap();
    at.date()
}

async fn approve(member: &Browser, project: &TestProject, date: &str, limit: &str) -> Page {
    member
        .post_form(
            &format!("/projects/{}/status", project.id),
            &[
                ("action", "approve"),
                ("version", "1"),
                ("decision_number", "ИК-27/15"),
                ("decision_date", date),
                ("approved_limit", limit),
            ],
        )
        .await
}

#[tokio::test]
async fn an_approved_limit_above_the_budget_is_refused_on_its_field() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .budget(250_000_000)
        .status(ProjectStatus::Submitted)
        .create(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let day = submitted_on(&app, &project).to_string();
    approve(&member, &project, &day, "250 000 001")
        .await
        .assert_status(200)
        .assert_contains(
            "The approved limit cannot exceed the project&#39;s budget of 250,000,000 ₸.",
        )
        .assert_contains("value=\"250 000 001\"");
    assert_eq!(status_of(&app, &project), "submitted");

    approve(&member, &project, &day, "250 000 000")
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, &project), "approved");
}

#[tokio::test]
async fn a_decision_dated_before_the_submission_is_refused_on_its_field() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let submitted = submitted_on(&app, &project);
    let day_before = (submitted - chrono::TimeDelta::days(1)).to_string();
    approve(&member, &project, &day_before, "1 000 000")
        .await
        .assert_status(200)
        .assert_contains(&format!(
            "The decision cannot be dated before the project was submitted to the commission ({submitted})."
        ))
        .assert_contains(&format!("value=\"{day_before}\""));
    assert_eq!(status_of(&app, &project), "submitted");
}

#[tokio::test]
async fn a_stale_edit_with_another_regions_code_is_told_it_is_stale_not_that_the_code_exists() {
    let app = spawn_app().await;
    ProjectBuilder::in_region("11")
        .code("AKM-SECRET-7")
        .create(&app);
    let project = ProjectBuilder::in_region("27").create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let colleague = UserBuilder::akimat("27").create(&app).browser(&app).await;

    let mut theirs = valid_project_fields(&project.code);
    theirs.title = "Сохранено коллегой".into();
    let mut form = as_form(&theirs);
    form.push(("version", "1".into()));
    colleague
        .post_owned(&format!("/projects/{}", project.id), &form)
        .await
        .assert_status(303);

    let mut mine = valid_project_fields("AKM-SECRET-7");
    mine.title = "Проба чужого кода".into();
    let mut form = as_form(&mine);
    form.push(("version", "1".into()));
    officer
        .post_owned(&format!("/projects/{}", project.id), &form)
        .await
        .assert_status(200)
        .assert_contains("Someone else saved this project after you opened it.")
        .assert_lacks("Another project already has this code.");
    let mut conn = app.db.conn().unwrap();
    let (code, title): (String, String) = projects::table
        .find(&project.id)
        .select((projects::code, projects::title))
        .first(&mut conn)
        .unwrap();
    assert_eq!(
        (code.as_str(), title.as_str()),
        (project.code.as_str(), "Сохранено коллегой")
    );
}

#[tokio::test]
async fn the_first_contracts_number_stays_out_of_the_history_other_contractors_read() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Tendering)
        .create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let form: Vec<(&str, String)> = vec![
        ("contractor_bin", "940140000385".into()),
        ("contractor_name", "ТОО «Орал Құрылыс»".into()),
        ("number", "СЕКРЕТ-77/1".into()),
        ("signed_on", "2024-06-01".into()),
        ("amount_tenge", "1000000".into()),
        ("works_tenge", "1000000".into()),
        ("works_domestic_tenge", "1000000".into()),
    ];
    officer
        .post_owned(&format!("/projects/{}/contracts/new", project.id), &form)
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, &project), "contracted");

    // Another contractor on the same project reads its page and its history.
    ContractBuilder::on(&project)
        .bin("990140004654")
        .create(&app);
    let other = UserBuilder::contractor("990140004654")
        .create(&app)
        .browser(&app)
        .await;
    other
        .get(&format!("/projects/{}", project.id))
        .await
        .assert_status(200)
        .assert_contains("A contract was recorded.")
        .assert_lacks("СЕКРЕТ-77/1");
    other
        .get(&format!("/projects/{}/history", project.id))
        .await
        .assert_status(200)
        .assert_lacks("СЕКРЕТ-77/1");

    // The number is kept where it belongs: in the contract's own audit event.
    let mut conn = app.db.conn().unwrap();
    let recorded: Vec<Option<String>> = audit_events::table
        .filter(audit_events::action.eq("contract.create"))
        .select(audit_events::after_json)
        .load(&mut conn)
        .unwrap();
    assert!(
        recorded
            .iter()
            .flatten()
            .any(|after| after.contains("СЕКРЕТ-77/1")),
        "{recorded:?}"
    );
}

#[tokio::test]
async fn a_status_change_the_workflow_forbids_is_refused_by_the_use_case() {
    let app = spawn_app().await;
    let member = UserBuilder::commission().create(&app);
    let officer = UserBuilder::akimat("27").create(&app);
    let acting = |id: &str, role, scope| Acting {
        id: id.to_owned(),
        login: "tester".into(),
        role,
        scope,
        kind: Default::default(),
    };
    let commission = acting(&member.id, Role::Commission, Scope::National);
    let akimat = acting(&officer.id, Role::Akimat, Scope::Region("27".into()));
    let decision = Decision {
        number: "ИК-1".into(),
        date: chrono::NaiveDate::from_ymd_opt(2099, 1, 1).unwrap(),
        approved_limit_tenge: 1,
    };
    let cases = [
        (ProjectStatus::Draft, &commission, Action::Approve),
        (ProjectStatus::Submitted, &akimat, Action::Approve),
        (ProjectStatus::Approved, &akimat, Action::Complete),
        (ProjectStatus::Completed, &akimat, Action::Cancel),
        (ProjectStatus::Cancelled, &commission, Action::Resume),
    ];
    let mut conn = app.db.conn().unwrap();
    for (status, by, action) in cases {
        let project = ProjectBuilder::in_region("27").status(status).create(&app);
        let request = StatusRequest {
            action,
            base_version: 1,
            comment: "причина".into(),
            decision: Some(decision.clone()),
        };
        let refused = project_status::change(&mut conn, by, &project.id, &request);
        assert!(
            matches!(refused, Err(StatusError::NotAllowed)),
            "{action:?} from {status:?} by {:?}: {refused:?}",
            by.role
        );
        assert_eq!(status_of(&app, &project), status.code());
    }

    // An allowed step still needs what it records: an approval, its decision.
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let request = StatusRequest {
        action: Action::Approve,
        base_version: 1,
        comment: String::new(),
        decision: None,
    };
    let refused = project_status::change(&mut conn, &commission, &project.id, &request);
    let Err(StatusError::Invalid(problems)) = refused else {
        panic!("an approval without a decision: {refused:?}");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        ["decision_number", "decision_date", "approved_limit"]
    );
    assert_eq!(status_of(&app, &project), "submitted");
}
