//! The inverted index: for every term, where it stands (topic, field, guide line, word
//! position), built once from the model.

use std::collections::{HashMap, HashSet};

use memchr::memmem::Finder;

use super::query::{Query, Word, without_final_y};
use super::tokens::tokens;
use super::topics::topics;
use crate::guide::{Block, BlockKind, Guide, PageId, PageKind, Span, plain_text};

/// Where in a lesson a word stands; the ranking weighs them differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Heading,
    Prose,
    Code,
    Table,
    Diagram,
    /// Where a link leads.
    Link,
}

impl Field {
    /// How much a word counts here: a lesson's title says what it is about; code and
    /// diagrams mention many words in passing.
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 6.0,
            Field::Heading => 3.0,
            Field::Prose | Field::Table => 1.0,
            Field::Code => 0.8,
            Field::Diagram | Field::Link => 0.6,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    /// Index of the topic in [`Index::topics`].
    pub topic: u32,
    pub field: Field,
    pub line: u32,
    pub pos: u32,
}

/// A topic as search results name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicInfo {
    pub kind: PageKind,
    /// "2.4", "2", "home", "learning-path".
    pub key: String,
    /// The page a result opens.
    pub page: PageId,
    pub title: String,
    /// Bytes of indexed text in the lesson, for length normalisation. Bytes rather than
    /// words so that a query-only index can count them without reading every word.
    pub length: u32,
}

#[derive(Debug, Default)]
pub struct Index {
    pub topics: Vec<TopicInfo>,
    /// Postings per term, in topic order.
    pub postings: HashMap<String, Vec<Posting>>,
    /// Every term, sorted: for prefixes and near misses.
    pub vocabulary: Vec<String>,
    /// Words whose term differs from how they are written (`threading` → `thread`), as
    /// (written, term), sorted: a word typed partway ("threadin") is a prefix of what is
    /// written, not of the term.
    pub surfaces: Vec<(String, String)>,
    pub average_length: f32,
}

impl Index {
    /// The index of every word of the guide.
    pub fn build(guide: &Guide) -> Index {
        Builder::new(None).guide(guide)
    }

    /// An index of only the words that `query` could match: what a one-off search needs,
    /// at a fraction of the cost. Ranking it for `query` gives what the whole index gives.
    pub fn build_for(guide: &Guide, query: &Query) -> Index {
        let typed = Builder::new(Some(Filter::new(query, &[], Vec::new()))).guide(guide);
        // A word typed past its stem ("logg" of "logging") reaches the stem ("log"), which
        // counts wherever it is written ("log", "logs"): lines the first pass skipped.
        let mut stems: Vec<String> = typed
            .surfaces
            .iter()
            .filter(|(s, t)| {
                query
                    .words
                    .iter()
                    .any(|w| w.admits_written(s) && !w.admits(t))
            })
            .map(|(_, t)| t.clone())
            .collect();
        stems.sort_unstable();
        stems.dedup();
        // Near misses count only for a word that is nowhere as typed; finding them reads
        // far more lines, so a second pass does it, only for such words.
        let missing: Vec<bool> = query
            .words
            .iter()
            .map(|w| {
                let found = typed.vocabulary.iter().any(|t| w.admits(t))
                    || typed.surfaces.iter().any(|(s, _)| w.admits_written(s));
                w.forgives_typos() && !found
            })
            .collect();
        if !missing.contains(&true) && stems.is_empty() {
            return typed;
        }
        Builder::new(Some(Filter::new(query, &missing, stems))).guide(guide)
    }
}

/// What a query-only index keeps: lines holding a needle, and of those only the terms the
/// query's words admit (and their near misses, for the words that take them).
struct Filter<'q> {
    words: Vec<(&'q Word, bool)>,
    /// Terms kept wherever they stand, found through a word typed past its stem.
    stems: Vec<String>,
    finders: Vec<Finder<'static>>,
    /// Whether every needle is ASCII.
    ascii: bool,
    lower: Vec<u8>,
}

