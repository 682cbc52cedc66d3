//! Project search, as pure text rules: how a project's code and title are folded into the text
//! that is searched, and how what a user typed becomes terms, index queries and a ranking.
//!
//! Folding happens here, in Rust, for the stored text and for the query alike, so that both
//! backends compare the same lower-cased strings (SQLite's `lower()` knows only ASCII; Kazakh
//! letters such as Ә Ғ Қ Ң Ө Ұ Ү Һ І fold here like any other).
//!
//! Every term must occur somewhere in the folded code and title (substring, any order). Terms
//! of at least [`TRIGRAM`] characters are looked up through the trigram index (SQLite FTS5,
//! PostgreSQL `pg_trgm`); shorter ones cannot be, and only narrow what the long ones found —
//! or, when a query has no long term at all, are matched by reading the projects in scope.

/// The shortest term a trigram index can look up.
pub const TRIGRAM: usize = 3;

/// At most this many terms are used; the rest of a very long query is ignored.
const MAX_TERMS: usize = 8;

/// The searched text of a project: its code and title, folded.
pub fn project_text(code: &str, title: &str) -> String {
    fold(&format!("{code} {title}"))
}

/// Lower-cases (Unicode-aware) and collapses runs of white space into one space; control
/// characters (a NUL in a URL, say) count as white space.
pub fn fold(text: &str) -> String {
    let visible: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    visible
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A search as typed, folded and split into terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// The folded query, terms joined by one space.
    phrase: String,
    /// Distinct terms, longest first.
    terms: Vec<String>,
}

impl SearchQuery {
    /// `None` for a query with nothing to search for.
    pub fn parse(raw: &str) -> Option<Self> {
        let phrase = fold(raw);
        let mut terms: Vec<String> = Vec::new();
        for term in phrase.split(' ').filter(|t| !t.is_empty()) {
            if !terms.iter().any(|t| t == term) {
                terms.push(term.to_owned());
            }
        }
        if terms.is_empty() {
            return None;
        }
        // Longest first: a term contained in a longer one adds nothing.
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        let mut kept: Vec<String> = Vec::new();
        for term in terms {
            if !kept.iter().any(|k| k.contains(term.as_str())) {
                kept.push(term);
            }
        }
        kept.truncate(MAX_TERMS);
        Some(Self {
            phrase,
            terms: kept,
        })
    }

    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether the trigram index can find the candidates (some term is long enough).
    pub fn uses_index(&self) -> bool {
        self.terms.iter().any(|t| t.chars().count() >= TRIGRAM)
    }

    /// The FTS5 `MATCH` expression of the long terms (each a quoted string, all required);
    /// `None` when every term is too short for the trigram index.
    pub fn fts5_match(&self) -> Option<String> {
        let quoted: Vec<String> = self
            .terms
            .iter()
            .filter(|t| t.chars().count() >= TRIGRAM)
            .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
            .collect();
        (!quoted.is_empty()).then(|| quoted.join(" AND "))
    }

    /// One `LIKE` pattern per term (escape character `\`): each must match the searched text.
    pub fn like_patterns(&self) -> Vec<String> {
        self.terms
            .iter()
            .map(|t| format!("%{}%", escape_like(t)))
            .collect()
    }

    /// The `LIKE` patterns of the ranking, best first (see [`Rank`]).
    pub fn rank_patterns(&self) -> [String; 3] {
        let p = escape_like(&self.phrase);
        [format!("{p} %"), format!("{p}%"), format!("% {p}%")]
    }

    /// Where a project's searched text ranks for this query (the same rule the database
    /// applies through [`SearchQuery::rank_patterns`]).
    pub fn rank(&self, text: &str) -> Rank {
        let p = &self.phrase;
        if text == p || text.starts_with(&format!("{p} ")) {
            Rank::Code
        } else if text.starts_with(p.as_str()) {
            Rank::CodeStart
        } else if text.contains(&format!(" {p}")) {
            Rank::WordStart
        } else {
            Rank::Elsewhere
        }
    }

    /// Whether a project's searched text matches: every term occurs in it.
    pub fn matches(&self, text: &str) -> bool {
        self.terms.iter().all(|t| text.contains(t.as_str()))
    }
}

/// How well a match ranks, best first; ties go by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The query is the project's code.
    Code = 0,
    /// The code (and title) start with the query.
    CodeStart = 1,
    /// A word of the title starts with the query.
    WordStart = 2,
    /// The terms occur elsewhere.
    Elsewhere = 3,
}

