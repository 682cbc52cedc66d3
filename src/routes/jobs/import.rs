//! `/contracts/{id}/jobs/import`: many hires on one contract from a CSV file. Rows are applied
//! in file order under the same rules as the form (rule 2 counts the rows above), in one
//! transaction: every failing row is reported with its line, and nothing is written unless
//! every row passes.

use actix_multipart::form::MultipartForm;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use super::{label_key, refusal_message};
use crate::auth::CurrentUser;
use crate::db::audit;
use crate::db::contracts::ContractWithProject;
use crate::db::tallies::Tally;
use crate::db::{Db, DbConnection, write_transaction};
use crate::db::{job_import, jobs};
use crate::domain::csv_rows::{LineProblem, read_rows};
use crate::domain::hire::{self, HireFields, YouthAges};
use crate::error::AppError;
use crate::routes::contracts::open_for_hires;
use crate::web::page::PageCtx;
use crate::web::upload::{self, ShownProblem, Upload};
use crate::web::{render, see_other};

pub const MAX_FILE_BYTES: usize = 30 * 1024 * 1024;
pub const MAX_ROWS: usize = 100_000;

pub const COLUMNS: [&str; 11] = [
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
];

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
        columns: &COLUMNS,
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
        .body(format!("\u{feff}{}\r\n", COLUMNS.join(","))))
}

enum ImportError {
    Rows(Vec<LineProblem>),
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for ImportError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(e)
    }
}

/// Checks every row, then records them all in one go (`db::job_import`); any problem
/// rolls the whole file back.
fn apply(
    conn: &mut DbConnection,
    c: &ContractWithProject,
    rows: &[(u64, HireFields)],
    youth: YouthAges,
    actor: &audit::Actor,
    by: &str,
    today: chrono::NaiveDate,
) -> Result<usize, ImportError> {
    let mut problems = Vec::new();
    let mut checked = Vec::with_capacity(rows.len());
    for (line, fields) in rows {
        match hire::check(fields, c.contract.signed_on, today, youth) {
            Ok(input) => checked.push((*line, input)),
            Err(p) => problems.extend(p.into_iter().map(|p| LineProblem {
                line: *line,
                column: Some(p.field),
                message: p.message,
            })),
        }
    }
    let mut tally = Tally::default();
    let record = problems.is_empty();
    let outcome = job_import::import(
        conn,
        &c.contract.id,
        &checked,
        record,
        actor,
        by,
        &mut tally,
    )?;
    match outcome {
        Ok(count) => {
            tally.flush(conn)?;
            Ok(count)
        }
        Err(refused) => {
            problems.extend(refused.iter().map(|(line, r)| {
                let (field, message) = refusal_message(r);
                LineProblem {
                    line: *line,
                    column: Some(field),
                    message,
                }
            }));
            problems.sort_by_key(|p| p.line);
            Err(ImportError::Rows(problems))
        }
    }
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
    let page = ImportPage {
        ctx,
        c: c.clone(),
        problems: Vec::new(),
        columns: &COLUMNS,
        max_rows: MAX_ROWS,
    };
    let (bytes, _) = match upload::file(form, MAX_FILE_BYTES) {
        Ok(file) => file,
        Err(problem) => return render(&page.with_problems(&[problem])),
    };
    let rows: Vec<(u64, HireFields)> = match read_rows(&bytes, &COLUMNS, MAX_ROWS) {
        Ok(rows) => rows,
        Err(problems) => return render(&page.with_problems(&problems)),
    };
    let today = page.ctx.today();
    let actor = user.actor();
    let by = user.id.clone();
    let outcome = db
        .run(move |conn| {
            let youth = jobs::youth_ages(conn, today)?;
            Ok(write_transaction(conn, |conn| {
                apply(conn, &c, &rows, youth, &actor, &by, today)
            }))
        })
        .await?;
    match outcome {
        Ok(count) => {
            FlashMessage::success(format!("flash-hires-imported|{count}")).send();
            Ok(see_other(&format!("/contracts/{cid}/jobs")))
        }
        Err(ImportError::Rows(problems)) => render(&page.with_problems(&problems)),
        Err(ImportError::Db(e)) => Err(e.into()),
    }
}
