//! A whole region leaves one jobmap as files — projects, contracts with their declared values,
//! procurement lines, hires (ended ones included) and monthly plans — each in the format its
//! import reads, goes into an empty jobmap through those imports and the approval steps, and
//! every page built from the records reads the same in both.

use diesel::prelude::*;
use jobmap::db::schema::{contracts, projects};

use crate::builders::{UserBuilder, iin};
use crate::helpers::{Browser, Page, TestApp, spawn_app};

const PROJECTS: &str = "code,title,district,settlement,latitude,longitude,direction,work_type,funding_source,budget_tenge,planned_jobs,planned_center_hires,planned_permanent_jobs,planned_start,planned_end
WKO-R-1,\"Ремонт школы №5, корпус 2\",Теректинский,Фёдоровка,51.2333,51.3667,social_cultural,capital_repair,local_budget,250000000,12,6,2,2024-05-01,30.11.2025
WKO-R-2,Дорога Ақсай – Жайық,Теректинский,Фёдоровка,51.2,51.3,social_cultural,capital_repair,local_budget,98500000,8,4,1,2024-06-01,2025-06-30
";

const CONTRACTS: &str = "project_code,contractor_bin,contractor_name,number,signed_on,amount_tenge,goods_tenge,goods_domestic_tenge,works_tenge,works_domestic_tenge,services_tenge,services_domestic_tenge
WKO-R-1,940140000385,\"ТОО «Орал, Құрылыс»\",№ 15-2024,2024-06-01,10000000,4000000,3800000,5000000,5000000,1000000,900000
WKO-R-2,940140000385,\"ТОО «Орал, Құрылыс»\",7/2024,2024-06-15,5000000,0,0,5000000,5000000,0,0
";

const LINES: [&str; 2] = [
    "category,description,amount_tenge,is_domestic,producer_bin,ct_kz_certificate
goods,Кирпич М-150,2000000,true,990140004654,KZ 7100001234
works,Кладка стен,3000000,true,,
goods,Импортная арматура,500000,false,,
services,Вывоз мусора,600000,true,,
",
    "category,description,amount_tenge,is_domestic,producer_bin,ct_kz_certificate
works,Укладка асфальта,4000000,true,,
",
];

const HIRE_HEADER: &str = "iin,full_name,home_settlement,position,hire_date,kind,channel,referral_number,referral_date,arrived_from_other_settlement,monthly_wage_tenge,end_date";

const PLANS: &str = "month,planned_jobs,planned_center_hires
2024-07,6,3
2024-08,2,1
2024-10,4,2
";

fn hire(n: usize, date: &str, channel: &str, end: &str) -> String {
    let referral = if channel == "employment_center" {
        format!("ЦЗ-{n},{date}")
    } else {
        ",".to_owned()
    };
    format!(
        "{},\"Сейтқали, Айгүл {n}\",Ақсай,Разнорабочий,{date},temporary,{channel},{referral},{},{},{end}",
        iin(n),
        n.is_multiple_of(2),
        150_000 + n * 1000
    )
}

/// Contract 1: six hires in July, one of them ended in September. Contract 2: that worker
/// again in October (rule 4 lets an ended job go), and one more who has left since.
fn hires() -> [String; 2] {
    let c = "employment_center";
    let first = [
        hire(1, "2024-07-01", c, "2024-09-30"),
        hire(2, "2024-07-02", c, ""),
        hire(3, "2024-07-03", "direct", ""),
        hire(4, "2024-07-04", c, ""),
        hire(5, "2024-07-05", "direct", ""),
        hire(6, "2024-07-08", c, ""),
    ];
    let second = [
        hire(1, "2024-10-15", c, ""),
        hire(7, "2024-10-16", "direct", ""),
        hire(8, "2024-10-17", c, "2024-11-30"),
    ];
    [
        format!("{HIRE_HEADER}\n{}\n", first.join("\n")),
        format!("{HIRE_HEADER}\n{}\n", second.join("\n")),
    ]
}

/// Everything a region's officer exports, in the import formats.
struct RegionFiles {
    projects: String,
    contracts: String,
    plans: String,
    /// By contract number: (procurement lines, hires).
    by_contract: Vec<(String, String, String)>,
}

async fn app() -> TestApp {
    spawn_app().await
}

/// Today in Almaty (UTC+5), the day the commission's decision is dated: not before the
/// submission a moment ago.
fn today() -> String {
    (chrono::Utc::now() + chrono::TimeDelta::hours(5))
        .date_naive()
        .to_string()
}

struct People {
    officer: Browser,
    commission: Browser,
}

async fn people(app: &TestApp) -> People {
    People {
        officer: UserBuilder::akimat("27")
            .login("akimat.region")
            .create(app)
            .browser(app)
            .await,
        commission: UserBuilder::commission()
            .login("commission.region")
            .create(app)
            .browser(app)
            .await,
    }
}

fn project_ids(app: &TestApp) -> Vec<(String, String)> {
    let mut conn = app.db.conn().unwrap();
    projects::table
        .order(projects::code)
        .select((projects::code, projects::id))
        .load(&mut conn)
        .unwrap()
}

fn contract_ids(app: &TestApp) -> Vec<(String, String)> {
    let mut conn = app.db.conn().unwrap();
    contracts::table
        .order(contracts::number)
        .select((contracts::number, contracts::id))
        .load(&mut conn)
        .unwrap()
}

fn version_on(page: &Page) -> String {
    page.body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the status form")
        .to_owned()
}

