//! One truth for the verified figures (issue 15): after registers are loaded, the dashboard,
//! the region, project, contract and compliance pages, the dashboard and compliance exports
//! and the API (contracts, projects, compliance list, figures, open data) show the same
//! verified shares; a hire recorded afterwards moves them all at once, and the running
//! tallies they read are what the stored checks add up to.

use chrono::{Datelike, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use jobmap::domain::role::Role;
use serde_json::Value;

use crate::builders::{hire_form, iin};
use crate::helpers::{Browser, TestApp, spawn_app};
use crate::verification_support::{commission, contract, hire, hire_with, load, referrals};

const PRODUCER: &str = "990140004654";

async fn buy(who: &Browser, contract_id: &str, amount: &str, cert: &str) {
    let fields = [
        ("category", "goods"),
        ("description", "Арматура А500С"),
        ("amount_tenge", amount),
        ("is_domestic", "true"),
        ("producer_bin", PRODUCER),
        ("ct_kz_certificate", cert),
    ];
    who.post_form(&format!("/contracts/{contract_id}/procurement"), &fields)
        .await
        .assert_status(303);
}

/// Last month and this one: procurement lines are bought today.
fn this_period() -> (String, String) {
    let first = Utc::now().date_naive().with_day(1).unwrap();
    let before = first.pred_opt().unwrap();
    (
        before.format("%Y-%m").to_string(),
        first.format("%Y-%m").to_string(),
    )
}

fn region<'a>(figures: &'a Value, code: &str) -> &'a Value {
    figures["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == code)
        .unwrap_or_else(|| panic!("region {code} in {figures}"))
}

/// Every page, export and API answer shows `center` and `domestic` (as a page writes them)
/// and `center_bp`/`domestic_bp` (as the API does) for the one contract of region 27.
async fn everywhere_agree(
    app: &TestApp,
    member: &Browser,
    c: &crate::builders::TestContract,
    (center, domestic): (&str, &str),
    (center_bp, domestic_bp): (i64, i64),
    token: &crate::api_client::ServiceToken,
) {
    let dashboard = app.browser().get("/").await;
    dashboard
        .assert_contains(&format!("<span class=\"verified-center\">{center}</span>"))
        .assert_contains(&format!(
            "<span class=\"verified-domestic\">{domestic}</span>"
        ))
        .assert_contains(&format!(
            "data-label=\"Hires with a matched referral\">{center}"
        ));
    app.browser()
        .get("/regions/27")
        .await
        .assert_contains(&format!("<span class=\"verified-center\">{center}</span>"))
        .assert_contains(&format!(
            "<span class=\"verified-domestic\">{domestic}</span>"
        ));
    member
        .get(&format!("/projects/{}", c.project_id))
        .await
        .assert_contains(&format!(
            "<span class=\"muted\">{center} · {domestic}</span>"
        ));
    member
        .get(&format!("/contracts/{}", c.id))
        .await
        .assert_contains(&format!("Hires with a matched referral</dt><dd>{center}"))
        .assert_contains(&format!(
            "Domestic value proven by certificates</dt><dd>{domestic}"
        ));
    member
        .get("/compliance?state=all")
        .await
        .assert_contains(&format!(
            "<span class=\"muted\">{center} · {domestic}</span>"
        ));
    let shares = format!(
        ",{},{}",
        center.trim_end_matches('%'),
        domestic.trim_end_matches('%')
    );
    member
        .get("/exports/compliance.csv?state=all")
        .await
        .assert_contains(&shares);
    member
        .get("/exports/dashboard.csv")
        .await
        .assert_contains(&shares);

    let api = app.api(token);
    let contracts = api.get("/api/v1/contracts").await.ok();
    let v = &contracts["items"][0]["verified"];
    assert_eq!(v["center_share_bp"], center_bp, "{contracts}");
    assert_eq!(v["domestic_share_bp"], domestic_bp, "{contracts}");
    let project = api
        .get(&format!("/api/v1/projects/{}", c.project_id))
        .await
        .ok();
    let v = &project["contracts"][0]["verified"];
    assert_eq!(v["center_share_bp"], center_bp, "{project}");
    assert_eq!(v["domestic_share_bp"], domestic_bp, "{project}");
    let review = api.get("/api/v1/compliance?state=all").await.ok();
    let v = &review["items"][0]["verified"];
    assert_eq!(v["center_share_bp"], center_bp, "{review}");
    assert_eq!(v["domestic_share_bp"], domestic_bp, "{review}");
    let figures = api.get("/api/v1/figures").await.ok();
    for v in [
        &region(&figures, "27")["verified"],
        &figures["national"]["verified"],
    ] {
        assert_eq!(v["center_share_bp"], center_bp, "{figures}");
        assert_eq!(v["domestic_share_bp"], domestic_bp, "{figures}");
    }
    let open = app.api_anonymous().get("/api/v1/open/figures").await.ok();
    assert_eq!(
        region(&open, "27")["verified"]["center_share_bp"],
        center_bp,
        "{open}"
    );
    // The region and the nation are judged by the same states as the contract's verified
    // center share (one contract: the same facts).
    assert_eq!(
        region(&figures, "27")["verified"]["center_state"],
        contracts["items"][0]["verified"]["compliance"]["center"]["state"],
    );
}

