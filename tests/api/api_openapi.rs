//! The OpenAPI document is generated from the served routes: every route under `/api/` is in
//! it, every documented operation answers, and the reference page works under the CSP.

use std::collections::BTreeSet;

use jobmap::domain::role::Role;
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder};
use crate::helpers::spawn_app;

/// The routes the API's source declares (`#[get("…")]`, `#[post("…")]`, …), under /api/v1.
fn declared_routes() -> BTreeSet<(String, String)> {
    let dir = format!("{}/src/api", env!("CARGO_MANIFEST_DIR"));
    let mut routes = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().map(str::trim) {
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(rest) = line.strip_prefix(&format!("#[{method}(\"")) {
                    let path = rest.split('"').next().unwrap();
                    routes.insert((method.to_owned(), format!("/api/v1{path}")));
                }
            }
        }
    }
    routes
}

#[tokio::test]
async fn every_route_is_documented_and_every_documented_operation_answers() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let contract = ContractBuilder::on(&project).create(&app);
    let doc = app.api_anonymous().get("/api/v1/openapi.json").await.ok();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());

    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    let declared = declared_routes();
    assert!(declared.len() >= 15, "{declared:?}");
    assert_eq!(declared, documented, "routes and the document differ");

    // A hire, so that a job's own route has a record to answer about.
    let hr = app.api(&app.service_token("hr-system", Role::Contractor, "940140000385"));
    let hired = hr
        .post_json(
            &format!("/api/v1/contracts/{}/jobs", contract.id),
            &serde_json::json!({
                "iin": crate::builders::iin(1), "full_name": "Работник Один",
                "position": "Разнорабочий", "hire_date": "2024-07-01", "kind": "temporary",
                "channel": "employment_center", "referral_number": "ЦЗ-1",
                "referral_date": "2024-06-25", "monthly_wage_tenge": 150000
            }),
        )
        .await;
    assert_eq!(hired.status.as_u16(), 201, "{}", hired.body);
    let job = hired.json()["id"].as_str().unwrap().to_owned();
    let api = app.api(&app.service_token("ministry", Role::Commission, ""));
    for (method, path) in &documented {
        let real = path
            .replace("/projects/{id}", &format!("/projects/{}", project.id))
            .replace("/contracts/{id}", &format!("/contracts/{}", contract.id))
            .replace("/jobs/{id}", &format!("/jobs/{job}"))
            .replace("{kato}", "27")
            .replace("{month}", "2024-03");
        let answer = match method.as_str() {
            "get" => api.get(&real).await,
            "put" => api.put(&real, "application/json", "{}").await,
            _ => api.post(&real, "application/json", "{}").await,
        };
        let ct = answer.header("content-type").unwrap_or("");
        if method == "get" {
            assert!(
                answer.status.is_success(),
                "{method} {real}: {} {}",
                answer.status,
                answer.body
            );
            assert!(
                ct.starts_with("application/json") || ct.starts_with("text/csv"),
                "{method} {real}: {ct}"
            );
        } else {
            // An empty body to a write: answered, as a success or as a problem, never a 5xx.
            assert!(
                answer.status.is_success() || answer.status.is_client_error(),
                "{method} {real}: {} {}",
                answer.status,
                answer.body
            );
            assert!(
                ct.starts_with("application/json") || ct == "application/problem+json",
                "{method} {real}: {ct}"
            );
        }
    }
}

#[tokio::test]
async fn the_reference_page_loads_its_viewer_under_the_csp() {
    let app = spawn_app().await;
    let page = app.browser().get("/api/docs").await;
    page.assert_status(200)
        .assert_contains("Integration API")
        .assert_contains("data-spec-url=\"/api/v1/openapi.json\"");
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    // No inline script: every <script> loads a file of ours.
    for tag in page.body.split("<script").skip(1) {
        let tag = tag.split('>').next().unwrap();
        assert!(
            tag.contains("src=\"/static/"),
            "inline or foreign script: {tag}"
        );
    }
    for asset in [
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "/static/vendor/swagger-ui/swagger-ui.css",
        "/static/js/api-docs.js",
    ] {
        let a = app.browser().get(asset).await;
        a.assert_status(200);
        assert!(!a.body.is_empty(), "{asset}");
    }
    let ru = app
        .browser()
        .get_with("/api/docs", &[("accept-language", "ru")])
        .await;
    ru.assert_contains("API для интеграции");
}

/// Every `$ref` in the document names a schema it defines: an unresolvable reference makes
/// clients and schemathesis skip or refuse the operation (found twice: `Format`, `RegisterKind`).
#[test]
fn every_reference_in_the_document_resolves() {
    let doc = serde_json::to_value(jobmap::api::openapi()).expect("serialisable");
    let defined = doc["components"]["schemas"]
        .as_object()
        .expect("schemas")
        .clone();
    let text = doc.to_string();
    let missing: Vec<&str> = text
        .split("\"#/components/schemas/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| !defined.contains_key(*name))
        .collect();
    assert!(missing.is_empty(), "unresolvable: {missing:?}");
}
