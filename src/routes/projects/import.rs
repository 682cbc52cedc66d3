//! `/projects/import`: an officer loads many projects of their region from a CSV file. All or
//! nothing: every bad row is reported with its line number, and nothing is written unless
//! every row is good.

use std::collections::HashMap;

use actix_multipart::form::MultipartForm;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use super::officer_region;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::domain::csv_rows::{LineProblem, read_rows};
use crate::domain::message::Message;
use crate::domain::project::{self, ProjectFields};
use crate::error::AppError;
use crate::usecase;
use crate::usecase::acting::Acting;
use crate::usecase::projects::{CheckedRows, ImportError};
use crate::web::page::PageCtx;
use crate::web::upload::{self, ShownProblem, Upload};
use crate::web::{render, see_other};

pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ROWS: usize = 10_000;

/// The template's columns, in order; the region is the officer's and is not a column.
pub const COLUMNS: [&str; 15] = [
    "code",
    "title",
    "district",
    "settlement",
    "latitude",
    "longitude",
    "direction",
    "work_type",
    "funding_source",
    "budget_tenge",
    "planned_jobs",
    "planned_center_hires",
    "planned_permanent_jobs",
    "planned_start",
    "planned_end",
];

#[derive(Template)]
#[template(path = "projects/import.html")]
pub struct ImportPage {
    pub ctx: PageCtx,
    pub problems: Vec<ShownProblem>,
    pub file_name: String,
    pub columns: &'static [&'static str],
    pub max_rows: usize,
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

    fn with_problems(mut self, problems: &[LineProblem]) -> Self {
        self.problems = upload::shown(&self.ctx.i18n, problems, |c| Some(column_label(c)));
        self
    }
}

/// The form label of a column, so the report speaks the officer's language.
pub fn column_label(column: &str) -> &'static str {
    project::field_label_key(column).unwrap_or("import-column")
}

pub async fn form(ctx: PageCtx, user: CurrentUser) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    render(&ImportPage::new(ctx))
}

/// The template: the header row, UTF-8 with a byte-order mark so Excel opens it correctly.
pub async fn template(user: CurrentUser) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    let body = format!("\u{feff}{}\r\n", COLUMNS.join(","));
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"jobmap-projects-template.csv\"",
        ))
        .body(body))
}

/// Checks every row on its own and against the file; whether a code is taken elsewhere is the
/// use case's to say, under its transaction.
fn check_rows(bytes: &[u8]) -> Result<CheckedRows, Vec<LineProblem>> {
    let rows: Vec<(u64, ProjectFields)> = read_rows(bytes, &COLUMNS, MAX_ROWS)?;
    let mut checked = CheckedRows::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, fields) in rows {
        match project::check(&fields) {
            Ok(input) => {
                if let Some(first) = seen.insert(input.code.clone(), line) {
                    checked.problems.push(LineProblem {
                        line,
                        column: Some("code"),
                        message: Message::new("import-code-repeated").int("line", first as i64),
                    });
                }
                checked.rows.push((line, input));
            }
            Err(field_problems) => checked
                .problems
                .extend(field_problems.into_iter().map(|p| LineProblem::at(line, p))),
        }
    }
    Ok(checked)
}

pub async fn upload(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    form: Result<MultipartForm<Upload>, actix_web::Error>,
) -> Result<HttpResponse, AppError> {
    officer_region(&user)?;
    let page = ImportPage::new(ctx);
    let (bytes, file_name) = match upload::file(form, MAX_FILE_BYTES) {
        Ok(file) => file,
        Err(problem) => return render(&page.with_problems(&[problem])),
    };
    let checked = match check_rows(&bytes) {
        Ok(checked) => checked,
        Err(problems) => {
            crate::monitoring::import_rows("projects", upload::lines_refused(&problems), false);
            let mut page = page.with_problems(&problems);
            page.file_name = file_name;
            return render(&page);
        }
    };
    let by = Acting::from(&user);
    let saved = db
        .run(move |conn| Ok(usecase::projects::import(conn, &by, checked)))
        .await?;
    match saved {
        Ok(count) => {
            crate::monitoring::import_rows("projects", count, true);
            FlashMessage::success(format!("flash-import-done|{count}")).send();
            Ok(see_other("/projects?status=draft&sort=updated&dir=desc"))
        }
        Err(ImportError::Problems(problems)) => {
            crate::monitoring::import_rows("projects", upload::lines_refused(&problems), false);
            let mut page = page.with_problems(&problems);
            page.file_name = file_name;
            render(&page)
        }
        Err(ImportError::Forbidden) => Err(AppError::Forbidden),
        Err(ImportError::Db(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "code,title,district,settlement,latitude,longitude,direction,work_type,funding_source,budget_tenge,planned_jobs,planned_center_hires,planned_permanent_jobs,planned_start,planned_end";

    fn row(code: &str, jobs: &str, center: &str) -> String {
        format!(
            "{code},School,,,,,social_cultural,capital_repair,local_budget,1000000,{jobs},{center},0,2020-05-01,2020-10-01"
        )
    }

    #[test]
    fn good_rows_become_projects() {
        let csv = format!(
            "{HEADER}\n{}\n{}\n",
            row("A-1", "10", "5"),
            row("A-2", "3", "2")
        );
        let checked = check_rows(csv.as_bytes()).unwrap();
        assert_eq!(checked.rows.len(), 2);
        assert!(checked.problems.is_empty());
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let csv = format!(
            "{HEADER}\n{}\n{}\n{}\n{}\n",
            row("A-1", "10", "4"),
            row("A-2", "10", "5"),
            row("A-2", "10", "5"),
            row("OLD-1", "x", "5")
        );
        let problems = check_rows(csv.as_bytes()).unwrap().problems;
        let found: Vec<(u64, Option<&str>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.column, p.message.key))
            .collect();
        assert_eq!(
            found,
            [
                (2, Some("planned_center_hires"), "project-center-below-half"),
                (4, Some("code"), "import-code-repeated"),
                (5, Some("planned_jobs"), "field-whole-number"),
            ]
        );
    }
}
