//! `/compliance`: for the commission (every region) and akimat officers (their own), a
//! summary of both conditions by state, then the contracts that need attention, worst first,
//! each with what is needed; projects behind schedule; regions behind their monthly plans.

use std::collections::HashMap;
use std::sync::Arc;

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;

use crate::auth::CurrentUser;
use crate::db::compliance::{self, Assessed, ProjectProgress, RegionPlan};
use crate::db::regions::{self, RegionName, RegionNames};
use crate::db::{Db, figures};
use crate::domain::compliance::{Assessment, Condition, ContractFacts, State};
use crate::domain::project::Direction;
use crate::domain::role::{Role, Scope};
use crate::domain::verification::Verified;
use crate::error::AppError;
use crate::web::page::{AsI64, PageCtx};
use crate::web::render;
use crate::web::review::{self, Board, Filter, Paged, ReviewQuery, Summary};

/// How many projects behind schedule the page lists; the export has them all.
pub const LAGGING_SHOWN: usize = 20;

/// The region a user reviews: akimat officers only their own; the commission any.
pub fn reviewed_region(user: &CurrentUser, q: &mut ReviewQuery) -> Result<(), AppError> {
    reviewed_region_of(user.role, &user.scope, q)
}

/// The same for any role and scope (a service account's too).
pub fn reviewed_region_of(role: Role, scope: &Scope, q: &mut ReviewQuery) -> Result<(), AppError> {
    match scope {
        Scope::National => Ok(()),
        Scope::Region(code) if role == Role::Akimat => {
            q.region = code.clone();
            Ok(())
        }
        _ => Err(AppError::NotFound),
    }
}

/// The schedule lists beside the contracts, loaded once per figures generation.
pub struct Schedule {
    pub lagging: Vec<ProjectProgress>,
    pub regions_behind: Vec<RegionPlan>,
    pub names: RegionNames,
}

pub async fn schedule(
    db: &Db,
    region: &str,
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<Arc<Schedule>, AppError> {
    let region = region.to_owned();
    db.cached(format!("schedule {region} {as_of}"), move |conn| {
        let (regions, _) = figures::as_of(conn, as_of, today)?;
        let created = regions
            .iter()
            .map(|f| (f.code.clone(), f.jobs_created))
            .collect();
        Ok(Schedule {
            lagging: compliance::lagging_projects(conn, &region, as_of, today)?,
            regions_behind: compliance::regions_behind(conn, as_of, &created)?
                .into_iter()
                .filter(|x| region.is_empty() || x.region_code == region)
                .collect(),
            names: RegionNames::load(conn)?,
        })
    })
    .await
}

#[derive(Template)]
#[template(path = "compliance.html")]
pub struct CompliancePage<'a> {
    pub ctx: PageCtx,
    pub q: ReviewQuery,
    pub filter: Filter,
    pub as_of: NaiveDate,
    pub summary: Summary,
    pub list: Paged<'a, &'a Assessed>,
    pub schedule: &'a Schedule,
    pub regions: Vec<RegionName>,
    pub national: bool,
    /// The listed contracts' verified figures (issue 15), when the page is as of today.
    pub verified: HashMap<String, Verified>,
}

