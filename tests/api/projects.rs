//! The project register: entry with validation, scope, lists, edits under optimistic locking.

use diesel::prelude::*;
use jobmap::db::schema::{audit_events, projects};
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ProjectBuilder, UserBuilder, as_form, valid_project_fields};
use crate::helpers::spawn_app;

fn project_id_from(location: Option<&str>) -> String {
    location
        .and_then(|l| l.strip_prefix("/projects/"))
        .expect("redirect to the new project")
        .to_owned()
}

#[tokio::test]
async fn an_officer_registers_a_project_in_their_region() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let created = officer
        .post_owned("/projects", &as_form(&valid_project_fields("27-2020-001")))
        .await;
    created.assert_status(303);
    let id = project_id_from(created.location());
    officer
        .get(&format!("/projects/{id}"))
        .await
        .assert_status(200)
        .assert_contains("The project has been created as a draft.")
        .assert_contains("27-2020-001")
        .assert_contains("West Kazakhstan Region")
        .assert_contains("250,000,000 ₸")
        .assert_contains("Draft")
        .assert_contains("51.2333, 51.3667");

    let mut conn = app.db.conn().unwrap();
    let (region, status): (String, String) = projects::table
        .find(&id)
        .select((projects::region_code, projects::status))
        .first(&mut conn)
        .unwrap();
    assert_eq!((region.as_str(), status.as_str()), ("27", "draft"));
    let actions: Vec<String> = audit_events::table
        .filter(audit_events::entity_id.eq(&id))
        .select(audit_events::action)
        .load(&mut conn)
        .unwrap();
    assert_eq!(actions, ["project.create"]);
}

#[tokio::test]
async fn a_region_field_smuggled_into_the_form_does_not_change_the_scope() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut form = as_form(&valid_project_fields("27-2020-777"));
    form.push(("region_code", "11".into()));
    form.push(("region", "11".into()));
    form.push(("status", "approved".into()));
    let id = project_id_from(officer.post_owned("/projects", &form).await.location());
    let mut conn = app.db.conn().unwrap();
    let (region, status): (String, String) = projects::table
        .find(&id)
        .select((projects::region_code, projects::status))
        .first(&mut conn)
        .unwrap();
    assert_eq!((region.as_str(), status.as_str()), ("27", "draft"));
}

#[tokio::test]
async fn a_bad_form_shows_every_problem_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut fields = valid_project_fields("27-2020-002");
    fields.title = "Школа, которую мы чиним".into();
    fields.planned_jobs = "41".into();
    fields.planned_center_hires = "20".into();
    fields.latitude = "55.7558".into();
    fields.longitude = "37.6173".into();
    fields.budget_tenge = "много".into();
    let page = officer.post_owned("/projects", &as_form(&fields)).await;
    page.assert_status(200)
        .assert_contains("class=\"error-summary\"")
        .assert_contains("href=\"#planned_center_hires\"")
        .assert_contains("enter at least 21 for 41 planned jobs")
        .assert_contains("These coordinates are not in Kazakhstan")
        .assert_contains("Enter a whole number")
        .assert_contains("value=\"Школа, которую мы чиним\"")
        .assert_contains("value=\"много\"");
    let mut conn = app.db.conn().unwrap();
    let count: i64 = projects::table.count().get_result(&mut conn).unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn exactly_half_via_employment_centers_is_accepted() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut fields = valid_project_fields("27-2020-003");
    fields.planned_jobs = "40".into();
    fields.planned_center_hires = "20".into();
    officer
        .post_owned("/projects", &as_form(&fields))
        .await
        .assert_status(303);
}

#[tokio::test]
async fn a_taken_code_is_refused_on_its_field() {
    let app = spawn_app().await;
    ProjectBuilder::in_region("11").code("DUP-1").create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .post_owned("/projects", &as_form(&valid_project_fields("DUP-1")))
        .await
        .assert_status(200)
        .assert_contains("Another project already has this code.");
}

#[tokio::test]
async fn other_regions_projects_do_not_exist_for_an_officer() {
    let app = spawn_app().await;
    let theirs = ProjectBuilder::in_region("27").create(&app);
    let mine = ProjectBuilder::in_region("11").create(&app);
    let officer = UserBuilder::akimat("11").create(&app).browser(&app).await;
    for path in [
        format!("/projects/{}", theirs.id),
        format!("/projects/{}/edit", theirs.id),
        format!("/projects/{}/history", theirs.id),
    ] {
        officer.get(&path).await.assert_status(404);
    }
    officer
        .post_owned(
            &format!("/projects/{}", theirs.id),
            &as_form(&valid_project_fields("X-1")),
        )
        .await
        .assert_status(404);
    officer
        .post_form(
            &format!("/projects/{}/status", theirs.id),
            &[("action", "submit"), ("version", "1")],
        )
        .await
        .assert_status(404);
    let list = officer.get("/projects").await;
    list.assert_contains(&mine.code).assert_lacks(&theirs.code);
    // Asking for the other region in the URL changes nothing.
    officer
        .get("/projects?region=27")
        .await
        .assert_lacks(&theirs.code);
}

