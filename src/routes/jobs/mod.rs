//! Hires on a contract: recording one, importing many, listing, ending, correcting, and the
//! lifting payment.

pub mod correct;
pub mod end;
pub mod import;
pub mod lifting;
pub mod list;
pub mod new;
pub mod show;

use crate::db::jobs::{Refusal, WorkerRow};
use crate::domain::identifier::{mask, mask_name};
use crate::domain::message::Message;

/// What a refused hire tells the user: which rule, the figures, and what to do.
pub fn refusal_message(r: &Refusal) -> (&'static str, Message) {
    match r {
        Refusal::TooManyDirect { center, direct } => (
            "channel",
            Message::new("hire-too-many-direct")
                .int("center", i64::from(*center))
                .int("direct", i64::from(*direct)),
        ),
        Refusal::ActiveElsewhere { project_code } => (
            "iin",
            Message::new("hire-active-elsewhere").text("code", project_code.clone()),
        ),
        Refusal::WorkerBusy => ("iin", Message::new("hire-worker-busy")),
    }
}

/// A worker as the viewer may see them.
pub struct Person {
    pub iin: String,
    pub name: String,
}

pub fn person(w: &WorkerRow, full: bool) -> Person {
    if full {
        Person {
            iin: w.iin.clone(),
            name: w.full_name.clone(),
        }
    } else {
        Person {
            iin: mask(&w.iin),
            name: mask_name(&w.full_name),
        }
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
