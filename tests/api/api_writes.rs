//! Writes through `/api/v1`: hires one and in bulk, idempotent retries (one after another and
//! at the same moment), the audit trail under the service account, and writes outside the
//! account's scope refused.

use jobmap::domain::role::{Role, Scope};
use jobmap::domain::workflow::ProjectStatus;
use serde_json::{Value, json};

use crate::api_writes_support::{BIN, OTHER_BIN, contractor, hire, jobs_on, service_token};
use crate::builders::{ContractBuilder, ProjectBuilder, TestContract};
use crate::helpers::{TestApp, spawn_app};

fn contract(app: &TestApp) -> TestContract {
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(app);
    ContractBuilder::on(&project).create(app)
}

fn batch(from: usize, n: usize) -> Value {
    json!({ "jobs": (from..from + n).map(|i| hire(i, "employment_center")).collect::<Vec<_>>() })
}

#[tokio::test]
async fn a_hire_through_the_api_is_recorded_and_audited_under_the_service_account() {
    let app = spawn_app().await;
    let c = contract(&app);
    let hr = contractor(&app, "payroll-system", BIN);
    let answer = hr
        .post(
            &format!("/contracts/{}/jobs", c.id),
            &hire(1, "employment_center"),
            &[],
        )
        .await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    assert_eq!(answer.etag(), "\"v1\"");
    let job = answer.json();
    let id = job["id"].as_str().unwrap();
    assert_eq!(
        answer.header("location"),
        Some(format!("/api/v1/jobs/{id}").as_str())
    );
    assert_eq!(job["channel"], "employment_center");
    assert_eq!(jobs_on(&app, &c.id), 1);
    // The administrator sees who recorded it: the service account, not a person.
    let audit = app.admin().await.get("/audit").await;
    audit.assert_contains(&hr.name);
    use diesel::prelude::*;
    use jobmap::db::schema::audit_events as a;
    let mut conn = app.db.conn().unwrap();
    let by: Vec<Option<String>> = a::table
        .filter(a::action.eq("job.create"))
        .filter(a::entity_id.eq(id))
        .select(a::actor_account_id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(by, vec![Some(hr.account_id.clone())]);
}

#[tokio::test]
async fn the_same_bulk_request_sent_twice_records_one_set_of_rows() {
    let app = spawn_app().await;
    let c = contract(&app);
    let hr = contractor(&app, "hr-system", BIN);
    let path = format!("/contracts/{}/jobs/bulk", c.id);
    let key = [("Idempotency-Key", "batch-2024-07-01")];
    let first = hr.post(&path, &batch(1, 40), &key).await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(first.json()["created"], 40);
    assert_eq!(first.header("idempotent-replayed"), None);
    let again = hr.post(&path, &batch(1, 40), &key).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.body, first.body, "the first answer, byte for byte");
    assert_eq!(jobs_on(&app, &c.id), 40);
    // The same key with another body is the client's mistake: refused, nothing written.
    let other = hr.post(&path, &batch(100, 5), &key).await;
    assert_eq!(other.status, 422);
    assert_eq!(other.code(), "idempotency_key_reused");
    assert_eq!(jobs_on(&app, &c.id), 40);
    // Another account's key of the same name is its own (and this one is refused by rule 4:
    // the workers are employed already).
    let officer = service_token(&app, "akimat-27", Role::Akimat, Scope::Region("27".into()));
    let theirs = officer.post(&path, &batch(1, 40), &key).await;
    assert_eq!(theirs.status, 422);
    assert_eq!(theirs.json()["rows"][0]["errors"][0]["code"], "active_job");
}

