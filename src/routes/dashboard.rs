//! `/` (public) and `/dashboard`: every region's figures as of a date, ranked, with the
//! national total and the monthly plan against jobs created.

use std::collections::HashMap;
use std::sync::Arc;

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::regions::RegionNames;
use crate::db::{Db, figures, verified_tallies};
use crate::domain::compliance::State;
use crate::domain::figures::Figures;
use crate::domain::numbers::parse_date;
use crate::domain::verification::{Verified, verified_area};
use crate::error::AppError;
use crate::web::chart;
use crate::web::page::{AsI64, PageCtx};
use crate::web::render;
use crate::web::review::{self, Summary};

#[derive(Debug, Default, Deserialize)]
pub struct AsOfQuery {
    #[serde(default)]
    pub as_of: String,
}

impl AsOfQuery {
    /// The date asked for, or today; never after today.
    pub fn date(&self, today: NaiveDate) -> NaiveDate {
        parse_date(&self.as_of)
            .filter(|d| *d <= today)
            .unwrap_or(today)
    }
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
    content: Arc<String>,
}

impl DashboardPage {
    fn content(&self) -> &str {
        &self.content
    }
}

/// Everything inside the page's layout: the same for every visitor in a language, so it is
/// rendered once per language, date and figures generation and kept (`Db::memo`).
#[derive(Template)]
#[template(path = "dashboard_content.html")]
pub struct DashboardContent<'a> {
    pub ctx: &'a PageCtx,
    pub as_of: NaiveDate,
    pub data: &'a DashboardData,
    pub public: bool,
    chart: String,
    /// Each region's share bar by code, and the total's under "".
    bars: HashMap<String, String>,
    /// Projects by compliance state, nationally and per region (`web::review::Board`).
    review: &'a Summary,
}

impl DashboardContent<'_> {
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.data.names.name(code, self.ctx.lang())
    }

    pub fn pct(&self, bp: impl AsI64) -> String {
        self.ctx.i18n.percent(bp.as_i64())
    }

    /// % of plan, or a dash where there is no plan to measure against.
    pub fn plan_pct(&self, f: &Figures) -> String {
        if f.planned_jobs > 0 {
            self.pct(f.plan_bp())
        } else {
            "—".to_owned()
        }
    }

    /// Whether some region shows a dash for its rank, which the page then explains.
    pub fn any_unranked(&self) -> bool {
        self.data.regions.iter().any(|r| !r.is_ranked())
    }

    pub fn rows_with_total(&self) -> impl Iterator<Item = &Figures> {
        self.data
            .regions
            .iter()
            .chain(std::iter::once(&self.data.total))
    }

    pub fn center_bar(&self, f: &Figures) -> &str {
        self.bars.get(&f.code).map_or("", String::as_str)
    }

    pub fn chart(&self) -> &str {
        &self.chart
    }

    /// A region's counts (the nation's under "").
    fn counts(&self, code: &str) -> (i64, i64) {
        let counts = if code.is_empty() {
            Some(&self.review.national)
        } else {
            self.review.region(code)
        };
        counts.map_or((0, 0), |c| {
            (c.projects_in(State::Breached), c.projects_in(State::AtRisk))
        })
    }

    /// A region's projects breached and at risk, in words.
    pub fn flagged(&self, code: &str) -> String {
        let (breached, at_risk) = self.counts(code);
        self.ctx
            .t_ints("dashboard-flagged", "breached", breached, "risk", at_risk)
    }

    pub fn flagged_any(&self, code: &str) -> bool {
        let (breached, at_risk) = self.counts(code);
        breached + at_risk > 0
    }
}

/// Monthly jobs created against the monthly plan.
pub fn monthly_chart(ctx: &PageCtx, monthly: Vec<(NaiveDate, i64, i64)>) -> String {
    chart_with(
        ctx,
        monthly,
        ["chart-plan-vs-actual", "chart-created", "chart-planned"],
    )
}

/// A project's jobs created so far, month by month, against what its plan expects by then.
pub fn cumulative_chart(ctx: &PageCtx, monthly: Vec<(NaiveDate, i64, i64)>) -> String {
    chart_with(
        ctx,
        monthly,
        [
            "chart-project-progress",
            "chart-created-so-far",
            "chart-expected-so-far",
        ],
    )
}

