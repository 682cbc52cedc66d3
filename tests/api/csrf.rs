//! Every state-changing request must carry its own session's CSRF token.

use crate::helpers::{ADMIN_PASSWORD, spawn_app};

#[tokio::test]
async fn a_form_without_the_token_is_refused_with_an_explanation() {
    let app = spawn_app().await;
    app.login_ok("admin", ADMIN_PASSWORD).await;
    let refused = app.post_form_without_token("/logout", &[]).await;
    refused
        .assert_status(403)
        .assert_contains("The form had expired or did not come from this site.");
    // Nothing happened: still signed in.
    app.get("/admin/users").await.assert_status(200);
}

#[tokio::test]
async fn another_sessions_token_is_refused() {
    let app = spawn_app().await;
    let mine = app.admin().await;
    let theirs = app.admin().await;
    let their_token = theirs.csrf_token().await;
    assert_ne!(their_token, mine.csrf_token().await);
    mine.post_form_without_token("/logout", &[("csrf_token", &their_token)])
        .await
        .assert_status(403);
    mine.get("/admin/users").await.assert_status(200);
}

#[tokio::test]
async fn signing_in_needs_the_token_too() {
    let app = spawn_app().await;
    app.post_form_without_token(
        "/login",
        &[("login", "admin"), ("password", ADMIN_PASSWORD)],
    )
    .await
    .assert_status(403);
    app.post_form_without_token(
        "/login",
        &[
            ("csrf_token", "forged"),
            ("login", "admin"),
            ("password", ADMIN_PASSWORD),
        ],
    )
    .await
    .assert_status(403);
    app.get("/admin/users").await.assert_status(303);
}

#[tokio::test]
async fn the_token_may_come_in_a_header() {
    let app = spawn_app().await;
    let token = app.csrf_token().await;
    app.post_raw(
        "/language",
        "application/x-www-form-urlencoded",
        b"lang=en&next=/".to_vec(),
        Some(&token),
    )
    .await
    .assert_redirect("/");
}

#[tokio::test]
async fn get_never_changes_state() {
    let app = spawn_app().await;
    app.login_ok("admin", ADMIN_PASSWORD).await;
    app.get("/logout").await.assert_status(405);
    app.get("/admin/users").await.assert_status(200);
}
