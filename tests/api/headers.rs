//! Security headers on every kind of response.

use crate::helpers::{Page, spawn_app};

#[track_caller]
fn assert_security_headers(page: &Page) {
    let csp = page.header("content-security-policy").unwrap_or_default();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("same-origin"));
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
}

#[tokio::test]
async fn html_error_and_static_responses_carry_them() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/login",
        "/no-such-page",
        "/static/css/app.css",
        "/healthz",
    ] {
        let page = app.get(path).await;
        assert_security_headers(&page);
    }
    assert_security_headers(&app.post_form_without_token("/language", &[]).await);
}

#[tokio::test]
async fn signed_in_pages_are_not_stored_but_assets_are_cached() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    for path in ["/", "/admin/users", "/account/password", "/no-such-page"] {
        let page = admin.get(path).await;
        assert_eq!(page.header("cache-control"), Some("no-store"), "{path}");
    }
    let css = admin.get("/static/css/app.css").await;
    assert!(
        css.header("cache-control")
            .unwrap_or_default()
            .starts_with("public")
    );
}
