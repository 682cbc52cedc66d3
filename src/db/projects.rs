//! Projects: stored, found within a user's scope, listed, and moved through their workflow.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use super::schema::{contracts, project_status_changes, projects, users};
use super::tallies::Tally;
use super::{DbConnection, lock_for_update, new_id, now};
use crate::domain::project::{
    Direction, FundingSource, ProjectFields, ProjectInput, WorkType, format_micro,
};
use crate::domain::role::Scope;
use crate::domain::workflow::{self, ProjectStatus};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = projects)]
pub struct ProjectRow {
    pub id: String,
    pub code: String,
    pub title: String,
    pub region_code: String,
    pub district: String,
    pub settlement: String,
    pub latitude_e6: Option<i32>,
    pub longitude_e6: Option<i32>,
    pub direction: String,
    pub work_type: String,
    pub funding_source: String,
    pub budget_tenge: i64,
    pub planned_jobs: i32,
    pub planned_center_hires: i32,
    pub planned_permanent_jobs: i32,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    pub status: String,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub approved_limit_tenge: Option<i64>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

impl ProjectRow {
    pub fn status(&self) -> ProjectStatus {
        ProjectStatus::from_code(&self.status).unwrap_or(ProjectStatus::Draft)
    }

    pub fn direction_key(&self) -> &'static str {
        Direction::from_code(&self.direction).map_or("unknown", Direction::label_key)
    }

