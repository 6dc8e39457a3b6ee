//! Queries against the index: BM25 over weighted fields, lessons with every word first, a
//! boost for words standing together, prefixes for the word being typed, one typo forgiven.

use std::collections::HashMap;

use super::index::{Field, Index, Posting};
use super::tokens::{Token, tokens};
use crate::guide::LessonId;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much a prefix or a near miss counts against the word itself.
const PREFIX: f32 = 0.7;
const TYPO: f32 = 0.5;
/// Words shorter than this must be typed exactly (or as a prefix).
const TYPO_MIN: usize = 5;

/// One lesson that matches, best line first.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Which lesson, counting every lesson of the guide in order from 0 (ids may repeat).
    pub ordinal: usize,
    pub lesson: LessonId,
    pub title: String,
    /// The guide line that matches best.
    pub line: u32,
    pub score: f32,
    /// How many of the query's words the lesson has.
    pub matched: usize,
    /// The index terms that matched, for marking them in a snippet.
    pub terms: Vec<String>,
}

/// Which fields a query looks in (`in:code`, `in:title`, `in:prose`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    All,
    Code,
    Title,
    Prose,
}

impl Scope {
    fn admits(self, field: Field) -> bool {
        match self {
            Scope::All => true,
            Scope::Code => field == Field::Code,
            Scope::Title => matches!(field, Field::Title | Field::Heading),
            Scope::Prose => matches!(field, Field::Prose | Field::Table | Field::Heading),
        }
    }
}

/// A query word with the index terms it stands for and how much each counts.
struct Word {
    expansions: Vec<(String, f32)>,
}

/// The lessons matching `query`, best first, at most `limit`.
pub fn search(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    let (scope, text) = scope_of(query);
    let toks = tokens(&text);
    let open_ended = !text.ends_with(char::is_whitespace);
    let required = required(&toks);
    let last = required.len().saturating_sub(1);
    let words: Vec<Word> = required
        .iter()
        .enumerate()
        .map(|(i, t)| expand(index, &t.term, open_ended && i == last))
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scores: HashMap<u32, Score> = HashMap::new();
    for (w, word) in words.iter().enumerate() {
        let postings = postings(index, word, scope);
        let containing = distinct_lessons(&postings);
        let n = index.lessons.len() as f32;
        let idf = (1.0 + (n - containing + 0.5) / (containing + 0.5)).ln();
        for (lesson, group) in by_lesson(&postings) {
            let tf: f32 = group
                .iter()
                .map(|(p, weight)| p.field.weight() * weight)
                .sum();
            let words_in = index.lessons[lesson as usize].words as f32;
            let norm = K1 * (1.0 - B + B * words_in / index.average_words.max(1.0));
            let entry = scores.entry(lesson).or_default();
            entry.score += idf * tf * (K1 + 1.0) / (tf + norm);
            entry.matched += 1;
            for (p, weight) in group {
                entry
                    .lines
                    .push((p.line, w, p.pos, p.field.weight() * weight));
            }
        }
    }
    let terms: Vec<String> = words
        .iter()
        .flat_map(|w| w.expansions.iter().map(|(t, _)| t.clone()))
        .collect();
    let mut hits: Vec<Hit> = scores
        .into_iter()
        .map(|(lesson, s)| hit(index, lesson, s, words.len(), &terms))
        .collect();
    hits.sort_by(|a, b| {
        b.matched
            .cmp(&a.matched)
            .then(b.score.total_cmp(&a.score))
            .then(a.lesson.cmp(&b.lesson))
    });
    hits.truncate(limit);
    hits
}

#[derive(Default)]
struct Score {
    score: f32,
    matched: usize,
    /// (line, query word, position, weight) of every matching posting.
    lines: Vec<(u32, usize, u32, f32)>,
}

