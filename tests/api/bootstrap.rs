//! The way in: the first start creates `admin`, with the configured password or a random one.

use diesel::prelude::*;
use jobmap::config::Config;
use jobmap::db::{audit, users};
use jobmap::password;
use jobmap::startup::Application;

use crate::helpers::{ADMIN_PASSWORD, AppBuilder, spawn_app};

#[tokio::test]
async fn first_start_creates_admin_with_the_configured_password() {
    let app = spawn_app().await;
    let mut conn = app.db.conn().unwrap();
    let admin = users::find_by_login(&mut conn, "admin")
        .unwrap()
        .expect("admin exists");
    assert_eq!(admin.role, "admin");
    assert!(admin.active);
    assert!(password::verify(&admin.password_hash, ADMIN_PASSWORD));
    assert!(admin.password_hash.starts_with("$argon2id$"));
    let events = audit::for_entity(&mut conn, "user", &admin.id).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].action, "user.bootstrap");
    assert!(
        !events[0]
            .after_json
            .as_deref()
            .unwrap_or("")
            .contains("argon2")
    );
}

#[tokio::test]
async fn without_a_configured_password_the_admin_gets_a_random_one() {
    let app = AppBuilder::new().admin_password(None).spawn().await;
    let mut conn = app.db.conn().unwrap();
    let admin = users::find_by_login(&mut conn, "admin")
        .unwrap()
        .expect("admin exists");
    for guess in ["admin", "password", "jobmap", "", ADMIN_PASSWORD] {
        assert!(!password::verify(&admin.password_hash, guess), "{guess:?}");
    }
}

#[tokio::test]
async fn a_restart_never_replaces_existing_accounts() {
    let app = spawn_app().await;
    let mut config = Config::for_database(&app.test_db.url);
    config.admin_password = Some("a different password".into());
    let _second = Application::build(config).expect("second start");
    let mut conn = app.db.conn().unwrap();
    let admins: i64 = jobmap::db::schema::users::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(admins, 1);
    let admin = users::find_by_login(&mut conn, "admin").unwrap().unwrap();
    assert!(password::verify(&admin.password_hash, ADMIN_PASSWORD));
}

#[tokio::test]
async fn a_too_short_admin_password_stops_the_start_with_a_reason() {
    let test_db = crate::helpers::TestDb::new();
    let mut config = Config::for_database(&test_db.url);
    config.admin_password = Some("short".into());
    let err = Application::build(config).err().expect("refused");
    assert!(err.to_string().contains("JOBMAP_ADMIN_PASSWORD"), "{err}");
}
