//! Checks another system can run before it sends data: whether IINs and BINs are valid
//! (the check digit of DESIGN.md rule 1, and an IIN's birth date), by the same parser every
//! form and import uses. Writes nothing.

use actix_web::{HttpRequest, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::json::ApiJson;
use super::problem::{self, ApiError, Problem, Text};
use crate::domain::identifier::{Bin, IdError, Iin, Sex};
use crate::domain::message::Message;
use crate::i18n::I18n;

/// At most this many numbers of each kind per request.
pub const MAX_NUMBERS: usize = 10_000;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(identifiers);
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierCheck {
    /// Individual identification numbers (12 digits).
    #[serde(default)]
    pub iins: Vec<String>,
    /// Business identification numbers (12 digits).
    #[serde(default)]
    pub bins: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NumberResult {
    pub value: String,
    pub valid: bool,
    /// Why it is not valid, in the language of `Accept-Language`.
    pub message: Option<String>,
    /// An IIN's birth date.
    pub birth_date: Option<NaiveDate>,
    /// An IIN's sex: `male` or `female`.
    pub sex: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IdentifierResults {
    pub iins: Vec<NumberResult>,
    pub bins: Vec<NumberResult>,
}

fn refusal(kind: &str, e: IdError) -> Message {
    Message::new(match (kind, e) {
        ("bin", IdError::Format) => "bin-format",
        ("bin", _) => "bin-check-digit",
        (_, IdError::Format) => "iin-format",
        (_, IdError::CheckDigit) => "iin-check-digit",
        (_, IdError::BirthDate) => "iin-birth-date",
    })
}

/// Checks up to 10,000 IINs and 10,000 BINs; each answer says whether the number is valid and
/// why not.
#[utoipa::path(
    tag = "checks",
    security(("bearer" = [])),
    request_body = IdentifierCheck,
    responses(
        (status = 200, body = IdentifierResults),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/checks/identifiers")]
pub async fn identifiers(
    _caller: ApiCaller,
    req: HttpRequest,
    body: ApiJson<IdentifierCheck>,
) -> Result<web::Json<IdentifierResults>, ApiError> {
    let body = body.into_inner();
    for (field, n) in [("iins", body.iins.len()), ("bins", body.bins.len())] {
        if n > MAX_NUMBERS {
            return Err(ApiError::unprocessable("too_many_rows").field(
                problem::pointer("", field),
                "too_many_rows",
                Text::Plain(format!("at most {MAX_NUMBERS} numbers, not {n}")),
            ));
        }
    }
    let i18n = I18n::new(problem::language(&req));
    let iins = body
        .iins
        .into_iter()
        .map(|value| match Iin::parse(&value) {
            Ok(iin) => NumberResult {
                birth_date: Some(iin.birth_date()),
                sex: Some(match iin.sex() {
                    Sex::Male => "male".to_owned(),
                    Sex::Female => "female".to_owned(),
                }),
                value,
                valid: true,
                message: None,
            },
            Err(e) => NumberResult {
                message: Some(i18n.message(&refusal("iin", e))),
                value,
                valid: false,
                birth_date: None,
                sex: None,
            },
        })
        .collect();
    let bins = body
        .bins
        .into_iter()
        .map(|value| {
            let error = Bin::parse(&value).err();
            NumberResult {
                valid: error.is_none(),
                message: error.map(|e| i18n.message(&refusal("bin", e))),
                value,
                birth_date: None,
                sex: None,
            }
        })
        .collect();
    Ok(web::Json(IdentifierResults { iins, bins }))
}
