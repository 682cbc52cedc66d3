//! Writing projects: an officer registers one, corrects a draft or rejected one, or loads many
//! from a CSV file. Codes are unique nationally; a correction based on an old version is
//! refused before anything else is looked at (rule 8), so a stale form reveals nothing about
//! which codes exist elsewhere.

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::projects::{self, ProjectRow, ProjectWriteError};
use crate::db::{DbConnection, lock_for_update, write_transaction};
use crate::domain::csv_rows::LineProblem;
use crate::domain::message::Message;
use crate::domain::project::ProjectInput;

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// Outside the user's scope, or no such project: the two look the same.
    #[error("not found")]
    NotFound,
    /// Only a region's akimat officers enter and correct its projects.
    #[error("forbidden")]
    Forbidden,
    /// Submitted or further on: the fields are no longer the officer's to change.
    #[error("not editable in its status")]
    NotEditable(Box<ProjectRow>),
    #[error("project code {0} is taken")]
    CodeTaken(String),
    /// Someone saved the project after the user opened it; the current row.
    #[error("stale version")]
    Stale(Box<ProjectRow>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<ProjectWriteError> for ProjectError {
    fn from(e: ProjectWriteError) -> Self {
        match e {
            ProjectWriteError::CodeTaken(code) => Self::CodeTaken(code),
            ProjectWriteError::Stale(row) => Self::Stale(row),
            ProjectWriteError::Db(e) => Self::Db(e),
        }
    }
}

fn region(by: &Acting) -> Result<String, ProjectError> {
    by.officer_region()
        .map(str::to_owned)
        .ok_or(ProjectError::Forbidden)
}

/// A new draft project in the officer's region.
pub fn create(
    conn: &mut DbConnection,
    by: &Acting,
    input: &ProjectInput,
) -> Result<ProjectRow, ProjectError> {
    let region = region(by)?;
    write_transaction(conn, |conn| {
        let row = projects::insert(conn, input, &region, &by.id)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "project.create",
                entity: "project",
                entity_id: &row.id,
                before: None,
                after: Some(row.audit_view()),
                ip: None,
            },
        )?;
        Ok(row)
    })
}

/// The officer's correction of a draft or rejected project, made on `base_version`.
pub fn edit(
    conn: &mut DbConnection,
    by: &Acting,
    id: &str,
    base_version: i32,
    input: &ProjectInput,
) -> Result<ProjectRow, ProjectError> {
    region(by)?;
    write_transaction(conn, |conn| {
        lock_for_update(conn, "projects", id)?;
        let before = projects::find_in_scope(conn, id, &by.scope)?.ok_or(ProjectError::NotFound)?;
        // The version first: whatever else is wrong, a stale form is only told that it is.
        if before.version != base_version {
            return Err(ProjectError::Stale(Box::new(before)));
        }
        if !before.status().is_editable() {
            return Err(ProjectError::NotEditable(Box::new(before)));
        }
        let after = projects::update(conn, id, base_version, input)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "project.update",
                entity: "project",
                entity_id: id,
                before: Some(before.audit_view()),
                after: Some(after.audit_view()),
                ip: None,
            },
        )?;
        Ok(after)
    })
}

/// The rows of an import file that passed the field checks, and the problems of the rest.
#[derive(Debug, Default)]
pub struct CheckedRows {
    pub rows: Vec<(u64, ProjectInput)>,
    pub problems: Vec<LineProblem>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("forbidden")]
    Forbidden,
    /// Nothing was written; every problem with its line, in file order.
    #[error("{} problems", .0.len())]
    Problems(Vec<LineProblem>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// Every row as a draft project in the officer's region, or nothing: a code another project
/// carries is reported on its line along with the problems found before.
pub fn import(
    conn: &mut DbConnection,
    by: &Acting,
    checked: CheckedRows,
) -> Result<usize, ImportError> {
    let region = by
        .officer_region()
        .ok_or(ImportError::Forbidden)?
        .to_owned();
    let CheckedRows { rows, mut problems } = checked;
    write_transaction(conn, |conn| {
        let codes: Vec<String> = rows.iter().map(|(_, r)| r.code.clone()).collect();
        let taken = projects::codes_taken(conn, &codes)?;
        for (line, row) in &rows {
            let has_code_problem = problems
                .iter()
                .any(|p| p.line == *line && p.column == Some("code"));
            if taken.contains(&row.code) && !has_code_problem {
                problems.push(LineProblem {
                    line: *line,
                    column: Some("code"),
                    message: Message::new("project-code-taken"),
                });
            }
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.line);
            return Err(ImportError::Problems(problems));
        }
        let actor = by.actor();
        let mut saved = Vec::with_capacity(rows.len());
        for (_, input) in &rows {
            saved.push(
                projects::insert(conn, input, &region, &by.id).map_err(|e| match e {
                    // Another import took the code since the check: nothing is kept.
                    ProjectWriteError::CodeTaken(code) => {
                        ImportError::Problems(vec![LineProblem::file(
                            Message::new("import-code-taken-meanwhile").text("code", code),
                        )])
                    }
                    ProjectWriteError::Stale(_) => {
                        ImportError::Db(diesel::result::Error::RollbackTransaction)
                    }
                    ProjectWriteError::Db(e) => ImportError::Db(e),
                })?,
            );
        }
        audit::record_many(
            conn,
            saved
                .iter()
                .map(|row| Event {
                    actor: &actor,
                    action: "project.import",
                    entity: "project",
                    entity_id: &row.id,
                    before: None,
                    after: Some(row.audit_view()),
                    ip: None,
                })
                .collect(),
        )?;
        Ok(saved.len())
    })
}
