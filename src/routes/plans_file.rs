//! `/plans/import` and `/plans/export.csv`: a region's monthly plans as a CSV file, one line
//! per month (`2024-07,120,60`), in one format both ways. An officer's file sets the months it
//! names in their region, all or nothing, through `usecase::plans::import`; every bad line is
//! listed with its number.

use std::collections::HashMap;

use actix_multipart::form::MultipartForm;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::reimport::{self, PlanLine};
use crate::domain::csv_rows::{LineProblem, read_rows};
use crate::domain::message::Message;
use crate::domain::plan;
use crate::error::AppError;
use crate::routes::projects::export::{RegionQuery, region_of};
use crate::routes::projects::officer_region;
use crate::usecase::plans::{FileMonth, PlanError};
use crate::usecase::{self, acting::Acting};
use crate::web::file_import::{FileImportPage, ImportKind, codes};
use crate::web::page::PageCtx;
use crate::web::upload::{self, Upload};
use crate::web::{export, render, see_other};

pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Fifty years of months.
pub const MAX_ROWS: usize = 600;

pub static KIND: ImportKind = ImportKind {
    metric: "plans",
    heading: "plan-import-heading",
    lead: "plan-import-lead",
    back_label: "plan-import-back",
    export_label: "plan-export",
    columns: &[
        ("month", "plan-import-month-column"),
        ("planned_jobs", "project-planned-jobs"),
        ("planned_center_hires", "project-planned-center"),
    ],
};

fn page(ctx: PageCtx) -> FileImportPage {
    FileImportPage {
        ctx,
        kind: &KIND,
        action: "/plans/import".into(),
        template: "/plans/import/template.csv".into(),
        export: "/plans/export.csv".into(),
        back: "/plans".into(),
        max_rows: MAX_ROWS,
        problems: Vec::new(),
        file_name: String::new(),
    }
}

pub async fn form(ctx: PageCtx, user: CurrentUser) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    render(&page(ctx))
}

pub async fn template(user: CurrentUser) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    export::reimportable_csv::<PlanLine>("jobmap-plans-template", &codes(&KIND), &[])
}

/// Every month of a region's plans: an officer's own region, or the one the commission names.
pub async fn export_csv(
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<RegionQuery>,
) -> Result<HttpResponse, AppError> {
    let region = region_of(&user, query.into_inner())?;
    let name = format!("jobmap-plans-{region}");
    let rows = db
        .run(move |conn| Ok(reimport::region_plans(conn, &region)?))
        .await?;
    export::reimportable_csv(&name, &codes(&KIND), &rows)
}

/// Each line checked like a month on the plan form; a month named twice is refused too.
fn check(rows: Vec<(u64, PlanLine)>) -> Result<Vec<FileMonth>, Vec<LineProblem>> {
    let mut months = Vec::with_capacity(rows.len());
    let mut problems = Vec::new();
    let mut seen: HashMap<(i32, u32), u64> = HashMap::new();
    for (line, p) in rows {
        match plan::check_line(&p.month, &p.planned_jobs, &p.planned_center_hires) {
            Ok((year, month, plan)) => {
                if let Some(first) = seen.insert((year, month), line) {
                    problems.push(LineProblem {
                        line,
                        column: Some("month"),
                        message: Message::new("plan-import-month-twice").int("line", first as i64),
                    });
                }
                months.push((line, year, month, plan));
            }
            Err(found) => problems.extend(found.into_iter().map(|p| LineProblem::at(line, p))),
        }
    }
    if problems.is_empty() {
        Ok(months)
    } else {
        Err(problems)
    }
}

pub async fn upload(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    form: Result<MultipartForm<Upload>, actix_web::Error>,
) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    let page = page(ctx);
    let (bytes, file_name) = match upload::file(form, MAX_FILE_BYTES) {
        Ok(file) => file,
        Err(problem) => return render(&page.refused(&[problem], String::new())),
    };
    let months = match read_rows(&bytes, &codes(&KIND), MAX_ROWS).and_then(check) {
        Ok(months) => months,
        Err(problems) => return render(&page.refused(&problems, file_name)),
    };
    let by = Acting::from(&user);
    let saved = db
        .run(move |conn| Ok(usecase::plans::import(conn, &by, &months)))
        .await?;
    match saved {
        Ok(count) => {
            crate::monitoring::import_rows(KIND.metric, count, true);
            FlashMessage::success(format!("flash-plans-imported|{count}")).send();
            Ok(see_other("/plans"))
        }
        Err(PlanError::Forbidden) => Err(AppError::Forbidden),
        // Someone saved a month between the import's reading and writing it (PostgreSQL).
        Err(PlanError::Stale(_)) => render(&page.refused(
            &[LineProblem::file(Message::new("plan-import-stale"))],
            file_name,
        )),
        Err(PlanError::Db(e)) => Err(e.into()),
    }
}
