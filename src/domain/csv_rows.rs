//! Reading an uploaded CSV file into rows, the way spreadsheets write them: UTF-8 with or
//! without a byte-order mark, comma- or semicolon-separated (Excel in Russian and Kazakh
//! locales saves with semicolons), a header row naming the columns in any order.

use serde::de::DeserializeOwned;

use super::message::{FieldProblem, Message};

/// A problem with the file as a whole or with one line of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line in the file; 1 is the header.
    pub line: u64,
    /// The column, when the problem is in one.
    pub column: Option<&'static str>,
    pub message: Message,
}

impl LineProblem {
    /// A field's problem on line `line` of a file.
    pub fn at(line: u64, p: FieldProblem) -> Self {
        Self {
            line,
            column: Some(p.field),
            message: p.message,
        }
    }

    pub fn file(message: Message) -> Self {
        Self {
            line: 1,
            column: None,
            message,
        }
    }
}

/// Rows of `T` with their line numbers, or every problem found.
pub fn read_rows<T: DeserializeOwned>(
    bytes: &[u8],
    columns: &[&'static str],
    max_rows: usize,
) -> Result<Vec<(u64, T)>, Vec<LineProblem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![LineProblem::file(Message::new("import-not-utf8"))]);
    };
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => return Err(vec![LineProblem::file(Message::new("import-no-header"))]),
    };
    let missing: Vec<&str> = columns
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == *c))
        .collect();
    if !missing.is_empty() {
        return Err(vec![LineProblem::file(
            Message::new("import-missing-columns").text("columns", missing.join(", ")),
        )]);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                problems.push(LineProblem {
                    line,
                    column: None,
                    message: Message::new("import-bad-line"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() + problems.len() >= max_rows {
            return Err(vec![LineProblem::file(
                Message::new("import-too-many-rows").int("max", max_rows as i64),
            )]);
        }
        if record.len() != headers.len() {
            problems.push(LineProblem {
                line,
                column: None,
                message: Message::new("import-wrong-field-count")
                    .int("found", record.len() as i64)
                    .int("expected", headers.len() as i64),
            });
            continue;
        }
        match record.deserialize::<T>(Some(&headers)) {
            Ok(row) => rows.push((line, row)),
            Err(_) => problems.push(LineProblem {
                line,
                column: None,
                message: Message::new("import-bad-line"),
            }),
        }
    }
    if rows.is_empty() && problems.is_empty() {
        return Err(vec![LineProblem::file(Message::new("import-empty"))]);
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The line a byte offset is on, as a text editor numbers them. The csv crate's own line count
/// is one too low after a CRLF file's quoted multi-line field (rust-csv #395), and CRLF is what
/// Excel and our own templates write, so lines are counted here from the record's byte offset.
/// Offsets arrive in increasing order, so each byte is looked at once.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut end = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        // After a CRLF the csv crate may put the record's start on the LF: the record begins
        // past any line ending.
        while matches!(self.text.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        if end < self.at {
            // Not expected (records come in order); count afresh rather than go wrong.
            self.at = 0;
            self.line = 1;
        }
        for i in self.at..end {
            match self.text[i] {
                b'\n' => self.line += 1,
                // A lone CR ends a line too (old Mac files); CRLF is counted at its LF.
                b'\r' if self.text.get(i + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
        }
        self.at = end;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Row {
        a: String,
        b: String,
    }

    #[test]
    fn commas_semicolons_and_a_bom() {
        let rows: Vec<(u64, Row)> = read_rows(b"\xEF\xBB\xBFb;a\n2;1\n", &["a", "b"], 10).unwrap();
        assert_eq!(
            rows,
            [(
                2,
                Row {
                    a: "1".into(),
                    b: "2".into()
                }
            )]
        );
        let rows: Vec<(u64, Row)> =
            read_rows("a,b\n\"x, y\",z\n\n".as_bytes(), &["a", "b"], 10).unwrap();
        assert_eq!(rows[0].1.a, "x, y");
    }

    #[derive(Debug, serde::Deserialize)]
    struct Numbered {
        n: u32,
        #[allow(dead_code)]
        note: String,
    }

    /// Every row's `n` is the line it starts on; the result pairs them up.
    fn lines_and_numbers(file: &str) -> Vec<(u64, u32)> {
        match read_rows::<Numbered>(file.as_bytes(), &["n", "note"], 10) {
            Ok(rows) => rows.into_iter().map(|(line, r)| (line, r.n)).collect(),
            Err(problems) => panic!("{problems:?}"),
        }
    }

    #[test]
    fn line_numbers_are_right_with_crlf_lf_and_multi_line_fields() {
        let lf = "n,note\n2,a\n3,\"two\nlines\"\n5,b\n";
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        for file in [lf, crlf.as_str(), cr.as_str()] {
            for (line, n) in lines_and_numbers(file) {
                assert_eq!(line, u64::from(n), "in {file:?}");
            }
        }
        assert_eq!(lines_and_numbers(&crlf).len(), 3);
    }

    #[test]
    fn a_bad_row_after_a_multi_line_field_is_named_by_its_line() {
        let file = "n,note\r\n2,\"one\r\ntwo\r\nthree\"\r\nfive,x\r\n";
        let problems = read_rows::<Numbered>(file.as_bytes(), &["n", "note"], 10).unwrap_err();
        assert_eq!(problems[0].line, 5);
    }

    #[test]
    fn windows_1251_is_recognised_as_not_utf8() {
        let cp1251 = [0xCF, 0xF0, 0xEE, 0xE5, 0xEA, 0xF2, b',', b'b', b'\n'];
        let err = read_rows::<Row>(&cp1251, &["a", "b"], 10).unwrap_err();
        assert_eq!(err[0].message.key, "import-not-utf8");
    }

    #[test]
    fn missing_columns_and_ragged_lines_are_named() {
        let err = read_rows::<Row>(b"a\n1\n", &["a", "b"], 10).unwrap_err();
        assert_eq!(
            err[0].message,
            Message::new("import-missing-columns").text("columns", "b")
        );
        let err = read_rows::<Row>(b"a,b\n1,2\n1\n1,2,3\n", &["a", "b"], 10).unwrap_err();
        let lines: Vec<u64> = err.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4]);
    }

    #[test]
    fn too_many_rows_and_empty_files() {
        let err = read_rows::<Row>(b"a,b\n1,2\n3,4\n", &["a", "b"], 1).unwrap_err();
        assert_eq!(err[0].message.key, "import-too-many-rows");
        let err = read_rows::<Row>(b"a,b\n", &["a", "b"], 1).unwrap_err();
        assert_eq!(err[0].message.key, "import-empty");
    }
}
