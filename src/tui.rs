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
mod runner;
mod saver;
mod session;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

use std::io::{IsTerminal, stdout};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::error::Error;
use crate::guide::Guide;
use crate::progress::locate::NoHome;
use crate::progress::store::Store;
use crate::render::{Theme, warm_up};
use crate::run::{self, NoPython, Running};
use action::{Action, Effect};
use book::Book;
use finder::Finder;
use pages::Pages;
use runner::Runner;
use saver::Saver;
use session::{Session, suspend};
use state::State;
use theme::Styles;
use update::{Context, begin, update, wake_at};

/// How the tutor ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal ended it; the process should exit with 128 + this number.
    Signal(i32),
}

/// How the tutor ended, and what it could not save (one line for the reader), if anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ending {
    pub outcome: Outcome,
    pub unsaved: Option<String>,
    /// Whether changes were lost that the reader was not told at the start would be (a
    /// store that could be written when the tutor opened): a failure.
    pub lost: bool,
}

/// How the tutor runs code blocks: with which Python (or why there is none), and for how
/// long at most.
#[derive(Clone, Debug)]
pub struct Runs {
    pub python: Result<PathBuf, NoPython>,
    pub timeout: Duration,
}

/// What wakes the loop.
enum Wake {
    Input(Event),
    InputFailed(std::io::Error),
    Signal(i32),
    /// An event of run `id`.
    Run(u64, run::Event),
    /// The progress store's answer to a save.
    Store(Action),
}

/// How often the screen is redrawn while a program runs, for its spinner and clock.
const TICK: Duration = Duration::from_millis(100);
/// How long quitting waits for changes still on their way to the store.
const LAST_SAVES: Duration = Duration::from_secs(2);

/// Runs the tutor on `guide` until the user quits or a signal arrives, keeping progress in
/// `store` (or saying why it cannot).
pub fn run(
    guide: &Guide,
    theme: &Theme,
    store: Result<Store, NoHome>,
    runs: &Runs,
) -> Result<Ending, Error> {
    if !std::io::stdin().is_terminal() || !stdout().is_terminal() {
        return Err(Error::NoTerminal);
    }
    let saver = Saver::new(store);
    with_context(guide, theme, |ctx| session(ctx, saver, runs))
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

fn session(ctx: &Context, mut saver: Saver, runs: &Runs) -> Result<Ending, Error> {
    let (tx, rx) = mpsc::channel();
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).map_err(Error::Terminal)?;
    let handle = signals.handle();
    forward_signals(signals, tx.clone());
    let mut terminal = Session::start()?;
    forward_input(tx.clone());
    let size = terminal.0.size().map_err(Error::Terminal)?;
    let mut state = State::new(ctx.book, size);
    let opened = saver.open();
    begin(&mut state, ctx, opened.progress, opened.note);
    state.saves.known_unwritable = !opened.writable;
    let answers = tx.clone();
    let loop_ = Loop {
        ctx,
        runner: Runner::new(runs, tx),
        saves: saver.spawn(move |answer| drop(answers.send(Wake::Store(answer)))),
        rx,
        running: None,
    };
    let outcome = loop_.run(&mut terminal.0, &mut state);
    drop(terminal);
    handle.close();
    outcome
}

/// What the loop reads from and hands work to.
struct Loop<'a, 'c, 'g> {
    ctx: &'a Context<'c, 'g>,
    runner: Runner,
    saves: Sender<saver::Order>,
    rx: Receiver<Wake>,
    /// The program running, if any. Dropped on the way out, however the loop ends: that
    /// stops it.
    running: Option<Running>,
}

