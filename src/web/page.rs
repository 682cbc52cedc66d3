//! `PageCtx`: the part of every page that the base layout needs.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use actix_web_flash_messages::{IncomingFlashMessages, Level};

use crate::auth::CurrentUser;
use crate::auth::csrf::CsrfToken;
use crate::clock::Clock;
use crate::domain::language::Language;
use crate::domain::role::Role;
use crate::i18n::{Arg, I18n};

/// A flash message, stored as a translation key so it shows in the language of the page
/// that displays it.
#[derive(Debug, Clone)]
pub struct FlashView {
    pub level: &'static str,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct PageCtx {
    pub i18n: I18n,
    /// Path and query of this page, where the language switcher returns to.
    pub path: String,
    pub flashes: Vec<FlashView>,
    pub user: Option<CurrentUser>,
    /// Every form on the page carries it (see `auth::csrf`).
    pub csrf_token: String,
    /// The programme's clock (`crate::clock`), so a handler's "today" is Kazakhstan's.
    pub clock: Clock,
}

impl PageCtx {
    /// The context for a request, without reading flash messages (error pages use this).
    pub fn for_request(req: &HttpRequest) -> Self {
        let path = match req.uri().path_and_query() {
            Some(pq) => pq.as_str().to_owned(),
            None => "/".to_owned(),
        };
        let extensions = req.extensions();
        Self {
            i18n: I18n::new(super::language::resolve(req)),
            path,
            flashes: Vec::new(),
            user: extensions.get::<CurrentUser>().cloned(),
            csrf_token: extensions
                .get::<CsrfToken>()
                .map(|t| t.0.clone())
                .unwrap_or_default(),
            clock: req
                .app_data::<actix_web::web::Data<Clock>>()
                .map(|c| *c.get_ref())
                .unwrap_or_default(),
        }
    }

    /// The programme's date now (in Kazakhstan, see `crate::clock`).
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    pub fn t(&self, key: impl AsRef<str>) -> String {
        self.i18n.t(key.as_ref())
    }

    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.i18n.t_with(key, args)
    }

    /// A message with one text argument.
    pub fn t_text(&self, key: &str, name: &str, value: impl Into<String>) -> String {
        self.i18n.t_with(key, &[(name, Arg::Text(value.into()))])
    }

    pub fn count(&self, key: &str, n: impl AsI64) -> String {
        self.i18n.count(key, n.as_i64())
    }

    /// A message with two whole-number arguments, e.g. "page 2 of 7".
    pub fn t_ints(
        &self,
        key: &str,
        a: &str,
        a_value: impl AsI64,
        b: &str,
        b_value: impl AsI64,
    ) -> String {
        self.i18n.t_with(
            key,
            &[
                (a, Arg::Int(a_value.as_i64())),
                (b, Arg::Int(b_value.as_i64())),
            ],
        )
    }

    /// A domain message.
    pub fn message(&self, message: &crate::domain::message::Message) -> String {
        self.i18n.message(message)
    }

    /// A share in basis points as a percentage in the page's language.
    pub fn percent(&self, bp: impl AsI64) -> String {
        self.i18n.percent(bp.as_i64())
    }

    pub fn num(&self, n: impl AsI64) -> String {
        self.i18n.num(n.as_i64())
    }

    pub fn lang(&self) -> Language {
        self.i18n.lang()
    }

    pub fn lang_code(&self) -> &'static str {
        self.i18n.lang().code()
    }

    /// Whether the signed-in user has `role`; drives what navigation shows (the server checks
    /// again on every request).
    pub fn is(&self, role: &str) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| Role::from_code(role) == Some(u.role))
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    /// `aria-current` for the navigation link to `prefix`.
    pub fn current(&self, prefix: &str) -> &'static str {
        let path = self.path.split('?').next().unwrap_or("");
        let here = if prefix == "/" {
            path == "/"
        } else {
            path == prefix || path.starts_with(&format!("{prefix}/"))
        };
        if here { "page" } else { "false" }
    }

    /// An audit event's changes, worded for this page's reader.
    pub fn audit_changes(
        &self,
        row: &crate::db::audit::AuditRow,
    ) -> Vec<super::audit_view::ShownChange> {
        super::audit_view::shown_changes(&self.i18n, row)
    }

    pub fn audit_action(&self, action: &str) -> String {
        super::audit_view::action_label(&self.i18n, action)
    }

    pub fn languages(&self) -> [Language; 3] {
        Language::ALL
    }
}

/// Flash messages are stored as `key` or `key|count`, and said in the language of the page
/// that shows them.
fn flash_text(i18n: &I18n, content: &str) -> String {
    match content.split_once('|') {
        Some((key, n)) => match n.parse::<i64>() {
            Ok(n) => i18n.count(key, n),
            Err(_) => i18n.t(key),
        },
        None => i18n.t(content),
    }
}

impl FromRequest for PageCtx {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let mut ctx = Self::for_request(req);
        let flashes = IncomingFlashMessages::from_request(req, payload);
        Box::pin(async move {
            // An unreadable flash cookie is dropped rather than failing the page.
            if let Ok(messages) = flashes.await {
                ctx.flashes = messages
                    .iter()
                    .map(|m| FlashView {
                        level: match m.level() {
                            Level::Error | Level::Warning => "error",
                            Level::Success => "success",
                            _ => "info",
                        },
                        text: flash_text(&ctx.i18n, m.content()),
                    })
                    .collect();
            }
            Ok(ctx)
        })
    }
}

/// Whole numbers as templates hand them over: by value or behind any number of references.
pub trait AsI64 {
    fn as_i64(&self) -> i64;
}

impl AsI64 for i64 {
    fn as_i64(&self) -> i64 {
        *self
    }
}

impl AsI64 for i32 {
    fn as_i64(&self) -> i64 {
        i64::from(*self)
    }
}

impl AsI64 for usize {
    fn as_i64(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: AsI64 + ?Sized> AsI64 for &T {
    fn as_i64(&self) -> i64 {
        (**self).as_i64()
    }
}
