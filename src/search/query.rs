//! A query as the ranking reads it: the words a lesson must have, the fields to look in, and
//! which index terms may stand for each word (itself, longer words for the word being typed,
//! near misses for long words).

use super::index::Field;
use super::tokens::{Token, tokens};

/// Words shorter than this must be typed exactly (or as a prefix).
pub const TYPO_MIN: usize = 5;

/// Which fields a query looks in (`in:code`, `in:title`, `in:prose`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Code,
    Title,
    Prose,
}

impl Scope {
    pub fn admits(self, field: Field) -> bool {
        match self {
            Scope::All => true,
            Scope::Code => field == Field::Code,
            Scope::Title => matches!(field, Field::Title | Field::Heading),
            Scope::Prose => matches!(
                field,
                Field::Prose | Field::Table | Field::Heading | Field::Link
            ),
        }
    }
}

/// One word the matching lessons must have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The normalised term, as the index stores words.
    pub term: String,
    /// The word is still being typed: longer words starting with it count too.
    pub open: bool,
    /// The word lowercased as typed, unstemmed: what a longer word must start with.
    pub typed: String,
}

impl Word {
    /// Long words forgive one typo.
    pub fn forgives_typos(&self) -> bool {
        self.term.chars().count() >= TYPO_MIN
    }

    /// Whether the index term `term` stands for this word as typed: itself or, while the
    /// word is being typed, a longer word it begins. The prefix is what was typed, not its
    /// stem: "logging" stems to "log", and must not find "login".
    pub fn admits(&self, term: &str) -> bool {
        term == self.term || self.admits_written(term)
    }

    /// Whether a word written `surface` (lowercased) is one this word, being typed, begins:
    /// "threadin" begins "threading", whose term is "thread".
    pub fn admits_written(&self, surface: &str) -> bool {
        self.open && surface.starts_with(self.typed.as_str())
    }

    /// Whether `term` is a near miss the word forgives.
    pub fn admits_near_miss(&self, term: &str) -> bool {
        self.forgives_typos() && one_edit_apart(&self.term, term)
    }

    /// A piece of text a lowercased line must hold to hold a term this word admits. A stem
    /// is a prefix of its lowercased word, except that "ies" becomes "y".
    pub fn needle(&self) -> String {
        without_final_y(&self.term)
    }

    /// Pieces of text of which a lowercased line must hold one to hold a near miss: one
    /// edit (a swap included) leaves at least one of three pieces whole.
    pub fn near_miss_needles(&self) -> Vec<String> {
        let chars: Vec<char> = self.term.chars().collect();
        let third = chars.len() / 3;
        [0..third, third..2 * third, 2 * third..chars.len()]
            .into_iter()
            .map(|r| without_final_y(&chars[r].iter().collect::<String>()))
            .collect()
    }
}

