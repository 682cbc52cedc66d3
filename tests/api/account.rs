//! Users change their own password and choose their language.

use crate::builders::UserBuilder;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_password_change_needs_the_current_one_and_a_strong_new_one() {
    let app = spawn_app().await;
    let user = UserBuilder::commission().login("member.one").create(&app);
    let browser = user.browser(&app).await;
    let page = browser
        .post_form(
            "/account/password",
            &[
                ("current_password", "not my password"),
                ("new_password", "password1"),
                ("confirm_password", "password1"),
            ],
        )
        .await;
    page.assert_status(200)
        .assert_contains("The current password is incorrect.")
        .assert_contains("This password is too common or too easy to guess.")
        .assert_contains("href=\"#current_password\"")
        .assert_lacks("value=\"password1\"");

    browser
        .post_form(
            "/account/password",
            &[
                ("current_password", &user.password),
                ("new_password", "member.one2024"),
                ("confirm_password", "member.one2024"),
            ],
        )
        .await
        .assert_contains("too easy to guess");

    browser
        .post_form(
            "/account/password",
            &[
                ("current_password", &user.password),
                ("new_password", "steppe river orchard lantern"),
                ("confirm_password", "steppe river orchard lantern!"),
            ],
        )
        .await
        .assert_contains("The two new passwords are different.");
}

#[tokio::test]
async fn a_changed_password_signs_out_other_sessions_but_not_this_one() {
    let app = spawn_app().await;
    let user = UserBuilder::akimat("43").create(&app);
    let laptop = user.browser(&app).await;
    let phone = user.browser(&app).await;
    let new_password = "steppe river orchard lantern";
    laptop
        .post_form(
            "/account/password",
            &[
                ("current_password", &user.password),
                ("new_password", new_password),
                ("confirm_password", new_password),
            ],
        )
        .await
        .assert_redirect("/");
    laptop
        .get("/")
        .await
        .assert_contains("Your password has been changed.");
    laptop.get("/account/password").await.assert_status(200);
    phone.get("/account/password").await.assert_status(303);
    app.browser()
        .login(&user.login, &user.password)
        .await
        .assert_contains("incorrect");
    app.browser().login_ok(&user.login, new_password).await;
}

#[tokio::test]
async fn a_signed_in_users_language_is_kept_on_the_account() {
    let app = spawn_app().await;
    let user = UserBuilder::commission().create(&app);
    let desktop = user.browser(&app).await;
    desktop
        .post_form("/language", &[("lang", "kk"), ("next", "/")])
        .await
        .assert_redirect("/");
    // Another device, whose browser prefers English.
    let tablet = user.browser(&app).await;
    let page = tablet.get_with("/", &[("accept-language", "en")]).await;
    assert_eq!(page.html_lang(), Some("kk"));
}
