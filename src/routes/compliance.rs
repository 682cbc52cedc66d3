//! `/compliance`: for the commission, the contracts, projects and regions that break or come
//! close to breaking the programme's conditions, worst first, each linking to its record.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::compliance::{self, ContractShare, ProjectProgress, RegionPlan};
use crate::db::regions::{self, RegionName, RegionNames};
use crate::domain::numbers::parse_date;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::web::export::{Cell, Table};
use crate::web::page::{AsI64, PageCtx};
use crate::web::render;

#[derive(Debug, Default, Deserialize)]
pub struct ComplianceQuery {
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub as_of: String,
}

/// Everything the page shows, computed once for the page and for its exports.
pub struct Lists {
    pub as_of: NaiveDate,
    pub region: String,
    pub center: Vec<ContractShare>,
    pub domestic: Vec<ContractShare>,
    pub lagging: Vec<ProjectProgress>,
    pub regions_behind: Vec<RegionPlan>,
    pub names: RegionNames,
}

pub async fn lists(db: &Db, q: &ComplianceQuery, today: NaiveDate) -> Result<Lists, AppError> {
    let as_of = parse_date(&q.as_of)
        .filter(|d| *d <= today)
        .unwrap_or(today);
    let region =
        Some(q.region.clone()).filter(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_digit()));
    let r = region.clone();
    db.run(move |conn| {
        let r = r.as_deref();
        Ok(Lists {
            as_of,
            region: r.unwrap_or("").to_owned(),
            center: compliance::center_share(conn, r)?,
            domestic: compliance::domestic_share(conn, r)?,
            lagging: compliance::lagging_projects(conn, r, as_of)?,
            regions_behind: compliance::regions_behind(conn, as_of)?
                .into_iter()
                .filter(|x| r.is_none_or(|r| x.region_code == r))
                .collect(),
            names: RegionNames::load(conn)?,
        })
    })
    .await
}

#[derive(Template)]
#[template(path = "compliance.html")]
pub struct CompliancePage {
    pub ctx: PageCtx,
    pub l: Lists,
    pub regions: Vec<RegionName>,
}

impl CompliancePage {
    pub fn pct(&self, bp: impl AsI64) -> String {
        self.ctx.i18n.percent(bp.as_i64())
    }

    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.l.names.name(code, self.ctx.lang())
    }

    pub fn expected(&self, p: &ProjectProgress) -> i64 {
        p.expected_bp(self.l.as_of)
    }

    pub fn export(&self, table: &str, format: &str) -> String {
        format!(
            "/exports/{table}.{format}?region={}&as_of={}",
            self.l.region, self.l.as_of
        )
    }
}

pub fn require_reviewer(user: &CurrentUser) -> Result<(), AppError> {
    user.require(&[Role::Commission, Role::Admin])
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<ComplianceQuery>,
) -> Result<HttpResponse, AppError> {
    require_reviewer(&user)?;
    let today = ctx.today();
    let l = lists(&db, &query, today).await?;
    let regions = db
        .run(move |conn| Ok(regions::active_names(conn, today)?))
        .await?;
    render(&CompliancePage { ctx, l, regions })
}

/// One of the page's lists as an export table, with the page's numbers.
pub fn table(i18n: &I18n, l: &Lists, which: &str) -> Option<Table> {
    let t = |k: &str| i18n.t(k);
    let name = |code: &str| l.names.name(code, i18n.lang()).to_owned();
    let contracts = |rows: &[ContractShare]| -> Vec<Vec<Cell>> {
        rows.iter()
            .map(|r| {
                vec![
                    Cell::Text(r.project_code.clone()),
                    Cell::Text(r.number.clone()),
                    Cell::Text(r.contractor_name.clone()),
                    Cell::Text(name(&r.region_code)),
                    Cell::Int(r.part),
                    Cell::Int(r.whole),
                    Cell::Percent(r.bp()),
                ]
            })
            .collect()
    };
    let contract_headers = |part: &str, whole: &str, share: &str| {
        vec![
            t("project-code"),
            t("contract-number"),
            t("contract-name"),
            t("col-region"),
            t(part),
            t(whole),
            t(share),
        ]
    };
    Some(match which {
        "compliance-center" => Table {
            name: "compliance-center".into(),
            headers: contract_headers(
                "contract-center-hires",
                "contract-hires",
                "fig-center-share",
            ),
            rows: contracts(&l.center),
        },
        "compliance-domestic" => Table {
            name: "compliance-domestic".into(),
            headers: contract_headers(
                "ledger-domestic",
                "contract-recorded-value",
                "contract-recorded-share",
            ),
            rows: contracts(&l.domestic),
        },
        "compliance-lagging" => Table {
            name: "compliance-lagging".into(),
            headers: vec![
                t("project-code"),
                t("project-title"),
                t("col-region"),
                t("fig-planned-jobs"),
                t("fig-jobs-created"),
                t("fig-plan-share"),
                t("compliance-expected"),
            ],
            rows: l
                .lagging
                .iter()
                .map(|p| {
                    vec![
                        Cell::Text(p.code.clone()),
                        Cell::Text(p.title.clone()),
                        Cell::Text(name(&p.region_code)),
                        Cell::Int(p.planned_jobs),
                        Cell::Int(p.jobs_created),
                        Cell::Percent(p.plan_bp()),
                        Cell::Percent(p.expected_bp(l.as_of)),
                    ]
                })
                .collect(),
        },
        "compliance-regions" => Table {
            name: "compliance-regions".into(),
            headers: vec![
                t("col-region"),
                t("compliance-monthly-planned"),
                t("fig-jobs-created"),
                t("compliance-shortfall"),
                t("fig-plan-share"),
            ],
            rows: l
                .regions_behind
                .iter()
                .map(|r| {
                    vec![
                        Cell::Text(name(&r.region_code)),
                        Cell::Int(r.planned),
                        Cell::Int(r.created),
                        Cell::Int(r.shortfall()),
                        Cell::Percent(r.plan_bp()),
                    ]
                })
                .collect(),
        },
        _ => return None,
    })
}
