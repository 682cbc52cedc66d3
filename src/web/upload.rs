//! CSV uploads: the multipart form both imports use, and its size check.

use actix_multipart::form::MultipartForm;
use actix_multipart::form::bytes::Bytes as UploadBytes;
use actix_multipart::form::text::Text;
use actix_web::http::StatusCode;
use actix_web::web::Bytes;

use crate::domain::csv_rows::LineProblem;
use crate::domain::message::Message;
use crate::i18n::I18n;

/// Largest upload body read; each import checks its own, smaller, file limit.
pub const MULTIPART_LIMIT: usize = 32 * 1024 * 1024;

#[derive(MultipartForm)]
pub struct Upload {
    #[multipart(limit = "32MiB")]
    pub file: UploadBytes,
    /// Checked by the CSRF guard before the handler runs; the forms send it first, before
    /// the file (see `auth::upload_gate`).
    #[allow(dead_code)]
    csrf_token: Option<Text<String>>,
}

/// A problem as the import page shows it: line, column label and message, translated.
pub struct ShownProblem {
    pub line: u64,
    pub column: String,
    pub message: String,
}

pub fn shown(
    i18n: &I18n,
    problems: &[LineProblem],
    label: impl Fn(&str) -> Option<&'static str>,
) -> Vec<ShownProblem> {
    problems
        .iter()
        .map(|p| ShownProblem {
            line: p.line,
            column: p
                .column
                .and_then(&label)
                .map(|k| i18n.t(k))
                .unwrap_or_default(),
            message: i18n.message(&p.message),
        })
        .collect()
}

/// The uploaded file and its name, or why it cannot be read (no file, or over `max_bytes`).
pub fn file(
    form: Result<MultipartForm<Upload>, actix_web::Error>,
    max_bytes: usize,
) -> Result<(Bytes, String), LineProblem> {
    let too_large = || {
        LineProblem::file(
            Message::new("import-too-large").int("max_mb", (max_bytes / 1024 / 1024) as i64),
        )
    };
    match form {
        Ok(MultipartForm(upload)) if upload.file.data.len() > max_bytes => Err(too_large()),
        Ok(MultipartForm(upload)) => {
            Ok((upload.file.data, upload.file.file_name.unwrap_or_default()))
        }
        Err(e) if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            Err(too_large())
        }
        Err(_) => Err(LineProblem::file(Message::new("import-no-file"))),
    }
}

/// How many lines of a refused file had something wrong (for the import metrics).
pub fn lines_refused(problems: &[LineProblem]) -> usize {
    let mut lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
    lines.sort_unstable();
    lines.dedup();
    lines.len()
}
