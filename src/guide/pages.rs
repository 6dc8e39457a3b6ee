//! The guide's pages in reading order: the one list that search indexes, the renderer lays
//! out, the tutor's contents draw and everything kept per page keys by.
//!
//! Home, then each section's introduction (where it has one) and its lessons, then the
//! unnumbered parts after the table of contents (which the tutor's contents replace). Each
//! page has a [`PageId`], its place in this list, and a key people and files use: `home`,
//! `2`, `2.4`, `learning-path`, `resources`.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Block, Guide, LessonId, PartKind, slug, with_icon};

/// A line of the guide's source, counting from 1: what progress, search results and
/// errors speak of. Not a row of a laid-out page, which depends on the width.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct GuideLine(pub u32);

impl GuideLine {
    /// Whether this names a line of the guide (0 stands for text the renderer adds).
    pub fn is_real(self) -> bool {
        self.0 > 0
    }
}

impl fmt::Display for GuideLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A page's place in the reading order. Only the guide makes them, from its own list, so
/// one always names a page of the guide it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(u32);

impl PageId {
    /// Its position in [`Guide::pages`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The guide's title and the text before its first section.
    Home,
    /// A section's introduction, by the section's number.
    Section(u32),
    Lesson(LessonId),
    /// An unnumbered part: the learning path, the resources, or another.
    Part(PartKind),
}

impl PageKind {
    /// How results and JSON name the kind: "home", "section", "lesson", "part".
    pub fn name(self) -> &'static str {
        match self {
            PageKind::Home => "home",
            PageKind::Section(_) => "section",
            PageKind::Lesson(_) => "lesson",
            PageKind::Part(_) => "part",
        }
    }
}

/// Where a page's blocks are in the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Preface,
    Intro(usize),
    Lesson(usize, usize),
    Part(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub id: PageId,
    /// The id people type and files keep: "home", "2", "2.4", "learning-path".
    pub key: String,
    pub kind: PageKind,
    /// Its title as the guide writes it, without numbers or emoji.
    pub title: String,
    /// The line of its heading (0 for a guide without a title).
    pub line: GuideLine,
    /// The index in [`Guide::sections`] of the section it belongs to.
    pub section: Option<usize>,
    source: Source,
}

impl Page {
    pub fn lesson(&self) -> Option<LessonId> {
        match self.kind {
            PageKind::Lesson(id) => Some(id),
            _ => None,
        }
    }

    pub fn is_learning_path(&self) -> bool {
        self.kind == PageKind::Part(PartKind::LearningPath)
    }
}

/// An id that names no page.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("there is no page '{key}': {hint}")]
pub struct NoSuchPage {
    pub key: String,
    pub hint: String,
}

impl Guide {
    /// Every page in reading order.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// The page `id` names.
    pub fn page(&self, id: PageId) -> &Page {
        // Ids come only from this list, which never shrinks: indexing cannot miss.
        &self.pages[id.index()]
    }

    /// The first page: the guide's home.
    pub fn home(&self) -> PageId {
        PageId(0)
    }

    /// The page after (`by` 1) or before (`by` -1) `id`, if there is one.
    pub fn step(&self, id: PageId, by: isize) -> Option<PageId> {
        let at = id.index().checked_add_signed(by)?;
        self.pages.get(at).map(|p| p.id)
    }

    /// The page with this key ("2.4", "2.4.", "learning-path", "HOME").
    pub fn find_page(&self, key: &str) -> Result<PageId, NoSuchPage> {
        let wanted = key.trim();
        let wanted = wanted.strip_suffix('.').unwrap_or(wanted);
        self.pages
            .iter()
            .find(|p| p.key.eq_ignore_ascii_case(wanted))
            .map(|p| p.id)
            .ok_or_else(|| NoSuchPage {
                key: key.trim().to_string(),
                hint: self.pages_hint(),
            })
    }

    /// The page's heading as the guide writes it: "2.4 Global Interpreter Lock (GIL)",
    /// "📚 Learning Path".
    pub fn heading(&self, id: PageId) -> String {
        match self.page(id).source {
            Source::Preface => with_icon(self.icon.as_deref(), &self.title),
            Source::Intro(s) => self.sections[s].heading(),
            Source::Lesson(s, l) => self.sections[s].lessons[l].heading(),
            Source::Part(p) => with_icon(self.parts[p].icon.as_deref(), &self.parts[p].title),
        }
    }

