//! `/metrics`: Prometheus figures for the operator's scraper, and for nobody else.

use crate::helpers::{AppBuilder, spawn_app};

#[tokio::test]
async fn metrics_are_served_to_loopback_by_route_pattern() {
    let app = spawn_app().await;
    app.get("/regions/27").await;
    app.get("/healthz").await.assert_status(200);

    let page = app.get("/metrics").await;
    page.assert_status(200);
    assert!(
        page.header("content-type")
            .is_some_and(|c| c.starts_with("text/plain"))
    );
    page.assert_contains("jobmap_http_requests_total{")
        .assert_contains("route=\"/regions/{kato}\"")
        .assert_contains("route=\"/healthz\"")
        .assert_contains("jobmap_http_request_duration_seconds_bucket")
        .assert_contains("jobmap_db_pool_connections{state=\"in_use\"}")
        .assert_contains("jobmap_db_pool_connections{state=\"idle\"}")
        .assert_contains("jobmap_db_pool_checkout_seconds")
        // Raw paths never become series of their own.
        .assert_lacks("route=\"/regions/27\"");

    // `jobmap check` runs in another process; its recorded result reaches the scrape.
    let mut conn = app.db.conn().unwrap();
    jobmap::ops::runs::check_and_record(&mut conn).expect("check runs");
    app.get("/metrics")
        .await
        .assert_contains("jobmap_last_check_ok")
        .assert_contains("jobmap_last_check_problems")
        .assert_contains("jobmap_last_check_timestamp_seconds");
}

#[tokio::test]
async fn other_addresses_get_404_unless_they_bring_the_token() {
    let app = AppBuilder::new()
        .metrics_access("10.20.0.0/16", Some("scrape-secret-0123456789"))
        .spawn()
        .await;
    let unknown = app.get("/no-such-page").await;
    unknown.assert_status(404);

    // The test's loopback address is not on the list.
    let page = app.get("/metrics").await;
    page.assert_status(404);
    page.assert_lacks("jobmap_http_requests_total");

    let wrong = app
        .get_with("/metrics", &[("authorization", "Bearer not-the-secret")])
        .await;
    wrong.assert_status(404);
    wrong.assert_lacks("jobmap_http_requests_total");

    app.get_with(
        "/metrics",
        &[("authorization", "Bearer scrape-secret-0123456789")],
    )
    .await
    .assert_status(200)
    .assert_contains("jobmap_http_requests_total");
}

#[tokio::test]
async fn without_an_allowed_address_or_token_metrics_are_hidden() {
    let app = AppBuilder::new().metrics_access("", None).spawn().await;
    app.get("/metrics").await.assert_status(404);
    app.get_with("/metrics", &[("authorization", "Bearer ")])
        .await
        .assert_status(404);
}
