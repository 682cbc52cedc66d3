//! `/exports/compliance.{csv|xlsx}` and `/exports/compliance-{lagging|regions}.{csv|xlsx}`:
//! the compliance page's full lists, with the page's filters, states and reasons. The file
//! name carries the date and the region, so saved files say what they hold.

use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};
use futures_util::stream;

use super::compliance::Review;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::compliance::Assessed;
use crate::domain::compliance::Assessment;
use crate::domain::project::Direction;
use crate::domain::verification::Verified;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::web::export::{self, Cell, Table};
use crate::web::page::PageCtx;
use crate::web::review::ReviewQuery;

const CHUNK: usize = 1_000;

const HEADERS: [&str; 19] = [
    "col-kato",
    "col-region",
    "project-code",
    "contract-number",
    "contract-bin",
    "contract-name",
    "project-direction",
    "compliance-state",
    "condition-center",
    "contract-center-hires",
    "contract-hires",
    "fig-center-share",
    "condition-domestic",
    "contract-declared-share",
    "contract-recorded-share",
    "compliance-needed",
    "verified-state",
    "verified-center-share",
    "verified-domestic-share",
];

fn state(i18n: &I18n, a: &Assessment) -> Cell {
    Cell::Text(i18n.t(a.state.label_key()))
}

/// One contract as the export's row: the same states and reasons as the page.
pub fn row(i18n: &I18n, region_name: &str, a: &Assessed, verified: Option<&Verified>) -> Vec<Cell> {
    let l = &a.line;
    let f = l.facts();
    let needed = [&a.c.center, &a.c.domestic]
        .into_iter()
        .filter(|x| x.state >= crate::domain::compliance::State::AtRisk)
        .map(|x| i18n.message(&x.reason))
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        Cell::Text(l.region_code.clone()),
        Cell::Text(region_name.to_owned()),
        Cell::Text(l.project_code.clone()),
        Cell::Text(l.number.clone()),
        Cell::Text(l.contractor_bin.clone()),
        Cell::Text(l.contractor_name.clone()),
        Cell::Text(
            i18n.t(Direction::from_code(&l.direction).map_or("unknown", Direction::label_key)),
        ),
        Cell::Text(i18n.t(a.state().label_key())),
        state(i18n, &a.c.center),
        Cell::Int(l.center_hires),
        Cell::Int(f.hires()),
        Cell::Percent(f.center_bp()),
        state(i18n, &a.c.domestic),
        Cell::Percent(f.declared_bp()),
        f.recorded_bp()
            .map_or(Cell::Text(String::new()), Cell::Percent),
        Cell::Text(needed),
        verified.map_or(Cell::Text(String::new()), |v| {
            Cell::Text(i18n.t(v.state().label_key()))
        }),
        verified.map_or(Cell::Text(String::new()), |v| Cell::Percent(v.center_bp)),
        verified
            .and_then(|v| v.domestic_bp)
            .map_or(Cell::Text(String::new()), Cell::Percent),
    ]
}

fn file_name(list: &str, as_of: chrono::NaiveDate, region: &str) -> String {
    let scope = if region.is_empty() { "kz" } else { region };
    format!("jobmap-{list}-{as_of}-{scope}")
}

pub async fn contracts(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    format: web::Path<String>,
    query: web::Query<ReviewQuery>,
) -> Result<HttpResponse, AppError> {
    let r = Review::load(&ctx, &user, &db, query.into_inner()).await?;
    let i18n = ctx.i18n;
    let names = &r.schedule.names;
    let selected = r.filter.select(&r.board.contracts);
    let verified = super::compliance::verified_of(&db, &selected, r.as_of == r.today).await?;
    let rows: Vec<Vec<Cell>> = selected
        .into_iter()
        .map(|a| {
            let v = verified.get(&a.line.contract_id);
            row(&i18n, names.name(&a.line.region_code, i18n.lang()), a, v)
        })
        .collect();
    let table = Table {
        name: file_name("compliance", r.as_of, r.region()),
        headers: HEADERS.iter().map(|k| i18n.t(k)).collect(),
        rows,
    };
    if format.as_str() != "csv" {
        return export::respond(&table, &format);
    }
    // Sent in pieces: the client starts receiving at once, and no second copy is built.
    let head = export::csv_bytes(&Table {
        rows: Vec::new(),
        name: String::new(),
        headers: table.headers.clone(),
    })?;
    let rows = table.rows;
    let pieces = (0..rows.len().div_ceil(CHUNK)).map(move |i| {
        let end = ((i + 1) * CHUNK).min(rows.len());
        Bytes::from(export::csv_rows(&rows[i * CHUNK..end]))
    });
    let body = stream::iter(
        std::iter::once(Bytes::from(head))
            .chain(pieces)
            .map(Ok::<_, AppError>),
    );
    Ok(export::download_stream(
        body,
        &format!("{}.csv", table.name),
        "text/csv; charset=utf-8",
    ))
}

/// The schedule lists: projects behind their plan, regions behind their monthly plans.
pub async fn schedule_list(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    query: web::Query<ReviewQuery>,
) -> Result<HttpResponse, AppError> {
    let (list, format) = path.into_inner();
    let r = Review::load(&ctx, &user, &db, query.into_inner()).await?;
    let (s, as_of, region) = (&r.schedule, r.as_of, r.region());
    let t = |k: &str| ctx.t(k);
    let name = |code: &str| s.names.name(code, ctx.lang()).to_owned();
    let table = match list.as_str() {
        "lagging" => Table {
            name: file_name("compliance-lagging", as_of, region),
            headers: vec![
                t("project-code"),
                t("project-title"),
                t("col-region"),
                t("fig-planned-jobs"),
                t("fig-jobs-created"),
                t("fig-plan-share"),
                t("compliance-expected"),
            ],
            rows: s
                .lagging
                .iter()
                .map(|p| {
                    vec![
                        Cell::Text(p.code.clone()),
                        Cell::Text(p.title.clone()),
                        Cell::Text(name(&p.region_code)),
                        Cell::Int(p.planned_jobs),
                        Cell::Int(p.jobs_created),
                        Cell::Percent(p.plan_bp()),
                        Cell::Percent(p.expected_bp(as_of)),
                    ]
                })
                .collect(),
        },
        "regions" => Table {
            name: file_name("compliance-regions", as_of, region),
            headers: vec![
                t("col-region"),
                t("compliance-monthly-planned"),
                t("fig-jobs-created"),
                t("compliance-shortfall"),
                t("fig-plan-share"),
            ],
            rows: s
                .regions_behind
                .iter()
                .map(|r| {
                    vec![
                        Cell::Text(name(&r.region_code)),
                        Cell::Int(r.planned),
                        Cell::Int(r.created),
                        Cell::Int(r.shortfall()),
                        Cell::Percent(r.plan_bp()),
                    ]
                })
                .collect(),
        },
        _ => return Err(AppError::NotFound),
    };
    export::respond(&table, &format)
}
