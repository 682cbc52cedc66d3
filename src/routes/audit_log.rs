//! `/audit`: the append-only audit trail, for administrators and the commission.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::audit::{self, AuditFilter, AuditRow};
use crate::domain::numbers::parse_date;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::web::audit_view;
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Debug, Default, Deserialize, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    pub entity: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub page: String,
}

impl AuditQuery {
    fn filter(&self) -> AuditFilter {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        // The select offers whole actions; anything else (an old link) still works as a prefix.
        let exact = audit_view::ACTIONS.contains(&self.action.trim());
        AuditFilter {
            entity: text(&self.entity),
            action: text(&self.action).filter(|_| exact),
            action_prefix: text(&self.action).filter(|_| !exact),
            actor: text(&self.actor),
            from: parse_date(&self.from),
            to: parse_date(&self.to),
            page: self.page.parse::<i64>().unwrap_or(1).clamp(1, 1_000_000),
        }
    }

    pub fn page_url(&self, page: i64) -> String {
        let mut q = self.clone();
        q.page = page.to_string();
        let pairs: Vec<(&str, &str)> = [
            ("entity", q.entity.as_str()),
            ("action", &q.action),
            ("actor", &q.actor),
            ("from", &q.from),
            ("to", &q.to),
            ("page", &q.page),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
        format!(
            "/audit?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub ctx: PageCtx,
    pub query: AuditQuery,
    pub events: Vec<AuditRow>,
    pub page: i64,
    pub has_next: bool,
}

impl AuditPage {
    pub fn entity(&self, entity: &str) -> String {
        audit_view::entity_label(&self.ctx.i18n, entity)
    }

    pub fn actor(&self, row: &AuditRow) -> String {
        audit_view::actor_label(&self.ctx.i18n, row)
    }

    pub fn entities(&self) -> &'static [&'static str] {
        &audit_view::ENTITIES
    }

    pub fn actions(&self) -> &'static [&'static str] {
        &audit_view::ACTIONS
    }
}

pub async fn list(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    user.require(&[Role::Admin, Role::Commission])?;
    let query = query.into_inner();
    let filter = query.filter();
    let page = filter.page;
    let mut events = db
        .run(move |conn| Ok(audit::search(conn, &filter)?))
        .await?;
    let has_next = events.len() as i64 > audit::PAGE_SIZE;
    events.truncate(audit::PAGE_SIZE as usize);
    render(&AuditPage {
        ctx,
        query,
        events,
        page,
        has_next,
    })
}
