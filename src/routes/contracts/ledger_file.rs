//! `/contracts/{id}/procurement/import` and `…/export.csv`: a contract's procurement lines as a
//! CSV file in one format both ways, so a ledger moves to another jobmap and back unchanged.
//! The import is all or nothing through `usecase::ledger::import` (rule 3 line by line, in
//! file order); every bad line is listed with its number.

use actix_multipart::form::MultipartForm;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;

use super::{load_in_scope, require_recorder, require_running};
use crate::auth::CurrentUser;
use crate::db::contracts::ContractWithProject;
use crate::db::{Db, reimport};
use crate::domain::csv_rows::{LineProblem, read_rows};
use crate::domain::ledger::{self, LineFields};
use crate::error::AppError;
use crate::usecase::ledger::LineImportError;
use crate::usecase::{self, acting::Acting};
use crate::web::file_import::{FileImportPage, ImportKind, codes};
use crate::web::page::PageCtx;
use crate::web::upload::{self, Upload};
use crate::web::{export, render, see_other};

pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ROWS: usize = 10_000;

pub static KIND: ImportKind = ImportKind {
    metric: "procurement",
    heading: "ledger-import-heading",
    lead: "ledger-import-lead",
    back_label: "ledger-import-back",
    export_label: "ledger-export",
    columns: &[
        ("category", "ledger-category"),
        ("description", "ledger-description"),
        ("amount_tenge", "ledger-amount"),
        ("is_domestic", "ledger-import-domestic"),
        ("producer_bin", "ledger-producer-bin"),
        ("ct_kz_certificate", "ledger-certificate"),
    ],
};

fn page(ctx: PageCtx, c: &ContractWithProject) -> FileImportPage {
    let base = format!("/contracts/{}/procurement", c.contract.id);
    FileImportPage {
        ctx,
        kind: &KIND,
        action: format!("{base}/import"),
        template: format!("{base}/import/template.csv"),
        export: format!("{base}/export.csv"),
        back: base,
        max_rows: MAX_ROWS,
        problems: Vec::new(),
        file_name: String::new(),
    }
}

/// The contract, if the user may add purchases to it now.
async fn open(db: &Db, user: &CurrentUser, id: String) -> Result<ContractWithProject, AppError> {
    let c = load_in_scope(db, user, id).await?;
    require_recorder(user, &c)?;
    require_running(&c)?;
    Ok(c)
}

pub async fn form(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = open(&db, &user, id.into_inner()).await?;
    render(&page(ctx, &c))
}

pub async fn template(
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    open(&db, &user, id.into_inner()).await?;
    export::reimportable_csv::<LineFields>("jobmap-procurement-template", &codes(&KIND), &[])
}

/// The ledger in the import's format: no personal data, so anyone who sees the contract.
pub async fn export_csv(
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = load_in_scope(&db, &user, id.into_inner()).await?;
    let name = format!("jobmap-procurement-{}", c.contract.id);
    let cid = c.contract.id;
    let rows = db
        .run(move |conn| Ok(reimport::contract_lines(conn, &cid)?))
        .await?;
    export::reimportable_csv(&name, &codes(&KIND), &rows)
}

pub async fn upload(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: Result<MultipartForm<Upload>, actix_web::Error>,
) -> Result<HttpResponse, AppError> {
    let c = open(&db, &user, id.into_inner()).await?;
    let page = page(ctx, &c);
    let (bytes, file_name) = match upload::file(form, MAX_FILE_BYTES) {
        Ok(file) => file,
        Err(problem) => return render(&page.refused(&[problem], String::new())),
    };
    let rows: Vec<(u64, LineFields)> = match read_rows(&bytes, &codes(&KIND), MAX_ROWS) {
        Ok(rows) => rows,
        Err(problems) => return render(&page.refused(&problems, file_name)),
    };
    let mut lines = Vec::with_capacity(rows.len());
    let mut problems = Vec::new();
    for (line, fields) in rows {
        match ledger::check_line(&fields) {
            Ok(input) => lines.push((line, input)),
            Err(found) => problems.extend(found.into_iter().map(|p| LineProblem::at(line, p))),
        }
    }
    if !problems.is_empty() {
        return render(&page.refused(&problems, file_name));
    }
    let (cid, by) = (c.contract.id.clone(), Acting::from(&user));
    let saved = db
        .run(move |conn| Ok(usecase::ledger::import(conn, &by, &cid, &lines)))
        .await?;
    match saved {
        Ok(count) => {
            crate::monitoring::import_rows(KIND.metric, count, true);
            FlashMessage::success(format!("flash-ledger-imported|{count}")).send();
            Ok(see_other(&page.back))
        }
        Err(LineImportError::Lines(problems)) => render(&page.refused(&problems, file_name)),
        Err(LineImportError::NotFound) => Err(AppError::NotFound),
        Err(LineImportError::Forbidden) => Err(AppError::Forbidden),
        Err(LineImportError::Db(e)) => Err(e.into()),
    }
}
