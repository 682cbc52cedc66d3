//! Loading registers (issue 15): who may, every bad line listed and nothing written, a newer
//! batch for the same period superseding the old one without losing it, overlaps refused.

use diesel::prelude::*;
use jobmap::db::schema::{audit_events, register_batches, register_referrals};

use crate::builders::{UserBuilder, iin};
use crate::helpers::{TestApp, spawn_app};
use crate::verification_support::{commission, contract, hire, load, referral_checks, referrals};

fn batches(app: &TestApp) -> Vec<(String, Option<String>, i64)> {
    let mut conn = app.db.conn().unwrap();
    register_batches::table
        .order(register_batches::loaded_at)
        .select((
            register_batches::id,
            register_batches::superseded_by,
            register_batches::row_count,
        ))
        .load(&mut conn)
        .unwrap()
}

#[tokio::test]
async fn a_commission_member_loads_a_batch_and_it_is_listed_and_audited() {
    let app = spawn_app().await;
    let member = commission(&app).await;
    let file = referrals(&[
        ("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25"),
        ("ЦЗ-2", "2024-06-26", &iin(2), "27", "2024-07-26"),
    ]);
    load(&member, "referrals", "27", "2024-06", "2024-07", &file)
        .await
        .assert_redirect("/registers");
    member
        .get("/registers")
        .await
        .assert_status(200)
        .assert_contains("The batch was loaded: 2 rows.")
        .assert_contains("2024-06 – 2024-07")
        .assert_contains("letter 12/345")
        .assert_contains("In use");
    assert_eq!(batches(&app).len(), 1);
    let mut conn = app.db.conn().unwrap();
    let loads: i64 = audit_events::table
        .filter(audit_events::action.eq("register.load"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(loads, 1);
}

#[tokio::test]
async fn every_bad_line_is_listed_with_its_number_and_nothing_is_written() {
    let app = spawn_app().await;
    let member = commission(&app).await;
    let mut file = referrals(&[
        ("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25"),
        ("ЦЗ-2", "2024-06-26", "123456789012", "27", "2024-07-26"),
        ("ЦЗ-3", "26.06.2024", &iin(3), "27", "2024-07-26"),
        ("ЦЗ-4", "2024-06-26", &iin(4), "11", "2024-07-26"),
    ]);
    file.push_str("ЦЗ-5,2024-06-26\n");
    let page = load(&member, "referrals", "27", "2024-06", "2024-07", &file).await;
    page.assert_status(200)
        .assert_contains("4 problems to fix:")
        .assert_contains("<td class=\"num\">3</td><td>Worker&#39;s IIN (12 digits)</td><td>This is not a valid IIN.</td>")
        .assert_contains("<td class=\"num\">4</td>")
        .assert_contains("Enter a date as YYYY-MM-DD.")
        .assert_contains("<td class=\"num\">5</td>")
        .assert_contains("This referral was issued outside region 27")
        .assert_contains("<td class=\"num\">6</td>");
    assert!(batches(&app).is_empty());
    let mut conn = app.db.conn().unwrap();
    let rows: i64 = register_referrals::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn a_new_batch_for_the_same_period_supersedes_the_old_one_and_keeps_it() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    hire(&contractor, &c, 1, "employment_center")
        .await
        .assert_status(303);
    let member = commission(&app).await;
    let with = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25")]);
    load(&member, "referrals", "27", "2024-07", "2024-07", &with)
        .await
        .assert_redirect("/registers");
    assert_eq!(referral_checks(&app, &iin(1))[0].0, "matched");
    let without = referrals(&[("ЦЗ-9", "2024-06-25", &iin(9), "27", "2024-07-25")]);
    load(&member, "referrals", "27", "2024-07", "2024-07", &without)
        .await
        .assert_redirect("/registers");
    assert_eq!(referral_checks(&app, &iin(1))[0].0, "missing");
    let all = batches(&app);
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0].1.as_deref(),
        Some(all[1].0.as_str()),
        "the old batch names its successor"
    );
    assert_eq!(all[1].1, None);
    let mut conn = app.db.conn().unwrap();
    let kept: i64 = register_referrals::table
        .filter(register_referrals::batch_id.eq(&all[0].0))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(kept, 1, "the superseded batch's rows stay for the record");
    member.get("/registers").await.assert_contains("Replaced");
}

#[tokio::test]
async fn a_batch_overlapping_a_live_one_is_refused() {
    let app = spawn_app().await;
    let member = commission(&app).await;
    let file = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25")]);
    load(&member, "referrals", "27", "2024-06", "2024-07", &file)
        .await
        .assert_redirect("/registers");
    load(&member, "referrals", "27", "2024-07", "2024-08", &file)
        .await
        .assert_status(200)
        .assert_contains("already covers 2024-06 to 2024-07");
    // Another region's referrals are a separate register.
    let other = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "11", "2024-07-25")]);
    load(&member, "referrals", "11", "2024-07", "2024-08", &other)
        .await
        .assert_redirect("/registers");
    assert_eq!(batches(&app).len(), 2);
}

#[tokio::test]
async fn only_admins_and_commission_members_load_registers() {
    let app = spawn_app().await;
    let file = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25")]);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    load(&officer, "referrals", "27", "2024-06", "2024-06", &file)
        .await
        .assert_status(403);
    officer.get("/registers").await.assert_status(403);
    let admin = app.admin().await;
    load(&admin, "referrals", "27", "2024-06", "2024-06", &file)
        .await
        .assert_redirect("/registers");
    assert_eq!(batches(&app).len(), 1);
}

#[tokio::test]
async fn each_register_has_a_template_with_its_columns() {
    let app = spawn_app().await;
    let member = commission(&app).await;
    let page = member.get("/registers/contributions/template.csv").await;
    page.assert_status(200)
        .assert_contains("month,employer_bin,iin,amount_tenge")
        .assert_contains("2024-07,940140000385,061211600012,8500");
    member
        .get("/registers/certificates/template.csv")
        .await
        .assert_contains("number,producer_bin,product,issued_on,expires_on");
    member
        .get("/registers/nothing/template.csv")
        .await
        .assert_status(404);
}
