//! The inverted index: for every term, where it stands (lesson, field, guide line, word
//! position), built once from the model.

use std::collections::HashMap;

use super::tokens::tokens;
use crate::guide::{Block, BlockKind, Guide, LessonId, plain_text};

/// Where in a lesson a word stands; the ranking weighs them differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Heading,
    Prose,
    Code,
    Table,
    Diagram,
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
            Field::Diagram => 0.6,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    /// Index of the lesson in [`Index::lessons`].
    pub lesson: u32,
    pub field: Field,
    pub line: u32,
    pub pos: u32,
}

/// A lesson as search results name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonInfo {
    pub id: LessonId,
    pub title: String,
    /// Words in the lesson, for length normalisation.
    pub words: u32,
}

#[derive(Debug, Default)]
pub struct Index {
    pub lessons: Vec<LessonInfo>,
    /// Postings per term, in lesson order.
    pub postings: HashMap<String, Vec<Posting>>,
    /// Every term, sorted: for prefixes and near misses.
    pub vocabulary: Vec<String>,
    pub average_words: f32,
}

impl Index {
    pub fn build(guide: &Guide) -> Index {
        let mut builder = Builder::default();
        for lesson in guide.lessons() {
            let n = builder.index.lessons.len() as u32;
            builder.lesson = n;
            builder.pos = 0;
            builder.words = 0;
            builder.add(&lesson.title, Field::Title, lesson.line);
            builder.blocks(&lesson.blocks);
            builder.index.lessons.push(LessonInfo {
                id: lesson.id,
                title: lesson.title.clone(),
                words: builder.words,
            });
        }
        let mut index = builder.index;
        let total: u64 = index.lessons.iter().map(|l| u64::from(l.words)).sum();
        index.average_words = total as f32 / index.lessons.len().max(1) as f32;
        index.vocabulary = index.postings.keys().cloned().collect();
        index.vocabulary.sort_unstable();
        index
    }
}

#[derive(Default)]
struct Builder {
    index: Index,
    lesson: u32,
    /// Word position within the lesson; each text starts a few words on, so phrases never
    /// join across blocks.
    pos: u32,
    words: u32,
}

impl Builder {
    fn add(&mut self, text: &str, field: Field, line: u32) {
        let base = self.pos;
        let mut last = base;
        for token in tokens(text) {
            // Multi-line text (code, diagrams) passes its lines one by one; `line` is exact.
            let pos = base + token.pos;
            last = last.max(pos);
            self.words += 1;
            let posting = Posting {
                lesson: self.lesson,
                field,
                line,
                pos,
            };
            self.index
                .postings
                .entry(token.term)
                .or_default()
                .push(posting);
        }
        self.pos = last + 2;
    }

    fn lines(&mut self, text: &str, field: Field, first: u32) {
        for (i, line) in text.lines().enumerate() {
            self.add(line, field, first + i as u32);
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            let line = block.lines.first;
            match &block.kind {
                BlockKind::Paragraph(spans) => self.add(&plain_text(spans), Field::Prose, line),
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
