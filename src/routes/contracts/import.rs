//! `/contracts/import`: an officer records many contracts of their region from a CSV file, each
//! on the project its `project_code` names, through `usecase::contracts::import`. All or
//! nothing: every bad line is reported with its number. `/contracts/export.csv` writes a
//! region's contracts in exactly this format.

use actix_multipart::form::MultipartForm;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use super::new::label_key;
use crate::auth::CurrentUser;
use crate::db::{Db, reimport};
use crate::domain::contract::{self, ContractLine};
use crate::domain::csv_rows::{LineProblem, read_rows};
use crate::error::AppError;
use crate::routes::projects::export::{RegionQuery, region_of};
use crate::routes::projects::officer_region;
use crate::usecase;
use crate::usecase::acting::Acting;
use crate::usecase::contracts::ContractImportError;
use crate::web::page::PageCtx;
use crate::web::upload::{self, ShownProblem, Upload};
use crate::web::{export, render, see_other};

pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ROWS: usize = 10_000;

pub const COLUMNS: [&str; 12] = [
    "project_code",
    "contractor_bin",
    "contractor_name",
    "number",
    "signed_on",
    "amount_tenge",
    "goods_tenge",
    "goods_domestic_tenge",
    "works_tenge",
    "works_domestic_tenge",
    "services_tenge",
    "services_domestic_tenge",
];

#[derive(Template)]
#[template(path = "contracts/import.html")]
pub struct ImportPage {
    pub ctx: PageCtx,
    pub problems: Vec<ShownProblem>,
    pub file_name: String,
    pub columns: &'static [&'static str],
    pub max_rows: usize,
}

/// The label of a column, in the officer's language.
pub fn column_label(column: &str) -> &'static str {
    match column {
        "project_code" => "project-code",
        other => label_key(other).unwrap_or("import-column"),
    }
}

impl ImportPage {
    fn new(ctx: PageCtx) -> Self {
        Self {
            ctx,
            problems: Vec::new(),
            file_name: String::new(),
            columns: &COLUMNS,
            max_rows: MAX_ROWS,
        }
    }

    fn with_problems(mut self, problems: &[LineProblem], file_name: String) -> Self {
        crate::monitoring::import_rows("contracts", upload::lines_refused(problems), false);
        self.problems = upload::shown(&self.ctx.i18n, problems, |c| Some(column_label(c)));
        self.file_name = file_name;
        self
    }
}

pub async fn form(ctx: PageCtx, user: CurrentUser) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    render(&ImportPage::new(ctx))
}

pub async fn template(user: CurrentUser) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    export::reimportable_csv::<ContractLine>("jobmap-contracts-template", &COLUMNS, &[])
}

/// A region's contracts with their declared values, in the import's format.
pub async fn export_csv(
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<RegionQuery>,
) -> Result<HttpResponse, AppError> {
    let region = region_of(&user, query.into_inner())?;
    let name = format!("jobmap-contracts-{region}");
    let rows = db
        .run(move |conn| Ok(reimport::region_contracts(conn, &region)?))
        .await?;
    export::reimportable_csv(&name, &COLUMNS, &rows)
}

pub async fn upload(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    form: Result<MultipartForm<Upload>, actix_web::Error>,
) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    let today = ctx.today();
    let page = ImportPage::new(ctx);
    let (bytes, file_name) = match upload::file(form, MAX_FILE_BYTES) {
        Ok(file) => file,
        Err(problem) => return render(&page.with_problems(&[problem], String::new())),
    };
    let lines: Vec<(u64, ContractLine)> = match read_rows(&bytes, &COLUMNS, MAX_ROWS) {
        Ok(lines) => lines,
        Err(problems) => return render(&page.with_problems(&problems, file_name)),
    };
    let mut rows = Vec::with_capacity(lines.len());
    let mut problems = Vec::new();
    for (line, fields) in lines {
        match contract::check(&fields.fields(), today) {
            Ok(input) => rows.push((line, fields.project_code.trim().to_owned(), input)),
            Err(field_problems) => {
                problems.extend(field_problems.into_iter().map(|p| LineProblem::at(line, p)))
            }
        }
    }
    if !problems.is_empty() {
        return render(&page.with_problems(&problems, file_name));
    }
    let by = Acting::from(&user);
    let saved = db
        .run(move |conn| Ok(usecase::contracts::import(conn, &by, &rows)))
        .await?;
    match saved {
        Ok(count) => {
            crate::monitoring::import_rows("contracts", count, true);
            FlashMessage::success(format!("flash-contracts-imported|{count}")).send();
            Ok(see_other("/contracts"))
        }
        Err(ContractImportError::Problems(problems)) => {
            render(&page.with_problems(&problems, file_name))
        }
        Err(ContractImportError::Forbidden) => Err(AppError::Forbidden),
        Err(ContractImportError::Db(e)) => Err(e.into()),
    }
}
