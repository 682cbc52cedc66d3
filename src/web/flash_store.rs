//! Flash messages in a signed cookie, `Secure` only when `JOBMAP_SECURE_COOKIES` says so.
//! The library's cookie store always marks its cookie `Secure`, and a browser reached over
//! plain HTTP then never sends it back, so no flash message would ever show there.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, Key};
use actix_web::dev::ResponseHead;
use actix_web::http::header::{HeaderValue, SET_COOKIE};
use actix_web_flash_messages::FlashMessage;
use actix_web_flash_messages::storage::{
    CookieMessageStore, FlashMessageStore, LoadError, StoreError,
};

/// The library's default name for its cookie.
const COOKIE_NAME: &str = "_flash";

pub struct FlashCookieStore {
    inner: CookieMessageStore,
    secure: bool,
}

impl FlashCookieStore {
    pub fn new(key: Key, secure: bool) -> Self {
        Self {
            inner: CookieMessageStore::builder(key)
                .cookie_name(COOKIE_NAME.to_owned())
                .build(),
            secure,
        }
    }
}

impl FlashMessageStore for FlashCookieStore {
    fn load(&self, request: &HttpRequest) -> Result<Vec<FlashMessage>, LoadError> {
        self.inner.load(request)
    }

    fn store(
        &self,
        messages: &[FlashMessage],
        request: HttpRequest,
        response: &mut ResponseHead,
    ) -> Result<(), StoreError> {
        // The API sets no cookies: a `Set-Cookie` would also keep shared caches from keeping
        // the open data.
        if crate::api::is_token_path(request.path()) {
            return Ok(());
        }
        self.inner.store(messages, request, response)?;
        let headers = response.headers_mut();
        let cookies: Vec<HeaderValue> = headers.get_all(SET_COOKIE).cloned().collect();
        headers.remove(SET_COOKIE);
        for value in cookies {
            headers.append(SET_COOKIE, with_secure(value, self.secure));
        }
        Ok(())
    }
}

/// The flash cookie's `Set-Cookie` with `Secure` as configured; any other cookie unchanged.
fn with_secure(value: HeaderValue, secure: bool) -> HeaderValue {
    let Some(mut cookie) = value
        .to_str()
        .ok()
        .and_then(|s| Cookie::parse(s.to_owned()).ok())
    else {
        return value;
    };
    if cookie.name() != COOKIE_NAME || cookie.secure() == Some(secure) {
        return value;
    }
    cookie.set_secure(secure);
    HeaderValue::from_str(&cookie.to_string()).unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_flash_cookie_follows_the_setting() {
        let flash = HeaderValue::from_static("_flash=abc; HttpOnly; Secure; SameSite=Lax; Path=/");
        let plain = with_secure(flash.clone(), false);
        assert!(!plain.to_str().unwrap().contains("Secure"));
        assert!(plain.to_str().unwrap().contains("HttpOnly"));
        assert!(
            with_secure(flash, true)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        let other = HeaderValue::from_static("jobmap_session=x; Secure");
        assert_eq!(with_secure(other.clone(), false), other);
    }
}
