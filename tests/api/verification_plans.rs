//! The statements behind the verification pages and the verified figures read through
//! indexes, like the busiest pages' (`query_plans`), with registers loaded.

use crate::builders::{UserBuilder, iin};
use crate::helpers::spawn_app;
use crate::query_plans::{busiest_contract, explain, full_scans, seeded, statements};
use crate::verification_support::{load, referrals};

/// The tables verification adds that grow with the programme and the registers.
const GROWING: [&str; 7] = [
    "hire_verifications",
    "line_verifications",
    "register_batches",
    "register_referrals",
    "register_employment_contracts",
    "register_contributions",
    "register_certificates",
];

fn own_scans(plan: &[String]) -> Vec<String> {
    plan.iter()
        .filter(|line| {
            let line = line.trim().trim_start_matches("->").trim();
            let table = match line.strip_prefix("SCAN ") {
                Some(rest) if !rest.contains(" USING ") => rest.split(' ').next(),
                Some(_) => None,
                None => line
                    .strip_prefix("Seq Scan on ")
                    .and_then(|r| r.split(' ').next()),
            };
            table.is_some_and(|t| GROWING.contains(&t))
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn the_verification_pages_read_through_indexes() {
    let app = spawn_app().await;
    seeded(&app, 0.005);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let file = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25")]);
    // The seed loaded a referrals batch for 2023-02 to 2024-12: this one replaces it.
    load(&member, "referrals", "27", "2023-02", "2024-12", &file)
        .await
        .assert_redirect("/registers");
    let contract = busiest_contract(&app);
    let pages = [
        "/verification?kind=referrals".to_owned(),
        "/verification?kind=referrals&region=27".to_owned(),
        "/verification?kind=contributions".to_owned(),
        "/verification?kind=certificates".to_owned(),
        "/compliance".to_owned(),
        "/regions/27".to_owned(),
        format!("/contracts/{contract}"),
    ];
    let mut all = Vec::new();
    for path in &pages {
        all.extend(statements(&app, &member, path).await);
        all.extend(statements(&app, &officer, path).await);
    }
    all.sort();
    all.dedup();
    let mut conn = app.db.conn().expect("connection");
    let mut findings = Vec::new();
    for sql in &all {
        let plan = explain(&mut conn, sql);
        let mut scans = full_scans(&plan);
        scans.extend(own_scans(&plan));
        if !scans.is_empty() {
            findings.push(format!("{scans:?} in\n  {sql}\n  plan: {plan:?}"));
        }
    }
    assert!(findings.is_empty(), "{}", findings.join("\n\n"));
}
