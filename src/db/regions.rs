//! Regions (KATO first-level units) and the per-region summary on the overview page.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::DbConnection;
use crate::domain::language::Language;

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
