//! `POST /registers/load`: one register batch from a CSV file, streamed to a temporary file
//! and read from there row by row (`web::register_csv`) by `usecase::registers::load`. A
//! refused file shows the registers page again with every problem by line.

use actix_multipart::form::MultipartForm;
use actix_multipart::form::tempfile::TempFile;
use actix_multipart::form::text::Text;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;

use super::registers::page;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::domain::csv_rows::LineProblem;
use crate::domain::message::Message;
use crate::domain::role::Role;
use crate::domain::verification::{Kind, month_end, parse_month};
use crate::error::AppError;
use crate::usecase::acting::Acting;
use crate::usecase::registers::{BatchHeader, LoadError, load};
use crate::web::page::PageCtx;
use crate::web::{register_csv, see_other};

/// Largest register file: a million contribution lines are about 50 MB.
pub const MAX_FILE: &str = "512MiB";
pub const MAX_BYTES: usize = 512 * 1024 * 1024;

#[derive(MultipartForm)]
pub struct RegisterUpload {
    /// Checked by the CSRF guard before the handler runs (sent first).
    #[allow(dead_code)]
    csrf_token: Option<Text<String>>,
    kind: Option<Text<String>>,
    region: Option<Text<String>>,
    period_from: Option<Text<String>>,
    period_to: Option<Text<String>>,
    source: Option<Text<String>>,
    #[multipart(limit = "512MiB")]
    file: Option<TempFile>,
}

fn text(t: &Option<Text<String>>) -> String {
    t.as_ref()
        .map(|t| t.0.trim().to_owned())
        .unwrap_or_default()
}

fn header(form: &RegisterUpload) -> Result<BatchHeader, LineProblem> {
    let bad = |key| LineProblem::file(Message::new(key));
    let kind = Kind::from_code(&text(&form.kind)).ok_or_else(|| bad("register-kind-required"))?;
    let from =
        parse_month(&text(&form.period_from)).ok_or_else(|| bad("register-period-required"))?;
    let to = parse_month(&text(&form.period_to)).ok_or_else(|| bad("register-period-required"))?;
    Ok(BatchHeader {
        kind,
        region: if kind.per_region() {
            text(&form.region)
        } else {
            String::new()
        },
        from,
        to: month_end(to),
        source: text(&form.source),
    })
}

pub async fn upload(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    form: Result<MultipartForm<RegisterUpload>, actix_web::Error>,
) -> Result<HttpResponse, AppError> {
    user.require(&[Role::Admin, Role::Commission])?;
    let too_large = || {
        LineProblem::file(
            Message::new("import-too-large").int("max_mb", (MAX_BYTES / 1024 / 1024) as i64),
        )
    };
    let form = match form {
        Ok(MultipartForm(f)) => f,
        Err(e)
            if e.as_response_error().status_code()
                == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE =>
        {
            return page(ctx, &user, &db, &[too_large()], String::new()).await;
        }
        Err(_) => {
            let no_file = LineProblem::file(Message::new("import-no-file"));
            return page(ctx, &user, &db, &[no_file], String::new()).await;
        }
    };
    let header = match header(&form) {
        Ok(h) => h,
        Err(p) => return page(ctx, &user, &db, &[p], String::new()).await,
    };
    let Some(file) = form.file else {
        let no_file = LineProblem::file(Message::new("import-no-file"));
        return page(ctx, &user, &db, &[no_file], String::new()).await;
    };
    let file_name = file.file_name.clone().unwrap_or_default();
    let by = Acting::from(&user);
    let today = ctx.today();
    let kind = header.kind;
    let loaded = db
        .run(move |conn| {
            // The temporary file lives until this closure ends.
            let rows = match register_csv::open(file.file.path(), kind) {
                Ok(rows) => rows,
                Err(p) => return Ok(Err(LoadError::Lines(vec![p]))),
            };
            Ok(load(conn, &by, &header, rows, today))
        })
        .await?;
    match loaded {
        Ok(summary) => {
            // The region pages' verified figures are cached with the other figures.
            crate::db::cache::touched();
            crate::monitoring::import_rows("registers", summary.rows as usize, true);
            FlashMessage::success(format!("flash-register-loaded|{}", summary.rows)).send();
            Ok(see_other("/registers"))
        }
        Err(LoadError::Forbidden) => Err(AppError::Forbidden),
        Err(LoadError::Lines(problems)) => page(ctx, &user, &db, &problems, file_name).await,
        Err(LoadError::Db(e)) => Err(e.into()),
    }
}
