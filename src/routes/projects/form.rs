//! The project form, shared by "new" and "edit": what was typed, what is wrong, and (for a
//! stale edit) what someone else changed meanwhile.

use askama::Template;
use serde::Deserialize;

use crate::db::projects::ProjectRow;
use crate::domain::project::{Direction, FundingSource, ProjectFields, WorkType};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;

/// The posted form: the project's fields and, for an edit, the version it was based on.
/// Region and status are not here: they come from the officer's scope and the workflow.
#[derive(Debug, Deserialize)]
pub struct ProjectForm {
    #[serde(flatten)]
    pub fields: ProjectFields,
    #[serde(default)]
    pub version: String,
}

/// A field another user changed after this form was opened.
#[derive(Debug, Clone)]
pub struct ChangedField {
    pub label_key: &'static str,
    pub now: String,
}

#[derive(Template)]
#[template(path = "projects/form.html")]
pub struct ProjectFormPage {
    pub ctx: PageCtx,
    pub heading_key: &'static str,
    pub action: String,
    pub cancel: String,
    pub region_name: String,
    pub fields: ProjectFields,
    pub errors: FormErrors,
    pub version: Option<i32>,
    pub changed: Vec<ChangedField>,
    pub directions: &'static [Direction],
    pub work_types: &'static [WorkType],
    pub funding_sources: &'static [FundingSource],
}

impl ProjectFormPage {
    pub fn new(ctx: PageCtx, heading_key: &'static str, action: String, cancel: String) -> Self {
        Self {
            ctx,
            heading_key,
            action,
            cancel,
            region_name: String::new(),
            fields: ProjectFields::default(),
            errors: FormErrors::new(),
            version: None,
            changed: Vec::new(),
            directions: Direction::ALL,
            work_types: WorkType::ALL,
            funding_sources: FundingSource::ALL,
        }
    }
}

/// The fields whose value in `current` differs from the snapshot the user's form was based on;
/// every field with its current value when that snapshot is not in the audit trail.
pub fn changed_since(base: Option<&serde_json::Value>, current: &ProjectRow) -> Vec<ChangedField> {
    const FIELDS: [(&str, &str); 15] = [
        ("code", "project-code"),
        ("title", "project-title"),
        ("district", "project-district"),
        ("settlement", "project-settlement"),
        ("latitude_e6", "project-latitude"),
        ("longitude_e6", "project-longitude"),
        ("direction", "project-direction"),
        ("work_type", "project-work-type"),
        ("funding_source", "project-funding"),
        ("budget_tenge", "project-budget"),
        ("planned_jobs", "project-planned-jobs"),
        ("planned_center_hires", "project-planned-center"),
        ("planned_permanent_jobs", "project-planned-permanent"),
        ("planned_start", "project-planned-start"),
        ("planned_end", "project-planned-end"),
    ];
    let now = current.audit_view();
    FIELDS
        .iter()
        .filter(|(key, _)| base.is_none_or(|b| b.get(key) != now.get(key)))
        .map(|(key, label)| ChangedField {
            label_key: label,
            now: match now.get(key) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Null) | None => "—".into(),
                Some(other) => other.to_string(),
            },
        })
        .collect()
}
