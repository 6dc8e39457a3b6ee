//! Laid-out pages, cached per (page, width): a keypress redraws from the cache, and code is
//! highlighted only when its page is first shown.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use ratatui::text::Line;

use super::book::{Book, Doc, DocId};
use super::contain::contain;
use crate::guide::{Block, Guide, Lines};
use crate::render::{Overflow, Page, Rendered, Theme};

/// A page laid out, or why it could not be.
pub type Laid = Result<Rc<Rendered>, Rc<str>>;

type LayoutFn = fn(&Page<'_>, usize) -> Rendered;

pub struct Pages<'g> {
    guide: &'g Guide,
    welcome: &'g [Block],
    docs: Vec<Doc>,
    theme: Theme,
    pages: Vec<OnceCell<Page<'g>>>,
    /// The last layout of each page and its width: resizing replaces it rather than
    /// piling up layouts for every width a drag passes through.
    laid: RefCell<Vec<Option<(usize, Laid)>>>,
    layout: LayoutFn,
}

fn lay_out(page: &Page<'_>, width: usize) -> Rendered {
    page.layout(width, Overflow::Keep)
}

impl<'g> Pages<'g> {
    pub fn new(book: &'g Book<'_>, theme: &Theme) -> Self {
        Self::with_layout(book, theme, lay_out)
    }

    /// With another layout function, so tests can make a page fail.
    pub(crate) fn with_layout(book: &'g Book<'_>, theme: &Theme, layout: LayoutFn) -> Self {
        let n = book.docs.len();
        Pages {
            guide: book.guide,
            welcome: &book.welcome,
            docs: book.docs.clone(),
            theme: theme.clone(),
            pages: (0..n).map(|_| OnceCell::new()).collect(),
            laid: RefCell::new(vec![None; n]),
            layout,
        }
    }

    /// Page `doc` laid out `width` columns wide.
    pub fn get(&self, doc: DocId, width: usize) -> Laid {
        if let Some(Some((w, laid))) = self.laid.borrow().get(doc)
            && *w == width
        {
            return laid.clone();
        }
        let laid = self.lay_out(doc, width);
        if let Some(slot) = self.laid.borrow_mut().get_mut(doc) {
            *slot = Some((width, laid.clone()));
        }
        laid
    }

    /// Page `doc` at `width` if it is laid out already; never lays it out.
    pub fn cached(&self, doc: DocId, width: usize) -> Option<Rc<Rendered>> {
        match self.laid.borrow().get(doc) {
            Some(Some((w, Ok(page)))) if *w == width => Some(Rc::clone(page)),
            _ => None,
        }
    }

    /// How many lines page `doc` has at `width`, and its widest line.
    pub fn extent(&self, doc: DocId, width: usize) -> (usize, usize) {
        match self.get(doc, width) {
            Ok(r) => (
                r.lines.len(),
                r.lines.iter().map(Line::width).max().unwrap_or(0),
            ),
            Err(_) => (0, 0),
        }
    }

    /// The rows of page `doc` at `width` that show guide lines `lines` (a code block's),
    /// if it is laid out and shows them.
    pub fn rows_of(&self, doc: DocId, width: usize, lines: Lines) -> Option<Range<usize>> {
        let laid = self.get(doc, width).ok()?;
        let inside = |s: &u32| (lines.first..=lines.last).contains(s);
        let first = laid.source.iter().position(inside)?;
        let count = laid.source[first..]
            .iter()
            .take_while(|s| inside(s))
            .count();
        Some(first..first + count)
    }

    fn lay_out(&self, doc: DocId, width: usize) -> Laid {
        let Some(cell) = self.pages.get(doc) else {
            return Err(format!("there is no page {doc}").into());
        };
        let layout = self.layout;
        let result = contain(|| {
            let page = cell.get_or_init(|| self.page(doc));
            layout(page, width)
        });
        result.map(Rc::new).map_err(Rc::from)
    }

    fn page(&self, doc: DocId) -> Page<'g> {
        let guide = self.guide;
        let theme = &self.theme;
        match self.docs.get(doc).copied().unwrap_or(Doc::Home) {
            Doc::Home => Page::home(guide, self.welcome, theme),
            Doc::Intro { section } => Page::section_intro(&guide.sections[section], theme),
            Doc::Lesson { section, lesson } => {
                Page::lesson(&guide.sections[section].lessons[lesson], theme)
            }
            Doc::Part(p) => Page::part(&guide.parts[p], theme),
        }
    }
}

#[cfg(test)]
mod tests;
