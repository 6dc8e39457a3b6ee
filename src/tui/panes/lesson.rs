//! The page on screen: a breadcrumb, then the laid-out lines from the shared renderer,
//! scrolled down and (for wide diagrams) sideways.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};
use unicode_segmentation::UnicodeSegmentation;

use super::marks::{Neighbours, mark_row};
use super::path::PathPane;
use super::scrollbar;
use crate::guide::GuideLine;
use crate::render::{Rendered, display_width, fit};
use crate::tui::action::Action;
use crate::tui::keymap::key_for;
use crate::tui::state::{Focus, State};
use crate::tui::theme::Styles;
use crate::tui::update::Context;

pub struct LessonPane<'a, 'g> {
    pub state: &'a State,
    pub ctx: &'a Context<'a, 'g>,
    /// Where the text goes, inside the borders and padding.
    pub body: Rect,
    pub width: usize,
}

impl Widget for LessonPane<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, styles) = (self.state, self.ctx.styles);
        let border = if state.focus == Focus::Lesson {
            styles.border_focused
        } else {
            styles.border
        };
        let title = self.breadcrumb(usize::from(area.width).saturating_sub(4));
        let frame = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(border)
            .title(title);
        if state.on_path() {
            // The learning path's page is its checklist, not the guide's text.
            let path = PathPane {
                state,
                ctx: self.ctx,
            };
            path.frame(frame, state.focus == Focus::Lesson)
                .render(area, buf);
            path.render(self.body, buf);
            return;
        }
        frame.render(area, buf);
        match self.ctx.pages.get(state.page, self.width) {
            Ok(page) => {
                self.rows(&page, buf);
                let (height, first) = (usize::from(self.body.height), state.scroll);
                let first = first.min(page.lines.len());
                scrollbar(buf, area, page.lines.len(), height, first, border);
            }
            Err(error) => self.failed(&error, buf),
        }
    }
}

impl LessonPane<'_, '_> {
    /// The page's rows on screen: scrolled down, and sideways for what is wider than the
    /// pane, with the search's marks and the focused code block lit.
    fn rows(&self, page: &Rendered, buf: &mut Buffer) {
        let (state, styles, body) = (self.state, self.ctx.styles, self.body);
        let first = state.scroll.min(page.lines.len());
        // Only pieces wider than the pane move sideways; prose that fits stays put.
        let moves = page.wider_than(usize::from(body.width));
        let marks = self.marks();
        let focused = self.focused_rows();
        let visible = page.lines.iter().zip(moves).zip(&page.source);
        let visible = visible
            .enumerate()
            .skip(first)
            .take(usize::from(body.height));
        for (i, (k, ((line, moves), &source))) in visible.enumerate() {
            let y = body.y + i as u16;
            let skip = if moves { state.hscroll } else { 0 };
            // Rows wrapped from the same guide line, for words a wrap cut in two.
            let row = |at: Option<usize>| {
                let at = at.filter(|&j| page.source.get(j) == Some(&source))?;
                page.lines.get(at)
            };
            let rows = Neighbours {
                before: row(k.checked_sub(1)),
                after: row(Some(k + 1)),
            };
            let marked = marks
                .as_ref()
                .and_then(|m| m.mark(line, rows, source, styles));
            let mut shown = marked.as_ref().unwrap_or(line);
            let in_focus = focused.as_ref().is_some_and(|r| r.contains(&k));
            let lit = in_focus.then(|| self.light_frame(shown));
            shown = lit.as_ref().unwrap_or(shown);
            draw_from(buf, body.x, y, shown, skip, body.width);
            if in_focus && body.x > 0 {
                buf[(body.x - 1, y)]
                    .set_symbol("▌")
                    .set_style(styles.border_focused);
            }
            self.mark_cut(buf, y, line.width(), skip);
        }
    }

    /// A page whose layout failed: why, and that the rest of the guide still works.
    fn failed(&self, error: &str, buf: &mut Buffer) {
        let styles = self.ctx.styles;
        let text = vec![
            Line::styled("This page could not be shown.", styles.error),
            Line::default(),
            Line::raw(fit(error, usize::MAX)),
            Line::default(),
            Line::styled(
                format!(
                    "The rest of the guide still works: press {} or {} to turn the page.",
                    key_for(Action::NextPage),
                    key_for(Action::PreviousPage)
                ),
                styles.page.muted,
            ),
        ];
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .render(self.body, buf);
    }

