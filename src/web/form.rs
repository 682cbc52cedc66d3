//! Form errors in the GOV.UK pattern: a summary at the top linking to each field, and the
//! message again beside the field. Messages are already translated.

use crate::domain::message::FieldProblem;

#[derive(Debug, Clone)]
pub struct FieldError {
    /// The input's `id`, which the summary links to.
    pub field: &'static str,
    /// The field's label, so the summary says which field each message is about.
    pub label: String,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct FormErrors(Vec<FieldError>);

impl FormErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// The domain's problems, said in the page's language.
    pub fn from_problems(i18n: &crate::i18n::I18n, problems: &[FieldProblem]) -> Self {
        let mut errors = Self::new();
        for p in problems {
            errors.add(p.field, i18n.message(&p.message));
        }
        errors
    }

    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            label: String::new(),
            message: message.into(),
        });
    }

    /// Names each field in the summary by the (translated) label `label` gives for it.
    pub fn with_labels(mut self, label: impl Fn(&str) -> Option<String>) -> Self {
        for e in &mut self.0 {
            if let Some(text) = label(e.field) {
                e.label = text;
            }
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// The first message for `field`.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a FormErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
