//! What the tutor's screen tests share: start it on the real guide, drive it, draw it.
// Each test file uses only some of these.
#![allow(dead_code)]

pub mod cli;
pub mod python;
pub mod tty;

use pyguide::guide::load;
use pyguide::progress::Progress;
use pyguide::render::{ColorMode, Theme, ThemeKind};
use pyguide::tui::action::{Action, Effect};
use pyguide::tui::state::State;
use pyguide::tui::update::{begin, update};
use pyguide::tui::{self, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

/// The tutor after some actions: its state, the screen drawn, the page on screen by its
/// short name ("2.4"), and what the actions asked of the loop.
pub struct Driven {
    pub state: State,
    pub screen: Buffer,
    pub page: String,
    pub effects: Vec<Effect>,
}

/// Starts the tutor at `width`×`height` on `progress` and applies `actions`.
pub fn drive_on(
    mode: ColorMode,
    width: u16,
    height: u16,
    progress: Progress,
    actions: &[Action],
) -> Driven {
    drive_set(mode, Size::new(width, height), progress, |_| {}, actions)
}

/// The interpreter the tutor tests run code with (they never start it: the loop would).
pub const PYTHON: &str = "/opt/test/bin/python3";

/// As [`drive_on`], with [`PYTHON`] found to run code with.
pub fn drive_python(width: u16, height: u16, progress: Progress, actions: &[Action]) -> Driven {
    let size = Size::new(width, height);
    let found = |state: &mut State| state.python = Ok(PYTHON.to_string());
    drive_set(ColorMode::Ansi256, size, progress, found, actions)
}

fn drive_set(
    mode: ColorMode,
    size: Size,
    progress: Progress,
    setup: impl FnOnce(&mut State),
    actions: &[Action],
) -> Driven {
    let (width, height) = (size.width, size.height);
    let guide = load::builtin().unwrap().guide;
    let theme = Theme::new(ThemeKind::Dark, mode);
    tui::with_context(&guide, &theme, |ctx| {
        let mut state = State::new(ctx.book, size);
        begin(&mut state, ctx, progress, None);
        setup(&mut state);
        let mut effects = Vec::new();
        for action in actions {
            effects.extend(update(&mut state, action.clone(), ctx));
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| view::draw(frame, &state, ctx))
            .unwrap();
        Driven {
            page: ctx.book.short_name(state.page),
            screen: terminal.backend().buffer().clone(),
            state,
            effects,
        }
    })
}

/// Starts the tutor with no progress at `width`×`height`, applies `actions`, and returns
/// the state, the drawn screen and the page on screen.
pub fn drive(
    mode: ColorMode,
    width: u16,
    height: u16,
    actions: &[Action],
) -> (State, Buffer, String) {
    let driven = drive_on(mode, width, height, Progress::default(), actions);
    (driven.state, driven.screen, driven.page)
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

/// The tutor without colour, as a test reads it: state, screen text, page, effects.
pub struct Run {
    pub state: State,
    pub screen: String,
    pub page: String,
    pub effects: Vec<Effect>,
}

/// The tutor without colour at `width`×`height` on `progress` after `actions`.
pub fn run(width: u16, height: u16, progress: Progress, actions: &[Action]) -> Run {
    let driven = drive_on(ColorMode::Monochrome, width, height, progress, actions);
    Run {
        screen: text(&driven.screen),
        state: driven.state,
        page: driven.page,
        effects: driven.effects,
    }
}

/// The changes `effects` hand to the store, in order.
pub fn saves(effects: &[Effect]) -> Vec<&pyguide::progress::Change> {
    effects
        .iter()
        .flat_map(|e| match e {
            Effect::Save { changes, .. } => changes.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The time `seconds` after `start`, as the loop would say it.
pub fn at(start: std::time::Instant, seconds: f64) -> Action {
    Action::Clock(start + std::time::Duration::from_secs_f64(seconds))
}
