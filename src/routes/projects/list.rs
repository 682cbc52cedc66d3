//! `/projects`: the list, with filters, search, sorting and pages, all carried in the URL so a
//! list can be bookmarked and shared.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::project_list::{self, PAGE_SIZE, ProjectFilter, SortKey};
use crate::db::projects::ProjectRow;
use crate::db::regions::{RegionName, RegionNames};
use crate::domain::project::{Direction, FundingSource};
use crate::domain::role::{Role, Scope};
use crate::domain::workflow::ProjectStatus;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::render;

/// The query string, as typed or bookmarked: unknown values are ignored, not errors.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct ListQuery {
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub direction: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub funding: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub dir: String,
    #[serde(default)]
    pub page: String,
}

impl ListQuery {
    fn filter(&self) -> ProjectFilter {
        let keep = |v: &str, ok: bool| (ok && !v.is_empty()).then(|| v.to_owned());
        ProjectFilter {
            region: keep(
                &self.region,
                self.region.len() == 2 && self.region.bytes().all(|b| b.is_ascii_digit()),
            ),
            direction: keep(
                &self.direction,
                Direction::from_code(&self.direction).is_some(),
            ),
            status: keep(
                &self.status,
                ProjectStatus::from_code(&self.status).is_some(),
            ),
            funding_source: keep(
                &self.funding,
                FundingSource::from_code(&self.funding).is_some(),
            ),
            search: keep(&self.q, !self.q.trim().is_empty()),
            statuses_in: None,
            // A search lists the best matches first unless a column is chosen.
            sort: SortKey::from_code(&self.sort).unwrap_or(if self.q.trim().is_empty() {
                SortKey::Code
            } else {
                SortKey::Relevance
            }),
            descending: self.dir == "desc",
            page: self.page.parse::<i64>().unwrap_or(1).clamp(1, 1_000_000),
        }
    }

    /// This list's URL with one parameter changed (and back to page 1 unless it is the page).
    pub fn with(&self, key: &str, value: impl AsRef<str>) -> String {
        let value = value.as_ref();
        let mut q = self.clone();
        if key != "page" {
            q.page = String::new();
        }
        match key {
            "sort" => {
                q.dir = if self.sort == value && self.dir != "desc" {
                    "desc".into()
                } else {
                    String::new()
                };
                q.sort = value.into();
            }
            "page" => q.page = value.into(),
            _ => {}
        }
        let pairs: Vec<(&str, &str)> = [
            ("region", q.region.as_str()),
            ("direction", &q.direction),
            ("status", &q.status),
            ("funding", &q.funding),
            ("q", &q.q),
            ("sort", &q.sort),
            ("dir", &q.dir),
            ("page", &q.page),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
        let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
        if query.is_empty() {
            "/projects".into()
        } else {
            format!("/projects?{query}")
        }
    }

    /// `aria-sort` for a column header.
    pub fn aria_sort(&self, key: &str) -> &'static str {
        let current = if self.sort.is_empty() {
            if self.q.trim().is_empty() {
                "code"
            } else {
                "relevance"
            }
        } else {
            self.sort.as_str()
        };
        match (current == key, self.dir == "desc") {
            (true, true) => "descending",
            (true, false) => "ascending",
            _ => "none",
        }
    }
}

#[derive(Template)]
#[template(path = "projects/list.html")]
pub struct ListPage {
    pub ctx: PageCtx,
    pub query: ListQuery,
    pub projects: Vec<ProjectRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub names: RegionNames,
    pub regions: Vec<RegionName>,
    pub show_region_filter: bool,
    pub can_create: bool,
    pub directions: &'static [Direction],
    pub statuses: &'static [ProjectStatus],
    pub funding_sources: &'static [FundingSource],
}

impl ListPage {
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.name(code, self.ctx.lang())
    }
}

pub async fn list(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let filter = query.filter();
    let scope = user.scope.clone();
    let today = ctx.today();
    // Kept per filter, scope and page until a write changes projects or figures (`cache`):
    // a search typed again, or the list seen again after a page visited from it, is not
    // counted and ranked again.
    let key = format!("project list {today} {scope:?} {filter:?}");
    let listed = db
        .cached(key, move |conn| {
            let (rows, total) = project_list::page(conn, &filter, &scope)?;
            let names = RegionNames::load(conn)?;
            let regions = crate::db::regions::active_names(conn, today)?;
            Ok((rows, total, names, regions))
        })
        .await?;
    let (projects, total, names, regions) = listed.as_ref().clone();
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    render(&ListPage {
        page: query.page.parse::<i64>().unwrap_or(1).clamp(1, pages),
        show_region_filter: matches!(user.scope, Scope::National),
        can_create: user.role == Role::Akimat,
        query,
        projects,
        total,
        pages,
        names,
        regions,
        directions: Direction::ALL,
        statuses: ProjectStatus::ALL,
        funding_sources: FundingSource::ALL,
        ctx,
    })
}
