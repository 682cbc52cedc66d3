//! The append-only audit trail: who did what to which record, with before and after values.

use diesel::prelude::*;

use super::schema::audit_events;
use super::{DbConnection, new_id, now};

/// Who acted: a signed-in user, or the operator at the command line.
#[derive(Debug, Clone)]
pub enum Actor {
    User {
        id: String,
        login: String,
    },
    Cli,
    /// Someone not signed in, e.g. a failed login under a given name.
    Anonymous {
        claimed_login: String,
    },
    /// Another system, through `/api/v1` with one of this service account's tokens.
    Service {
        id: String,
        name: String,
    },
}

/// How a service account's name is stored in `actor_login`, so the log tells it from a user.
pub const SERVICE_LOGIN_PREFIX: &str = "(service) ";

pub struct Event<'a> {
    pub actor: &'a Actor,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<&'a str>,
}

#[derive(Insertable)]
#[diesel(table_name = audit_events, treat_none_as_default_value = false)]
struct NewEvent<'a> {
    id: String,
    occurred_at: chrono::NaiveDateTime,
    actor_user_id: Option<&'a str>,
    actor_account_id: Option<&'a str>,
    actor_login: String,
    action: &'a str,
    entity: &'a str,
    entity_id: &'a str,
    before_json: Option<String>,
    after_json: Option<String>,
    ip: Option<&'a str>,
}

/// Records many events at once (an import's rows), many per statement.
pub fn record_many(conn: &mut DbConnection, events: Vec<Event<'_>>) -> QueryResult<()> {
    let at = now();
    let rows: Vec<NewEvent<'_>> = events
        .into_iter()
        .map(|e| {
            let (actor_user_id, actor_login) = who(e.actor);
            NewEvent {
                id: new_id(),
                occurred_at: at,
                actor_user_id,
                actor_account_id: account_of(e.actor),
                actor_login,
                action: e.action,
                entity: e.entity,
                entity_id: e.entity_id,
                before_json: e.before.map(|v| v.to_string()),
                after_json: e.after.map(|v| v.to_string()),
                ip: e.ip,
            }
        })
        .collect();
    super::insert_chunks!(conn, audit_events::table, rows);
    Ok(())
}

fn who(actor: &Actor) -> (Option<&str>, String) {
    match actor {
        Actor::User { id, login } => (Some(id.as_str()), login.clone()),
        Actor::Cli => (None, "(command line)".to_owned()),
        Actor::Anonymous { claimed_login } => (None, format!("(anonymous) {claimed_login}")),
        Actor::Service { name, .. } => (None, format!("{SERVICE_LOGIN_PREFIX}{name}")),
    }
}

fn account_of(actor: &Actor) -> Option<&str> {
    match actor {
        Actor::Service { id, .. } => Some(id.as_str()),
        _ => None,
    }
}

