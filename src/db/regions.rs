//! Regions (KATO first-level units) and the per-region summary on the overview page.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Nullable, Text};

use super::DbConnection;
use crate::domain::language::Language;

#[derive(Debug, Clone, QueryableByName)]
pub struct RegionSummary {
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub name_en: String,
    #[diesel(sql_type = Text)]
    pub name_ru: String,
    #[diesel(sql_type = Text)]
    pub name_kk: String,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Nullable<Date>)]
    pub active_from: Option<NaiveDate>,
    #[diesel(sql_type = BigInt)]
    pub projects: i64,
    #[diesel(sql_type = BigInt)]
    pub jobs_created: i64,
}

impl RegionSummary {
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Kk => &self.name_kk,
            Language::Ru => &self.name_ru,
            Language::En => &self.name_en,
        }
    }
}

/// The regions in force on `on`, with their project and job counts, in KATO order.
pub fn summaries(conn: &mut DbConnection, on: NaiveDate) -> QueryResult<Vec<RegionSummary>> {
    diesel::sql_query(
        "SELECT r.code, r.name_en, r.name_ru, r.name_kk, r.kind, r.active_from, \
           CAST(COALESCE(p.projects, 0) AS BIGINT) AS projects, \
           CAST(COALESCE(j.jobs, 0) AS BIGINT) AS jobs_created \
         FROM regions r \
         LEFT JOIN (SELECT region_code, COUNT(*) AS projects FROM projects GROUP BY region_code) p \
           ON p.region_code = r.code \
         LEFT JOIN (SELECT pr.region_code, COUNT(*) AS jobs FROM jobs jb \
                    JOIN contracts c ON c.id = jb.contract_id \
                    JOIN projects pr ON pr.id = c.project_id GROUP BY pr.region_code) j \
           ON j.region_code = r.code \
         WHERE (r.active_from IS NULL OR r.active_from <= $1) \
           AND (r.active_to IS NULL OR r.active_to > $2) \
         ORDER BY r.code",
    )
    .bind::<Date, _>(on)
    .bind::<Date, _>(on)
    .load(conn)
}

#[derive(Debug, Clone, Queryable)]
pub struct RegionName {
    pub code: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
}

impl RegionName {
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Kk => &self.name_kk,
            Language::Ru => &self.name_ru,
            Language::En => &self.name_en,
        }
    }
}

/// Regions in force on `on`, for pickers, in KATO order.
pub fn active_names(conn: &mut DbConnection, on: NaiveDate) -> QueryResult<Vec<RegionName>> {
    use super::schema::regions::dsl as r;
    r::regions
        .filter(r::active_from.is_null().or(r::active_from.le(on)))
        .filter(r::active_to.is_null().or(r::active_to.gt(on)))
        .order(r::code.asc())
        .select((r::code, r::name_en, r::name_ru, r::name_kk))
        .load(conn)
}

/// Every region's names, for labelling lists (a map of 20 entries, read once per page).
#[derive(Debug, Clone, Default)]
pub struct RegionNames(pub Vec<RegionName>);

impl RegionNames {
    pub fn load(conn: &mut DbConnection) -> QueryResult<Self> {
        use super::schema::regions::dsl as r;
        Ok(Self(
            r::regions
                .order(r::code.asc())
                .select((r::code, r::name_en, r::name_ru, r::name_kk))
                .load(conn)?,
        ))
    }

    /// The region's name in `lang`, or its code if unknown.
    pub fn name<'a>(&'a self, code: &'a str, lang: Language) -> &'a str {
        self.0
            .iter()
            .find(|r| r.code == code)
            .map_or(code, |r| r.name(lang))
    }
}
