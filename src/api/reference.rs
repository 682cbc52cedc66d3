//! Reference data (regions, dated parameters) and the caller's own account.

use actix_web::{get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::problem::{ApiError, Problem};
use crate::db::Db;
use crate::db::reference::{self, ParameterRecord, RegionRecord};
use crate::domain::role::Scope;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(me).service(regions).service(parameters);
}

/// The service account a token belongs to, and what it may see.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub account: String,
    /// `admin`, `commission`, `akimat` or `contractor`.
    pub role: String,
    /// The KATO code of an akimat account's region.
    pub region: Option<String>,
    /// The BIN of a contractor account.
    pub contractor_bin: Option<String>,
}

/// Who the token acts as.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Me),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn me(caller: ApiCaller) -> web::Json<Me> {
    let (region, contractor_bin) = match caller.acting.scope {
        Scope::National => (None, None),
        Scope::Region(r) => (Some(r), None),
        Scope::Contractor(b) => (None, Some(b)),
    };
    web::Json(Me {
        account: caller.acting.login,
        role: caller.acting.role.code().to_owned(),
        region,
        contractor_bin,
    })
}

/// A KATO first-level unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct Region {
    /// Two-digit KATO code, e.g. `71` (Astana).
    pub code: String,
    pub iso_3166_2: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    /// `region` or `city`.
    pub kind: String,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
    /// The region it was split from (Abai, Zhetisu and Ulytau in 2022).
    pub split_from: Option<String>,
}

impl From<RegionRecord> for Region {
    fn from(r: RegionRecord) -> Self {
        Self {
            code: r.code,
            iso_3166_2: r.iso_3166_2,
            name_en: r.name_en,
            name_ru: r.name_ru,
            name_kk: r.name_kk,
            kind: r.kind,
            active_from: r.active_from,
            active_to: r.active_to,
            split_from: r.split_from,
        }
    }
}

/// Every region, in KATO order, with the dates it was in force.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<Region>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/regions")]
pub async fn regions(
    _caller: ApiCaller,
    db: web::Data<Db>,
) -> Result<web::Json<Vec<Region>>, ApiError> {
    let rows = db.run(|conn| Ok(reference::all_regions(conn)?)).await?;
    Ok(web::Json(rows.into_iter().map(Region::from).collect()))
}

/// One dated value of a parameter.
#[derive(Debug, Serialize, ToSchema)]
pub struct Parameter {
    /// `MZP` (minimum wage, tenge), `MRP`, `YOUTH_MIN_AGE`, `YOUTH_MAX_AGE`, …
    pub code: String,
    pub valid_from: NaiveDate,
    /// The day before the next value took over; absent while in force.
    pub valid_to: Option<NaiveDate>,
    pub value: i64,
    pub note: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ParameterQuery {
    /// Only this parameter.
    pub code: Option<String>,
    /// Only the value in force on this date (YYYY-MM-DD).
    pub on: Option<NaiveDate>,
}

/// Dated parameters: every value with the period it was in force.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    params(ParameterQuery),
    responses(
        (status = 200, body = Vec<Parameter>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/parameters")]
pub async fn parameters(
    _caller: ApiCaller,
    db: web::Data<Db>,
    query: web::Query<ParameterQuery>,
) -> Result<web::Json<Vec<Parameter>>, ApiError> {
    let rows = db.run(|conn| Ok(reference::all_parameters(conn)?)).await?;
    Ok(web::Json(dated(rows, query.code.as_deref(), query.on)))
}

/// Each value's end is the day before the next value of the same code starts.
fn dated(rows: Vec<ParameterRecord>, code: Option<&str>, on: Option<NaiveDate>) -> Vec<Parameter> {
    let mut out: Vec<Parameter> = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let next = rows
            .get(i + 1)
            .filter(|n| n.code == r.code)
            .map(|n| n.valid_from);
        out.push(Parameter {
            code: r.code.clone(),
            valid_from: r.valid_from,
            valid_to: next.and_then(|d| d.pred_opt()),
            value: r.value,
            note: r.note.clone(),
        });
    }
    out.retain(|p| code.is_none_or(|c| p.code.eq_ignore_ascii_case(c)));
    if let Some(day) = on {
        out.retain(|p| p.valid_from <= day && p.valid_to.is_none_or(|to| day <= to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    #[test]
    fn a_value_ends_where_the_next_begins() {
        let rows = vec![
            ParameterRecord {
                code: "MZP".into(),
                valid_from: d(2022, 1),
                value: 60_000,
                note: String::new(),
            },
            ParameterRecord {
                code: "MZP".into(),
                valid_from: d(2023, 1),
                value: 70_000,
                note: String::new(),
            },
        ];
        let all = dated(rows.clone(), None, None);
        assert_eq!(all[0].valid_to, NaiveDate::from_ymd_opt(2022, 12, 31));
        assert_eq!(all[1].valid_to, None);
        let on = dated(rows, Some("mzp"), Some(d(2022, 6)));
        assert_eq!(on.len(), 1);
        assert_eq!(on[0].value, 60_000);
    }
}