impl CompliancePage<'_> {
    pub fn pct(&self, bp: impl AsI64) -> String {
        self.ctx.i18n.percent(bp.as_i64())
    }

    pub fn region_name<'b>(&'b self, code: &'b str) -> &'b str {
        self.schedule.names.name(code, self.ctx.lang())
    }

    pub fn states(&self) -> [State; 4] {
        State::ALL
    }

    pub fn conditions(&self) -> [Condition; 2] {
        Condition::ALL
    }

    pub fn directions(&self) -> &'static [Direction] {
        Direction::ALL
    }

    /// What a row's "what is needed" speaks of: the condition chosen, else every condition
    /// that needs attention (or the contract's worse one when none does).
    pub fn needs<'b>(&self, a: &'b Assessed) -> Vec<&'b Assessment> {
        if let Some(c) = self.filter.condition {
            return vec![a.c.condition(c)];
        }
        let flagged: Vec<&Assessment> = [&a.c.center, &a.c.domestic]
            .into_iter()
            .filter(|x| x.state >= State::AtRisk)
            .collect();
        if flagged.is_empty() {
            vec![if a.c.domestic.state > a.c.center.state {
                &a.c.domestic
            } else {
                &a.c.center
            }]
        } else {
            flagged
        }
    }

    pub fn verified_of(&self, a: &Assessed) -> Option<&Verified> {
        self.verified.get(&a.line.contract_id)
    }

    pub fn row_state(&self, a: &Assessed) -> State {
        self.filter.state_of(a)
    }

    pub fn export(&self, format: &str) -> String {
        format!("/exports/compliance.{format}?{}", self.q.with("page", ""))
    }

    /// The list behind a summary cell: that region, condition and state.
    pub fn cell_link(&self, region: &str, c: Condition, s: State) -> String {
        let mut q = self.q.clone();
        q.region = region.to_owned();
        q.condition = c.code().to_owned();
        q.state = s.code().to_owned();
        format!("/compliance?{}#contracts", q.with("page", ""))
    }

    pub fn lagging(&self) -> &[ProjectProgress] {
        let n = self.schedule.lagging.len().min(LAGGING_SHOWN);
        &self.schedule.lagging[..n]
    }

    pub fn expected(&self, p: &ProjectProgress) -> i64 {
        p.expected_bp(self.as_of)
    }

    pub fn lagging_export(&self, format: &str) -> String {
        format!(
            "/exports/compliance-lagging.{format}?region={}&as_of={}",
            self.filter.region.as_deref().unwrap_or(""),
            self.as_of
        )
    }
}

/// The verified figures (issue 15) of listed contracts. The stored checks are those of today,
/// so a page as of an earlier date shows none.
pub async fn verified_of(
    db: &Db,
    rows: &[&Assessed],
    current: bool,
) -> Result<HashMap<String, Verified>, AppError> {
    if !current || rows.is_empty() {
        return Ok(HashMap::new());
    }
    let facts: Vec<(String, ContractFacts)> = rows
        .iter()
        .map(|a| (a.line.contract_id.clone(), a.line.facts()))
        .collect();
    db.run(move |conn| Ok(crate::db::verification::verified_for(conn, &facts)?))
        .await
}

/// What a reviewer asked for, within their scope, and the data it is answered from: the page
/// and its exports load it alike.
pub struct Review {
    pub q: ReviewQuery,
    pub today: NaiveDate,
    pub as_of: NaiveDate,
    pub filter: Filter,
    pub board: Arc<Board>,
    pub schedule: Arc<Schedule>,
}

impl Review {
    pub async fn load(
        ctx: &PageCtx,
        user: &CurrentUser,
        db: &Db,
        mut q: ReviewQuery,
    ) -> Result<Self, AppError> {
        reviewed_region(user, &mut q)?;
        let today = ctx.today();
        let as_of = q.as_of(today);
        let filter = q.filter();
        let region = filter.region.clone().unwrap_or_default();
        Ok(Self {
            board: review::board(db, "", as_of, today).await?,
            schedule: schedule(db, &region, as_of, today).await?,
            q,
            today,
            as_of,
            filter,
        })
    }

    pub fn region(&self) -> &str {
        self.filter.region.as_deref().unwrap_or("")
    }
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<ReviewQuery>,
) -> Result<HttpResponse, AppError> {
    let Review {
        q,
        today,
        as_of,
        filter,
        board,
        schedule,
    } = Review::load(&ctx, &user, &db, query.into_inner()).await?;
    let regions = db
        .run(move |conn| Ok(regions::active_names(conn, today)?))
        .await?;
    let selected = filter.select(&board.contracts);
    let list = review::paged(&selected, q.page());
    let verified = verified_of(&db, list.rows, as_of == today).await?;
    let mut summary = board.summary(&filter);
    if let Some(r) = &filter.region {
        summary.regions.retain(|(code, _)| code == r);
    }
    render(&CompliancePage {
        list,
        verified,
        summary,
        national: matches!(user.scope, Scope::National),
        schedule: &schedule,
        regions,
        as_of,
        filter,
        q,
        ctx,
    })
}
