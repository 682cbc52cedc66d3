//! Matching hires (issue 15): each referral rule, a referral used twice, employment contracts
//! within the tolerance, months without contributions, and "not yet checked" until a register
//! covers the hire.

use crate::builders::{hire_form, iin};
use crate::helpers::spawn_app;
use crate::verification_support::{
    BIN, checks, commission, contract, hire, hire_with, load, referral_checks, referrals,
};

#[tokio::test]
async fn a_center_hire_matches_its_referral_and_each_mismatch_is_told_apart() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    for n in 1..=5 {
        hire(&contractor, &c, n, "employment_center")
            .await
            .assert_status(303);
    }
    hire(&contractor, &c, 6, "direct").await.assert_status(303);
    let member = commission(&app).await;
    let file = referrals(&[
        ("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25"),
        ("ЦЗ-2", "2024-06-25", &iin(20), "27", "2024-07-25"),
        ("ЦЗ-4", "2024-06-01", &iin(4), "27", "2024-06-30"),
        ("ЦЗ-7", "2024-06-25", &iin(7), "27", "2024-07-25"),
    ]);
    load(&member, "referrals", "27", "2024-06", "2024-07", &file)
        .await
        .assert_redirect("/registers");
    let elsewhere = referrals(&[("ЦЗ-3", "2024-06-25", &iin(3), "11", "2024-07-25")]);
    load(&member, "referrals", "11", "2024-06", "2024-07", &elsewhere)
        .await
        .assert_redirect("/registers");
    let referral = |n: usize| {
        let (state, reason, ..) = checks(&app, &iin(n));
        (state, reason)
    };
    assert_eq!(referral(1), ("matched".into(), "".into()));
    assert_eq!(referral(2), ("mismatched".into(), "other_person".into()));
    assert_eq!(referral(3), ("mismatched".into(), "other_region".into()));
    assert_eq!(referral(4), ("mismatched".into(), "out_of_dates".into()));
    assert_eq!(referral(5), ("missing".into(), "".into()));
    assert_eq!(referral(6), ("not_required".into(), "".into()));
    // A hire recorded after the load is checked in the same transaction.
    hire(&contractor, &c, 7, "employment_center")
        .await
        .assert_status(303);
    assert_eq!(referral(7), ("matched".into(), "".into()));
}

#[tokio::test]
async fn a_referral_used_for_two_hires_counts_once() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    let mut first = hire_form(1, "employment_center");
    first.push(("end_date", "2024-07-10".into()));
    hire_with(&contractor, &c, first).await.assert_status(303);
    let mut again = hire_form(1, "employment_center");
    for (k, v) in again.iter_mut() {
        if *k == "hire_date" {
            *v = "2024-07-15".into();
        }
    }
    hire_with(&contractor, &c, again).await.assert_status(303);
    let member = commission(&app).await;
    let file = referrals(&[("ЦЗ-1", "2024-06-25", &iin(1), "27", "2024-07-25")]);
    load(&member, "referrals", "27", "2024-07", "2024-07", &file)
        .await
        .assert_redirect("/registers");
    assert_eq!(
        referral_checks(&app, &iin(1)),
        [
            ("matched".to_owned(), String::new()),
            ("mismatched".to_owned(), "used_twice".to_owned())
        ]
    );
}

#[tokio::test]
async fn hires_stay_not_yet_checked_until_a_register_covers_them() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    hire(&contractor, &c, 1, "employment_center")
        .await
        .assert_status(303);
    let nothing = (
        "not_checked".to_owned(),
        String::new(),
        "not_checked".to_owned(),
        "not_checked".to_owned(),
        String::new(),
    );
    assert_eq!(checks(&app, &iin(1)), nothing);
    let member = commission(&app).await;
    // September's referrals say nothing about a hire in July.
    let file = referrals(&[("ЦЗ-8", "2024-09-02", &iin(8), "27", "2024-10-02")]);
    load(&member, "referrals", "27", "2024-09", "2024-09", &file)
        .await
        .assert_redirect("/registers");
    assert_eq!(checks(&app, &iin(1)), nothing);
    // Nor does another region's register.
    let other = referrals(&[("ЦЗ-9", "2024-07-01", &iin(9), "11", "2024-07-30")]);
    load(&member, "referrals", "11", "2024-07", "2024-07", &other)
        .await
        .assert_redirect("/registers");
    assert_eq!(checks(&app, &iin(1)).0, "not_checked");
}