#[derive(QueryableByName, Debug, PartialEq, Eq)]
struct TallyRow {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = BigInt)]
    center_matched: i64,
    #[diesel(sql_type = BigInt)]
    center_failed: i64,
    #[diesel(sql_type = BigInt)]
    proven_domestic: i64,
    #[diesel(sql_type = BigInt)]
    failed_domestic: i64,
    #[diesel(sql_type = BigInt)]
    ledger_total: i64,
    #[diesel(sql_type = BigInt)]
    ledger_domestic: i64,
}

fn stored_tallies(app: &TestApp) -> Vec<TallyRow> {
    let mut conn = app.db.conn().unwrap();
    let cols = "center_matched, center_failed, proven_domestic, failed_domestic, \
                ledger_total, ledger_domestic";
    let mut rows: Vec<TallyRow> = diesel::sql_query(format!(
        "SELECT contract_id AS key, {cols} FROM contract_verified_tallies"
    ))
    .load(&mut conn)
    .unwrap();
    rows.extend(
        diesel::sql_query(format!(
            "SELECT region_code AS key, {cols} FROM region_verified_tallies"
        ))
        .load::<TallyRow>(&mut conn)
        .unwrap(),
    );
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows
}

#[tokio::test]
async fn after_loading_registers_every_page_export_and_the_api_show_the_same_verified_figures() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    for (n, channel) in [
        (1, "employment_center"),
        (2, "employment_center"),
        (3, "direct"),
        (4, "employment_center"),
    ] {
        hire(&contractor, &c, n, channel).await.assert_status(303);
    }
    buy(&contractor, &c.id, "100000", "KZ-1").await;
    buy(&contractor, &c.id, "50000", "KZ-404").await;
    let member = commission(&app).await;
    // ЦЗ-1 matches; ЦЗ-2 was issued to someone else; ЦЗ-4 is not in the register.
    let file = referrals(&[
        ("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25"),
        ("ЦЗ-2", "2024-06-25", &iin(99), "27", "2024-07-25"),
    ]);
    load(&member, "referrals", "27", "2024-07", "2024-07", &file)
        .await
        .assert_redirect("/registers");
    let (from, to) = this_period();
    let certificates = format!(
        "number,producer_bin,product,issued_on,expires_on\n\
         KZ-1,{PRODUCER},Арматура,2020-01-01,2099-12-31\n"
    );
    load(&member, "certificates", "", &from, &to, &certificates)
        .await
        .assert_redirect("/registers");
    // 1 of 4 hires proven through a center; 100,000 of 150,000 proven domestic.
    let token = app.service_token("agree-check", Role::Commission, "");
    everywhere_agree(&app, &member, &c, ("25.0%", "66.6%"), (2500, 6666), &token).await;

    // A hire recorded after the load moves every figure at once: ЦЗ-1 used a second time.
    let mut again = hire_form(5, "employment_center");
    for (name, value) in again.iter_mut() {
        if *name == "referral_number" {
            *value = "ЦЗ-1".to_owned();
        }
    }
    hire_with(&contractor, &c, again).await.assert_status(303);
    everywhere_agree(&app, &member, &c, ("20.0%", "66.6%"), (2000, 6666), &token).await;

    // The running tallies are what the stored checks add up to.
    let kept = stored_tallies(&app);
    {
        let mut conn = app.db.conn().unwrap();
        jobmap::db::verified_tallies::rebuild(&mut conn).unwrap();
    }
    assert_eq!(kept, stored_tallies(&app));
    assert!(
        kept.iter()
            .any(|t| t.key == "27" && t.center_matched == 1 && t.center_failed == 3),
        "{kept:?}"
    );
}
