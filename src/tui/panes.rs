//! One widget per pane, each drawing borrowed state with styles from the theme.

pub mod help;
pub mod lesson;
pub mod marks;
pub mod notice;
pub mod output;
pub mod path;
pub mod search;
pub mod sidebar;
pub mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

/// A scrollbar on the right border of `area` for `total` rows seen `shown` at a time from
/// row `first`; nothing when everything shows.
pub fn scrollbar(
    buf: &mut Buffer,
    area: Rect,
    total: usize,
    shown: usize,
    first: usize,
    style: Style,
) {
    if total <= shown {
        return;
    }
    let mut state = ScrollbarState::new(total - shown + 1).position(first);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .track_style(style)
        .thumb_style(style)
        .render(area.inner(Margin::new(0, 1)), buf, &mut state);
}
