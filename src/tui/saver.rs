//! Between the tutor and its progress store: what it starts from, and a thread that saves
//! each change in order as the loop hands it over, answering with an action. The loop never
//! waits for a disk or for another copy holding the store's lock. A store that cannot be
//! used leaves the tutor working; the user is told once.

use std::sync::mpsc::{self, Sender};

use crate::progress::locate::NoHome;
use crate::progress::store::Store;
use crate::progress::{Change, Progress};
use crate::tui::action::Action;

pub struct Saver {
    /// The store, or why there is none (no data directory found).
    store: Result<Store, NoHome>,
    /// Set when the store is from a newer pyguide: read, never written.
    newer: Option<u32>,
}

/// A save for the saver thread: its number for the answer, and the changes it writes.
pub type Order = (u64, Vec<Change>);

/// What the tutor starts from.
pub struct Opened {
    pub progress: Progress,
    /// A note for the status bar: a store moved aside, one that will not be written.
    pub note: Option<String>,
    /// Whether changes can be saved at all (a store, and not one from a newer pyguide).
    pub writable: bool,
}

impl Saver {
    pub fn new(store: Result<Store, NoHome>) -> Self {
        Saver { store, newer: None }
    }

    /// The progress to start from. Never waits for the store's lock.
    pub fn open(&mut self) -> Opened {
        let store = match &self.store {
            Ok(store) => store,
            Err(why) => {
                let note = Some(format!("progress not saved: {why}"));
                let progress = Progress::default();
                return Opened {
                    progress,
                    note,
                    writable: false,
                };
            }
        };
        match store.open() {
            Ok(opened) => {
                let mut notes = opened.notes;
                if let Some(version) = opened.read_only {
                    notes.push(format!(
                        "progress written by a newer pyguide (version {version}): shown, not saved"
                    ));
                }
                self.newer = opened.read_only;
                let note = (!notes.is_empty()).then(|| notes.join("; "));
                let writable = opened.read_only.is_none();
                Opened {
                    progress: opened.progress,
                    note,
                    writable,
                }
            }
            Err(e) => Opened {
                progress: Progress::default(),
                note: Some(format!("progress not loaded: {e}")),
                writable: true,
            },
        }
    }

    /// Starts the thread that saves what the returned sender is given, in order, and
    /// tells `answer` how it went. Changes that arrive while it is busy (or waiting for the
    /// lock) are saved together, in one write. It ends when the sender is dropped.
    pub fn spawn(self, answer: impl Fn(Action) + Send + 'static) -> Sender<Order> {
        let (tx, rx) = mpsc::channel::<Order>();
        std::thread::spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut batch = vec![first];
                batch.extend(rx.try_iter());
                self.save(&batch).into_iter().for_each(&answer);
            }
        });
        tx
    }

    /// Saves `batch` in one write; the answers for `update`: one for the last save (the
    /// store's answer covers those before it), or one for each save that failed.
    fn save(&self, batch: &[Order]) -> Vec<Action> {
        let changes: Vec<Change> = batch.iter().flat_map(|(_, c)| c.iter().cloned()).collect();
        let result = match (&self.store, self.newer) {
            // Known not to be written: said at once, without the lock or a read.
            (Ok(_), Some(version)) => Err(format!(
                "the progress file was written by a newer pyguide (version {version})"
            )),
            (Ok(store), None) => store.apply_all(&changes).map_err(|e| e.to_string()),
            (Err(why), _) => Err(why.to_string()),
        };
        match (result, batch.last()) {
            (Ok((progress, _)), Some(&(seq, _))) => vec![Action::Saved { seq, progress }],
            (Ok(_), None) => Vec::new(),
            (Err(why), _) => batch
                .iter()
                .map(|&(seq, _)| Action::NotSaved {
                    seq,
                    why: why.clone(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::locate::NoHome;

    fn tick(id: &str) -> Change {
        Change::Tick {
            id: id.into(),
            done: true,
        }
    }

    fn batch() -> Vec<Order> {
        vec![(1, vec![tick("a")]), (2, vec![tick("b"), tick("c")])]
    }

    #[test]
    fn a_batch_is_one_write_and_one_answer_for_its_last_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("p.json"));
        let mut saver = Saver::new(Ok(store));
        assert!(saver.open().writable);
        let answers = saver.save(&batch());
        let [Action::Saved { seq: 2, progress }] = answers.as_slice() else {
            panic!("{answers:?}")
        };
        assert!(progress.done("a") && progress.done("b") && progress.done("c"));
    }

    #[test]
    fn a_batch_that_fails_answers_for_every_save_in_it() {
        let saver = Saver::new(Err(NoHome));
        let answers = saver.save(&batch());
        let seqs: Vec<u64> = answers
            .iter()
            .map(|a| match a {
                Action::NotSaved { seq, .. } => *seq,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(seqs, [1, 2]);
    }

    #[test]
    fn a_store_from_a_newer_pyguide_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let newer = r#"{"version": 99}"#;
        std::fs::write(&path, newer).unwrap();
        let mut saver = Saver::new(Ok(Store::new(path.clone())));
        let opened = saver.open();
        assert!(!opened.writable && opened.note.is_some());
        let lock = dir.path().join("p.json.lock");
        std::fs::remove_file(&lock).unwrap();
        let answers = saver.save(&batch());
        assert!(answers.iter().all(|a| matches!(a, Action::NotSaved { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
        assert!(!lock.exists(), "answered without even taking the lock");
    }
}
