//! The project list: filters, search, sorting and pages, all in SQL on indexed columns.

use diesel::expression::BoxableExpression;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Integer, Text};

use super::DbConnection;
use super::projects::ProjectRow;
use super::schema::{contracts, projects};
use crate::domain::role::Scope;
use crate::domain::search::SearchQuery;
use crate::domain::workflow::ProjectStatus;

pub const PAGE_SIZE: i64 = 50;

type DbBackend = <DbConnection as diesel::Connection>::Backend;
type Condition = Box<dyn BoxableExpression<projects::table, DbBackend, SqlType = Bool>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Code,
    Title,
    Region,
    Budget,
    PlannedJobs,
    Status,
    Updated,
    /// Best match first (see `domain::search::Rank`), then by code; by code without a search.
    Relevance,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        Self::Code,
        Self::Title,
        Self::Region,
        Self::Budget,
        Self::PlannedJobs,
        Self::Status,
        Self::Updated,
        Self::Relevance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Title => "title",
            Self::Region => "region",
            Self::Budget => "budget",
            Self::PlannedJobs => "jobs",
            Self::Status => "status",
            Self::Updated => "updated",
            Self::Relevance => "relevance",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the list shows, parsed from the query string.
#[derive(Debug, Clone, Default)]
pub struct ProjectFilter {
    pub region: Option<String>,
    pub direction: Option<String>,
    pub status: Option<String>,
    pub funding_source: Option<String>,
    /// Matched against code and title, case-insensitively: every word of it anywhere in them
    /// (see `domain::search`).
    pub search: Option<String>,
    pub statuses_in: Option<Vec<&'static str>>,
    pub sort: SortKey,
    pub descending: bool,
    /// 1-based.
    pub page: i64,
}

/// The search's conditions on `projects`: every term in the searched text (`LIKE`, the same
/// on both backends) and, where a term is long enough, the trigram index first: on SQLite the
/// FTS5 table names the candidate projects; on PostgreSQL the `LIKE`s themselves are answered
/// by the `pg_trgm` GIN index on `search_text`.
fn search_condition(query: &SearchQuery, sqlite: bool) -> Option<Condition> {
    let mut conditions: Vec<Condition> = Vec::new();
    if sqlite && let Some(expression) = query.fts5_match() {
        conditions.push(Box::new(
            diesel::dsl::sql::<Bool>(
                "projects.id IN (SELECT r.project_id FROM projects_search s \
                 JOIN projects_search_rows r ON r.id = s.rowid WHERE projects_search MATCH ",
            )
            .bind::<Text, _>(expression)
            .sql(")"),
        ));
    }
    for pattern in query.like_patterns() {
        conditions.push(Box::new(projects::search_text.like(pattern).escape('\\')));
    }
    conditions.into_iter().reduce(|a, b| Box::new(a.and(b)))
}

/// The ranking of a search (see `domain::search::Rank`): 0 for the code itself, 1 for a code
/// that starts with the query, 2 for a title word that does, 3 otherwise.
fn rank(
    query: &SearchQuery,
) -> Box<dyn BoxableExpression<projects::table, DbBackend, SqlType = Integer>> {
    let [code, start, word] = query.rank_patterns();
    Box::new(
        diesel::dsl::sql::<Integer>("CASE WHEN projects.search_text LIKE ")
            .bind::<Text, _>(code)
            .sql(" ESCAPE '\\' THEN 0 WHEN projects.search_text LIKE ")
            .bind::<Text, _>(start)
            .sql(" ESCAPE '\\' THEN 1 WHEN projects.search_text LIKE ")
            .bind::<Text, _>(word)
            .sql(" ESCAPE '\\' THEN 2 ELSE 3 END"),
    )
}