impl Loop<'_, '_, '_> {
    /// Runs the tutor until the reader quits, a signal comes or the terminal fails; however
    /// it ends, the place is saved and what is on its way to the store gets its chance.
    fn run(mut self, terminal: &mut DefaultTerminal, state: &mut State) -> Result<Ending, Error> {
        state.python = self.runner.python();
        match self.turns(terminal, state) {
            Ok(Outcome::Quit) => Ok(self.finish(terminal, state, Outcome::Quit)),
            Ok(outcome) => {
                self.save_the_place(terminal, state);
                Ok(self.finish(terminal, state, outcome))
            }
            Err(e) => {
                self.save_the_place(terminal, state);
                drop(self.finish(terminal, state, Outcome::Quit));
                Err(e)
            }
        }
    }

    /// Saves where the reader is, as quitting does (a key's quit has saved it already).
    fn save_the_place(&mut self, terminal: &mut DefaultTerminal, state: &mut State) {
        let saves = update(state, Action::Quit, self.ctx).into_iter();
        for save in saves.filter(|e| matches!(e, Effect::Save { .. })) {
            drop(self.perform(terminal, state, save));
        }
    }

    /// Draws, waits, updates, performs effects, until the reader quits or a signal comes.
    fn turns(
        &mut self,
        terminal: &mut DefaultTerminal,
        state: &mut State,
    ) -> Result<Outcome, Error> {
        let mut warmed = false;
        loop {
            // The size may have changed since the last resize event: draw for the real one.
            let size = terminal.size().map_err(Error::Terminal)?;
            if size != state.size {
                let resized = Action::Resize(size.width, size.height);
                if let Some(outcome) = self.act(terminal, state, resized)? {
                    return Ok(outcome);
                }
            }
            self.draw(terminal, state)?;
            if !warmed {
                // The first frame is up; load the highlighter while the user reads it.
                let theme = self.ctx.styles.page.clone();
                std::thread::spawn(move || warm_up(&theme));
                warmed = true;
            }
            let first = next_wake(&self.rx, self.deadline(state))?;
            // The time first: a lesson may have been read for long enough by now.
            if let Some(outcome) = self.act(terminal, state, Action::Clock(Instant::now()))? {
                return Ok(outcome);
            }
            // Take everything already waiting (a resize storm, a held key, a program's
            // output) before drawing again, each key decoded in the mode the keys before
            // it left.
            let mut wakes = first;
            while let Some(wake) = wakes.take().or_else(|| self.rx.try_recv().ok()) {
                let action = match wake {
                    Wake::Input(event) => match keymap::action(state.mode(), &event) {
                        Some(action) => action,
                        None => continue,
                    },
                    Wake::InputFailed(e) => return Err(Error::Terminal(e)),
                    Wake::Signal(n) => return Ok(Outcome::Signal(n)),
                    Wake::Run(id, event) => Action::Ran { id, event },
                    Wake::Store(answer) => answer,
                };
                if let Some(outcome) = self.act(terminal, state, action)? {
                    return Ok(outcome);
                }
            }
        }
    }

    fn draw(&self, terminal: &mut DefaultTerminal, state: &State) -> Result<(), Error> {
        terminal
            .draw(|frame| view::draw(frame, state, self.ctx))
            .map_err(Error::Terminal)?;
        Ok(())
    }

    /// When to wake with the time though nothing happens: a run's next tick, or the
    /// moment the lesson on screen will have been read for long enough.
    fn deadline(&self, state: &State) -> Option<Instant> {
        let tick = state.running().then(|| Instant::now() + TICK);
        let read = wake_at(state, self.ctx);
        tick.into_iter().chain(read).min()
    }

    /// Updates the state with `action` and does every effect it asks for, in order; the
    /// outcome when the tutor should end.
    fn act(
        &mut self,
        terminal: &mut DefaultTerminal,
        state: &mut State,
        action: Action,
    ) -> Result<Option<Outcome>, Error> {
        for effect in update(state, action, self.ctx) {
            if let Some(outcome) = self.perform(terminal, state, effect)? {
                return Ok(Some(outcome));
            }
        }
        Ok(None)
    }

    /// Does what `update` asked; the outcome when the tutor should end.
    fn perform(
        &mut self,
        terminal: &mut DefaultTerminal,
        state: &mut State,
        effect: Effect,
    ) -> Result<Option<Outcome>, Error> {
        match effect {
            Effect::Quit => return Ok(Some(Outcome::Quit)),
            Effect::Suspend => suspend(terminal)?,
            Effect::Save { seq, changes } => {
                if self.saves.send((seq, changes)).is_err() {
                    let why = "the saver stopped".to_string();
                    // An answer asks for nothing more.
                    drop(update(state, Action::NotSaved { seq, why }, self.ctx));
                }
            }
            Effect::Run(order) => {
                let id = order.id;
                if let Err(why) = self.runner.start(order, &mut self.running) {
                    drop(update(state, Action::RunFailed { id, why }, self.ctx));
                }
            }
            Effect::StopRun => self.running.iter().for_each(Running::stop),
        }
        Ok(None)
    }

    /// Ending: waits a little for changes still on their way to the store, saying so on
    /// screen, and reports what could not be saved.
    fn finish(
        &self,
        terminal: &mut DefaultTerminal,
        state: &mut State,
        outcome: Outcome,
    ) -> Ending {
        let deadline = Instant::now() + LAST_SAVES;
        if !state.saves.pending.is_empty() {
            state.message = Some("saving progress…".into());
            let _ = self.draw(terminal, state);
        }
        while !state.saves.pending.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                // An answer asks for nothing more.
                Ok(Wake::Store(answer)) => drop(update(state, answer, self.ctx)),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        Ending {
            outcome,
            unsaved: state.saves.report(LAST_SAVES),
            lost: state.saves.lost_unexpectedly(),
        }
    }
}

/// The next thing to wake the loop; `None` when `deadline` comes first.
fn next_wake(rx: &Receiver<Wake>, deadline: Option<Instant>) -> Result<Option<Wake>, Error> {
    let Some(deadline) = deadline else {
        return rx.recv().map(Some).map_err(|_| Error::NoInput);
    };
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(wake) => Ok(Some(wake)),
        Err(RecvTimeoutError::Timeout) => Ok(None),
        Err(RecvTimeoutError::Disconnected) => Err(Error::NoInput),
    }
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
