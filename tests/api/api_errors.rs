//! Every bad request to the API is a 4xx RFC 9457 problem, in the caller's language, never a
//! 5xx and never an HTML page.

use jobmap::domain::role::Role;
use serde_json::json;

use crate::helpers::{AppBuilder, spawn_app};

const CHECK: &str = "/api/v1/checks/identifiers";

#[tokio::test]
async fn unknown_paths_are_404_problems_in_the_callers_language() {
    let app = spawn_app().await;
    let api = app.api(&app.service_token("ministry", Role::Commission, ""));
    let en = api
        .get("/api/v1/nothing-here")
        .await
        .problem(404, "not_found");
    let ru = api
        .get_with(
            "/api/v1/nothing-here",
            &[("accept-language", "ru-RU,ru;q=0.9")],
        )
        .await
        .problem(404, "not_found");
    let kk = api
        .get_with("/api/v1/nothing-here", &[("accept-language", "kk")])
        .await
        .problem(404, "not_found");
    assert_eq!(en["title"], "Not found");
    assert_eq!(ru["title"], "Не найдено");
    assert_eq!(kk["title"], "Табылмады");
    app.api_anonymous()
        .get("/api/elsewhere")
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn malformed_mistyped_unknown_and_misdeclared_bodies_are_4xx_problems() {
    let app = spawn_app().await;
    let api = app.api(&app.service_token("hr-system", Role::Akimat, "27"));
    let malformed = api.post(CHECK, "application/json", "{\"iins\": [").await;
    malformed.problem(400, "malformed_json");

    let mistyped = api
        .post_json(CHECK, &json!({"iins": ["061211600012", 42]}))
        .await;
    let p = mistyped.problem(422, "invalid_body");
    assert_eq!(p["errors"][0]["pointer"], "/iins/1");

    let unknown = api.post_json(CHECK, &json!({"iins": [], "inns": []})).await;
    let p = unknown.problem(422, "invalid_body");
    assert!(
        p["errors"][0]["message"].as_str().unwrap().contains("inns"),
        "{p}"
    );

    api.post(CHECK, "text/plain", "iins=1")
        .await
        .problem(415, "unsupported_media_type");
    api.post(CHECK, "application/x-www-form-urlencoded", "iins=1")
        .await
        .problem(415, "unsupported_media_type");

    let many: Vec<String> = (0..10_001).map(|_| "1".to_owned()).collect();
    let p = api
        .post_json(CHECK, &json!({ "iins": many }))
        .await
        .problem(422, "too_many_rows");
    assert_eq!(p["errors"][0]["pointer"], "/iins");
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let app = AppBuilder::new().api_body_limit(1024).spawn().await;
    let api = app.api(&app.service_token("hr-system", Role::Akimat, "27"));
    let numbers: Vec<String> = (0..400).map(|n| format!("{n:012}")).collect();
    api.post_json(CHECK, &json!({ "iins": numbers }))
        .await
        .problem(413, "body_too_large");
    api.post_json(CHECK, &json!({"iins": ["061211600012"]}))
        .await
        .ok();
}

#[tokio::test]
async fn identifiers_are_checked_with_reasons() {
    let app = spawn_app().await;
    let api = app.api(&app.service_token("hr-system", Role::Akimat, "27"));
    let r = api
        .post_json(
            CHECK,
            &json!({"iins": ["061211600012", "123", "061211600013"], "bins": ["940140000385", "940140000386"]}),
        )
        .await
        .ok();
    assert_eq!(r["iins"][0]["valid"], true);
    assert_eq!(r["iins"][0]["birth_date"], "2006-12-11");
    assert_eq!(r["iins"][1]["valid"], false);
    assert_eq!(r["iins"][1]["message"], "An IIN is 12 digits.");
    assert_eq!(r["iins"][2]["valid"], false);
    assert_eq!(r["bins"][0]["valid"], true);
    assert_eq!(r["bins"][1]["valid"], false);
}

#[tokio::test]
async fn a_wrong_method_or_query_is_a_problem_too() {
    let app = spawn_app().await;
    let api = app.api(&app.service_token("hr-system", Role::Akimat, "27"));
    let put = api.post("/api/v1/regions", "application/json", "{}").await;
    assert!(put.status.is_client_error(), "{}", put.body);
    assert_eq!(put.header("content-type"), Some("application/problem+json"));
    api.get("/api/v1/parameters?on=yesterday")
        .await
        .problem(400, "invalid_query");
}

#[tokio::test]
async fn a_cursor_or_a_page_number_the_api_never_gave_out_is_a_400_problem() {
    let app = spawn_app().await;
    let api = app.api(&app.service_token("warehouse", Role::Commission, ""));
    // Found by schemathesis: multi-byte characters once split a cursor inside a character
    // and closed the connection without an answer.
    for cursor in ["%F4%85%87%9D", "0%C2%800", "6%C3%A7", "zz"] {
        api.get(&format!("/api/v1/contracts?cursor={cursor}"))
            .await
            .problem(400, "invalid_cursor");
        api.get(&format!("/api/v1/compliance?cursor={cursor}"))
            .await
            .problem(400, "invalid_cursor");
    }
    api.get("/api/v1/projects?limit=9223372036854775808")
        .await
        .problem(400, "invalid_query");
}