macro_rules! filtered {
    ($filter:expr, $scope:expr, $sqlite:expr) => {{
        let f: &ProjectFilter = $filter;
        let mut q = projects::table.into_boxed();
        match $scope {
            Scope::National => {}
            Scope::Region(region) => q = q.filter(projects::region_code.eq(region.clone())),
            Scope::Contractor(bin) => {
                q = q.filter(
                    projects::id.eq_any(
                        contracts::table
                            .filter(contracts::contractor_bin.eq(bin.clone()))
                            .select(contracts::project_id),
                    ),
                )
            }
        }
        if let Some(r) = &f.region {
            q = q.filter(projects::region_code.eq(r.clone()));
        }
        if let Some(d) = &f.direction {
            q = q.filter(projects::direction.eq(d.clone()));
        }
        if let Some(s) = &f.status {
            q = q.filter(projects::status.eq(s.clone()));
        }
        if let Some(list) = &f.statuses_in {
            q = q.filter(projects::status.eq_any(list.clone()));
        }
        if let Some(fs) = &f.funding_source {
            q = q.filter(projects::funding_source.eq(fs.clone()));
        }
        if let Some(condition) = f
            .search
            .as_deref()
            .and_then(SearchQuery::parse)
            .and_then(|query| search_condition(&query, $sqlite))
        {
            q = q.filter(condition);
        }
        q
    }};
}

/// One page of projects within `scope` and the number of all that match.
pub fn page(
    conn: &mut DbConnection,
    filter: &ProjectFilter,
    scope: &Scope,
) -> QueryResult<(Vec<ProjectRow>, i64)> {
    let sqlite = matches!(conn, DbConnection::Sqlite(_));
    let total: i64 = filtered!(filter, scope, sqlite).count().get_result(conn)?;
    let mut q = filtered!(filter, scope, sqlite).select(ProjectRow::as_select());
    let search = filter.search.as_deref().and_then(SearchQuery::parse);
    q = match (filter.sort, filter.descending) {
        (SortKey::Relevance, descending) => match &search {
            Some(query) if !descending => q.order((rank(query).asc(), projects::code.asc())),
            Some(query) => q.order((rank(query).desc(), projects::code.asc())),
            None if descending => q.order(projects::code.desc()),
            None => q.order(projects::code.asc()),
        },
        (SortKey::Code, false) => q.order(projects::code.asc()),
        (SortKey::Code, true) => q.order(projects::code.desc()),
        (SortKey::Title, false) => q.order((projects::title.asc(), projects::code.asc())),
        (SortKey::Title, true) => q.order((projects::title.desc(), projects::code.asc())),
        (SortKey::Region, false) => q.order((projects::region_code.asc(), projects::code.asc())),
        (SortKey::Region, true) => q.order((projects::region_code.desc(), projects::code.asc())),
        (SortKey::Budget, false) => q.order((projects::budget_tenge.asc(), projects::code.asc())),
        (SortKey::Budget, true) => q.order((projects::budget_tenge.desc(), projects::code.asc())),
        (SortKey::PlannedJobs, false) => {
            q.order((projects::planned_jobs.asc(), projects::code.asc()))
        }
        (SortKey::PlannedJobs, true) => {
            q.order((projects::planned_jobs.desc(), projects::code.asc()))
        }
        (SortKey::Status, false) => q.order((projects::status.asc(), projects::code.asc())),
        (SortKey::Status, true) => q.order((projects::status.desc(), projects::code.asc())),
        (SortKey::Updated, false) => q.order((projects::updated_at.asc(), projects::code.asc())),
        (SortKey::Updated, true) => q.order((projects::updated_at.desc(), projects::code.asc())),
    };
    let offset = (filter.page.max(1) - 1) * PAGE_SIZE;
    let rows = q.limit(PAGE_SIZE).offset(offset).load(conn)?;
    Ok((rows, total))
}

/// Up to `limit` projects within `scope` whose code comes after `after_code`, by code: the
/// API's cursor paging over the same filters as the register (its sort and page are ignored).
pub fn after(
    conn: &mut DbConnection,
    filter: &ProjectFilter,
    scope: &Scope,
    after_code: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ProjectRow>> {
    let sqlite = matches!(conn, DbConnection::Sqlite(_));
    let mut q = filtered!(filter, scope, sqlite).select(ProjectRow::as_select());
    if let Some(code) = after_code {
        q = q.filter(projects::code.gt(code.to_owned()));
    }
    q.order(projects::code.asc()).limit(limit).load(conn)
}

/// The commission's queue: submitted projects of every region, longest waiting first.
pub fn review_queue(conn: &mut DbConnection) -> QueryResult<Vec<ProjectRow>> {
    projects::table
        .filter(projects::status.eq(ProjectStatus::Submitted.code()))
        .order((projects::updated_at.asc(), projects::code.asc()))
        .select(ProjectRow::as_select())
        .load(conn)
}
