//! A register file read row by row from disk (issue 15): a million lines are never held in
//! memory. Comma or semicolon, with or without a byte-order mark, columns in any order named by
//! the header; each row is checked by `domain::registers::parse` and handed on with its line.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::domain::csv_rows::LineProblem;
use crate::domain::message::Message;
use crate::domain::registers::{Row, columns, optional, parse};
use crate::domain::verification::Kind;

/// The rows of an opened file, as `usecase::registers::load` takes them.
pub struct RegisterRows {
    kind: Kind,
    reader: csv::Reader<BufReader<File>>,
    index: HashMap<&'static str, usize>,
    width: usize,
    record: csv::StringRecord,
}

/// Opens the file and reads its header; a file that cannot be read says why.
pub fn open(path: &Path, kind: Kind) -> Result<RegisterRows, LineProblem> {
    let unreadable = || LineProblem::file(Message::new("import-no-file"));
    let mut file = File::open(path).map_err(|_| unreadable())?;
    let delimiter = {
        let mut first = String::new();
        let mut head = BufReader::new(&mut file).take(64 * 1024);
        head.read_line(&mut first)
            .map_err(|_| LineProblem::file(Message::new("import-not-utf8")))?;
        if first.matches(';').count() > first.matches(',').count() {
            b';'
        } else {
            b','
        }
    };
    file.seek(SeekFrom::Start(0)).map_err(|_| unreadable())?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(BufReader::with_capacity(256 * 1024, file));
    let headers = reader
        .headers()
        .map_err(|_| LineProblem::file(Message::new("import-no-header")))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_owned())
        .collect();
    let mut index = HashMap::new();
    let mut missing = Vec::new();
    for (code, _) in columns(kind) {
        match names.iter().position(|n| n == code) {
            Some(i) => {
                index.insert(*code, i);
            }
            None if optional(code) => {}
            None => missing.push(*code),
        }
    }
    if !missing.is_empty() {
        return Err(LineProblem::file(
            Message::new("import-missing-columns").text("columns", missing.join(", ")),
        ));
    }
    Ok(RegisterRows {
        kind,
        reader,
        index,
        width: names.len(),
        record: csv::StringRecord::new(),
    })
}

impl Iterator for RegisterRows {
    type Item = Result<(u64, Row), Vec<LineProblem>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let read = self.reader.read_record(&mut self.record);
            let line = self.record.position().map_or(0, |p| p.line());
            match read {
                Ok(false) => return None,
                Err(e) => {
                    let line = e.position().map_or(line, |p| p.line());
                    let key = match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => "import-not-utf8",
                        _ => "import-bad-line",
                    };
                    return Some(Err(vec![LineProblem {
                        line,
                        column: None,
                        message: Message::new(key),
                    }]));
                }
                Ok(true) => {}
            }
            if self.record.iter().all(str::is_empty) {
                continue;
            }
            if self.record.len() != self.width {
                return Some(Err(vec![LineProblem {
                    line,
                    column: None,
                    message: Message::new("import-wrong-field-count")
                        .int("found", self.record.len() as i64)
                        .int("expected", self.width as i64),
                }]));
            }
            let record = &self.record;
            let index = &self.index;
            let row = parse(self.kind, |c| {
                index
                    .get(c)
                    .and_then(|i| record.get(*i))
                    .unwrap_or("")
                    .to_owned()
            });
            return Some(row.map(|r| (line, r)).map_err(|found| {
                found
                    .into_iter()
                    .map(|p| LineProblem::at(line, p))
                    .collect()
            }));
        }
    }
}
