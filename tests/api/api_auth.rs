//! The API's door: bearer tokens only (never cookies), checked on every request, so expiry
//! and revocation take effect at once; per-token rate limits; accounts and tokens managed by
//! an administrator on the pages and at the command line, audited.

use std::process::Command;

use diesel::prelude::*;
use jobmap::db::schema::{api_tokens, audit_events};
use jobmap::domain::role::Role;
use serde_json::json;

use crate::helpers::{AppBuilder, spawn_app};

#[tokio::test]
async fn without_a_usable_token_the_api_answers_401_problems() {
    let app = spawn_app().await;
    let unknown = format!("jm_{}", "A".repeat(43));
    for token in [None, Some("garbage".to_owned()), Some(unknown)] {
        let answer = app.api_with(token).get("/api/v1/me").await;
        answer.problem(401, "unauthorized");
        assert_eq!(
            answer.header("www-authenticate"),
            Some("Bearer realm=\"jobmap\"")
        );
    }
    let t = app.service_token("hr-system", Role::Akimat, "27");
    let me = app.api(&t).get("/api/v1/me").await.ok();
    assert_eq!(me["account"], "hr-system");
    assert_eq!(me["role"], "akimat");
    assert_eq!(me["region"], "27");
}

#[tokio::test]
async fn a_signed_in_browser_session_does_not_open_the_api() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let answer = admin.get("/api/v1/me").await;
    assert_eq!(answer.status.as_u16(), 401, "{}", answer.body);
    assert_eq!(
        answer.header("content-type"),
        Some("application/problem+json")
    );
    // A cookie-only write, even with the session's CSRF token, is unauthenticated, not
    // accepted and not a CSRF page.
    let token = admin.csrf_token().await;
    let post = admin
        .post_raw(
            "/api/v1/checks/identifiers",
            "application/json",
            br#"{"iins":[]}"#.to_vec(),
            Some(&token),
        )
        .await;
    assert_eq!(post.status.as_u16(), 401, "{}", post.body);
    assert!(
        post.body.contains("\"code\":\"unauthorized\""),
        "{}",
        post.body
    );
    assert!(post.header("set-cookie").is_none());
}

#[tokio::test]
async fn an_expired_token_is_refused_on_its_next_request() {
    let app = spawn_app().await;
    let t = app.service_token("warehouse", Role::Commission, "");
    let api = app.api(&t);
    api.get("/api/v1/me").await.ok();
    let mut conn = app.db.conn().unwrap();
    diesel::update(api_tokens::table.find(&t.token_id))
        .set(api_tokens::expires_at.eq(jobmap::db::now() - chrono::TimeDelta::seconds(1)))
        .execute(&mut conn)
        .unwrap();
    api.get("/api/v1/me").await.problem(401, "unauthorized");
}

#[tokio::test]
async fn the_token_is_stored_hashed_and_its_last_use_recorded() {
    let app = spawn_app().await;
    let t = app.service_token("warehouse", Role::Commission, "");
    let mut conn = app.db.conn().unwrap();
    let (hash, used): (String, Option<chrono::NaiveDateTime>) = api_tokens::table
        .find(&t.token_id)
        .select((api_tokens::token_hash, api_tokens::last_used_at))
        .first(&mut conn)
        .unwrap();
    assert_ne!(hash, t.token);
    assert!(!hash.contains(&t.token[3..]));
    assert!(used.is_none());
    app.api(&t).get("/api/v1/regions").await.ok();
    let used: Option<chrono::NaiveDateTime> = api_tokens::table
        .find(&t.token_id)
        .select(api_tokens::last_used_at)
        .first(&mut conn)
        .unwrap();
    assert!(used.is_some());
}

