//! The tutor's way into search: the index, built the first time someone searches, and the
//! pages its lessons are on.

use std::cell::OnceCell;
use std::sync::Arc;

use super::book::Book;
use crate::guide::{Guide, GuideLine, PageId};
use crate::search::{Hit, Index, Query, Snippet, Snippets, occurrences, rank, teaching};

/// Results the search box lists at most: more than anyone reads, few enough to rank fast.
pub const MOST: usize = 200;

/// Lessons listed under a learning-path item at most.
const TAUGHT: usize = 4;

/// A lesson (or section) that teaches a learning-path item: how it is named, and its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taught {
    pub key: String,
    pub page: PageId,
}

/// A place in the guide: a page and a guide line on it. Places sort in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub page: PageId,
    pub line: GuideLine,
}

pub struct Finder<'a, 'g> {
    book: &'a Book<'g>,
    index: OnceCell<Index>,
    snippets: OnceCell<Snippets<'g>>,
    taught: OnceCell<Vec<Vec<Taught>>>,
}

impl<'a, 'g> Finder<'a, 'g> {
    pub fn new(book: &'a Book<'g>) -> Self {
        Finder {
            book,
            index: OnceCell::new(),
            snippets: OnceCell::new(),
            taught: OnceCell::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(self.book.guide))
    }

    /// The pages matching `query`, best first.
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
        let places = found.places.iter();
        let places = places.map(|&(page, line)| Place { page, line }).collect();
        (places, found.terms)
    }

    /// For each learning-path item, in order, the lessons (or sections) that teach it.
    pub fn teaching(&self) -> &[Vec<Taught>] {
        self.taught.get_or_init(|| {
            let index = self.index();
            let items = self.book.guide.items();
            items
                .map(|item| {
                    let hits = teaching(index, &item.text, TAUGHT).into_iter();
                    hits.map(|hit| Taught {
                        key: hit.key,
                        page: hit.page,
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
        let page = hits[0].page;
        assert_eq!(
            book.breadcrumb(page).last().unwrap(),
            "2.4 Global Interpreter Lock (GIL)"
        );
        let (places, _) = finder.places("gil");
        assert!(places.contains(&Place {
            page,
            line: hits[0].line
        }));
        assert!(places.windows(2).all(|w| w[0] < w[1]), "in reading order");
        let found = occurrences(finder.index(), &Query::parse("gil"));
        assert_eq!(places.len(), found.places.len());
    }
}
