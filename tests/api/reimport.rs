//! Exports that re-import: a region's projects and a contract's hires leave one jobmap in the
//! format their import reads, go into an empty one, and come out the same.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder, iin};
use crate::helpers::{Page, TestApp, spawn_app};

const PROJECT_HEADER: &str = "\u{feff}code,title,district,settlement,latitude,longitude,direction,work_type,funding_source,budget_tenge,planned_jobs,planned_center_hires,planned_permanent_jobs,planned_start,planned_end";
const HIRE_HEADER: &str = "iin,full_name,home_settlement,position,hire_date,kind,channel,referral_number,referral_date,arrived_from_other_settlement,monthly_wage_tenge";

/// The page without what differs per session (the CSRF token in its forms).
fn without_tokens(page: &Page) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let mut out = String::new();
    let mut rest = page.body.as_str();
    while let Some(at) = rest.find(marker) {
        out.push_str(&rest[..at + marker.len()]);
        rest = &rest[at + marker.len()..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

fn hire_line(n: usize, channel: &str, arrived: bool) -> String {
    let referral = if channel == "employment_center" {
        format!("ЦЗ-{n},2024-06-20")
    } else {
        ",".to_owned()
    };
    format!(
        "{},\"Сейтқали, Айгүл {n}\",Ақсай,Разнорабочий,2024-07-0{},temporary,{channel},{referral},{arrived},{}",
        iin(n),
        n % 9 + 1,
        150_000 + n * 1000
    )
}

fn contract_in_27(app: &TestApp) -> TestContract {
    let project = ProjectBuilder::in_region("27")
        .code("WKO-ROUND-1")
        .status(ProjectStatus::Contracted)
        .create(app);
    ContractBuilder::on(&project).create(app)
}

#[tokio::test]
async fn a_regions_projects_export_imports_into_an_empty_jobmap_unchanged() {
    let first = spawn_app().await;
    ProjectBuilder::in_region("27")
        .code("WKO-2020-001")
        .title("Ремонт школы №5, \"Ақжайық\"")
        .create(&first);
    ProjectBuilder::in_region("27")
        .code("WKO-2020-002")
        .jobs(12, 7)
        .budget(98_500_000)
        .direction("housing_communal")
        .create(&first);
    ProjectBuilder::in_region("11").code("AKM-1").create(&first);
    let officer = UserBuilder::akimat("27")
        .create(&first)
        .browser(&first)
        .await;
    let exported = officer.get("/projects/export.csv").await;
    exported.assert_status(200);
    assert!(
        exported.body.starts_with(PROJECT_HEADER),
        "{}",
        exported.body
    );
    exported
        .assert_contains("WKO-2020-002")
        .assert_lacks("AKM-1");

    // Another region's officer and a contractor are not shown region 27's list.
    let other = UserBuilder::akimat("11")
        .create(&first)
        .browser(&first)
        .await;
    other
        .get("/projects/export.csv?region=27")
        .await
        .assert_status(404);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&first)
        .browser(&first)
        .await;
    contractor
        .get("/projects/export.csv")
        .await
        .assert_status(404);
    // The commission names the region.
    let commission = UserBuilder::commission()
        .create(&first)
        .browser(&first)
        .await;
    assert_eq!(
        commission.get("/projects/export.csv?region=27").await.body,
        exported.body
    );

    let second = spawn_app().await;
    let officer2 = UserBuilder::akimat("27")
        .create(&second)
        .browser(&second)
        .await;
    officer2
        .upload_csv("/projects/import", exported.body.clone())
        .await
        .assert_status(303);
    let again = officer2.get("/projects/export.csv").await;
    assert_eq!(again.body, exported.body);
    officer2
        .get("/projects?status=draft")
        .await
        .assert_contains("WKO-2020-001")
        .assert_contains("WKO-2020-002");
}

#[tokio::test]
async fn a_contracts_hires_export_imports_into_an_empty_jobmap_with_the_same_figures() {
    let first = spawn_app().await;
    let c = contract_in_27(&first);
    let contractor = UserBuilder::contractor("940140000385")
        .create(&first)
        .browser(&first)
        .await;
    let mut csv = format!("{HIRE_HEADER}\n");
    for n in 0..12 {
        let channel = if n % 3 == 2 {
            "direct"
        } else {
            "employment_center"
        };
        csv.push_str(&hire_line(n, channel, n % 2 == 0));
        csv.push('\n');
    }
    contractor
        .upload_csv(&format!("/contracts/{}/jobs/import", c.id), csv)
        .await
        .assert_status(303);

    let exported = contractor
        .get(&format!("/contracts/{}/jobs/export.csv", c.id))
        .await;
    exported.assert_status(200);
    assert!(
        exported.body.starts_with(&format!("\u{feff}{HIRE_HEADER}")),
        "{}",
        exported.body
    );
    // Referral, home settlement and the name as recorded travel with each hire.
    exported
        .assert_contains("ЦЗ-0,2024-06-20")
        .assert_contains("Ақсай")
        .assert_contains(&iin(11))
        .assert_contains("\"Сейтқали, Айгүл 3\"");

    // Personal data in full: only for those who record on the contract.
    let commission = UserBuilder::commission()
        .login("commission.round")
        .create(&first)
        .browser(&first)
        .await;
    commission
        .get(&format!("/contracts/{}/jobs/export.csv", c.id))
        .await
        .assert_status(404);
    let officer = UserBuilder::akimat("27")
        .create(&first)
        .browser(&first)
        .await;
    assert_eq!(
        officer
            .get(&format!("/contracts/{}/jobs/export.csv", c.id))
            .await
            .body,
        exported.body
    );

    let second = spawn_app().await;
    let c2 = contract_in_27(&second);
    let contractor2 = UserBuilder::contractor("940140000385")
        .create(&second)
        .browser(&second)
        .await;
    contractor2
        .upload_csv(
            &format!("/contracts/{}/jobs/import", c2.id),
            exported.body.clone(),
        )
        .await
        .assert_status(303);
    let again = contractor2
        .get(&format!("/contracts/{}/jobs/export.csv", c2.id))
        .await;
    assert_eq!(again.body, exported.body);

    // Every page built from the figures reads the same in both.
    for path in ["/", "/?as_of=2024-07-31", "/map"] {
        let a = first.get(path).await;
        let b = second.get(path).await;
        a.assert_status(200);
        assert_eq!(without_tokens(&a), without_tokens(&b), "{path} differs");
    }
    let commission2 = UserBuilder::commission()
        .login("commission.round")
        .create(&second)
        .browser(&second)
        .await;
    for path in ["/regions/27", "/compliance"] {
        let a = commission.get(path).await;
        let b = commission2.get(path).await;
        a.assert_status(200);
        let (a, b) = (without_tokens(&a), without_tokens(&b));
        // Ids and contract numbers are the only things each database chose itself.
        let a = a.replace(&c.id, "ID").replace(&c.project_id, "PID");
        let b = b.replace(&c2.id, "ID").replace(&c2.project_id, "PID");
        assert_eq!(strip_numbers(&a), strip_numbers(&b), "{path} differs");
    }
}

/// Contract numbers come from the builder's sequence (C-1, C-2 …): blanked for comparison.
fn strip_numbers(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("C-") {
        out.push_str(&rest[..at + 2]);
        rest = rest[at + 2..].trim_start_matches(|ch: char| ch.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

const CONTRACT_HEADER: &str = "project_code,contractor_bin,contractor_name,number,signed_on,amount_tenge,goods_tenge,goods_domestic_tenge,works_tenge,works_domestic_tenge,services_tenge,services_domestic_tenge";

async fn officer_27(app: &TestApp) -> crate::helpers::Browser {
    UserBuilder::akimat("27")
        .login("akimat.round")
        .create(app)
        .browser(app)
        .await
}

#[tokio::test]
async fn a_regions_contracts_export_imports_into_an_empty_jobmap_with_declared_values() {
    let first = spawn_app().await;
    for code in ["WKO-C-1", "WKO-C-2"] {
        ProjectBuilder::in_region("27")
            .code(code)
            .status(ProjectStatus::Approved)
            .create(&first);
    }
    let officer = officer_27(&first).await;
    let csv = format!(
        "{CONTRACT_HEADER}\n\
         WKO-C-1,940140000385,\"ТОО «Орал, Құрылыс»\",№ 15-2020,2020-06-01,1000000,400000,380000,500000,500000,100000,90000\n\
         WKO-C-2,990140004654,ТОО Жайық,7/2020,2020-07-15,250000,0,0,250000,250000,0,0\n"
    );
    officer
        .upload_csv("/contracts/import", csv)
        .await
        .assert_status(303);

    // All or nothing: an unknown project, a number taken and a declared share below 90% are
    // each listed by line, and nothing is recorded.
    let bad = format!(
        "{CONTRACT_HEADER}\n\
         NO-SUCH,940140000385,ТОО А,1,2020-06-01,100,0,0,100,100,0,0\n\
         WKO-C-1,940140000385,ТОО А,№ 15-2020,2020-06-01,100,0,0,100,100,0,0\n\
         WKO-C-2,940140000385,ТОО А,9,2020-06-01,100,0,0,100,50,0,0\n"
    );
    let refused = officer.upload_csv("/contracts/import", bad.clone()).await;
    refused
        .assert_status(200)
        .assert_contains("Nothing was imported");
    // The declared share is checked before the projects are looked at: line 4 first.
    refused.assert_contains("<td class=\"num\">4</td>");
    let cut = bad.replace(
        "WKO-C-2,940140000385,ТОО А,9,2020-06-01,100,0,0,100,50,0,0\n",
        "",
    );
    let refused = officer.upload_csv("/contracts/import", cut).await;
    refused
        .assert_contains("Your region has no project with this code.")
        .assert_contains("<td class=\"num\">2</td>")
        .assert_contains("<td class=\"num\">3</td>");

    let exported = officer.get("/contracts/export.csv").await;
    exported.assert_status(200);
    assert!(
        exported
            .body
            .starts_with(&format!("\u{feff}{CONTRACT_HEADER}")),
        "{}",
        exported.body
    );
    assert_eq!(exported.body.lines().count(), 3, "{}", exported.body);
    exported.assert_contains("380000").assert_contains("7/2020");

    let second = spawn_app().await;
    for code in ["WKO-C-1", "WKO-C-2"] {
        ProjectBuilder::in_region("27")
            .code(code)
            .status(ProjectStatus::Approved)
            .create(&second);
    }
    let officer2 = officer_27(&second).await;
    officer2
        .upload_csv("/contracts/import", exported.body.clone())
        .await
        .assert_status(303);
    assert_eq!(
        officer2.get("/contracts/export.csv").await.body,
        exported.body
    );
    for path in ["/", "/map"] {
        let a = first.get(path).await;
        let b = second.get(path).await;
        assert_eq!(without_tokens(&a), without_tokens(&b), "{path} differs");
    }
}
