//! The user row that stands for a service account in the records it writes.
//!
//! Records name who entered them (`jobs.created_by`, `project_status_changes.changed_by`,
//! `monthly_plans.updated_by`, `procurement_lines.created_by`), and those columns reference
//! `users`. A write through the API names the service account there: a `users` row with the
//! account's id, role and scope, inactive and without a usable password, so that it can never
//! sign in, made the first time the account writes. The audit trail names the account itself
//! (`audit_events.actor_account_id`); this row only keeps the records' references whole and
//! lets the pages show "(service) name" as who entered a record. It also gives the account a
//! row to lock: the hire use case queues one actor's requests on it (the probe limit).

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text, Timestamp};

use super::{DbConnection, now};
use crate::domain::role::{Role, Scope};

/// How the row's login spells the account's name (the audit trail's spelling too).
pub const LOGIN_PREFIX: &str = "(service) ";

/// No argon2 hash parses as this: no password ever matches.
const NO_PASSWORD: &str = "!service-account";

/// Makes the account's row if it has none yet; inside the write's transaction.
pub fn ensure(
    conn: &mut DbConnection,
    account_id: &str,
    name: &str,
    role: Role,
    scope: &Scope,
) -> QueryResult<()> {
    let (region, bin) = match scope {
        Scope::National => (None, None),
        Scope::Region(r) => (Some(r.as_str()), None),
        Scope::Contractor(b) => (None, Some(b.as_str())),
    };
    let at = now();
    diesel::sql_query(
        "INSERT INTO users (id, login, full_name, password_hash, role, region_code, \
           contractor_bin, language, active, failed_logins, password_changed_at, created_at, \
           updated_at, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'en', FALSE, 0, $8, $9, $10, 1) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind::<Text, _>(account_id)
    .bind::<Text, _>(format!("{LOGIN_PREFIX}{}", name.to_lowercase()))
    .bind::<Text, _>(name)
    .bind::<Text, _>(NO_PASSWORD)
    .bind::<Text, _>(role.code())
    .bind::<Nullable<Text>, _>(region)
    .bind::<Nullable<Text>, _>(bin)
    .bind::<Timestamp, _>(at)
    .bind::<Timestamp, _>(at)
    .bind::<Timestamp, _>(at)
    .execute(conn)?;
    Ok(())
}
