//! Group commit (on SQLite, several hires committed by one transaction): rules 2 and 4 stay
//! exact under many hires at once, and no hire that was answered as recorded is lost when the
//! server is killed. The same tests run on PostgreSQL, where each hire has its transaction.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use jobmap::domain::workflow::ProjectStatus;
use serde_json::Value;

use crate::api_writes_support::{Answer, BIN, Token, contractor, hire, jobs_on};
use crate::builders::{ContractBuilder, ProjectBuilder};
use crate::helpers::{TestApp, spawn_app};

/// Sends every (path, body) at once; the answers in order.
async fn post_all(token: &Token, requests: Vec<(String, Value)>) -> Vec<Answer> {
    let handles: Vec<_> = requests
        .into_iter()
        .map(|(path, body)| {
            let token = token.clone();
            tokio::spawn(async move { token.post(&path, &body, &[]).await })
        })
        .collect();
    let mut answers = Vec::new();
    for h in handles {
        answers.push(h.await.expect("the request ran"));
    }
    answers
}

#[tokio::test]
async fn fifty_direct_hires_and_twenty_of_one_worker_at_once_keep_rules_2_and_4_exact() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    // Rule 2: as many direct hires as hires via employment centers, here 20.
    let direct_on = ContractBuilder::on(&project).center_hires(20).create(&app);
    let a = ContractBuilder::on(&project).create(&app);
    let b = ContractBuilder::on(&project).create(&app);
    let hr = contractor(&app, "hr-group-commit", BIN);
    let mut requests = Vec::new();
    for n in 1..=50 {
        requests.push((
            format!("/contracts/{}/jobs", direct_on.id),
            hire(n, "direct"),
        ));
        // Rule 4, interleaved: one worker, twenty times, on two contracts.
        if n % 5 == 0 || n % 5 == 2 {
            let on = if n % 2 == 0 { &a } else { &b };
            requests.push((
                format!("/contracts/{}/jobs", on.id),
                hire(500, "employment_center"),
            ));
        }
    }
    assert_eq!(requests.len(), 70);
    let answers = post_all(&hr, requests).await;
    let direct: Vec<&Answer> = answers
        .iter()
        .filter(|a| a.status == 201 && a.json()["channel"] == "direct")
        .collect();
    assert_eq!(direct.len(), 20, "exactly the direct hires rule 2 allows");
    let center = answers
        .iter()
        .filter(|a| a.status == 201 && a.json()["channel"] == "employment_center")
        .count();
    assert_eq!(center, 1, "the worker is hired once");
    for refused in answers.iter().filter(|a| a.status != 201) {
        assert_eq!(refused.status, 422, "{}", refused.body);
        let code = refused.json()["errors"][0]["code"].clone();
        assert!(
            ["center_share", "active_job", "worker_busy"].contains(&code.as_str().unwrap_or("")),
            "{}",
            refused.body
        );
    }
    assert_eq!(jobs_on(&app, &direct_on.id), 20);
    assert_eq!(jobs_on(&app, &a.id) + jobs_on(&app, &b.id), 1);
    // The contracts' counters agree with their jobs: no refused hire left a trace.
    let counters = |c: Answer| {
        let v = c.json();
        (v["center_hires"].as_i64(), v["direct_hires"].as_i64())
    };
    let show = |id: &str| format!("/contracts/{id}");
    assert_eq!(
        counters(hr.get(&show(&direct_on.id)).await),
        (Some(20), Some(20))
    );
    let (ca, _) = counters(hr.get(&show(&a.id)).await);
    let (cb, _) = counters(hr.get(&show(&b.id)).await);
    assert_eq!(ca.unwrap_or(-1) + cb.unwrap_or(-1), 1);
}

/// `jobmap serve` on the test's database, for as long as the test keeps it.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    async fn start(app: &TestApp) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_jobmap"))
            .arg("serve")
            .env("DATABASE_URL", &app.test_db.url)
            .env("JOBMAP_BIND", format!("127.0.0.1:{port}"))
            .env(
                "JOBMAP_SECRET_KEY",
                "test-secret-key-that-is-long-enough-for-cookies",
            )
            .env("JOBMAP_API_RATE_PER_MINUTE", "1000000")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("jobmap serve starts");
        let server = Self {
            child,
            address: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(r) = reqwest::get(format!("{}/healthz", server.address)).await
                && r.status().is_success()
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("jobmap serve did not start");
    }

    /// SIGKILL: no shutdown, no flush, whatever the server was doing.
    fn kill(&mut self) {
        self.child.kill().expect("killed");
        self.child.wait().expect("reaped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn no_hire_answered_as_recorded_is_lost_when_the_server_is_killed() {
    const HIRES: usize = 2000;
    const SENDERS: usize = 32;
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let contract = ContractBuilder::on(&project).create(&app);
    let hr = contractor(&app, "hr-killed-mid-burst", BIN);
    let mut server = Server::start(&app).await;
    let to_server = hr.at(&server.address);
    let path = format!("/contracts/{}/jobs", contract.id);
    let next = Arc::new(AtomicUsize::new(0));
    let recorded = Arc::new(AtomicUsize::new(0));
    let senders: Vec<_> = (0..SENDERS)
        .map(|_| {
            let (token, path) = (to_server.clone(), path.clone());
            let (next, recorded) = (next.clone(), recorded.clone());
            tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= HIRES {
                        return acknowledged;
                    }
                    let Some(answer) = token
                        .try_post(&path, &hire(1000 + n, "employment_center"))
                        .await
                    else {
                        // No answer: the server is gone; the hire may or may not be on record.
                        continue;
                    };
                    if answer.status == 201 {
                        acknowledged.push(answer.json()["id"].as_str().unwrap_or("").to_owned());
                        recorded.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    // Killed in the middle of the burst, with hires in flight.
    while recorded.load(Ordering::Relaxed) < 100 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill();
    let mut acknowledged = Vec::new();
    for s in senders {
        acknowledged.extend(s.await.expect("the sender ran"));
    }
    assert!(acknowledged.len() >= 100);
    assert!(
        acknowledged.len() < HIRES,
        "the kill came before the burst ended"
    );
    // Started again on the same database, the server has every hire it acknowledged.
    let server = Server::start(&app).await;
    let from_server = hr.at(&server.address);
    for id in &acknowledged {
        assert!(!id.is_empty());
        let job = from_server.get(&format!("/jobs/{id}")).await;
        assert_eq!(
            job.status, 200,
            "acknowledged hire {id} is missing: {}",
            job.body
        );
    }
    let on_record = jobs_on(&app, &contract.id);
    assert!(on_record >= acknowledged.len() as i64);
    // And each hire on record is whole: the contract's counter counts exactly its jobs.
    let contracts = hr.get(&format!("/contracts/{}", contract.id)).await;
    assert_eq!(contracts.status, 200, "{}", contracts.body);
    assert_eq!(
        contracts.json()["center_hires"].as_i64(),
        Some(on_record),
        "{}",
        contracts.body
    );
}
