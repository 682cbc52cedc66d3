//! Matching procurement lines against CT-KZ certificates (issue 15): found, another producer,
//! not in force on the purchase date, not found; and the verified domestic share they make.

use chrono::{Datelike, Utc};
use diesel::prelude::*;
use jobmap::db::schema::{line_verifications as lv, procurement_lines as pl};

use crate::helpers::{Browser, TestApp, spawn_app};
use crate::verification_support::{commission, contract, load};

const PRODUCER: &str = "990140004654";

async fn add(who: &Browser, contract_id: &str, category: &str, amount: &str, cert: &str) {
    let fields = [
        ("category", category),
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

/// The stored check of the line with this certificate (or, for "", the works line).
fn check(app: &TestApp, cert: &str) -> (String, String) {
    let mut conn = app.db.conn().unwrap();
    let q = lv::table
        .inner_join(pl::table)
        .select((lv::certificate, lv::reason));
    if cert.is_empty() {
        q.filter(pl::category.eq("works")).first(&mut conn).unwrap()
    } else {
        q.filter(pl::ct_kz_certificate.eq(cert))
            .first(&mut conn)
            .unwrap()
    }
}

/// This month and the one before, as the certificate batch's period: lines are purchased today.
fn period() -> (String, String, String) {
    let today = Utc::now().date_naive();
    let first = today.with_day(1).unwrap();
    let last_month_end = first.pred_opt().unwrap();
    (
        last_month_end.format("%Y-%m").to_string(),
        first.format("%Y-%m").to_string(),
        last_month_end.to_string(),
    )
}

#[tokio::test]
async fn certificates_are_matched_by_number_producer_and_date() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    add(&contractor, &c.id, "goods", "100000", "KZ-1").await;
    add(&contractor, &c.id, "goods", "50000", "KZ-2").await;
    add(&contractor, &c.id, "goods", "30000", "KZ-3").await;
    add(&contractor, &c.id, "goods", "20000", "KZ-404").await;
    add(&contractor, &c.id, "works", "100000", "").await;
    assert_eq!(check(&app, "KZ-1").0, "not_checked");
    assert_eq!(check(&app, "").0, "not_required");
    let (from, to, expired_on) = period();
    let file = format!(
        "number,producer_bin,product,issued_on,expires_on\n\
         KZ-1,{PRODUCER},Арматура,2020-01-01,2099-12-31\n\
         KZ-2,940140000385,Арматура,2020-01-01,2099-12-31\n\
         KZ-3,{PRODUCER},Арматура,2020-01-01,{expired_on}\n"
    );
    let member = commission(&app).await;
    load(&member, "certificates", "", &from, &to, &file)
        .await
        .assert_redirect("/registers");
    assert_eq!(check(&app, "KZ-1"), ("matched".into(), "".into()));
    assert_eq!(
        check(&app, "KZ-2"),
        ("mismatched".into(), "other_producer".into())
    );
    assert_eq!(
        check(&app, "KZ-3"),
        ("mismatched".into(), "not_valid_on_date".into())
    );
    assert_eq!(check(&app, "KZ-404"), ("missing".into(), "".into()));
    assert_eq!(check(&app, "").0, "not_required");
    // 100,000 of goods and 100,000 of works proven, of 300,000 recorded.
    member
        .get(&format!("/contracts/{}", c.id))
        .await
        .assert_contains("Verified against registers")
        .assert_contains("Domestic value proven by certificates</dt><dd>66.6%");
    let list = member.get("/verification?kind=certificates").await;
    list.assert_contains("3 items")
        .assert_contains("KZ-2")
        .assert_contains("issued to another producer")
        .assert_contains("not in force on the purchase date")
        .assert_contains("KZ-404")
        .assert_lacks("KZ-1<");
    // A line added after the load is checked at once.
    add(&contractor, &c.id, "goods", "10000", "KZ-1").await;
    let mut conn = app.db.conn().unwrap();
    let matched: i64 = lv::table
        .filter(lv::certificate.eq("matched"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(matched, 2);
}
