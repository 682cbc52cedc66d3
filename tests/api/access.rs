//! Who may use which page. One table of role × route; later issues add their routes here.
//! Anonymous visitors are sent to sign in; signed-in users without the role get 403; records
//! outside a user's scope answer 404 (see the scope tests of each resource).

use crate::builders::{ProjectBuilder, UserBuilder};
use crate::helpers::{Browser, TestApp, spawn_app};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Anonymous,
    Admin,
    Commission,
    Akimat,
    Contractor,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// 200 for a page, 303 for a form that did its work.
    Allowed,
    Forbidden,
    /// Outside the user's scope: the record does not exist for them.
    NotFound,
    SignIn,
}

use Expect::{Allowed, Forbidden, NotFound, SignIn};

struct Route {
    method: &'static str,
    /// `{user}`: an existing user other than the caller; `{project}`: a project of region 27
    /// (the akimat caller's); `{other_project}`: a project of region 43.
    path: &'static str,
    fields: &'static [(&'static str, &'static str)],
    /// Admin, Commission, Akimat, Contractor; anonymous always signs in.
    expect: [Expect; 4],
}

const ROUTES: &[Route] = &[
    Route {
        method: "GET",
        path: "/",
        fields: &[],
        expect: [Allowed; 4],
    },
    Route {
        method: "GET",
        path: "/account/password",
        fields: &[],
        expect: [Allowed; 4],
    },
    Route {
        method: "GET",
        path: "/admin/users",
        fields: &[],
        expect: [Allowed, Forbidden, Forbidden, Forbidden],
    },
    Route {
        method: "GET",
        path: "/admin/users/new",
        fields: &[],
        expect: [Allowed, Forbidden, Forbidden, Forbidden],
    },
    Route {
        method: "GET",
        path: "/admin/users/{user}",
        fields: &[],
        expect: [Allowed, Forbidden, Forbidden, Forbidden],
    },
    Route {
        method: "POST",
        path: "/admin/users",
        fields: &[
            ("login", "made-by-{who}"),
            ("role", "commission"),
            ("language", "en"),
        ],
        expect: [Allowed, Forbidden, Forbidden, Forbidden],
    },
    Route {
        method: "POST",
        path: "/admin/users/{user}/active",
        fields: &[("active", "true")],
        expect: [Allowed, Forbidden, Forbidden, Forbidden],
    },
    Route {
        method: "POST",
        path: "/admin/users/{user}/password",
        fields: &[],
        expect: [Allowed, Forbidden, Forbidden, Forbidden],
    },
    Route {
        method: "GET",
        path: "/projects",
        fields: &[],
        expect: [Allowed; 4],
    },
    Route {
        method: "GET",
        path: "/projects/new",
        fields: &[],
        expect: [Forbidden, Forbidden, Allowed, Forbidden],
    },
    Route {
        method: "GET",
        path: "/projects/import",
        fields: &[],
        expect: [Forbidden, Forbidden, Allowed, Forbidden],
    },
    Route {
        method: "GET",
        path: "/projects/import/template.csv",
        fields: &[],
        expect: [Forbidden, Forbidden, Allowed, Forbidden],
    },
    Route {
        method: "POST",
        path: "/projects",
        fields: &[
            ("code", "ACCESS-{who}"),
            ("title", "Школа"),
            ("direction", "social_cultural"),
            ("work_type", "capital_repair"),
            ("funding_source", "local_budget"),
            ("budget_tenge", "1000"),
            ("planned_jobs", "2"),
            ("planned_center_hires", "1"),
            ("planned_start", "2020-05-01"),
            ("planned_end", "2020-06-01"),
        ],
        expect: [Forbidden, Forbidden, Allowed, Forbidden],
    },
    Route {
        method: "GET",
        path: "/projects/{project}",
        fields: &[],
        expect: [Allowed, Allowed, Allowed, NotFound],
    },
    Route {
        method: "GET",
        path: "/projects/{project}/history",
        fields: &[],
        expect: [Allowed, Allowed, Allowed, NotFound],
    },
    Route {
        method: "GET",
        path: "/projects/{other_project}",
        fields: &[],
        expect: [Allowed, Allowed, NotFound, NotFound],
    },
    Route {
        method: "GET",
        path: "/review",
        fields: &[],
        expect: [Forbidden, Allowed, Forbidden, Forbidden],
    },
    Route {
        method: "GET",
        path: "/plans",
        fields: &[],
        expect: [Forbidden, Allowed, Allowed, Forbidden],
    },
    Route {
        method: "POST",
        path: "/plans",
        fields: &[("year", "2020"), ("jobs_1", "2"), ("center_1", "1")],
        expect: [Forbidden, Forbidden, Allowed, Forbidden],
    },
    Route {
        method: "GET",
        path: "/audit",
        fields: &[],
        expect: [Allowed, Allowed, Forbidden, Forbidden],
    },
];

async fn browser_for(app: &TestApp, who: Who) -> Browser {
    let user = match who {
        Who::Anonymous => return app.browser(),
        Who::Admin => UserBuilder::admin(),
        Who::Commission => UserBuilder::commission(),
        Who::Akimat => UserBuilder::akimat("27"),
        Who::Contractor => UserBuilder::contractor("940140000385"),
    }
    .create(app);
    user.browser(app).await
}

#[tokio::test]
async fn each_role_reaches_exactly_its_pages() {
    let app = spawn_app().await;
    let target = UserBuilder::akimat("43").create(&app);
    let project = ProjectBuilder::in_region("27").create(&app);
    let other_project = ProjectBuilder::in_region("43").create(&app);
    let everyone = [
        Who::Anonymous,
        Who::Admin,
        Who::Commission,
        Who::Akimat,
        Who::Contractor,
    ];
    let mut failures = Vec::new();
    for who in everyone {
        let browser = browser_for(&app, who).await;
        for route in ROUTES {
            let path = route
                .path
                .replace("{user}", &target.id)
                .replace("{other_project}", &other_project.id)
                .replace("{project}", &project.id);
            let expected = match who {
                Who::Anonymous if route.path == "/" => Allowed,
                Who::Anonymous => SignIn,
                Who::Admin => route.expect[0],
                Who::Commission => route.expect[1],
                Who::Akimat => route.expect[2],
                Who::Contractor => route.expect[3],
            };
            let who_name = format!("{who:?}").to_lowercase();
            let fields: Vec<(&str, String)> = route
                .fields
                .iter()
                .map(|(k, v)| (*k, v.replace("{who}", &who_name)))
                .collect();
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let page = if route.method == "GET" {
                browser.get(&path).await
            } else {
                browser.post_form(&path, &fields).await
            };
            let ok = match expected {
                Allowed => page.status == 200 || page.status == 303 && route.method == "POST",
                Forbidden => page.status == 403,
                NotFound => page.status == 404,
                SignIn => {
                    page.status == 303
                        && page
                            .location()
                            .is_some_and(|l| l.starts_with("/login?next="))
                }
            };
            if !ok {
                failures.push(format!(
                    "{who:?} {} {path}: expected {expected:?}, got {} {:?}",
                    route.method,
                    page.status,
                    page.location()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn navigation_shows_only_what_the_role_may_use() {
    let app = spawn_app().await;
    let admin = browser_for(&app, Who::Admin).await;
    admin
        .get("/")
        .await
        .assert_contains("href=\"/admin/users\"");
    for who in [
        Who::Anonymous,
        Who::Commission,
        Who::Akimat,
        Who::Contractor,
    ] {
        browser_for(&app, who)
            .await
            .get("/")
            .await
            .assert_lacks("href=\"/admin/users\"");
    }
}
