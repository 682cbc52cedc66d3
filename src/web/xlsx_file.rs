//! A large table as an XLSX file in constant memory: rust_xlsxwriter's constant-memory mode
//! writes each finished row to a temporary file, the finished workbook goes to another one,
//! and the response reads it back a chunk at a time.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

use actix_web::web::Bytes;
use futures_util::Stream;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::export::{Cell, neutralise};
use crate::error::AppError;

const CHUNK: usize = 256 * 1024;

fn xlsx(e: XlsxError) -> AppError {
    AppError::Internal(anyhow::anyhow!("xlsx: {e}"))
}

pub struct XlsxFile {
    book: Workbook,
    next_row: u32,
    percent: Format,
}

impl XlsxFile {
    pub fn new(sheet: &str, headers: &[String]) -> Result<Self, AppError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let ws = book.add_worksheet_with_constant_memory().map_err(xlsx)?;
        ws.set_name(sheet).map_err(xlsx)?;
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, neutralise(h), &bold)
                .map_err(xlsx)?;
        }
        Ok(Self {
            book,
            next_row: 1,
            percent: Format::new().set_num_format("0.0%"),
        })
    }

    pub fn append(&mut self, rows: &[Vec<Cell>]) -> Result<(), AppError> {
        let ws = self.book.worksheet_from_index(0).map_err(xlsx)?;
        for row in rows {
            let r = self.next_row;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(t) => ws.write_string(r, c, neutralise(t)).map(|_| ()),
                    Cell::Int(n) => ws.write_number(r, c, *n as f64).map(|_| ()),
                    Cell::Percent(bp) => ws
                        .write_number_with_format(r, c, *bp as f64 / 10_000.0, &self.percent)
                        .map(|_| ()),
                }
                .map_err(xlsx)?;
            }
            self.next_row += 1;
        }
        Ok(())
    }

    /// The finished workbook in an unnamed temporary file, positioned at its start.
    pub fn finish(mut self) -> Result<File, AppError> {
        let mut file = tempfile::tempfile().map_err(|e| AppError::Internal(e.into()))?;
        self.book.save_to_writer(&mut file).map_err(xlsx)?;
        file.seek(SeekFrom::Start(0))
            .map_err(|e| AppError::Internal(e.into()))?;
        Ok(file)
    }
}

/// The file's bytes, read off the async executor a chunk at a time.
pub fn stream(file: File) -> impl Stream<Item = Result<Bytes, actix_web::Error>> {
    futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let read = actix_web::web::block(move || {
            let mut buf = vec![0; CHUNK];
            let n = file.read(&mut buf)?;
            buf.truncate(n);
            Ok::<_, std::io::Error>((buf, file))
        })
        .await;
        match read {
            Ok(Ok((buf, _))) if buf.is_empty() => None,
            Ok(Ok((buf, file))) => Some((Ok(Bytes::from(buf)), Some(file))),
            Ok(Err(e)) => Some((Err(actix_web::error::ErrorInternalServerError(e)), None)),
            Err(e) => Some((Err(actix_web::error::ErrorInternalServerError(e)), None)),
        }
    })
}