impl<'q> Filter<'q> {
    fn new(query: &'q Query, near_misses: &[bool], stems: Vec<String>) -> Filter<'q> {
        let words: Vec<(&Word, bool)> = query
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| (w, near_misses.get(i).copied().unwrap_or(false)))
            .collect();
        let mut needles: Vec<String> = words
            .iter()
            .flat_map(|&(w, near)| match near {
                true => w.near_miss_needles(),
                false => vec![w.needle()],
            })
            .chain(stems.iter().map(|s| without_final_y(s)))
            .collect();
        needles.sort_unstable();
        needles.dedup();
        let finders = needles
            .iter()
            .map(|n| Finder::new(fold(n).as_bytes()).into_owned())
            .collect();
        Filter {
            words,
            stems,
            ascii: needles.iter().all(|n| n.is_ascii()),
            finders,
            lower: Vec::new(),
        }
    }

    /// Whether the query admits a word written `surface` (lowercased) with term `term`.
    fn admits(&self, term: &str, surface: &str) -> bool {
        self.stems.iter().any(|s| s == term)
            || self.words.iter().any(|&(w, near)| {
                w.admits(term) || w.admits_written(surface) || (near && w.admits_near_miss(term))
            })
    }

    /// Whether `text` may hold a term the query admits.
    fn may_match(&mut self, text: &str) -> bool {
        self.lower.clear();
        // Outside ASCII only İ and the Kelvin sign lowercase to ASCII letters, so for ASCII
        // needles lowercasing the ASCII bytes is enough, and much cheaper.
        let bytewise = text.is_ascii()
            || (self.ascii
                && ["\u{130}", "\u{212A}"]
                    .iter()
                    .all(|c| memchr::memmem::find(text.as_bytes(), c.as_bytes()).is_none()));
        if bytewise {
            self.lower
                .extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            self.lower
                .extend_from_slice(fold(&text.to_lowercase()).as_bytes());
        }
        self.finders.iter().any(|f| f.find(&self.lower).is_some())
    }
}

/// Lowercased text with the one letter whose lowercase depends on what follows it made
/// the same: a word lowercased alone may end in ς where the whole line has σ.
fn fold(lower: &str) -> String {
    lower.replace('ς', "σ")
}

struct Builder<'q> {
    index: Index,
    filter: Option<Filter<'q>>,
    surfaces: HashSet<(String, String)>,
    topic: u32,
    /// Word position within the lesson; each text starts past the end of the one before,
    /// so phrases never join across texts.
    pos: u32,
    length: u32,
}

impl<'q> Builder<'q> {
    fn new(filter: Option<Filter<'q>>) -> Builder<'q> {
        Builder {
            index: Index::default(),
            filter,
            surfaces: HashSet::new(),
            topic: 0,
            pos: 0,
            length: 0,
        }
    }

    fn guide(mut self, guide: &Guide) -> Index {
        for topic in topics(guide) {
            self.topic = self.index.topics.len() as u32;
            self.pos = 0;
            self.length = 0;
            self.add(topic.title, Field::Title, topic.line.0);
            self.blocks(topic.blocks);
            self.index.topics.push(TopicInfo {
                kind: topic.kind,
                key: topic.key,
                page: topic.page,
                title: topic.title.to_owned(),
                length: self.length,
            });
        }
        let mut index = self.index;
        let total: u64 = index.topics.iter().map(|l| u64::from(l.length)).sum();
        index.average_length = total as f32 / index.topics.len().max(1) as f32;
        index.vocabulary = index.postings.keys().cloned().collect();
        index.vocabulary.sort_unstable();
        index.surfaces = self.surfaces.into_iter().collect();
        index.surfaces.sort_unstable();
        index
    }
}

impl Builder<'_> {
    fn add(&mut self, text: &str, field: Field, line: u32) {
        let base = self.pos;
        // A text has no more words than bytes, so positions depend only on lengths and a
        // query-only index, skipping most texts, numbers words as the whole index does.
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        self.pos = base.saturating_add(len).saturating_add(2);
        self.length = self.length.saturating_add(len);
        if let Some(filter) = &mut self.filter
            && !filter.may_match(text)
        {
            return;
        }
        for token in tokens(text) {
            // Stemming and case change the length; where neither did, the term is as written.
            let written = &text[token.start..token.end];
            let surface = (token.term.len() != written.len())
                .then(|| written.to_lowercase())
                .filter(|s| *s != token.term);
            if let Some(filter) = &self.filter
                && !filter.admits(&token.term, surface.as_deref().unwrap_or(&token.term))
            {
                continue;
            }
            if let Some(surface) = surface {
                self.surfaces.insert((surface, token.term.clone()));
            }
            let posting = Posting {
                topic: self.topic,
                field,
                line,
                pos: base + token.pos,
            };
            self.index
                .postings
                .entry(token.term)
                .or_default()
                .push(posting);
        }
    }

