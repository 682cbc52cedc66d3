//! Signing in and out, lock-out, rate limits and revocable sessions.

use diesel::prelude::*;
use jobmap::db::audit::AuditRow;
use jobmap::db::schema::{audit_events, sessions};

use crate::builders::UserBuilder;
use crate::helpers::{ADMIN_PASSWORD, AppBuilder, spawn_app};

#[tokio::test]
async fn sign_in_shows_who_you_are_and_sign_out_ends_it() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27")
        .full_name("Aigerim Kairatova")
        .create(&app);
    // An officer lands on their region.
    app.login(&officer.login, &officer.password)
        .await
        .assert_redirect("/regions/27");
    app.get("/")
        .await
        .assert_contains("Aigerim Kairatova")
        .assert_contains("Akimat officer")
        .assert_contains("action=\"/logout\"");

    app.logout().await.assert_redirect("/");
    app.get("/")
        .await
        .assert_contains("You have signed out.")
        .assert_contains("href=\"/login\"")
        .assert_lacks("Aigerim Kairatova");
}

#[tokio::test]
async fn after_sign_in_the_user_returns_to_the_page_they_wanted() {
    let app = spawn_app().await;
    let page = app.get("/admin/users").await;
    page.assert_redirect("/login?next=%2Fadmin%2Fusers");
    let form = app.get("/login?next=%2Fadmin%2Fusers").await;
    form.assert_contains("name=\"next\" value=\"/admin/users\"");
    app.post_form(
        "/login",
        &[
            ("login", "admin"),
            ("password", ADMIN_PASSWORD),
            ("next", "/admin/users"),
        ],
    )
    .await
    .assert_redirect("/admin/users");
    // Never off-site, whatever `next` says.
    let other = app.browser();
    other
        .post_form(
            "/login",
            &[
                ("login", "admin"),
                ("password", ADMIN_PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await
        .assert_redirect("/");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_login_get_the_same_answer() {
    let app = spawn_app().await;
    let wrong = app.login("admin", "not the password").await;
    let unknown = app.login("nobody-here", "not the password").await;
    assert_eq!(wrong.status, unknown.status);
    for page in [&wrong, &unknown] {
        page.assert_status(200)
            .assert_contains("The login or password is incorrect.")
            .assert_lacks("not the password");
    }
    // What was typed as the login is kept; the password never is.
    unknown.assert_contains("value=\"nobody-here\"");
}

#[tokio::test]
async fn ten_failures_lock_the_account_for_ten_minutes() {
    let app = spawn_app().await;
    let user = UserBuilder::commission().create(&app);
    for _ in 0..10 {
        app.login(&user.login, "wrong wrong wrong")
            .await
            .assert_contains("incorrect");
    }
    // A wrong guess while locked gets the usual answer: the lock tells nothing to someone
    // who does not know the password (nor whether the login exists).
    app.login(&user.login, "another wrong guess")
        .await
        .assert_contains("The login or password is incorrect.")
        .assert_lacks("locked");
    // The right password is refused while locked, with a clear message.
    app.login(&user.login, &user.password)
        .await
        .assert_status(200)
        .assert_contains("this account is locked. Try again in 10 minutes.");

    let mut conn = app.db.conn().unwrap();
    let actions: Vec<String> = audit_events::table
        .filter(audit_events::entity_id.eq(&user.id))
        .select(audit_events::action)
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.login_failed").count(),
        10
    );
    assert_eq!(actions.iter().filter(|a| *a == "auth.lockout").count(), 1);

    // Ten minutes later.
    let past = jobmap::db::now() - chrono::TimeDelta::seconds(1);
    diesel::sql_query("UPDATE login_failures SET locked_until = $1 WHERE account = $2")
        .bind::<diesel::sql_types::Timestamp, _>(past)
        .bind::<diesel::sql_types::Text, _>(&user.id)
        .execute(&mut conn)
        .unwrap();
    app.login(&user.login, &user.password)
        .await
        .assert_redirect("/compliance");
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_address() {
    let app = AppBuilder::new().login_per_minute(3).spawn().await;
    for _ in 0..3 {
        app.login("admin", "wrong wrong").await.assert_status(200);
    }
    let limited = app
        .browser()
        .post_form(
            "/login",
            &[("login", "admin"), ("password", ADMIN_PASSWORD)],
        )
        .await;
    limited
        .assert_status(429)
        .assert_contains("Please wait a minute before trying again.");
    assert!(limited.header("retry-after").is_some());
    // Pages other than the sign-in POST are not limited.
    app.get("/login").await.assert_status(200);
}

#[tokio::test]
async fn signing_in_starts_a_new_session_and_the_old_cookie_dies() {
    let app = spawn_app().await;
    app.login_ok("admin", ADMIN_PASSWORD).await;
    let first = app.session_cookie().expect("a session cookie");
    app.login_ok("admin", ADMIN_PASSWORD).await;
    let second = app.session_cookie().expect("a session cookie");
    assert_ne!(first, second, "a new session id at sign-in");

    let replay = app.browser();
    replay
        .get_with("/account/password", &[("cookie", &first)])
        .await
        .assert_status(303);
    replay
        .get_with("/account/password", &[("cookie", &second)])
        .await
        .assert_status(200);
}

#[tokio::test]
async fn after_logout_the_old_cookie_is_dead_on_the_server() {
    let app = spawn_app().await;
    app.login_ok("admin", ADMIN_PASSWORD).await;
    let cookie = app.session_cookie().unwrap();
    app.logout().await;
    app.browser()
        .get_with("/admin/users", &[("cookie", &cookie)])
        .await
        .assert_status(303);
    let mut conn = app.db.conn().unwrap();
    let left: i64 = sessions::table.count().get_result(&mut conn).unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_deactivated_user_is_signed_out_at_once() {
    let app = spawn_app().await;
    let user = UserBuilder::akimat("11").create(&app);
    let theirs = user.browser(&app).await;
    theirs.get("/account/password").await.assert_status(200);

    let admin = app.admin().await;
    admin
        .post_form(
            &format!("/admin/users/{}/active", user.id),
            &[("active", "false")],
        )
        .await
        .assert_redirect(&format!("/admin/users/{}", user.id));

    theirs.get("/account/password").await.assert_status(303);
    app.browser()
        .login(&user.login, &user.password)
        .await
        .assert_contains("The login or password is incorrect.");
}

#[tokio::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    let app = spawn_app().await;
    let user = UserBuilder::commission().create(&app);
    let mut conn = app.db.conn().unwrap();
    let now = jobmap::db::now();

    let idle = user.browser(&app).await;
    idle.get("/account/password").await.assert_status(200);
    // 31 minutes without a request.
    diesel::update(sessions::table)
        .set(sessions::expires_at.eq(now - chrono::TimeDelta::minutes(1)))
        .execute(&mut conn)
        .unwrap();
    idle.get("/account/password").await.assert_status(303);

    let busy = user.browser(&app).await;
    busy.get("/account/password").await.assert_status(200);
    // Active all along, but signed in 12 hours and a minute ago.
    diesel::update(sessions::table)
        .set((
            sessions::created_at.eq(now - chrono::TimeDelta::minutes(12 * 60 + 1)),
            sessions::expires_at.eq(now + chrono::TimeDelta::minutes(29)),
        ))
        .execute(&mut conn)
        .unwrap();
    busy.get("/account/password").await.assert_status(303);
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site() {
    let app = spawn_app().await;
    let page = app.login("admin", ADMIN_PASSWORD).await;
    let cookie = page
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("jobmap_session="))
        .expect("session cookie set at sign-in")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(page.location().is_some_and(|l| !l.contains("session")));
}

#[tokio::test]
async fn sign_ins_sign_outs_and_failures_are_audited_without_secrets() {
    let app = spawn_app().await;
    app.login("admin", "a wrong guess here").await;
    app.login_ok("admin", ADMIN_PASSWORD).await;
    app.logout().await;
    let mut conn = app.db.conn().unwrap();
    let rows: Vec<AuditRow> = audit_events::table
        .order(audit_events::occurred_at.asc())
        .select(AuditRow::as_select())
        .load(&mut conn)
        .unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "user.bootstrap",
            "auth.login_failed",
            "auth.login",
            "auth.logout"
        ]
    );
    assert_eq!(rows[2].ip.as_deref(), Some("127.0.0.1"));
    for row in &rows {
        let text = format!("{row:?}");
        assert!(
            !text.contains("a wrong guess") && !text.contains(ADMIN_PASSWORD),
            "{text}"
        );
        assert!(!text.contains("argon2"), "{text}");
    }
}

#[tokio::test]
async fn each_role_lands_where_it_works_unless_sent_elsewhere() {
    let app = spawn_app().await;
    for (user, home) in [
        (UserBuilder::commission().create(&app), "/compliance"),
        (UserBuilder::akimat("43").create(&app), "/regions/43"),
        (
            UserBuilder::contractor("940140000385").create(&app),
            "/contracts",
        ),
        (UserBuilder::admin().create(&app), "/admin/users"),
    ] {
        app.browser()
            .login(&user.login, &user.password)
            .await
            .assert_redirect(home);
        // A sign-in asked for by a page goes back to that page.
        let page = app
            .browser()
            .post_form(
                "/login",
                &[
                    ("login", &user.login),
                    ("password", &user.password),
                    ("next", "/projects"),
                ],
            )
            .await;
        page.assert_redirect("/projects");
    }
}
