//! Updates through `/api/v1` carry the record's version (`If-Match`, from the `ETag` a read or
//! an earlier write gave): a stale one answers 412 and changes nothing; none answers 428.
//! Job endings, project status steps, monthly plans; and procurement lines under rule 3.

use jobmap::domain::role::{Role, Scope};
use jobmap::domain::workflow::ProjectStatus;
use serde_json::json;

use crate::api_writes_support::{BIN, contractor, hire, service_token};
use crate::builders::{ContractBuilder, ProjectBuilder};
use crate::helpers::spawn_app;

#[tokio::test]
async fn ending_a_job_needs_its_current_version() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let c = ContractBuilder::on(&project).create(&app);
    let hr = contractor(&app, "hr-endings", BIN);
    let hired = hr
        .post(
            &format!("/contracts/{}/jobs", c.id),
            &hire(1, "employment_center"),
            &[],
        )
        .await;
    let id = hired.json()["id"].as_str().unwrap().to_owned();
    // The job as read: its ETag is the one the hire answered with.
    let read = hr.get(&format!("/jobs/{id}")).await;
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.json()["personal_data"], true);
    let tag = read.etag();
    assert_eq!(tag, hired.etag());
    let path = format!("/jobs/{id}/end");
    let end = json!({"end_date": "2024-08-01"});
    let unsure = hr.post(&path, &end, &[]).await;
    assert_eq!(unsure.status, 428, "{}", unsure.body);
    assert_eq!(unsure.code(), "precondition_required");
    let ended = hr.post(&path, &end, &[("If-Match", &tag)]).await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    assert_eq!(ended.json()["end_date"], "2024-08-01");
    assert_eq!(ended.etag(), "\"v2\"");
    // A second system still holding the first version is told, and nothing changes.
    let later = json!({"end_date": "2024-09-01"});
    let stale = hr.post(&path, &later, &[("If-Match", &tag)]).await;
    assert_eq!(stale.status, 412, "{}", stale.body);
    assert_eq!(stale.code(), "stale_version");
    // Rule 5 still decides on the current version.
    let before_hire = json!({"end_date": "2024-06-01"});
    let refused = hr
        .post(&path, &before_hire, &[("If-Match", "\"v2\"")])
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.pointers(), vec!["/end_date".to_owned()]);
}

#[tokio::test]
async fn a_status_step_on_a_stale_version_is_refused_and_the_current_one_goes_through() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Submitted)
        .create(&app);
    let commission = service_token(&app, "ministry", Role::Commission, Scope::National);
    let path = format!("/projects/{}/status", project.id);
    let today = jobmap::clock::Clock::default().today().to_string();
    let approve = json!({
        "action": "approve",
        "decision": {"number": "МК-17", "date": today, "approved_limit_tenge": 250000000}
    });
    let stale = commission
        .post(&path, &approve, &[("If-Match", "\"v0\"")])
        .await;
    assert_eq!(stale.status, 412, "{}", stale.body);
    // The project as read, with the version a step names.
    let read = commission.get(&format!("/projects/{}", project.id)).await;
    let version = read.json()["version"].as_i64().unwrap();
    let tag = read.etag();
    assert_eq!(tag, format!("\"v{version}\""));
    // An approval without its decision names what is missing, where it goes in the body.
    let bare = commission
        .post(&path, &json!({"action": "approve"}), &[("If-Match", &tag)])
        .await;
    assert_eq!(bare.status, 422, "{}", bare.body);
    assert!(
        bare.pointers().contains(&"/decision/number".to_owned()),
        "{}",
        bare.body
    );
    let approved = commission
        .post(&path, &approve, &[("If-Match", &tag)])
        .await;
    assert_eq!(approved.status, 200, "{}", approved.body);
    assert_eq!(approved.json()["status"], "approved");
    assert_eq!(approved.etag(), format!("\"v{}\"", version + 1));
    // The workflow has no way back from an approval to a rejection.
    let again = commission
        .post(
            &path,
            &json!({"action": "reject"}),
            &[("If-Match", &approved.etag())],
        )
        .await;
    assert_eq!(
        again.status, 403,
        "approved projects are not rejected: {}",
        again.body
    );
    // An akimat of another region does not see the project at all.
    let other = service_token(&app, "akimat-11", Role::Akimat, Scope::Region("11".into()));
    let hidden = other
        .post(
            &path,
            &json!({"action": "suspend", "comment": "x"}),
            &[("If-Match", &approved.etag())],
        )
        .await;
    assert_eq!(hidden.status, 404);
}

