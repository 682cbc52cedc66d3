use crate::helpers::spawn_app;

#[tokio::test]
async fn the_stylesheet_is_served_from_the_binary_and_cached() {
    let app = spawn_app().await;
    let css = app.get("/static/css/app.css").await;
    assert_eq!(css.status, 200);
    assert!(
        css.header("content-type")
            .unwrap_or_default()
            .starts_with("text/css")
    );
    css.assert_contains(".error-summary");
    let etag = css.header("etag").expect("an ETag").to_owned();

    let again = app
        .get_with("/static/css/app.css", &[("if-none-match", &etag)])
        .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
}

#[tokio::test]
async fn a_missing_asset_is_a_404_page() {
    let app = spawn_app().await;
    let page = app.get("/static/css/nothing.css").await;
    assert_eq!(page.status, 404);
    page.assert_contains("<html");
}