pub(super) fn without_final_y(s: &str) -> String {
    match s.strip_suffix('y') {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => s.to_owned(),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub scope: Scope,
    pub words: Vec<Word>,
    /// Filters not understood (`in:foo`), as typed.
    pub unknown: Vec<String>,
    /// A filter still being typed at the end of the query ("in:ti").
    pub partial: Option<String>,
    /// More than one scope was asked for.
    pub scopes: usize,
}

/// The filters a query understands, for messages.
pub const FILTERS: &str = "in:code, in:title or in:prose";
const FILTER_NAMES: [&str; 3] = ["in:code", "in:title", "in:prose"];

impl Query {
    pub fn parse(query: &str) -> Query {
        let (scope, text, mut unknown) = scope_of(query);
        let scopes = FILTER_NAMES
            .iter()
            .filter(|f| query.split_whitespace().any(|w| w.eq_ignore_ascii_case(f)))
            .count();
        // The last word, unclosed by a space, on its way to a filter's name.
        let typing = |w: &String| {
            query.trim_end() == query
                && query.ends_with(w.as_str())
                && FILTER_NAMES
                    .iter()
                    .any(|f| f.starts_with(&w.to_lowercase()))
        };
        let partial = match unknown.last() {
            Some(w) if typing(w) => unknown.pop(),
            _ => None,
        };
        Query {
            unknown,
            partial,
            scopes,
            ..Query::words_of(scope, &text)
        }
    }

    /// Why the query cannot be searched for, if it cannot: a filter not understood, two
    /// filters at once, or nothing left to search for.
    pub fn problem(&self) -> Option<String> {
        if let Some(bad) = self.partial.as_ref() {
            return Some(format!("unknown filter '{bad}': use {FILTERS}"));
        }
        self.problem_while_typing()
    }

    /// [`Query::problem`], but a filter being typed at the end is no problem yet.
    pub fn problem_while_typing(&self) -> Option<String> {
        if let Some(bad) = self.unknown.first() {
            return Some(format!("unknown filter '{bad}': use {FILTERS}"));
        }
        if self.scopes > 1 {
            return Some(format!("one filter at a time: {FILTERS}"));
        }
        self.words
            .is_empty()
            .then(|| "no words to search for: type letters or digits".to_owned())
    }

    fn words_of(scope: Scope, text: &str) -> Query {
        let toks = tokens(text);
        let open_ended = !text.ends_with(char::is_whitespace);
        let mut required = required(&toks);
        // "what is a decorator" is about decorators. Small words typed alone go, unless
        // they are all there is ("is", "with").
        let meant = |t: &&Token| !(STOP_WORDS.contains(&t.term.as_str()) && alone(&toks, t));
        if required.iter().any(meant) {
            required.retain(meant);
        }
        let last = required.len().saturating_sub(1);
        let words = required
            .iter()
            .enumerate()
            .map(|(i, t)| Word {
                term: t.term.clone(),
                open: open_ended && i == last,
                typed: text[t.start..t.end].to_lowercase(),
            })
            .collect();
        Query {
            scope,
            words,
            unknown: Vec::new(),
            partial: None,
            scopes: 0,
        }
    }
}

/// The scope the query's filters set, the rest of its text, and the filters not understood.
/// Any word starting `in:` is a filter, so one typed partway ("in:co") is no search word.
fn scope_of(query: &str) -> (Scope, String, Vec<String>) {
    let mut scope = Scope::All;
    let mut rest = Vec::new();
    let mut unknown = Vec::new();
    for word in query.split_whitespace() {
        let lower = word.to_lowercase();
        match lower.as_str() {
            "in:code" => scope = Scope::Code,
            "in:title" => scope = Scope::Title,
            "in:prose" => scope = Scope::Prose,
            w if w.starts_with("in:") => unknown.push(word.to_owned()),
            _ => rest.push(word),
        }
    }
    let mut text = rest.join(" ");
    if query.ends_with(char::is_whitespace) {
        text.push(' ');
    }
    (scope, text, unknown)
}

/// Words too common to search for when typed among others. Python's keywords among them
/// (is, in, for, with, from, as) still count inside an identifier or on their own.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "doe", "for", "from", "how", "i",
    "in", "is", "it", "its", "of", "on", "or", "the", "this", "to", "use", "what", "when", "where",
    "which", "why", "with",
];

/// Whether `token` is a word on its own, not a part of an identifier (`from_pretrained`).
fn alone(toks: &[Token], token: &Token) -> bool {
    !toks.iter().any(|t| {
        t.start <= token.start && token.end <= t.end && t.end - t.start > token.end - token.start
    })
}

/// The words a lesson must have: an identifier's parts, not its whole. `tokens` puts a
/// whole right before its first part, which starts where it does but ends sooner.
fn required(toks: &[Token]) -> Vec<&Token> {
    toks.iter()
        .enumerate()
        .filter(|&(i, t)| {
            !toks
                .get(i + 1)
                .is_some_and(|next| next.pos == t.pos && next.start == t.start && next.end < t.end)
        })
        .map(|(_, t)| t)
        .collect()
}

