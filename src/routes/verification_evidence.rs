//! The discrepancy lists' evidence in words (issue 15): for each entry, the register records
//! that explain it, and for a contractor what to do next, shared by `/verification` and its
//! export. IINs from the registers are shown as the pages show workers' (`policy::person`): in
//! full only to the contractor employing the worker (for that worker's own records) and the
//! officers of the region; masked for everyone else.

use crate::db::discrepancies::{HireItem, LineItem, ListKind};
use crate::db::evidence::Found;
use crate::db::regions::RegionNames;
use crate::domain::role::Scope;
use crate::domain::verification::Reason;
use crate::i18n::Arg;
use crate::policy::{self, Place};
use crate::web::page::PageCtx;

fn text(s: impl Into<String>) -> Arg {
    Arg::Text(s.into())
}

fn iin_shown(full: bool, iin: &str) -> String {
    policy::person(iin, "", full).iin
}

/// Whether the viewer sees in full a register IIN found for a hire: a contractor only their
/// own worker's, an officer of the region any.
fn register_iin_full(scope: &Scope, h: &HireItem, iin: &str) -> bool {
    let place = Place {
        contractor_bin: &h.contractor_bin,
        region: &h.region_code,
    };
    policy::sees_personal_data(scope, place)
        && (!matches!(scope, Scope::Contractor(_)) || iin == h.iin)
}

/// The evidence of one hire on list `kind`, a line each.
pub fn of_hire(
    ctx: &PageCtx,
    scope: &Scope,
    kind: ListKind,
    h: &HireItem,
    found: &Found,
    names: &RegionNames,
) -> Vec<String> {
    let region = |code: &str| text(names.name(code, ctx.lang()));
    let number = h.referral_number.clone().unwrap_or_default();
    let mut out = Vec::new();
    match kind {
        ListKind::Referrals | ListKind::UsedTwice => {
            let records = found.referrals_of(h);
            if records.is_empty() {
                out.push(ctx.t_with("evidence-referral-none", &[("number", text(&number))]));
            }
            for r in records {
                let iin = iin_shown(register_iin_full(scope, h, &r.iin), &r.iin);
                out.push(ctx.t_with(
                    "evidence-referral",
                    &[
                        ("number", text(&number)),
                        ("iin", text(iin)),
                        ("region", region(&r.region_code)),
                        ("district", text(&r.district)),
                        ("issued", text(r.issued_on.to_string())),
                        ("until", text(r.valid_until.to_string())),
                    ],
                ));
            }
            if kind == ListKind::UsedTwice {
                for u in found.other_uses(h) {
                    let full = policy::sees_personal_data(
                        scope,
                        Place {
                            contractor_bin: &u.contractor_bin,
                            region: &u.region_code,
                        },
                    );
                    out.push(ctx.t_with(
                        "evidence-other-use",
                        &[
                            ("iin", text(iin_shown(full, &u.iin))),
                            ("date", text(u.hire_date.to_string())),
                            ("contract", text(&u.contract_number)),
                            ("region", region(&u.region_code)),
                        ],
                    ));
                }
            }
        }
        ListKind::Contracts => {
            let rows = found.nearest_contracts(h);
            if rows.is_empty() {
                out.push(ctx.t_with(
                    "evidence-contract-none",
                    &[("bin", text(&h.contractor_bin))],
                ));
            }
            for r in rows {
                let key = if r.end_date.is_some() {
                    "evidence-contract-ended"
                } else {
                    "evidence-contract"
                };
                out.push(ctx.t_with(
                    key,
                    &[
                        ("number", text(&r.contract_number)),
                        ("start", text(r.start_date.to_string())),
                        (
                            "end",
                            text(r.end_date.map(|d| d.to_string()).unwrap_or_default()),
                        ),
                        ("position", text(&r.position)),
                    ],
                ));
            }
        }
        ListKind::Contributions => {
            let months = found.paid_months(h);
            if months.is_empty() {
                out.push(ctx.t_with("evidence-months-none", &[("bin", text(&h.contractor_bin))]));
            } else {
                let list: Vec<String> = months
                    .iter()
                    .map(|m| m.format("%Y-%m").to_string())
                    .collect();
                out.push(ctx.t_with(
                    "evidence-months",
                    &[
                        ("bin", text(&h.contractor_bin)),
                        ("months", text(list.join(", "))),
                    ],
                ));
            }
        }
        ListKind::Certificates => {}
    }
    out
}

/// The evidence of one procurement line on the certificate list.
pub fn of_line(ctx: &PageCtx, l: &LineItem, found: &Found) -> Vec<String> {
    let number = l.ct_kz_certificate.clone().unwrap_or_default();
    let records = found.certificates_of(l);
    if records.is_empty() {
        return vec![ctx.t_with("evidence-certificate-none", &[("number", text(&number))])];
    }
    records
        .iter()
        .map(|c| {
            ctx.t_with(
                "evidence-certificate",
                &[
                    ("number", text(&number)),
                    ("producer", text(&c.producer_bin)),
                    ("product", text(&c.product)),
                    ("issued", text(c.issued_on.to_string())),
                    ("expires", text(c.expires_on.to_string())),
                ],
            )
        })
        .collect()
}

/// What the contractor should do about one hire, in plain words, by why it is listed.
pub fn hire_next_step(kind: ListKind, h: &HireItem) -> &'static str {
    match kind {
        ListKind::Referrals => match Reason::from_code(&h.referral_reason) {
            Reason::OtherPerson => "todo-referral-other-person",
            Reason::OtherRegion => "todo-referral-other-region",
            Reason::OutOfDates => "todo-referral-dates",
            _ => "todo-referral-missing",
        },
        ListKind::UsedTwice => "todo-used-twice",
        ListKind::Contracts if h.employment == "mismatched" => "todo-contract-start",
        ListKind::Contracts => "todo-contract-missing",
        ListKind::Contributions => "todo-contributions",
        ListKind::Certificates => "todo-certificate-missing",
    }
}

/// What the contractor should do about one procurement line.
pub fn line_next_step(l: &LineItem) -> &'static str {
    match Reason::from_code(&l.reason) {
        Reason::OtherProducer => "todo-certificate-producer",
        Reason::NotValidOnDate => "todo-certificate-expired",
        _ => "todo-certificate-missing",
    }
}
