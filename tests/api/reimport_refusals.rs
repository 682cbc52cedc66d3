//! The procurement and plan imports refuse a file whole and say which lines are wrong, and
//! only the people who record there may send one.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder};
use crate::helpers::spawn_app;

const LINES: &str = "category,description,amount_tenge,is_domestic,producer_bin,ct_kz_certificate";
const PLANS: &str = "month,planned_jobs,planned_center_hires";

#[tokio::test]
async fn a_procurement_file_with_a_line_over_the_foreign_limit_records_nothing_and_names_the_line()
{
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let c = ContractBuilder::on(&project).create(&app);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    let path = format!("/contracts/{}/procurement/import", c.id);
    contractor
        .get(&path)
        .await
        .assert_status(200)
        .assert_contains("ct_kz_certificate");
    // A malformed line is reported first; rule 3 is looked at once every line reads.
    let malformed = format!("{LINES}\nworks,Кладка,1000,true,,\nwhat,,x,,,\n");
    contractor
        .upload_csv(&path, malformed)
        .await
        .assert_status(200)
        .assert_contains("Nothing was imported")
        .assert_contains("<td class=\"num\">3</td>");
    // Line 3 alone is fine; line 4 takes foreign spending past 10% of the contract.
    let file = format!(
        "{LINES}\nworks,Кладка,1000,true,,\ngoods,Арматура,1,false,,\ngoods,Импорт,99999999,false,,\n"
    );
    contractor
        .upload_csv(&path, file)
        .await
        .assert_status(200)
        .assert_contains("Nothing was imported")
        .assert_contains("<td class=\"num\">4</td>")
        .assert_contains("above the limit of")
        .assert_lacks("<td class=\"num\">3</td>");
    let ledger = contractor
        .get(&format!("/contracts/{}/procurement/export.csv", c.id))
        .await;
    assert_eq!(ledger.body.lines().count(), 1, "{}", ledger.body);

    let good = format!("{LINES}\nworks,Кладка,1000,true,,\ngoods,Арматура,1,false,,\n");
    contractor.upload_csv(&path, good).await.assert_status(303);
    contractor
        .get(&format!("/contracts/{}/procurement", c.id))
        .await
        .assert_contains("Арматура");

    // Someone who does not record on the contract cannot send one.
    let other = UserBuilder::contractor("990140004654")
        .create(&app)
        .browser(&app)
        .await;
    other
        .upload_csv(&path, format!("{LINES}\nworks,Кладка,1000,true,,\n"))
        .await
        .assert_status(404);
}

#[tokio::test]
async fn a_plan_file_sets_the_months_it_names_and_refuses_bad_lines_by_number() {
    let app = spawn_app().await;
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    officer
        .upload_csv(
            "/plans/import",
            format!("{PLANS}\n2024-07,10,5\n13.2024,1,1\n2024-08,10,4\n2024-07,2,1\n"),
        )
        .await
        .assert_status(200)
        .assert_contains("<td class=\"num\">3</td>")
        .assert_contains("Write the month as 2024-07.")
        .assert_contains("<td class=\"num\">4</td>")
        .assert_contains("This month is already on line 2.");
    officer
        .get("/plans/export.csv")
        .await
        .assert_status(200)
        .assert_lacks("2024-07");

    officer
        .upload_csv(
            "/plans/import",
            format!("{PLANS}\n2024-07,10,5\n08.2024,4,2\n"),
        )
        .await
        .assert_status(303);
    // A second file changes only the months it names.
    officer
        .upload_csv("/plans/import", format!("{PLANS}\n2024-08,6,3\n"))
        .await
        .assert_status(303);
    let exported = officer.get("/plans/export.csv").await;
    exported
        .assert_contains("2024-07,10,5")
        .assert_contains("2024-08,6,3");
    officer
        .get("/plans?year=2024")
        .await
        .assert_contains("value=\"6\"");

    // The commission reads any region's plans; a contractor cannot send any.
    let commission = UserBuilder::commission().create(&app).browser(&app).await;
    assert_eq!(
        commission.get("/plans/export.csv?region=27").await.body,
        exported.body
    );
    let contractor = UserBuilder::contractor("940140000385")
        .create(&app)
        .browser(&app)
        .await;
    contractor
        .upload_csv("/plans/import", format!("{PLANS}\n2024-07,1,1\n"))
        .await
        .assert_status(403);
}