/// (month, bars, line) as a chart whose title, bar and line labels are these keys.
fn chart_with(ctx: &PageCtx, monthly: Vec<(NaiveDate, i64, i64)>, keys: [&str; 3]) -> String {
    let months: Vec<(String, i64, i64)> = monthly
        .into_iter()
        .map(|(m, created, planned)| (m.format("%Y-%m").to_string(), created, planned))
        .collect();
    chart::plan_vs_actual(
        &months,
        &ctx.t(keys[0]),
        &ctx.t(keys[1]),
        &ctx.t(keys[2]),
        &|n| ctx.i18n.num(n),
    )
}

/// What the dashboard shows as of a date, loaded once per figures generation.
pub struct DashboardData {
    pub regions: Vec<Figures>,
    pub total: Figures,
    pub names: RegionNames,
    pub monthly: Vec<(NaiveDate, i64, i64)>,
    /// The verified figures (issue 15) by region code, the nation's under "": today only,
    /// since the checks are as of now.
    pub verified: HashMap<String, Verified>,
}

impl DashboardData {
    /// The verified figures of a region (the nation's for "").
    pub fn verified_of(&self, code: &str) -> Option<&Verified> {
        self.verified.get(code)
    }
}

/// Each region's verified figures and the nation's, from the regions' running tallies (a row
/// each) and the declared hires of `regions`.
pub fn verified_by_region(
    conn: &mut crate::db::DbConnection,
    regions: &[Figures],
    total: &Figures,
) -> diesel::QueryResult<HashMap<String, Verified>> {
    let tallies = verified_tallies::of_regions(conn)?;
    let mut out: HashMap<String, Verified> = regions
        .iter()
        .map(|f| {
            let t = tallies.get(&f.code).copied().unwrap_or_default();
            (
                f.code.clone(),
                verified_area(f.jobs_created, f.center_hires, &t),
            )
        })
        .collect();
    let national = verified_tallies::national(&tallies);
    out.insert(
        String::new(),
        verified_area(total.jobs_created, total.center_hires, &national),
    );
    Ok(out)
}

/// The dashboard's figures as of a date: what the page shows, and what the API and the open
/// data answer (one load, one definition).
pub async fn data(
    db: &Db,
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<Arc<DashboardData>, AppError> {
    db.cached(format!("dashboard {as_of}"), move |conn| {
        let (regions, total) = figures::as_of(conn, as_of, today)?;
        let verified = if as_of == today {
            verified_by_region(conn, &regions, &total)?
        } else {
            HashMap::new()
        };
        Ok(DashboardData {
            verified,
            regions,
            total,
            names: RegionNames::load(conn)?,
            monthly: figures::monthly(conn, None, as_of)?,
        })
    })
    .await
}

async fn page(
    ctx: PageCtx,
    db: &Db,
    as_of: NaiveDate,
    public: bool,
) -> Result<HttpResponse, AppError> {
    let today = ctx.today();
    let data = data(db, as_of, today).await?;
    let board = review::board(db, "", as_of, today).await?;
    let key = format!("dashboard {as_of} {} {public}", ctx.lang_code());
    let content = db
        .memo(key, || {
            let bar = |f: &Figures| {
                let text = ctx.i18n.percent(f.center_bp());
                (
                    f.code.clone(),
                    chart::share_bar(f.center_bp(), 5_000, &text),
                )
            };
            DashboardContent {
                ctx: &ctx,
                as_of,
                data: &data,
                public,
                chart: monthly_chart(&ctx, data.monthly.clone()),
                bars: data
                    .regions
                    .iter()
                    .chain(std::iter::once(&data.total))
                    .map(bar)
                    .collect(),
                review: &board.summary,
            }
            .render()
            .map_err(|e| AppError::Internal(anyhow::anyhow!("dashboard: {e}")))
        })
        .await?;
    render(&DashboardPage { ctx, content })
}

pub async fn public(
    ctx: PageCtx,
    db: web::Data<Db>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, AppError> {
    let as_of = query.date(ctx.today());
    page(ctx, &db, as_of, true).await
}

pub async fn dashboard(
    ctx: PageCtx,
    _user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, AppError> {
    let as_of = query.date(ctx.today());
    page(ctx, &db, as_of, false).await
}
