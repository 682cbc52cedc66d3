//! The shapes the API answers with for projects, contracts and compliance, built from the
//! rows and the one compliance definition (`domain::compliance`) the pages use.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::contracts::{ContractRow, ContractWithProject};
use crate::db::projects::ProjectRow;
use crate::domain::compliance::{Assessment, ContractCompliance};
use crate::domain::verification::Verified;
use crate::i18n::I18n;

/// A compliance state: `met`, `at_risk`, `breached` or `no_data`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConditionView {
    pub state: String,
    /// The share that decides the state, in basis points.
    pub share_bp: i64,
    /// Why, and what is needed, in the language of `Accept-Language`.
    pub reason: String,
}

impl ConditionView {
    fn of(a: &Assessment, i18n: &I18n) -> Self {
        Self {
            state: a.state.code().to_owned(),
            share_bp: a.bp,
            reason: i18n.message(&a.reason),
        }
    }
}

/// A contract's state on the programme's two conditions; the contract takes the worse.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComplianceView {
    pub state: String,
    /// At least 50% of hires through employment centers.
    pub center: ConditionView,
    /// At least 90% domestic goods, works and services.
    pub domestic: ConditionView,
}

impl ComplianceView {
    pub fn of(c: &ContractCompliance, i18n: &I18n) -> Self {
        Self {
            state: c.state().code().to_owned(),
            center: ConditionView::of(&c.center, i18n),
            domestic: ConditionView::of(&c.domestic, i18n),
        }
    }
}

/// A contract's figures on verified data (issue 15): only the employment-center hires whose
/// referral matched, and only domestic value a certificate proves, with the same compliance
/// states as the declared figures (`no_data` while the registers do not yet decide them).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VerifiedView {
    pub compliance: ComplianceView,
    /// Hires whose referral matched / all hires, in basis points.
    pub center_share_bp: i64,
    /// Domestic value proven / all recorded value, in basis points; `null` before the first
    /// procurement line.
    pub domestic_share_bp: Option<i64>,
    /// Employment-center hires not yet checked (no register loaded for their region and month).
    pub unchecked_center_hires: i64,
    /// Domestic value not yet checked.
    pub unchecked_domestic_tenge: i64,
}

impl VerifiedView {
    pub fn of(v: &Verified, i18n: &I18n) -> Self {
        Self {
            compliance: ComplianceView::of(&v.compliance, i18n),
            center_share_bp: v.center_bp,
            domestic_share_bp: v.domestic_bp,
            unchecked_center_hires: v.unchecked_hires,
            unchecked_domestic_tenge: v.unchecked_tenge,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContractView {
    pub id: String,
    pub project_id: String,
    pub project_code: String,
    /// The project's region (KATO code).
    pub region: String,
    pub number: String,
    pub contractor_bin: String,
    pub contractor_name: String,
    pub signed_on: NaiveDate,
    pub amount_tenge: i64,
    pub goods_tenge: i64,
    pub goods_domestic_tenge: i64,
    pub works_tenge: i64,
    pub works_domestic_tenge: i64,
    pub services_tenge: i64,
    pub services_domestic_tenge: i64,
    pub center_hires: i64,
    pub direct_hires: i64,
    /// The procurement ledger's recorded total and its domestic part.
    pub ledger_total_tenge: i64,
    pub ledger_domestic_tenge: i64,
    /// The record's version (changes with every edit).
    pub version: i32,
    pub compliance: ComplianceView,
    /// The same conditions on what the registers prove (issue 15).
    pub verified: Option<VerifiedView>,
}

impl ContractView {
    pub fn of(c: &ContractRow, project_code: &str, region: &str, i18n: &I18n) -> Self {
        Self {
            id: c.id.clone(),
            project_id: c.project_id.clone(),
            project_code: project_code.to_owned(),
            region: region.to_owned(),
            number: c.number.clone(),
            contractor_bin: c.contractor_bin.clone(),
            contractor_name: c.contractor_name.clone(),
            signed_on: c.signed_on,
            amount_tenge: c.amount_tenge,
            goods_tenge: c.goods_tenge,
            goods_domestic_tenge: c.goods_domestic_tenge,
            works_tenge: c.works_tenge,
            works_domestic_tenge: c.works_domestic_tenge,
            services_tenge: c.services_tenge,
            services_domestic_tenge: c.services_domestic_tenge,
            center_hires: i64::from(c.center_hires),
            direct_hires: i64::from(c.direct_hires),
            ledger_total_tenge: c.ledger_total,
            ledger_domestic_tenge: c.ledger_domestic,
            version: c.version,
            compliance: ComplianceView::of(&c.compliance(), i18n),
            verified: None,
        }
    }

    /// With the verified figures of `verified` (`db::verification::verified_for`); without
    /// stored checks, those of a contract nothing was checked for.
    pub fn with_verified(
        mut self,
        c: &ContractRow,
        verified: &HashMap<String, Verified>,
        i18n: &I18n,
    ) -> Self {
        let v = verified.get(&c.id).cloned().unwrap_or_else(|| {
            crate::domain::verification::verified(&c.facts(), &Default::default())
        });
        self.verified = Some(VerifiedView::of(&v, i18n));
        self
    }

    pub fn with_project(
        c: &ContractWithProject,
        verified: &HashMap<String, Verified>,
        i18n: &I18n,
    ) -> Self {
        Self::of(&c.contract, &c.project_code, &c.project_region, i18n).with_verified(
            &c.contract,
            verified,
            i18n,
        )
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProjectView {
    pub id: String,
    pub code: String,
    pub title: String,
    /// KATO code of the region.
    pub region: String,
    pub district: String,
    pub settlement: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `social_cultural`, `housing_communal`, `engineering_transport` or `settlement_improvement`.
    pub direction: String,
    pub work_type: String,
    pub funding_source: String,
    pub budget_tenge: i64,
    pub planned_jobs: i64,
    pub planned_center_hires: i64,
    pub planned_permanent_jobs: i64,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    /// `draft`, `submitted`, `approved`, `rejected`, `tendering`, `contracted`, `in_progress`,
    /// `completed`, `suspended` or `cancelled`.
    pub status: String,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub approved_limit_tenge: Option<i64>,
    pub version: i32,
}

impl From<&ProjectRow> for ProjectView {
    fn from(p: &ProjectRow) -> Self {
        Self {
            id: p.id.clone(),
            code: p.code.clone(),
            title: p.title.clone(),
            region: p.region_code.clone(),
            district: p.district.clone(),
            settlement: p.settlement.clone(),
            latitude: p.latitude_e6.map(|v| f64::from(v) / 1e6),
            longitude: p.longitude_e6.map(|v| f64::from(v) / 1e6),
            direction: p.direction.clone(),
            work_type: p.work_type.clone(),
            funding_source: p.funding_source.clone(),
            budget_tenge: p.budget_tenge,
            planned_jobs: i64::from(p.planned_jobs),
            planned_center_hires: i64::from(p.planned_center_hires),
            planned_permanent_jobs: i64::from(p.planned_permanent_jobs),
            planned_start: p.planned_start,
            planned_end: p.planned_end,
            status: p.status.clone(),
            decision_number: p.decision_number.clone(),
            decision_date: p.decision_date,
            approved_limit_tenge: p.approved_limit_tenge,
            version: p.version,
        }
    }
}
