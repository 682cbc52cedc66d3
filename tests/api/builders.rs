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

/// A project the test arranged, and what it needs to refer to it.
#[derive(Debug, Clone)]
pub struct TestProject {
    pub id: String,
    pub code: String,
}

/// A valid project, stored directly (bypassing the web forms) in any status.
pub struct ProjectBuilder {
    region: String,
    fields: jobmap::domain::project::ProjectFields,
    status: jobmap::domain::workflow::ProjectStatus,
}

impl ProjectBuilder {
    pub fn in_region(region: &str) -> Self {
        let n = SEQUENCE.fetch_add(1, Ordering::Relaxed);
        Self {
            region: region.into(),
            fields: valid_project_fields(&format!("P-{region}-{n}")),
            status: jobmap::domain::workflow::ProjectStatus::Draft,
        }
    }

    pub fn code(mut self, code: &str) -> Self {
        self.fields.code = code.into();
        self
    }

    pub fn title(mut self, title: &str) -> Self {
        self.fields.title = title.into();
        self
    }

    pub fn jobs(mut self, planned: i64, via_centers: i64) -> Self {
        self.fields.planned_jobs = planned.to_string();
        self.fields.planned_center_hires = via_centers.to_string();
        self
    }

    pub fn budget(mut self, tenge: i64) -> Self {
        self.fields.budget_tenge = tenge.to_string();
        self
    }

    pub fn direction(mut self, code: &str) -> Self {
        self.fields.direction = code.into();
        self
    }

    pub fn period(mut self, start: &str, end: &str) -> Self {
        self.fields.planned_start = start.into();
        self.fields.planned_end = end.into();
        self
    }

    pub fn status(mut self, status: jobmap::domain::workflow::ProjectStatus) -> Self {
        self.status = status;
        self
    }

    pub fn create(self, app: &TestApp) -> TestProject {
        use diesel::prelude::*;
        use jobmap::db::schema::{projects, users};
        let input = jobmap::domain::project::check(&self.fields).expect("valid test project");
        let mut conn = app.db.conn().expect("connection");
        let admin: String = users::table
            .filter(users::login.eq("admin"))
            .select(users::id)
            .first(&mut conn)
            .expect("the first admin");
        let row = jobmap::db::projects::insert(&mut conn, &input, &self.region, &admin)
            .expect("test project stored");
        diesel::update(projects::table.find(&row.id))
            .set(projects::status.eq(self.status.code()))
            .execute(&mut conn)
            .expect("status set");
        if self.status != jobmap::domain::workflow::ProjectStatus::Draft {
            // Recorded like a real change, so figures "as of" a date see it.
            use jobmap::db::schema::project_status_changes as psc;
            diesel::insert_into(psc::table)
                .values((
                    psc::id.eq(jobmap::db::new_id()),
                    psc::project_id.eq(&row.id),
                    psc::from_status.eq(Some("draft")),
                    psc::to_status.eq(self.status.code()),
                    psc::changed_by.eq(&admin),
                    psc::changed_at.eq(jobmap::db::now()),
                ))
                .execute(&mut conn)
                .expect("status change recorded");
            jobmap::db::tallies::rebuild(&mut conn).expect("figures brought up to date");
        }
        TestProject {
            id: row.id,
            code: row.code,
        }
    }
}

/// Form fields of a valid project; tests change what they are about.
pub fn valid_project_fields(code: &str) -> jobmap::domain::project::ProjectFields {
    jobmap::domain::project::ProjectFields {
        code: code.into(),
        title: "Капитальный ремонт школы".into(),
        district: "Теректинский район".into(),
        settlement: "Фёдоровка".into(),
        latitude: "51.2333".into(),
        longitude: "51.3667".into(),
        direction: "social_cultural".into(),
        work_type: "capital_repair".into(),
        funding_source: "republican_budget".into(),
        budget_tenge: "250000000".into(),
        planned_jobs: "40".into(),
        planned_center_hires: "20".into(),
        planned_permanent_jobs: "2".into(),
        planned_start: "2020-05-01".into(),
        planned_end: "2020-11-30".into(),
    }
}

