//! The local-content ledger and rule 3's 10% foreign budget.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

fn setup(app: &TestApp) -> TestContract {
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(app);
    // 1,000,000 ₸ of works, all declared domestic.
    ContractBuilder::on(&project).create(app)
}

async fn add(
    who: &Browser,
    c: &TestContract,
    category: &str,
    amount: &str,
    domestic: bool,
    certificate: &str,
) -> Page {
    let mut fields = vec![
        ("category", category),
        ("description", "Арматура А500С"),
        ("amount_tenge", amount),
        ("ct_kz_certificate", certificate),
    ];
    if domestic {
        fields.push(("is_domestic", "true"));
    }
    who.post_form(&format!("/contracts/{}/procurement", c.id), &fields)
        .await
}

#[tokio::test]
async fn foreign_purchases_up_to_ten_percent_and_not_a_tenge_more() {
    let app = spawn_app().await;
    let c = setup(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    add(&contractor, &c, "works", "600 000", true, "")
        .await
        .assert_status(303);
    add(&contractor, &c, "goods", "100 000", false, "")
        .await
        .assert_status(303);
    let refused = add(&contractor, &c, "goods", "1", false, "").await;
    refused.assert_status(200).assert_contains(
        "would bring non-domestic spending to 100,001 ₸, above the limit of 100,000 ₸ (10%)",
    );
    let page = contractor
        .get(&format!("/contracts/{}/procurement", c.id))
        .await;
    page.assert_contains("600,000")
        .assert_contains("Not domestic");
    // Recorded shares on the contract page: works 100%, goods 0%, combined 600/700.
    contractor
        .get(&format!("/contracts/{}", c.id))
        .await
        .assert_contains("<td class=\"num\">700,000</td>")
        .assert_contains("85.7%");
}

#[tokio::test]
async fn domestic_goods_need_their_ct_kz_certificate() {
    let app = spawn_app().await;
    let c = setup(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    add(&officer, &c, "goods", "10 000", true, "")
        .await
        .assert_status(200)
        .assert_contains("Domestic goods need the number of their CT-KZ certificate");
    add(&officer, &c, "goods", "10 000", true, "KZ 7100001234")
        .await
        .assert_status(303);
}

#[tokio::test]
async fn only_the_contractor_and_the_regions_officers_add_lines() {
    let app = spawn_app().await;
    let c = setup(&app);
    let member = UserBuilder::commission().create(&app).browser(&app).await;
    member
        .get(&format!("/contracts/{}/procurement", c.id))
        .await
        .assert_status(200)
        .assert_lacks("name=\"amount_tenge\"");
    add(&member, &c, "works", "1", true, "")
        .await
        .assert_status(403);
}
