//! Regions and dated parameters shipped with the binary and inserted when missing.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Deserialize;

use super::schema::{parameters, regions};
use super::{DbConnection, new_id, write_transaction};

const REGIONS_CSV: &str = include_str!("reference/regions.csv");
const PARAMETERS_CSV: &str = include_str!("reference/parameters.csv");

#[derive(Debug, Deserialize)]
struct RegionRow {
    kato: String,
    iso_3166_2: String,
    name_en: String,
    name_ru: String,
    name_kk: String,
    kind: String,
    active_from: Option<NaiveDate>,
    active_to: Option<NaiveDate>,
    split_from: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ParameterRow {
    code: String,
    valid_from: NaiveDate,
    value: i64,
    meaning: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("embedded {file} is malformed: {source}")]
    Csv {
        file: &'static str,
        source: csv::Error,
    },
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

fn parse<T: for<'de> Deserialize<'de>>(
    file: &'static str,
    text: &str,
) -> Result<Vec<T>, ReferenceError> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|source| ReferenceError::Csv { file, source })
}

/// Inserts the regions and parameters that are not in the database yet.
pub fn load(conn: &mut DbConnection) -> Result<(), ReferenceError> {
    let region_rows: Vec<RegionRow> = parse("regions.csv", REGIONS_CSV)?;
    let parameter_rows: Vec<ParameterRow> = parse("parameters.csv", PARAMETERS_CSV)?;
    write_transaction(conn, |conn| {
        let known: Vec<String> = regions::table.select(regions::code).load(conn)?;
        // Parents first: split_from references an older region.
        let (parents, children): (Vec<_>, Vec<_>) =
            region_rows.iter().partition(|r| r.split_from.is_none());
        for r in parents.into_iter().chain(children) {
            if known.contains(&r.kato) {
                continue;
            }
            diesel::insert_into(regions::table)
                .values((
                    regions::code.eq(&r.kato),
                    regions::iso_3166_2.eq(&r.iso_3166_2),
                    regions::name_en.eq(&r.name_en),
                    regions::name_ru.eq(&r.name_ru),
                    regions::name_kk.eq(&r.name_kk),
                    regions::kind.eq(&r.kind),
                    regions::active_from.eq(r.active_from),
                    regions::active_to.eq(r.active_to),
                    regions::split_from.eq(&r.split_from),
                ))
                .execute(conn)?;
        }
        let known: Vec<(String, NaiveDate)> = parameters::table
            .select((parameters::code, parameters::valid_from))
            .load(conn)?;
        for p in &parameter_rows {
            if known
                .iter()
                .any(|(c, d)| c == &p.code && *d == p.valid_from)
            {
                continue;
            }
            diesel::insert_into(parameters::table)
                .values((
                    parameters::id.eq(new_id()),
                    parameters::code.eq(&p.code),
                    parameters::valid_from.eq(p.valid_from),
                    parameters::value.eq(p.value),
                    parameters::note.eq(&p.meaning),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// A region as stored, for the API's reference list.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = regions)]
pub struct RegionRecord {
    pub code: String,
    pub iso_3166_2: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub kind: String,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
    pub split_from: Option<String>,
}

/// Every region, in KATO order, including those no longer or not yet in force.
pub fn all_regions(conn: &mut DbConnection) -> QueryResult<Vec<RegionRecord>> {
    regions::table
        .order(regions::code.asc())
        .select(RegionRecord::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = parameters)]
pub struct ParameterRecord {
    pub code: String,
    pub valid_from: NaiveDate,
    pub value: i64,
    pub note: String,
}

/// Every dated value of every parameter, by code and date.
pub fn all_parameters(conn: &mut DbConnection) -> QueryResult<Vec<ParameterRecord>> {
    parameters::table
        .order((parameters::code.asc(), parameters::valid_from.asc()))
        .select(ParameterRecord::as_select())
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_reference_files_parse() {
        let regions: Vec<RegionRow> = parse("regions.csv", REGIONS_CSV).unwrap();
        assert_eq!(regions.len(), 20);
        assert_eq!(
            regions.iter().filter(|r| r.active_from.is_none()).count(),
            17
        );
        let params: Vec<ParameterRow> = parse("parameters.csv", PARAMETERS_CSV).unwrap();
        assert!(params.iter().any(|p| p.code == "MZP" && p.value == 85_000));
    }
}