    /// The blocks page `id` shows from the guide.
    pub fn blocks(&self, id: PageId) -> &[Block] {
        match self.page(id).source {
            Source::Preface => &self.preface,
            Source::Intro(s) => &self.sections[s].intro,
            Source::Lesson(s, l) => &self.sections[s].lessons[l].blocks,
            Source::Part(p) => &self.parts[p].blocks,
        }
    }

    /// The pages of the section at index `s` in [`Guide::sections`], in reading order.
    pub fn section_pages(&self, s: usize) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(move |p| p.section == Some(s))
    }

    /// Where the section numbered `number` opens: its introduction, else its first lesson.
    pub fn opening_page(&self, number: u32) -> Option<PageId> {
        let s = self.sections.iter().position(|s| s.number == number)?;
        self.section_pages(s).next().map(|p| p.id)
    }

    /// The page of lesson `id` (the first, should a guide repeat the id).
    pub fn lesson_page(&self, id: LessonId) -> Option<PageId> {
        let found = self.pages.iter().find(|p| p.lesson() == Some(id));
        found.map(|p| p.id)
    }

    /// The learning path's page, if the guide has one.
    pub fn path_page(&self) -> Option<PageId> {
        self.pages
            .iter()
            .find(|p| p.is_learning_path())
            .map(|p| p.id)
    }

    /// "pages are home, 1.1 to 8.4, learning-path and resources", for errors.
    fn pages_hint(&self) -> String {
        let lessons: Vec<&str> = self
            .pages
            .iter()
            .filter(|p| p.lesson().is_some())
            .map(|p| p.key.as_str())
            .collect();
        let mut names: Vec<String> = Vec::new();
        let mut lessons_named = false;
        for page in &self.pages {
            match page.kind {
                PageKind::Lesson(_) if lessons_named => {}
                PageKind::Lesson(_) => {
                    lessons_named = true;
                    names.push(match lessons.as_slice() {
                        [first, .., last] => format!("{first} to {last}"),
                        _ => page.key.clone(),
                    });
                }
                _ => names.push(page.key.clone()),
            }
        }
        format!("the pages are {}", names.join(", "))
    }
}

/// Builds the list for a guide whose sections and parts are read.
pub(crate) fn list(guide: &Guide) -> Vec<Page> {
    let mut pages = Pages::default();
    let home = Named::new("home".into(), &guide.title, guide.title_line);
    pages.push(PageKind::Home, home, None, Source::Preface);
    for (s, section) in guide.sections.iter().enumerate() {
        if !section.intro.is_empty() || section.lessons.is_empty() {
            let key = section.number.to_string();
            let named = Named::new(key, &section.title, section.line);
            pages.push(
                PageKind::Section(section.number),
                named,
                Some(s),
                Source::Intro(s),
            );
        }
        for (l, lesson) in section.lessons.iter().enumerate() {
            let key = lesson.id.to_string();
            let named = Named::new(key, &lesson.title, lesson.line);
            let source = Source::Lesson(s, l);
            pages.push(PageKind::Lesson(lesson.id), named, Some(s), source);
        }
    }
    for (p, part) in guide.parts.iter().enumerate() {
        if part.kind == PartKind::Contents {
            continue;
        }
        let key = match slug(&part.title) {
            s if s == "item" => format!("part-{}", p + 1),
            s => s,
        };
        let named = Named::new(key, &part.title, part.line);
        pages.push(PageKind::Part(part.kind), named, None, Source::Part(p));
    }
    pages.finish()
}

/// How a page is named: its key, title and its heading's line.
struct Named {
    key: String,
    title: String,
    line: u32,
}

impl Named {
    fn new(key: String, title: &str, line: u32) -> Self {
        let title = title.to_string();
        Named { key, title, line }
    }
}

#[derive(Default)]
struct Pages {
    list: Vec<Page>,
}

impl Pages {
    fn push(&mut self, kind: PageKind, named: Named, section: Option<usize>, source: Source) {
        self.list.push(Page {
            id: PageId(self.list.len() as u32),
            key: named.key,
            kind,
            title: named.title,
            line: GuideLine(named.line),
            section,
            source,
        });
    }

