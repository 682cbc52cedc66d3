//! The registers through the API (issue 15): a batch loaded by a national service account
//! agrees with the pages' verified figures, a retry with its key loads nothing again, a bad
//! row is named by JSON pointer, and only those who may load registers can.

use diesel::prelude::*;
use jobmap::db::schema::{audit_events, register_batches};
use jobmap::domain::role::Role;
use serde_json::{Value, json};

use crate::builders::iin;
use crate::helpers::{TestApp, spawn_app};
use crate::verification_support::{commission, contract, hire};

const REFERRALS: &str = "/api/v1/registers/referrals/batches";

fn referral(number: &str, iin: &str) -> Value {
    json!({
        "number": number,
        "issued_on": "2024-06-25",
        "iin": iin,
        "region": "27",
        "district": "Орал",
        "valid_until": "2024-07-25",
    })
}

fn batch(rows: Vec<Value>) -> Value {
    json!({
        "region": "27",
        "period_from": "2024-07",
        "period_to": "2024-07",
        "source": "Employment center export 2024-07",
        "rows": rows,
    })
}

fn batches(app: &TestApp) -> i64 {
    let mut conn = app.db.conn().unwrap();
    register_batches::table
        .count()
        .get_result(&mut conn)
        .unwrap()
}

#[tokio::test]
async fn a_batch_loaded_through_the_api_gives_the_verified_share_the_contract_page_shows() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    for (n, channel) in [
        (1, "employment_center"),
        (2, "employment_center"),
        (3, "direct"),
    ] {
        hire(&contractor, &c, n, channel).await.assert_status(303);
    }
    let token = app.service_token("enbek-feed", Role::Commission, "");
    let api = app.api(&token);
    let loaded = api
        .post_json(REFERRALS, &batch(vec![referral("ЦЗ-1", &iin(1))]))
        .await;
    assert_eq!(loaded.status.as_u16(), 201, "{}", loaded.body);
    let loaded = loaded.json();
    assert_eq!(loaded["rows"], 1);
    assert_eq!(loaded["kind"], "referrals");
    assert_eq!(loaded["hires_checked"], 2);

    // Declared 2 of 3 through centers; verified 1 of 3: the page and the API say the same.
    let view = api.get(&format!("/api/v1/contracts/{}", c.id)).await.ok();
    assert_eq!(view["verified"]["center_share_bp"], 3333, "{view}");
    assert_eq!(
        view["verified"]["compliance"]["center"]["state"],
        "breached"
    );
    assert_eq!(view["compliance"]["center"]["state"], "met");
    let member = commission(&app).await;
    member
        .get(&format!("/contracts/{}", c.id))
        .await
        .assert_contains("Hires with a matched referral</dt><dd>33.3%");
    let project = api
        .get(&format!("/api/v1/projects/{}", c.project_id))
        .await
        .ok();
    assert_eq!(
        project["verified_compliance_state"], "breached",
        "{project}"
    );
    assert_eq!(project["contracts"][0]["verified"]["center_share_bp"], 3333);
    let list = api.get("/api/v1/contracts").await.ok();
    assert_eq!(list["items"][0]["verified"]["center_share_bp"], 3333);
    let review = api.get("/api/v1/compliance?state=all").await.ok();
    assert_eq!(
        review["items"][0]["verified"]["center_share_bp"], 3333,
        "{review}"
    );

    // The batch is listed under the service account, and its load audited under it.
    let listed = api.get("/api/v1/registers/batches").await.ok();
    let b = &listed["items"][0];
    assert_eq!(b["kind"], "referrals");
    assert_eq!(b["region"], "27");
    assert_eq!(b["period_from"], "2024-07");
    assert_eq!(b["rows"], 1);
    assert_eq!(b["loaded_by"], "enbek-feed");
    assert_eq!(b["superseded"], false);
    let mut conn = app.db.conn().unwrap();
    let actor: String = audit_events::table
        .filter(audit_events::action.eq("register.load"))
        .select(audit_events::actor_login)
        .first(&mut conn)
        .unwrap();
    assert_eq!(actor, "(service) enbek-feed");

    // A second batch for the same period supersedes the first.
    let again = api
        .post_json(
            REFERRALS,
            &batch(vec![referral("ЦЗ-1", &iin(1)), referral("ЦЗ-2", &iin(2))]),
        )
        .await;
    assert_eq!(again.status.as_u16(), 201, "{}", again.body);
    assert_eq!(again.json()["superseded"], b["id"]);
    let view = api.get(&format!("/api/v1/contracts/{}", c.id)).await.ok();
    assert_eq!(view["verified"]["center_share_bp"], 6666);
    let listed = api
        .get("/api/v1/registers/batches?kind=referrals")
        .await
        .ok();
    assert_eq!(listed["items"][1]["superseded"], true, "{listed}");
}

