//! The three languages of the interface.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Kk,
    #[default]
    Ru,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Kk, Language::Ru, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Self::Kk => "kk",
            Self::Ru => "ru",
            Self::En => "en",
        }
    }

    /// The language's name in itself, as shown on the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Kk => "Қазақша",
            Self::Ru => "Русский",
            Self::En => "English",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "kk" | "kz" => Some(Self::Kk),
            "ru" => Some(Self::Ru),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The best match for an `Accept-Language` header, by quality value, or `None`.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut choices: Vec<(f32, Self)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let primary = tag.split(['-', '_']).next()?;
                let lang = Self::from_code(primary)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, lang))
            })
            .collect();
        // Stable sort keeps header order among equal weights.
        choices.sort_by(|a, b| b.0.total_cmp(&a.0));
        choices.first().map(|(_, l)| *l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_quality() {
        assert_eq!(
            Language::negotiate("en-US,en;q=0.9,ru;q=0.8"),
            Some(Language::En)
        );
        assert_eq!(
            Language::negotiate("de;q=1, ru;q=0.5, kk;q=0.7"),
            Some(Language::Kk)
        );
        assert_eq!(Language::negotiate("kk-KZ"), Some(Language::Kk));
        assert_eq!(Language::negotiate("fr, de"), None);
        assert_eq!(Language::negotiate("en;q=0"), None);
    }
}