#[tokio::test]
async fn an_employment_contract_must_start_within_five_days_of_the_hire() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    for n in 1..=3 {
        hire(&contractor, &c, n, "employment_center")
            .await
            .assert_status(303);
    }
    let member = commission(&app).await;
    let file = format!(
        "employer_bin,iin,contract_number,start_date,end_date,position\n\
         {BIN},{},ТД-1,2024-07-05,,Разнорабочий\n\
         {BIN},{},ТД-2,2024-07-09,,Разнорабочий\n\
         990140004654,{},ТД-3,2024-07-01,,Разнорабочий\n",
        iin(1),
        iin(2),
        iin(3)
    );
    load(
        &member,
        "employment_contracts",
        "",
        "2024-07",
        "2024-07",
        &file,
    )
    .await
    .assert_redirect("/registers");
    assert_eq!(checks(&app, &iin(1)).2, "matched");
    assert_eq!(checks(&app, &iin(2)).2, "mismatched");
    assert_eq!(
        checks(&app, &iin(3)).2,
        "missing",
        "another employer's contract"
    );
}

#[tokio::test]
async fn months_worked_without_contributions_are_flagged() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    hire(&contractor, &c, 1, "employment_center")
        .await
        .assert_status(303);
    hire(&contractor, &c, 2, "employment_center")
        .await
        .assert_status(303);
    let member = commission(&app).await;
    let mut file = String::from("month,employer_bin,iin,amount_tenge\n");
    for (month, n) in [
        ("2024-07", 1),
        ("2024-09", 1),
        ("2024-07", 2),
        ("2024-08", 2),
        ("2024-09", 2),
    ] {
        file.push_str(&format!("{month},{BIN},{},8500\n", iin(n)));
    }
    load(&member, "contributions", "", "2024-07", "2024-09", &file)
        .await
        .assert_redirect("/registers");
    let (.., state, missing) = checks(&app, &iin(1));
    assert_eq!((state.as_str(), missing.as_str()), ("missing", "2024-08"));
    assert_eq!(checks(&app, &iin(2)).3, "matched");
}

#[tokio::test]
async fn ending_a_job_checks_its_months_again() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    let page = hire(&contractor, &c, 1, "employment_center").await;
    let job = page.location().expect("the new hire's page").to_owned();
    let member = commission(&app).await;
    let file = format!(
        "month,employer_bin,iin,amount_tenge\n2024-07,{BIN},{},8500\n",
        iin(1)
    );
    load(&member, "contributions", "", "2024-07", "2024-08", &file)
        .await
        .assert_redirect("/registers");
    assert_eq!(checks(&app, &iin(1)).4, "2024-08");
    // The job ended on 20 August: August was not worked in full, nothing is missing.
    contractor
        .post_form(
            &format!("{job}/end"),
            &[("end_date", "2024-08-20"), ("version", "1")],
        )
        .await
        .assert_status(303);
    let (.., state, missing) = checks(&app, &iin(1));
    assert_eq!((state.as_str(), missing.as_str()), ("matched", ""));
}

#[tokio::test]
async fn a_corrected_contributions_file_clears_the_month_from_the_list_at_once() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    hire(&contractor, &c, 1, "employment_center")
        .await
        .assert_status(303);
    let member = commission(&app).await;
    let first = format!(
        "month,employer_bin,iin,amount_tenge\n2024-07,{BIN},{},8500\n",
        iin(1)
    );
    load(&member, "contributions", "", "2024-07", "2024-08", &first)
        .await
        .assert_redirect("/registers");
    let before = checks(&app, &iin(1));
    assert_eq!(
        (before.3.as_str(), before.4.as_str()),
        ("missing", "2024-08")
    );
    // The commission sees a contractor's worker's IIN masked, as on every page.
    let full = iin(1);
    let shown = format!("{}******{}", &full[..4], &full[10..]);
    member
        .get("/verification?kind=contributions")
        .await
        .assert_status(200)
        .assert_contains(&shown);

    // The fund sends the period again with August paid: the new batch replaces the old one.
    let corrected = format!("{first}2024-08,{BIN},{},8500\n", iin(1));
    load(
        &member,
        "contributions",
        "",
        "2024-07",
        "2024-08",
        &corrected,
    )
    .await
    .assert_redirect("/registers");
    let after = checks(&app, &iin(1));
    assert_eq!((after.3.as_str(), after.4.as_str()), ("matched", ""));
    // The referral and employment checks are left as they were.
    assert_eq!(
        (&after.0, &after.1, &after.2),
        (&before.0, &before.1, &before.2)
    );
    member
        .get("/verification?kind=contributions")
        .await
        .assert_lacks(&shown);
}
