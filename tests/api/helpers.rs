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
    Postgres {
        server_url: String,
        name: String,
    },
    /// Another handle on a database some other `TestDb` owns (and removes).
    Shared {
        postgres: bool,
    },
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
        matches!(
            self.cleanup,
            Cleanup::Postgres { .. } | Cleanup::Shared { postgres: true }
        )
    }

    /// The same database for a second server (another instance); the first handle removes it.
    pub fn shared(&self) -> Self {
        Self {
            url: self.url.clone(),
            cleanup: Cleanup::Shared {
                postgres: self.is_postgres(),
            },
        }
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

/// A running jobmap, a direct handle on its database, and a browser to talk to it.
pub struct TestApp {
    pub address: String,
    pub db: Db,
    /// The running server's pool, whose statements a test can record.
    pub server_db: Db,
    pub test_db: TestDb,
    /// The default browser; `app.browser()` opens more (another person, another device).
    pub web: Browser,
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

    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(self.status.as_u16(), status, "page body:\n{}", self.body);
        self
    }

    #[track_caller]
    pub fn assert_redirect(&self, to: &str) -> &Self {
        assert!(
            self.status.is_redirection(),
            "expected a redirect, got {}:\n{}",
            self.status,
            self.body
        );
        assert_eq!(self.location(), Some(to));
        self
    }

    pub fn html_lang(&self) -> Option<&str> {
        self.attribute_after("<html lang=\"")
    }

    /// The CSRF token the page's forms carry.
    pub fn csrf_token(&self) -> Option<&str> {
        self.attribute_after("name=\"csrf_token\" value=\"")
    }

    /// The text of the first `<code id="{id}">…</code>`.
    pub fn code_text(&self, id: &str) -> Option<&str> {
        let marker = format!("<code id=\"{id}\">");
        let start = self.body.find(&marker)? + marker.len();
        let len = self.body[start..].find('<')?;
        Some(&self.body[start..start + len])
    }

    /// The text between `marker` and the next `<`.
    pub fn code_text_after(&self, marker: &str) -> Option<&str> {
        let start = self.body.find(marker)? + marker.len();
        let len = self.body[start..].find('<')?;
        Some(&self.body[start..start + len])
    }

    fn attribute_after(&self, marker: &str) -> Option<&str> {
        let start = self.body.find(marker)? + marker.len();
        let len = self.body[start..].find('"')?;
        Some(&self.body[start..start + len])
    }
}

/// One person's browser: its own cookies, no automatic redirects (tests see what the browser
/// is told), and the CSRF token of its session put into every form it posts.
pub struct Browser {
    address: String,
    pub client: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl Browser {
    /// A browser on a server started elsewhere (another instance on the same database).
    pub fn at(address: &str) -> Self {
        Self::new(address)
    }

    fn new(address: &str) -> Self {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        // Tests read English unless they ask for another language.
        let mut headers = HeaderMap::new();
        headers.insert(
            "accept-language",
            reqwest::header::HeaderValue::from_static("en"),
        );
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(jar.clone())
            .default_headers(headers)
            // Below the server's keep-alive (5 s): a connection the server is closing is never
            // reused for the next request (hyper's "IncompleteMessage" on slow machines).
            .pool_idle_timeout(std::time::Duration::from_secs(3))
            .build()
            .expect("http client");
        Self {
            address: address.to_owned(),
            client,
            jar,
        }
    }

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
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::page(request.send().await.expect("GET request")).await
    }

    /// The token this browser's session puts into forms now.
    pub async fn csrf_token(&self) -> String {
        self.get("/")
            .await
            .csrf_token()
            .expect("every page carries a CSRF token")
            .to_owned()
    }

