//! The per-region verification setting (issue 15): once a region's referral register is
//! loaded, an admin may make a matched referral mandatory for its new employment-center hires
//! (`usecase::hires` then refuses one whose referral the register does not match). Audited.

use diesel::prelude::*;

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::schema::region_verification_settings as rvs;
use crate::db::{DbConnection, now, registers, write_transaction};
use crate::domain::role::Role;
use crate::domain::verification::Kind;

#[derive(Debug, thiserror::Error)]
pub enum SettingError {
    #[error("forbidden")]
    Forbidden,
    /// No referral batch has been loaded for the region: nothing to match against.
    #[error("no referral register loaded")]
    NotLoaded,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

pub fn set_referral_mandatory(
    conn: &mut DbConnection,
    by: &Acting,
    region: &str,
    mandatory: bool,
) -> Result<(), SettingError> {
    if by.role != Role::Admin {
        return Err(SettingError::Forbidden);
    }
    write_transaction(conn, |conn| {
        if mandatory && !registers::coverage(conn)?.any(Kind::Referrals, region) {
            return Err(SettingError::NotLoaded);
        }
        let before = crate::usecase::verification::referral_mandatory(conn, region)?;
        diesel::delete(rvs::table.filter(rvs::region_code.eq(region))).execute(conn)?;
        diesel::insert_into(rvs::table)
            .values((
                rvs::region_code.eq(region),
                rvs::referral_mandatory.eq(mandatory),
                rvs::updated_by.eq(&by.login),
                rvs::updated_at.eq(now()),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "register.settings",
                entity: "region",
                entity_id: region,
                before: Some(serde_json::json!({ "referral_mandatory": before })),
                after: Some(serde_json::json!({ "referral_mandatory": mandatory })),
                ip: None,
            },
        )?;
        Ok(())
    })
}
