//! Uploads cannot be used to make the server hold memory: a multipart body is refused from its
//! headers, unread, anywhere but on an upload form and from anyone not signed in; the CSRF
//! token is the form's first part; and only a few uploads are received at once.

use std::io::{Read, Write};
use std::net::TcpStream;

use diesel::prelude::*;
use jobmap::db::schema::projects;
use reqwest::multipart::{Form, Part};

use crate::builders::UserBuilder;
use crate::helpers::{AppBuilder, Browser, spawn_app};

const BOUNDARY: &str = "jobmapboundary7MA4YWxkTrZu0gW";
const PROJECTS_HEADER: &str = "code,title,district,settlement,latitude,longitude,direction,work_type,funding_source,budget_tenge,planned_jobs,planned_center_hires,planned_permanent_jobs,planned_start,planned_end";

/// What came back to a request whose body was only partly sent.
struct Answer {
    status: u16,
    head: String,
}

/// Opens a connection, announces a body of `declared` bytes, sends only `sent`, and reads
/// the answer while the rest of the body is still owed. A server that waited for the whole
/// body would not answer; the read then gives up (after a minute) and the test fails.
fn send_part_of_a_body(address: &str, path: &str, cookie: Option<&str>, sent: &[u8]) -> Answer {
    let mut stream = start_upload(address, path, cookie, sent, 31 * 1024 * 1024);
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .expect("read timeout");
    let mut received = Vec::new();
    let mut buf = [0u8; 4096];
    while !received.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => received.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&received).into_owned();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok());
    match status {
        Some(status) => Answer { status, head },
        None => panic!("no answer to a partly sent body on {path}: the server waited for the body"),
    }
}

fn start_upload(
    address: &str,
    path: &str,
    cookie: Option<&str>,
    sent: &[u8],
    declared: usize,
) -> TcpStream {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect");
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {declared}\r\n"
    );
    if let Some(cookie) = cookie {
        head.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("send the head");
    stream.write_all(sent).expect("send part of the body");
    stream
}

/// The start of a multipart body: the token part (when given), then a file part's first bytes.
fn body_start(token: Option<&str>) -> Vec<u8> {
    let mut body = String::new();
    if let Some(token) = token {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n"
    ));
    let mut bytes = body.into_bytes();
    bytes.extend(std::iter::repeat_n(b'x', 8 * 1024));
    bytes
}

fn project_count(app: &crate::helpers::TestApp) -> i64 {
    let mut conn = app.db.conn().expect("connection");
    projects::table
        .count()
        .get_result(&mut conn)
        .expect("count")
}

fn projects_csv() -> String {
    format!(
        "{PROJECTS_HEADER}\n27-UP-1,\"Ремонт школы\",Теректинский,Фёдоровка,51.2333,51.3667,social_cultural,capital_repair,local_budget,1250000,10,5,1,2020-05-01,2020-11-30\n"
    )
}

#[tokio::test]
async fn a_visitor_cannot_make_the_server_read_an_upload() {
    let app = spawn_app().await;
    let address = app.address.clone();
    let answers = tokio::task::spawn_blocking(move || {
        [
            send_part_of_a_body(&address, "/login", None, &body_start(None)),
            send_part_of_a_body(&address, "/projects/import", None, &body_start(None)),
        ]
    })
    .await
    .expect("requests");
    // Not an upload form: refused as the wrong kind of body.
    assert_eq!(answers[0].status, 415, "{}", answers[0].head);
    // An upload form, but nobody signed in: sent to sign in first.
    assert_eq!(answers[1].status, 303, "{}", answers[1].head);
    assert!(
        answers[1].head.contains("/login?next="),
        "{}",
        answers[1].head
    );
}

#[tokio::test]
async fn a_signed_in_user_sends_files_only_to_the_upload_forms_token_first() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let token = officer.csrf_token().await;

    // A file posted to a form that takes none: refused unread.
    let cookie = officer.session_cookie().expect("signed in");
    let address = app.address.clone();
    let refused = tokio::task::spawn_blocking(move || {
        send_part_of_a_body(&address, "/projects", Some(&cookie), &body_start(None))
    })
    .await
    .expect("request");
    assert_eq!(refused.status, 415, "{}", refused.head);

    // A signed-in user whose role imports nothing there: refused unread as well.
    let commission = UserBuilder::commission().create(&app).browser(&app).await;
    let cookie = commission.session_cookie().expect("signed in");
    let address = app.address.clone();
    let forbidden = tokio::task::spawn_blocking(move || {
        send_part_of_a_body(
            &address,
            "/projects/import",
            Some(&cookie),
            &body_start(None),
        )
    })
    .await
    .expect("request");
    assert_eq!(forbidden.status, 403, "{}", forbidden.head);

    // The token after the file: refused, nothing imported.
    let file_first = Form::new()
        .part(
            "file",
            Part::bytes(projects_csv().into_bytes()).file_name("p.csv"),
        )
        .text("csrf_token", token.clone());
    let response = officer
        .client
        .post(officer.url("/projects/import"))
        .multipart(file_first)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("The form had expired or did not come from this site")
    );
    assert_eq!(project_count(&app), 0);

    // As the page's form sends it, token first: imported.
    officer
        .upload_csv("/projects/import", projects_csv())
        .await
        .assert_status(303);
    assert_eq!(project_count(&app), 1);
}

#[tokio::test]
async fn only_so_many_uploads_are_received_at_once_and_each_gives_its_place_back() {
    let app = AppBuilder::new().uploads_at_once(1).spawn().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let other = UserBuilder::akimat("27").login("akimat27b").create(&app);
    let other: Browser = other.browser(&app).await;

    // Places are given back: one upload after another is never turned away.
    for _ in 0..3 {
        officer
            .upload_csv("/projects/import", "not,a,project,file\n")
            .await
            .assert_status(200);
    }

    // One upload still coming in holds the only place...
    let token = officer.csrf_token().await;
    let cookie = officer.session_cookie().expect("signed in");
    let address = app.address.clone();
    let held = tokio::task::spawn_blocking(move || {
        start_upload(
            &address,
            "/projects/import",
            Some(&cookie),
            &body_start(Some(&token)),
            31 * 1024 * 1024,
        )
    })
    .await
    .expect("started");
    // ...so another user's upload is asked to wait (the held one may not have reached the
    // server yet on the first try: then this one goes through and we ask again).
    let mut busy = None;
    for _ in 0..50 {
        let page = other.upload_csv("/projects/import", "x\n").await;
        if page.status.as_u16() == 503 {
            busy = Some(page);
            break;
        }
    }
    let busy = busy.expect("a second upload is refused while the first holds the place");
    busy.assert_contains("Several files are being uploaded just now");
    assert_eq!(busy.header("retry-after"), Some("30"));
    drop(held);
}