    /// Submits a form as the browser would: with this session's CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf_token().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form_without_token(path, &all).await
    }

    /// Submits exactly `fields`, for tests of the CSRF check itself.
    pub async fn post_form_without_token(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.post_raw(
            path,
            "application/x-www-form-urlencoded",
            body.into_bytes(),
            None,
        )
        .await
    }

    /// Posts a body as it is; `csrf` goes into the `X-CSRF-Token` header.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        csrf: Option<&str>,
    ) -> Page {
        let mut request = self
            .client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body);
        if let Some(token) = csrf {
            request = request.header("x-csrf-token", token);
        }
        Self::page(request.send().await.expect("POST request")).await
    }

    /// Uploads `csv` as the import forms do: the CSRF token first, then the file.
    pub async fn upload_csv(&self, path: &str, csv: impl Into<Vec<u8>>) -> Page {
        let token = self.csrf_token().await;
        let form = reqwest::multipart::Form::new()
            .text("csrf_token", token)
            .part(
                "file",
                reqwest::multipart::Part::bytes(csv.into()).file_name("upload.csv"),
            );
        let response = self
            .client
            .post(self.url(path))
            .multipart(form)
            .send()
            .await
            .expect("upload request");
        Self::page(response).await
    }

    /// `post_form` with owned values, as builders produce them.
    pub async fn post_owned(&self, path: &str, fields: &[(&str, String)]) -> Page {
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.post_form(path, &borrowed).await
    }

    pub async fn login(&self, login: &str, password: &str) -> Page {
        self.post_form("/login", &[("login", login), ("password", password)])
            .await
    }

    /// Signs in and checks it worked.
    pub async fn login_ok(&self, login: &str, password: &str) {
        let page = self.login(login, password).await;
        assert!(
            page.status.is_redirection(),
            "sign-in as {login} failed ({}):\n{}",
            page.status,
            page.body
        );
    }

    pub async fn logout(&self) -> Page {
        self.post_form("/logout", &[]).await
    }

    /// The session cookie as a `Cookie:` header value, to replay it from elsewhere.
    pub fn session_cookie(&self) -> Option<String> {
        let url = reqwest::Url::parse(&self.address).ok()?;
        let header = reqwest::cookie::CookieStore::cookies(self.jar.as_ref(), &url)?;
        header
            .to_str()
            .ok()?
            .split("; ")
            .find(|c| c.starts_with("jobmap_session="))
            .map(str::to_owned)
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
        // Generous, so tests that sign in often are not throttled; the limit has its own test.
        config.login_per_minute = 1000;
        Self { config, test_db }
    }

    pub fn admin_password(mut self, password: Option<&str>) -> Self {
        self.config.admin_password = password.map(str::to_owned);
        self
    }

    pub fn login_per_minute(mut self, n: u32) -> Self {
        self.config.login_per_minute = n;
        self
    }

    pub fn uploads_at_once(mut self, n: usize) -> Self {
        self.config.uploads_at_once = n;
        self
    }

    /// Client addresses from `X-Forwarded-For`, as behind a load balancer.
    pub fn trust_proxy(mut self) -> Self {
        self.config.trust_proxy = true;
        self
    }

    pub fn secure_cookies(mut self, secure: bool) -> Self {
        self.config.secure_cookies = secure;
        self
    }

    /// Stops the server's clock at `at` (UTC), to stand at any hour of Kazakhstan's day.
    pub fn clock_at(mut self, at: chrono::DateTime<chrono::Utc>) -> Self {
        self.config.fixed_now = Some(at);
        self
    }

    /// Serves the given database instead of a fresh one of the suite's backend.
    pub fn on(mut self, test_db: TestDb) -> Self {
        self.config.database_url = test_db.url.clone();
        self.test_db = test_db;
        self
    }

    /// Who may read `/metrics`: these addresses, or anyone with this bearer token.
    pub fn metrics_access(mut self, allow: &str, token: Option<&str>) -> Self {
        self.config.metrics_allow = allow.to_owned();
        self.config.metrics_token = token.map(str::to_owned);
        self
    }

    /// Requests per minute allowed to each API token.
    pub fn api_rate_per_minute(mut self, n: u32) -> Self {
        self.config.api_rate_per_minute = n;
        self
    }

    /// Largest JSON body the API reads.
    pub fn api_body_limit(mut self, bytes: usize) -> Self {
        self.config.api_body_limit_bytes = bytes;
        self
    }

    pub async fn spawn(self) -> TestApp {
        let application = Application::build(self.config.clone()).expect("application starts");
        let address = format!("http://127.0.0.1:{}", application.port());
        let server_db = application.db();
        tokio::spawn(application.run_until_stopped());
        let db = Db::open(&self.config.database_url, 2).expect("test pool");
        // Tests read English, and the first admin's pages follow its account language.
        sql_on(
            &db,
            "UPDATE users SET language = 'en' WHERE login = 'admin'",
        );
        TestApp {
            web: Browser::new(&address),
            address,
            db,
            server_db,
            test_db: self.test_db,
        }
    }
}

impl TestApp {
    /// A second server on this one's database, as a second instance behind a load balancer
    /// (same secret key, so one cookie works on both).
    pub async fn another_instance(&self) -> TestApp {
        AppBuilder::new().on(self.test_db.shared()).spawn().await
    }
}

pub async fn spawn_app() -> TestApp {
    AppBuilder::new().spawn().await
}

impl std::ops::Deref for TestApp {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.web
    }
}

impl TestApp {
    /// Another browser on the same server: another person, or the same person elsewhere.
    pub fn browser(&self) -> Browser {
        Browser::new(&self.address)
    }

    /// A fresh browser signed in as the first admin.
    pub async fn admin(&self) -> Browser {
        let b = self.browser();
        b.login_ok("admin", ADMIN_PASSWORD).await;
        b
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
    sql_on(&app.db, statements);
}

fn sql_on(db: &Db, statements: &str) {
    db.conn()
        .expect("connection")
        .batch_execute(statements)
        .expect("SQL runs");
}

/// Every row about `marker` (a region's link text, or the total's header) on the page: the
/// dashboard's main table and the tables behind its "more figures" toggle, as one line, without
/// the labels the phone layout shows.
pub fn row_of(body: &str, marker: &str) -> String {
    let name = marker.trim_end_matches("</a>");
    let rows: Vec<String> = body
        .split("<tr")
        .skip(1)
        .filter_map(|r| r.split("</tr>").next())
        .filter(|r| r.contains(marker) || r.contains(&format!(">{name}</th>")))
        .map(|r| {
            let mut row: String = r.lines().map(str::trim).collect();
            while let Some(at) = row.find(" data-label=\"") {
                let end = row[at + 13..].find('"').map_or(row.len(), |e| at + 14 + e);
                row.replace_range(at..end, "");
            }
            row.replace("class=\"num rank\"", "class=\"num\"")
        })
        .collect();
    assert!(!rows.is_empty(), "{marker} not on the page");
    rows.concat()
}