#[tokio::test]
async fn a_months_plan_is_created_then_replaced_on_its_version() {
    let app = spawn_app().await;
    let officer = service_token(&app, "akimat-27", Role::Akimat, Scope::Region("27".into()));
    let path = "/regions/27/plans/2024-03";
    let plan = json!({"planned_jobs": 120, "planned_center_hires": 60});
    assert_eq!(officer.put(path, &plan, &[]).await.status, 428);
    let created = officer.put(path, &plan, &[("If-None-Match", "*")]).await;
    assert_eq!(created.status, 200, "{}", created.body);
    assert_eq!(created.etag(), "\"v1\"");
    let read = officer.get(path).await;
    assert_eq!(read.etag(), "\"v1\"");
    assert_eq!(read.json()["planned_jobs"], 120);
    let more = json!({"planned_jobs": 150, "planned_center_hires": 80});
    let replaced = officer.put(path, &more, &[("If-Match", "\"v1\"")]).await;
    assert_eq!(replaced.status, 200, "{}", replaced.body);
    assert_eq!(replaced.etag(), "\"v2\"");
    // Another system working from the first version.
    let stale = officer.put(path, &plan, &[("If-Match", "\"v1\"")]).await;
    assert_eq!(stale.status, 412);
    assert_eq!(officer.get(path).await.json()["planned_jobs"], 150);
    // Rule 7, said at the field.
    let too_few = json!({"planned_jobs": 100, "planned_center_hires": 10});
    let refused = officer.put(path, &too_few, &[("If-Match", "\"v2\"")]).await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.pointers(), vec!["/planned_center_hires".to_owned()]);
    // Only the region's own akimat enters its plans.
    let commission = service_token(&app, "ministry", Role::Commission, Scope::National);
    assert_eq!(
        commission
            .put(path, &more, &[("If-Match", "\"v2\"")])
            .await
            .status,
        403
    );
    let other = service_token(&app, "akimat-11", Role::Akimat, Scope::Region("11".into()));
    assert_eq!(
        other
            .put(path, &more, &[("If-Match", "\"v2\"")])
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_procurement_line_is_recorded_and_rule_3_refuses_too_much_from_abroad() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let c = ContractBuilder::on(&project).create(&app);
    let hr = contractor(&app, "erp", BIN);
    let path = format!("/contracts/{}/procurement", c.id);
    let domestic = json!({
        "category": "works", "description": "Кладка", "amount_tenge": 500000, "is_domestic": true
    });
    let recorded = hr
        .post(&path, &domestic, &[("Idempotency-Key", "line-1")])
        .await;
    assert_eq!(recorded.status, 201, "{}", recorded.body);
    assert_eq!(recorded.json()["amount_tenge"], 500000);
    // The contract is 1,000,000 ₸: at most 100,000 ₸ may come from abroad.
    let foreign = json!({
        "category": "goods", "description": "Плитка", "amount_tenge": 150000, "is_domestic": false
    });
    let refused = hr.post(&path, &foreign, &[]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(refused.code(), "rule_refused");
    assert_eq!(refused.pointers(), vec!["/is_domestic".to_owned()]);
    // A retried line is not recorded twice.
    let retried = hr
        .post(&path, &domestic, &[("Idempotency-Key", "line-1")])
        .await;
    assert_eq!(retried.body, recorded.body);
    use diesel::prelude::*;
    use jobmap::db::schema::procurement_lines as l;
    let mut conn = app.db.conn().unwrap();
    let lines: i64 = l::table
        .filter(l::contract_id.eq(&c.id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(lines, 1);
}
