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
}

/// A change for the saver thread, with its number for the answer.
pub type Order = (u64, Change);

impl Saver {
    pub fn new(store: Result<Store, NoHome>) -> Self {
        Saver { store }
    }

    /// The progress to start from, and a note for the status bar. Never waits for the
    /// store's lock.
    pub fn open(&self) -> (Progress, Option<String>) {
        let store = match &self.store {
            Ok(store) => store,
            Err(why) => {
                return (
                    Progress::default(),
                    Some(format!("progress not saved: {why}")),
                );
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
                let note = (!notes.is_empty()).then(|| notes.join("; "));
                (opened.progress, note)
            }
            Err(e) => (
                Progress::default(),
                Some(format!("progress not loaded: {e}")),
            ),
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

    /// Saves `batch` in one write; the answers for `update`: one for the last change (the
    /// store's answer covers those before it), or one for each change that failed.
    fn save(&self, batch: &[Order]) -> Vec<Action> {
        let changes: Vec<Change> = batch.iter().map(|(_, change)| change.clone()).collect();
        let result = match &self.store {
            Ok(store) => store.apply_all(&changes).map_err(|e| e.to_string()),
            Err(why) => Err(why.to_string()),
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