#[tokio::test]
async fn the_commission_sees_every_region_and_a_contractor_only_their_contracts() {
    let app = spawn_app().await;
    let a = ProjectBuilder::in_region("27").create(&app);
    let b = ProjectBuilder::in_region("43").create(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    member
        .get("/projects")
        .await
        .assert_contains(&a.code)
        .assert_contains(&b.code);
    member
        .get(&format!("/projects/{}", b.id))
        .await
        .assert_status(200);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    contractor
        .get(&format!("/projects/{}", a.id))
        .await
        .assert_status(404);
    contractor
        .get("/projects")
        .await
        .assert_lacks(&a.code)
        .assert_lacks(&b.code);
}

#[tokio::test]
async fn lists_filter_search_sort_and_page_with_the_filters_in_the_url() {
    let app = spawn_app().await;
    for i in 0..60 {
        ProjectBuilder::in_region("27")
            .code(&format!("WKO-{i:03}"))
            .title(if i % 2 == 0 {
                "Ремонт ШКОЛЫ"
            } else {
                "Дорога"
            })
            .budget(1_000_000 + i)
            .create(&app);
    }
    ProjectBuilder::in_region("27")
        .code("WKO-SUB")
        .title("Мост")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;

    let all = member.get("/projects?region=27").await;
    all.assert_contains("61 projects")
        .assert_contains("Page 1 of 2");
    let second = member.get("/projects?region=27&page=2").await;
    second.assert_contains("WKO-SUB").assert_lacks(">WKO-000<");

    // Case-insensitive on Cyrillic, on both backends.
    let found = member.get("/projects?q=%D1%88%D0%BA%D0%BE%D0%BB").await; // "школ"
    found.assert_contains("30 projects");

    let submitted = member.get("/projects?status=submitted").await;
    submitted
        .assert_contains("1 project")
        .assert_contains("WKO-SUB");

    let by_budget = member.get("/projects?region=27&sort=budget&dir=desc").await;
    let body = &by_budget.body;
    let top = body.find(">WKO-059<").expect("the largest budget");
    let next = body.find(">WKO-058<").expect("the next");
    assert!(top < next, "sorted by budget, largest first");
    // Paging links keep the filters and the sort.
    by_budget
        .assert_contains("href=\"/projects?region=27&#38;sort=budget&#38;dir=desc&#38;page=2\"");
}

#[tokio::test]
async fn nonsense_in_the_query_string_is_ignored_not_an_error() {
    let app = spawn_app().await;
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    member
        .get("/projects?status=nope&sort=%27;DROP&page=-3&region=xx&q=%25_%5C")
        .await
        .assert_status(200)
        .assert_contains("0 projects");
    // Nor is what the search index's own query language would read.
    for q in [
        "%00abc",
        "ab%00",
        "%22%22%22",
        "abc*",
        "NEAR(abc)",
        "(((",
        "col:abc",
        "-abc",
    ] {
        member
            .get(&format!("/projects?q={q}"))
            .await
            .assert_status(200)
            .assert_contains("0 projects");
    }
}

#[tokio::test]
async fn a_stale_edit_is_refused_and_shows_what_changed() {
    let app = spawn_app().await;
    let first = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let second = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let id = project_id_from(
        first
            .post_owned("/projects", &as_form(&valid_project_fields("STALE-1")))
            .await
            .location(),
    );
    let project = crate::builders::TestProject {
        id,
        code: "STALE-1".into(),
    };
    // Both open the form at version 1.
    first
        .get(&format!("/projects/{}/edit", project.id))
        .await
        .assert_contains("name=\"version\" value=\"1\"");
    second
        .get(&format!("/projects/{}/edit", project.id))
        .await
        .assert_contains("name=\"version\" value=\"1\"");

    let mut mine = valid_project_fields(&project.code);
    mine.title = "Новое название от первого".into();
    let mut form = as_form(&mine);
    form.push(("version", "1".into()));
    first
        .post_owned(&format!("/projects/{}", project.id), &form)
        .await
        .assert_status(303);

    let mut theirs = valid_project_fields(&project.code);
    theirs.planned_jobs = "50".into();
    theirs.planned_center_hires = "30".into();
    let mut form = as_form(&theirs);
    form.push(("version", "1".into()));
    let refused = second
        .post_owned(&format!("/projects/{}", project.id), &form)
        .await;
    refused
        .assert_status(200)
        .assert_contains("Someone else saved this project after you opened it.")
        .assert_contains("Title: <strong>Новое название от первого</strong>")
        .assert_contains("value=\"50\"")
        .assert_contains("name=\"version\" value=\"2\"");

    let mut conn = app.db.conn().unwrap();
    let (title, jobs): (String, i32) = projects::table
        .find(&project.id)
        .select((projects::title, projects::planned_jobs))
        .first(&mut conn)
        .unwrap();
    assert_eq!((title.as_str(), jobs), ("Новое название от первого", 40));

    // Saving again, knowingly, on the current version works.
    let mut form = as_form(&theirs);
    form.push(("version", "2".into()));
    second
        .post_owned(&format!("/projects/{}", project.id), &form)
        .await
        .assert_status(303);
}

#[tokio::test]
async fn only_drafts_and_rejected_projects_can_be_edited() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .get(&format!("/projects/{}/edit", project.id))
        .await
        .assert_redirect(&format!("/projects/{}", project.id));
    officer
        .get(&format!("/projects/{}", project.id))
        .await
        .assert_contains("can no longer be edited")
        .assert_lacks("/edit\"");
}

#[tokio::test]
async fn the_history_page_shows_each_change_with_before_and_after() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27")
        .login("officer.wko")
        .create(&app)
        .browser(&app)
        .await;
    let id = project_id_from(
        officer
            .post_owned("/projects", &as_form(&valid_project_fields("H-1")))
            .await
            .location(),
    );
    let mut changed = valid_project_fields("H-1");
    changed.budget_tenge = "300000000".into();
    let mut form = as_form(&changed);
    form.push(("version", "1".into()));
    officer
        .post_owned(&format!("/projects/{id}"), &form)
        .await
        .assert_status(303);
    officer
        .get(&format!("/projects/{id}/history"))
        .await
        .assert_contains("Project edited")
        .assert_contains("Budget, ₸: 250,000,000 → <strong>300,000,000</strong>")
        .assert_contains("officer.wko");
}
