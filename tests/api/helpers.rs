//! Typed helpers and builders shared by the integration tests.

#![allow(dead_code)]

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use jobmap::config::Config;
use jobmap::db::Db;
use jobmap::startup::Application;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

pub const ADMIN_PASSWORD: &str = "correct horse battery staple";

/// The PostgreSQL server to test against, if the environment names one.
pub fn postgres_base_url() -> Option<String> {
    std::env::var("JOBMAP_TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

/// A database of its own for one test: a SQLite file in a temporary directory, or a new
/// PostgreSQL database that is dropped when the test ends.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { server_url: String, name: String },
}

impl TestDb {
    pub fn new() -> Self {
        match postgres_base_url() {
            Some(base) => Self::postgres(&base),
            None => Self::sqlite(),
        }
    }

    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}", dir.path().join("jobmap.db").display());
        Self {
            url,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    pub fn postgres(server_url: &str) -> Self {
        let name = format!("jobmap_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::establish(server_url).expect("connect to the test server");
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create a test database");
        Self {
            url: with_database(server_url, &name),
            cleanup: Cleanup::Postgres {
                server_url: server_url.to_owned(),
                name,
            },
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.cleanup, Cleanup::Postgres { .. })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { server_url, name } = &self.cleanup
            && let Ok(mut conn) = PgConnection::establish(server_url)
        {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// `postgres://u@h:5432/test?x=y` with the database name replaced.
pub fn with_database(server_url: &str, name: &str) -> String {
    let (base, query) = match server_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server_url, None),
    };
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let prefix = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

/// A running jobmap and a cookie-keeping client that does not follow redirects, so tests see
/// exactly what a browser would be told.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: Db,
    pub test_db: TestDb,
}

/// What a page answered: status, headers and body.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    /// Panics with the page's body when `text` is missing, so failures are readable.
    #[track_caller]
    pub fn assert_contains(&self, text: &str) -> &Self {
        assert!(
            self.body.contains(text),
            "expected {text:?} in the {} page:\n{}",
            self.status,
            self.body
        );
        self
    }

    #[track_caller]
    pub fn assert_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.body.contains(text),
            "did not expect {text:?} in the {} page:\n{}",
            self.status,
            self.body
        );
        self
    }

    pub fn html_lang(&self) -> Option<&str> {
        let start = self.body.find("<html lang=\"")? + "<html lang=\"".len();
        let len = self.body[start..].find('"')?;
        Some(&self.body[start..start + len])
    }
}

pub struct AppBuilder {
    config: Config,
    test_db: TestDb,
}

impl AppBuilder {
    pub fn new() -> Self {
        let test_db = TestDb::new();
        let mut config = Config::for_database(&test_db.url);
        config.admin_password = Some(ADMIN_PASSWORD.to_owned());
        config.secret_key = Some("test-secret-key-that-is-long-enough-for-cookies".into());
        Self { config, test_db }
    }

    pub fn admin_password(mut self, password: Option<&str>) -> Self {
        self.config.admin_password = password.map(str::to_owned);
        self
    }

    pub fn on(mut self, test_db: TestDb) -> Self {
        self.config.database_url = test_db.url.clone();
        self.test_db = test_db;
        self
    }

    pub async fn spawn(self) -> TestApp {
        let application = Application::build(self.config.clone()).expect("application starts");
        let address = format!("http://127.0.0.1:{}", application.port());
        tokio::spawn(application.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("http client");
        let db = Db::open(&self.config.database_url, 2).expect("test pool");
        TestApp {
            address,
            client,
            db,
            test_db: self.test_db,
        }
    }
}

pub async fn spawn_app() -> TestApp {
    AppBuilder::new().spawn().await
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    async fn page(response: reqwest::Response) -> Page {
        Page {
            status: response.status(),
            headers: response.headers().clone(),
            body: response.text().await.expect("response body"),
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request");
        Self::page(response).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::page(request.send().await.expect("GET request")).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.post_raw(path, "application/x-www-form-urlencoded", body.into_bytes())
            .await
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Page {
        let response = self
            .client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("POST request");
        Self::page(response).await
    }
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs SQL on the test database directly, for arranging data and checking what was stored.
pub fn sql(app: &TestApp, statements: &str) {
    app.db
        .conn()
        .expect("connection")
        .batch_execute(statements)
        .expect("SQL runs");
}
