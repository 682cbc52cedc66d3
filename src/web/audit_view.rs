//! The audit trail said for people: field names as the forms label them, codes as words,
//! numbers grouped, coordinates in degrees.

use crate::db::audit::AuditRow;
use crate::domain::language::Language;
use crate::domain::project::{Direction, FundingSource, WorkType, field_label_key, format_micro};
use crate::domain::role::Role;
use crate::domain::workflow::ProjectStatus;
use crate::i18n::I18n;

#[derive(Debug, Clone)]
pub struct ShownChange {
    pub label: String,
    pub before: String,
    pub after: String,
}

/// What the action was, e.g. "Status changed"; the code itself if there is no wording for it.
pub fn action_label(i18n: &I18n, action: &str) -> String {
    i18n.try_t(&format!("audit-action-{}", action.replace('.', "-")))
        .unwrap_or_else(|| action.to_owned())
}

fn label(i18n: &I18n, field: &str) -> String {
    let key = field_label_key(field).or(match field {
        "login" => Some("user-login"),
        "full_name" => Some("user-full-name"),
        "role" => Some("user-role"),
        "contractor_bin" => Some("user-bin"),
        "language" => Some("language-label"),
        "active" => Some("user-status"),
        "locked_until" => Some("user-locked-until"),
        "month" => Some("plans-month"),
        "worker_name" => Some("hire-full-name"),
        "worker_settlement" => Some("hire-home-settlement"),
        _ => None,
    });
    key.map_or_else(|| field.to_owned(), |k| i18n.t(k))
}

fn value(i18n: &I18n, field: &str, raw: &str) -> String {
    if raw == "—" {
        return raw.to_owned();
    }
    if let Some(masked) = crate::policy::audit_value(field, raw) {
        return masked;
    }
    let enum_key = match field {
        "status" => ProjectStatus::from_code(raw).map(ProjectStatus::label_key),
        "direction" => Direction::from_code(raw).map(Direction::label_key),
        "work_type" => WorkType::from_code(raw).map(WorkType::label_key),
        "funding_source" => FundingSource::from_code(raw).map(FundingSource::label_key),
        "role" => Role::from_code(raw).map(Role::label_key),
        "active" => Some(if raw == "true" {
            "user-active"
        } else {
            "user-inactive"
        }),
        _ => None,
    };
    if let Some(key) = enum_key {
        return i18n.t(key);
    }
    match field {
        "latitude_e6" | "longitude_e6" => raw
            .parse::<i32>()
            .map_or_else(|_| raw.to_owned(), format_micro),
        "language" => {
            Language::from_code(raw).map_or_else(|| raw.to_owned(), |l| l.native_name().to_owned())
        }
        f if f.ends_with("_tenge")
            || f.starts_with("planned_") && !f.ends_with("_start") && !f.ends_with("_end") =>
        {
            raw.parse::<i64>()
                .map_or_else(|_| raw.to_owned(), |n| i18n.num(n))
        }
        _ => raw.to_owned(),
    }
}

/// The event's changes, worded; bookkeeping fields and empty-to-empty changes left out.
pub fn shown_changes(i18n: &I18n, row: &AuditRow) -> Vec<ShownChange> {
    row.changes()
        .into_iter()
        .map(|c| ShownChange {
            label: label(i18n, &c.field),
            before: value(i18n, &c.field, &c.before),
            after: value(i18n, &c.field, &c.after),
        })
        .filter(|c| !(c.before == "—" && c.after == "—"))
        .collect()
}
