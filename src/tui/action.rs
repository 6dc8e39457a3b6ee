//! What the user asked for ([`Action`]) and what the loop must do about it ([`Effect`]).

use std::time::Instant;

use crate::progress::{Change, Progress};
use crate::run::Event;

/// One thing the user asked for, already decoded from keys or the mouse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Stop the process for the shell's job control (Ctrl-Z), and come back as it was.
    Suspend,
    ToggleHelp,
    /// Close the open overlay (Esc).
    Close,
    /// Move focus around the ring: contents, lesson, each of its code blocks (Tab).
    FocusNext,
    /// The other way round (Shift-Tab).
    FocusPrevious,
    /// Focus the page's next or previous code block (`}` and `{`).
    NextBlock,
    PreviousBlock,
    /// Run the focused code block, or the first Python block on screen (`x`).
    RunBlock,
    /// Ctrl-C: stop the program running, or quit when none is.
    Interrupt,
    /// The answer to "Run Python from the guide on this machine …? [y/N]".
    Consent(bool),
    /// What run `id` reported.
    Ran {
        id: u64,
        event: Event,
    },
    /// Run `id` could not start, and why.
    RunFailed {
        id: u64,
        why: String,
    },
    /// The time now: for a run's elapsed time and spinner, and for reading time.
    Clock(Instant),
    /// The terminal gained (`true`) or lost input focus: reading time counts only while
    /// the reader is there.
    Present(bool),
    ToggleSidebar,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Collapse in the sidebar; scroll left in the lesson.
    Left,
    /// Expand or open in the sidebar; scroll right in the lesson.
    Right,
    /// Open the selected page, or fold the selected section.
    Open,
    NextPage,
    PreviousPage,
    /// Open the first page of the section with this number.
    Section(u32),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// Mouse wheel at a cell: positive scrolls down.
    Wheel {
        x: u16,
        y: u16,
        lines: i16,
    },
    /// Left click at a cell.
    Click {
        x: u16,
        y: u16,
    },
    /// Open the search box (`/`).
    Search,
    /// Go to the next or previous match of the last search, across pages.
    NextMatch,
    PreviousMatch,
    /// A change to the search box's text.
    Edit(Edit),
    /// Open the learning path (`p`), or go back from it.
    LearningPath,
    /// Tick or untick the chosen learning-path item.
    Tick,
    /// Mark the lesson on screen read, or unread (`m`).
    ToggleRead,
    /// Go to the first lesson not yet read (`c`).
    Continue,
    /// Back to the place left by the last jump (`^O`), or forward again (`^N`).
    Back,
    Forward,
    /// Change `seq` was saved; this is the progress now on disk, other copies' changes
    /// included.
    Saved {
        seq: u64,
        progress: Progress,
    },
    /// Change `seq` could not be saved, and why.
    NotSaved {
        seq: u64,
        why: String,
    },
    /// A key with no binding here, named for the hint it earns.
    Unbound(String),
}

/// Editing a one-line text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Delete the character before the cursor, or under it.
    Backspace,
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete everything before the cursor.
    Clear,
    Left,
    Right,
    Home,
    End,
}

/// What `update` asks the loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Quit,
    Suspend,
    /// Save these changes to the progress store, in order and together; its answer
    /// carries `seq`.
    Save {
        seq: u64,
        changes: Vec<Change>,
    },
    /// Start a run of code, stopping any other.
    Run(RunOrder),
    /// Stop the run going on.
    StopRun,
}

/// What to run: the code, the script's name, and the run's id for its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOrder {
    pub id: u64,
    pub code: String,
    pub name: String,
}
