//! Bad input gets a clear page in the user's language: never a panic, a 500 or internals.

use crate::helpers::spawn_app;

#[tokio::test]
async fn an_unknown_address_gets_a_404_page_in_the_users_language() {
    let app = spawn_app().await;
    let page = app
        .get_with("/projects/../../etc/passwd", &[("accept-language", "en")])
        .await;
    assert_eq!(page.status, 404);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    page.assert_contains("Page not found");

    let page = app.get_with("/nope", &[("accept-language", "kk")]).await;
    assert_eq!(page.status, 404);
    page.assert_contains("Бет табылмады");
}

#[tokio::test]
async fn a_malformed_form_gets_a_400_page_without_internals() {
    let app = spawn_app().await;
    let page = app.post_form("/language", &[("next", "/")]).await;
    assert_eq!(page.status, 400);
    page.assert_contains("<h1>")
        .assert_lacks("missing field")
        .assert_lacks("deserialize");
}

#[tokio::test]
async fn an_unknown_language_code_is_a_bad_request() {
    let app = spawn_app().await;
    let page = app.post_form("/language", &[("lang", "de")]).await;
    assert_eq!(page.status, 400);
}

#[tokio::test]
async fn an_oversized_body_gets_a_413_page() {
    let app = spawn_app().await;
    let huge = format!("lang=en&next={}", "a".repeat(2 * 1024 * 1024));
    let page = app
        .post_raw(
            "/language",
            "application/x-www-form-urlencoded",
            huge.into_bytes(),
            None,
        )
        .await;
    assert_eq!(page.status, 413);
    page.assert_contains("<html");
}

#[tokio::test]
async fn a_wrong_content_type_gets_a_clear_page() {
    let app = spawn_app().await;
    let token = app.csrf_token().await;
    let page = app
        .post_raw(
            "/language",
            "application/json",
            br#"{"lang":"en"}"#.to_vec(),
            Some(&token),
        )
        .await;
    assert_eq!(page.status, 415);
    page.assert_contains("<html")
        .assert_lacks("Content type error");
}

#[tokio::test]
async fn a_wrong_method_gets_a_405_page() {
    let app = spawn_app().await;
    let page = app
        .get_with("/language", &[("accept-language", "ru")])
        .await;
    assert_eq!(page.status, 405);
    page.assert_contains("Это действие здесь недоступно");
}

#[tokio::test]
async fn invalid_utf8_in_a_form_is_a_bad_request() {
    let app = spawn_app().await;
    let token = app.csrf_token().await;
    let page = app
        .post_raw(
            "/language",
            "application/x-www-form-urlencoded",
            format!("csrf_token={token}&lang=%FF%FE&next=/").into_bytes(),
            None,
        )
        .await;
    assert_eq!(page.status, 400);
}

#[tokio::test]
async fn a_server_fault_gets_a_500_page_with_a_reference_and_no_internals() {
    let app = spawn_app().await;
    // Break the database under the running server.
    crate::helpers::sql(
        &app,
        "ALTER TABLE region_month_figures RENAME TO region_month_figures_gone",
    );
    let page = app.get("/").await;
    page.assert_status(500)
        .assert_contains("Sorry, something went wrong")
        .assert_contains("Reference")
        .assert_lacks("region_month_figures")
        .assert_lacks("no such table")
        .assert_lacks("does not exist");
    // The reference is the request id found in the logs.
    let reference = page.code_text_after("Reference: <code>");
    assert!(reference.is_some_and(|r| r.len() == 36), "{reference:?}");
}
