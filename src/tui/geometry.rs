//! Where each pane goes for a terminal size: one pure function that drawing, scrolling
//! and mouse hits all use, so they always agree.

use ratatui::layout::{Rect, Size};

/// The smallest terminal the tutor lays out; below it, a notice says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Prose is laid out at most this wide, however wide the terminal: long lines are hard to
/// read. Diagrams wider than this still show whole, as far as the pane allows.
pub const MEASURE: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The sidebar box, borders included (absent when hidden).
    pub sidebar: Option<Rect>,
    /// The sidebar's rows, inside its borders.
    pub toc: Rect,
    /// The lesson box, borders included.
    pub lesson: Rect,
    /// The lesson's text, inside the borders and padding.
    pub body: Rect,
    /// The output of a run, borders included, under the lesson (while there is one).
    pub output: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    /// The panes for `size`, with or without the sidebar and a run's output, or `None`
    /// when the terminal is too small to lay out.
    pub fn new(size: Size, sidebar: bool, output: bool) -> Option<Areas> {
        if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
            return None;
        }
        let main_height = size.height - 1;
        let status = Rect::new(0, main_height, size.width, 1);
        let side_width = if sidebar {
            (size.width / 4 + 2).clamp(22, 44)
        } else {
            0
        };
        let sidebar = sidebar.then(|| Rect::new(0, 0, side_width, main_height));
        let toc = sidebar.map_or(Rect::default(), inner);
        let right = size.width - side_width;
        // Output takes two fifths, and leaves the lesson at least a few lines.
        let output_height = if output {
            (main_height * 2 / 5).clamp(6, main_height.saturating_sub(8).max(6))
        } else {
            0
        };
        let lesson_height = main_height - output_height;
        let lesson = Rect::new(side_width, 0, right, lesson_height);
        let output = output.then(|| Rect::new(side_width, lesson_height, right, output_height));
        let inside = inner(lesson);
        // One column of padding each side keeps text off the borders.
        let body = Rect::new(
            inside.x + 1,
            inside.y,
            inside.width.saturating_sub(2),
            inside.height,
        );
        Some(Areas {
            sidebar,
            toc,
            lesson,
            body,
            output,
            status,
        })
    }

    /// The width lessons are laid out at.
    pub fn text_width(&self) -> usize {
        (self.body.width as usize).clamp(1, MEASURE)
    }
}

/// The help overlay: centred, as tall as its `rows` of text or the screen allows.
pub fn help_box(size: Size, rows: usize) -> Rect {
    let width = size.width.saturating_sub(4).min(76);
    let wanted = u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX);
    let height = size.height.saturating_sub(4).min(wanted);
    Rect::new(
        (size.width - width) / 2,
        (size.height - height) / 2,
        width,
        height,
    )
}

/// Rows of text the help box shows at once.
pub fn help_rows(size: Size, rows: usize) -> usize {
    inner(help_box(size, rows)).height as usize
}

/// Rows one search result takes: the lesson, then its matching line.
pub const RESULT_ROWS: u16 = 2;

/// The search box: over the whole lesson pane, so its height never jumps as you type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchBox {
    pub frame: Rect,
    /// The query's line, inside the border and padding.
    pub input: Rect,
    /// The line between the query and the results.
    pub rule: Rect,
    pub list: Rect,
}

impl SearchBox {
    pub fn new(areas: &Areas) -> SearchBox {
        let frame = areas.lesson;
        let inside = inner(frame);
        let row = |y: u16, height: u16| Rect::new(inside.x, y, inside.width, height);
        SearchBox {
            frame,
            input: Rect::new(inside.x + 1, inside.y, inside.width.saturating_sub(2), 1),
            rule: row(inside.y + 1, 1),
            list: row(inside.y + 2, inside.height.saturating_sub(2)),
        }
    }

    /// How many results show at once.
    pub fn shown(&self) -> usize {
        usize::from(self.list.height / RESULT_ROWS).max(1)
    }

    /// The result at row `y` of the screen, counting from the first shown.
    pub fn result_at(&self, x: u16, y: u16) -> Option<usize> {
        contains(self.list, x, y).then(|| usize::from((y - self.list.y) / RESULT_ROWS))
    }
}

/// The area inside a one-cell border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x.saturating_add(r.width) && y >= r.y && y < r.y.saturating_add(r.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        let a = Areas::new(Size::new(120, 40), true, false).unwrap();
        let side = a.sidebar.unwrap();
        assert_eq!(side.width + a.lesson.width, 120);
        assert_eq!(side.height, 39);
        assert_eq!(a.status, Rect::new(0, 39, 120, 1));
        assert_eq!(a.body.width, a.lesson.width - 4);
        assert_eq!(a.text_width(), a.body.width as usize);
    }

    #[test]
    fn prose_stops_at_the_measure_on_wide_screens() {
        let a = Areas::new(Size::new(300, 60), true, false).unwrap();
        assert_eq!(a.text_width(), MEASURE);
        assert!(a.body.width as usize > MEASURE);
    }

    #[test]
    fn below_the_minimum_there_is_no_layout() {
        assert!(Areas::new(Size::new(59, 40), true, false).is_none());
        assert!(Areas::new(Size::new(120, 14), true, false).is_none());
        assert!(Areas::new(Size::new(60, 15), true, false).is_some());
    }

    #[test]
    fn a_run_s_output_goes_under_the_lesson() {
        let a = Areas::new(Size::new(120, 40), true, true).unwrap();
        let (lesson, output) = (a.lesson, a.output.unwrap());
        assert_eq!((output.x, output.width), (lesson.x, lesson.width));
        assert_eq!(lesson.bottom(), output.y);
        assert_eq!(output.bottom(), a.status.y);
        assert_eq!(output.height, 15);
        // The smallest screen still shows lines of both.
        let a = Areas::new(Size::new(60, 15), true, true).unwrap();
        assert_eq!((a.lesson.height, a.output.unwrap().height), (8, 6));
    }

    #[test]
    fn without_the_sidebar_the_lesson_takes_the_width() {
        let a = Areas::new(Size::new(80, 24), false, false).unwrap();
        assert!(a.sidebar.is_none());
        assert_eq!(a.lesson.width, 80);
    }

    #[test]
    fn the_search_box_covers_the_lesson_pane_and_finds_results_by_row() {
        let a = Areas::new(Size::new(60, 15), true, false).unwrap();
        let b = SearchBox::new(&a);
        assert_eq!(b.frame, a.lesson);
        assert_eq!(b.input.y + 2, b.list.y);
        assert_eq!(b.list.bottom() + 1, a.lesson.bottom());
        assert_eq!(b.shown(), 5);
        assert_eq!(b.result_at(b.list.x, b.list.y + 3), Some(1));
        assert_eq!(b.result_at(b.list.x, b.input.y), None);
    }

    #[test]
    fn the_help_box_fits_any_size() {
        for (w, h) in [(1, 1), (8, 4), (60, 15), (200, 60)] {
            let r = help_box(Size::new(w, h), 40);
            assert!(r.x + r.width <= w && r.y + r.height <= h);
        }
    }
}
