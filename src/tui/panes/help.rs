//! The help overlay, drawn from the keymap table that input handling uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::scrollbar;
use crate::render::fit;
use crate::tui::action::Action;
use crate::tui::keymap::{self, HelpRow, KEYS_WIDTH, Mode, help_rows};
use crate::tui::theme::Styles;

/// Width of the keys column: the widest keys and two spaces, so keys never run into their
/// text.
const KEYS: usize = KEYS_WIDTH + 2;

pub struct Help<'a> {
    pub styles: &'a Styles,
    pub scroll: usize,
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let styles = self.styles;
        Clear.render(area, buf);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(styles.border_focused)
            .title(Span::styled(" Help ", styles.pane_title))
            .title_bottom(Line::from(bottom_title()).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width.saturating_sub(2));
        let rows = help_rows();
        for (i, row) in rows
            .iter()
            .skip(self.scroll)
            .take(usize::from(inner.height))
            .enumerate()
        {
            let line = match row {
                HelpRow::Heading(text) => Line::styled(fit(text, width), styles.help_heading),
                HelpRow::Key(keys, text) => Line::from(vec![
                    Span::styled(format!("{:<KEYS$}", fit(keys, KEYS_WIDTH)), styles.help_key),
                    Span::raw(fit(text, width.saturating_sub(KEYS))),
                ]),
                HelpRow::Blank => Line::default(),
            };
            buf.set_line(
                inner.x + 1,
                inner.y + i as u16,
                &line,
                inner.width.saturating_sub(1),
            );
        }
        // The help is longer than most screens: the bar says there is more below.
        let shown = usize::from(inner.height);
        scrollbar(
            buf,
            area,
            rows.len(),
            shown,
            self.scroll,
            styles.border_focused,
        );
    }
}

/// " Esc closes · j/k scroll ", with the keys the help overlay reads.
fn bottom_title() -> String {
    let name = |action| keymap::keys_for(Mode::Help, &action);
    let (close, down, up) = (name(Action::Close), name(Action::Down), name(Action::Up));
    format!(" {close} closes · {down}/{up} scroll ")
}