pub fn record(conn: &mut DbConnection, event: Event<'_>) -> QueryResult<()> {
    let (actor_id, actor_login) = who(event.actor);
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(new_id()),
            audit_events::occurred_at.eq(now()),
            audit_events::actor_user_id.eq(actor_id),
            audit_events::actor_account_id.eq(account_of(event.actor)),
            audit_events::actor_login.eq(actor_login),
            audit_events::action.eq(event.action),
            audit_events::entity.eq(event.entity),
            audit_events::entity_id.eq(event.entity_id),
            audit_events::before_json.eq(event.before.map(|v| v.to_string())),
            audit_events::after_json.eq(event.after.map(|v| v.to_string())),
            audit_events::ip.eq(event.ip),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditRow {
    pub id: String,
    pub occurred_at: chrono::NaiveDateTime,
    pub actor_user_id: Option<String>,
    pub actor_login: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub ip: Option<String>,
}

/// The newest events for one record, newest first.
pub fn for_entity(
    conn: &mut DbConnection,
    entity: &str,
    entity_id: &str,
) -> QueryResult<Vec<AuditRow>> {
    audit_events::table
        .filter(audit_events::entity.eq(entity))
        .filter(audit_events::entity_id.eq(entity_id))
        .order(audit_events::occurred_at.desc())
        .select(AuditRow::as_select())
        .load(conn)
}

/// The record as it was saved at `version`, from the audit trail: what a user's stale form
/// was based on, to show them what changed since.
pub fn snapshot_at_version(
    conn: &mut DbConnection,
    entity: &str,
    entity_id: &str,
    version: i32,
) -> QueryResult<Option<serde_json::Value>> {
    let afters: Vec<Option<String>> = audit_events::table
        .filter(audit_events::entity.eq(entity))
        .filter(audit_events::entity_id.eq(entity_id))
        .order(audit_events::occurred_at.desc())
        .select(audit_events::after_json)
        .load(conn)?;
    Ok(afters
        .into_iter()
        .flatten()
        .filter_map(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .find(|v| v.get("version").and_then(serde_json::Value::as_i64) == Some(i64::from(version))))
}

/// One field's change in an audit event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

fn show_value(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => "—".into(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

impl AuditRow {
    /// The fields that differ between before and after (bookkeeping columns left out).
    pub fn changes(&self) -> Vec<FieldChange> {
        let parse = |t: &Option<String>| {
            t.as_deref()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
                .and_then(|v| v.as_object().cloned())
                .unwrap_or_default()
        };
        let (before, after) = (parse(&self.before_json), parse(&self.after_json));
        let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter(|k| {
                !matches!(
                    k.as_str(),
                    "updated_at" | "version" | "created_at" | "id" | "created_by"
                )
            })
            .filter(|k| before.get(*k) != after.get(*k))
            .map(|k| FieldChange {
                field: k.clone(),
                before: show_value(before.get(k)),
                after: show_value(after.get(k)),
            })
            .collect()
    }
}

pub const PAGE_SIZE: i64 = 100;

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity: Option<String>,
    /// `project` matches `project.create`, `project.status`, …
    pub action_prefix: Option<String>,
    /// One action exactly (`auth.login` without `auth.login_failed`).
    pub action: Option<String>,
    pub actor: Option<String>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub page: i64,
}

/// Newest first; one row more than a page, so the caller knows whether there is a next page.
pub fn search(conn: &mut DbConnection, f: &AuditFilter) -> QueryResult<Vec<AuditRow>> {
    let mut q = audit_events::table
        .select(AuditRow::as_select())
        .into_boxed();
    if let Some(entity) = &f.entity {
        q = q.filter(audit_events::entity.eq(entity.clone()));
    }
    if let Some(prefix) = &f.action_prefix {
        let escaped = prefix
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        q = q.filter(
            audit_events::action
                .like(format!("{escaped}%"))
                .escape('\\'),
        );
    }
    if let Some(action) = &f.action {
        q = q.filter(audit_events::action.eq(action.clone()));
    }
    if let Some(actor) = &f.actor {
        q = q.filter(audit_events::actor_login.eq(actor.to_lowercase()));
    }
    if let Some(from) = f.from.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        q = q.filter(audit_events::occurred_at.ge(from));
    }
    if let Some(to) =
        f.to.and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    {
        q = q.filter(audit_events::occurred_at.lt(to));
    }
    q.order((audit_events::occurred_at.desc(), audit_events::id.desc()))
        .limit(PAGE_SIZE + 1)
        .offset((f.page.max(1) - 1) * PAGE_SIZE)
        .load(conn)
}

/// The distinct records that `actor` has had `action` about since `since` (the probe limit
/// counts workers this way, across every instance). A service account is counted apart from
/// any user, under its own id.
pub fn entities_since(
    conn: &mut DbConnection,
    action: &str,
    actor: &Actor,
    since: chrono::NaiveDateTime,
) -> QueryResult<Vec<String>> {
    let q = audit_events::table
        .filter(audit_events::action.eq(action))
        .filter(audit_events::occurred_at.ge(since))
        .select(audit_events::entity_id)
        .distinct()
        .into_boxed();
    match actor {
        Actor::User { id, .. } => q.filter(audit_events::actor_user_id.eq(id.clone())),
        Actor::Service { id, .. } => q.filter(audit_events::actor_account_id.eq(id.clone())),
        // The command line and visitors record no hires.
        Actor::Cli | Actor::Anonymous { .. } => return Ok(Vec::new()),
    }
    .load(conn)
}
