//! `/registers`: admins and commission members load the registers verification matches
//! against (issue 15), one CSV file per batch (`register_load`); the latest batches and each
//! kind's template are listed beside the form. Admins set, per region, whether a
//! matched referral is mandatory for new employment-center hires.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::regions::{self, RegionName};
use crate::db::registers::{self, BatchRow};
use crate::domain::csv_rows::LineProblem;
use crate::domain::registers::{columns, example};
use crate::domain::role::Role;
use crate::domain::verification::Kind;
use crate::error::AppError;
use crate::web::export::{Cell, csv_rows, download};
use crate::web::page::PageCtx;
use crate::web::render;
use crate::web::upload::{ShownProblem, shown};

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

pub(super) async fn page(
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
                registers::recent_of(conn, None, 50)?,
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
