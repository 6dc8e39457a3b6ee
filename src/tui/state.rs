//! Everything the tutor's screen is drawn from. Changed only by `update`.

mod history;
mod reading;
mod run;
mod saves;

use std::sync::Arc;
use std::time::Instant;

use ratatui::layout::Size;

pub use history::History;
pub use reading::Reading;
pub use run::RunView;
pub use saves::{Saves, UNSTAMPED};

use super::book::{Book, Entry};
use super::finder::Place;
use super::geometry::Areas;
use super::keymap::Mode;
use crate::guide::{GuideLine, PageId};
use crate::progress::Progress;
use crate::search::Hit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Lesson,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// The search box, over the lesson pane.
    Search,
    /// "Run Python from the guide on this machine with …? [y/N]", before the first run.
    Consent,
}

/// Where the learning path's cursor is. Kept while another page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PathView {
    /// The chosen item, counting every item of the path from 0.
    pub item: usize,
    /// Which of the item's lessons Enter opens.
    pub lesson: usize,
    /// Where the path was opened from, for Esc to go back to.
    pub from: Option<Place>,
}

/// What the search box holds. Kept while it is closed, so `/` brings the last query back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchBox {
    pub query: String,
    /// Byte offset of the cursor in `query`.
    pub cursor: usize,
    /// The lessons matching `query`, best first.
    pub hits: Vec<Hit>,
    /// The chosen hit, and the first one the list shows.
    pub selected: usize,
    pub offset: usize,
}

/// The matches of the last search opened, for `n` and `N` and for marking them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matches {
    pub query: String,
    /// Every place the query matches, in reading order; never empty.
    pub places: Vec<Place>,
    /// The index terms to mark on the page.
    pub terms: Arc<[String]>,
    /// The place last jumped to.
    pub current: usize,
    /// Whether pages mark the matches (Esc turns it off, `n` on again).
    pub marked: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub size: Size,
    pub focus: Focus,
    /// The page in the lesson pane.
    pub page: PageId,
    /// The learning path's page, which shows the interactive checklist.
    pub path_page: Option<PageId>,
    /// The first row of the laid-out page shown, and the first column (for diagrams wider
    /// than the pane). Rows, not guide lines: they depend on the width.
    pub scroll: usize,
    pub hscroll: usize,
    /// The text width `scroll` counts rows at (none while the terminal is too small).
    pub width: Option<usize>,
    /// The sidebar's selected row and the first row it shows.
    pub selected: Entry,
    pub toc_offset: usize,
    /// Which sections show their lessons.
    pub expanded: Vec<bool>,
    pub sidebar: bool,
    pub overlay: Option<Overlay>,
    /// A one-line note in the status bar, until the next key.
    pub message: Option<String>,
    /// When a note was put up by time passing rather than by a key (a lesson read): keys
    /// that arrive at that same moment leave it on screen.
    pub note_at: Option<Instant>,
    /// For each page (by [`PageId::index`]), the guide line at the top when it was last
    /// left.
    pub places: Vec<Option<GuideLine>>,
    pub search: SearchBox,
    pub matches: Option<Matches>,
    /// Ticks, read marks and the last place, as last saved or loaded.
    pub progress: Progress,
    pub path: PathView,
    /// Changes handed to the store and not yet answered, and those it could not save.
    pub saves: Saves,
    /// Whether the user has been told that progress is not being saved (told once).
    pub told_not_saved: bool,
    /// A page marked unread by hand: it is not marked read again while it stays open.
    pub kept_unread: Option<PageId>,
    /// How much of the page on screen has been read, for marking a lesson read.
    pub reading: Reading,
    /// Places jumped from, for going back and forward.
    pub history: History,
    /// Whether the reader is at the terminal: it has focus, or keys arrive. Reading time
    /// counts only then.
    pub present: bool,
    /// The code block with focus on the page shown, counting its code blocks from 0.
    pub block: Option<usize>,
    /// The last run of a code block, shown in a pane under the lesson while this is set.
    pub run: Option<RunView>,
    /// Runs started so far: each run's id, so a closed run's late events match no other.
    pub runs: u64,
    /// The interpreter that runs code blocks, or why there is none.
    pub python: Result<String, String>,
    /// The time as the loop last said; what running times are measured against.
    pub now: Instant,
}

impl State {
    /// The opening screen: the home page, the contents focused with every section folded.
    pub fn new(book: &Book, size: Size) -> Self {
        let home = book.guide.home();
        let now = Instant::now();
        State {
            size,
            focus: Focus::Sidebar,
            page: home,
            path_page: book.guide.path_page(),
            scroll: 0,
            hscroll: 0,
            width: Areas::new(size, true, false).map(|a| a.text_width()),
            selected: Entry::Page(home),
            toc_offset: 0,
            expanded: vec![false; book.sections()],
            sidebar: true,
            overlay: None,
            message: None,
            note_at: None,
            places: vec![None; book.guide.pages().len()],
            search: SearchBox::default(),
            matches: None,
            progress: Progress::default(),
            path: PathView::default(),
            saves: Saves::default(),
            told_not_saved: false,
            kept_unread: None,
            reading: Reading::new(home, now),
            history: History::default(),
            present: true,
            block: None,
            run: None,
            runs: 0,
            python: Err("no Python was looked for".into()),
            now,
        }
    }

    /// Which keys apply: an overlay's, the learning path's while its page has focus, or
    /// the main screen's.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Search) => Mode::Search,
            Some(Overlay::Consent) => Mode::Consent,
            None if self.on_path() && self.focus == Focus::Lesson => Mode::Path,
            None => Mode::Normal,
        }
    }

    /// Whether the learning path's page is on screen.
    pub fn on_path(&self) -> bool {
        self.path_page == Some(self.page)
    }

    pub fn areas(&self) -> Option<Areas> {
        Areas::new(self.size, self.sidebar, self.run.is_some())
    }

    /// Whether a program is running (and not yet stopped).
    pub fn running(&self) -> bool {
        self.run.as_ref().is_some_and(RunView::running)
    }
}
