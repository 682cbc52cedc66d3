//! Problems in an uploaded CSV file are named by the line a spreadsheet or text editor shows,
//! whether the file ends its lines with CRLF (what Excel saves, and our templates) or LF, and
//! after a quoted field that spans lines.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, UserBuilder, iin};
use crate::helpers::spawn_app;

const HEADER: &str = "iin,full_name,home_settlement,position,hire_date,kind,channel,referral_number,referral_date,arrived_from_other_settlement,monthly_wage_tenge";

fn row(iin: &str, n: usize, position: &str) -> String {
    format!(
        "{iin},Работник {n},Орал,{position},2024-07-01,temporary,employment_center,ЦЗ-{n},2024-06-20,false,150000"
    )
}

#[tokio::test]
async fn a_problem_after_a_multi_line_field_names_the_right_line_in_crlf_and_lf_files() {
    let app = spawn_app().await;
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(&app);
    let contract = ContractBuilder::on(&project).create(&app);
    let officer = UserBuilder::akimat("27").create(&app).browser(&app).await;
    let mut bad_iin = iin(3);
    bad_iin.replace_range(11..12, if &bad_iin[11..12] == "0" { "1" } else { "0" });
    // Line 2 holds a quoted position that goes on to line 3; the bad IIN is on line 4.
    let lf = format!(
        "{HEADER}\n{}\n{}\n",
        row(&iin(1), 1, "\"Разнорабочий,\nподсобник\""),
        row(&bad_iin, 3, "Разнорабочий"),
    );
    let crlf = lf.replace('\n', "\r\n");
    for file in [lf, crlf] {
        officer
            .upload_csv(&format!("/contracts/{}/jobs/import", contract.id), file)
            .await
            .assert_status(200)
            .assert_contains("Nothing was imported")
            .assert_contains("<td class=\"num\">4</td><td>IIN</td><td>This IIN is not valid");
    }
}
