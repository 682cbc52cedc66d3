//! Every page in Kazakh, Russian and English; the choice comes from the cookie, else the browser.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_browser_language_picks_the_page_language() {
    let app = spawn_app().await;
    for (accept, lang, heading) in [
        (
            "kk-KZ,kk;q=0.9",
            "kk",
            "Жол картасындағы Қазақстан өңірлері",
        ),
        (
            "ru-RU,ru;q=0.9,en;q=0.5",
            "ru",
            "Регионы Казахстана в Дорожной карте",
        ),
        (
            "en-GB,en;q=0.9",
            "en",
            "Regions of Kazakhstan in the Roadmap",
        ),
    ] {
        let page = app.get_with("/", &[("accept-language", accept)]).await;
        assert_eq!(page.status, 200);
        assert_eq!(page.html_lang(), Some(lang));
        page.assert_contains(heading);
    }
}

#[tokio::test]
async fn visitors_without_a_preference_get_russian() {
    let app = spawn_app().await;
    let page = app.get_with("/", &[("accept-language", "fr, de")]).await;
    assert_eq!(page.html_lang(), Some("ru"));
}

#[tokio::test]
async fn region_names_appear_in_each_language() {
    let app = spawn_app().await;
    for (accept, name) in [
        ("kk", "Батыс Қазақстан облысы"),
        ("ru", "Западно-Казахстанская область"),
        ("en", "West Kazakhstan Region"),
    ] {
        app.get_with("/", &[("accept-language", accept)])
            .await
            .assert_contains(name);
    }
}

#[tokio::test]
async fn switching_language_sets_a_cookie_that_beats_the_browser_header() {
    let app = spawn_app().await;
    let switched = app
        .post_form("/language", &[("lang", "kk"), ("next", "/?page=2")])
        .await;
    assert_eq!(switched.status, 303);
    assert_eq!(switched.location(), Some("/?page=2"));
    let cookie = switched.header("set-cookie").unwrap_or_default();
    assert!(cookie.starts_with("lang=kk"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");

    let page = app.get_with("/", &[("accept-language", "en")]).await;
    assert_eq!(page.html_lang(), Some("kk"));
    page.assert_contains("Негізгі мазмұнға өту");
}

#[tokio::test]
async fn the_language_switch_never_redirects_off_site() {
    let app = spawn_app().await;
    for next in ["https://evil.example/", "//evil.example", "/\\evil.example"] {
        let page = app
            .post_form("/language", &[("lang", "en"), ("next", next)])
            .await;
        assert_eq!(page.location(), Some("/"), "next={next}");
    }
}

#[tokio::test]
async fn every_page_offers_the_three_languages() {
    let app = spawn_app().await;
    for path in ["/", "/no-such-page"] {
        let page = app.get(path).await;
        for code in ["kk", "ru", "en"] {
            page.assert_contains(&format!("name=\"lang\" value=\"{code}\""));
        }
        page.assert_contains("action=\"/language\"");
    }
}