/// Damerau-Levenshtein distance of exactly one: one letter added, dropped, changed, or two
/// neighbours swapped.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_covers_each_kind_of_typo() {
        assert!(one_edit_apart("asyncio", "asynico"));
        assert!(one_edit_apart("asyncio", "asyncoi"));
        assert!(one_edit_apart("asyncio", "asynci"));
        assert!(one_edit_apart("asyncio", "asyncioo"));
        assert!(one_edit_apart("asyncio", "asyncko"));
        assert!(!one_edit_apart("asyncio", "asyncio"));
        assert!(!one_edit_apart("asyncio", "syncoi"));
        assert!(!one_edit_apart("ab", "ba c"));
    }

    #[test]
    fn filters_and_trailing_space_are_read_from_the_query() {
        assert_eq!(scope_of("in:code lru"), (Scope::Code, "lru".into(), vec![]));
        assert_eq!(scope_of("gil "), (Scope::All, "gil ".into(), vec![]));
        assert_eq!(scope_of("IN:TITLE"), (Scope::Title, String::new(), vec![]));
        assert_eq!(
            scope_of("in:co gil"),
            (Scope::All, "gil".into(), vec!["in:co".into()])
        );
    }

    #[test]
    fn filters_are_one_at_a_time_and_one_being_typed_waits() {
        let two = Query::parse("in:code in:title gil");
        assert!(two.problem().unwrap().starts_with("one filter at a time"));
        let typing = Query::parse("gil in:ti");
        assert_eq!(typing.partial.as_deref(), Some("in:ti"));
        assert_eq!(typing.problem_while_typing(), None);
        assert!(typing.problem().unwrap().contains("unknown filter 'in:ti'"));
        // Closed by a space, or not on its way to a filter, it is unknown.
        assert!(Query::parse("gil in:ti ").problem_while_typing().is_some());
        assert!(Query::parse("gil in:x").problem_while_typing().is_some());
    }

    #[test]
    fn the_last_word_is_open_unless_a_space_closes_it() {
        let q = Query::parse("garbage coll");
        let open: Vec<(&str, bool)> = q.words.iter().map(|w| (&*w.term, w.open)).collect();
        assert_eq!(open, [("garbag", false), ("coll", true)]);
        assert!(!Query::parse("coll ").words[0].open);
        assert!(Query::parse("in:code").words.is_empty());
    }

    #[test]
    fn identifiers_require_their_parts() {
        let q = Query::parse("lru_cache ");
        let terms: Vec<&str> = q.words.iter().map(|w| &*w.term).collect();
        assert_eq!(terms, ["lru", "cach"]);
    }

    #[test]
    fn needles_are_found_in_any_word_an_admitted_term_comes_from() {
        // Each (query, word in the text) pair: the word's terms are admitted, and a needle
        // occurs in the lowercased word.
        for (query, word) in [
            ("library", "Libraries"),
            ("asyncio", "asynico"),
            ("asynico", "asyncio"),
            ("metacl", "MetaClasses"),
            ("recursion", "recursoin"),
            ("copies", "copies"),
            ("copy", "Copies"),
            ("gil", "GIL"),
        ] {
            let w = &Query::parse(query).words[0];
            let lower = word.to_lowercase();
            let terms: Vec<String> = tokens(word).into_iter().map(|t| t.term).collect();
            if terms.iter().any(|t| w.admits(t)) {
                assert!(
                    lower.contains(&w.needle()),
                    "{query}: {} in {word}",
                    w.needle()
                );
            } else {
                assert!(
                    terms.iter().any(|t| w.admits_near_miss(t)),
                    "{query}: {word}"
                );
                let needles = w.near_miss_needles();
                assert!(
                    needles.iter().any(|n| lower.contains(n.as_str())),
                    "{query}: no needle of {needles:?} in {word}"
                );
            }
        }
    }
}