/// Submitted by the officer and approved by the commission, as the forms do it.
async fn approve_all(app: &TestApp, who: &People) {
    for (_, id) in project_ids(app) {
        let path = format!("/projects/{id}/status");
        let page = who.officer.get(&format!("/projects/{id}")).await;
        let version = version_on(&page);
        who.officer
            .post_form(&path, &[("action", "submit"), ("version", &version)])
            .await
            .assert_status(303);
        let page = who.commission.get(&format!("/projects/{id}")).await;
        let version = version_on(&page);
        who.commission
            .post_form(
                &path,
                &[
                    ("action", "approve"),
                    ("version", &version),
                    ("decision_number", "ИК-27/15"),
                    ("decision_date", &today()),
                    ("approved_limit", "90 000 000"),
                ],
            )
            .await
            .assert_status(303);
    }
}

/// Loads a region through the imports, the way an officer and a contractor would.
async fn load(app: &TestApp, who: &People, files: &RegionFiles) {
    let officer = &who.officer;
    officer
        .upload_csv("/projects/import", files.projects.clone())
        .await
        .assert_status(303);
    approve_all(app, who).await;
    officer
        .upload_csv("/contracts/import", files.contracts.clone())
        .await
        .assert_status(303);
    let ids = contract_ids(app);
    for (number, lines, hires) in &files.by_contract {
        let id = &ids.iter().find(|(n, _)| n == number).expect("imported").1;
        officer
            .upload_csv(
                &format!("/contracts/{id}/procurement/import"),
                lines.clone(),
            )
            .await
            .assert_status(303);
        officer
            .upload_csv(&format!("/contracts/{id}/jobs/import"), hires.clone())
            .await
            .assert_status(303);
    }
    officer
        .upload_csv("/plans/import", files.plans.clone())
        .await
        .assert_status(303);
}

async fn export(app: &TestApp, officer: &Browser) -> RegionFiles {
    let get = |path: String| async move {
        let page = officer.get(&path).await;
        page.assert_status(200);
        page.body
    };
    let mut by_contract = Vec::new();
    for (number, id) in contract_ids(app) {
        by_contract.push((
            number,
            get(format!("/contracts/{id}/procurement/export.csv")).await,
            get(format!("/contracts/{id}/jobs/export.csv")).await,
        ));
    }
    RegionFiles {
        projects: get("/projects/export.csv".into()).await,
        contracts: get("/contracts/export.csv".into()).await,
        plans: get("/plans/export.csv".into()).await,
        by_contract,
    }
}

/// A page with each database's own choices (record ids, CSRF tokens) named alike.
fn comparable(app: &TestApp, page: &Page) -> String {
    let mut body = page.body.clone();
    for (code, id) in project_ids(app) {
        body = body.replace(&id, &format!("project:{code}"));
    }
    for (number, id) in contract_ids(app) {
        body = body.replace(&id, &format!("contract:{number}"));
    }
    let marker = "name=\"csrf_token\" value=\"";
    let mut out = String::new();
    let mut rest = body.as_str();
    while let Some(at) = rest.find(marker) {
        out.push_str(&rest[..at + marker.len()]);
        rest = &rest[at + marker.len()..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn a_region_exported_as_files_imports_into_an_empty_jobmap_with_the_same_figures_everywhere()
{
    let first = app().await;
    let who = people(&first).await;
    let [hires_1, hires_2] = hires();
    let typed = RegionFiles {
        projects: PROJECTS.into(),
        contracts: CONTRACTS.into(),
        plans: PLANS.into(),
        by_contract: vec![
            ("7/2024".into(), LINES[1].into(), hires_2),
            ("№ 15-2024".into(), LINES[0].into(), hires_1),
        ],
    };
    load(&first, &who, &typed).await;
    let files = export(&first, &who.officer).await;
    // What was ended and who came back travel with the hires.
    let (_, _, hires_2) = &files.by_contract[0];
    assert!(hires_2.contains(&format!("{},", iin(1))), "{hires_2}");
    assert!(files.by_contract[1].2.contains(",2024-09-30"));
    assert!(
        files.by_contract[1]
            .1
            .contains("Импортная арматура,500000,false")
    );
    assert!(files.plans.contains("2024-10,4,2"), "{}", files.plans);

    let second = app().await;
    let who2 = people(&second).await;
    load(&second, &who2, &files).await;
    let again = export(&second, &who2.officer).await;
    assert_eq!(again.projects, files.projects);
    assert_eq!(again.contracts, files.contracts);
    assert_eq!(again.plans, files.plans);
    assert_eq!(again.by_contract, files.by_contract);

    let pages = [
        "/",
        "/?as_of=2024-07-31",
        "/?as_of=2024-10-31",
        "/map",
        "/dashboard",
        "/regions/27",
        "/regions/27?as_of=2024-09-30",
        "/compliance",
        "/projects?region=27",
        "/plans?region=27&year=2024",
    ];
    let officers = ["/projects", "/plans?year=2024"];
    let by = |p: &'static str| (p, &who.commission, &who2.commission);
    let mut asked: Vec<_> = pages.into_iter().map(by).collect();
    asked.extend(officers.map(|p| (p, &who.officer, &who2.officer)));
    for (path, one, two) in asked {
        let a = one.get(path).await;
        let b = two.get(path).await;
        assert_eq!(a.status, 200, "{path}");
        assert_eq!(
            comparable(&first, &a),
            comparable(&second, &b),
            "{path} differs"
        );
    }
    for (code, id) in project_ids(&first) {
        let id2 = &project_ids(&second)
            .into_iter()
            .find(|(c, _)| *c == code)
            .unwrap()
            .1;
        let a = who.commission.get(&format!("/projects/{id}")).await;
        let b = who2.commission.get(&format!("/projects/{id2}")).await;
        assert_eq!(
            comparable(&first, &a),
            comparable(&second, &b),
            "{code} differs"
        );
    }
}
