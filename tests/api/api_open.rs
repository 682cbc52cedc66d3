//! Open data without a token: figures and approved projects as JSON and CSV, no personal
//! data, with an ETag that answers 304 and a Cache-Control; linked from the public pages.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder, hire_form, iin};
use crate::helpers::spawn_app;

#[tokio::test]
async fn open_projects_carry_no_personal_data_and_answer_304_when_unchanged() {
    let app = spawn_app().await;
    let approved = ProjectBuilder::in_region("27")
        .code("WKO-1")
        .jobs(10, 5)
        .status(ProjectStatus::Contracted)
        .create(&app);
    ProjectBuilder::in_region("11").code("DRAFT-1").create(&app);
    let contract = ContractBuilder::on(&approved).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    contractor
        .post_owned(
            &format!("/contracts/{}/jobs", contract.id),
            &hire_form(1, "employment_center"),
        )
        .await
        .assert_status(303);

    let open = app.api_anonymous();
    let json = open.get("/api/v1/open/projects").await;
    let body = json.ok();
    let projects = body["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 1, "drafts are not published: {body}");
    assert_eq!(projects[0]["code"], "WKO-1");
    assert_eq!(projects[0]["jobs_created"], 1);
    assert_eq!(projects[0]["planned_jobs"], 10);
    assert_eq!(projects[0]["compliance_state"], "met");
    assert!(!json.body.contains(&iin(1)) && !json.body.contains("Работник"));
    assert_eq!(json.header("cache-control"), Some("public, max-age=60"));
    assert!(json.header("set-cookie").is_none());

    let etag = json.header("etag").expect("an ETag").to_owned();
    let again = open
        .get_with("/api/v1/open/projects", &[("if-none-match", &etag)])
        .await;
    assert_eq!(again.status.as_u16(), 304);
    assert!(again.body.is_empty());

    let csv = open.get("/api/v1/open/projects.csv").await;
    assert_eq!(csv.status.as_u16(), 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv.body.contains(
        "code,title,region,direction,budget_tenge,status,planned_jobs,jobs_created,compliance_state"
    ));
    assert!(csv.body.contains("WKO-1"));
    assert_eq!(
        open.get("/api/v1/open/projects?format=csv").await.body,
        csv.body
    );
    assert_ne!(csv.header("etag"), Some(etag.as_str()));

    // A new hire changes the data, and so the tag.
    contractor
        .post_owned(
            &format!("/contracts/{}/jobs", contract.id),
            &hire_form(2, "employment_center"),
        )
        .await
        .assert_status(303);
    let changed = open
        .get_with("/api/v1/open/projects", &[("if-none-match", &etag)])
        .await;
    assert_eq!(changed.status.as_u16(), 200);
    assert_eq!(changed.json()["projects"][0]["jobs_created"], 2);
}

#[tokio::test]
async fn open_figures_come_as_json_and_csv() {
    let app = spawn_app().await;
    let open = app.api_anonymous();
    let json = open.get("/api/v1/open/figures?as_of=2024-01-31").await.ok();
    assert_eq!(json["as_of"], "2024-01-31");
    assert!(json["regions"].as_array().unwrap().len() >= 17);
    let csv = open.get("/api/v1/open/figures.csv").await;
    assert_eq!(csv.status.as_u16(), 200);
    assert!(csv.body.lines().count() >= 18, "{}", csv.body);
    assert!(csv.body.lines().last().unwrap().contains(",KZ,"));
    let etag = csv.header("etag").unwrap().to_owned();
    let again = open
        .get_with("/api/v1/open/figures.csv", &[("if-none-match", &etag)])
        .await;
    assert_eq!(again.status.as_u16(), 304);
    open.get("/api/v1/open/figures?format=xml")
        .await
        .problem(400, "invalid_query");
}

#[tokio::test]
async fn the_public_pages_link_to_the_open_data_in_each_language() {
    let app = spawn_app().await;
    let en = app.browser().get("/").await;
    en.assert_contains("href=\"/api/docs#/open\"")
        .assert_contains("Open data and the integration API");
    let ru = app
        .browser()
        .get_with("/", &[("accept-language", "ru")])
        .await;
    ru.assert_contains("Открытые данные");
}

#[tokio::test]
async fn open_figures_come_gzipped_to_those_who_take_gzip_and_say_the_same() {
    use std::io::Read;
    let app = spawn_app().await;
    let url = format!("{}/api/v1/open/figures?as_of=2024-01-31", app.address);
    let client = reqwest::Client::new();
    let plain = client.get(&url).send().await.unwrap();
    assert_eq!(plain.headers().get("content-encoding"), None);
    let plain = plain.bytes().await.unwrap();
    let zipped = client
        .get(&url)
        .header("accept-encoding", "br;q=0.5, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    assert_eq!(zipped.headers()["vary"], "Accept-Encoding");
    let zipped = zipped.bytes().await.unwrap();
    assert!(zipped.len() < plain.len());
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&zipped[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, plain.to_vec());
}
