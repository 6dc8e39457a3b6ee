//! The terminal while the tutor has it: raw mode, the alternate screen, mouse and focus
//! reports; put back as it was on every way out (dropping the session, a panic, ^Z).

use std::io::stdout;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableFocusChange, DisableMouseCapture, EnableFocusChange, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use super::contain;
use crate::error::Error;

/// The terminal in raw mode on the alternate screen with mouse reporting; dropping it puts
/// everything back.
pub(super) struct Session(pub(super) DefaultTerminal);

impl Session {
    pub(super) fn start() -> Result<Session, Error> {
        let terminal = ratatui::try_init().map_err(|e| {
            ratatui::restore();
            Error::Terminal(e)
        })?;
        install_panic_hook();
        let session = Session(terminal);
        // Focus reports tell reading time when the reader has gone to another window.
        execute!(stdout(), EnableMouseCapture, EnableFocusChange).map_err(Error::Terminal)?;
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
pub(super) fn suspend(terminal: &mut DefaultTerminal) -> Result<(), Error> {
    leave();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).map_err(Error::Terminal)?;
    ratatui::crossterm::terminal::enable_raw_mode().map_err(Error::Terminal)?;
    execute!(
        stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        EnableFocusChange
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
    let _ = execute!(stdout(), DisableMouseCapture, DisableFocusChange, Show);
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
        let _ = execute!(stdout(), DisableMouseCapture, DisableFocusChange, Show);
        previous(info);
    }));
}