    fn lines(&mut self, text: &str, field: Field, first: u32) {
        for (i, line) in text.lines().enumerate() {
            self.add(line, field, first + i as u32);
        }
    }

    /// Where links lead counts too, a little: "huggingface" finds the Hugging Face link.
    fn links(&mut self, spans: &[Span], line: u32) {
        let mut last = None;
        for link in spans.iter().filter_map(|s| s.link.as_deref()) {
            if last != Some(link) {
                self.add(link, Field::Link, line);
            }
            last = Some(link);
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            let line = block.lines.first;
            match &block.kind {
                BlockKind::Paragraph(spans) => {
                    self.add(&plain_text(spans), Field::Prose, line);
                    self.links(spans, line);
                }
                BlockKind::Heading { spans, .. } => {
                    self.add(&plain_text(spans), Field::Heading, line)
                }
                // The fence is the block's first line; the code starts on the next.
                BlockKind::Code { text, .. } => self.lines(text, Field::Code, line + 1),
                BlockKind::Diagram(text) => self.lines(text, Field::Diagram, line + 1),
                BlockKind::Html(text) => self.lines(text, Field::Prose, line),
                BlockKind::List(list) => {
                    for item in &list.items {
                        self.blocks(&item.blocks);
                    }
                }
                BlockKind::Quote(inner) => self.blocks(inner),
                BlockKind::Table(table) => {
                    for cell in &table.header {
                        self.add(&plain_text(cell), Field::Table, line);
                    }
                    // Row k is written on the table's line k + 2 (after the delimiter row).
                    for (k, row) in table.rows.iter().enumerate() {
                        for cell in row {
                            self.add(&plain_text(cell), Field::Table, line + 2 + k as u32);
                        }
                    }
                }
                BlockKind::Rule => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;
    use crate::search::rank;

    /// Letters whose lowercase is unusual: the Kelvin sign and İ lowercase to ASCII, a
    /// final Σ lowercases by what follows it, and "copies" stems to "copy". The words are
    /// short, so no second pass for near misses comes to the rescue.
    const ODD: &str = "# T\n\n## 1. A\n\n### 1.1 Kelvin\n\nThe \u{212A}ey ─ box.\n\n\
                       ### 1.2 Turkish\n\n\u{130}nk ─ here.\n\n\
                       ### 1.3 Greek\n\nΟΔΟΣ.x here\n\n### 1.4 Plural\n\nTwo copies.\n";

    #[test]
    fn a_query_only_index_misses_no_unusual_letter() {
        let guide = load::from_bytes("t.md", ODD.as_bytes()).unwrap().guide;
        let full = Index::build(&guide);
        for query in ["key", "İnk", "i", "οδος", "ΟΔΟΣ", "copy", "copies"] {
            let parsed = Query::parse(query);
            let small = Index::build_for(&guide, &parsed);
            let want = rank(&full, &parsed, 10);
            assert!(!want.is_empty(), "{query} finds nothing at all");
            assert_eq!(rank(&small, &parsed, 10), want, "{query}");
        }
    }
}
