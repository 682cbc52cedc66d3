//! Administrators create accounts, reset passwords and deactivate users from `/admin/users`.

use diesel::prelude::*;
use jobmap::db::schema::audit_events;
use jobmap::db::users;

use crate::builders::UserBuilder;
use crate::helpers::spawn_app;

#[tokio::test]
async fn an_empty_form_lists_every_problem_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let page = admin
        .post_form(
            "/admin/users",
            &[("login", "x"), ("full_name", "Dana Serikova"), ("role", "")],
        )
        .await;
    page.assert_status(200)
        .assert_contains("class=\"error-summary\"")
        .assert_contains("href=\"#login\"")
        .assert_contains("href=\"#role\"")
        .assert_contains("Enter a login of 3 to 64 characters")
        .assert_contains("Choose a role.")
        .assert_contains("value=\"Dana Serikova\"")
        .assert_contains("aria-invalid=\"true\"");
}

#[tokio::test]
async fn scope_must_fit_the_role() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    admin
        .post_form("/admin/users", &[("login", "officer1"), ("role", "akimat")])
        .await
        .assert_contains("Choose the region of the akimat officer.");
    admin
        .post_form(
            "/admin/users",
            &[
                ("login", "builder1"),
                ("role", "contractor"),
                ("contractor_bin", "940140000386"),
            ],
        )
        .await
        .assert_contains("the last one does not match")
        .assert_contains("value=\"940140000386\"");
    admin
        .post_form(
            "/admin/users",
            &[
                ("login", "member1"),
                ("role", "commission"),
                ("region", "27"),
            ],
        )
        .await
        .assert_contains("Only akimat officers have a region");
    admin
        .post_form(
            "/admin/users",
            &[("login", "admin"), ("role", "commission")],
        )
        .await
        .assert_contains("This login is already taken.");
    let mut conn = app.db.conn().unwrap();
    assert_eq!(users::count(&mut conn).unwrap(), 1, "nothing half-written");
}

#[tokio::test]
async fn a_new_account_gets_a_password_shown_once_that_works() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let page = admin
        .post_form(
            "/admin/users",
            &[
                ("login", "Officer.WKO"),
                ("full_name", "Marat Zhaksylykov"),
                ("role", "akimat"),
                ("region", "27"),
                ("language", "kk"),
            ],
        )
        .await;
    page.assert_status(200).assert_contains("Account created");
    let password = page
        .code_text("new-password")
        .expect("password shown")
        .to_owned();
    assert_eq!(password.len(), 20);
    assert_eq!(page.header("cache-control"), Some("no-store"));

    let officer = app.browser();
    officer.login_ok("officer.wko", &password).await;
    // The account's language wins over the browser's.
    let home = officer.get("/").await;
    assert_eq!(home.html_lang(), Some("kk"));
    home.assert_contains("Marat Zhaksylykov");

    let mut conn = app.db.conn().unwrap();
    let created = users::find_by_login(&mut conn, "officer.wko")
        .unwrap()
        .unwrap();
    assert_eq!(created.region_code.as_deref(), Some("27"));
    let after: Option<String> = audit_events::table
        .filter(audit_events::entity_id.eq(&created.id))
        .filter(audit_events::action.eq("user.create"))
        .select(audit_events::after_json)
        .first(&mut conn)
        .unwrap();
    let after = after.unwrap_or_default();
    assert!(after.contains("\"region_code\":\"27\""), "{after}");
    assert!(!after.contains(&password));
}

#[tokio::test]
async fn resetting_a_password_ends_the_users_sessions() {
    let app = spawn_app().await;
    let user = UserBuilder::contractor("990140004654").create(&app);
    let theirs = user.browser(&app).await;
    let admin = app.admin().await;
    let page = admin
        .post_form(&format!("/admin/users/{}/password", user.id), &[])
        .await;
    page.assert_contains("Password reset");
    let new_password = page.code_text("new-password").unwrap().to_owned();

    theirs.get("/account/password").await.assert_status(303);
    app.browser()
        .login(&user.login, &user.password)
        .await
        .assert_contains("incorrect");
    app.browser().login_ok(&user.login, &new_password).await;
}

#[tokio::test]
async fn the_account_page_shows_its_history_and_an_admin_cannot_lock_themselves_out() {
    let app = spawn_app().await;
    let me = UserBuilder::admin().create(&app);
    let browser = me.browser(&app).await;
    let page = browser.get(&format!("/admin/users/{}", me.id)).await;
    page.assert_status(200)
        .assert_contains("Signed in")
        .assert_lacks("Deactivate account");
    browser
        .post_form(
            &format!("/admin/users/{}/active", me.id),
            &[("active", "false")],
        )
        .await
        .assert_status(303);
    browser
        .get(&format!("/admin/users/{}", me.id))
        .await
        .assert_contains("You cannot deactivate your own account.");
    browser.get("/admin/users").await.assert_status(200);
}

#[tokio::test]
async fn an_unknown_account_is_404() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    admin.get("/admin/users/not-an-id").await.assert_status(404);
    admin
        .post_form("/admin/users/not-an-id/password", &[])
        .await
        .assert_status(404);
}
