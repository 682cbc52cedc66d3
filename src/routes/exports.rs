//! `/exports/{table}.{csv|xlsx}`: the dashboard's and the compliance page's tables as files,
//! built from the same data as the pages; and `/exports/jobs.csv`, every hire in the user's
//! scope, streamed in batches so memory stays flat however many there are (and
//! `/exports/jobs.xlsx`, built in constant memory and sent from disk).

use std::collections::HashMap;

use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};
use futures_util::stream;

use super::dashboard::AsOfQuery;
use crate::auth::CurrentUser;
use crate::db::regions::RegionNames;
use crate::db::{Db, job_export};
use crate::domain::figures::Figures;
use crate::domain::verification::Verified;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::web::export::{self, Cell, Table};
use crate::web::page::PageCtx;
use crate::web::xlsx_file::{self, XlsxFile};

/// The dashboard table: one row per region in rank order, then the national total, with
/// the verified figures by region code (the nation's under ""; empty before today).
pub fn dashboard_table(
    i18n: &I18n,
    names: &RegionNames,
    regions: &[Figures],
    total: &Figures,
    verified: &HashMap<String, Verified>,
) -> Table {
    let row = |f: &Figures, name: String| {
        let v = verified.get(&f.code);
        let blank = || Cell::Text(String::new());
        vec![
            if f.rank > 0 {
                Cell::Int(f.rank)
            } else {
                Cell::Text(String::new())
            },
            Cell::Text(f.code.clone()),
            Cell::Text(name),
            Cell::Int(f.projects_selected),
            Cell::Int(f.projects_approved),
            Cell::Int(f.projects_started),
            Cell::Int(f.projects_completed),
            Cell::Int(f.planned_jobs),
            Cell::Int(f.jobs_created),
            Cell::Percent(f.plan_bp()),
            Cell::Int(f.center_hires),
            Cell::Percent(f.center_bp()),
            Cell::Percent(f.youth_bp()),
            Cell::Int(f.planned_permanent),
            Cell::Int(f.permanent_created),
            Cell::Int(f.lifting_paid),
            Cell::Int(f.lifting_paid_tenge),
            Cell::Percent(f.domestic_bp()),
            v.map_or_else(blank, |v| Cell::Text(i18n.t(v.state().label_key()))),
            v.map_or_else(blank, |v| Cell::Percent(v.center_bp)),
            v.and_then(|v| v.domestic_bp)
                .map_or_else(blank, Cell::Percent),
        ]
    };
    let headers = [
        "fig-rank",
        "col-kato",
        "col-region",
        "fig-projects-selected",
        "fig-projects-approved",
        "fig-projects-started",
        "fig-projects-completed",
        "fig-planned-jobs",
        "fig-jobs-created",
        "fig-plan-share",
        "fig-center-hires",
        "fig-center-share",
        "fig-youth-share",
        "export-permanent-planned",
        "export-permanent-created",
        "fig-lifting",
        "export-lifting-tenge",
        "fig-domestic-share",
        "verified-state",
        "verified-center-share",
        "verified-domestic-share",
    ];
    let mut rows: Vec<Vec<Cell>> = regions
        .iter()
        .map(|f| row(f, names.name(&f.code, i18n.lang()).to_owned()))
        .collect();
    rows.push(row(total, i18n.t("home-total")));
    Table {
        name: "jobmap-dashboard".into(),
        headers: headers.iter().map(|k| i18n.t(k)).collect(),
        rows,
    }
}

/// `/exports/dashboard.{csv|xlsx}`: the dashboard table as of a date.
pub async fn dashboard(
    ctx: PageCtx,
    db: web::Data<Db>,
    format: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, AppError> {
    let today = ctx.today();
    let as_of = query.date(today);
    let data = super::dashboard::data(&db, as_of, today).await?;
    let mut t = dashboard_table(
        &ctx.i18n,
        &data.names,
        &data.regions,
        &data.total,
        &data.verified,
    );
    t.name = format!("jobmap-dashboard-{as_of}");
    export::respond(&t, &format)
}

const BATCH: i64 = 5_000;

enum Cursor {
    Header,
    After(Option<String>),
    Done,
}

/// Every hire in the user's scope as CSV, read and sent `BATCH` rows at a time. IINs and
/// names in full only where `policy` lets the user see them (their contracts or their region).
pub async fn jobs_csv(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let scope = user.scope.clone();
    let header = export::csv_bytes(&Table {
        name: String::new(),
        headers: job_export::HEADERS.iter().map(|k| ctx.t(k)).collect(),
        rows: Vec::new(),
    })?;
    let db = db.into_inner();
    let body = stream::unfold(Cursor::Header, move |cursor| {
        let (db, scope, header) = (db.clone(), scope.clone(), header.clone());
        async move {
            let after = match cursor {
                Cursor::Header => return Some((Ok(Bytes::from(header)), Cursor::After(None))),
                Cursor::After(after) => after,
                Cursor::Done => return None,
            };
            let reach = scope.clone();
            let rows = match db
                .run(move |conn| Ok(job_export::batch(conn, &reach, after.as_deref(), BATCH)?))
                .await
            {
                Ok(rows) => rows,
                // The response has started: all that is left is to cut it short.
                Err(e) => return Some((Err(actix_web::Error::from(e)), Cursor::Done)),
            };
            if rows.is_empty() {
                return None;
            }
            let next = if (rows.len() as i64) < BATCH {
                Cursor::Done
            } else {
                Cursor::After(rows.last().map(|r| r.id.clone()))
            };
            let cells: Vec<Vec<Cell>> = rows.iter().map(|r| r.cells(&scope)).collect();
            Some((Ok(Bytes::from(export::csv_rows(&cells))), next))
        }
    });
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"jobmap-jobs.csv\"",
        ))
        .streaming(body))
}

/// Every hire in the user's scope as XLSX, built in constant memory (see `web::xlsx_file`)
/// from the same batches as the CSV, then sent from disk.
pub async fn jobs_xlsx(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let scope = user.scope.clone();
    let headers: Vec<String> = job_export::HEADERS.iter().map(|k| ctx.t(k)).collect();
    let file = db
        .run(move |conn| {
            let mut book = XlsxFile::new("jobmap-jobs", &headers)?;
            let mut after: Option<String> = None;
            loop {
                let rows = job_export::batch(conn, &scope, after.as_deref(), BATCH)?;
                let cells: Vec<Vec<Cell>> = rows.iter().map(|r| r.cells(&scope)).collect();
                book.append(&cells)?;
                if (rows.len() as i64) < BATCH {
                    break;
                }
                after = rows.last().map(|r| r.id.clone());
            }
            book.finish()
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(export::XLSX_TYPE)
        .insert_header(("Content-Encoding", "identity"))
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"jobmap-jobs.xlsx\"",
        ))
        .streaming(xlsx_file::stream(file)))
}
