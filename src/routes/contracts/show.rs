//! `/contracts/{id}`: the contract, its declared and recorded local content, and its hires by
//! channel against the 50% employment-center rule.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::{load_in_scope, may_record};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::{self, ContractWithProject};
use crate::db::regions::RegionNames;
use crate::domain::ledger::LedgerTotals;
use crate::domain::share;
use crate::error::AppError;
use crate::web::page::{AsI64, PageCtx};
use crate::web::render;

/// One row of the local-content table: value, domestic part, share.
pub struct ShareRow {
    pub label_key: &'static str,
    pub total: i64,
    pub domestic: i64,
    pub bp: i64,
}

impl ShareRow {
    pub fn has_value(&self) -> bool {
        self.total > 0
    }

    fn new(label_key: &'static str, (total, domestic): (i64, i64)) -> Self {
        Self {
            label_key,
            total,
            domestic,
            bp: share::bp(domestic, total),
        }
    }
}

#[derive(Template)]
#[template(path = "contracts/show.html")]
pub struct ContractPage {
    pub ctx: PageCtx,
    pub c: ContractWithProject,
    pub region_name: String,
    /// Declared and recorded (ledger) local content, row by row.
    pub rows: Vec<(ShareRow, ShareRow)>,
    pub ledger_total: i64,
    pub can_record: bool,
    /// What the registers proved (issue 15), beside the declared figures.
    pub verified: crate::domain::verification::Verified,
}

impl ContractPage {
    pub fn percent(&self, bp: impl AsI64) -> String {
        self.ctx.i18n.percent(bp.as_i64())
    }

    pub fn center_ok(&self) -> bool {
        self.compliance().center.state != crate::domain::compliance::State::Breached
    }

    /// The contract's state on both conditions, as every other page shows it.
    pub fn compliance(&self) -> crate::domain::compliance::ContractCompliance {
        self.c.contract.compliance()
    }
}

fn rows(t: &LedgerTotals) -> Vec<ShareRow> {
    vec![
        ShareRow::new("category-goods", t.goods),
        ShareRow::new("category-works", t.works),
        ShareRow::new("category-services", t.services),
        ShareRow::new("contract-combined", (t.total(), t.domestic())),
    ]
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = load_in_scope(&db, &user, id.into_inner()).await?;
    let cid = c.contract.id.clone();
    let facts = c.contract.facts();
    let (ledger, names, verified) = db
        .run(move |conn| {
            let verified = crate::db::verification::verified_for(conn, &[(cid.clone(), facts)])?;
            Ok((
                contracts::ledger_totals(conn, &cid)?,
                RegionNames::load(conn)?,
                verified.into_values().next(),
            ))
        })
        .await?;
    let verified = verified
        .unwrap_or_else(|| crate::domain::verification::verified(&facts, &Default::default()));
    let d = c.contract.declared();
    let declared = LedgerTotals {
        goods: (d.goods, d.goods_domestic),
        works: (d.works, d.works_domestic),
        services: (d.services, d.services_domestic),
    };
    render(&ContractPage {
        region_name: names.name(&c.project_region, ctx.lang()).to_owned(),
        rows: rows(&declared).into_iter().zip(rows(&ledger)).collect(),
        ledger_total: ledger.total(),
        can_record: may_record(&user, &c),
        verified,
        c,
        ctx,
    })
}
