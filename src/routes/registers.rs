//! `/registers`: admins and commission members load the registers verification matches
//! against (issue 15), one CSV file per batch, read row by row from disk; the latest batches
//! and each kind's template are listed beside the form. Admins set, per region, whether a
//! matched referral is mandatory for new employment-center hires.

use actix_multipart::form::MultipartForm;
use actix_multipart::form::tempfile::TempFile;
use actix_multipart::form::text::Text;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::regions::{self, RegionName};
use crate::db::registers::{self, BatchRow};
use crate::domain::csv_rows::LineProblem;
use crate::domain::registers::{columns, example};
use crate::domain::role::Role;
use crate::domain::verification::{Kind, month_end, parse_month};
use crate::error::AppError;
use crate::usecase::acting::Acting;
use crate::usecase::registers::{BatchHeader, LoadError, load};
use crate::web::export::{Cell, csv_rows, download};
use crate::web::page::PageCtx;
use crate::web::upload::{ShownProblem, shown};
use crate::web::{register_csv, render, see_other};

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

#[derive(Template)]
#[template(path = "registers.html")]
pub struct RegistersPage {
    pub ctx: PageCtx,
    pub kinds: [Kind; 4],
    pub batches: Vec<BatchRow>,
    pub regions: Vec<RegionName>,
    pub mandatory: Vec<String>,
    pub problems: Vec<ShownProblem>,
    pub file_name: String,
    pub is_admin: bool,
}

impl RegistersPage {
    pub fn kind_label(&self, code: &str) -> String {
        Kind::from_code(code).map_or_else(|| code.to_owned(), |k| self.ctx.t(k.label_key()))
    }

    pub fn columns(&self, k: &Kind) -> &'static [(&'static str, &'static str)] {
        columns(*k)
    }
}

fn require(user: &CurrentUser) -> Result<(), AppError> {
    user.require(&[Role::Admin, Role::Commission])
}

async fn page(
    ctx: PageCtx,
    user: &CurrentUser,
    db: &Db,
    problems: &[LineProblem],
    file_name: String,
) -> Result<HttpResponse, AppError> {
    let today = ctx.today();
    let (batches, regions, mandatory) = db
        .run(move |conn| {
            Ok((
                registers::recent(conn, 50)?,
                regions::active_names(conn, today)?,
                crate::usecase::verification::mandatory_regions(conn)?,
            ))
        })
        .await?;
    let problems = shown(&ctx.i18n, problems, |c| {
        Kind::ALL
            .iter()
            .flat_map(|k| columns(*k).iter())
            .find(|(code, _)| *code == c)
            .map(|(_, l)| *l)
    });
    render(&RegistersPage {
        kinds: Kind::ALL,
        batches,
        regions,
        mandatory,
        problems,
        file_name,
        is_admin: user.role == Role::Admin,
        ctx,
    })
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    require(&user)?;
    page(ctx, &user, &db, &[], String::new()).await
}

/// Each kind's template: the header and one example line.
pub async fn template(
    user: CurrentUser,
    kind: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    require(&user)?;
    let kind = Kind::from_code(&kind).ok_or(AppError::NotFound)?;
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    let header = columns(kind)
        .iter()
        .map(|(c, _)| Cell::Text((*c).to_owned()))
        .collect();
    let line = example(kind)
        .iter()
        .map(|v| Cell::Text((*v).to_owned()))
        .collect();
    bytes.extend(csv_rows(&[header, line]));
    Ok(download(
        bytes,
        &format!("jobmap-register-{}-template.csv", kind.code()),
        "text/csv; charset=utf-8",
    ))
}

fn text(t: &Option<Text<String>>) -> String {
    t.as_ref()
        .map(|t| t.0.trim().to_owned())
        .unwrap_or_default()
}

fn header(form: &RegisterUpload) -> Result<BatchHeader, LineProblem> {
    let bad = |key| LineProblem::file(crate::domain::message::Message::new(key));
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
    require(&user)?;
    let too_large = || {
        LineProblem::file(
            crate::domain::message::Message::new("import-too-large")
                .int("max_mb", (MAX_BYTES / 1024 / 1024) as i64),
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
            let no_file = LineProblem::file(crate::domain::message::Message::new("import-no-file"));
            return page(ctx, &user, &db, &[no_file], String::new()).await;
        }
    };
    let header = match header(&form) {
        Ok(h) => h,
        Err(p) => return page(ctx, &user, &db, &[p], String::new()).await,
    };
    let Some(file) = form.file else {
        let no_file = LineProblem::file(crate::domain::message::Message::new("import-no-file"));
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
            crate::monitoring::import_rows("registers", summary.rows as usize, true);
            FlashMessage::success(format!("flash-register-loaded|{}", summary.rows)).send();
            Ok(see_other("/registers"))
        }
        Err(LoadError::Forbidden) => Err(AppError::Forbidden),
        Err(LoadError::Lines(problems)) => page(ctx, &user, &db, &problems, file_name).await,
        Err(LoadError::Db(e)) => Err(e.into()),
    }
}
