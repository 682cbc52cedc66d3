//! A person moves a project through its workflow: submit, approve, reject, start tendering,
//! complete, suspend, resume, cancel. The step is checked against the workflow for the user's
//! role on the row as it is under lock, with the fields it requires; the change, the figures it
//! moves and its audit event are written together.

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::projects::{self, ProjectRow, ProjectWriteError};
use crate::db::tallies::Tally;
use crate::db::{DbConnection, lock_for_update, write_transaction};
use crate::domain::message::FieldProblem;
use crate::domain::workflow::{self, Action, Decision, ProjectStatus, StepFacts};

/// What the user asked for, on the version of the project they saw.
#[derive(Debug, Clone)]
pub struct StatusRequest {
    pub action: Action,
    pub base_version: i32,
    pub comment: String,
    /// The commission's decision; an approval needs one.
    pub decision: Option<Decision>,
}

#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    #[error("not found")]
    NotFound,
    /// The workflow has no such step from the project's status for the user's role.
    #[error("the workflow does not allow this step")]
    NotAllowed,
    /// The project changed after the user opened it.
    #[error("stale version")]
    Stale(Box<ProjectRow>),
    /// A required field is missing or a value is refused, field by field.
    #[error("{} fields to correct", .0.len())]
    Invalid(Vec<FieldProblem>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<ProjectWriteError> for StatusError {
    fn from(e: ProjectWriteError) -> Self {
        match e {
            ProjectWriteError::Stale(row) => Self::Stale(row),
            ProjectWriteError::Db(e) => Self::Db(e),
            // A status change writes no code.
            ProjectWriteError::CodeTaken(_) => Self::Db(diesel::result::Error::RollbackTransaction),
        }
    }
}

/// Takes the step; the project as it now is and the status it reached.
pub fn change(
    conn: &mut DbConnection,
    by: &Acting,
    project_id: &str,
    request: &StatusRequest,
) -> Result<(ProjectRow, ProjectStatus), StatusError> {
    write_transaction(conn, |conn| {
        lock_for_update(conn, "projects", project_id)?;
        let before =
            projects::find_in_scope(conn, project_id, &by.scope)?.ok_or(StatusError::NotFound)?;
        if before.version != request.base_version {
            return Err(StatusError::Stale(Box::new(before)));
        }
        let resume_to = projects::status_before_suspension(conn, project_id)?;
        let to = workflow::transition(before.status(), request.action, by.role, resume_to)
            .ok_or(StatusError::NotAllowed)?;
        let facts = StepFacts {
            budget_tenge: before.budget_tenge,
            submitted_on: projects::submitted_on(conn, project_id)?,
        };
        let problems = workflow::check_step(
            request.action,
            &request.comment,
            request.decision.as_ref(),
            facts,
        );
        if !problems.is_empty() {
            return Err(StatusError::Invalid(problems));
        }
        let mut tally = Tally::default();
        let after = projects::change_status(
            conn,
            project_id,
            request.base_version,
            projects::Step {
                to,
                by: &by.id,
                comment: &request.comment,
                // Only an approval records a decision.
                decision: request
                    .decision
                    .as_ref()
                    .filter(|_| request.action == Action::Approve),
            },
            &mut tally,
        )?;
        tally.flush(conn)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "project.status",
                entity: "project",
                entity_id: project_id,
                before: Some(before.audit_view()),
                after: Some(after.audit_view()),
                ip: None,
            },
        )?;
        Ok((after, to))
    })
}