#[tokio::test]
async fn a_retry_with_its_key_gets_the_first_answer_and_loads_nothing_again() {
    let app = spawn_app().await;
    let token = app.service_token("esutd-feed", Role::Admin, "");
    let api = app.api(&token);
    let body = json!({
        "period_from": "2024-07",
        "period_to": "2024-07",
        "source": "ESUTD",
        "rows": [{
            "employer_bin": "940140000385",
            "iin": iin(1),
            "contract_number": "ТД-1",
            "start_date": "2024-07-01",
            "position": "Бетонщик",
        }],
    });
    let path = "/api/v1/registers/employment_contracts/batches";
    let key = [("Idempotency-Key", "esutd-2024-07")];
    let first = api.post_json_with(path, &body, &key).await;
    assert_eq!(first.status.as_u16(), 201, "{}", first.body);
    let retry = api.post_json_with(path, &body, &key).await;
    assert_eq!(retry.status.as_u16(), 201);
    assert_eq!(retry.body, first.body);
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(batches(&app), 1);
    let mut other = body.clone();
    other["source"] = json!("ESUTD, corrected");
    api.post_json_with(path, &other, &key)
        .await
        .problem(422, "idempotency_key_reused");
    assert_eq!(batches(&app), 1);
}

#[tokio::test]
async fn a_bad_row_is_named_by_pointer_and_nothing_is_loaded() {
    let app = spawn_app().await;
    let token = app.service_token("enpf-feed", Role::Commission, "");
    let api = app.api(&token);
    let row = |month: &str, person: &str| json!({"month": month, "employer_bin": "940140000385", "iin": person, "amount_tenge": 8500});
    let body = json!({
        "period_from": "2024-07",
        "period_to": "2024-08",
        "source": "ENPF",
        "rows": [row("2024-07", &iin(1)), row("2024-08", "123"), row("2024-07", &iin(2))],
    });
    let p = api
        .post_json("/api/v1/registers/contributions/batches", &body)
        .await
        .problem(422, "invalid_fields");
    assert_eq!(p["errors"][0]["pointer"], "/rows/1/iin", "{p}");
    assert_eq!(p["errors"].as_array().unwrap().len(), 1, "{p}");
    // A column of another register, and a month outside the batch's period.
    let mut body = body;
    body["rows"] = json!([row("2024-09", &iin(1)), {
        "month": "2024-07", "employer_bin": "940140000385", "iin": iin(2),
        "amount_tenge": 1, "product": "Арматура",
    }]);
    let p = api
        .post_json("/api/v1/registers/contributions/batches", &body)
        .await
        .problem(422, "invalid_fields");
    let pointers: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert_eq!(pointers, ["/rows/0/month", "/rows/1/product"], "{p}");
    // A wrong header is named too.
    let empty =
        json!({"period_from": "2024-07", "period_to": "2024-06", "source": " ", "rows": []});
    let p = api
        .post_json("/api/v1/registers/certificates/batches", &empty)
        .await
        .problem(422, "invalid_fields");
    let pointers: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert_eq!(pointers, ["/period_to", "/source"], "{p}");
    assert_eq!(batches(&app), 0);
}

