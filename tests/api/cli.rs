//! `jobmap user …`: an operator manages accounts without SQL.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use diesel::prelude::*;
use jobmap::db::schema::{audit_events, sessions};
use jobmap::db::users;
use jobmap::password;

use crate::helpers::{TestApp, spawn_app};

fn jobmap(app: &TestApp, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobmap"))
        .args(args)
        .env("DATABASE_URL", &app.test_db.url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("jobmap runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().expect("jobmap finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[tokio::test]
async fn help_explains_every_subcommand() {
    let app = spawn_app().await;
    let out = jobmap(&app, &["--help"], None);
    assert!(out.status.success());
    let text = stdout(&out);
    for word in [
        "serve",
        "migrate",
        "user",
        "JOBMAP_BIND",
        "DATABASE_URL",
        "JOBMAP_ADMIN_PASSWORD",
    ] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
    let user_help = stdout(&jobmap(&app, &["user", "--help"], None));
    for word in ["add", "list", "deactivate", "activate", "reset-password"] {
        assert!(user_help.contains(word), "user --help lacks {word}");
    }
}

#[tokio::test]
async fn an_operator_adds_an_akimat_officer_with_a_generated_password() {
    let app = spawn_app().await;
    let out = jobmap(
        &app,
        &[
            "user",
            "add",
            "--login",
            "Aigerim.K",
            "--role",
            "akimat",
            "--region",
            "27",
            "--name",
            "Aigerim Kairatova",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("created aigerim.k (region 27)"), "{text}");
    let shown = text
        .lines()
        .find_map(|l| l.strip_prefix("password: "))
        .expect("the password is shown once");

    let mut conn = app.db.conn().unwrap();
    let user = users::find_by_login(&mut conn, "aigerim.k")
        .unwrap()
        .unwrap();
    assert_eq!(user.role, "akimat");
    assert_eq!(user.region_code.as_deref(), Some("27"));
    assert!(password::verify(&user.password_hash, shown));
    let actions: Vec<String> = audit_events::table
        .filter(audit_events::entity_id.eq(&user.id))
        .select(audit_events::action)
        .load(&mut conn)
        .unwrap();
    assert_eq!(actions, ["user.create"]);
}

#[tokio::test]
async fn wrong_scopes_and_duplicates_are_refused_with_a_reason() {
    let app = spawn_app().await;
    let cases: [(&[&str], &str); 5] = [
        (&["--login", "nobody", "--role", "akimat"], "region"),
        (
            &["--login", "nobody", "--role", "akimat", "--region", "99"],
            "no region",
        ),
        (
            &[
                "--login",
                "nobody",
                "--role",
                "contractor",
                "--bin",
                "940140000386",
            ],
            "BIN",
        ),
        (&["--login", "nobody", "--role", "mayor"], "unknown role"),
        (
            &["--login", "admin", "--role", "commission"],
            "already exists",
        ),
    ];
    for (args, reason) in cases {
        let mut full = vec!["user", "add"];
        full.extend_from_slice(args);
        let out = jobmap(&app, &full, None);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(stderr(&out).contains(reason), "{args:?}: {}", stderr(&out));
    }
    let mut conn = app.db.conn().unwrap();
    assert!(users::find_by_login(&mut conn, "nobody").unwrap().is_none());
}

#[tokio::test]
async fn list_deactivate_and_reset_password() {
    let app = spawn_app().await;
    let add = jobmap(
        &app,
        &[
            "user",
            "add",
            "--login",
            "builder",
            "--role",
            "contractor",
            "--bin",
            "940140000385",
            "--password-stdin",
        ],
        Some("first steppe password 1\n"),
    );
    assert!(add.status.success(), "{}", stderr(&add));
    assert!(!stdout(&add).contains("password:"));

    let list = stdout(&jobmap(&app, &["user", "list"], None));
    assert!(list.contains("builder"), "{list}");
    assert!(list.contains("BIN 940140000385"), "{list}");
    assert!(list.contains("all regions"), "{list}");

    // A live session of the user, to see it end.
    let mut conn = app.db.conn().unwrap();
    let user = users::find_by_login(&mut conn, "builder").unwrap().unwrap();
    let now = jobmap::db::now();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq("s1"),
            sessions::user_id.eq(&user.id),
            sessions::state.eq("{}"),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(now),
        ))
        .execute(&mut conn)
        .unwrap();

    let out = jobmap(&app, &["user", "deactivate", "builder"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let user = users::find_by_login(&mut conn, "builder").unwrap().unwrap();
    assert!(!user.active);
    let live: i64 = sessions::table.count().get_result(&mut conn).unwrap();
    assert_eq!(live, 0, "deactivation ends sessions");
    assert!(stdout(&jobmap(&app, &["user", "list"], None)).contains("inactive"));

    let out = jobmap(
        &app,
        &["user", "reset-password", "builder", "--password-stdin"],
        Some("second steppe password 2\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let user = users::find_by_login(&mut conn, "builder").unwrap().unwrap();
    assert!(password::verify(
        &user.password_hash,
        "second steppe password 2"
    ));
    assert!(!password::verify(
        &user.password_hash,
        "first steppe password 1"
    ));

    let out = jobmap(
        &app,
        &["user", "reset-password", "builder", "--password-stdin"],
        Some("short\n"),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("at least 8"), "{}", stderr(&out));

    let out = jobmap(
        &app,
        &["user", "reset-password", "builder", "--password-stdin"],
        Some("password123\n"),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("too common"), "{}", stderr(&out));

    let out = jobmap(&app, &["user", "deactivate", "ghost"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no user 'ghost'"));
}

#[tokio::test]
async fn a_register_file_is_loaded_from_the_command_line_all_or_nothing() {
    use jobmap::db::schema::register_batches as b;
    let app = spawn_app().await;
    let member = crate::builders::UserBuilder::commission().create(&app);
    let contractor = crate::builders::UserBuilder::contractor("940140000385").create(&app);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contributions.csv");
    let load = |login: &str| {
        let path = file.to_str().unwrap().to_owned();
        jobmap(
            &app,
            &[
                "register",
                "load",
                "--kind",
                "contributions",
                "--from",
                "2024-07",
                "--to",
                "2024-08",
                "--source",
                "ENPF export",
                "--as",
                login,
                &path,
            ],
            None,
        )
    };
    let batches = || -> Vec<(String, i64)> {
        let mut conn = app.db.conn().unwrap();
        b::table
            .select((b::loaded_by, b::row_count))
            .load(&mut conn)
            .unwrap()
    };

    // A bad line: nothing is loaded, and the line is named.
    std::fs::write(
        &file,
        "month,employer_bin,iin,amount_tenge\n2024-07,940140000385,800101310013,8500\n\
         2024-13,940140000385,800101310013,8500\n",
    )
    .unwrap();
    let out = load(&member.login);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 3"), "{}", stderr(&out));
    assert!(batches().is_empty());

    // Only admins and commission members load registers.
    std::fs::write(
        &file,
        "month,employer_bin,iin,amount_tenge\n2024-07,940140000385,800101310013,8500\n\
         2024-08,940140000385,800101310013,8500\n",
    )
    .unwrap();
    let out = load(&contractor.login);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("may not load registers"),
        "{}",
        stderr(&out)
    );
    assert!(batches().is_empty());

    // A region given for a national register is refused by the use case's own rule.
    let path = file.to_str().unwrap().to_owned();
    let out = jobmap(
        &app,
        &[
            "register",
            "load",
            "--kind",
            "contributions",
            "--region",
            "27",
            "--from",
            "2024-07",
            "--to",
            "2024-08",
            "--source",
            "ENPF export",
            "--as",
            &member.login,
            &path,
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("leave the region empty"),
        "{}",
        stderr(&out)
    );
    assert!(batches().is_empty());

    let out = load(&member.login);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 rows"), "{}", stdout(&out));
    assert_eq!(batches(), [(member.login.clone(), 2)]);
}
