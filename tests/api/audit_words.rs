//! The audit log in words: after writes of every kind, the Kazakh and Russian pages name
//! records, fields, codes and the command line in their own language, and the filters are
//! lists of named choices.

use jobmap::db::audit::{self, Actor, Event};
use jobmap::domain::language::Language;
use jobmap::domain::workflow::ProjectStatus;

use crate::builders::{
    ContractBuilder, ProjectBuilder, UserBuilder, as_form, hire_form, valid_project_fields,
};
use crate::helpers::{Browser, TestApp, spawn_app};

/// Latin words in the page's visible text, outside what people typed (logins) and the
/// abbreviations every language uses.
fn latin_words(html: &str, allowed: &[&str]) -> Vec<String> {
    let main = html
        .split("<main")
        .nth(1)
        .and_then(|m| m.split_once('>'))
        .and_then(|(_, m)| m.split("</main>").next())
        .unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for ch in main.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let mut found: Vec<String> = text
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .filter(|w| !allowed.contains(w))
        .map(str::to_owned)
        .collect();
    found.sort();
    found.dedup();
    found
}

async fn writes_of_every_kind(app: &TestApp) {
    let admin = app.admin().await;
    // Accounts: created, deactivated and activated, password reset; a failed sign-in.
    admin
        .post_form(
            "/admin/users",
            &[
                ("login", "officer"),
                ("full_name", "Айгерим Кайратова"),
                ("role", "akimat"),
                ("region", "27"),
                ("language", "kk"),
            ],
        )
        .await
        .assert_status(200);
    let officer_id = {
        use diesel::prelude::*;
        use jobmap::db::schema::users;
        let mut conn = app.db.conn().expect("connection");
        users::table
            .filter(users::login.eq("officer"))
            .select(users::id)
            .first::<String>(&mut conn)
            .expect("the officer")
    };
    for active in ["false", "true"] {
        admin
            .post_form(
                &format!("/admin/users/{officer_id}/active"),
                &[("active", active)],
            )
            .await
            .assert_status(303);
    }
    app.browser().login("officer", "wrong password").await;
    let officer = UserBuilder::akimat("27")
        .login("akimat27")
        .create(app)
        .browser(app)
        .await;

    // A project: created, edited, submitted.
    let created = officer
        .post_owned("/projects", &as_form(&valid_project_fields("27-2020-001")))
        .await;
    let project = created.location().expect("project created").to_owned();
    let mut fields = valid_project_fields("27-2020-001");
    fields.planned_jobs = "50".into();
    fields.planned_center_hires = "30".into();
    let mut form = as_form(&fields);
    form.push(("version", "1".into()));
    officer.post_owned(&project, &form).await.assert_status(303);
    officer
        .post_form(
            &format!("{project}/status"),
            &[("action", "submit"), ("version", "2")],
        )
        .await;

    // A contract with purchases, hires, a correction, an ending and a lifting payment.
    let contracted = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(app);
    let contract = ContractBuilder::on(&contracted).create(app);
    let contractor = UserBuilder::contractor("940140000385")
        .login("builder")
        .create(app)
        .browser(app)
        .await;
    contractor
        .post_form(
            &format!("/contracts/{}/procurement", contract.id),
            &[
                ("category", "goods"),
                ("description", "Арматура"),
                ("amount_tenge", "50000"),
                ("is_domestic", "true"),
                ("ct_kz_certificate", "KZ-1"),
            ],
        )
        .await;
    let mut hire = hire_form(1, "employment_center");
    hire.push(("arrived_from_other_settlement", "true".into()));
    let job = contractor
        .post_owned(&format!("/contracts/{}/jobs", contract.id), &hire)
        .await
        .location()
        .expect("hire recorded")
        .to_owned();
    contractor
        .post_owned(
            &job,
            &[
                ("version", "1".to_owned()),
                ("full_name", "Работник Номер 1".to_owned()),
                ("home_settlement", "Орал".to_owned()),
                ("position", "Бетонщик".to_owned()),
                ("hire_date", "2024-07-01".to_owned()),
                ("kind", "permanent".to_owned()),
                ("channel", "employment_center".to_owned()),
                ("arrived_from_other_settlement", "true".to_owned()),
                ("monthly_wage_tenge", "180000".to_owned()),
                ("referral_number", "ЦЗ-1".to_owned()),
                ("referral_date", "2024-06-25".to_owned()),
            ],
        )
        .await;
    officer
        .post_form(&format!("{job}/lifting"), &[("paid_on", "2024-07-10")])
        .await;
    contractor
        .post_form(
            &format!("{job}/end"),
            &[("end_date", "2024-08-30"), ("version", "2")],
        )
        .await;
    officer.logout().await;

    // What the command line and the generator record.
    let mut conn = app.db.conn().expect("connection");
    for (action, entity, after) in [
        (
            "user.create",
            "user",
            serde_json::json!({"login": "operator", "role": "commission", "active": true, "language": "ru"}),
        ),
        (
            "plan.update",
            "monthly_plan",
            serde_json::json!({"region_code": "27", "month": "2024-07-01", "planned_jobs": 1200, "planned_center_hires": 600, "updated_by": "x1y2"}),
        ),
        (
            "data.generate",
            "dataset",
            serde_json::json!({"seed": 7, "projects": 7000, "contracts": 10000, "jobs": 255000, "replaced": false}),
        ),
    ] {
        audit::record(
            &mut conn,
            Event {
                actor: &Actor::Cli,
                action,
                entity,
                entity_id: "cli",
                before: None,
                after: Some(after),
                ip: None,
            },
        )
        .expect("event recorded");
    }
}

