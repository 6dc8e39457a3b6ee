//! Progress through a guide: ticked learning-path items, lessons read, and where reading
//! stopped. Plain data and the changes that can be made to it; `store` keeps it on disk.

pub mod items;
pub mod locate;
mod migrate;
pub mod store;

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::guide::{GuideLine, Item};

/// The version this pyguide writes. A store with a higher one is read, never written; a
/// lower one is read through [`migrate`], one step per version.
///
/// 1: `lessons` by lesson id, each with `scroll` (a guide line); `last.lesson`.
/// 2: `pages` by page id (any page, not only lessons), each with `line`; `last.page`.
pub const VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// By item id, never by position, so an edited guide keeps its ticks; ticks for items
    /// a guide no longer has are kept.
    #[serde(default)]
    pub items: BTreeMap<String, ItemMark>,
    /// By page id ("2.4", "learning-path"): lessons read, and where each page was left.
    #[serde(default)]
    pub pages: BTreeMap<String, PageMark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Last>,
    /// Interpreters the user agreed may run the guide's code in the tutor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub run_with: Vec<String>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: VERSION,
            items: BTreeMap::new(),
            pages: BTreeMap::new(),
            last: None,
            run_with: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemMark {
    pub done: bool,
    /// When it was last ticked or unticked, RFC 3339.
    pub at: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMark {
    /// Whether the lesson on the page is read (by the tutor's reading rule, or `m`).
    #[serde(default)]
    pub read: bool,
    /// The guide line at the top of the screen when the page was last left.
    #[serde(default)]
    pub line: GuideLine,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visited: Option<String>,
}

/// Where reading stopped: the tutor reopens there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Last {
    /// The page's id ("2.4").
    pub page: String,
    pub line: GuideLine,
}

/// One change, applied to whatever is on disk at the moment it is saved, so two running
/// copies never undo each other's work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Tick {
        id: String,
        done: bool,
    },
    /// The lesson on page `page` read, or not.
    Read {
        page: String,
        read: bool,
    },
    /// Page `page` was left with this guide line at the top.
    Place {
        page: String,
        line: GuideLine,
    },
    /// The user agreed that this interpreter may run the guide's code.
    AllowPython(String),
    /// Merge another store: ticks and reads are added, never taken away. Agreement to run
    /// code is not imported: it was given for another machine.
    Import(Progress),
    Reset,
}

impl Change {
    /// What the change was, for "not saved" messages: "tick beginner/python-syntax",
    /// "2.4 read", "your place in 2.4".
    pub fn describe(&self) -> String {
        match self {
            Change::Tick { id, done: true } => format!("tick {id}"),
            Change::Tick { id, done: false } => format!("untick {id}"),
            Change::Read { page, read: true } => format!("{page} read"),
            Change::Read { page, read: false } => format!("{page} not read"),
            Change::Place { page, .. } => format!("your place in {page}"),
            Change::AllowPython(python) => format!("running code with {python}"),
            Change::Import(_) => "an import".into(),
            Change::Reset => "a reset".into(),
        }
    }
}

impl Progress {
    pub fn done(&self, id: &str) -> bool {
        self.items.get(id).is_some_and(|m| m.done)
    }

    /// Whether `item` is done: as the reader ticked it, else as the guide writes it.
    pub fn ticked(&self, item: &Item) -> bool {
        self.items.get(&item.id).map_or(item.checked, |m| m.done)
    }

    /// Whether the lesson on page `page` ("2.4") is read.
    pub fn read(&self, page: &str) -> bool {
        self.pages.get(page).is_some_and(|m| m.read)
    }

    /// Whether the user agreed that `python` may run the guide's code.
    pub fn allows(&self, python: &str) -> bool {
        self.run_with.iter().any(|p| p == python)
    }

    /// Applies `change`, stamped with the time `at` (RFC 3339).
    pub fn apply(&mut self, change: &Change, at: &str) {
        match change {
            Change::Tick { id, done } => {
                let mark = ItemMark {
                    done: *done,
                    at: at.to_owned(),
                };
                self.items.insert(id.clone(), mark);
            }
            Change::Read { page, read } => {
                self.pages.entry(page.clone()).or_default().read = *read;
            }
            Change::Place { page, line } => {
                let mark = self.pages.entry(page.clone()).or_default();
                mark.line = *line;
                mark.visited = Some(at.to_owned());
                self.last = Some(Last {
                    page: page.clone(),
                    line: *line,
                });
            }
            Change::AllowPython(python) => {
                if !self.allows(python) {
                    self.run_with.push(python.clone());
                }
            }
            Change::Import(other) => self.merge(other),
            Change::Reset => *self = Progress::default(),
        }
    }

    fn merge(&mut self, other: &Progress) {
        for (id, mark) in other.items.iter().filter(|(_, m)| m.done) {
            if !self.done(id) {
                self.items.insert(id.clone(), mark.clone());
            }
        }
        for (page, mark) in &other.pages {
            let mine = self.pages.entry(page.clone()).or_default();
            mine.read |= mark.read;
            if mine.visited.is_none() {
                mine.visited.clone_from(&mark.visited);
                mine.line = mark.line;
            }
        }
        if self.last.is_none() {
            self.last.clone_from(&other.last);
        }
    }
}

/// Now, as RFC 3339 in UTC to the second.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: &str = "2026-11-24T10:00:00Z";

    #[test]
    fn ticks_reads_and_places_are_kept_by_id() {
        let mut p = Progress::default();
        p.apply(
            &Change::Tick {
                id: "beginner/x".into(),
                done: true,
            },
            AT,
        );
        p.apply(
            &Change::Read {
                page: "2.4".into(),
                read: true,
            },
            AT,
        );
        p.apply(
            &Change::Place {
                page: "2.4".into(),
                line: GuideLine(312),
            },
            AT,
        );
        assert!(p.done("beginner/x") && p.read("2.4"));
        assert_eq!(
            p.last,
            Some(Last {
                page: "2.4".into(),
                line: GuideLine(312)
            })
        );
        p.apply(
            &Change::Tick {
                id: "beginner/x".into(),
                done: false,
            },
            AT,
        );
        assert!(!p.done("beginner/x"));
        assert_eq!(p.items.len(), 1, "an untick is remembered with its time");
    }

    #[test]
    fn an_import_adds_and_never_takes_away() {
        let mut mine = Progress::default();
        mine.apply(
            &Change::Tick {
                id: "a".into(),
                done: true,
            },
            AT,
        );
        mine.apply(
            &Change::Tick {
                id: "b".into(),
                done: false,
            },
            AT,
        );
        let mut theirs = Progress::default();
        theirs.apply(
            &Change::Tick {
                id: "a".into(),
                done: false,
            },
            AT,
        );
        theirs.apply(
            &Change::Tick {
                id: "b".into(),
                done: true,
            },
            AT,
        );
        theirs.apply(
            &Change::Read {
                page: "1.1".into(),
                read: true,
            },
            AT,
        );
        mine.apply(&Change::Import(theirs), AT);
        assert!(mine.done("a") && mine.done("b") && mine.read("1.1"));
    }

    #[test]
    fn now_is_rfc_3339() {
        let t = now();
        assert!(
            t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T',
            "{t}"
        );
    }
}
