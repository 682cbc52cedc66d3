//! `jobmap seed` and `jobmap demo` come with registers consistent with their hires and a
//! planted discrepancy of every kind (issue 15; README, Verification).

use jobmap::seed::{self, Options};

use crate::builders::UserBuilder;
use crate::helpers::{TestApp, spawn_app};

fn seeded(app: &TestApp, spec: &seed::Spec) -> seed::Summary {
    let mut conn = app.db.conn().expect("connection");
    let opts = Options {
        replace: false,
        password: Some("Demo-Roadmap-2020-kz".into()),
        clock: Default::default(),
    };
    seed::load(&mut conn, spec, &opts).expect("seeded")
}

#[tokio::test]
async fn a_seed_lists_a_discrepancy_of_every_kind_and_matches_the_rest() {
    let app = spawn_app().await;
    let summary = seeded(&app, &seed::national::spec(0.01));
    assert_eq!(summary.hires_checked, summary.jobs);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    for kind in [
        "referrals",
        "used_twice",
        "contracts",
        "contributions",
        "certificates",
    ] {
        let page = member.get(&format!("/verification?kind={kind}")).await;
        page.assert_status(200);
        assert!(
            !page.body.contains("<p>0 items"),
            "{kind}: no discrepancy listed"
        );
        let export = member.get(&format!("/verification.csv?kind={kind}")).await;
        // The header, and only the planted discrepancies: the generated registers agree with
        // the generated hires otherwise.
        let rows = export.body.lines().count() - 1;
        assert!(
            (1..=3).contains(&rows),
            "{kind}: {rows} rows\n{}",
            export.body
        );
    }
    // The registers are listed on the registers page, one referrals batch per region.
    member
        .get("/registers")
        .await
        .assert_contains("generated (ENPF)")
        .assert_contains("generated (employment centers)");
}

#[tokio::test]
async fn the_demo_comes_with_its_registers_too() {
    let app = spawn_app().await;
    let mut spec = seed::demo::spec().expect("the demo's targets");
    spec.regions.retain(|r| r.code == "27");
    seeded(&app, &spec);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    for kind in ["referrals", "contracts", "certificates"] {
        let page = member.get(&format!("/verification?kind={kind}")).await;
        assert!(!page.body.contains("<p>0 items"), "{kind}");
    }
}
