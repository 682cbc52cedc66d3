//! The audit trail said for people: record kinds, field names as the forms label them, codes as
//! words, yes/no for flags, numbers grouped, coordinates in degrees, and the command line and
//! anonymous visitors named in the page's language.

use crate::db::audit::AuditRow;
use crate::domain::hire::{Channel, JobKind};
use crate::domain::language::Language;
use crate::domain::ledger::Category;
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

/// The kinds of record the trail names, as the entity filter offers them.
pub const ENTITIES: [&str; 8] = [
    "user",
    "project",
    "monthly_plan",
    "contract",
    "job",
    "dataset",
    "register_batch",
    "region",
];

/// Every action the application records, grouped by what it concerns, as the action filter
/// offers them.
pub const ACTIONS: [&str; 27] = [
    "auth.login",
    "auth.login_failed",
    "auth.lockout",
    "auth.logout",
    "user.bootstrap",
    "user.create",
    "user.activate",
    "user.deactivate",
    "user.password_reset",
    "user.password_change",
    "project.create",
    "project.update",
    "project.status",
    "project.import",
    "plan.update",
    "contract.create",
    "ledger.add",
    "job.create",
    "job.import",
    "job.bulk",
    "job.correct",
    "job.end",
    "lifting.pay",
    "data.generate",
    "register.load",
    "register.settings",
    "verification.view",
];

/// What the action was, e.g. "Status changed"; the code itself if there is no wording for it.
pub fn action_label(i18n: &I18n, action: &str) -> String {
    i18n.try_t(&format!("audit-action-{}", action.replace('.', "-")))
        .unwrap_or_else(|| action.to_owned())
}

/// The kind of record, e.g. "Monthly plan".
pub fn entity_label(i18n: &I18n, entity: &str) -> String {
    i18n.try_t(&format!("audit-entity-{}", entity.replace('_', "-")))
        .unwrap_or_else(|| entity.to_owned())
}

/// Who acted: a login as stored, or the command line / a visitor who was not signed in.
pub fn actor_label(i18n: &I18n, row: &AuditRow) -> String {
    if row.actor_user_id.is_some() {
        return row.actor_login.clone();
    }
    if row.actor_login == "(command line)" {
        return i18n.t("audit-actor-cli");
    }
    if let Some(name) = row
        .actor_login
        .strip_prefix(crate::db::audit::SERVICE_LOGIN_PREFIX)
    {
        return format!("{} «{name}»", i18n.t("audit-actor-service"));
    }
    match row.actor_login.strip_prefix("(anonymous) ") {
        Some(claimed) => format!("{} «{claimed}»", i18n.t("audit-actor-anonymous")),
        None => row.actor_login.clone(),
    }
}

fn label_key(action: &str, field: &str) -> Option<&'static str> {
    // The same column name means different things on different records.
    let by_action = match (action, field) {
        ("ledger.add", "amount_tenge") => Some("ledger-amount"),
        ("lifting.pay", "amount_tenge") => Some("audit-field-lifting-amount"),
        ("contract.create", "amount_tenge") => Some("contract-amount"),
        (a, "full_name") if a.starts_with("user.") => Some("user-full-name"),
        (a, "full_name") if a.starts_with("job.") => Some("hire-full-name"),
        (_, "worker_name") => Some("hire-full-name"),
        (_, "worker_settlement") => Some("hire-home-settlement"),
        ("plan.update", "planned_jobs") => Some("audit-field-plan-jobs"),
        ("plan.update", "planned_center_hires") => Some("audit-field-plan-center"),
        _ => None,
    };
    by_action
        .or_else(|| field_label_key(field))
        .or_else(|| other_label_key(field))
}

