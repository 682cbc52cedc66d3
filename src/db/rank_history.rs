//! Regions' ranks per month, kept in `region_rank_history` once a month is over, so that
//! "rank in June against July" is read, not recomputed.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use diesel::sql_types::{Date, Integer, Text, Timestamp};

use super::schema::region_rank_history as h;
use super::{DbConnection, figures, now, write_transaction};

#[derive(Debug, Clone, Queryable)]
pub struct MonthRank {
    pub month: NaiveDate,
    pub region_code: String,
    pub rank: i32,
    pub plan_share_bp: i32,
}

fn last_day(month: NaiveDate) -> NaiveDate {
    let next = if month.month() == 12 {
        NaiveDate::from_ymd_opt(month.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(month.year(), month.month() + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(month)
}

/// Every region's rank at the end of `month` (its first day), from the table when kept there.
pub fn for_month(
    conn: &mut DbConnection,
    month: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<MonthRank>> {
    let kept: Vec<MonthRank> = h::table
        .filter(h::month.eq(month))
        .select((h::month, h::region_code, h::rank, h::plan_share_bp))
        .load(conn)?;
    if !kept.is_empty() {
        return Ok(kept);
    }
    let end = last_day(month).min(today);
    let (regions, _) = figures::as_of(conn, end, today)?;
    let ranks: Vec<MonthRank> = regions
        .iter()
        .map(|f| MonthRank {
            month,
            region_code: f.code.clone(),
            rank: f.rank as i32,
            plan_share_bp: f.plan_bp() as i32,
        })
        .collect();
    // Only a finished month is kept: the current one still changes with every hire.
    if last_day(month) < today {
        let at = now();
        // Two first views of a month at once (two instances, or PostgreSQL's concurrent
        // transactions) compute the same ranks: the second insert is a no-op, not an error.
        write_transaction(conn, |conn| {
            for f in &regions {
                diesel::sql_query(
                    "INSERT INTO region_rank_history (month, region_code, rank, planned_jobs, \
                       jobs_created, plan_share_bp, computed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                     ON CONFLICT (month, region_code) DO NOTHING",
                )
                .bind::<Date, _>(month)
                .bind::<Text, _>(&f.code)
                .bind::<Integer, _>(f.rank as i32)
                .bind::<Integer, _>(f.planned_jobs as i32)
                .bind::<Integer, _>(f.jobs_created as i32)
                .bind::<Integer, _>(f.plan_bp() as i32)
                .bind::<Timestamp, _>(at)
                .execute(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
    }
    Ok(ranks)
}

/// The region's rank at the end of each month from `from` to `to` (first days of months).
pub fn region_over_time(
    conn: &mut DbConnection,
    region: &str,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<MonthRank>> {
    let mut months = Vec::new();
    let mut month = from;
    while month <= to && months.len() < 36 {
        months.push(month);
        month = last_day(month).succ_opt().unwrap_or(to);
        if months.last() == Some(&month) {
            break;
        }
    }
    // The months already kept, in one query; only the others are computed (and kept).
    let kept: Vec<MonthRank> = h::table
        .filter(h::region_code.eq(region))
        .filter(h::month.between(from, to))
        .select((h::month, h::region_code, h::rank, h::plan_share_bp))
        .load(conn)?;
    let mut out = Vec::new();
    for m in months {
        if let Some(r) = kept.iter().find(|r| r.month == m) {
            out.push(r.clone());
            continue;
        }
        if let Some(r) = for_month(conn, m, today)?
            .into_iter()
            .find(|r| r.region_code == region)
        {
            out.push(r);
        }
    }
    Ok(out)
}