#[tokio::test]
async fn only_those_who_may_load_registers_can() {
    let app = spawn_app().await;
    let body = batch(vec![referral("ЦЗ-1", &iin(1))]);
    let akimat = app.service_token("akimat-27", Role::Akimat, "27");
    let api = app.api(&akimat);
    api.post_json(REFERRALS, &body)
        .await
        .problem(403, "forbidden");
    api.get("/api/v1/registers/batches")
        .await
        .problem(403, "forbidden");
    let contractor = app.service_token("builder-bot", Role::Contractor, "940140000385");
    app.api(&contractor)
        .post_json(REFERRALS, &body)
        .await
        .problem(403, "forbidden");
    app.api_anonymous()
        .post_json(REFERRALS, &body)
        .await
        .problem(401, "unauthorized");
    let national = app.service_token("enbek-feed", Role::Commission, "");
    app.api(&national)
        .post_json("/api/v1/registers/payslips/batches", &body)
        .await
        .problem(404, "not_found");
    assert_eq!(batches(&app), 0);
}

#[tokio::test]
async fn a_batch_of_100000_rows_larger_than_the_usual_body_limit_loads_in_one_request() {
    let app = spawn_app().await;
    let token = app.service_token("esutd-feed", Role::Admin, "");
    let rows: Vec<Value> = (0..100_000)
        .map(|n| {
            json!({
                "employer_bin": "940140000385",
                "iin": iin(n),
                "contract_number": format!("ТД-2024/{n:06}"),
                "start_date": "2024-07-01",
                "position": "Бетонщик-арматурщик 4 разряда",
            })
        })
        .collect();
    let body =
        json!({"period_from": "2024-07", "period_to": "2024-07", "source": "ESUTD", "rows": rows});
    assert!(body.to_string().len() > 16 * 1024 * 1024);
    let started = std::time::Instant::now();
    let loaded = app
        .api(&token)
        .post_json("/api/v1/registers/employment_contracts/batches", &body)
        .await;
    assert_eq!(loaded.status.as_u16(), 201, "{}", loaded.body);
    assert_eq!(loaded.json()["rows"], 100_000);
    eprintln!(
        "100,000 rows loaded through the API in {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn the_batch_list_pages_by_cursor_newest_first_and_refuses_a_forged_cursor() {
    let app = spawn_app().await;
    let token = app.service_token("esutd-feed", Role::Admin, "");
    let api = app.api(&token);
    let mut loaded = Vec::new();
    for month in ["2024-07", "2024-08", "2024-09"] {
        let body = json!({
            "period_from": month, "period_to": month, "source": format!("ESUTD {month}"),
            "rows": [{"employer_bin": "940140000385", "iin": iin(1),
                      "contract_number": "ТД-1", "start_date": format!("{month}-01")}],
        });
        let r = api
            .post_json("/api/v1/registers/employment_contracts/batches", &body)
            .await;
        assert_eq!(r.status.as_u16(), 201, "{}", r.body);
        loaded.push(r.json()["batch_id"].as_str().unwrap().to_owned());
    }
    let first = api.get("/api/v1/registers/batches?limit=2").await.ok();
    let ids: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [loaded[2].as_str(), loaded[1].as_str()], "{first}");
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let second = api
        .get(&format!(
            "/api/v1/registers/batches?limit=2&cursor={cursor}"
        ))
        .await
        .ok();
    assert_eq!(second["items"].as_array().unwrap().len(), 1, "{second}");
    assert_eq!(second["items"][0]["id"], loaded[0].as_str());
    assert!(second["next_cursor"].is_null(), "{second}");
    let all = api.get("/api/v1/registers/batches").await.ok();
    assert!(all["next_cursor"].is_null());
    api.get("/api/v1/registers/batches?cursor=zz")
        .await
        .problem(400, "invalid_cursor");
    api.get("/api/v1/registers/batches?cursor=6e6f2d73756368")
        .await
        .problem(400, "invalid_cursor");
}
