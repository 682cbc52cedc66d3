//! Hires on a contract: recording one, importing many, listing, ending, correcting, and the
//! lifting payment. The handlers parse, call the use case (`usecase::hires` and its siblings)
//! and render; what may be seen in full is `policy`'s to say.

pub mod correct;
pub mod end;
pub mod export;
pub mod import;
pub mod lifting;
pub mod list;
pub mod new;
pub mod show;

use crate::error::AppError;
use crate::usecase::hires::HireError;
use crate::usecase::jobs_in_scope::JobAccess;

impl From<JobAccess> for AppError {
    fn from(e: JobAccess) -> Self {
        match e {
            JobAccess::NotFound => AppError::NotFound,
            JobAccess::Forbidden => AppError::Forbidden,
            JobAccess::Db(e) => e.into(),
        }
    }
}

/// The errors of a hire that are not the user's to fix on the form.
fn hire_failure(e: HireError) -> AppError {
    match e {
        HireError::NotFound => AppError::NotFound,
        HireError::Db(e) => e.into(),
        HireError::Forbidden | HireError::Rows(_) => AppError::Forbidden,
    }
}

pub fn label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "iin" => "hire-iin",
        "full_name" => "hire-full-name",
        "home_settlement" => "hire-home-settlement",
        "position" => "hire-position",
        "hire_date" => "hire-date",
        "kind" => "hire-kind",
        "channel" => "hire-channel",
        "referral_number" => "hire-referral-number",
        "referral_date" => "hire-referral-date",
        "arrived_from_other_settlement" => "hire-arrived",
        "monthly_wage_tenge" => "hire-wage",
        "end_date" => "job-end-date",
        "paid_on" => "lifting-paid-on",
        _ => return None,
    })
}
