//! Sessions served from memory: whatever ends a session or changes its account takes effect on
//! the very next request, on this instance and on another one sharing the database.

use crate::builders::UserBuilder;
use crate::helpers::{ADMIN_PASSWORD, Browser, TestApp, spawn_app, sql};

const PRIVATE: &str = "/account/password";

/// A request with `cookie` from a browser of its own (no cookie jar of its own to update).
async fn status_with(app: &TestApp, cookie: &str) -> u16 {
    app.browser()
        .get_with(PRIVATE, &[("cookie", cookie)])
        .await
        .status
        .as_u16()
}

/// Signs `browser` in to an already cached state: a few requests, so that the session and its
/// account are served from memory afterwards.
async fn warm(browser: &Browser) {
    for _ in 0..3 {
        browser.get(PRIVATE).await.assert_status(200);
    }
}

#[tokio::test]
async fn a_logout_ends_a_session_served_from_memory_at_once() {
    let app = spawn_app().await;
    app.login_ok("admin", ADMIN_PASSWORD).await;
    warm(&app.web).await;
    let cookie = app.session_cookie().expect("a session cookie");
    assert_eq!(status_with(&app, &cookie).await, 200);
    app.logout().await;
    assert_eq!(status_with(&app, &cookie).await, 303);
}

#[tokio::test]
async fn a_deactivation_by_an_admin_ends_a_session_served_from_memory_at_once() {
    let app = spawn_app().await;
    let user = UserBuilder::akimat("11").create(&app);
    let theirs = user.browser(&app).await;
    warm(&theirs).await;
    let admin = app.admin().await;
    admin
        .post_form(
            &format!("/admin/users/{}/active", user.id),
            &[("active", "false")],
        )
        .await
        .assert_redirect(&format!("/admin/users/{}", user.id));
    theirs.get(PRIVATE).await.assert_status(303);
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions_served_from_memory_at_once() {
    let app = spawn_app().await;
    let user = UserBuilder::commission().create(&app);
    let laptop = user.browser(&app).await;
    let phone = user.browser(&app).await;
    warm(&laptop).await;
    warm(&phone).await;
    let new_password = "steppe river orchard lantern";
    laptop
        .post_form(
            PRIVATE,
            &[
                ("current_password", &user.password),
                ("new_password", new_password),
                ("confirm_password", new_password),
            ],
        )
        .await
        .assert_redirect("/");
    phone.get(PRIVATE).await.assert_status(303);
    // The laptop goes on, in its new session, and its forms carry a token that works.
    laptop.get(PRIVATE).await.assert_status(200);
    let token = laptop.csrf_token().await;
    assert_eq!(token, laptop.csrf_token().await, "the same token twice");
}

#[tokio::test]
async fn changes_made_straight_in_the_database_take_effect_at_once() {
    let app = spawn_app().await;
    let user = UserBuilder::akimat("27").create(&app);
    let theirs = user.browser(&app).await;
    warm(&theirs).await;
    // An operator deactivates the account with SQL, leaving its sessions.
    sql(
        &app,
        &format!("UPDATE users SET active = false WHERE id = '{}'", user.id),
    );
    theirs.get(PRIVATE).await.assert_status(303);

    let admin = app.admin().await;
    warm(&admin).await;
    sql(&app, "DELETE FROM sessions");
    admin.get(PRIVATE).await.assert_status(303);
}

#[tokio::test]
async fn a_role_or_language_change_shows_on_the_next_request() {
    let app = spawn_app().await;
    let user = UserBuilder::commission().create(&app);
    let theirs = user.browser(&app).await;
    warm(&theirs).await;
    assert_eq!(theirs.get("/").await.html_lang(), Some("en"));
    sql(
        &app,
        &format!("UPDATE users SET language = 'kk' WHERE id = '{}'", user.id),
    );
    assert_eq!(theirs.get("/").await.html_lang(), Some("kk"));
}

#[tokio::test]
async fn two_instances_on_one_database_share_sessions_and_their_ends() {
    let first = spawn_app().await;
    let second = first.another_instance().await;
    let user = UserBuilder::akimat("11").create(&first);
    let theirs = user.browser(&first).await;
    let cookie = theirs.session_cookie().expect("a session cookie");
    // The same session, served from memory on both.
    for _ in 0..3 {
        assert_eq!(status_with(&first, &cookie).await, 200);
        assert_eq!(status_with(&second, &cookie).await, 200);
    }
    // Both show the same CSRF token: a form from one posts to the other.
    let token_first = first
        .browser()
        .get_with("/", &[("cookie", &cookie)])
        .await
        .csrf_token()
        .map(str::to_owned);
    let token_second = second
        .browser()
        .get_with("/", &[("cookie", &cookie)])
        .await
        .csrf_token()
        .map(str::to_owned);
    assert!(token_first.is_some());
    assert_eq!(token_first, token_second);

    // Logout on the first ends the session on the second at once.
    theirs.logout().await;
    assert_eq!(status_with(&second, &cookie).await, 303);
    assert_eq!(status_with(&first, &cookie).await, 303);

    // A deactivation on the second ends a session on the first at once.
    let other = UserBuilder::commission().create(&first);
    let signed_in = other.browser(&first).await;
    let cookie = signed_in.session_cookie().expect("a session cookie");
    for _ in 0..3 {
        assert_eq!(status_with(&first, &cookie).await, 200);
        assert_eq!(status_with(&second, &cookie).await, 200);
    }
    let admin = second.admin().await;
    admin
        .post_form(
            &format!("/admin/users/{}/active", other.id),
            &[("active", "false")],
        )
        .await
        .assert_redirect(&format!("/admin/users/{}", other.id));
    assert_eq!(status_with(&first, &cookie).await, 303);
    assert_eq!(status_with(&second, &cookie).await, 303);
}
