//! Queries against the index: BM25 over weighted fields, lessons with every word first, a
//! boost for words standing together, prefixes for the word being typed, one typo forgiven.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::index::{Field, Index, Posting};
use super::query::{Query, Word, one_edit_apart};
use crate::guide::LessonId;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much a prefix or a near miss counts against the word itself.
const PREFIX: f32 = 0.7;
const TYPO: f32 = 0.5;

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
    /// The index terms that matched, for marking them in a snippet. Shared by every hit.
    pub terms: Arc<[String]>,
}

/// The index terms a query word stands for, with their postings and how much each counts.
struct Expansion<'i> {
    terms: Vec<(&'i str, &'i [Posting], f32)>,
}

/// The lessons matching `query`, best first, at most `limit`.
pub fn search(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    rank(index, &Query::parse(query), limit)
}

/// The lessons matching a parsed query, best first, at most `limit`.
pub fn rank(index: &Index, query: &Query, limit: usize) -> Vec<Hit> {
    let words: Vec<Expansion> = query.words.iter().map(|w| expand(index, w)).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scores: HashMap<u32, Score> = HashMap::new();
    // Term frequency per lesson for the word at hand; dense, as a prefix of one letter
    // reaches most lessons.
    let mut tf = vec![0f32; index.lessons.len()];
    let mut touched: Vec<u32> = Vec::new();
    for (w, word) in words.iter().enumerate() {
        for &(_, postings, weight) in &word.terms {
            for p in postings.iter().filter(|p| query.scope.admits(p.field)) {
                let Some(slot) = tf.get_mut(p.lesson as usize) else {
                    continue;
                };
                if *slot == 0.0 {
                    touched.push(p.lesson);
                }
                *slot += p.field.weight() * weight;
                scores.entry(p.lesson).or_default().found.push(Found {
                    line: p.line,
                    title: p.field == Field::Title,
                    word: w,
                    pos: p.pos,
                    weight: p.field.weight() * weight,
                });
            }
        }
        let n = index.lessons.len() as f32;
        let containing = touched.len() as f32;
        let idf = (1.0 + (n - containing + 0.5) / (containing + 0.5)).ln();
        for lesson in touched.drain(..) {
            let tf = std::mem::take(&mut tf[lesson as usize]);
            let length = index.lessons[lesson as usize].length as f32;
            let norm = K1 * (1.0 - B + B * length / index.average_length.max(1.0));
            let entry = scores.entry(lesson).or_default();
            entry.score += idf * tf * (K1 + 1.0) / (tf + norm);
            entry.matched += 1;
        }
    }
    let mut ranked: Vec<(u32, Score)> = scores.into_iter().collect();
    for (_, s) in &mut ranked {
        if words.len() > 1 && stands_together(&mut s.found, words.len()) {
            s.score *= 1.5;
        }
    }
    ranked.sort_by(|(a, x), (b, y)| {
        y.matched
            .cmp(&x.matched)
            .then(y.score.total_cmp(&x.score))
            .then(a.cmp(b))
    });
    ranked.truncate(limit);
    let terms = terms_of(&words);
    ranked
        .into_iter()
        .map(|(lesson, s)| hit(index, lesson, &s, &terms))
        .collect()
}

fn terms_of(words: &[Expansion]) -> Arc<[String]> {
    words
        .iter()
        .flat_map(|w| w.terms.iter().map(|&(t, _, _)| t.to_owned()))
        .collect()
}

/// Every place a query matches, for stepping through them: each line holding one of its
/// words, in the lessons holding all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Occurrences {
    /// (lesson ordinal, guide line), in guide order.
    pub places: Vec<(u32, u32)>,
    /// The index terms that matched, for marking them.
    pub terms: Arc<[String]>,
}

pub fn occurrences(index: &Index, query: &Query) -> Occurrences {
    let words: Vec<Expansion> = query.words.iter().map(|w| expand(index, w)).collect();
    let admitted = |w: &Expansion<'_>| -> Vec<(u32, u32)> {
        w.terms
            .iter()
            .flat_map(|&(_, postings, _)| postings)
            .filter(|p| query.scope.admits(p.field))
            .map(|p| (p.lesson, p.line))
            .collect()
    };
    let found: Vec<Vec<(u32, u32)>> = words.iter().map(admitted).collect();
    let mut holding: HashMap<u32, usize> = HashMap::new();
    for places in &found {
        let lessons: HashSet<u32> = places.iter().map(|&(lesson, _)| lesson).collect();
        for lesson in lessons {
            *holding.entry(lesson).or_default() += 1;
        }
    }
    let mut places: Vec<(u32, u32)> = found
        .into_iter()
        .flatten()
        .filter(|(lesson, _)| holding.get(lesson) == Some(&words.len()))
        .collect();
    places.sort_unstable();
    places.dedup();
    Occurrences {
        places,
        terms: terms_of(&words),
    }
}

#[derive(Default)]
struct Score {
    score: f32,
    matched: usize,
    /// Every matching posting.
    found: Vec<Found>,
}

#[derive(Clone, Copy)]
struct Found {
    line: u32,
    /// In the lesson's title, which a result shows anyway.
    title: bool,
    /// Which of the query's words.
    word: usize,
    pos: u32,
    weight: f32,
}

fn expand<'i>(index: &'i Index, word: &Word) -> Expansion<'i> {
    let term = word.term.as_str();
    let mut terms = Vec::new();
    let mut add = |v: &'i str, weight: f32| {
        if let Some(postings) = index.postings.get(v) {
            terms.push((v, postings.as_slice(), weight));
        }
    };
    let from = index.vocabulary.partition_point(|v| v.as_str() < term);
    let mut typed = index.vocabulary[from..]
        .iter()
        .take_while(|v| v.starts_with(term))
        .peekable();
    if typed.next_if(|v| *v == term).is_some() {
        add(&index.vocabulary[from], 1.0);
    }
    if word.open {
        for v in typed {
            add(v, PREFIX);
        }
    }
    // A near miss only when the word itself is nowhere: a word that is there is meant.
    if terms.is_empty() && word.forgives_typos() {
        for v in &index.vocabulary {
            if one_edit_apart(term, v) {
                terms.push((v.as_str(), index.postings[v].as_slice(), TYPO));
            }
        }
    }
    Expansion { terms }
}

/// A hit for a lesson, pointing at its best line: the one holding most of the query's
/// words, then the weightiest, then the first. The title counts only when nothing else
/// matches: a result shows it already, and the line below says more.
fn hit(index: &Index, lesson: u32, s: &Score, terms: &Arc<[String]>) -> Hit {
    let body = s.found.iter().any(|f| !f.title);
    let mut per_line: HashMap<u32, (Vec<usize>, f32)> = HashMap::new();
    for f in s.found.iter().filter(|f| !(body && f.title)) {
        let entry = per_line.entry(f.line).or_default();
        if !entry.0.contains(&f.word) {
            entry.0.push(f.word);
        }
        entry.1 += f.weight;
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
        terms: Arc::clone(terms),
    }
}

/// Whether the query's words appear in order, side by side, somewhere in the lesson.
fn stands_together(found: &mut [Found], words: usize) -> bool {
    found.sort_by_key(|f| (f.word, f.pos));
    let at = |word: usize, pos: u32| {
        found
            .binary_search_by_key(&(word, pos), |f| (f.word, f.pos))
            .is_ok()
    };
    found
        .iter()
        .take_while(|f| f.word == 0)
        .any(|f| (1..words).all(|w| at(w, f.pos + w as u32)))
}