async fn audit_page(browser: &Browser, lang: &str, query: &str) -> String {
    let page = browser
        .get_with(&format!("/audit{query}"), &[("accept-language", lang)])
        .await;
    page.assert_status(200);
    assert_eq!(page.html_lang(), Some(lang));
    page.body
}

#[tokio::test]
async fn the_kazakh_and_russian_audit_pages_have_no_english_words_or_raw_codes() {
    let app = spawn_app().await;
    writes_of_every_kind(&app).await;
    let reader = |login: &str, language: Language| {
        UserBuilder::commission()
            .login(login)
            .language(language)
            .create(&app)
    };
    let (kk, ru) = (
        reader("member", Language::Kk),
        reader("member.ru", Language::Ru),
    );
    // Logins, the first administrator's name as stored, the IP address column's abbreviation, a
    // certificate number and the acronyms kk and ru use as well (CSV, API) are not English words.
    let allowed = [
        "operator",
        "Administrator",
        "admin",
        "officer",
        "akimat",
        "builder",
        "member",
        "ru",
        "IP",
        "UTC",
        "KZ",
        "CSV",
        "API",
    ];
    for (lang, user) in [("kk", &kk), ("ru", &ru)] {
        let body = audit_page(&user.browser(&app).await, lang, "").await;
        let english = latin_words(&body, &allowed);
        assert!(english.is_empty(), "{lang}: {english:?}");
        for code in [
            "employment_center",
            "monthly_plan",
            "false",
            "(command line)",
        ] {
            assert!(!body.contains(&format!(">{code}<")), "{lang}: {code}");
        }
    }
    let ru = audit_page(&ru.browser(&app).await, "ru", "").await;
    for words in [
        "(командная строка)",
        "По направлению центра занятости",
        "Помесячный план",
        "Прибыл из другого населённого пункта",
        "Трудоустройство",
        "Да",
        // Every kind of write happened.
        "Бетонщик",
        "Работа окончена",
        "Выплата подъёмных отмечена",
        "Закупка внесена",
        "Статус изменён",
        "Проект изменён",
        "Неудачный вход",
        "Учётная запись отключена",
        "Данные сгенерированы",
    ] {
        assert!(ru.contains(words), "ru lacks {words}");
    }
}

#[tokio::test]
async fn the_filters_offer_named_actions_and_records_and_an_action_is_matched_exactly() {
    let app = spawn_app().await;
    writes_of_every_kind(&app).await;
    let admin = app.admin().await;
    let page = audit_page(&admin, "en", "").await;
    assert!(page.contains("<select id=\"action\" name=\"action\">"));
    assert!(
        page.contains("<option value=\"auth.login_failed\">Failed sign-in</option>")
            || page.contains("value=\"auth.login_failed\"")
    );
    assert!(page.contains("<option value=\"monthly_plan\">Monthly plan</option>"));
    // "Sign-in" does not also list the failed sign-ins.
    let logins = audit_page(&admin, "en", "?action=auth.login").await;
    assert!(
        !logins.contains("(not signed in)"),
        "a failed sign-in under the sign-in filter"
    );
    let failed = audit_page(&admin, "en", "?action=auth.login_failed").await;
    assert!(failed.contains("(not signed in) «officer»"), "{failed}");
    let plans = audit_page(&admin, "en", "?entity=monthly_plan").await;
    assert!(
        plans.contains("Planned jobs in the month: — → <strong>1,200</strong>"),
        "{}",
        plans.split("<tbody>").nth(1).unwrap_or_default()
    );
    assert!(plans.contains("(command line)"));
}
