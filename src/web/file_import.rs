//! The page of a CSV import that has no form of its own around it: what to send, the columns,
//! the template and the export that re-imports, and every problem of a refused file by line.

use askama::Template;

use super::upload::{self, ShownProblem};
use crate::domain::csv_rows::LineProblem;
use crate::web::page::PageCtx;

/// What one import says about itself; the translations are looked up by key.
pub struct ImportKind {
    /// For the import metrics: "plans", "procurement" …
    pub metric: &'static str,
    pub heading: &'static str,
    pub lead: &'static str,
    pub back_label: &'static str,
    pub export_label: &'static str,
    /// Each column's code and the key of its label.
    pub columns: &'static [(&'static str, &'static str)],
}

#[derive(Template)]
#[template(path = "import_file.html")]
pub struct FileImportPage {
    pub ctx: PageCtx,
    pub kind: &'static ImportKind,
    /// Where the form posts; the template and the export are beside it.
    pub action: String,
    pub back: String,
    pub template: String,
    pub export: String,
    pub max_rows: usize,
    pub problems: Vec<ShownProblem>,
    pub file_name: String,
}

impl FileImportPage {
    /// The page again with the problems of a refused file.
    pub fn refused(mut self, problems: &[LineProblem], file_name: String) -> Self {
        crate::monitoring::import_rows(self.kind.metric, upload::lines_refused(problems), false);
        let kind = self.kind;
        self.problems = upload::shown(&self.ctx.i18n, problems, |c| {
            kind.columns.iter().find(|(k, _)| *k == c).map(|(_, l)| *l)
        });
        self.file_name = file_name;
        self
    }
}

/// The column codes of `kind`, in order.
pub fn codes(kind: &ImportKind) -> Vec<&'static str> {
    kind.columns.iter().map(|(c, _)| *c).collect()
}
