use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_reports_the_database_it_checked() {
    let app = spawn_app().await;
    let page = app.get("/healthz").await;
    assert_eq!(page.status, 200);
    let backend = if app.test_db.is_postgres() {
        "postgresql"
    } else {
        "sqlite"
    };
    page.assert_contains("\"status\":\"ok\"")
        .assert_contains(&format!("\"database\":\"{backend}\""));
    assert_eq!(page.header("cache-control"), Some("no-store"));
}
