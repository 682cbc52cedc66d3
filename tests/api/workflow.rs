//! The commission's approval workflow: allowed transitions by role, recorded with who, when,
//! from, to and why.

use diesel::prelude::*;
use jobmap::db::schema::{project_status_changes, projects};
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ProjectBuilder, TestProject, UserBuilder};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

async fn act(
    browser: &Browser,
    project: &TestProject,
    action: &str,
    fields: &[(&str, &str)],
) -> Page {
    let page = browser.get(&format!("/projects/{}", project.id)).await;
    let version = page
        .body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("1")
        .to_owned();
    let mut all = vec![("action", action), ("version", version.as_str())];
    all.extend_from_slice(fields);
    browser
        .post_form(&format!("/projects/{}/status", project.id), &all)
        .await
}

fn status_of(app: &TestApp, project: &TestProject) -> String {
    let mut conn = app.db.conn().unwrap();
    projects::table
        .find(&project.id)
        .select(projects::status)
        .first(&mut conn)
        .unwrap()
}

/// A decision within the project's budget (250,000,000 ₸), dated `day`.
fn decision(day: &str) -> [(&'static str, &str); 3] {
    [
        ("decision_number", "ИК-27/15"),
        ("decision_date", day),
        ("approved_limit", "240 000 000"),
    ]
}

/// The day the project was submitted: a decision may not be dated before it.
fn submitted_on(app: &TestApp, project: &TestProject) -> String {
    let mut conn = app.db.conn().unwrap();
    let at: chrono::NaiveDateTime = project_status_changes::table
        .filter(project_status_changes::project_id.eq(&project.id))
        .filter(project_status_changes::to_status.eq("submitted"))
        .select(diesel::dsl::max(project_status_changes::changed_at))
        .first::<Option<chrono::NaiveDateTime>>(&mut conn)
        .unwrap()
        .expect("submitted");
    at.date().to_string()
}

#[tokio::test]
async fn submit_approve_tender_with_the_right_roles() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27").create(&app);
    let officer = UserBuilder::akimat("27")
        .full_name("Aigerim K")
        .create(&app)
        .browser(&app)
        .await;
    let member = UserBuilder::commission()
        .full_name("Marat Z")
        .create(&app)
        .browser(&app)
        .await;

    officer
        .get(&format!("/projects/{}", project.id))
        .await
        .assert_contains("value=\"submit\"")
        .assert_lacks("value=\"approve\"");
    act(&officer, &project, "submit", &[])
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, &project), "submitted");

    member.get("/review").await.assert_contains(&project.code);
    let day = submitted_on(&app, &project);
    act(&member, &project, "approve", &decision(&day))
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, &project), "approved");
    member.get("/review").await.assert_lacks(&project.code);

    act(&officer, &project, "start_tendering", &[])
        .await
        .assert_status(303);
    let page = officer.get(&format!("/projects/{}", project.id)).await;
    page.assert_contains("Tendering")
        .assert_contains(&format!("№ ИК-27/15, {day}"))
        .assert_contains("<dd>240,000,000</dd>")
        .assert_contains("Aigerim K")
        .assert_contains("Marat Z");
    let mut conn = app.db.conn().unwrap();
    let steps: Vec<(Option<String>, String)> = project_status_changes::table
        .filter(project_status_changes::project_id.eq(&project.id))
        .order(project_status_changes::changed_at.asc())
        .select((
            project_status_changes::from_status,
            project_status_changes::to_status,
        ))
        .load(&mut conn)
        .unwrap();
    let steps: Vec<(Option<&str>, &str)> = steps
        .iter()
        .map(|(f, t)| (f.as_deref(), t.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (None, "draft"),
            (Some("draft"), "submitted"),
            (Some("submitted"), "approved"),
            (Some("approved"), "tendering")
        ]
    );
}

#[tokio::test]
async fn only_the_commission_approves_and_an_approval_needs_its_decision() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let day = submitted_on(&app, &project);
    act(&officer, &project, "approve", &decision(&day))
        .await
        .assert_status(403);
    let admin = app.admin().await;
    act(&admin, &project, "approve", &decision(&day))
        .await
        .assert_status(403);

    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let refused = act(
        &member,
        &project,
        "approve",
        &[("decision_date", "2999-01-01")],
    )
    .await;
    refused
        .assert_status(200)
        .assert_contains("Enter the number of the commission&#39;s decision.")
        .assert_contains("The decision date cannot be in the future.")
        .assert_contains("Enter the approved limit");
    assert_eq!(status_of(&app, &project), "submitted");
}

