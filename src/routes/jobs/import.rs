//! `/contracts/{id}/jobs/import`: many hires on one contract from a CSV file, recorded by
//! `usecase::job_import` under the same rules as the form, all or nothing: every failing row
//! is reported with its line.

use actix_multipart::form::MultipartForm;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use super::{hire_failure, label_key};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::ContractWithProject;
use crate::domain::csv_rows::{LineProblem, read_rows};
use crate::domain::hire::HireFields;
use crate::error::AppError;
use crate::policy::Who;
use crate::routes::contracts::open_for_hires;
use crate::usecase::hires::HireError;
use crate::usecase::job_import;
use crate::web::page::PageCtx;
use crate::web::upload::{self, ShownProblem, Upload};
use crate::web::{render, see_other};

pub const MAX_FILE_BYTES: usize = 30 * 1024 * 1024;
pub const MAX_ROWS: usize = 100_000;

/// Every column a file may have, in the order exports and the template write them. Only
/// the first eleven are required: `end_date` may be left out (files made before it existed).
pub const ALL_COLUMNS: [&str; 12] = [
    "iin",
    "full_name",
    "home_settlement",
    "position",
    "hire_date",
    "kind",
    "channel",
    "referral_number",
    "referral_date",
    "arrived_from_other_settlement",
    "monthly_wage_tenge",
    "end_date",
];

/// The columns a file must have: all but the trailing `end_date`.
pub const COLUMNS: &[&str] = ALL_COLUMNS.split_at(ALL_COLUMNS.len() - 1).0;

#[derive(Template)]
#[template(path = "jobs/import.html")]
pub struct ImportPage {
    pub ctx: PageCtx,
    pub c: ContractWithProject,
    pub problems: Vec<ShownProblem>,
    pub columns: &'static [&'static str],
    pub max_rows: usize,
}

impl ImportPage {
    fn with_problems(mut self, problems: &[LineProblem]) -> Self {
        self.problems = upload::shown(&self.ctx.i18n, problems, label_key);
        self
    }
}

pub async fn form(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = open_for_hires(&db, &user, id.into_inner()).await?;
    render(&ImportPage {
        ctx,
        c,
        problems: Vec::new(),
        columns: &ALL_COLUMNS,
        max_rows: MAX_ROWS,
    })
}

pub async fn template(
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    open_for_hires(&db, &user, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"jobmap-hires-template.csv\"",
        ))
        .body(format!("\u{feff}{}\r\n", ALL_COLUMNS.join(","))))
}

pub async fn upload(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: Result<MultipartForm<Upload>, actix_web::Error>,
) -> Result<HttpResponse, AppError> {
    let c = open_for_hires(&db, &user, id.into_inner()).await?;
    let cid = c.contract.id.clone();
    let today = ctx.today();
    let page = ImportPage {
        ctx,
        c: c.clone(),
        problems: Vec::new(),
        columns: &ALL_COLUMNS,
        max_rows: MAX_ROWS,
    };
    let (bytes, _) = match upload::file(form, MAX_FILE_BYTES) {
        Ok(file) => file,
        Err(problem) => return render(&page.with_problems(&[problem])),
    };
    let rows: Vec<(u64, HireFields)> = match read_rows(&bytes, COLUMNS, MAX_ROWS) {
        Ok(rows) => rows,
        Err(problems) => return render(&page.with_problems(&problems)),
    };
    let who = Who::from(&user);
    let row_count = rows.len();
    let outcome = db
        .run_write(move |conn| Ok(job_import::import(conn, &who, &cid, &rows, today)))
        .await?;
    match outcome {
        Ok(count) => {
            crate::monitoring::import_rows("hires", row_count, true);
            FlashMessage::success(format!("flash-hires-imported|{count}")).send();
            Ok(see_other(&format!("/contracts/{}/jobs", c.contract.id)))
        }
        Err(HireError::Rows(problems)) => {
            crate::monitoring::import_rows("hires", distinct_lines(&problems), false);
            let problems: Vec<LineProblem> = problems
                .into_iter()
                .map(|p| LineProblem {
                    line: p.line,
                    column: Some(p.problem.field),
                    message: p.problem.message,
                })
                .collect();
            render(&page.with_problems(&problems))
        }
        Err(e) => Err(hire_failure(e)),
    }
}

fn distinct_lines(problems: &[crate::usecase::hires::RowProblem]) -> usize {
    let mut lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
    lines.sort_unstable();
    lines.dedup();
    lines.len()
}
