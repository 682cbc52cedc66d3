//! Figures as of a date: national, per region (ranked) and per month, from the same load the
//! dashboard shows (`routes::dashboard::data`) and, for one region's months, the function the
//! region page uses.

use actix_web::{HttpRequest, get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::problem::{ApiError, Problem};
use crate::clock::Clock;
use crate::db::Db;
use crate::domain::figures::Figures;
use crate::domain::verification::Verified;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(figures);
}

/// One region's figures (or the nation's, with `region` absent) as of a date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FiguresView {
    /// KATO code; absent for the national total.
    pub region: Option<String>,
    /// Position by % of plan, ties by jobs created; absent for the total and unranked regions.
    pub rank: Option<i64>,
    pub projects_selected: i64,
    pub projects_approved: i64,
    pub projects_started: i64,
    pub projects_completed: i64,
    pub planned_jobs: i64,
    pub planned_center_hires: i64,
    pub planned_permanent: i64,
    pub budget_tenge: i64,
    pub jobs_created: i64,
    pub center_hires: i64,
    pub youth_hires: i64,
    pub permanent_created: i64,
    pub lifting_paid: i64,
    pub lifting_paid_tenge: i64,
    pub contracts_value_tenge: i64,
    pub contracts_domestic_tenge: i64,
    /// Jobs created over planned jobs, in basis points (10000 = 100%).
    pub plan_bp: i64,
    /// Employment-center hires over all hires, in basis points.
    pub center_bp: i64,
    pub youth_bp: i64,
    /// Domestic part of the contracts' declared value, in basis points.
    pub domestic_bp: i64,
    /// The verified figures (issue 15), judged like a contract's; today only (`null` for an
    /// earlier `as_of`).
    pub verified: Option<AreaVerifiedView>,
}

/// A region's or the nation's verified figures: what the registers proved, with the same
/// compliance states as the declared figures (`no_data` while they do not yet decide).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AreaVerifiedView {
    /// `met`, `at_risk`, `breached` or `no_data`: the worse of the two conditions.
    pub state: String,
    pub center_state: String,
    pub domestic_state: String,
    /// Hires whose referral matched / all hires, in basis points.
    pub center_share_bp: i64,
    /// Domestic value proven by certificates / all recorded purchases; `null` before any.
    pub domestic_share_bp: Option<i64>,
    /// Employment-center hires not yet checked against a loaded register.
    pub unchecked_hires: i64,
    /// Domestic value not yet checked, in tenge.
    pub unchecked_tenge: i64,
}

impl AreaVerifiedView {
    pub fn of(v: &Verified) -> Self {
        Self {
            state: v.state().code().to_owned(),
            center_state: v.compliance.center.state.code().to_owned(),
            domestic_state: v.compliance.domestic.state.code().to_owned(),
            center_share_bp: v.center_bp,
            domestic_share_bp: v.domestic_bp,
            unchecked_hires: v.unchecked_hires,
            unchecked_tenge: v.unchecked_tenge,
        }
    }
}

impl FiguresView {
    fn with_verified(mut self, v: Option<&Verified>) -> Self {
        self.verified = v.map(AreaVerifiedView::of);
        self
    }
}

impl From<&Figures> for FiguresView {
    fn from(f: &Figures) -> Self {
        Self {
            region: (!f.code.is_empty()).then(|| f.code.clone()),
            rank: (f.rank > 0 && f.is_ranked()).then_some(f.rank),
            projects_selected: f.projects_selected,
            projects_approved: f.projects_approved,
            projects_started: f.projects_started,
            projects_completed: f.projects_completed,
            planned_jobs: f.planned_jobs,
            planned_center_hires: f.planned_center_hires,
            planned_permanent: f.planned_permanent,
            budget_tenge: f.budget_tenge,
            jobs_created: f.jobs_created,
            center_hires: f.center_hires,
            youth_hires: f.youth_hires,
            permanent_created: f.permanent_created,
            lifting_paid: f.lifting_paid,
            lifting_paid_tenge: f.lifting_paid_tenge,
            contracts_value_tenge: f.contracts_value,
            contracts_domestic_tenge: f.contracts_domestic,
            plan_bp: f.plan_bp(),
            center_bp: f.center_bp(),
            youth_bp: f.youth_bp(),
            domestic_bp: f.domestic_bp(),
            verified: None,
        }
    }
}

/// Jobs created in a month against the monthly plan.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MonthView {
    /// The month's first day.
    pub month: NaiveDate,
    pub jobs_created: i64,
    pub planned_jobs: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FiguresReport {
    pub as_of: NaiveDate,
    pub national: FiguresView,
    /// The regions in force on the date, ranked.
    pub regions: Vec<FiguresView>,
    /// Month by month up to the date (nationally, or for `region` when asked).
    pub months: Vec<MonthView>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FiguresQuery {
    /// The date (YYYY-MM-DD); today in Kazakhstan when absent. A later date is refused.
    pub as_of: Option<NaiveDate>,
    /// Months of this region (KATO code) instead of the nation's.
    pub region: Option<String>,
}

/// The date asked for, never after today.
pub fn as_of(asked: Option<NaiveDate>, today: NaiveDate) -> Result<NaiveDate, ApiError> {
    match asked {
        Some(d) if d > today => Err(ApiError::bad_request(
            "invalid_query",
            format!("as_of is after today ({today})"),
        )),
        Some(d) => Ok(d),
        None => Ok(today),
    }
}

/// The report every figures answer gives (the token route and the open data alike).
pub async fn report(
    db: &Db,
    as_of: NaiveDate,
    today: NaiveDate,
    region: Option<String>,
) -> Result<FiguresReport, ApiError> {
    let data = crate::routes::dashboard::data(db, as_of, today).await?;
    let months = match region {
        None => data.monthly.clone(),
        Some(code) => {
            if !data.regions.iter().any(|r| r.code == code) {
                return Err(ApiError::not_found().detail(format!("no region {code} on {as_of}")));
            }
            db.run(move |conn| Ok(crate::db::figures::monthly(conn, Some(&code), as_of)?))
                .await?
        }
    };
    Ok(FiguresReport {
        as_of,
        national: FiguresView::from(&data.total).with_verified(data.verified_of("")),
        regions: data
            .regions
            .iter()
            .map(|f| FiguresView::from(f).with_verified(data.verified_of(&f.code)))
            .collect(),
        months: months
            .into_iter()
            .map(|(month, jobs_created, planned_jobs)| MonthView {
                month,
                jobs_created,
                planned_jobs,
            })
            .collect(),
    })
}

/// National, regional and monthly figures as of a date, exactly as the dashboard shows them.
#[utoipa::path(
    tag = "figures",
    security(("bearer" = [])),
    params(FiguresQuery),
    responses(
        (status = 200, body = FiguresReport),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/figures")]
pub async fn figures(
    _caller: ApiCaller,
    req: HttpRequest,
    db: web::Data<Db>,
    query: web::Query<FiguresQuery>,
) -> Result<web::Json<FiguresReport>, ApiError> {
    let today = today(&req);
    let query = query.into_inner();
    let as_of = as_of(query.as_of, today)?;
    Ok(web::Json(report(&db, as_of, today, query.region).await?))
}

/// The programme's date, from the server's clock.
pub fn today(req: &HttpRequest) -> NaiveDate {
    req.app_data::<web::Data<Clock>>()
        .map(|c| c.get_ref().today())
        .unwrap_or_else(|| Clock::default().today())
}