#[tokio::test]
async fn a_rejected_project_is_corrected_and_submitted_again() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    act(&member, &project, "reject", &[])
        .await
        .assert_status(200)
        .assert_contains("Give the reason");
    act(
        &member,
        &project,
        "reject",
        &[("comment", "Смета завышена на 12%")],
    )
    .await
    .assert_status(303);
    assert_eq!(status_of(&app, &project), "rejected");

    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let page = officer.get(&format!("/projects/{}", project.id)).await;
    page.assert_contains("Смета завышена на 12%")
        .assert_contains(&format!("/projects/{}/edit", project.id));
    act(&officer, &project, "submit", &[])
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, &project), "submitted");
}

#[tokio::test]
async fn transitions_the_workflow_does_not_have_are_refused() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let cases = [
        (ProjectStatus::Draft, &member, "approve"),
        (ProjectStatus::Approved, &officer, "submit"),
        (ProjectStatus::Draft, &officer, "complete"),
        (ProjectStatus::Completed, &officer, "cancel"),
        (ProjectStatus::Cancelled, &member, "resume"),
        (ProjectStatus::Draft, &officer, "suspend"),
    ];
    for (status, who, action) in cases {
        let project = ProjectBuilder::in_region("27").status(status).create(&app);
        act(who, &project, action, &[("comment", "x")])
            .await
            .assert_status(403);
        assert_eq!(
            status_of(&app, &project),
            status.code(),
            "{action} from {status:?}"
        );
    }
    let project = ProjectBuilder::in_region("27").create(&app);
    act(&officer, &project, "fly", &[]).await.assert_status(400);
}

#[tokio::test]
async fn a_suspended_project_resumes_where_it_was() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Tendering)
        .create(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    act(
        &member,
        &project,
        "suspend",
        &[("comment", "Проверка прокуратуры")],
    )
    .await
    .assert_status(303);
    assert_eq!(status_of(&app, &project), "suspended");
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    act(&officer, &project, "resume", &[])
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, &project), "tendering");
}

#[tokio::test]
async fn two_members_pressing_approve_at_once_approve_once() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let a = UserBuilder::commission().create(&app).browser(&app).await;
    let b = UserBuilder::commission().create(&app).browser(&app).await;
    let path = format!("/projects/{}/status", project.id);
    let mut fields: Vec<(&str, String)> =
        vec![("action", "approve".into()), ("version", "1".into())];
    let day = submitted_on(&app, &project);
    fields.extend(decision(&day).iter().map(|(k, v)| (*k, (*v).to_owned())));
    let (ra, rb) = tokio::join!(a.post_owned(&path, &fields), b.post_owned(&path, &fields));
    // Both are answered; exactly one approval is recorded, the other is told why not.
    assert_eq!(ra.status, 303);
    assert_eq!(rb.status, 303);
    let mut conn = app.db.conn().unwrap();
    let approvals: i64 = project_status_changes::table
        .filter(project_status_changes::project_id.eq(&project.id))
        .filter(project_status_changes::to_status.eq("approved"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(approvals, 1);
    let told = [&a, &b];
    let mut warned = 0;
    for who in told {
        if who
            .get(&format!("/projects/{}", project.id))
            .await
            .body
            .contains("changed this project just now")
        {
            warned += 1;
        }
    }
    assert_eq!(warned, 1);
}

#[tokio::test]
async fn the_audit_log_filters_by_record_type_action_and_person() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let member = UserBuilder::commission()
        .login("member.audit")
        .create(&app)
        .browser(&app)
        .await;
    act(&member, &project, "reject", &[("comment", "Нет сметы")])
        .await
        .assert_status(303);
    let admin = app.admin().await;
    let page = admin
        .get("/audit?entity=project&action=project.status&actor=member.audit")
        .await;
    page.assert_status(200)
        .assert_contains("Status changed")
        .assert_contains("Status: Submitted → <strong>Rejected</strong>")
        .assert_lacks("<td>Signed in</td>");
    admin
        .get("/audit?entity=user&action=auth.")
        .await
        .assert_contains("<td>Signed in</td>")
        .assert_lacks("<td>Status changed</td>");
}