#[tokio::test]
async fn copies_of_a_bulk_request_sent_at_the_same_moment_record_it_once() {
    let app = spawn_app().await;
    let c = contract(&app);
    let hr = contractor(&app, "hr-retrying", BIN);
    let path = format!("/contracts/{}/jobs/bulk", c.id);
    let body = batch(1, 30);
    let answers = hr
        .post_together(&path, vec![body; 8], &[("Idempotency-Key", "same-moment")])
        .await;
    assert_eq!(jobs_on(&app, &c.id), 30);
    // Each copy waited for the first to finish and got its answer.
    for a in &answers {
        assert_eq!(a.status, 201, "{}", a.body);
    }
    let fresh: Vec<_> = answers
        .iter()
        .filter(|a| a.header("idempotent-replayed").is_none())
        .collect();
    assert_eq!(fresh.len(), 1, "one copy was performed");
    assert!(answers.iter().all(|a| a.body == fresh[0].body));
}

#[tokio::test]
async fn a_bulk_request_with_a_bad_row_records_nothing_and_answers_every_row() {
    let app = spawn_app().await;
    let c = contract(&app);
    let hr = contractor(&app, "hr-bad-row", BIN);
    let mut rows = vec![
        hire(1, "employment_center"),
        hire(2, "employment_center"),
        hire(3, "direct"),
        hire(4, "direct"),
    ];
    rows[1]["iin"] = Value::from("123456789012");
    let path = format!("/contracts/{}/jobs/bulk", c.id);
    let answer = hr.post(&path, &json!({ "jobs": rows }), &[]).await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(answer.code(), "rule_refused");
    assert!(answer.pointers().contains(&"/jobs/1/iin".to_owned()));
    let body = answer.json();
    let statuses: Vec<&str> = body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    // Row 1 is refused; without it, row 3 would be a second direct hire against one
    // employment-center hire (rule 2).
    assert_eq!(statuses, ["valid", "refused", "valid", "refused"]);
    assert_eq!(body["rows"][3]["errors"][0]["code"], "center_share");
    assert_eq!(jobs_on(&app, &c.id), 0);
    // Asked to, the rows that pass are recorded.
    let partial = hr
        .post(
            &format!("{path}?atomic=false"),
            &json!({ "jobs": rows }),
            &[],
        )
        .await;
    assert_eq!(partial.status, 200, "{}", partial.body);
    assert_eq!(
        (
            partial.json()["created"].clone(),
            partial.json()["refused"].clone()
        ),
        (json!(2), json!(2))
    );
    assert_eq!(jobs_on(&app, &c.id), 2);
}

#[tokio::test]
async fn rule_2_holds_through_the_api_under_twenty_concurrent_direct_hires() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let c = ContractBuilder::on(&project).center_hires(10).create(&app);
    let hr = contractor(&app, "hr-racing", BIN);
    let path = format!("/contracts/{}/jobs", c.id);
    let bodies: Vec<Value> = (1..=20).map(|n| hire(n, "direct")).collect();
    let answers = hr.post_together(&path, bodies, &[]).await;
    let created = answers.iter().filter(|a| a.status == 201).count();
    assert_eq!(created, 10);
    for a in answers.iter().filter(|a| a.status != 201) {
        assert_eq!(a.status, 422, "{}", a.body);
        assert_eq!(a.json()["errors"][0]["code"], "center_share");
    }
    assert_eq!(jobs_on(&app, &c.id), 10);
}

#[tokio::test]
async fn writes_outside_the_accounts_scope_are_refused() {
    let app = spawn_app().await;
    let c = contract(&app);
    let path = format!("/contracts/{}/jobs", c.id);
    let one = hire(1, "employment_center");
    let other_bin = contractor(&app, "other-contractor", OTHER_BIN);
    assert_eq!(other_bin.post(&path, &one, &[]).await.status, 404);
    let other_region = service_token(&app, "akimat-11", Role::Akimat, Scope::Region("11".into()));
    assert_eq!(other_region.post(&path, &one, &[]).await.status, 404);
    let bulk = format!("/contracts/{}/jobs/bulk", c.id);
    assert_eq!(
        other_region.post(&bulk, &batch(1, 2), &[]).await.status,
        404
    );
    // The commission sees every contract but records on none.
    let commission = service_token(&app, "ministry", Role::Commission, Scope::National);
    let refused = commission.post(&path, &one, &[]).await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.code(), "forbidden");
    let line = json!({"category": "works", "description": "Бетон", "amount_tenge": 1000, "is_domestic": true});
    let procurement = format!("/contracts/{}/procurement", c.id);
    assert_eq!(other_bin.post(&procurement, &line, &[]).await.status, 404);
    assert_eq!(jobs_on(&app, &c.id), 0);
    // Its own contractor's job, ended by another: not found.
    let hr = contractor(&app, "own-contractor", BIN);
    let job = hr.post(&path, &one, &[]).await.json();
    let end = format!("/jobs/{}/end", job["id"].as_str().unwrap());
    let ended = other_bin
        .post(
            &end,
            &json!({"end_date": "2024-08-01"}),
            &[("If-Match", "\"v1\"")],
        )
        .await;
    assert_eq!(ended.status, 404);
}

