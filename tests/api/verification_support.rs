//! What the verification tests share: a contract to hire on, loading a register batch through
//! the page, and reading what matching stored.

use diesel::prelude::*;
use jobmap::db::schema::{hire_verifications as hv, jobs, workers};
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder, hire_form};
use crate::helpers::{Browser, Page, TestApp};

pub const BIN: &str = "940140000385";

/// A contract in region 27 under `BIN`, and its contractor signed in.
pub async fn contract(app: &TestApp) -> (TestContract, Browser) {
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(app);
    let c = ContractBuilder::on(&project).create(app);
    let contractor = UserBuilder::contractor(BIN).create(app).browser(app).await;
    (c, contractor)
}

/// Records hire `n` (hired 2024-07-01, referral `ЦЗ-{n}` of 2024-06-25 for a center hire).
pub async fn hire(who: &Browser, c: &TestContract, n: usize, channel: &str) -> Page {
    hire_with(who, c, hire_form(n, channel)).await
}

pub async fn hire_with(
    who: &Browser,
    c: &TestContract,
    fields: Vec<(&'static str, String)>,
) -> Page {
    who.post_owned(&format!("/contracts/{}/jobs", c.id), &fields)
        .await
}

/// Loads a batch as the registers page does; `region` is "" for a national register.
pub async fn load(
    who: &Browser,
    kind: &str,
    region: &str,
    from: &str,
    to: &str,
    csv: &str,
) -> Page {
    let token = who.csrf_token().await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("kind", kind.to_owned())
        .text("region", region.to_owned())
        .text("period_from", from.to_owned())
        .text("period_to", to.to_owned())
        .text("source", "letter 12/345".to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("register.csv"),
        );
    let response = who
        .client
        .post(who.url("/registers/load"))
        .multipart(form)
        .send()
        .await
        .expect("upload request");
    Page {
        status: response.status(),
        headers: response.headers().clone(),
        body: response.text().await.expect("body"),
    }
}

/// A referrals file: one line per (number, issued, iin, region, valid until).
pub fn referrals(rows: &[(&str, &str, &str, &str, &str)]) -> String {
    let mut out = String::from("number,issued_on,iin,region,district,valid_until,employer_bin\n");
    for (number, issued, iin, region, until) in rows {
        out.push_str(&format!("{number},{issued},{iin},{region},Орал,{until},\n"));
    }
    out
}

/// What matching stored for the worker's hire: (referral, reason, employment, contributions,
/// missing months).
pub fn checks(app: &TestApp, iin: &str) -> (String, String, String, String, String) {
    let mut conn = app.db.conn().expect("connection");
    let job: String = jobs::table
        .inner_join(workers::table)
        .filter(workers::iin.eq(iin))
        .select(jobs::id)
        .order(jobs::created_at.desc())
        .first(&mut conn)
        .expect("the hire");
    hv::table
        .find(job)
        .select((
            hv::referral,
            hv::referral_reason,
            hv::employment,
            hv::contributions,
            hv::missing_months,
        ))
        .first(&mut conn)
        .expect("its checks")
}

/// Every stored check of a worker's hires, oldest first: (referral, reason).
pub fn referral_checks(app: &TestApp, iin: &str) -> Vec<(String, String)> {
    let mut conn = app.db.conn().expect("connection");
    hv::table
        .inner_join(jobs::table.inner_join(workers::table))
        .filter(workers::iin.eq(iin))
        .order((jobs::hire_date, jobs::id))
        .select((hv::referral, hv::referral_reason))
        .load(&mut conn)
        .expect("checks")
}

pub async fn commission(app: &TestApp) -> Browser {
    UserBuilder::commission().create(app).browser(app).await
}
