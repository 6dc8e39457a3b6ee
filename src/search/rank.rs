//! Queries against the index: BM25 over weighted fields, topics with every word first, a
//! boost for words standing together, prefixes for the word being typed, one typo forgiven.

use std::collections::HashMap;
use std::sync::Arc;

use super::index::{Field, Index, Posting};
use super::query::{Query, Word, one_edit_apart};
use crate::guide::{GuideLine, PageId, PageKind};

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much a prefix or a near miss counts against the word itself.
const PREFIX: f32 = 0.7;
const TYPO: f32 = 0.5;
/// What a word in a topic's title adds beyond its weight in the text, unsaturated: a topic
/// named for the word is about it, however often a longer topic mentions it.
const TITLED: f32 = 1.0;

/// One topic that matches, best line first.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: PageKind,
    /// How results name it: "2.4", "2", "home", "learning-path"; `pyguide show` opens it.
    pub key: String,
    /// The page it opens (a section's heading opens the section's first page).
    pub page: PageId,
    pub title: String,
    /// The guide line that matches best.
    pub line: GuideLine,
    pub score: f32,
    /// How many of the query's words the topic has.
    pub matched: usize,
    /// The index terms that matched, for marking them in a snippet. Shared by every hit.
    pub terms: Arc<[String]>,
}

/// The index terms a query word stands for, with their postings and how much each counts.
struct Expansion<'i> {
    terms: Vec<(&'i str, &'i [Posting], f32)>,
}

/// The topics matching `query`, best first, at most `limit`.
pub fn search(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    rank(index, &Query::parse(query), limit)
}

/// The topics matching a parsed query, best first, at most `limit`.
pub fn rank(index: &Index, query: &Query, limit: usize) -> Vec<Hit> {
    let words: Vec<Expansion> = query.words.iter().map(|w| expand(index, w)).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scores: HashMap<u32, Score> = HashMap::new();
    // Term frequency per topic for the word at hand; dense, as a prefix of one letter
    // reaches most topics.
    let mut tf = vec![0f32; index.topics.len()];
    let mut titled = vec![false; index.topics.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut idfs = Vec::with_capacity(words.len());
    for (w, word) in words.iter().enumerate() {
        for &(_, postings, weight) in &word.terms {
            for p in postings.iter().filter(|p| query.scope.admits(p.field)) {
                let Some(slot) = tf.get_mut(p.topic as usize) else {
                    continue;
                };
                if *slot == 0.0 {
                    touched.push(p.topic);
                }
                *slot += p.field.weight() * weight;
                if p.field == Field::Title {
                    titled[p.topic as usize] = true;
                }
                scores.entry(p.topic).or_default().found.push(Found {
                    line: p.line,
                    title: p.field == Field::Title,
                    word: w,
                    pos: p.pos,
                    weight: p.field.weight() * weight,
                });
            }
        }
        let n = index.topics.len() as f32;
        let containing = touched.len() as f32;
        let idf = (1.0 + (n - containing + 0.5) / (containing + 0.5)).ln();
        idfs.push(idf);
        for topic in touched.drain(..) {
            let tf = std::mem::take(&mut tf[topic as usize]);
            let length = index.topics[topic as usize].length as f32;
            let norm = K1 * (1.0 - B + B * length / index.average_length.max(1.0));
            let entry = scores.entry(topic).or_default();
            let title = std::mem::take(&mut titled[topic as usize]);
            entry.score +=
                idf * (tf * (K1 + 1.0) / (tf + norm) + f32::from(u8::from(title)) * TITLED);
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
        .map(|(topic, s)| hit(index, topic, &s, &idfs, &terms))
        .collect()
}

fn terms_of(words: &[Expansion]) -> Arc<[String]> {
    words
        .iter()
        .flat_map(|w| w.terms.iter().map(|&(t, _, _)| t.to_owned()))
        .collect()
}

/// Every place a query matches, for stepping through them: each line holding one of its
/// words, in every topic the results list (the lines the pages mark).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Occurrences {
    /// (page, guide line), in reading order.
    pub places: Vec<(PageId, GuideLine)>,
    /// The index terms that matched, for marking them.
    pub terms: Arc<[String]>,
}

pub fn occurrences(index: &Index, query: &Query) -> Occurrences {
    let words: Vec<Expansion> = query.words.iter().map(|w| expand(index, w)).collect();
    let admitted = |w: &Expansion<'_>| -> Vec<(PageId, GuideLine)> {
        w.terms
            .iter()
            .flat_map(|&(_, postings, _)| postings)
            .filter(|p| query.scope.admits(p.field))
            .map(|p| (index.topics[p.topic as usize].page, GuideLine(p.line)))
            .collect()
    };
    let mut places: Vec<(PageId, GuideLine)> = words.iter().flat_map(admitted).collect();
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
    /// In the topic's title, which a result shows anyway.
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
    if let Some(v) = index.postings.get_key_value(term) {
        add(v.0, 1.0);
    }
    if word.open {
        let typed = word.typed.as_str();
        let from = index.vocabulary.partition_point(|v| v.as_str() < typed);
        let longer = index.vocabulary[from..]
            .iter()
            .take_while(|v| v.starts_with(typed));
        let from = index.surfaces.partition_point(|(s, _)| s.as_str() < typed);
        let written = index.surfaces[from..]
            .iter()
            .take_while(|(s, _)| s.starts_with(typed))
            .map(|(_, t)| t);
        let mut more: Vec<&'i String> = longer.chain(written).filter(|v| *v != term).collect();
        more.sort_unstable();
        more.dedup();
        for v in more {
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

/// A hit for a topic, pointing at its best line: the one holding most of the query's
/// words, then a line of the body over the title (a result shows the title already), then
/// the weightiest (rarer words weigh more), then the first.
fn hit(index: &Index, topic: u32, s: &Score, idfs: &[f32], terms: &Arc<[String]>) -> Hit {
    #[derive(Default)]
    struct Line {
        words: Vec<usize>,
        body: bool,
        weight: f32,
    }
    let mut per_line: HashMap<u32, Line> = HashMap::new();
    for f in &s.found {
        let entry = per_line.entry(f.line).or_default();
        if !entry.words.contains(&f.word) {
            entry.words.push(f.word);
        }
        entry.body |= !f.title;
        entry.weight += f.weight * idfs.get(f.word).copied().unwrap_or(1.0);
    }
    let line = per_line
        .into_iter()
        .max_by(|(la, a), (lb, b)| {
            (a.words.len(), a.body)
                .cmp(&(b.words.len(), b.body))
                .then(a.weight.total_cmp(&b.weight))
                .then(lb.cmp(la))
        })
        .map_or(0, |(line, _)| line);
    let info = &index.topics[topic as usize];
    Hit {
        kind: info.kind,
        key: info.key.clone(),
        page: info.page,
        title: info.title.clone(),
        line: GuideLine(line),
        score: s.score,
        matched: s.matched,
        terms: Arc::clone(terms),
    }
}

/// Whether the query's words appear in order, side by side, somewhere in the topic.
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
