//! The bottom line: where you are in the page, a note if there is one, and the keys that
//! matter for what has focus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::render::{display_width, fit};
use crate::tui::action::Action;
use crate::tui::keymap::{self, KeyHint, Mode};
use crate::tui::state::{Focus, Overlay, State};
use crate::tui::update::Context;

pub struct StatusBar<'a, 'g> {
    pub state: &'a State,
    pub ctx: &'a Context<'a, 'g>,
    /// Lines the lesson pane shows at once, and the text width pages are laid out at.
    pub height: usize,
    pub width: usize,
    /// Whether the page is wider than the pane, so ←/→ have something to do.
    pub wide: bool,
}

impl Widget for StatusBar<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let styles = self.ctx.styles;
        buf.set_style(area, styles.status);
        let room = usize::from(area.width);
        let name = self.ctx.book.short_name(self.state.page);
        let left = fit(&format!(" {name}  {} ", self.position()), room);
        let mut used = display_width(&left);
        let mut spans = vec![Span::styled(left, styles.status_key)];
        if !self.state.saves.failed.is_empty() {
            // Changes the store refused stay unsaved: said for as long as it is true, in
            // words, so it reads the same without colour.
            let unsaved = fit(" not saved ", room - used);
            used += display_width(&unsaved);
            spans.push(Span::styled(unsaved, styles.error));
        }
        if let Some(message) = &self.state.message {
            let shown = fit(&format!(" {message}"), room - used);
            used += display_width(&shown);
            spans.push(Span::styled(shown, styles.message));
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
        let hints = self.hints(room.saturating_sub(used + 2));
        let width = hints.width();
        buf.set_line(area.x + (room - width) as u16, area.y, &hints, width as u16);
    }
}

impl StatusBar<'_, '_> {
    /// "line 12/230  5%", plus the column when scrolled sideways; on the learning path,
    /// "item 5/16".
    fn position(&self) -> String {
        if self.state.on_path() {
            return match self.ctx.book.guide.items().count() {
                0 => "no items".to_string(),
                items => format!("item {}/{items}", (self.state.path.item + 1).min(items)),
            };
        }
        let (total, _) = self.ctx.pages.extent(self.state.page, self.width);
        let top = self.state.scroll.min(total.saturating_sub(1));
        let bottom = (top + self.height).min(total);
        let percent = match total {
            0 => 100,
            _ => bottom * 100 / total,
        };
        let mut text = format!("line {}/{total}  {percent}%", top + 1);
        if self.state.hscroll > 0 {
            text.push_str(&format!("  col {}", self.state.hscroll + 1));
        }
        text
    }

    /// The hints that fit in `room` columns, dropping the first ones (help and quit, last
    /// in the list, matter most).
    fn hints(&self, room: usize) -> Line<'static> {
        let styles = self.ctx.styles;
        let all: Vec<KeyHint> = match self.state.overlay {
            Some(Overlay::Search) => keymap::search_hints(),
            Some(Overlay::Help { .. }) => keymap::help_hints(),
            Some(Overlay::Consent) => keymap::consent_hints(),
            _ if self.state.mode() == Mode::Path => keymap::path_hints(),
            _ => keymap::hints(self.state.focus == Focus::Sidebar)
                .into_iter()
                .filter(|hint| self.useful(hint.action))
                .collect(),
        };
        let cost = |h: &KeyHint| display_width(&h.keys) + display_width(h.word) + 3;
        let mut total: usize = all.iter().map(cost).sum();
        let mut first = 0;
        while total > room && first < all.len() {
            total -= cost(&all[first]);
            first += 1;
        }
        let mut spans = Vec::new();
        for hint in all.into_iter().skip(first) {
            spans.push(Span::styled(hint.keys, styles.status_key));
            spans.push(Span::styled(format!(" {}  ", hint.word), styles.status));
        }
        Line::from(spans)
    }

    /// Whether a main-screen hint's keys have something to do here: scrolling sideways
    /// needs a page wider than the pane, running needs Python on the page, and moving focus
    /// needs the contents or code blocks to move it to.
    fn useful(&self, action: &Action) -> bool {
        let code = self.ctx.book.code(self.state.page);
        match action {
            Action::Left | Action::Right => self.wide,
            Action::RunBlock => code.iter().any(crate::guide::CodeBlock::is_python),
            Action::FocusNext => self.state.sidebar || !code.is_empty(),
            _ => true,
        }
    }
}
