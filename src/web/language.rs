//! Which language to answer in: the signed-in user's choice, else the `lang` cookie, else the
//! browser's `Accept-Language`, else Russian.

use actix_web::{HttpMessage, HttpRequest};

use crate::domain::language::Language;

pub const LANG_COOKIE: &str = "lang";

/// Put into request extensions by the session layer when a signed-in user has a language.
#[derive(Debug, Clone, Copy)]
pub struct AccountLanguage(pub Language);

pub fn resolve(req: &HttpRequest) -> Language {
    if let Some(AccountLanguage(lang)) = req.extensions().get::<AccountLanguage>() {
        return *lang;
    }
    if let Some(lang) = req
        .cookie(LANG_COOKIE)
        .and_then(|c| Language::from_code(c.value()))
    {
        return lang;
    }
    req.headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Language::negotiate)
        .unwrap_or_default()
}
