//! `/verification`: the discrepancy lists (issue 15). The commission sees every region, an
//! akimat officer their own, a contractor their own contracts with what to do about each item.
//! Workers' IINs and names are shown as on every other page (`policy::person`); each view is
//! audited, since the lists come from personal-data registers. `/verification.csv`
//! (`verification_export`) downloads the list as filtered.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::audit::{self, Event};
use crate::db::discrepancies::{self as lists, HireItem, LineItem, ListKind};
use crate::db::evidence::{self as evidence_rows, Found};
use crate::db::regions::{self, RegionName, RegionNames};
use crate::domain::role::{Role, Scope};
use crate::domain::verification::{Check, Reason};
use crate::error::AppError;
use crate::policy::{self, Person, Place};
use crate::web::page::PageCtx;
use crate::web::render;

use super::verification_evidence as evidence;

pub const PER_PAGE: i64 = 50;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub page: Option<i64>,
}

impl ListQuery {
    pub fn list(&self) -> ListKind {
        ListKind::from_code(&self.kind).unwrap_or(ListKind::Referrals)
    }

    pub fn with_page(&self, page: i64) -> String {
        let page = page.to_string();
        let pairs = [
            ("kind", self.list().code()),
            ("region", self.region.as_str()),
            ("page", page.as_str()),
        ];
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// A hire as the viewer may see it, with the register records that explain its finding and,
/// for its contractor, what to do next.
pub struct ShownHire {
    pub item: HireItem,
    pub person: Person,
    pub evidence: Vec<String>,
    pub next_step: Option<String>,
}

/// A procurement line with its evidence and, for its contractor, what to do next.
pub struct ShownLine {
    pub item: LineItem,
    pub evidence: Vec<String>,
    pub next_step: Option<String>,
}

#[derive(Template)]
#[template(path = "verification.html")]
pub struct VerificationPage {
    pub ctx: PageCtx,
    pub q: ListQuery,
    pub kind: ListKind,
    pub kinds: [ListKind; 5],
    pub regions: Vec<RegionName>,
    pub national: bool,
    pub contractor: bool,
    pub hires: Vec<ShownHire>,
    pub lines: Vec<ShownLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

impl VerificationPage {
    pub fn check_label(&self, code: &str) -> String {
        Check::from_code(code).map_or_else(String::new, |c| self.ctx.t(c.label_key()))
    }

    pub fn reason_label(&self, code: &str) -> String {
        match Reason::from_code(code) {
            Reason::None => String::new(),
            r => self.ctx.t(r.label_key()),
        }
    }
}

/// Who may see the lists, and the region a national viewer narrowed them to.
pub(super) fn scope_of(user: &CurrentUser, q: &mut ListQuery) -> Result<Scope, AppError> {
    match (&user.scope, user.role) {
        (Scope::National, Role::Admin | Role::Commission) => Ok(Scope::National),
        (Scope::Region(r), Role::Akimat) => {
            q.region = r.clone();
            Ok(user.scope.clone())
        }
        (Scope::Contractor(_), Role::Contractor) => {
            q.region.clear();
            Ok(user.scope.clone())
        }
        _ => Err(AppError::NotFound),
    }
}

pub(super) fn shown(
    ctx: &PageCtx,
    scope: &Scope,
    kind: ListKind,
    items: Vec<HireItem>,
    found: &Found,
    names: &RegionNames,
) -> Vec<ShownHire> {
    let contractor = matches!(scope, Scope::Contractor(_));
    items
        .into_iter()
        .map(|item| {
            let full = policy::sees_personal_data(
                scope,
                Place {
                    contractor_bin: &item.contractor_bin,
                    region: &item.region_code,
                },
            );
            ShownHire {
                person: policy::person(&item.iin, &item.worker_name, full),
                evidence: evidence::of_hire(ctx, scope, kind, &item, found, names),
                next_step: contractor.then(|| ctx.t(evidence::hire_next_step(kind, &item))),
                item,
            }
        })
        .collect()
}

pub(super) fn shown_lines(
    ctx: &PageCtx,
    scope: &Scope,
    items: Vec<LineItem>,
    found: &Found,
) -> Vec<ShownLine> {
    let contractor = matches!(scope, Scope::Contractor(_));
    items
        .into_iter()
        .map(|item| ShownLine {
            evidence: evidence::of_line(ctx, &item, found),
            next_step: contractor.then(|| ctx.t(evidence::line_next_step(&item))),
            item,
        })
        .collect()
}

pub(super) struct Loaded {
    pub hires: Vec<HireItem>,
    pub lines: Vec<LineItem>,
    /// The register records behind this page's entries.
    pub found: Found,
    pub total: i64,
    pub regions: Vec<RegionName>,
    /// Every region's name, abolished ones included: register records name regions by code.
    pub names: RegionNames,
}

/// One page of a list with what explains it, kept in the page cache until a write changes
/// checks or registers (a million-row register makes the lists long; a page of them is read
/// once per change, not once per view). Every view is audited all the same.
pub(super) async fn load_page(
    db: &Db,
    user: &CurrentUser,
    scope: &Scope,
    q: &ListQuery,
    page: i64,
    today: chrono::NaiveDate,
) -> Result<std::sync::Arc<Loaded>, AppError> {
    let (kind, region, offset) = (q.list(), q.region.clone(), (page - 1) * PER_PAGE);
    let key = format!(
        "verification {} {scope:?} {region} {offset} {today}",
        kind.code()
    );
    let scope_for = scope.clone();
    let loaded = db
        .cached(key, move |conn| {
            fetch(conn, kind, &scope_for, &region, offset, PER_PAGE, today)
        })
        .await?;
    audit_view(db, user, q, offset).await?;
    Ok(loaded)
}

/// Up to `limit` entries of a list from the first, for an export: read once, and too large
/// to take the page cache's room.
pub(super) async fn load_all(
    db: &Db,
    user: &CurrentUser,
    scope: &Scope,
    q: &ListQuery,
    limit: i64,
    today: chrono::NaiveDate,
) -> Result<Loaded, AppError> {
    let (kind, region, scope_for) = (q.list(), q.region.clone(), scope.clone());
    let loaded = db
        .run(move |conn| fetch(conn, kind, &scope_for, &region, 0, limit, today))
        .await?;
    audit_view(db, user, q, 0).await?;
    Ok(loaded)
}

/// The view's audit record, through the writer: views arriving together share one commit.
async fn audit_view(
    db: &Db,
    user: &CurrentUser,
    q: &ListQuery,
    offset: i64,
) -> Result<(), AppError> {
    let (kind, actor) = (q.list(), user.actor());
    let entity_id = if q.region.is_empty() {
        "all".to_owned()
    } else {
        q.region.clone()
    };
    db.write(move |conn| {
        audit::record(
            conn,
            Event {
                actor: &actor,
                action: "verification.view",
                entity: "region",
                entity_id: &entity_id,
                before: None,
                after: Some(serde_json::json!({ "list": kind.code(), "offset": offset })),
                ip: None,
            },
        )?;
        Ok(())
    })
    .await
}

fn fetch(
    conn: &mut crate::db::DbConnection,
    kind: ListKind,
    scope: &Scope,
    region: &str,
    offset: i64,
    limit: i64,
    today: chrono::NaiveDate,
) -> Result<Loaded, AppError> {
    let total = lists::count(conn, kind, scope, region)?;
    let (hires, lines) = if kind.is_hire_list() {
        (
            lists::hires(conn, kind, scope, region, offset, limit)?,
            Vec::new(),
        )
    } else {
        (
            Vec::new(),
            lists::lines(conn, scope, region, offset, limit)?,
        )
    };
    let found = if kind.is_hire_list() {
        evidence_rows::for_hires(conn, kind, &hires)?
    } else {
        evidence_rows::for_lines(conn, &lines)?
    };
    Ok(Loaded {
        hires,
        lines,
        found,
        total,
        regions: regions::active_names(conn, today)?,
        names: RegionNames::load(conn)?,
    })
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let mut q = query.into_inner();
    let scope = scope_of(&user, &mut q)?;
    let page = q.page.unwrap_or(1).max(1);
    let today = ctx.today();
    let found = load_page(&db, &user, &scope, &q, page, today).await?;
    let pages = ((found.total + PER_PAGE - 1) / PER_PAGE).max(1);
    render(&VerificationPage {
        kind: q.list(),
        kinds: ListKind::ALL,
        regions: found.regions.clone(),
        national: scope == Scope::National,
        contractor: matches!(scope, Scope::Contractor(_)),
        hires: shown(
            &ctx,
            &scope,
            q.list(),
            found.hires.clone(),
            &found.found,
            &found.names,
        ),
        lines: shown_lines(&ctx, &scope, found.lines.clone(), &found.found),
        total: found.total,
        page,
        pages,
        q,
        ctx,
    })
}
