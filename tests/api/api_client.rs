//! A typed client for the integration API: a service account and token made through the use
//! cases (as an administrator would), and requests with or without the token.

#![allow(dead_code)]

use jobmap::domain::role::{Role, Scope};
use jobmap::domain::user::Login;
use jobmap::usecase::acting::Operator;
use jobmap::usecase::service_accounts::{self, NewServiceAccount, Which};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::helpers::TestApp;

/// An API answer: status, headers and body.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}), {}:\n{}", self.status, self.body))
    }

    #[track_caller]
    pub fn ok(&self) -> Value {
        assert_eq!(self.status, StatusCode::OK, "body:\n{}", self.body);
        self.json()
    }

    /// Checks the answer is a problem with this status and code, and returns it.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status.as_u16(), status, "body:\n{}", self.body);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "body:\n{}",
            self.body
        );
        let p = self.json();
        assert_eq!(p["code"], code, "{p}");
        assert_eq!(p["status"], status, "{p}");
        assert_eq!(p["type"], format!("urn:jobmap:problem:{code}"));
        assert!(p["title"].as_str().is_some_and(|t| !t.is_empty()), "{p}");
        p
    }
}

/// Requests to `/api/…` with a bearer token (or none), in English unless asked otherwise.
pub struct ApiClient {
    address: String,
    client: reqwest::Client,
    pub token: Option<String>,
}

impl ApiClient {
    async fn send(&self, request: reqwest::RequestBuilder) -> Answer {
        // The server answers in English when no language is asked for.
        let mut request = request;
        if let Some(t) = &self.token {
            request = request.bearer_auth(t);
        }
        let response = request.send().await.expect("API request");
        Answer {
            status: response.status(),
            headers: response.headers().clone(),
            body: response.text().await.expect("API body"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    pub async fn post(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) -> Answer {
        let request = self
            .client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body.into());
        self.send(request).await
    }

    pub async fn put(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) -> Answer {
        let request = self
            .client
            .put(self.url(path))
            .header("content-type", content_type)
            .body(body.into());
        self.send(request).await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Answer {
        self.post(path, "application/json", body.to_string()).await
    }

    /// A JSON write with extra headers (an `Idempotency-Key`).
    pub async fn post_json_with(
        &self,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut request = self
            .client
            .post(self.url(path))
            .header("content-type", "application/json")
            .body(body.to_string());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }
}

/// A service account the test made, and its token.
pub struct ServiceToken {
    pub account_id: String,
    pub token_id: String,
    pub token: String,
}

fn scope_of(role: Role, scope: &str) -> Scope {
    match role {
        Role::Akimat => Scope::Region(scope.to_owned()),
        Role::Contractor => Scope::Contractor(scope.to_owned()),
        Role::Admin | Role::Commission => Scope::National,
    }
}

impl TestApp {
    /// A new service account (`scope`: a region for akimat, a BIN for a contractor, ignored
    /// otherwise) with a fresh 90-day token.
    pub fn service_token(&self, name: &str, role: Role, scope: &str) -> ServiceToken {
        let mut conn = self.db.conn().expect("connection");
        let account = service_accounts::create(
            &mut conn,
            Operator::Cli,
            &NewServiceAccount {
                name: Login::parse(name).expect("valid name"),
                description: String::new(),
                role,
                scope: scope_of(role, scope),
            },
        )
        .expect("service account");
        let issued =
            service_accounts::issue_token(&mut conn, Operator::Cli, Which::Id(&account.id), "", 90)
                .expect("token");
        ServiceToken {
            account_id: account.id,
            token_id: issued.row.id,
            token: issued.token,
        }
    }

    pub fn api(&self, token: &ServiceToken) -> ApiClient {
        self.api_with(Some(token.token.clone()))
    }

    /// No token at all (open data, and refusals).
    pub fn api_anonymous(&self) -> ApiClient {
        self.api_with(None)
    }

    pub fn api_with(&self, token: Option<String>) -> ApiClient {
        ApiClient {
            address: self.address.clone(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                // Below the server's keep-alive, as the pages' test browser.
                .pool_idle_timeout(std::time::Duration::from_secs(3))
                .build()
                .expect("http client"),
            token,
        }
    }
}
