//! The tutor's way into search: the index, built the first time someone searches, and the
//! pages its lessons are on.

use std::cell::OnceCell;

use super::book::{Book, Doc, DocId};
use std::sync::Arc;

use crate::guide::Guide;
use crate::search::{
    Hit, Index, Query, Snippet, Snippets, TopicId, occurrences, rank, teaching, topics,
};

/// Results the search box lists at most: more than anyone reads, few enough to rank fast.
pub const MOST: usize = 200;

/// Lessons listed under a learning-path item at most.
const TAUGHT: usize = 4;

/// A lesson (or section) that teaches a learning-path item: how it is named, and its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taught {
    pub label: String,
    pub doc: DocId,
}

/// A place a search matched: a page and a guide line on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub doc: DocId,
    pub line: u32,
}

pub struct Finder<'a, 'g> {
    book: &'a Book<'g>,
    index: OnceCell<Index>,
    snippets: OnceCell<Snippets<'g>>,
    taught: OnceCell<Vec<Vec<Taught>>>,
    /// The page of each search topic, by its ordinal.
    docs: Vec<DocId>,
}

impl<'a, 'g> Finder<'a, 'g> {
    pub fn new(book: &'a Book<'g>) -> Self {
        // Topics and pages are both in reading order, so the k-th lesson topic is the k-th
        // lesson page (ids may repeat in a guide, so they cannot be matched by id).
        let mut lessons =
            (0..book.docs.len()).filter(|&d| matches!(book.doc(d), Doc::Lesson { .. }));
        let docs = topics(book.guide)
            .iter()
            .map(|topic| match topic.id {
                TopicId::Lesson(_) => lessons.next(),
                id => page_of(book, id),
            })
            .map(|doc| doc.unwrap_or(0))
            .collect();
        Finder {
            book,
            index: OnceCell::new(),
            snippets: OnceCell::new(),
            taught: OnceCell::new(),
            docs,
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(self.book.guide))
    }

    /// The lessons matching `query`, best first.
    pub fn hits(&self, query: &str) -> Vec<Hit> {
        let query = Query::parse(query);
        // A filter half typed ("in:co") finds nothing until it is whole; the box says why.
        if query.problem_while_typing().is_some() {
            return Vec::new();
        }
        rank(self.index(), &query, MOST)
    }

    /// Every place `query` matches, in reading order, and the terms to mark there.
    pub fn places(&self, query: &str) -> (Vec<Place>, Arc<[String]>) {
        let found = occurrences(self.index(), &Query::parse(query));
        let places = found
            .places
            .iter()
            .filter_map(|&(ordinal, line)| {
                let doc = *self.docs.get(ordinal as usize)?;
                Some(Place { doc, line })
            })
            .collect();
        (places, found.terms)
    }

    /// The page a hit's topic is on.
    pub fn doc_of(&self, hit: &Hit) -> Option<DocId> {
        self.docs.get(hit.ordinal).copied()
    }

    /// For each learning-path item, in order, the lessons (or sections) that teach it.
    pub fn teaching(&self) -> &[Vec<Taught>] {
        self.taught.get_or_init(|| {
            let index = self.index();
            let items = self.book.guide.items();
            items
                .map(|item| {
                    let hits = teaching(index, &item.text, TAUGHT);
                    hits.iter()
                        .filter_map(|hit| {
                            let doc = self.doc_of(hit)?;
                            let label = hit.label.clone();
                            Some(Taught { label, doc })
                        })
                        .collect()
                })
                .collect()
        })
    }

    pub fn snippet(&self, hit: &Hit) -> Snippet {
        let guide: &'g Guide = self.book.guide;
        self.snippets.get_or_init(|| Snippets::new(guide)).of(hit)
    }
}

/// The page showing `topic`, other than a lesson. A section without an introduction has
/// no page of its own; its first lesson stands for it.
fn page_of(book: &Book, topic: TopicId) -> Option<DocId> {
    let intro = |n| {
        book.docs.iter().position(|&doc| match doc {
            Doc::Intro { section } => book.guide.sections.get(section).map(|s| s.number) == Some(n),
            _ => false,
        })
    };
    match topic {
        TopicId::Home => book.docs.iter().position(|&d| d == Doc::Home),
        TopicId::Section(n) => intro(n).or_else(|| book.first_of_section(n)),
        TopicId::Part(p) => book.docs.iter().position(|&d| d == Doc::Part(p)),
        TopicId::Lesson(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    #[test]
    fn hits_and_places_land_on_the_lesson_pages() {
        let guide = load::builtin().unwrap().guide;
        let book = Book::new(&guide);
        let finder = Finder::new(&book);
        let hits = finder.hits("gil");
        let doc = finder.doc_of(&hits[0]).unwrap();
        assert_eq!(
            book.breadcrumb(doc).last().unwrap(),
            "2.4 Global Interpreter Lock (GIL)"
        );
        let (places, _) = finder.places("gil");
        assert!(places.contains(&Place {
            doc,
            line: hits[0].line
        }));
        assert!(places.windows(2).all(|w| w[0] < w[1]), "in reading order");
        let found = occurrences(finder.index(), &Query::parse("gil"));
        assert_eq!(places.len(), found.places.len());
    }
}
