//! Translations (Fluent files under `src/locales/`), with each language's plural rules and
//! digit grouping. Templates call `ctx.t("key")`; numbers go through `ctx.num(n)` or, inside a
//! message, through Fluent arguments, which are grouped the same way.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use intl_memoizer::Memoizable;
use num_format::{Locale, ToFormattedString};

use crate::domain::language::Language;
pub use crate::domain::message::Arg;
use crate::domain::message::Message;

static_loader! {
    static LOCALES = {
        locales: "./src/locales",
        fallback_language: "en",
        customise: |bundle| {
            // Unicode isolation marks are for mixed-direction text; all three languages are
            // left-to-right and the marks would end up inside HTML attributes.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_number));
        },
    };
}

/// Digit grouping for one language, built once per bundle by Fluent's memoizer.
struct Grouping(Locale);

impl Memoizable for Grouping {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _args: ()) -> Result<Self, ()> {
        Ok(Self(locale_for(lang.language.as_str())))
    }
}

fn locale_for(language: &str) -> Locale {
    match language {
        "kk" => Locale::kk,
        "ru" => Locale::ru,
        _ => Locale::en,
    }
}

fn format_number(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let whole = n.value.trunc();
    if whole != n.value || whole.abs() > 9.0e15 {
        return None;
    }
    memoizer
        .with_try_get::<Grouping, _, _>((), |g| (whole as i64).to_formatted_string(&g.0))
        .ok()
}

fn langid(lang: Language) -> LanguageIdentifier {
    match lang {
        Language::Kk => fluent_templates::langid!("kk"),
        Language::Ru => fluent_templates::langid!("ru"),
        Language::En => fluent_templates::langid!("en"),
    }
}

/// Translation in one language. Cheap to copy into every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct I18n {
    lang: Language,
}

impl I18n {
    pub fn new(lang: Language) -> Self {
        Self { lang }
    }

    pub fn lang(&self) -> Language {
        self.lang
    }

    /// The message `key`. A missing key shows the key itself (and a unit test fails).
    pub fn t(&self, key: &str) -> String {
        LOCALES
            .try_lookup(&langid(self.lang), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key`, if this language has it.
    pub fn try_t(&self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&langid(self.lang), key)
    }

    /// The message `key` with arguments; integers are grouped and pick the plural form.
    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    Arg::Percent(bp) => FluentValue::from(self.percent(*bp)),
                    other => other.to_fluent(),
                };
                (Cow::Owned((*name).to_owned()), v)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(&langid(self.lang), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// A message the domain produced.
    pub fn message(&self, message: &Message) -> String {
        self.t_with(message.key, &message.args)
    }

    /// `t_with` for the common case of one count: `ctx.count("projects-count", n)`.
    pub fn count(&self, key: &str, n: i64) -> String {
        self.t_with(key, &[("count", Arg::Int(n))])
    }

    /// A share in basis points with one decimal, rounded down: 8750 → "87.5%" / "87,5%".
    pub fn percent(&self, bp: i64) -> String {
        let sign = if bp < 0 { "-" } else { "" };
        let bp = bp.abs();
        let mark = if self.lang == Language::En { '.' } else { ',' };
        format!("{sign}{}{mark}{}%", bp / 100, (bp % 100) / 10)
    }

    /// An integer with the language's digit grouping: 8,787 / 8 787.
    pub fn num(&self, n: impl Into<i64>) -> String {
        n.into().to_formatted_string(&locale_for(self.lang.code()))
    }
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Self::Int(n) => FluentValue::from(*n),
            Self::Text(s) => FluentValue::from(s.clone()),
            Self::Percent(bp) => FluentValue::from(format!("{}.{}%", bp / 100, (bp % 100) / 10)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let path = format!("{}/src/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(path).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" =")
                    && !key.starts_with([' ', '#', '-', '*', '['])
                    && !key.is_empty()
                {
                    keys.insert(key.trim().to_owned());
                }
            }
        }
        keys
    }

    #[test]
    fn every_language_has_every_key() {
        let en = keys("en");
        assert!(en.len() > 20);
        for lang in ["kk", "ru"] {
            let other = keys(lang);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(I18n::new(Language::En).num(148_000), "148,000");
        let ru = I18n::new(Language::Ru).num(148_000);
        assert_eq!(ru.chars().filter(char::is_ascii_digit).count(), 6);
        assert!(!ru.contains(','), "{ru}");
    }

    #[test]
    fn plurals_follow_each_language() {
        let ru = I18n::new(Language::Ru);
        assert_eq!(ru.count("projects-count", 1), "1 проект");
        assert_eq!(ru.count("projects-count", 3), "3 проекта");
        assert_eq!(ru.count("projects-count", 5), "5 проектов");
        assert!(ru.count("projects-count", 6696).ends_with("проектов"));
        let en = I18n::new(Language::En);
        assert_eq!(en.count("projects-count", 1), "1 project");
        assert_eq!(en.count("projects-count", 6696), "6,696 projects");
        let kk = I18n::new(Language::Kk);
        assert_eq!(kk.count("projects-count", 2), "2 жоба");
    }
}