    /// The list, every key made unique: a key a page before it has already (a guide may
    /// repeat a lesson id, or name two parts alike) becomes `key-2`, `key-3`…, so every
    /// page can still be named. Keys are lowercase as they are made.
    fn finish(mut self) -> Vec<Page> {
        let list = &mut self.list;
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by(|&a, &b| list[a].key.cmp(&list[b].key).then(a.cmp(&b)));
        let mut repeats: Vec<usize> = order
            .windows(2)
            .filter(|w| list[w[0]].key == list[w[1]].key)
            .map(|w| w[1])
            .collect();
        // The common case, no repeats, has cost one sort of borrowed keys.
        if !repeats.is_empty() {
            repeats.sort_unstable();
            let mut taken: HashSet<String> = list.iter().map(|p| p.key.clone()).collect();
            for i in repeats {
                let base = list[i].key.clone();
                let free = (2..)
                    .map(|n| format!("{base}-{n}"))
                    .find(|k| !taken.contains(k));
                if let Some(key) = free {
                    taken.insert(key.clone());
                    list[i].key = key;
                }
            }
        }
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    fn guide(md: &str) -> Guide {
        load::from_bytes("t.md", md.as_bytes()).unwrap().guide
    }

    fn keys(guide: &Guide) -> Vec<&str> {
        guide.pages().iter().map(|p| p.key.as_str()).collect()
    }

    #[test]
    fn the_shipped_guide_has_home_33_lessons_the_path_and_the_resources() {
        let guide = load::builtin().unwrap().guide;
        let keys = keys(&guide);
        assert_eq!(keys.len(), 36);
        assert_eq!(keys[..3], ["home", "1.1", "1.2"]);
        assert_eq!(keys[keys.len() - 2..], ["learning-path", "resources"]);
        for (i, page) in guide.pages().iter().enumerate() {
            assert_eq!(page.id.index(), i);
            assert_eq!(guide.find_page(&page.key), Ok(page.id));
        }
        let gil = guide.find_page("2.4").unwrap();
        assert_eq!(guide.page(gil).title, "Global Interpreter Lock (GIL)");
        assert_eq!(guide.page(gil).line, GuideLine(301));
        assert_eq!(guide.path_page(), guide.find_page("Learning-Path").ok());
    }

    #[test]
    fn intros_are_pages_and_sections_open_on_their_first_page() {
        let g = guide(
            "# T\n\n## Contents\n\n- [A](#1-a)\n\n## 1. A\n\nIntro.\n\n### 1.1 X\n\nx\n\n\
             ## 2. B\n\n### 2.1 Y\n\ny\n\n## 3. C\n\nOnly text.\n\n## Resources\n\n- r\n",
        );
        assert_eq!(keys(&g), ["home", "1", "1.1", "2.1", "3", "resources"]);
        assert_eq!(g.opening_page(1), g.find_page("1").ok());
        assert_eq!(g.opening_page(2), g.find_page("2.1").ok());
        assert_eq!(g.opening_page(9), None);
        let sections: Vec<Option<usize>> = g.pages().iter().map(|p| p.section).collect();
        assert_eq!(sections, [None, Some(0), Some(0), Some(1), Some(2), None]);
        let intro = g.find_page("1").unwrap();
        assert_eq!(g.blocks(intro).len(), 1);
        assert_eq!(g.step(g.home(), -1), None);
        assert_eq!(g.step(g.home(), 1), Some(intro));
    }

    #[test]
    fn repeated_ids_and_titles_get_keys_of_their_own() {
        let g = guide("# T\n\n## 1. A\n\n### 1.1 X\n\n### 1.1 Again\n\n## Notes\n\n## Notes\n");
        assert_eq!(keys(&g), ["home", "1.1", "1.1-2", "notes", "notes-2"]);
        // A repeat never takes a key a page has already, whatever the order.
        let g = guide("# T\n\n## 1. A\n\n### 1.1 X\n\n## Notes\n\n## Notes\n\n## Notes 2\n");
        assert_eq!(keys(&g), ["home", "1.1", "notes", "notes-3", "notes-2"]);
        assert_eq!(g.lesson_page(LessonId::new(1, 1)), g.find_page("1.1").ok());
    }

    #[test]
    fn an_unknown_key_is_an_error_that_lists_the_pages() {
        let guide = load::builtin().unwrap().guide;
        let err = guide.find_page("9.9").unwrap_err();
        assert_eq!(
            err.to_string(),
            "there is no page '9.9': the pages are home, 1.1 to 8.4, learning-path, resources"
        );
    }
}
