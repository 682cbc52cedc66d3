//! The discrepancy lists by role (issue 15), the verified figures beside the declared ones,
//! and the per-region setting that makes a matched referral mandatory.

use diesel::prelude::*;
use jobmap::db::schema::audit_events;
use jobmap::domain::identifier::mask;
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder, hire_form, iin};
use crate::helpers::{TestApp, spawn_app};
use crate::verification_support::{commission, contract, hire, hire_with, load, referrals};

const OTHER_BIN: &str = "990140004654";

fn audited(app: &TestApp, action: &str) -> i64 {
    let mut conn = app.db.conn().unwrap();
    audit_events::table
        .filter(audit_events::action.eq(action))
        .count()
        .get_result(&mut conn)
        .unwrap()
}

#[tokio::test]
async fn each_role_sees_its_own_discrepancies_with_personal_data_as_pages_show_it() {
    let app = spawn_app().await;
    let (a, contractor_a) = contract(&app).await;
    hire(&contractor_a, &a, 1, "employment_center")
        .await
        .assert_status(303);
    let project_b = ProjectBuilder::in_region("11")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let b = ContractBuilder::on(&project_b).bin(OTHER_BIN).create(&app);
    let contractor_b = UserBuilder::contractor(OTHER_BIN)
        .create(&app)
        .browser(&app)
        .await;
    hire(&contractor_b, &b, 2, "employment_center")
        .await
        .assert_status(303);
    let member = commission(&app).await;
    let none = referrals(&[("ЦЗ-99", "2024-06-25", &iin(99), "27", "2024-07-25")]);
    load(&member, "referrals", "27", "2024-07", "2024-07", &none)
        .await
        .assert_redirect("/registers");
    let none = referrals(&[("ЦЗ-98", "2024-06-25", &iin(98), "11", "2024-07-25")]);
    load(&member, "referrals", "11", "2024-07", "2024-07", &none)
        .await
        .assert_redirect("/registers");

    // The commission: every region, IINs masked as on every national page.
    member
        .get("/verification?kind=referrals")
        .await
        .assert_contains("2 items")
        .assert_contains(&mask(&iin(1)))
        .assert_contains(&mask(&iin(2)))
        .assert_lacks(&iin(1));
    member
        .get("/verification?kind=referrals&region=11")
        .await
        .assert_contains("1 item")
        .assert_contains(&mask(&iin(2)));
    // The region's officer: their region, in full; the region they ask for is ignored.
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .get("/verification?kind=referrals&region=11")
        .await
        .assert_contains("1 item")
        .assert_contains(&iin(1))
        .assert_lacks(&mask(&iin(2)));
    // A contractor: their own contracts, with what to do.
    contractor_a
        .get("/verification")
        .await
        .assert_contains("1 item")
        .assert_contains(&iin(1))
        .assert_contains("Check the referral number and date")
        .assert_lacks(&mask(&iin(2)));
    contractor_b
        .get("/verification")
        .await
        .assert_contains(&iin(2))
        .assert_lacks(&iin(1));
    let csv = officer.get("/verification.csv?kind=referrals").await;
    csv.assert_status(200)
        .assert_contains(&iin(1))
        .assert_contains("Not found");
    app.browser().get("/verification").await.assert_status(303);
    assert!(audited(&app, "verification.view") >= 6);
}

#[tokio::test]
async fn the_compliance_page_and_its_export_show_the_verified_figures() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    hire(&contractor, &c, 1, "employment_center")
        .await
        .assert_status(303);
    hire(&contractor, &c, 2, "employment_center")
        .await
        .assert_status(303);
    hire(&contractor, &c, 3, "direct").await.assert_status(303);
    let member = commission(&app).await;
    let file = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25")]);
    load(&member, "referrals", "27", "2024-07", "2024-07", &file)
        .await
        .assert_redirect("/registers");
    // Declared: 2 of 3 through centers; verified: 1 of 3, a breach the registers prove.
    let page = member.get(&format!("/contracts/{}", c.id)).await;
    page.assert_contains("Hires with a matched referral</dt><dd>33.3%")
        .assert_contains("Verified against registers <span class=\"tag state-breach\">");
    member
        .get("/compliance?state=all")
        .await
        .assert_contains("Verified against registers")
        .assert_contains("33.3%");
    member
        .get(&format!("/projects/{}", c.project_id))
        .await
        .assert_contains("Verified against registers")
        .assert_contains("<span class=\"muted\">33.3%</span>");
    app.browser().get("/regions/27").await.assert_contains(
        "Hires with a matched referral</dt><dd><span class=\"verified-center\">33.3%</span>",
    );
    member
        .get("/exports/compliance.csv?state=all")
        .await
        .assert_contains("Verified state")
        .assert_contains("Breached,33.3");
}

#[tokio::test]
async fn a_region_can_require_a_matched_referral_once_its_register_is_loaded() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    let admin = app.admin().await;
    let set = [("region", "27"), ("mandatory", "yes")];
    admin
        .post_form("/registers/settings", &set)
        .await
        .assert_status(303);
    admin
        .get("/registers")
        .await
        .assert_contains("No referral register has been loaded for that region yet.");
    let file = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25")]);
    load(&admin, "referrals", "27", "2024-07", "2024-07", &file)
        .await
        .assert_redirect("/registers");
    // Before the setting, an unmatched referral is recorded and only flagged.
    hire(&contractor, &c, 5, "employment_center")
        .await
        .assert_status(303);
    admin
        .post_form("/registers/settings", &set)
        .await
        .assert_status(303);
    admin
        .get("/registers")
        .await
        .assert_contains("The setting has been saved.")
        .assert_contains("Required in regions: <strong>27</strong>");
    hire(&contractor, &c, 2, "employment_center")
        .await
        .assert_status(200)
        .assert_contains("Referral ЦЗ-2 is not in the employment centers");
    hire(&contractor, &c, 1, "employment_center")
        .await
        .assert_status(303);
    // A hire whose date no batch covers yet is not held up by a lagging register.
    let mut later = hire_form(3, "employment_center");
    for (k, v) in later.iter_mut() {
        match *k {
            "hire_date" => *v = "2024-08-05".into(),
            "referral_date" => *v = "2024-08-01".into(),
            _ => {}
        }
    }
    hire_with(&contractor, &c, later).await.assert_status(303);
    assert_eq!(audited(&app, "register.settings"), 1);
    // Only an admin changes it.
    let member = commission(&app).await;
    member
        .post_form(
            "/registers/settings",
            &[("region", "27"), ("mandatory", "no")],
        )
        .await
        .assert_status(403);
}
