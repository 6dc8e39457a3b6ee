//! The tutor's way into search: the index, built the first time someone searches, and the
//! pages its lessons are on.

use std::cell::OnceCell;

use super::book::{Book, Doc, DocId};
use std::sync::Arc;

use crate::search::{Hit, Index, Query, Snippet, occurrences, search, snippet};

/// Results the search box lists at most: more than anyone reads, few enough to rank fast.
pub const MOST: usize = 200;

/// A place a search matched: a page and a guide line on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub doc: DocId,
    pub line: u32,
}

pub struct Finder<'a, 'g> {
    book: &'a Book<'g>,
    index: OnceCell<Index>,
    /// The page of each lesson, by its ordinal in the guide.
    docs: Vec<DocId>,
}

impl<'a, 'g> Finder<'a, 'g> {
    pub fn new(book: &'a Book<'g>) -> Self {
        let docs = (0..book.docs.len())
            .filter(|&id| matches!(book.doc(id), Doc::Lesson { .. }))
            .collect();
        Finder {
            book,
            index: OnceCell::new(),
            docs,
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(self.book.guide))
    }

    /// The lessons matching `query`, best first.
    pub fn hits(&self, query: &str) -> Vec<Hit> {
        search(self.index(), query, MOST)
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

    /// The page a hit's lesson is on.
    pub fn doc_of(&self, hit: &Hit) -> Option<DocId> {
        self.docs.get(hit.ordinal).copied()
    }

    pub fn snippet(&self, hit: &Hit) -> Snippet {
        snippet(self.book.guide, hit)
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
