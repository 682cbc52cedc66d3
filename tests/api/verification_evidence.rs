//! The discrepancy lists' evidence rows (issue 15): every entry shows the register records
//! that explain it (the referral found under its number, the other hire that used it, the
//! worker's registered contracts, the months paid, the certificate found), masked by role as
//! on the pages, in the export too; and a contractor reads a next step for each entry.

use chrono::{Datelike, Utc};
use jobmap::domain::identifier::mask;

use crate::builders::{UserBuilder, hire_form, iin};
use crate::helpers::{Browser, spawn_app};
use crate::verification_support::{BIN, commission, contract, hire, hire_with, load, referrals};

const PRODUCER: &str = "990140004654";

#[tokio::test]
async fn referral_entries_show_the_referral_found_and_the_other_hire_that_used_it() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    // Hire 1 quotes ЦЗ-1 (issued to worker 99), hire 2 ЦЗ-2 (not in the register), worker 3
    // ЦЗ-3 (their own) for a job ending 10 July, and again for a job from 15 July.
    for n in 1..=2 {
        hire(&contractor, &c, n, "employment_center")
            .await
            .assert_status(303);
    }
    let mut first = hire_form(3, "employment_center");
    first.push(("end_date", "2024-07-10".into()));
    hire_with(&contractor, &c, first).await.assert_status(303);
    let mut again = hire_form(3, "employment_center");
    for (name, value) in again.iter_mut() {
        if *name == "hire_date" {
            *value = "2024-07-15".to_owned();
        }
    }
    hire_with(&contractor, &c, again).await.assert_status(303);
    let member = commission(&app).await;
    let file = referrals(&[
        ("ЦЗ-1", "2024-06-25", &iin(99), "27", "2024-07-25"),
        ("ЦЗ-3", "2024-06-25", &iin(3), "27", "2024-07-25"),
    ]);
    load(&member, "referrals", "27", "2024-07", "2024-07", &file)
        .await
        .assert_redirect("/registers");

    // The commission: the register's IIN masked, as every national page masks IINs.
    let list = member.get("/verification?kind=referrals").await;
    list.assert_contains("In the registers")
        .assert_contains(&format!(
            "Referral ЦЗ-1: IIN {}, West Kazakhstan Region, Орал, issued 2024-06-25, valid until 2024-07-25",
            mask(&iin(99))
        ))
        .assert_contains("No referral ЦЗ-2 in the loaded registers")
        .assert_lacks(&iin(99))
        .assert_lacks("What to do");
    // The region's officer sees the register's IIN in full.
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .get("/verification?kind=referrals")
        .await
        .assert_contains(&format!("Referral ЦЗ-1: IIN {}", iin(99)));
    // The contractor: another person's IIN stays masked; each entry says what to do.
    let own = contractor.get("/verification?kind=referrals").await;
    own.assert_contains(&format!("Referral ЦЗ-1: IIN {}", mask(&iin(99))))
        .assert_lacks(&iin(99))
        .assert_contains("What to do")
        .assert_contains("The referral belongs to another person")
        .assert_contains("Ask the employment center to confirm the referral number");

    // Used twice: the referral, and the earlier hire that used it.
    let twice = officer.get("/verification?kind=used_twice").await;
    twice
        .assert_contains("1 item")
        .assert_contains(&format!("Referral ЦЗ-3: IIN {}", iin(3)))
        .assert_contains(&format!(
            "Also quoted by the hire of IIN {} on 2024-07-01 (contract ",
            iin(3)
        ));
    contractor
        .get("/verification?kind=used_twice")
        .await
        .assert_contains("This referral was already used for another hire");
    // The export carries the same evidence.
    officer
        .get("/verification.csv?kind=used_twice")
        .await
        .assert_contains("In the registers")
        .assert_contains(&format!("Also quoted by the hire of IIN {}", iin(3)));
}

#[tokio::test]
async fn contract_and_contribution_entries_show_the_registered_contracts_and_months_paid() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    for n in 1..=2 {
        hire(&contractor, &c, n, "employment_center")
            .await
            .assert_status(303);
    }
    let member = commission(&app).await;
    let file = format!(
        "employer_bin,iin,contract_number,start_date,end_date,position\n\
         {BIN},{},ТД-1,2024-07-20,2024-12-31,Разнорабочий\n",
        iin(1)
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
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .get("/verification?kind=contracts")
        .await
        .assert_contains("2 items")
        .assert_contains("Registered contract ТД-1 from 2024-07-20 to 2024-12-31 (Разнорабочий)")
        .assert_contains(&format!(
            "No employment contract registered for this worker with employer BIN {BIN}"
        ));
    contractor
        .get("/verification?kind=contracts")
        .await
        .assert_contains("The registered contract starts on another date")
        .assert_contains("Register this worker&#39;s employment contract");

    let mut file = String::from("month,employer_bin,iin,amount_tenge\n");
    for month in ["2024-07", "2024-09"] {
        file.push_str(&format!("{month},{BIN},{},8500\n", iin(1)));
    }
    load(&member, "contributions", "", "2024-07", "2024-09", &file)
        .await
        .assert_redirect("/registers");
    let list = officer.get("/verification?kind=contributions").await;
    list.assert_contains(&format!(
        "Contributions from BIN {BIN} paid for 2024-07, 2024-09"
    ))
    .assert_contains(&format!(
        "No contributions from BIN {BIN} in the loaded registers"
    ));
    officer
        .get("/verification.csv?kind=contributions")
        .await
        .assert_contains("paid for 2024-07, 2024-09");
}

async fn buy(who: &Browser, contract_id: &str, cert: &str) {
    let fields = [
        ("category", "goods"),
        ("description", "Арматура А500С"),
        ("amount_tenge", "100000"),
        ("is_domestic", "true"),
        ("producer_bin", PRODUCER),
        ("ct_kz_certificate", cert),
    ];
    who.post_form(&format!("/contracts/{contract_id}/procurement"), &fields)
        .await
        .assert_status(303);
}

#[tokio::test]
async fn certificate_entries_show_the_certificate_found_with_its_producer_and_expiry() {
    let app = spawn_app().await;
    let (c, contractor) = contract(&app).await;
    buy(&contractor, &c.id, "KZ-2").await;
    buy(&contractor, &c.id, "KZ-404").await;
    let first = Utc::now().date_naive().with_day(1).unwrap();
    let before = first.pred_opt().unwrap();
    let file = format!(
        "number,producer_bin,product,issued_on,expires_on\n\
         KZ-2,{BIN},Арматура,2020-01-01,2099-12-31\n"
    );
    let member = commission(&app).await;
    load(
        &member,
        "certificates",
        "",
        &before.format("%Y-%m").to_string(),
        &first.format("%Y-%m").to_string(),
        &file,
    )
    .await
    .assert_redirect("/registers");
    member
        .get("/verification?kind=certificates")
        .await
        .assert_contains("2 items")
        .assert_contains(&format!(
            "Certificate KZ-2: producer BIN {BIN}, Арматура, issued 2020-01-01, expires 2099-12-31"
        ))
        .assert_contains("No certificate KZ-404 in the loaded registers");
    contractor
        .get("/verification?kind=certificates")
        .await
        .assert_contains("The certificate names another producer")
        .assert_contains("Ask the supplier for the CT-KZ certificate");
    member
        .get("/verification.csv?kind=certificates")
        .await
        .assert_contains("Certificate KZ-2: producer BIN");
}