/// The fields as a browser would post them.
pub fn as_form(fields: &jobmap::domain::project::ProjectFields) -> Vec<(&'static str, String)> {
    vec![
        ("code", fields.code.clone()),
        ("title", fields.title.clone()),
        ("district", fields.district.clone()),
        ("settlement", fields.settlement.clone()),
        ("latitude", fields.latitude.clone()),
        ("longitude", fields.longitude.clone()),
        ("direction", fields.direction.clone()),
        ("work_type", fields.work_type.clone()),
        ("funding_source", fields.funding_source.clone()),
        ("budget_tenge", fields.budget_tenge.clone()),
        ("planned_jobs", fields.planned_jobs.clone()),
        ("planned_center_hires", fields.planned_center_hires.clone()),
        (
            "planned_permanent_jobs",
            fields.planned_permanent_jobs.clone(),
        ),
        ("planned_start", fields.planned_start.clone()),
        ("planned_end", fields.planned_end.clone()),
    ]
}

/// The `n`-th of a deterministic series of valid IINs (men and women born in the 1980s–90s).
pub fn iin(n: usize) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1980, 1, 1).unwrap();
    for attempt in 0..8usize {
        let k = n + attempt * 1_000_003;
        let birth = base + chrono::TimeDelta::days((k / 4000) as i64);
        let sex_digit = if attempt % 2 == 0 { 3 } else { 4 };
        let prefix = format!(
            "{}{}{:04}",
            birth.format("%y%m%d"),
            sex_digit,
            k % 4000 + 1000
        );
        for check in 0..10 {
            let candidate = format!("{prefix}{check}");
            if jobmap::domain::identifier::check_digit_valid(&candidate) {
                return candidate;
            }
        }
    }
    panic!("no valid IIN near {n}")
}

/// A contract stored directly, on a project in a status that accepts contracts.
pub struct ContractBuilder {
    project_id: String,
    bin: String,
    signed: String,
    amount: i64,
    center_hires: i32,
}

#[derive(Debug, Clone)]
pub struct TestContract {
    pub id: String,
    pub project_id: String,
}

impl ContractBuilder {
    pub fn on(project: &TestProject) -> Self {
        Self {
            project_id: project.id.clone(),
            bin: "940140000385".into(),
            signed: "2024-01-15".into(),
            amount: 1_000_000,
            center_hires: 0,
        }
    }

    pub fn bin(mut self, bin: &str) -> Self {
        self.bin = bin.into();
        self
    }

    /// Pretend this many employment-center hires are already on the contract.
    pub fn center_hires(mut self, n: i32) -> Self {
        self.center_hires = n;
        self
    }

    pub fn create(self, app: &TestApp) -> TestContract {
        use diesel::prelude::*;
        use jobmap::db::schema::{contracts, users};
        let fields = jobmap::domain::contract::ContractFields {
            contractor_bin: self.bin,
            contractor_name: "ТОО «Орал Құрылыс»".into(),
            number: format!("C-{}", SEQUENCE.fetch_add(1, Ordering::Relaxed)),
            signed_on: self.signed,
            amount_tenge: self.amount.to_string(),
            works_tenge: self.amount.to_string(),
            works_domestic_tenge: self.amount.to_string(),
            ..Default::default()
        };
        let today = jobmap::clock::Clock::default().today();
        let input = jobmap::domain::contract::check(&fields, today).expect("valid test contract");
        let mut conn = app.db.conn().expect("connection");
        let admin: String = users::table
            .filter(users::login.eq("admin"))
            .select(users::id)
            .first(&mut conn)
            .expect("the first admin");
        let mut tally = jobmap::db::tallies::Tally::default();
        let row =
            jobmap::db::contracts::insert(&mut conn, &self.project_id, &input, &admin, &mut tally)
                .expect("contract stored");
        tally.flush(&mut conn).expect("figures kept");
        diesel::update(contracts::table.find(&row.id))
            .set(contracts::center_hires.eq(self.center_hires))
            .execute(&mut conn)
            .expect("counters set");
        TestContract {
            id: row.id,
            project_id: self.project_id,
        }
    }
}

/// Hire form fields for worker `n` through an employment center.
pub fn hire_form(n: usize, channel: &str) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("iin", iin(n)),
        ("full_name", format!("Работник Номер {n}")),
        ("home_settlement", "Орал".to_owned()),
        ("position", "Разнорабочий".to_owned()),
        ("hire_date", "2024-07-01".to_owned()),
        ("kind", "temporary".to_owned()),
        ("channel", channel.to_owned()),
        ("monthly_wage_tenge", "150000".to_owned()),
    ];
    if channel == "employment_center" {
        fields.push(("referral_number", format!("ЦЗ-{n}")));
        fields.push(("referral_date", "2024-06-25".to_owned()));
    }
    fields
}
