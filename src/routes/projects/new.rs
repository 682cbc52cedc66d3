//! `/projects/new`: an akimat officer registers a project in their region.

use actix_web::{HttpResponse, web};

use super::form::{ProjectForm, ProjectFormPage};
use super::officer_region;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::regions::RegionNames;
use crate::domain::project;
use crate::error::AppError;
use crate::usecase::{self, acting::Acting, projects::ProjectError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

async fn page(ctx: PageCtx, db: &Db, region: String) -> Result<ProjectFormPage, AppError> {
    let names = db.run(|conn| Ok(RegionNames::load(conn)?)).await?;
    let mut page = ProjectFormPage::new(
        ctx,
        "project-new-heading",
        "/projects".into(),
        "/projects".into(),
    );
    page.region_name = names.name(&region, page.ctx.lang()).to_owned();
    Ok(page)
}

pub async fn form(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let region = officer_region(&user)?;
    render(&page(ctx, &db, region).await?)
}

pub async fn create(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    form: web::Form<ProjectForm>,
) -> Result<HttpResponse, AppError> {
    let region = officer_region(&user)?;
    let fields = form.into_inner().fields;
    let input = match project::check(&fields) {
        Ok(input) => input,
        Err(problems) => {
            let mut page = page(ctx, &db, region).await?;
            let i18n = page.ctx.i18n;
            page.errors = FormErrors::from_problems(&i18n, &problems)
                .with_labels(|f| project::field_label_key(f).map(|k| i18n.t(k)));
            page.fields = fields;
            return render(&page);
        }
    };
    let by = Acting::from(&user);
    let saved = db
        .run(move |conn| Ok(usecase::projects::create(conn, &by, &input)))
        .await?;
    match saved {
        Ok(row) => {
            actix_web_flash_messages::FlashMessage::success("flash-project-created").send();
            Ok(see_other(&format!("/projects/{}", row.id)))
        }
        Err(ProjectError::CodeTaken(_)) => {
            let mut page = page(ctx, &db, region).await?;
            page.errors.add("code", page.ctx.t("project-code-taken"));
            page.fields = fields;
            render(&page)
        }
        Err(ProjectError::Forbidden) => Err(AppError::Forbidden),
        Err(ProjectError::Db(e)) => Err(e.into()),
        Err(
            e @ (ProjectError::NotFound | ProjectError::NotEditable(_) | ProjectError::Stale(_)),
        ) => Err(AppError::Internal(anyhow::anyhow!("{e} on insert"))),
    }
}
