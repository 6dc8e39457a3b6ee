//! Laid-out pages, cached per (page, width): a keypress redraws from the cache, and code is
//! highlighted only when its page is first shown.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use ratatui::text::Line;

use super::book::Book;
use super::contain::contain;
use crate::guide::{Block, Guide, GuideLine, Lines, PageId};
use crate::render::{Overflow, Page, Rendered, Theme};

/// A page laid out, or why it could not be.
pub type Laid = Result<Rc<Rendered>, Rc<str>>;

type LayoutFn = fn(&Page<'_>, usize) -> Rendered;

pub struct Pages<'g> {
    guide: &'g Guide,
    welcome: &'g [Block],
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
        let n = book.guide.pages().len();
        Pages {
            guide: book.guide,
            welcome: &book.welcome,
            theme: theme.clone(),
            pages: (0..n).map(|_| OnceCell::new()).collect(),
            laid: RefCell::new(vec![None; n]),
            layout,
        }
    }

    /// Page `page` laid out `width` columns wide.
    pub fn get(&self, page: PageId, width: usize) -> Laid {
        if let Some(Some((w, laid))) = self.laid.borrow().get(page.index())
            && *w == width
        {
            return laid.clone();
        }
        let laid = self.lay_out(page, width);
        if let Some(slot) = self.laid.borrow_mut().get_mut(page.index()) {
            *slot = Some((width, laid.clone()));
        }
        laid
    }

    /// Page `page` at `width` if it is laid out already; never lays it out.
    pub fn cached(&self, page: PageId, width: usize) -> Option<Rc<Rendered>> {
        match self.laid.borrow().get(page.index()) {
            Some(Some((w, Ok(page)))) if *w == width => Some(Rc::clone(page)),
            _ => None,
        }
    }

    /// How many lines page `page` has at `width`, and its widest line.
    pub fn extent(&self, page: PageId, width: usize) -> (usize, usize) {
        match self.get(page, width) {
            Ok(r) => (
                r.lines.len(),
                r.lines.iter().map(Line::width).max().unwrap_or(0),
            ),
            Err(_) => (0, 0),
        }
    }

    /// The rows of page `page` at `width` that show guide lines `lines` (a code block's),
    /// if it is laid out and shows them.
    pub fn rows_of(&self, page: PageId, width: usize, lines: Lines) -> Option<Range<usize>> {
        let laid = self.get(page, width).ok()?;
        let inside = |s: &GuideLine| (lines.first..=lines.last).contains(&s.0);
        let first = laid.source.iter().position(inside)?;
        let count = laid.source[first..]
            .iter()
            .take_while(|s| inside(s))
            .count();
        Some(first..first + count)
    }

    fn lay_out(&self, page: PageId, width: usize) -> Laid {
        let Some(cell) = self.pages.get(page.index()) else {
            return Err(format!("there is no page {}", page.index()).into());
        };
        let layout = self.layout;
        let result = contain(|| {
            let page = cell.get_or_init(|| self.page(page));
            layout(page, width)
        });
        result.map(Rc::new).map_err(Rc::from)
    }

    fn page(&self, id: PageId) -> Page<'g> {
        match id == self.guide.home() {
            true => Page::with_more(self.guide, id, self.welcome, &self.theme),
            false => Page::of(self.guide, id, &self.theme),
        }
    }
}

#[cfg(test)]
mod tests;
