//! Between the tutor and its progress store: what it starts from, and each change saved as
//! the loop asks, the answer going back to `update` as an action. A store that cannot be
//! used leaves the tutor working; the user is told once.

use crate::progress::Change;
use crate::progress::Progress;
use crate::progress::store::Store;
use crate::tui::action::Action;

pub struct Saver {
    /// The store, or why there is none (no data directory found).
    store: Result<Store, String>,
}

impl Saver {
    pub fn new(store: Result<Store, String>) -> Self {
        Saver { store }
    }

    /// The progress to start from, and a note for the status bar.
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

    /// Saves `change`; the answer for `update`.
    pub fn save(&self, change: &Change) -> Action {
        match &self.store {
            Ok(store) => match store.apply(change) {
                Ok((progress, _)) => Action::Saved(progress),
                Err(e) => Action::NotSaved(e.to_string()),
            },
            Err(why) => Action::NotSaved(why.clone()),
        }
    }
}
