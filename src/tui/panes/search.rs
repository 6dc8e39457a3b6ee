//! The search box: the query as typed, then the lessons and pages it finds, best first,
//! each with the line that matched and its words marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::lesson::draw_from;
use super::marks::restyle;
use super::scrollbar;
use crate::guide::PageKind;
use crate::render::{display_width, fit, printable_line};
use crate::search::{Hit, Query, Snippet};
use crate::tui::geometry::{RESULT_ROWS, SearchBox};
use crate::tui::keymap::{self, Mode};
use crate::tui::state::State;
use crate::tui::update::Context;

/// What the query line starts with, as in less and vim.
const PROMPT: &str = "/ ";
/// Columns the matching line is indented under its lesson.
const INDENT: usize = 4;

pub struct SearchPane<'a, 'g> {
    pub state: &'a State,
    pub ctx: &'a Context<'a, 'g>,
    pub areas: SearchBox,
}

impl Widget for SearchPane<'_, '_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let (areas, styles) = (self.areas, self.ctx.styles);
        Clear.render(areas.frame, buf);
        let hits = &self.state.search.hits;
        let count = match (hits.len(), self.state.search.query.trim().is_empty()) {
            (_, true) => String::new(),
            (1, _) => " 1 result ".into(),
            (n, _) if n >= crate::tui::finder::MOST => format!(" {n}+ results "),
            (n, _) => format!(" {n} results "),
        };
        Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(styles.border_focused)
            .title(Line::styled(" Search ", styles.pane_title))
            .title(Line::styled(count, styles.page.muted).right_aligned())
            .title_bottom(Line::styled(
                keymap::border_line(Mode::Search),
                styles.page.muted,
            ))
            .render(areas.frame, buf);
        self.input(buf);
        let rule = format!("├{}┤", "─".repeat(usize::from(areas.rule.width)));
        let frame = areas.frame;
        buf.set_string(frame.x, areas.rule.y, rule, styles.border_focused);
        if hits.is_empty() {
            self.advice(buf);
        } else {
            self.results(buf);
        }
    }
}

impl SearchPane<'_, '_> {
    /// Where the terminal's cursor goes: in the query, where typing inserts.
    pub fn cursor(&self) -> Position {
        let input = self.areas.input;
        let (_, at) = self.query_view();
        Position::new(input.x + at as u16, input.y)
    }

    /// The column of the query shown first, and the cursor's column in the input line:
    /// a query longer than the box scrolls to keep the cursor in sight.
    fn query_view(&self) -> (usize, usize) {
        let search = &self.state.search;
        let room = usize::from(self.areas.input.width).saturating_sub(PROMPT.len() + 1);
        let before = display_width(&search.query[..search.cursor.min(search.query.len())]);
        let skip = before.saturating_sub(room);
        (skip, PROMPT.len() + before - skip)
    }

    fn input(&self, buf: &mut Buffer) {
        let (input, styles) = (self.areas.input, self.ctx.styles);
        buf.set_string(input.x, input.y, PROMPT, styles.help_key);
        let (skip, _) = self.query_view();
        let query = Line::styled(printable_line(&self.state.search.query), styles.page.text);
        let width = input.width.saturating_sub(PROMPT.len() as u16);
        draw_from(
            buf,
            input.x + PROMPT.len() as u16,
            input.y,
            &query,
            skip,
            width,
        );
    }

    fn advice(&self, buf: &mut Buffer) {
        let (list, styles) = (self.areas.list, self.ctx.styles);
        let query = self.state.search.query.trim();
        let lines: Vec<Line> = if query.is_empty() {
            vec![
                Line::styled(
                    "Type a word to find the lessons and pages about it.",
                    styles.page.text,
                ),
                Line::default(),
                Line::styled("  gil    garbage collection    lru_cache", styles.help_key),
                Line::default(),
                Line::styled(
                    "Titles, prose, code, tables and diagrams are searched. A word may be cut \
                     short or have one typo. in:code, in:title or in:prose narrows it.",
                    styles.page.muted,
                ),
            ]
        } else if let Some(why) = Query::parse(query).problem_while_typing() {
            vec![Line::styled(format!("{why}."), styles.page.text)]
        } else {
            vec![
                Line::styled(format!("Nothing matches '{query}'."), styles.page.text),
                Line::default(),
                Line::styled(
                    "Check the spelling, use fewer words, or drop a filter.",
                    styles.page.muted,
                ),
            ]
        };
        let area = Rect::new(
            list.x + 1,
            list.y + 1,
            list.width.saturating_sub(2),
            list.height,
        );
        ratatui::widgets::Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(area.intersection(list), buf);
    }

