//! `/projects/{id}/edit`: an officer corrects a draft or rejected project. An edit based on an
//! old version is refused and shows what changed meanwhile (rule 8).

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;

use super::form::{ProjectForm, ProjectFormPage, changed_since};
use super::{load_in_scope, officer_region};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::audit;
use crate::db::projects::ProjectRow;
use crate::db::regions::RegionNames;
use crate::domain::project;
use crate::error::AppError;
use crate::usecase::{self, acting::Acting, projects::ProjectError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

async fn page(ctx: PageCtx, db: &Db, row: &ProjectRow) -> Result<ProjectFormPage, AppError> {
    let names = db.run(|conn| Ok(RegionNames::load(conn)?)).await?;
    let url = format!("/projects/{}", row.id);
    let mut page = ProjectFormPage::new(ctx, "project-edit-heading", url.clone(), url);
    page.region_name = names.name(&row.region_code, page.ctx.lang()).to_owned();
    page.fields = row.fields();
    page.version = Some(row.version);
    Ok(page)
}

/// Only the region's officer edits, and only while the project is open to changes.
async fn editable(
    db: &Db,
    user: &CurrentUser,
    id: String,
) -> Result<Result<ProjectRow, HttpResponse>, AppError> {
    officer_region(user)?;
    let row = load_in_scope(db, user, id).await?;
    if !row.status().is_editable() {
        FlashMessage::error("flash-project-not-editable").send();
        return Ok(Err(see_other(&format!("/projects/{}", row.id))));
    }
    Ok(Ok(row))
}

pub async fn form(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    match editable(&db, &user, id.into_inner()).await? {
        Ok(row) => render(&page(ctx, &db, &row).await?),
        Err(redirect) => Ok(redirect),
    }
}

pub async fn update(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<ProjectForm>,
) -> Result<HttpResponse, AppError> {
    let row = match editable(&db, &user, id.into_inner()).await? {
        Ok(row) => row,
        Err(redirect) => return Ok(redirect),
    };
    let ProjectForm { fields, version } = form.into_inner();
    let base_version: i32 = version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("version".into()))?;
    let input = match project::check(&fields) {
        Ok(input) => input,
        Err(problems) => {
            let mut page = page(ctx, &db, &row).await?;
            let i18n = page.ctx.i18n;
            page.errors = FormErrors::from_problems(&i18n, &problems)
                .with_labels(|f| project::field_label_key(f).map(|k| i18n.t(k)));
            page.fields = fields;
            page.version = Some(base_version);
            return render(&page);
        }
    };
    let (id, by) = (row.id.clone(), Acting::from(&user));
    let saved = db
        .run(move |conn| {
            Ok(usecase::projects::edit(
                conn,
                &by,
                &id,
                base_version,
                &input,
            ))
        })
        .await?;
    match saved {
        Ok(after) => {
            FlashMessage::success("flash-project-saved").send();
            Ok(see_other(&format!("/projects/{}", after.id)))
        }
        Err(ProjectError::Stale(current)) => {
            let (entity_id, base) = (current.id.clone(), base_version);
            let snapshot = db
                .run(move |conn| {
                    Ok(audit::snapshot_at_version(
                        conn, "project", &entity_id, base,
                    )?)
                })
                .await?;
            let mut page = page(ctx, &db, &current).await?;
            page.changed = changed_since(snapshot.as_ref(), &current);
            page.errors.add("stale", page.ctx.t("project-stale"));
            // Keep what the user typed; saving again now overwrites knowingly.
            page.fields = fields;
            render(&page)
        }
        Err(ProjectError::CodeTaken(_)) => {
            let mut page = page(ctx, &db, &row).await?;
            page.errors.add("code", page.ctx.t("project-code-taken"));
            page.fields = fields;
            page.version = Some(base_version);
            render(&page)
        }
        Err(ProjectError::NotEditable(current)) => {
            FlashMessage::error("flash-project-not-editable").send();
            Ok(see_other(&format!("/projects/{}", current.id)))
        }
        Err(ProjectError::NotFound) => Err(AppError::NotFound),
        Err(ProjectError::Forbidden) => Err(AppError::Forbidden),
        Err(ProjectError::Db(e)) => Err(e.into()),
    }
}