/// `text` with `LIKE`'s wildcards and the escape character escaped (escape character `\`).
pub fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_cyrillic_kazakh_and_latin_letters() {
        assert_eq!(fold("ӘҒҚҢӨҰҮҺІ"), "әғқңөұүһі");
        assert_eq!(fold("ШКОЛА №5"), "школа №5");
        assert_eq!(fold("Ёлка"), "ёлка");
        assert_eq!(fold("Astana SCHOOL"), "astana school");
        assert_eq!(fold("  Жаңа   Өзен \t мектеп "), "жаңа өзен мектеп");
        // Kazakh І and Latin I are different letters and stay so.
        assert_eq!(fold("І I"), "і i");
    }

    #[test]
    fn the_stored_text_and_the_query_fold_alike() {
        let text = project_text("KZ-71-0001", "Мектеп ҚҰРЫЛЫСЫ Astana");
        assert_eq!(text, "kz-71-0001 мектеп құрылысы astana");
        let q = SearchQuery::parse("ҚҰРЫЛЫС").unwrap();
        assert!(q.matches(&text));
        assert!(SearchQuery::parse("astana мектеп").unwrap().matches(&text));
        assert!(!SearchQuery::parse("astana школа").unwrap().matches(&text));
    }

    #[test]
    fn empty_queries_are_no_search() {
        assert_eq!(SearchQuery::parse(""), None);
        assert_eq!(SearchQuery::parse(" \t\n "), None);
        assert_eq!(SearchQuery::parse("\0\u{7}"), None);
    }

    #[test]
    fn control_characters_separate_terms() {
        let q = SearchQuery::parse("мектеп\0abc\u{1b}").unwrap();
        assert_eq!(q.terms(), ["мектеп", "abc"]);
        assert_eq!(q.fts5_match().as_deref(), Some("\"мектеп\" AND \"abc\""));
    }

    #[test]
    fn terms_are_distinct_longest_first_and_contained_ones_dropped() {
        let q = SearchQuery::parse("Школ школа ШКОЛА 5").unwrap();
        assert_eq!(q.terms(), ["школа", "5"]);
        assert_eq!(q.phrase(), "школ школа школа 5");
    }

    #[test]
    fn short_terms_do_not_use_the_index() {
        let short = SearchQuery::parse("әл 5").unwrap();
        assert!(!short.uses_index());
        assert_eq!(short.fts5_match(), None);
        assert_eq!(short.like_patterns(), ["%әл%", "%5%"]);
        let mixed = SearchQuery::parse("өзен 5").unwrap();
        assert!(mixed.uses_index());
        assert_eq!(mixed.fts5_match().as_deref(), Some("\"өзен\""));
        assert_eq!(mixed.like_patterns(), ["%өзен%", "%5%"]);
    }

    #[test]
    fn three_characters_are_enough_for_the_index_counted_in_letters_not_bytes() {
        let q = SearchQuery::parse("құр").unwrap();
        assert!(q.uses_index());
        assert_eq!(q.fts5_match().as_deref(), Some("\"құр\""));
    }

    #[test]
    fn quotes_and_wildcards_are_taken_literally() {
        let q = SearchQuery::parse("\"ab\"c 50%_x a\\b").unwrap();
        assert_eq!(
            q.fts5_match().as_deref(),
            Some("\"\"\"ab\"\"c\" AND \"50%_x\" AND \"a\\b\"")
        );
        assert_eq!(q.like_patterns(), ["%\"ab\"c%", "%50\\%\\_x%", "%a\\\\b%"]);
    }

    #[test]
    fn ranks_the_code_then_its_start_then_a_word_start_then_the_rest() {
        let q = SearchQuery::parse("KZ-71").unwrap();
        assert_eq!(q.rank("kz-71 мектеп"), Rank::Code);
        assert_eq!(q.rank("kz-71-0001 мектеп"), Rank::CodeStart);
        assert_eq!(q.rank("kz-11-0001 мектеп kz-71"), Rank::WordStart);
        assert_eq!(q.rank("kz-11-0001 akz-71"), Rank::Elsewhere);
        let w = SearchQuery::parse("мектеп").unwrap();
        assert_eq!(w.rank("kz-11-0001 мектептер"), Rank::WordStart);
        assert_eq!(w.rank("kz-11-0001 жаңамектеп"), Rank::Elsewhere);
        assert_eq!(
            q.rank_patterns(),
            [
                "kz-71 %".to_owned(),
                "kz-71%".to_owned(),
                "% kz-71%".to_owned()
            ]
        );
    }

    #[test]
    fn very_long_queries_keep_the_first_terms_by_length() {
        let raw = (1..=12).map(|i| "x".repeat(i + 2)).collect::<Vec<_>>();
        let q = SearchQuery::parse(&raw.join(" ")).unwrap();
        // Each shorter run of x is inside the longest: one term is enough.
        assert_eq!(q.terms().len(), 1);
        let distinct = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
        assert_eq!(SearchQuery::parse(distinct).unwrap().terms().len(), 8);
    }
}
