//! `/verification.csv`: a discrepancy list as filtered on `/verification`, for the same
//! viewers, with workers' IINs and names shown as the page shows them, and each entry's
//! evidence (and, for a contractor, next step) as on the page.

use actix_web::{HttpResponse, web};

use super::verification::{ListQuery, load_all, scope_of, shown, shown_lines};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::discrepancies::ListKind;
use crate::domain::verification::{Check, Reason};
use crate::error::AppError;
use crate::web::export::{Cell, Table, respond};
use crate::web::page::PageCtx;

/// The export's limit: the lists are worked through region by region.
pub const EXPORT_MAX: i64 = 100_000;

pub async fn export(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let mut q = query.into_inner();
    let scope = scope_of(&user, &mut q)?;
    let found = load_all(&db, &user, &scope, &q, EXPORT_MAX, ctx.today()).await?;
    let kind = q.list();
    let t = |k: &str| ctx.t(k);
    let check = |c: &str| Check::from_code(c).map_or_else(String::new, |c| t(c.label_key()));
    let reason = |r: &str| match Reason::from_code(r) {
        Reason::None => String::new(),
        r => t(r.label_key()),
    };
    let table = if kind.is_hire_list() {
        Table {
            name: format!("jobmap-discrepancies-{}", kind.code()),
            headers: [
                "project-code",
                "contract",
                "verification-region",
                "hire-iin",
                "hire-full-name",
                "hire-date",
                "hire-referral-number",
                "verification-state",
                "verification-reason",
                "verification-missing-months",
                "verification-evidence",
                "verification-next-step",
            ]
            .iter()
            .map(|k| t(k))
            .collect(),
            rows: shown(&ctx, &scope, kind, found.hires, &found.found, &found.names)
                .into_iter()
                .map(|h| {
                    let state = match kind {
                        ListKind::Contracts => check(&h.item.employment),
                        ListKind::Contributions => t("check-missing"),
                        _ => check(&h.item.referral),
                    };
                    vec![
                        Cell::Text(h.item.project_code),
                        Cell::Text(h.item.contract_number),
                        Cell::Text(h.item.region_code),
                        Cell::Text(h.person.iin),
                        Cell::Text(h.person.name),
                        Cell::Text(h.item.hire_date.to_string()),
                        Cell::Text(h.item.referral_number.unwrap_or_default()),
                        Cell::Text(state),
                        Cell::Text(reason(&h.item.referral_reason)),
                        Cell::Text(h.item.missing_months),
                        Cell::Text(h.evidence.join("; ")),
                        Cell::Text(h.next_step.unwrap_or_default()),
                    ]
                })
                .collect(),
        }
    } else {
        Table {
            name: "jobmap-discrepancies-certificates".into(),
            headers: [
                "project-code",
                "contract",
                "verification-region",
                "ledger-description",
                "ledger-amount",
                "ledger-producer-bin",
                "ledger-certificate",
                "verification-state",
                "verification-reason",
                "verification-evidence",
                "verification-next-step",
            ]
            .iter()
            .map(|k| t(k))
            .collect(),
            rows: shown_lines(&ctx, &scope, found.lines, &found.found)
                .into_iter()
                .map(|shown| {
                    let l = shown.item;
                    vec![
                        Cell::Text(l.project_code),
                        Cell::Text(l.contract_number),
                        Cell::Text(l.region_code),
                        Cell::Text(l.description),
                        Cell::Int(l.amount_tenge),
                        Cell::Text(l.producer_bin.unwrap_or_default()),
                        Cell::Text(l.ct_kz_certificate.unwrap_or_default()),
                        Cell::Text(check(&l.certificate)),
                        Cell::Text(reason(&l.reason)),
                        Cell::Text(shown.evidence.join("; ")),
                        Cell::Text(shown.next_step.unwrap_or_default()),
                    ]
                })
                .collect(),
        }
    };
    respond(&table, "csv")
}
