//! `usecase::hire_batch`, the bulk hire the API calls: every row judged as on the form (rules
//! 2, 4 and 5 through `hires::record_rows`), an answer per row, all or nothing by default and
//! the good rows when asked.

use jobmap::db::jobs::JobRow;
use jobmap::domain::hire::HireFields;
use jobmap::domain::workflow::ProjectStatus;
use jobmap::policy::Who;
use jobmap::usecase::hire_batch::{self, BatchError, BatchOutcome, MAX_ROWS, RowOutcome};
use jobmap::usecase::hires::{HireError, Mode, Refusal};

use crate::builders::{ContractBuilder, ProjectBuilder, TestContract, UserBuilder, hire_form};
use crate::helpers::{TestApp, spawn_app};

fn fields(n: usize, channel: &str) -> HireFields {
    let form = hire_form(n, channel);
    let get = |k: &str| {
        form.iter()
            .find(|(f, _)| *f == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    HireFields {
        iin: get("iin"),
        full_name: get("full_name"),
        home_settlement: get("home_settlement"),
        position: get("position"),
        hire_date: get("hire_date"),
        end_date: String::new(),
        kind: get("kind"),
        channel: get("channel"),
        referral_number: get("referral_number"),
        referral_date: get("referral_date"),
        arrived_from_other_settlement: String::new(),
        monthly_wage_tenge: get("monthly_wage_tenge"),
    }
}

fn setup(app: &TestApp) -> (TestContract, Who) {
    let project = ProjectBuilder::in_region("27")
        .status(ProjectStatus::Contracted)
        .create(app);
    let contract = ContractBuilder::on(&project).create(app);
    let user = UserBuilder::contractor("940140000385").create(app);
    let mut conn = app.db.conn().unwrap();
    let row = jobmap::db::users::find_by_login(&mut conn, &user.login)
        .unwrap()
        .unwrap();
    let who = Who {
        user_id: row.id.clone(),
        role: jobmap::domain::role::Role::Contractor,
        scope: jobmap::domain::role::Scope::Contractor("940140000385".into()),
        actor: jobmap::db::audit::Actor::User {
            id: row.id,
            login: row.login,
        },
    };
    (contract, who)
}

fn run(
    app: &TestApp,
    who: &Who,
    c: &TestContract,
    rows: Vec<HireFields>,
    mode: Mode,
) -> Result<BatchOutcome, BatchError> {
    let mut conn = app.db.conn().unwrap();
    let today = jobmap::clock::Clock::default().today();
    hire_batch::hire_batch(&mut conn, who, &c.id, rows, today, mode)
}

fn statuses(o: &BatchOutcome) -> Vec<&'static str> {
    o.rows
        .iter()
        .map(|r| match r {
            RowOutcome::Created(_) => "created",
            RowOutcome::Valid => "valid",
            RowOutcome::Refused(_) => "refused",
        })
        .collect()
}

fn created(o: &BatchOutcome) -> Vec<&JobRow> {
    o.rows
        .iter()
        .filter_map(|r| match r {
            RowOutcome::Created(j) => Some(j.as_ref()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_batch_is_recorded_whole_or_not_at_all_with_an_answer_per_row() {
    let app = spawn_app().await;
    let (c, who) = setup(&app);
    let mut rows: Vec<HireFields> = (1..=4).map(|n| fields(n, "employment_center")).collect();
    rows[2].hire_date = "2099-01-01".into();
    let o = run(&app, &who, &c, rows.clone(), Mode::AllOrNothing).unwrap();
    assert_eq!(statuses(&o), ["valid", "valid", "refused", "valid"]);
    assert_eq!((o.created, o.refused), (0, 1));
    rows[2] = fields(3, "employment_center");
    let o = run(&app, &who, &c, rows, Mode::AllOrNothing).unwrap();
    assert_eq!(statuses(&o), ["created"; 4]);
    assert!(o.complete());
    assert!(created(&o).iter().all(|j| j.contract_id == c.id));
}

#[tokio::test]
async fn asked_for_the_good_rows_each_row_is_judged_as_if_the_refused_ones_were_not_sent() {
    let app = spawn_app().await;
    let (c, who) = setup(&app);
    let rows = vec![
        fields(1, "employment_center"),
        // Refused: not a valid IIN. Without it there is one employment-center hire, so
        // only one direct hire may follow (rule 2).
        HireFields {
            iin: "000000000000".into(),
            ..fields(2, "employment_center")
        },
        fields(3, "direct"),
        fields(4, "direct"),
        // The same worker twice: the second is refused (rule 4, within the batch).
        fields(1, "employment_center"),
        fields(5, "employment_center"),
    ];
    let o = run(&app, &who, &c, rows, Mode::GoodRows).unwrap();
    assert_eq!(
        statuses(&o),
        [
            "created", "refused", "created", "refused", "refused", "created"
        ]
    );
    assert_eq!((o.created, o.refused), (3, 3));
    let RowOutcome::Refused(p) = &o.rows[3] else {
        unreachable!()
    };
    assert!(matches!(
        p[0].refusal,
        Some(Refusal::TooManyDirect {
            center: 1,
            direct: 1
        })
    ));
    // The contract's counters follow what was written.
    use diesel::prelude::*;
    use jobmap::db::schema::contracts;
    let mut conn = app.db.conn().unwrap();
    let counts: (i32, i32) = contracts::table
        .find(&c.id)
        .select((contracts::center_hires, contracts::direct_hires))
        .first(&mut conn)
        .unwrap();
    assert_eq!(counts, (2, 1));
}

#[tokio::test]
async fn a_batch_is_one_to_ten_thousand_rows_and_only_on_contracts_in_scope() {
    let app = spawn_app().await;
    let (c, who) = setup(&app);
    assert!(matches!(
        run(&app, &who, &c, Vec::new(), Mode::AllOrNothing),
        Err(BatchError::Empty)
    ));
    let too_many = vec![HireFields::default(); MAX_ROWS + 1];
    assert!(matches!(
        run(&app, &who, &c, too_many, Mode::AllOrNothing),
        Err(BatchError::TooMany { sent }) if sent == MAX_ROWS + 1
    ));
    let stranger = Who {
        scope: jobmap::domain::role::Scope::Contractor("990140004654".into()),
        ..who
    };
    assert!(matches!(
        run(
            &app,
            &stranger,
            &c,
            vec![fields(1, "employment_center")],
            Mode::GoodRows
        ),
        Err(BatchError::Hire(HireError::NotFound))
    ));
}