fn scope_of(query: &str) -> (Scope, String) {
    let mut scope = Scope::All;
    let mut rest = Vec::new();
    for word in query.split_whitespace() {
        match word.to_ascii_lowercase().as_str() {
            "in:code" => scope = Scope::Code,
            "in:title" => scope = Scope::Title,
            "in:prose" => scope = Scope::Prose,
            _ => rest.push(word),
        }
    }
    let mut text = rest.join(" ");
    if query.ends_with(char::is_whitespace) {
        text.push(' ');
    }
    (scope, text)
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

fn expand(index: &Index, term: &str, open_ended: bool) -> Word {
    let mut expansions = Vec::new();
    if index.postings.contains_key(term) {
        expansions.push((term.to_owned(), 1.0));
    }
    if open_ended {
        let from = index.vocabulary.partition_point(|v| v.as_str() < term);
        for v in index.vocabulary[from..]
            .iter()
            .take_while(|v| v.starts_with(term))
        {
            if v != term {
                expansions.push((v.clone(), PREFIX));
            }
        }
    }
    if expansions.is_empty() && term.chars().count() >= TYPO_MIN {
        for v in &index.vocabulary {
            if one_edit_apart(term, v) {
                expansions.push((v.clone(), TYPO));
            }
        }
    }
    Word { expansions }
}

fn postings<'i>(index: &'i Index, word: &Word, scope: Scope) -> Vec<(&'i Posting, f32)> {
    word.expansions
        .iter()
        .filter_map(|(term, weight)| Some((index.postings.get(term)?, *weight)))
        .flat_map(|(list, weight)| list.iter().map(move |p| (p, weight)))
        .filter(|(p, _)| scope.admits(p.field))
        .collect()
}

fn distinct_lessons(postings: &[(&Posting, f32)]) -> f32 {
    let mut lessons: Vec<u32> = postings.iter().map(|(p, _)| p.lesson).collect();
    lessons.sort_unstable();
    lessons.dedup();
    lessons.len() as f32
}

fn by_lesson<'p>(postings: &[(&'p Posting, f32)]) -> HashMap<u32, Vec<(&'p Posting, f32)>> {
    let mut groups: HashMap<u32, Vec<(&Posting, f32)>> = HashMap::new();
    for &(p, w) in postings {
        groups.entry(p.lesson).or_default().push((p, w));
    }
    groups
}

/// Scores a lesson's phrase boost and picks its best line: the one holding most of the
/// query's words, then the weightiest.
fn hit(index: &Index, lesson: u32, mut s: Score, words: usize, terms: &[String]) -> Hit {
    if words > 1 && stands_together(&s.lines, words) {
        s.score *= 1.5;
    }
    let mut per_line: HashMap<u32, (Vec<usize>, f32)> = HashMap::new();
    for &(line, w, _, weight) in &s.lines {
        let entry = per_line.entry(line).or_default();
        if !entry.0.contains(&w) {
            entry.0.push(w);
        }
        entry.1 += weight;
    }
    let line = per_line
        .into_iter()
        .max_by(|a, b| {
            (a.1.0.len(), a.1.1)
                .partial_cmp(&(b.1.0.len(), b.1.1))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.0.cmp(&a.0))
        })
        .map_or(0, |(line, _)| line);
    let info = &index.lessons[lesson as usize];
    Hit {
        ordinal: lesson as usize,
        lesson: info.id,
        title: info.title.clone(),
        line,
        score: s.score,
        matched: s.matched,
        terms: terms.to_vec(),
    }
}

/// Whether the query's words appear in order, side by side, somewhere in the lesson.
fn stands_together(found: &[(u32, usize, u32, f32)], words: usize) -> bool {
    let starts = found.iter().filter(|f| f.1 == 0).map(|f| f.2);
    starts
        .into_iter()
        .any(|pos| (1..words).all(|w| found.iter().any(|f| f.1 == w && f.2 == pos + w as u32)))
}

/// Damerau-Levenshtein distance of at most one: one letter added, dropped, changed, or two
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
        assert_eq!(scope_of("in:code lru"), (Scope::Code, "lru".into()));
        assert_eq!(scope_of("gil "), (Scope::All, "gil ".into()));
        assert_eq!(scope_of("IN:TITLE"), (Scope::Title, String::new()));
    }
}
