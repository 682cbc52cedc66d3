//! Guessing passwords: wrong current passwords count with the sign-in lock-out, the lock holds
//! one address out of one account (not the owner elsewhere), a failure costs the same whether
//! or not the login exists, and flash messages show over plain HTTP.

use diesel::prelude::*;
use jobmap::db::schema::audit_events;

use crate::builders::UserBuilder;
use crate::helpers::{ADMIN_PASSWORD, AppBuilder, Browser, Page, spawn_app, urlencode};

const NEW_PASSWORD: &str = "Steppe-Wind-Over-Astana-2026";

async fn change_password(b: &Browser, current: &str) -> Page {
    b.post_form(
        "/account/password",
        &[
            ("current_password", current),
            ("new_password", NEW_PASSWORD),
            ("confirm_password", NEW_PASSWORD),
        ],
    )
    .await
}

/// Signs in as if from `address` (the server trusts `X-Forwarded-For` in these tests).
async fn login_from(b: &Browser, address: &str, login: &str, password: &str) -> Page {
    let token = b.csrf_token().await;
    let body = format!(
        "csrf_token={}&login={}&password={}",
        urlencode(&token),
        urlencode(login),
        urlencode(password)
    );
    let r = b
        .client
        .post(b.url("/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", address)
        .body(body)
        .send()
        .await
        .expect("sign-in request");
    Page {
        status: r.status(),
        headers: r.headers().clone(),
        body: r.text().await.expect("body"),
    }
}

fn actions_on(app: &crate::helpers::TestApp, user_id: &str) -> Vec<String> {
    let mut conn = app.db.conn().expect("connection");
    audit_events::table
        .filter(audit_events::entity_id.eq(user_id))
        .select(audit_events::action)
        .load(&mut conn)
        .expect("audit")
}

#[tokio::test]
async fn guessing_the_current_password_counts_toward_the_lock_out_and_is_audited() {
    let app = spawn_app().await;
    let user = UserBuilder::commission().create(&app);
    let session = user.browser(&app).await;
    for _ in 0..10 {
        change_password(&session, "a wrong guess")
            .await
            .assert_status(200)
            .assert_contains("The current password is incorrect.");
    }
    // Now even the right one is refused, and signing in from this address is locked too.
    change_password(&session, &user.password)
        .await
        .assert_status(200)
        .assert_contains("this account is locked. Try again in 10 minutes.");
    app.browser()
        .login(&user.login, &user.password)
        .await
        .assert_contains("this account is locked.");
    let actions = actions_on(&app, &user.id);
    let count = |a: &str| actions.iter().filter(|x| *x == a).count();
    assert_eq!(count("user.password_change_failed"), 10);
    assert_eq!(count("auth.lockout"), 1);
    assert_eq!(count("user.password_change"), 0);
    // The administrator reads what happened.
    app.admin()
        .await
        .get("/audit")
        .await
        .assert_contains("Wrong current password when changing the password");
}

#[tokio::test]
async fn guesses_from_one_address_do_not_lock_the_owner_out_from_another() {
    let app = AppBuilder::new().trust_proxy().spawn().await;
    let attacker = app.browser();
    for _ in 0..10 {
        login_from(&attacker, "203.0.113.9", "admin", "guess guess guess")
            .await
            .assert_contains("The login or password is incorrect.");
    }
    login_from(&attacker, "203.0.113.9", "admin", ADMIN_PASSWORD)
        .await
        .assert_status(200)
        .assert_contains("this account is locked.");
    // The administrator, elsewhere, signs in as usual.
    login_from(&app.browser(), "198.51.100.7", "admin", ADMIN_PASSWORD)
        .await
        .assert_redirect("/admin/users");
}

#[tokio::test]
async fn a_failed_sign_in_does_the_same_work_whether_or_not_the_login_exists() {
    let app = spawn_app().await;
    let token = app.csrf_token().await;
    let attempt = |login: &'static str| {
        let token = token.clone();
        let app = &app;
        async move {
            app.server_db.query_log().start();
            app.post_form_without_token(
                "/login",
                &[
                    ("csrf_token", token.as_str()),
                    ("login", login),
                    ("password", "not the password"),
                ],
            )
            .await
            .assert_contains("The login or password is incorrect.");
            app.server_db.query_log().stop()
        }
    };
    let known = attempt("admin").await;
    let unknown = attempt("nobody-by-this-name").await;
    // The same statements (the password is checked against a hash either way), less the
    // audit event, which is written only for a real account.
    let known: Vec<String> = known
        .into_iter()
        .filter(|s| !s.contains("audit_events"))
        .collect();
    assert!(
        unknown.iter().any(|s| s.contains("login_failures")),
        "{unknown:#?}"
    );
    assert_eq!(known, unknown);
}

#[tokio::test]
async fn flash_messages_show_over_plain_http_and_are_secure_when_asked() {
    for secure in [false, true] {
        let app = AppBuilder::new().secure_cookies(secure).spawn().await;
        let user = UserBuilder::commission().create(&app);
        let b = user.browser(&app).await;
        let changed = change_password(&b, &user.password).await;
        changed.assert_redirect("/");
        let flash_cookie = changed
            .headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("_flash="))
            .expect("a flash cookie")
            .to_owned();
        assert_eq!(flash_cookie.contains("Secure"), secure, "{flash_cookie}");
        if !secure {
            b.get("/")
                .await
                .assert_contains("Your password has been changed.");
        }
    }
}
