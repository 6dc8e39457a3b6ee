//! What the tutor's screen tests share: start it on the real guide, drive it, draw it.

use pyguide::guide::load;
use pyguide::render::{ColorMode, Theme, ThemeKind};
use pyguide::tui::action::Action;
use pyguide::tui::state::State;
use pyguide::tui::update::update;
use pyguide::tui::{self, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

/// Starts the tutor at `width`×`height`, applies `actions`, and returns the state, the
/// drawn screen and the page on screen by its short name ("2.4").
pub fn drive(
    mode: ColorMode,
    width: u16,
    height: u16,
    actions: &[Action],
) -> (State, Buffer, String) {
    let guide = load::builtin().unwrap().guide;
    let theme = Theme::new(ThemeKind::Dark, mode);
    tui::with_context(&guide, &theme, |ctx| {
        let mut state = State::new(ctx.book, Size::new(width, height));
        for action in actions {
            update(&mut state, action.clone(), ctx);
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| view::draw(frame, &state, ctx))
            .unwrap();
        let page = ctx.book.short_name(state.doc);
        (state, terminal.backend().buffer().clone(), page)
    })
}

/// The screen as lines of text, trailing blanks trimmed.
pub fn text(buf: &Buffer) -> String {
    let width = buf.area.width as usize;
    let cells: Vec<&str> = buf.content().iter().map(|c| c.symbol()).collect();
    let rows: Vec<String> = cells
        .chunks(width)
        .map(|row| row.concat().trim_end().to_string())
        .collect();
    rows.join("\n")
}
