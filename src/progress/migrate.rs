//! Stores written by older pyguides, read into today's model: one function per version
//! step, each tested with a real file of its version (`tests/data/progress-v1.json`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{ItemMark, Last, PageMark, Progress, VERSION};
use crate::guide::GuideLine;

/// Version 1: lessons by lesson id, each with the guide line it was left at as `scroll`.
#[derive(Deserialize)]
pub(super) struct V1 {
    #[serde(default)]
    items: BTreeMap<String, ItemMark>,
    #[serde(default)]
    lessons: BTreeMap<String, LessonV1>,
    #[serde(default)]
    last: Option<LastV1>,
    #[serde(default)]
    run_with: Vec<String>,
}

#[derive(Deserialize)]
struct LessonV1 {
    #[serde(default)]
    read: bool,
    /// Despite its name, a guide line, not a screen row.
    #[serde(default)]
    scroll: u32,
    #[serde(default)]
    visited: Option<String>,
}

#[derive(Deserialize)]
struct LastV1 {
    lesson: String,
    scroll: u32,
}

/// 1 → 2: a lesson's id is its page's id, and `scroll` was always a guide line.
pub(super) fn from_v1(old: V1) -> Progress {
    let pages = old
        .lessons
        .into_iter()
        .map(|(id, lesson)| {
            let mark = PageMark {
                read: lesson.read,
                line: GuideLine(lesson.scroll),
                visited: lesson.visited,
            };
            (id, mark)
        })
        .collect();
    Progress {
        version: VERSION,
        items: old.items,
        pages,
        last: old.last.map(|last| Last {
            page: last.lesson,
            line: GuideLine(last.scroll),
        }),
        run_with: old.run_with,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_store_keeps_every_tick_read_and_place() {
        let text = r#"{"version": 1,
            "items": {"beginner/x": {"done": true, "at": "2026-11-24T10:00:00Z"}},
            "lessons": {"2.4": {"read": true, "scroll": 317, "visited": "2026-11-24T10:00:00Z"},
                        "1.1": {"scroll": 22}},
            "last": {"lesson": "2.4", "scroll": 317},
            "run_with": ["/usr/bin/python3"]}"#;
        let old: V1 = serde_json::from_str(text).unwrap();
        let new = from_v1(old);
        assert_eq!(new.version, VERSION);
        assert!(new.done("beginner/x") && new.read("2.4") && !new.read("1.1"));
        assert_eq!(new.pages["2.4"].line, GuideLine(317));
        assert_eq!(new.pages["1.1"].line, GuideLine(22));
        assert!(new.allows("/usr/bin/python3"));
        let last = new.last.unwrap();
        assert_eq!((last.page.as_str(), last.line), ("2.4", GuideLine(317)));
    }
}
