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
    /// tells `answer` how each went. It ends when the sender is dropped.
    pub fn spawn(self, answer: impl Fn(Action) + Send + 'static) -> Sender<Order> {
        let (tx, rx) = mpsc::channel::<Order>();
        std::thread::spawn(move || {
            for (seq, change) in rx {
                answer(self.save(seq, &change));
            }
        });
        tx
    }

    /// Saves `change`; the answer for `update`.
    fn save(&self, seq: u64, change: &Change) -> Action {
        match &self.store {
            Ok(store) => match store.apply(change) {
                Ok((progress, _)) => Action::Saved { seq, progress },
                Err(e) => Action::NotSaved {
                    seq,
                    why: e.to_string(),
                },
            },
            Err(why) => Action::NotSaved {
                seq,
                why: why.to_string(),
            },
        }
    }
}
