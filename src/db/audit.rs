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
}

pub struct Event<'a> {
    pub actor: &'a Actor,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<&'a str>,
}

pub fn record(conn: &mut DbConnection, event: Event<'_>) -> QueryResult<()> {
    let (actor_id, actor_login) = match event.actor {
        Actor::User { id, login } => (Some(id.as_str()), login.clone()),
        Actor::Cli => (None, "(command line)".to_owned()),
        Actor::Anonymous { claimed_login } => (None, format!("(anonymous) {claimed_login}")),
    };
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(new_id()),
            audit_events::occurred_at.eq(now()),
            audit_events::actor_user_id.eq(actor_id),
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