fn other_label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "login" => "user-login",
        "full_name" => "user-full-name",
        "role" => "user-role",
        "contractor_bin" => "contract-bin",
        "contractor_name" => "contract-name",
        "language" => "language-label",
        "active" => "user-status",
        "locked_until" => "user-locked-until",
        "month" => "plans-month",
        "number" => "contract-number",
        "signed_on" => "contract-signed-on",
        "amount_tenge" => "ledger-amount",
        "goods_tenge" => "contract-goods",
        "goods_domestic_tenge" => "contract-goods-domestic",
        "works_tenge" => "contract-works",
        "works_domestic_tenge" => "contract-works-domestic",
        "services_tenge" => "contract-services",
        "services_domestic_tenge" => "contract-services-domestic",
        "center_hires" => "fig-center-hires",
        "direct_hires" => "audit-field-direct-hires",
        "category" => "ledger-category",
        "description" => "ledger-description",
        "is_domestic" => "ledger-is-domestic",
        "producer_bin" => "ledger-producer-bin",
        "ct_kz_certificate" => "ledger-certificate",
        "position" => "hire-position",
        "hire_date" => "hire-date",
        "end_date" => "job-end-date",
        "kind" => "hire-kind",
        "channel" => "hire-channel",
        "referral_number" => "hire-referral-number",
        "referral_date" => "hire-referral-date",
        "arrived_from_other_settlement" => "hire-arrived",
        "monthly_wage_tenge" => "hire-wage",
        "is_youth" => "hire-youth",
        "home_settlement" => "hire-home-settlement",
        "paid_on" => "lifting-paid-on",
        "comment" => "audit-field-comment",
        "seed" => "audit-field-seed",
        "projects" => "audit-field-projects",
        "contracts" => "audit-field-contracts",
        "jobs" => "audit-field-jobs",
        "replaced" => "audit-field-replaced",
        _ => return None,
    })
}

fn label(i18n: &I18n, action: &str, field: &str) -> String {
    label_key(action, field).map_or_else(|| field.to_owned(), |k| i18n.t(k))
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
        "channel" => Channel::from_code(raw).map(Channel::label_key),
        "kind" => JobKind::from_code(raw).map(JobKind::label_key),
        "category" => Category::from_code(raw).map(Category::label_key),
        "active" => Some(if raw == "true" {
            "user-active"
        } else {
            "user-inactive"
        }),
        _ => match raw {
            "true" => Some("yes"),
            "false" => Some("no"),
            _ => None,
        },
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
        "locked_until" => raw.replace('T', " "),
        f if f.ends_with("_tenge")
            || f.ends_with("_hires")
            || matches!(f, "projects" | "contracts" | "jobs")
            || f.starts_with("planned_") && !f.ends_with("_start") && !f.ends_with("_end") =>
        {
            raw.parse::<i64>()
                .map_or_else(|_| raw.to_owned(), |n| i18n.num(n))
        }
        _ => raw.to_owned(),
    }
}

/// Columns that say nothing to a reader: links between records (shown as the record's link)
/// and the internal sex code, which the IIN already carries.
fn is_bookkeeping(field: &str) -> bool {
    field.ends_with("_id") || field.ends_with("_by") || field == "sex"
}

/// The event's changes, worded; bookkeeping fields and empty-to-empty changes left out.
pub fn shown_changes(i18n: &I18n, row: &AuditRow) -> Vec<ShownChange> {
    row.changes()
        .into_iter()
        .filter(|c| !is_bookkeeping(&c.field))
        .map(|c| ShownChange {
            label: label(i18n, &row.action, &c.field),
            before: value(i18n, &c.field, &c.before),
            after: value(i18n, &c.field, &c.after),
        })
        .filter(|c| !(c.before == "—" && c.after == "—"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_and_entity_has_words_in_every_language() {
        for lang in Language::ALL {
            let i18n = I18n::new(lang);
            for a in ACTIONS {
                assert_ne!(action_label(&i18n, a), a, "{lang:?} {a}");
            }
            for e in ENTITIES {
                assert_ne!(entity_label(&i18n, e), e, "{lang:?} {e}");
            }
            for key in ["audit-actor-cli", "audit-actor-anonymous"] {
                assert!(i18n.try_t(key).is_some(), "{lang:?} {key}");
            }
        }
    }
}
