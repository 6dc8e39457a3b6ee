//! The tutor: the only code that owns the terminal. It loops draw → event → `update` →
//! effects, and restores the terminal on every way out: quitting, an error, a panic, or a
//! signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT exit with 128 + the signal).

pub mod action;
pub mod book;
mod contain;
pub mod finder;
pub mod geometry;
pub mod keymap;
pub mod pages;
pub mod panes;
mod saver;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

use std::io::{IsTerminal, stdout};
use std::sync::mpsc::{self, Receiver, Sender};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::error::Error;
use crate::guide::Guide;
use crate::progress::store::Store;
use crate::render::{Theme, warm_up};
use action::{Action, Effect};
use book::Book;
use finder::Finder;
use pages::Pages;
use saver::Saver;
use state::State;
use theme::Styles;
use update::{Context, begin, update};

/// How the tutor ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal ended it; the process should exit with 128 + this number.
    Signal(i32),
}

/// What wakes the loop.
enum Wake {
    Input(Event),
    InputFailed(std::io::Error),
    Signal(i32),
}

/// Runs the tutor on `guide` until the user quits or a signal arrives, keeping progress in
/// `store` (or saying why it cannot).
pub fn run(guide: &Guide, theme: &Theme, store: Result<Store, String>) -> Result<Outcome, Error> {
    if !std::io::stdin().is_terminal() || !stdout().is_terminal() {
        return Err(Error::NoTerminal);
    }
    let saver = Saver::new(store);
    with_context(guide, theme, |ctx| session(ctx, &saver))
}

/// Builds what the tutor reads while it runs (pages in reading order, their layout cache,
/// the styles) and hands it to `f`. Tests and benchmarks start from here too.
pub fn with_context<R>(guide: &Guide, theme: &Theme, f: impl FnOnce(&Context) -> R) -> R {
    let book = Book::new(guide);
    let pages = Pages::new(&book, theme);
    let styles = Styles::new(theme);
    let finder = Finder::new(&book);
    f(&Context {
        book: &book,
        finder: &finder,
        pages: &pages,
        styles: &styles,
    })
}

fn session(ctx: &Context, saver: &Saver) -> Result<Outcome, Error> {
    let (tx, rx) = mpsc::channel();
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).map_err(Error::Terminal)?;
    let handle = signals.handle();
    forward_signals(signals, tx.clone());
    let mut terminal = Session::start()?;
    forward_input(tx);
    let outcome = event_loop(&mut terminal.0, ctx, saver, &rx);
    drop(terminal);
    handle.close();
    outcome
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    ctx: &Context,
    saver: &Saver,
    rx: &Receiver<Wake>,
) -> Result<Outcome, Error> {
    let size = terminal.size().map_err(Error::Terminal)?;
    let mut state = State::new(ctx.book, size);
    let (progress, note) = saver.open();
    begin(&mut state, ctx, progress, note);
    let mut warmed = false;
    loop {
        // The size may have changed since the last resize event: draw for the real one.
        let size = terminal.size().map_err(Error::Terminal)?;
        if size != state.size {
            update(&mut state, Action::Resize(size.width, size.height), ctx);
        }
        terminal
            .draw(|frame| view::draw(frame, &state, ctx))
            .map_err(Error::Terminal)?;
        if !warmed {
            // The first frame is up; load the highlighter while the user reads it.
            let theme = ctx.styles.page.clone();
            std::thread::spawn(move || warm_up(&theme));
            warmed = true;
        }
        let first = rx.recv().map_err(|_| Error::NoInput)?;
        // Take everything already waiting (a resize storm, a held key) before drawing again.
        for wake in std::iter::once(first).chain(rx.try_iter()) {
            let event = match wake {
                Wake::Input(event) => event,
                Wake::InputFailed(e) => return Err(Error::Terminal(e)),
                Wake::Signal(n) => return Ok(Outcome::Signal(n)),
            };
            let Some(action) = keymap::action(state.mode(), &event) else {
                continue;
            };
            for effect in update(&mut state, action, ctx) {
                match effect {
                    Effect::Quit => return Ok(Outcome::Quit),
                    Effect::Suspend => suspend(terminal)?,
                    Effect::Save(change) => {
                        let answer = saver.save(&change);
                        update(&mut state, answer, ctx);
                    }
                }
            }
        }
    }
}

/// The terminal in raw mode on the alternate screen with mouse reporting; dropping it puts
/// everything back.
struct Session(DefaultTerminal);

impl Session {
    fn start() -> Result<Session, Error> {
        let terminal = ratatui::try_init().map_err(|e| {
            ratatui::restore();
            Error::Terminal(e)
        })?;
        install_panic_hook();
        let session = Session(terminal);
        execute!(stdout(), EnableMouseCapture).map_err(Error::Terminal)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        leave();
    }
}

/// Ctrl-Z: put the terminal back, stop until the shell continues us, then take it again
/// and redraw everything (the shell has used the screen meanwhile).
fn suspend(terminal: &mut DefaultTerminal) -> Result<(), Error> {
    leave();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).map_err(Error::Terminal)?;
    ratatui::crossterm::terminal::enable_raw_mode().map_err(Error::Terminal)?;
    execute!(
        stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture
    )
    .map_err(Error::Terminal)?;
    // `resize` clears and forces a full redraw; `clear` would ask the terminal for the
    // cursor position, and the input thread would hold the answer back until a key.
    let size = terminal.size().map_err(Error::Terminal)?;
    terminal
        .resize(Rect::new(0, 0, size.width, size.height))
        .map_err(Error::Terminal)
}

/// Undoes everything [`Session::start`] did. Safe to call more than once.
fn leave() {
    let _ = execute!(stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

/// On a panic: if a page's layout panicked, let the page show it; otherwise restore the
/// terminal first so the message lands on a normal screen (ratatui's hook, which this one
/// wraps, leaves the alternate screen).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if contain::is_active() {
            contain::record(info);
            return;
        }
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
}

fn forward_signals(mut signals: Signals, tx: Sender<Wake>) {
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = tx.send(Wake::Signal(signal));
        }
    });
}

fn forward_input(tx: Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let wake = match event::read() {
                Ok(event) => Wake::Input(event),
                Err(e) => Wake::InputFailed(e),
            };
            let failed = matches!(wake, Wake::InputFailed(_));
            if tx.send(wake).is_err() || failed {
                return;
            }
        }
    });
}