#[tokio::test]
async fn bad_input_to_a_write_is_a_4xx_with_its_reason_never_a_5xx() {
    let app = spawn_app().await;
    let c = contract(&app);
    let hr = contractor(&app, "hr-careless", BIN);
    let path = format!("/contracts/{}/jobs", c.id);
    let mut nul = hire(1, "employment_center");
    nul["position"] = Value::from("Бетон\u{0}щик");
    let refused = hr.post(&path, &nul, &[]).await;
    assert_eq!(
        (refused.status, refused.code().as_str()),
        (422, "invalid_body")
    );
    assert_eq!(
        hr.post("/contracts/%00/jobs", &hire(1, "direct"), &[])
            .await
            .status,
        404
    );
    let mut unknown = hire(1, "employment_center");
    unknown["salary"] = Value::from(1);
    assert_eq!(hr.post(&path, &unknown, &[]).await.status, 422);
    let bad_key = hr
        .post(
            &path,
            &hire(1, "employment_center"),
            &[("Idempotency-Key", "two words")],
        )
        .await;
    assert_eq!(
        (bad_key.status, bad_key.code().as_str()),
        (400, "bad_idempotency_key")
    );
    let job = hr
        .post(&path, &hire(1, "employment_center"), &[])
        .await
        .json();
    let end = format!("/jobs/{}/end", job["id"].as_str().unwrap());
    let listed = hr
        .post(
            &end,
            &json!({"end_date": "2024-08-01"}),
            &[("If-Match", "\"v1\", \"v2\"")],
        )
        .await;
    assert_eq!(
        (listed.status, listed.code().as_str()),
        (400, "bad_precondition")
    );
    let weak = hr
        .post(
            &end,
            &json!({"end_date": "2024-08-01"}),
            &[("If-Match", "W/\"v1\"")],
        )
        .await;
    assert_eq!(weak.status, 412, "a weak tag never matches");
    let too_many = hr
        .post(&format!("{path}/bulk"), &batch(1, 10_001), &[])
        .await;
    assert_eq!(
        (too_many.status, too_many.code().as_str()),
        (413, "too_many_rows")
    );
    let none = hr
        .post(&format!("{path}/bulk"), &json!({"jobs": []}), &[])
        .await;
    assert_eq!(none.status, 422);
    assert_eq!(jobs_on(&app, &c.id), 1);
}

#[tokio::test]
async fn every_write_is_in_the_openapi_document() {
    let app = spawn_app().await;
    let text = reqwest::get(format!("{}/api/v1/openapi.json", app.address))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    for (path, method) in [
        ("/api/v1/contracts/{id}/jobs", "post"),
        ("/api/v1/contracts/{id}/jobs/bulk", "post"),
        ("/api/v1/contracts/{id}/procurement", "post"),
        ("/api/v1/jobs/{id}/end", "post"),
        ("/api/v1/projects/{id}/status", "post"),
        ("/api/v1/regions/{kato}/plans/{month}", "put"),
        ("/api/v1/regions/{kato}/plans/{month}", "get"),
        ("/api/v1/jobs/{id}", "get"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
    for schema in [
        "NewHire",
        "HireBatch",
        "BatchResult",
        "JobEnd",
        "NewLine",
        "PlanBody",
        "StatusStep",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}
