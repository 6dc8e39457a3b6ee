//! Changes to progress on their way to the store. The tutor shows each change at once;
//! the saver thread writes them in order and answers each, so the screen never waits for
//! a disk or a lock.

use crate::progress::{Change, Progress};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saves {
    /// The number the next change gets.
    next: u64,
    /// Changes handed to the store and not answered yet, oldest first.
    pub pending: Vec<(u64, Change)>,
    /// Changes the store could not save, and the last reason it gave.
    pub failed: Vec<Change>,
    pub why: Option<String>,
}

/// The stamp on a change made on screen: the store stamps it with the time it saves it,
/// and its answer replaces this copy.
pub const UNSTAMPED: &str = "";

impl Saves {
    /// A change to hand to the store: its number for the answer.
    pub fn push(&mut self, change: Change) -> u64 {
        self.next += 1;
        self.pending.push((self.next, change));
        self.next
    }

    /// The store saved change `seq` and those before it; `on_disk` is what it holds now.
    /// Returns the progress to show: that, with the changes still on their way.
    pub fn saved(&mut self, seq: u64, mut on_disk: Progress) -> Progress {
        self.pending.retain(|(s, _)| *s > seq);
        for (_, change) in &self.pending {
            on_disk.apply(change, UNSTAMPED);
        }
        on_disk
    }

    /// The store could not save change `seq`, for the reason `why`.
    pub fn not_saved(&mut self, seq: u64, why: &str) {
        if let Some(at) = self.pending.iter().position(|(s, _)| *s == seq) {
            let (_, change) = self.pending.remove(at);
            self.failed.push(change);
        }
        self.why = Some(why.to_owned());
    }

    /// What was not saved, as one line for the reader when the tutor ends: `None` when
    /// everything was. `waited` says how long the loop waited for the changes pending.
    pub fn report(&self, waited: std::time::Duration) -> Option<String> {
        let lost = lost(self.unsaved());
        if lost.is_empty() {
            return None;
        }
        let why = match (&self.why, self.pending.is_empty()) {
            (_, false) => format!(
                "the progress store was still busy after {} s (another pyguide holding its lock?)",
                waited.as_secs()
            ),
            (Some(why), true) => why.clone(),
            (None, true) => "the store did not answer".to_string(),
        };
        Some(format!("progress not saved ({lost}): {why}"))
    }

    /// Everything not on disk: changes that failed, then those still on their way.
    pub fn unsaved(&self) -> impl DoubleEndedIterator<Item = &Change> {
        self.failed
            .iter()
            .chain(self.pending.iter().map(|(_, c)| c))
    }
}

/// What `changes` would have done, as few words as say it: the last word on each item and
/// page, one place (the last), at most three named and the rest counted.
fn lost<'c>(changes: impl DoubleEndedIterator<Item = &'c Change>) -> String {
    let mut seen: Vec<(String, String)> = Vec::new();
    for change in changes.rev() {
        let about = match change {
            Change::Tick { id, .. } => format!("item {id}"),
            Change::Read { page, .. } => format!("read {page}"),
            Change::Place { .. } => "place".to_string(),
            other => other.describe(),
        };
        if !seen.iter().any(|(a, _)| *a == about) {
            seen.push((about, change.describe()));
        }
    }
    let words: Vec<String> = seen.into_iter().rev().map(|(_, said)| said).collect();
    match words.len() {
        0..=4 => words.join(", "),
        n => format!("{} and {} more", words[..3].join(", "), n - 3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tick(id: &str) -> Change {
        Change::Tick {
            id: id.into(),
            done: true,
        }
    }

    #[test]
    fn an_answer_keeps_the_changes_still_on_their_way() {
        let mut saves = Saves::default();
        let first = saves.push(tick("a"));
        let second = saves.push(tick("b"));
        let mut disk = Progress::default();
        disk.apply(&tick("a"), "t");
        let shown = saves.saved(first, disk);
        assert!(shown.done("a") && shown.done("b"), "b is still on its way");
        saves.not_saved(second, "disk full");
        assert!(saves.pending.is_empty());
        assert_eq!(saves.unsaved().collect::<Vec<_>>(), [&tick("b")]);
        let report = saves.report(std::time::Duration::from_secs(2)).unwrap();
        assert_eq!(report, "progress not saved (tick b): disk full");
    }

    #[test]
    fn the_report_says_each_change_once_and_counts_a_long_list() {
        let mut saves = Saves::default();
        let place = |page: &str| Change::Place {
            page: page.into(),
            line: crate::guide::GuideLine(1),
        };
        for change in [
            place("home"),
            tick("a"),
            place("2.1"),
            tick("a"),
            place("2.2"),
        ] {
            let seq = saves.push(change);
            saves.not_saved(seq, "read-only");
        }
        let report = saves.report(std::time::Duration::from_secs(2)).unwrap();
        assert_eq!(
            report,
            "progress not saved (tick a, your place in 2.2): read-only"
        );
        for id in ["b", "c", "d", "e"] {
            let seq = saves.push(tick(id));
            saves.not_saved(seq, "read-only");
        }
        let report = saves.report(std::time::Duration::from_secs(2)).unwrap();
        assert_eq!(
            report,
            "progress not saved (tick a, your place in 2.2, tick b and 3 more): read-only"
        );
    }

    #[test]
    fn changes_still_waiting_are_reported_with_the_wait() {
        let mut saves = Saves::default();
        assert_eq!(saves.report(std::time::Duration::from_secs(2)), None);
        saves.push(tick("a"));
        let report = saves.report(std::time::Duration::from_secs(2)).unwrap();
        assert!(report.starts_with("progress not saved (tick a): the progress store"));
        assert!(report.contains("after 2 s"), "{report}");
    }
}