    /// What to mark on this page: the last search's terms, and the line of the match
    /// last jumped to, when the page has matches and they are marked.
    fn marks(&self) -> Option<Marks<'_>> {
        let matches = self.state.matches.as_ref().filter(|m| m.marked)?;
        let page = self.state.page;
        let on_page = matches.places.iter().any(|p| p.page == page);
        let current = matches.places.get(matches.current);
        on_page.then(|| Marks {
            terms: &matches.terms,
            current: current.filter(|p| p.page == page).map(|p| p.line),
        })
    }

    /// The page rows of the code block with focus, if it is on this page.
    fn focused_rows(&self) -> Option<std::ops::Range<usize>> {
        let (state, ctx) = (self.state, self.ctx);
        let code = ctx.book.code(state.page);
        let block = code.get(state.block?)?;
        ctx.pages.rows_of(state.page, self.width, block.block.lines)
    }

    /// `line` with its frame drawn in the focus colour.
    fn light_frame(&self, line: &Line) -> Line<'static> {
        let styles = self.ctx.styles;
        let spans = line.spans.iter().map(|span| {
            let box_drawing = |c: char| ('\u{2500}'..='\u{257F}').contains(&c);
            let text = &span.content;
            let frame = text.chars().any(box_drawing)
                && text.chars().all(|c| box_drawing(c) || c == ' ' || c == '↪');
            let style = if frame && span.style == styles.page.border {
                styles.border_focused
            } else {
                span.style
            };
            Span::styled(span.content.to_string(), style)
        });
        Line::from(spans.collect::<Vec<_>>()).style(line.style)
    }

    /// A line cut by the pane's edges gets `‹` or `›` in the padding beside it, so wide
    /// diagrams say there is more to see without a cell of them changing.
    fn mark_cut(&self, buf: &mut Buffer, y: u16, line_width: usize, skip: usize) {
        let body = self.body;
        let style = self.ctx.styles.page.marker;
        if skip > 0 && line_width > 0 && body.x > 0 {
            buf[(body.x - 1, y)].set_symbol("‹").set_style(style);
        }
        if line_width > skip + usize::from(body.width) {
            buf[(body.right(), y)].set_symbol("›").set_style(style);
        }
    }

    /// "2 Python Internals & Architecture › 2.4 Global Interpreter Lock (GIL)", shortened
    /// from the outside in to fit `room` columns.
    fn breadcrumb(&self, room: usize) -> Line<'static> {
        let styles = self.ctx.styles;
        let parts = self.ctx.book.breadcrumb(self.state.page);
        const SEPARATOR: &str = " › ";
        let Some((last, outer)) = parts.split_last() else {
            return Line::default();
        };
        let last_width = display_width(last);
        let mut spans = vec![Span::raw(" ")];
        let mut left = room.saturating_sub(2);
        for part in outer {
            // Outer parts get what the innermost leaves over, and at least a few columns.
            let keep = left
                .saturating_sub(last_width + display_width(SEPARATOR))
                .min(display_width(part));
            if keep < 4 {
                continue;
            }
            let shown = fit(part, keep);
            left = left.saturating_sub(display_width(&shown) + display_width(SEPARATOR));
            spans.push(Span::styled(shown, styles.page.muted));
            spans.push(Span::styled(SEPARATOR, styles.crumb_separator));
        }
        spans.push(Span::styled(fit(last, left), styles.pane_title));
        spans.push(Span::raw(" "));
        Line::from(spans)
    }
}

struct Marks<'a> {
    terms: &'a [String],
    current: Option<GuideLine>,
}

impl Marks<'_> {
    /// `line` (showing guide line `source`) with its matches marked, if it has any.
    fn mark(
        &self,
        line: &Line,
        rows: Neighbours<'_>,
        source: GuideLine,
        styles: &Styles,
    ) -> Option<Line<'static>> {
        if !source.is_real() {
            return None;
        }
        let style = match self.current == Some(source) {
            true => styles.found_current,
            false => styles.found,
        };
        mark_row(line, rows, self.terms, style)
    }
}

/// Draws `line` at (x, y) from column `skip` on, at most `width` columns. A wide character
/// cut by the left edge shows as spaces, so every other column stays where it belongs.
pub fn draw_from(buf: &mut Buffer, x: u16, y: u16, line: &Line, skip: usize, width: u16) {
    if skip == 0 {
        buf.set_line(x, y, line, width);
        return;
    }
    let (mut column, mut at, end) = (0usize, x, x.saturating_add(width));
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for grapheme in span.content.graphemes(true) {
            let w = display_width(grapheme);
            let (start, stop) = (column, column + w);
            column = stop;
            if stop <= skip || w == 0 {
                continue;
            }
            if at >= end || (start >= skip && at + w as u16 > end) {
                return;
            }
            if start < skip {
                // Straddles the left edge: show the visible part as blanks.
                for _ in skip..stop {
                    buf[(at, y)].set_symbol(" ").set_style(style);
                    at += 1;
                }
            } else {
                let (next, _) = buf.set_stringn(at, y, grapheme, w, style);
                at = next;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn row(line: &Line, skip: usize, width: u16) -> String {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        draw_from(&mut buf, 1, 0, line, skip, width);
        buf.content().iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn lines_shift_left_by_columns() {
        let line = Line::from(vec![
            Span::raw("┌──"),
            Span::styled("──┐", Style::default()),
        ]);
        assert_eq!(row(&line, 0, 10), " ┌────┐     ");
        assert_eq!(row(&line, 2, 10), " ───┐       ");
        assert_eq!(row(&line, 6, 10), "            ");
        assert_eq!(row(&line, 1, 3), " ───        ");
    }

    #[test]
    fn a_wide_character_cut_by_an_edge_becomes_blanks() {
        // A wide character's second cell is blank in the buffer: "本" + " ".
        let line = Line::raw("日本語");
        assert_eq!(row(&line, 0, 10), " 日 本 語      ");
        assert_eq!(row(&line, 1, 10), "  本 語       ");
        // At the right edge a character that does not fit whole is not drawn.
        assert_eq!(row(&line, 2, 3), " 本          ");
        assert_eq!(row(&line, 0, 5), " 日 本        ");
    }
}
