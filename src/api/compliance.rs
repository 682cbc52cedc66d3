//! Compliance lists: the contracts the commission (or an officer, for their region) reviews,
//! with their state on each condition as of a date, from the same board as `/compliance`
//! (`web::review::board`) and filtered by the same `web::review::Filter`.

use actix_web::{HttpRequest, get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::figures::{as_of, today};
use super::paging;
use super::problem::{self, ApiError, Problem, Text};
use super::views::{ComplianceView, VerifiedView};
use crate::db::Db;
use crate::domain::compliance::{Condition, State};
use crate::domain::project::Direction;
use crate::i18n::I18n;
use crate::web::review::{self, ReviewQuery};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ComplianceQuery {
    /// The date (YYYY-MM-DD); today when absent.
    pub as_of: Option<NaiveDate>,
    /// KATO code (an akimat account always gets its own region).
    pub region: Option<String>,
    /// `center` or `domestic`: judge by that condition's state only.
    pub condition: Option<String>,
    /// `met`, `at_risk`, `breached`, `no_data`, or `all`; at risk and breached when absent.
    pub state: Option<String>,
    /// A direction code.
    pub direction: Option<String>,
    /// A contractor's BIN.
    pub bin: Option<String>,
    /// 1 to 1000; 100 when absent.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

fn unknown(field: &'static str, value: &str) -> ApiError {
    ApiError::bad_request("invalid_query", format!("{field}: unknown value '{value}'")).field(
        problem::pointer("", field),
        "unknown_value",
        Text::Plain(format!("unknown value '{value}'")),
    )
}

impl ComplianceQuery {
    fn review_query(&self) -> Result<ReviewQuery, ApiError> {
        if let Some(c) = self
            .condition
            .as_deref()
            .filter(|c| Condition::from_code(c).is_none())
        {
            return Err(unknown("condition", c));
        }
        if let Some(s) = self
            .state
            .as_deref()
            .filter(|s| *s != "all" && State::from_code(s).is_none())
        {
            return Err(unknown("state", s));
        }
        if let Some(d) = self
            .direction
            .as_deref()
            .filter(|d| Direction::from_code(d).is_none())
        {
            return Err(unknown("direction", d));
        }
        Ok(ReviewQuery {
            region: self.region.clone().unwrap_or_default(),
            condition: self.condition.clone().unwrap_or_default(),
            state: self.state.clone().unwrap_or_default(),
            direction: self.direction.clone().unwrap_or_default(),
            bin: self.bin.clone().unwrap_or_default(),
            ..ReviewQuery::default()
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ComplianceItem {
    pub contract_id: String,
    pub contract_number: String,
    pub contractor_bin: String,
    pub contractor_name: String,
    pub project_id: String,
    pub project_code: String,
    pub region: String,
    pub direction: String,
    /// The project's state: the worst of its contracts'.
    pub project_state: String,
    pub compliance: ComplianceView,
    /// On verified data (issue 15); `null` for a date before today (the stored checks are
    /// today's).
    pub verified: Option<VerifiedView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CompliancePage {
    pub as_of: NaiveDate,
    /// Worst first, as on the compliance page.
    pub items: Vec<ComplianceItem>,
    pub next_cursor: Option<String>,
}

/// Contracts of approved projects with their compliance state as of a date, worst first.
/// National accounts and akimat accounts (their region) only; others get 404, as on the pages.
#[utoipa::path(
    tag = "compliance",
    security(("bearer" = [])),
    params(ComplianceQuery),
    responses(
        (status = 200, body = CompliancePage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/compliance")]
pub async fn list(
    caller: ApiCaller,
    req: HttpRequest,
    db: web::Data<Db>,
    query: web::Query<ComplianceQuery>,
) -> Result<web::Json<CompliancePage>, ApiError> {
    let i18n = I18n::new(problem::language(&req));
    let mut q = query.review_query()?;
    crate::routes::compliance::reviewed_region_of(
        caller.acting.role,
        &caller.acting.scope,
        &mut q,
    )?;
    let today = today(&req);
    let as_of = as_of(query.as_of, today)?;
    let limit = paging::limit(query.limit)?;
    let start = match paging::decode(query.cursor.as_deref())? {
        Some(s) => s.parse::<usize>().map_err(|_| {
            ApiError::bad_request("invalid_cursor", "the cursor is not one this API gave out")
        })?,
        None => 0,
    };
    let board = review::board(&db, "", as_of, today).await?;
    let selected = q.filter().select(&board.contracts);
    let end = selected
        .len()
        .min(start + usize::try_from(limit).unwrap_or(0));
    let page = selected.get(start..end).unwrap_or_default();
    let verified = crate::routes::compliance::verified_of(&db, page, as_of == today).await?;
    let items = page
        .iter()
        .map(|a| ComplianceItem {
            contract_id: a.line.contract_id.clone(),
            contract_number: a.line.number.clone(),
            contractor_bin: a.line.contractor_bin.clone(),
            contractor_name: a.line.contractor_name.clone(),
            project_id: a.line.project_id.clone(),
            project_code: a.line.project_code.clone(),
            region: a.line.region_code.clone(),
            direction: a.line.direction.clone(),
            project_state: board.project(&a.line.project_id).state.code().to_owned(),
            compliance: ComplianceView::of(&a.c, &i18n),
            verified: verified
                .get(&a.line.contract_id)
                .map(|v| VerifiedView::of(v, &i18n)),
        })
        .collect();
    Ok(web::Json(CompliancePage {
        as_of,
        items,
        next_cursor: (end < selected.len()).then(|| paging::encode(&end.to_string())),
    }))
}
