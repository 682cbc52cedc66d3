//! What every page shares: the page context extractor, language resolution, flash messages.

pub mod form;
pub mod language;
pub mod page;
