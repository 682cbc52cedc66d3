//! `/contracts/{id}/procurement`: the local-content ledger. A non-domestic line that would take
//! foreign spending above 10% of the larger of the contract amount and the ledger total is
//! refused with the figures (rule 3).

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use super::{load_in_scope, may_record, require_recorder};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::{self, ContractWithProject, LineRow};
use crate::domain::ledger::{self, Category, LineFields};
use crate::error::AppError;
use crate::usecase::{self, acting::Acting, ledger::LineError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Template)]
#[template(path = "contracts/ledger.html")]
pub struct LedgerPage {
    pub ctx: PageCtx,
    pub c: ContractWithProject,
    pub lines: Vec<LineRow>,
    pub fields: LineFields,
    pub errors: FormErrors,
    pub can_record: bool,
    pub categories: &'static [Category],
}

pub fn label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "category" => "ledger-category",
        "description" => "ledger-description",
        "amount_tenge" => "ledger-amount",
        "producer_bin" => "ledger-producer-bin",
        "ct_kz_certificate" => "ledger-certificate",
        _ => return None,
    })
}

async fn page(
    ctx: PageCtx,
    db: &Db,
    user: &CurrentUser,
    c: ContractWithProject,
    fields: LineFields,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    let cid = c.contract.id.clone();
    let lines = db
        .run(move |conn| Ok(contracts::lines(conn, &cid)?))
        .await?;
    render(&LedgerPage {
        can_record: may_record(user, &c),
        c,
        lines,
        fields,
        errors,
        categories: Category::ALL,
        ctx,
    })
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = load_in_scope(&db, &user, id.into_inner()).await?;
    page(ctx, &db, &user, c, LineFields::default(), FormErrors::new()).await
}

pub async fn add(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<LineFields>,
) -> Result<HttpResponse, AppError> {
    let c = load_in_scope(&db, &user, id.into_inner()).await?;
    require_recorder(&user, &c)?;
    super::require_running(&c)?;
    let fields = form.into_inner();
    let i18n = ctx.i18n;
    let line = match ledger::check_line(&fields) {
        Ok(line) => line,
        Err(problems) => {
            let errors = FormErrors::from_problems(&i18n, &problems)
                .with_labels(|f| label_key(f).map(|k| i18n.t(k)));
            return page(ctx, &db, &user, c, fields, errors).await;
        }
    };
    let (cid, by) = (c.contract.id.clone(), Acting::from(&user));
    let saved = db
        .run(move |conn| Ok(usecase::ledger::add_line(conn, &by, &cid, &line)))
        .await?;
    match saved {
        Ok(_) => {
            FlashMessage::success("flash-ledger-line-added").send();
            Ok(see_other(&format!(
                "/contracts/{}/procurement",
                c.contract.id
            )))
        }
        Err(LineError::ForeignOver { after, limit }) => {
            let message = usecase::ledger::foreign_over(after, limit);
            let mut errors = FormErrors::new();
            errors.add("is_domestic", i18n.message(&message));
            page(ctx, &db, &user, c, fields, errors).await
        }
        Err(LineError::NotFound) => Err(AppError::NotFound),
        Err(LineError::Forbidden | LineError::NotRunning) => Err(AppError::Forbidden),
        Err(LineError::Db(e)) => Err(e.into()),
    }
}
