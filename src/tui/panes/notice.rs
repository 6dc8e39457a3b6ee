//! What a terminal too small for the layout shows instead: its size and the size needed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::render::display_width;
use crate::tui::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Styles;

pub struct TooSmall<'a> {
    pub styles: &'a Styles,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let text = format!(
            "terminal too small: need at least {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
            area.width, area.height
        );
        // Roughly how many rows the wrapped text takes, to centre it.
        let rows = display_width(&text).div_ceil(usize::from(area.width)) as u16 + 1;
        let top = area.height.saturating_sub(rows) / 2;
        let place = Rect::new(area.x, area.y + top, area.width, area.height - top);
        Paragraph::new(Line::styled(text, self.styles.notice))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(place, buf);
    }
}

/// The question before the first run with an interpreter, in a box over the lesson.
pub struct Consent<'a> {
    pub styles: &'a Styles,
    pub python: &'a str,
}

impl Widget for Consent<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let styles = self.styles;
        let question = format!(
            "Run Python from the guide on this machine with {}? [y/N]",
            self.python
        );
        let text = vec![
            Line::styled(question, styles.pane_title),
            Line::default(),
            Line::styled(
                "It runs as you, in a temporary directory, until it ends or its time is up. \
                 y runs it and is remembered; any other key runs nothing.",
                styles.page.text,
            ),
        ];
        let width = area.width.saturating_sub(4).min(72);
        let inner = usize::from(width.saturating_sub(4)).max(1);
        let rows: usize = text.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
        let height = (rows as u16 + 2).min(area.height);
        let place = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + area.height.saturating_sub(height) / 2,
            width,
            height,
        );
        ratatui::widgets::Clear.render(place, buf);
        let block = ratatui::widgets::Block::bordered()
            .border_type(ratatui::widgets::BorderType::Rounded)
            .border_style(styles.border_focused)
            .title(Line::styled(" Run code? ", styles.pane_title))
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(place, buf);
    }
}