    fn results(&self, buf: &mut Buffer) {
        let (list, search) = (self.areas.list, &self.state.search);
        let shown = self.areas.shown();
        let id_width = search
            .hits
            .iter()
            .map(|h| display_width(numbered(h)))
            .max()
            .unwrap_or(3);
        let visible = search
            .hits
            .iter()
            .enumerate()
            .skip(search.offset)
            .take(shown);
        for (row, (i, hit)) in visible.enumerate() {
            let y = list.y + row as u16 * RESULT_ROWS;
            let area = Rect::new(list.x, y, list.width.saturating_sub(1), RESULT_ROWS);
            self.result(buf, area, hit, i == search.selected, id_width);
        }
        let rows = usize::from(RESULT_ROWS);
        let border = self.ctx.styles.border_focused;
        let frame = self.areas.frame;
        let track = Rect::new(frame.x, list.y - 1, frame.width, list.height + 2);
        let (total, first) = (search.hits.len() * rows, search.offset * rows);
        scrollbar(buf, track, total, shown * rows, first, border);
    }

    /// One result: "▌ 2.4  Global Interpreter Lock (GIL)   line 312", then its line.
    fn result(&self, buf: &mut Buffer, area: Rect, hit: &Hit, chosen: bool, id_width: usize) {
        let styles = self.ctx.styles;
        let width = usize::from(area.width);
        if chosen {
            buf.set_style(area, styles.selected);
        }
        let marker = if chosen { "▌" } else { " " };
        let id = format!("{marker}{:<id_width$}  ", numbered(hit));
        let at = format!("  line {} ", hit.line);
        let title_room = width.saturating_sub(display_width(&id) + display_width(&at));
        let title = fit(&printable_line(&hit.title), title_room);
        let gap = " ".repeat(title_room.saturating_sub(display_width(&title)));
        let head = Line::from(vec![
            Span::styled(id, styles.help_key),
            Span::styled(title, styles.section),
            Span::raw(gap),
            Span::styled(at, styles.page.muted),
        ]);
        buf.set_line(area.x, area.y, &head, area.width);
        let snippet = self.ctx.finder.snippet(hit);
        let room = width.saturating_sub(INDENT + 1);
        let line = fitted(&snippet, room, self.ctx.styles);
        let x = area.x + INDENT as u16;
        buf.set_line(x, area.y + 1, &line, room as u16);
    }
}

/// The snippet in `room` columns, its start dropped (for "…") when its first match would
/// fall beyond the edge, the matches marked.
fn fitted(snippet: &Snippet, room: usize, styles: &crate::tui::theme::Styles) -> Line<'static> {
    let text = printable_line(&snippet.text).into_owned();
    // printable_line keeps lengths for ordinary text; if it did not, drop the marks.
    let marks = if text.len() == snippet.text.len() {
        snippet.marks.clone()
    } else {
        Vec::new()
    };
    let mut cut = 0;
    if let Some(first) = marks.first() {
        let keep = room.saturating_sub(12).max(room / 2);
        // Cut no more than it takes for the rest to fit beside the leading "…".
        while display_width(&text[cut..first.end]) > keep
            && display_width(&text[cut..]) > room.saturating_sub(1)
        {
            cut += text[cut..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let room = room.saturating_sub(usize::from(cut > 0));
    let shown = fit(&text[cut..], room);
    // `fit` ends a cut text with "…"; marks past what is left go.
    let kept = match shown.len() < text.len() - cut {
        true => shown.len().saturating_sub("…".len()),
        false => shown.len(),
    };
    let shifted: Vec<_> = marks
        .iter()
        .filter(|m| m.start >= cut && m.end - cut <= kept)
        .map(|m| m.start - cut..m.end - cut)
        .collect();
    let base = Line::styled(shown, styles.page.muted);
    let mut line = restyle(&base, &shifted, styles.found);
    if cut > 0 {
        line.spans.insert(0, Span::styled("…", styles.page.muted));
    }
    line
}

/// The number a result shows: a lesson's or a section's. Home and the parts after the
/// sections have only their titles, which say enough.
fn numbered(hit: &Hit) -> &str {
    match hit.kind {
        PageKind::Lesson(_) | PageKind::Section(_) => &hit.key,
        PageKind::Home | PageKind::Part(_) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{ColorMode, Theme, ThemeKind};
    use crate::tui::theme::Styles;

    fn shown(text: &str, mark: &str, room: usize) -> String {
        let at = text.find(mark).unwrap_or(0);
        let snippet = Snippet {
            text: text.to_owned(),
            marks: std::iter::once(at..at + mark.len()).collect(),
        };
        let styles = Styles::new(&Theme::new(ThemeKind::Dark, ColorMode::TrueColor));
        let line = fitted(&snippet, room, &styles);
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_snippet_that_fits_is_shown_whole_and_a_long_one_around_its_mark() {
        let text = format!("{} GIL", "word ".repeat(10));
        assert_eq!(shown(&text, "GIL", 60), text);
        let long = format!("{} GIL and more", "word ".repeat(30));
        let cut = shown(&long, "GIL", 60);
        assert!(cut.starts_with('…') && cut.contains("GIL"), "{cut}");
        assert!(display_width(&cut) <= 60, "{cut}");
    }
}
