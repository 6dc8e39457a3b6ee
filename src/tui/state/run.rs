//! A run of a code block as the tutor shows it: what it printed so far and how it ended.

use std::time::{Duration, Instant};

use crate::render::hard_wrap;
use crate::run::hint::{self, Missing};
use crate::run::transcript::Transcript;
use crate::run::{Ended, Event, Stream};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunView {
    /// Which run this is: events from an earlier one are ignored.
    pub id: u64,
    /// What the pane's title calls it: "2.5 · block 1".
    pub name: String,
    pub transcript: Transcript,
    pub started: Instant,
    /// Set when it has ended, or could not start (and why).
    pub ended: Option<Result<Ended, String>>,
    /// A stop was asked for and has not arrived yet.
    pub stopping: bool,
    /// The first output row shown (counting rows as wrapped); `None` follows the end as
    /// output arrives.
    pub scroll: Option<usize>,
    /// Why it failed, when a package was missing.
    pub missing: Option<Missing>,
}

impl RunView {
    pub fn new(id: u64, name: String, started: Instant) -> Self {
        RunView {
            id,
            name,
            transcript: Transcript::default(),
            started,
            ended: None,
            stopping: false,
            scroll: None,
            missing: None,
        }
    }

    pub fn running(&self) -> bool {
        self.ended.is_none()
    }

    /// How long it has run by `now`, or ran.
    pub fn elapsed(&self, now: Instant) -> Duration {
        match &self.ended {
            Some(Ok(ended)) => ended.elapsed,
            _ => now.saturating_duration_since(self.started),
        }
    }

    /// How many rows the output takes wrapped at `width`.
    pub fn rows(&self, width: usize) -> usize {
        let lines = self.transcript.lines().iter();
        lines.map(|l| hard_wrap(&l.text, width).len()).sum()
    }

    /// Takes an event of this run.
    pub fn take(&mut self, event: Event) {
        match event {
            // A process that left the group may still write after the end: not its output.
            Event::Output(_, _) if self.ended.is_some() => {}
            Event::Output(stream, bytes) => self.transcript.push(stream, &bytes),
            Event::Ended(ended) => {
                self.transcript.finish();
                if !ended.status.succeeded() {
                    self.missing = hint::missing_package(&self.transcript.text(Stream::Err));
                }
                self.ended = Some(Ok(ended));
                self.stopping = false;
            }
        }
    }
}
