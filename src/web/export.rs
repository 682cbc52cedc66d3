//! Tables as CSV and XLSX downloads, with the numbers the pages show and headers in the user's
//! language. Text cells that a spreadsheet would take for a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) are neutralised with a leading apostrophe.

use actix_web::HttpResponse;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_TYPE};
use rust_xlsxwriter::Workbook;

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A share in basis points: CSV writes it as a percentage with one decimal, XLSX as a
    /// fraction formatted as a percentage.
    Percent(i64),
}

pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A text cell as it is safe to hand to a spreadsheet.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn percent_text(bp: i64) -> String {
    format!("{}.{}", bp / 100, (bp.abs() % 100) / 10)
}

pub fn csv_bytes(table: &Table) -> Result<Vec<u8>, AppError> {
    // A BOM so that Excel opens UTF-8 (Cyrillic, Kazakh) correctly.
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(table.headers.iter().map(|h| neutralise(h)))
            .map_err(anyhow::Error::from)?;
        for row in &table.rows {
            w.write_record(row.iter().map(|c| match c {
                Cell::Text(t) => neutralise(t),
                Cell::Int(n) => n.to_string(),
                Cell::Percent(bp) => percent_text(*bp),
            }))
            .map_err(anyhow::Error::from)?;
        }
        w.flush().map_err(anyhow::Error::from)?;
    }
    Ok(out)
}

/// Rows only (no BOM, no header), for a file sent in pieces.
pub fn csv_rows(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for row in rows {
            let _ = w.write_record(row.iter().map(|c| match c {
                Cell::Text(t) => neutralise(t),
                Cell::Int(n) => n.to_string(),
                Cell::Percent(bp) => percent_text(*bp),
            }));
        }
        let _ = w.flush();
    }
    out
}

pub fn xlsx_bytes(table: &Table) -> Result<Vec<u8>, AppError> {
    let xlsx = |e: rust_xlsxwriter::XlsxError| AppError::Internal(anyhow::anyhow!("xlsx: {e}"));
    let mut book = Workbook::new();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = book.add_worksheet();
    let name: String = table
        .name
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .take(31)
        .collect();
    sheet
        .set_name(if name.is_empty() {
            "jobmap".to_owned()
        } else {
            name
        })
        .map_err(xlsx)?;
    for (c, h) in table.headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, neutralise(h), &bold)
            .map_err(xlsx)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, neutralise(t)).map(|_| ()),
                Cell::Int(n) => sheet.write_number(r, c, *n as f64).map(|_| ()),
                Cell::Percent(bp) => sheet
                    .write_number_with_format(r, c, *bp as f64 / 10_000.0, &percent)
                    .map(|_| ()),
            }
            .map_err(xlsx)?;
        }
    }
    book.save_to_buffer().map_err(xlsx)
}

pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file download response.
pub fn download(bytes: Vec<u8>, file_name: &str, content_type: &str) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    if content_type == XLSX_TYPE {
        // Already a zip: compressing it again costs time and saves nothing.
        response.insert_header((CONTENT_ENCODING, "identity"));
    }
    response
        .insert_header((CONTENT_TYPE, content_type.to_owned()))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .body(bytes)
}

/// A file download sent as it is produced.
pub fn download_stream<S>(body: S, file_name: &str, content_type: &str) -> HttpResponse
where
    S: futures_util::Stream<Item = Result<actix_web::web::Bytes, AppError>> + 'static,
{
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type.to_owned()))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .streaming(body)
}

/// The table in `format` ("csv" or "xlsx") as a download.
pub fn respond(table: &Table, format: &str) -> Result<HttpResponse, AppError> {
    match format {
        "csv" => Ok(download(
            csv_bytes(table)?,
            &format!("{}.csv", table.name),
            "text/csv; charset=utf-8",
        )),
        "xlsx" => Ok(download(
            xlsx_bytes(table)?,
            &format!("{}.xlsx", table.name),
            XLSX_TYPE,
        )),
        _ => Err(AppError::NotFound),
    }
}

/// Records as CSV headed by the column codes their import reads, in `columns` order, so the
/// file goes back in through that import unchanged. `records` serialise to objects with
/// those keys (the imports' field structs do).
pub fn reimportable_csv<T: serde::Serialize>(
    name: &str,
    columns: &[&str],
    records: &[T],
) -> Result<HttpResponse, AppError> {
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let value = serde_json::to_value(record).map_err(anyhow::Error::from)?;
        rows.push(
            columns
                .iter()
                .map(|c| Cell::Text(value[*c].as_str().unwrap_or_default().to_owned()))
                .collect(),
        );
    }
    let table = Table {
        name: name.to_owned(),
        headers: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows,
    };
    respond(&table, "csv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        let t = Table {
            name: "t".into(),
            headers: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec![
                Cell::Text("=HYPERLINK(\"x\")".into()),
                Cell::Int(-5),
                Cell::Percent(8750),
            ]],
        };
        let text = String::from_utf8(csv_bytes(&t).unwrap()).unwrap();
        assert!(
            text.contains("\"'=HYPERLINK(\"\"x\"\")\",-5,87.5"),
            "{text}"
        );
        for risky in ["+1", "-1+2", "@SUM(A1)", "\tx"] {
            assert!(neutralise(risky).starts_with('\''));
        }
        assert_eq!(neutralise("Школа"), "Школа");
        assert!(xlsx_bytes(&t).unwrap().starts_with(b"PK"));
    }
}
