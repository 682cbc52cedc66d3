//! Reading an uploaded CSV file into rows, the way spreadsheets write them: UTF-8 with or
//! without a byte-order mark, comma- or semicolon-separated (Excel in Russian and Kazakh
//! locales saves with semicolons), a header row naming the columns in any order.

use serde::de::DeserializeOwned;

use super::message::Message;

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
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(LineProblem {
                    line,
                    column: None,
                    message: Message::new("import-bad-line"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
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
