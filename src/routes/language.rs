//! `POST /language`: switch the interface language and go back to the page the user was on.

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::config::Config;
use crate::db::Db;
use crate::domain::language::Language;
use crate::error::AppError;
use crate::usecase;
use crate::usecase::acting::Acting;
use crate::web::language::LANG_COOKIE;

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Signed-in users keep the choice on their account, so it follows them to any device.
pub async fn switch(
    form: web::Form<LanguageForm>,
    config: web::Data<Config>,
    user: Option<CurrentUser>,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let Some(lang) = Language::from_code(&form.lang) else {
        return Err(AppError::BadRequest(format!(
            "unknown language {:?}",
            form.lang
        )));
    };
    if let Some(user) = user {
        let by = Acting::from(&user);
        db.run(move |conn| Ok(usecase::users::set_language(conn, &by, lang)))
            .await??;
    }
    let cookie = Cookie::build(LANG_COOKIE, lang.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(config.secure_cookies)
        .finish();
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((LOCATION, local_path(&form.next)))
        .finish())
}

/// Only a path on this site: an open redirect would let a phishing link borrow our address.
pub fn local_path(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    if ok { next } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/projects?page=2"), "/projects?page=2");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }
}