    pub fn work_type_key(&self) -> &'static str {
        WorkType::from_code(&self.work_type).map_or("unknown", WorkType::label_key)
    }

    pub fn funding_key(&self) -> &'static str {
        FundingSource::from_code(&self.funding_source).map_or("unknown", FundingSource::label_key)
    }

    pub fn latitude(&self) -> Option<String> {
        self.latitude_e6.map(format_micro)
    }

    pub fn longitude(&self) -> Option<String> {
        self.longitude_e6.map(format_micro)
    }

    /// The stored values as an edit form shows them.
    pub fn fields(&self) -> ProjectFields {
        ProjectFields {
            code: self.code.clone(),
            title: self.title.clone(),
            district: self.district.clone(),
            settlement: self.settlement.clone(),
            latitude: self.latitude().unwrap_or_default(),
            longitude: self.longitude().unwrap_or_default(),
            direction: self.direction.clone(),
            work_type: self.work_type.clone(),
            funding_source: self.funding_source.clone(),
            budget_tenge: self.budget_tenge.to_string(),
            planned_jobs: self.planned_jobs.to_string(),
            planned_center_hires: self.planned_center_hires.to_string(),
            planned_permanent_jobs: self.planned_permanent_jobs.to_string(),
            planned_start: self.planned_start.to_string(),
            planned_end: self.planned_end.to_string(),
        }
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// The fields an officer enters, as written on insert and on update.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = projects, treat_none_as_null = true)]
pub struct Entered {
    code: String,
    title: String,
    district: String,
    settlement: String,
    latitude_e6: Option<i32>,
    longitude_e6: Option<i32>,
    direction: &'static str,
    work_type: &'static str,
    funding_source: &'static str,
    budget_tenge: i64,
    planned_jobs: i32,
    planned_center_hires: i32,
    planned_permanent_jobs: i32,
    planned_start: NaiveDate,
    planned_end: NaiveDate,
    /// Lower-cased in Rust (Unicode-aware), so search works alike on both backends.
    search_text: String,
}

impl From<&ProjectInput> for Entered {
    fn from(p: &ProjectInput) -> Self {
        Self {
            code: p.code.clone(),
            title: p.title.clone(),
            district: p.district.clone(),
            settlement: p.settlement.clone(),
            latitude_e6: p.location.map(|l| l.0),
            longitude_e6: p.location.map(|l| l.1),
            direction: p.direction.code(),
            work_type: p.work_type.code(),
            funding_source: p.funding_source.code(),
            budget_tenge: p.budget_tenge,
            planned_jobs: p.planned_jobs,
            planned_center_hires: p.planned_center_hires,
            planned_permanent_jobs: p.planned_permanent_jobs,
            planned_start: p.planned_start,
            planned_end: p.planned_end,
            search_text: crate::domain::search::project_text(&p.code, &p.title),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectWriteError {
    #[error("project code {0} is taken")]
    CodeTaken(String),
    /// Someone saved the project after the user opened it.
    #[error("stale version")]
    Stale(Box<ProjectRow>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

fn code_taken(conn: &mut DbConnection, code: &str, except: Option<&str>) -> QueryResult<bool> {
    let mut q = projects::table
        .filter(projects::code.eq(code))
        .select(projects::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(projects::id.ne(id));
    }
    Ok(q.first::<String>(conn).optional()?.is_some())
}

fn unique_violation(e: diesel::result::Error, code: &str) -> ProjectWriteError {
    match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => ProjectWriteError::CodeTaken(code.to_owned()),
        other => ProjectWriteError::Db(other),
    }
}

/// Stores a new draft project in `region`. Call inside a write transaction.
pub fn insert(
    conn: &mut DbConnection,
    input: &ProjectInput,
    region: &str,
    created_by: &str,
) -> Result<ProjectRow, ProjectWriteError> {
    if code_taken(conn, &input.code, None)? {
        return Err(ProjectWriteError::CodeTaken(input.code.clone()));
    }
    let id = new_id();
    let at = now();
    diesel::insert_into(projects::table)
        .values((
            Entered::from(input),
            projects::id.eq(&id),
            projects::region_code.eq(region),
            projects::status.eq(ProjectStatus::Draft.code()),
            projects::created_by.eq(created_by),
            projects::created_at.eq(at),
            projects::updated_at.eq(at),
        ))
        .execute(conn)
        .map_err(|e| unique_violation(e, &input.code))?;
    // The project list and the pages that name projects are cached per generation.
    super::cache::touched();
    diesel::insert_into(project_status_changes::table)
        .values((
            project_status_changes::id.eq(new_id()),
            project_status_changes::project_id.eq(&id),
            project_status_changes::from_status.eq(None::<String>),
            project_status_changes::to_status.eq(ProjectStatus::Draft.code()),
            project_status_changes::changed_by.eq(created_by),
            project_status_changes::changed_at.eq(at),
        ))
        .execute(conn)?;
    Ok(get(conn, &id)?)
}

pub fn get(conn: &mut DbConnection, id: &str) -> QueryResult<ProjectRow> {
    projects::table
        .find(id)
        .select(ProjectRow::as_select())
        .first(conn)
}

/// The project if `scope` may see it; `None` reads as 404, whether it exists or not.
pub fn find_in_scope(
    conn: &mut DbConnection,
    id: &str,
    scope: &Scope,
) -> QueryResult<Option<ProjectRow>> {
    let mut q = projects::table
        .filter(projects::id.eq(id))
        .select(ProjectRow::as_select())
        .into_boxed();
    q = match scope {
        Scope::National => q,
        Scope::Region(region) => q.filter(projects::region_code.eq(region.clone())),
        Scope::Contractor(bin) => q.filter(
            projects::id.eq_any(
                contracts::table
                    .filter(contracts::contractor_bin.eq(bin.clone()))
                    .select(contracts::project_id),
            ),
        ),
    };
    q.first(conn).optional()
}

/// Saves an edit made on `base_version`; refuses if the project has moved on since.
/// Call inside a write transaction.
pub fn update(
    conn: &mut DbConnection,
    id: &str,
    base_version: i32,
    input: &ProjectInput,
) -> Result<ProjectRow, ProjectWriteError> {
    if code_taken(conn, &input.code, Some(id))? {
        return Err(ProjectWriteError::CodeTaken(input.code.clone()));
    }
    let changed = diesel::update(
        projects::table
            .filter(projects::id.eq(id))
            .filter(projects::version.eq(base_version)),
    )
    .set((
        Entered::from(input),
        projects::updated_at.eq(now()),
        projects::version.eq(projects::version + 1),
    ))
    .execute(conn)
    .map_err(|e| unique_violation(e, &input.code))?;
    if changed == 0 {
        return Err(ProjectWriteError::Stale(Box::new(get(conn, id)?)));
    }
    super::cache::touched();
    Ok(get(conn, id)?)
}

pub use crate::domain::workflow::Decision;

/// One step of the workflow: where to, by whom, why, and the commission's decision if any.
pub struct Step<'a> {
    pub to: ProjectStatus,
    pub by: &'a str,
    pub comment: &'a str,
    pub decision: Option<&'a Decision>,
}

/// Moves the project to `to`, recording who, when and why; refuses if the project changed
/// since `base_version` (two people pressing buttons at once: one wins). Call inside a write
/// transaction.
pub fn change_status(
    conn: &mut DbConnection,
    id: &str,
    base_version: i32,
    step: Step<'_>,
    tally: &mut Tally,
) -> Result<ProjectRow, ProjectWriteError> {
    let Step {
        to,
        by,
        comment,
        decision,
    } = step;
    lock_for_update(conn, "projects", id)?;
    let before = get(conn, id)?;
    if before.version != base_version {
        return Err(ProjectWriteError::Stale(Box::new(before)));
    }
    super::cache::touched();
    let at = now();
    let target = projects::table
        .filter(projects::id.eq(id))
        .filter(projects::version.eq(base_version));
    match decision {
        Some(d) => diesel::update(target)
            .set((
                projects::status.eq(to.code()),
                projects::decision_number.eq(&d.number),
                projects::decision_date.eq(d.date),
                projects::approved_limit_tenge.eq(d.approved_limit_tenge),
                projects::updated_at.eq(at),
                projects::version.eq(projects::version + 1),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                projects::status.eq(to.code()),
                projects::updated_at.eq(at),
                projects::version.eq(projects::version + 1),
            ))
            .execute(conn)?,
    };
    diesel::insert_into(project_status_changes::table)
        .values((
            project_status_changes::id.eq(new_id()),
            project_status_changes::project_id.eq(id),
            project_status_changes::from_status.eq(Some(&before.status)),
            project_status_changes::to_status.eq(to.code()),
            project_status_changes::changed_by.eq(by),
            project_status_changes::changed_at.eq(at),
            project_status_changes::comment.eq(comment.trim()),
        ))
        .execute(conn)?;
    tally.status_change(
        &before.region_code,
        at.date(),
        Some(before.status()),
        to,
        (
            i64::from(before.planned_jobs),
            i64::from(before.planned_center_hires),
            i64::from(before.planned_permanent_jobs),
        ),
        before.budget_tenge,
    );
    Ok(get(conn, id)?)
}

#[derive(Debug, Clone, Queryable)]
pub struct StatusChange {
    pub from_status: Option<String>,
    pub to_status: String,
    pub changed_at: NaiveDateTime,
    pub comment: String,
    pub login: String,
    pub full_name: String,
}

impl StatusChange {
    pub fn from_key(&self) -> Option<&'static str> {
        self.from_status
            .as_deref()
            .and_then(ProjectStatus::from_code)
            .map(ProjectStatus::label_key)
    }

    pub fn to_key(&self) -> &'static str {
        ProjectStatus::from_code(&self.to_status).map_or("unknown", ProjectStatus::label_key)
    }

    /// A neutral note for a step the system took on a first contract or a first hire, which
    /// carries no comment: who signed what is not for everyone who reads the history.
    pub fn note_key(&self) -> Option<&'static str> {
        if !self.comment.is_empty() {
            return None;
        }
        let from = ProjectStatus::from_code(self.from_status.as_deref()?)?;
        let to = ProjectStatus::from_code(&self.to_status)?;
        if workflow::on_contract(from) == Some(to) {
            Some("status-note-contract")
        } else if workflow::on_first_hire(from) == Some(to) {
            Some("status-note-first-hire")
        } else {
            None
        }
    }
}

/// The whole status history, oldest first, with who made each change.
pub fn status_history(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<StatusChange>> {
    project_status_changes::table
        .inner_join(users::table.on(users::id.eq(project_status_changes::changed_by)))
        .filter(project_status_changes::project_id.eq(id))
        .order((
            project_status_changes::changed_at.asc(),
            project_status_changes::id.asc(),
        ))
        .select((
            project_status_changes::from_status,
            project_status_changes::to_status,
            project_status_changes::changed_at,
            project_status_changes::comment,
            users::login,
            users::full_name,
        ))
        .load(conn)
}

/// The day the project was last submitted to the commission (UTC), if it ever was.
pub fn submitted_on(conn: &mut DbConnection, id: &str) -> QueryResult<Option<NaiveDate>> {
    let at: Option<NaiveDateTime> = project_status_changes::table
        .filter(project_status_changes::project_id.eq(id))
        .filter(project_status_changes::to_status.eq(ProjectStatus::Submitted.code()))
        .order((
            project_status_changes::changed_at.desc(),
            project_status_changes::id.desc(),
        ))
        .select(project_status_changes::changed_at)
        .first(conn)
        .optional()?;
    Ok(at.map(|t| t.date()))
}

/// Which of `codes` other projects already carry.
pub fn codes_taken(conn: &mut DbConnection, codes: &[String]) -> QueryResult<Vec<String>> {
    let mut taken = Vec::new();
    for chunk in codes.chunks(500) {
        taken.extend(
            projects::table
                .filter(projects::code.eq_any(chunk))
                .select(projects::code)
                .load::<String>(conn)?,
        );
    }
    Ok(taken)
}

/// The status a suspended project returns to: the one it had when it was suspended.
pub fn status_before_suspension(
    conn: &mut DbConnection,
    id: &str,
) -> QueryResult<Option<ProjectStatus>> {
    let from: Option<Option<String>> = project_status_changes::table
        .filter(project_status_changes::project_id.eq(id))
        .filter(project_status_changes::to_status.eq(ProjectStatus::Suspended.code()))
        .order((
            project_status_changes::changed_at.desc(),
            project_status_changes::id.desc(),
        ))
        .select(project_status_changes::from_status)
        .first(conn)
        .optional()?;
    Ok(from.flatten().as_deref().and_then(ProjectStatus::from_code))
}

/// The region a contract's project belongs to.
pub fn region_of_contract(conn: &mut DbConnection, contract_id: &str) -> QueryResult<String> {
    use super::schema::contracts;
    contracts::table
        .inner_join(projects::table)
        .filter(contracts::id.eq(contract_id))
        .select(projects::region_code)
        .first(conn)
}

/// Sets every project's hire and declared-value counters from its contracts. For bulk loads,
/// and to repair; the hire and contract transactions keep them otherwise.
pub fn recount(conn: &mut DbConnection) -> QueryResult<usize> {
    diesel::sql_query(
        "UPDATE projects SET \
           jobs_created = COALESCE((SELECT SUM(center_hires + direct_hires) FROM contracts c WHERE c.project_id = projects.id), 0), \
           center_hires = COALESCE((SELECT SUM(center_hires) FROM contracts c WHERE c.project_id = projects.id), 0), \
           declared_total = COALESCE((SELECT SUM(goods_tenge + works_tenge + services_tenge) FROM contracts c WHERE c.project_id = projects.id), 0), \
           declared_domestic = COALESCE((SELECT SUM(goods_domestic_tenge + works_domestic_tenge + services_domestic_tenge) FROM contracts c WHERE c.project_id = projects.id), 0)",
    )
    .execute(conn)
}

/// The id of the project with `code` in `region`, if there is one.
pub fn id_of_code(
    conn: &mut DbConnection,
    code: &str,
    region: &str,
) -> QueryResult<Option<String>> {
    projects::table
        .filter(projects::code.eq(code))
        .filter(projects::region_code.eq(region))
        .select(projects::id)
        .first(conn)
        .optional()
}