#[tokio::test]
async fn an_administrator_creates_an_account_issues_a_token_once_and_revokes_it() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let created = admin
        .post_form(
            "/admin/service-accounts",
            &[
                ("name", "HR-System.Astana"),
                ("description", "HR system of the Astana akimat"),
                ("role", "akimat"),
                ("region", "71"),
                ("contractor_bin", ""),
            ],
        )
        .await;
    created.assert_status(303);
    let account = created.location().unwrap().to_owned();
    admin
        .get("/admin/service-accounts")
        .await
        .assert_contains("hr-system.astana");
    let issued = admin
        .post_form(
            &format!("{account}/tokens"),
            &[("label", "production"), ("days", "30")],
        )
        .await;
    issued
        .assert_status(200)
        .assert_contains("shown only this once");
    let token = issued.code_text("new-token").unwrap().to_owned();
    let api = app.api_with(Some(token.clone()));
    assert_eq!(api.get("/api/v1/me").await.ok()["region"], "71");

    let page = admin.get(&account).await;
    page.assert_contains(&token[..11])
        .assert_contains("Active")
        .assert_lacks(&token);
    // Refused: a lifetime outside 1..366 days, with the form's error summary.
    admin
        .post_form(
            &format!("{account}/tokens"),
            &[("label", ""), ("days", "0")],
        )
        .await
        .assert_status(200)
        .assert_contains("Enter a number of days from 1 to 366");

    let token_id: String = {
        let mut conn = app.db.conn().unwrap();
        api_tokens::table
            .filter(api_tokens::prefix.eq(&token[..11]))
            .select(api_tokens::id)
            .first(&mut conn)
            .unwrap()
    };
    admin
        .post_form(&format!("{account}/tokens/{token_id}/revoke"), &[])
        .await
        .assert_redirect(&account);
    api.get("/api/v1/me").await.problem(401, "unauthorized");
    admin.get(&account).await.assert_contains("Revoked");

    let mut conn = app.db.conn().unwrap();
    let actions: Vec<(String, String)> = audit_events::table
        .filter(audit_events::entity.eq("service_account"))
        .order(audit_events::occurred_at.asc())
        .select((audit_events::action, audit_events::actor_login))
        .load(&mut conn)
        .unwrap();
    let names: Vec<&str> = actions.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        names,
        [
            "service_account.create",
            "api_token.issue",
            "api_token.revoke"
        ]
    );
    assert!(actions.iter().all(|(_, who)| who == "admin"));
}

#[tokio::test]
async fn only_an_administrator_reaches_the_service_account_pages() {
    let app = spawn_app().await;
    let member = crate::builders::UserBuilder::commission()
        .create(&app)
        .browser(&app)
        .await;
    member
        .get("/admin/service-accounts")
        .await
        .assert_status(403);
}

#[tokio::test]
async fn each_token_has_its_own_rate_limit() {
    let app = AppBuilder::new().api_rate_per_minute(2).spawn().await;
    let a = app.service_token("system-a", Role::Commission, "");
    let b = app.service_token("system-b", Role::Commission, "");
    let api = app.api(&a);
    api.get("/api/v1/me").await.ok();
    api.get("/api/v1/me").await.ok();
    let refused = api.get("/api/v1/me").await;
    refused.problem(429, "rate_limited");
    let wait: u64 = refused
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    app.api(&b).get("/api/v1/me").await.ok();
}

#[tokio::test]
async fn the_command_line_creates_accounts_and_issues_and_revokes_tokens() {
    let app = spawn_app().await;
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_jobmap"))
            .args(args)
            .env("DATABASE_URL", &app.test_db.url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("jobmap runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&[
        "service-account",
        "create",
        "--name",
        "builder-hr",
        "--role",
        "contractor",
        "--bin",
        "940140000385",
    ]);
    let out = run(&["token", "create", "--account", "builder-hr", "--days", "7"]);
    let token = out
        .lines()
        .find(|l| l.starts_with("jm_"))
        .expect("the token is printed once")
        .to_owned();
    let api = app.api_with(Some(token.clone()));
    assert_eq!(
        api.get("/api/v1/me").await.ok()["contractor_bin"],
        "940140000385"
    );
    let listed = run(&["token", "list"]);
    assert!(
        listed.contains(&token[..11]) && !listed.contains(&token),
        "{listed}"
    );
    run(&["token", "revoke", &token[..11]]);
    api.get("/api/v1/me").await.problem(401, "unauthorized");
    let body = json!({"iins": []});
    api.post_json("/api/v1/checks/identifiers", &body)
        .await
        .problem(401, "unauthorized");
}
