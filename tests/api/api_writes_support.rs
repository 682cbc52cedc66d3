//! What the API write tests share: a client for a service account's token (`api_client`
//! makes the account) that sends JSON with the headers a write takes (`Idempotency-Key`,
//! `If-Match`), several requests at once, and keeps the answer's bytes.

use jobmap::domain::role::{Role, Scope};
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::builders::iin;
use crate::helpers::TestApp;

/// The BIN `ContractBuilder` signs contracts under.
pub const BIN: &str = "940140000385";
/// Another valid BIN.
pub const OTHER_BIN: &str = "990140004654";

/// A service account's token, and the account.
#[derive(Clone)]
pub struct Token {
    pub account_id: String,
    pub name: String,
    pub bearer: String,
    base: String,
    client: reqwest::Client,
}

/// What the API answered.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn etag(&self) -> String {
        self.header("etag").expect("an ETag").to_owned()
    }

    /// The problem's machine code.
    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_owned()
    }

    pub fn pointers(&self) -> Vec<String> {
        self.json()["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["pointer"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A service account with a token (made by `TestApp::service_token`, as an administrator
/// would), and a client that sends it.
pub fn service_token(app: &TestApp, name: &str, role: Role, scope: Scope) -> Token {
    let scope = match scope {
        Scope::Region(r) | Scope::Contractor(r) => r,
        Scope::National => String::new(),
    };
    let made = app.service_token(name, role, &scope);
    Token {
        account_id: made.account_id,
        name: name.to_owned(),
        bearer: made.token,
        base: app.address.clone(),
        client: reqwest::Client::new(),
    }
}

pub fn contractor(app: &TestApp, name: &str, bin: &str) -> Token {
    service_token(app, name, Role::Contractor, Scope::Contractor(bin.into()))
}

impl Token {
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut req = self
            .client
            .request(method, format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.bearer)
            .header("content-type", "application/json")
            .body(body.to_string());
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.expect("the API answers");
        Answer {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await.expect("a body"),
        }
    }

    /// The same token sent to another server on the same database.
    pub fn at(&self, address: &str) -> Token {
        Token {
            base: address.to_owned(),
            ..self.clone()
        }
    }

    /// A POST that may get no answer (the server went away): `None` then.
    pub async fn try_post(&self, path: &str, body: &Value) -> Option<Answer> {
        let res = self
            .client
            .post(format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.bearer)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .ok()?;
        Some(Answer {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await.ok()?,
        })
    }

    pub async fn post(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
        self.send(reqwest::Method::POST, path, body, headers).await
    }

    /// Sends every body to `path` at once (all in flight together); the answers in order.
    pub async fn post_together(
        &self,
        path: &str,
        bodies: Vec<Value>,
        headers: &[(&str, &str)],
    ) -> Vec<Answer> {
        let headers: Vec<(String, String)> = headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let handles: Vec<_> = bodies
            .into_iter()
            .map(|body| {
                let (token, path, headers) = (self.clone(), path.to_owned(), headers.clone());
                tokio::spawn(async move {
                    let h: Vec<(&str, &str)> = headers
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    token.post(&path, &body, &h).await
                })
            })
            .collect();
        let mut answers = Vec::new();
        for h in handles {
            answers.push(h.await.expect("the request ran"));
        }
        answers
    }

    pub async fn put(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
        self.send(reqwest::Method::PUT, path, body, headers).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        let res = self
            .client
            .get(format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.bearer)
            .send()
            .await
            .expect("the API answers");
        Answer {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await.expect("a body"),
        }
    }
}

/// A valid hire of worker `n` (dated after `ContractBuilder`'s signing date).
pub fn hire(n: usize, channel: &str) -> Value {
    let mut h = serde_json::json!({
        "iin": iin(n),
        "full_name": format!("Работник Номер {n}"),
        "home_settlement": "Орал",
        "position": "Разнорабочий",
        "hire_date": "2024-07-01",
        "kind": "temporary",
        "channel": channel,
        "monthly_wage_tenge": 150000,
    });
    if channel == "employment_center" {
        h["referral_number"] = Value::from(format!("ЦЗ-{n}"));
        h["referral_date"] = Value::from("2024-06-25");
    }
    h
}

/// Jobs recorded on a contract, counted in the database.
pub fn jobs_on(app: &TestApp, contract_id: &str) -> i64 {
    use diesel::prelude::*;
    use jobmap::db::schema::jobs;
    let mut conn = app.db.conn().expect("connection");
    jobs::table
        .filter(jobs::contract_id.eq(contract_id))
        .count()
        .get_result(&mut conn)
        .expect("count")
}
