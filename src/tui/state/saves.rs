//! Changes to progress on their way to the store. The tutor shows each change at once;
//! the saver thread writes them in order and answers each, so the screen never waits for
//! a disk or a lock.

use crate::progress::{Change, Progress};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saves {
    /// The number the next save gets.
    next: u64,
    /// Saves handed to the store and not answered yet, oldest first: each a number and
    /// the changes it writes together.
    pub pending: Vec<(u64, Vec<Change>)>,
    /// Changes the store could not save: they go again with the next save, so a store that
    /// comes back (a lock file that could not be opened once, a disk that had filled) gets
    /// them all.
    pub failed: Vec<Change>,
    /// The last reason the store gave for not saving.
    pub why: Option<String>,
    /// Whether the store could not be written from the start (none found, or one from a
    /// newer pyguide), as the reader was told when the tutor opened.
    pub known_unwritable: bool,
}

/// The stamp on a change made on screen: the store stamps it with the time it saves it,
/// and its answer replaces this copy.
pub const UNSTAMPED: &str = "";

impl Saves {
    /// A save for the store: its number for the answer, and what it writes: the changes
    /// that failed before, then `change`.
    pub fn push(&mut self, change: Change) -> (u64, Vec<Change>) {
        self.next += 1;
        let mut changes = std::mem::take(&mut self.failed);
        changes.push(change);
        self.pending.push((self.next, changes.clone()));
        (self.next, changes)
    }

    /// The store saved save `seq` and those before it; `on_disk` is what it holds now.
    /// Returns the progress to show: that, with the changes still on their way.
    pub fn saved(&mut self, seq: u64, mut on_disk: Progress) -> Progress {
        self.pending.retain(|(s, _)| *s > seq);
        for change in self.pending.iter().flat_map(|(_, changes)| changes) {
            on_disk.apply(change, UNSTAMPED);
        }
        on_disk
    }

    /// The store could not save save `seq`, for the reason `why`.
    pub fn not_saved(&mut self, seq: u64, why: &str) {
        if let Some(at) = self.pending.iter().position(|(s, _)| *s == seq) {
            let (_, changes) = self.pending.remove(at);
            self.failed.extend(changes);
        }
        self.why = Some(why.to_owned());
    }

    /// What was not saved, as one line for the reader when the tutor ends: `None` when
    /// everything was. `waited` says how long the loop waited for the saves pending.
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

    /// Whether changes were lost that the reader could not have known would be: the store
    /// was writable when the tutor opened.
    pub fn lost_unexpectedly(&self) -> bool {
        !self.known_unwritable && self.unsaved().next().is_some()
    }

    /// Everything not on disk: changes that failed, then those still on their way.
    pub fn unsaved(&self) -> impl DoubleEndedIterator<Item = &Change> {
        let pending = self.pending.iter().flat_map(|(_, changes)| changes);
        self.failed.iter().chain(pending)
    }
}

/// What `changes` would have done, as few words as say it: the last word on each item and
/// page, one place (the last); four named at most, else three and the rest counted.
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
        let (first, _) = saves.push(tick("a"));
        let (second, _) = saves.push(tick("b"));
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
            let (seq, _) = saves.push(change);
            saves.not_saved(seq, "read-only");
        }
        let report = saves.report(std::time::Duration::from_secs(2)).unwrap();
        assert_eq!(
            report,
            "progress not saved (tick a, your place in 2.2): read-only"
        );
        for id in ["b", "c", "d", "e"] {
            let (seq, _) = saves.push(tick(id));
            saves.not_saved(seq, "read-only");
        }
        let report = saves.report(std::time::Duration::from_secs(2)).unwrap();
        assert_eq!(
            report,
            "progress not saved (tick a, your place in 2.2, tick b and 3 more): read-only"
        );
    }

    #[test]
    fn changes_refused_go_again_with_the_next_save() {
        let mut saves = Saves::default();
        let (first, _) = saves.push(tick("a"));
        saves.not_saved(first, "the lock file could not be opened");
        assert!(saves.lost_unexpectedly());
        let (second, changes) = saves.push(tick("b"));
        assert_eq!(changes, [tick("a"), tick("b")], "the refused change first");
        assert!(saves.failed.is_empty());
        let mut disk = Progress::default();
        disk.apply(&tick("a"), "t");
        disk.apply(&tick("b"), "t");
        let shown = saves.saved(second, disk);
        assert!(shown.done("a") && shown.done("b"));
        assert_eq!(saves.report(std::time::Duration::from_secs(2)), None);
        assert!(!saves.lost_unexpectedly());
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
