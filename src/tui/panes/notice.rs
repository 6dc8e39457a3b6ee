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
