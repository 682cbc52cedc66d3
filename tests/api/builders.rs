//! Test-data builders: `UserBuilder::akimat("27").create(&app)`.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

use jobmap::db::users::{self, NewUser};
use jobmap::domain::language::Language;
use jobmap::domain::role::{Role, Scope};
use jobmap::domain::user::Login;
use jobmap::password;

use crate::helpers::{Browser, TestApp};

static SEQUENCE: AtomicUsize = AtomicUsize::new(1);

/// A user the test created, with the password to sign in.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: String,
    pub login: String,
    pub password: String,
}

impl TestUser {
    /// A new browser signed in as this user.
    pub async fn browser(&self, app: &TestApp) -> Browser {
        let b = app.browser();
        b.login_ok(&self.login, &self.password).await;
        b
    }
}

pub struct UserBuilder {
    role: Role,
    scope: Scope,
    login: Option<String>,
    full_name: String,
    password: String,
    language: Language,
}

impl UserBuilder {
    fn new(role: Role, scope: Scope) -> Self {
        Self {
            role,
            scope,
            login: None,
            full_name: String::new(),
            password: "test password for people".into(),
            language: Language::En,
        }
    }

    pub fn admin() -> Self {
        Self::new(Role::Admin, Scope::National)
    }

    pub fn commission() -> Self {
        Self::new(Role::Commission, Scope::National)
    }

    pub fn akimat(region: &str) -> Self {
        Self::new(Role::Akimat, Scope::Region(region.into()))
    }

    pub fn contractor(bin: &str) -> Self {
        Self::new(Role::Contractor, Scope::Contractor(bin.into()))
    }

    pub fn login(mut self, login: &str) -> Self {
        self.login = Some(login.into());
        self
    }

    pub fn full_name(mut self, name: &str) -> Self {
        self.full_name = name.into();
        self
    }

    pub fn password(mut self, password: &str) -> Self {
        self.password = password.into();
        self
    }

    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    pub fn create(self, app: &TestApp) -> TestUser {
        let login = self.login.unwrap_or_else(|| {
            format!(
                "{}-{}",
                self.role.code(),
                SEQUENCE.fetch_add(1, Ordering::Relaxed)
            )
        });
        let parsed = Login::parse(&login).expect("a valid test login");
        let hash = password::hash(&self.password).expect("hash");
        let mut conn = app.db.conn().expect("connection");
        let row = users::insert(
            &mut conn,
            &NewUser {
                login: &parsed,
                full_name: &self.full_name,
                role: self.role,
                scope: &self.scope,
                password_hash: &hash,
                language: self.language,
            },
        )
        .expect("test user created");
        TestUser {
            id: row.id,
            login: row.login,
            password: self.password,
        }
    }
}
