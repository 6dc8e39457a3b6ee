//! The table of contents: sections that fold open to their lessons, each lesson marked
//! read (✓) or not (○) and each section with how many of its lessons are read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::scrollbar;

use crate::render::{display_width, fit};
use crate::tui::book::Entry;
use crate::tui::state::{Focus, State};
use crate::tui::update::Context;

pub struct Sidebar<'a, 'g> {
    pub state: &'a State,
    pub ctx: &'a Context<'a, 'g>,
}

impl Widget for Sidebar<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, styles) = (self.state, self.ctx.styles);
        let focused = state.focus == Focus::Sidebar;
        let border = if focused {
            styles.border_focused
        } else {
            styles.border
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(border)
            .title(Span::styled(" Contents ", styles.pane_title));
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = self.ctx.book.entries(&state.expanded);
        let height = usize::from(inner.height);
        for (i, row) in rows.iter().skip(state.toc_offset).take(height).enumerate() {
            let y = inner.y + i as u16;
            let line = self.row_line(*row, inner.width as usize);
            let row_area = Rect::new(inner.x, y, inner.width, 1);
            if *row == state.selected {
                let selection = if focused {
                    styles.selected
                } else {
                    styles.selected_idle
                };
                buf.set_style(row_area, selection);
            }
            buf.set_line(inner.x, y, &line, inner.width);
        }
        scrollbar(buf, area, rows.len(), height, state.toc_offset, border);
    }
}

impl Sidebar<'_, '_> {
    /// One row: a fold marker and section with its lessons read, or a page (marked when it
    /// is on screen, and read or not when it is a lesson).
    fn row_line(&self, row: Entry, width: usize) -> Line<'static> {
        let (book, state, styles) = (self.ctx.book, self.state, self.ctx.styles);
        let current_section = book.section_of(state.page);
        let mut share = String::new();
        let (prefix, label, style): (String, String, Style) = match row {
            Entry::Section(s) => {
                let open = state.expanded.get(s).copied().unwrap_or(false);
                let style = if current_section == Some(s) {
                    styles.section_current
                } else {
                    styles.section
                };
                let marker = if open { "▾ " } else { "▸ " };
                let guide = book.guide;
                let (read, total) = book.lessons_in(s).fold((0, 0), |(read, total), (page, _)| {
                    let is_read = state.progress.read(&guide.page(page).key);
                    (read + usize::from(is_read), total + 1)
                });
                if total > 0 {
                    share = format!(" {read}/{total}");
                }
                (marker.to_owned(), book.section_label(s), style)
            }
            Entry::Page(page) => {
                let (marker, style) = if page == state.page {
                    ("● ", styles.current)
                } else {
                    ("  ", styles.entry)
                };
                let indent = if book.section_of(page).is_some() {
                    "  "
                } else {
                    ""
                };
                let read = match book.lesson_id(page) {
                    Some(_) if state.progress.read(&book.guide.page(page).key) => "✓ ",
                    Some(_) => "○ ",
                    None => "",
                };
                (format!("{indent}{marker}{read}"), book.label(page), style)
            }
        };
        let room = width.saturating_sub(display_width(&prefix) + display_width(&share));
        let label = fit(&label, room);
        let gap = " ".repeat(room.saturating_sub(display_width(&label)));
        Line::from(vec![
            Span::styled(prefix, style),
            Span::styled(label, style),
            Span::raw(gap),
            Span::styled(share, styles.page.muted),
        ])
    }
}
