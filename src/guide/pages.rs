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

use super::{Block, Guide, LessonId, Part, PartKind, Section, slug};

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
            Source::Preface => self.title_heading(),
            Source::Intro(s) => self.sections[s].heading(),
            Source::Lesson(s, l) => self.sections[s].lessons[l].heading(),
            Source::Part(p) => self.parts[p].heading(),
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

    /// The lesson pages of the section at index `s`, in reading order.
    pub fn section_lessons(&self, s: usize) -> impl Iterator<Item = &Page> {
        self.section_pages(s).filter(|p| p.lesson().is_some())
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

    /// The pages outside every section (home, the parts), in reading order.
    pub fn pages_outside_sections(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| p.section.is_none())
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
    let mut parts = guide.parts.iter().enumerate();
    let mut parts = parts
        .by_ref()
        .filter(|(_, p)| p.kind != PartKind::Contents)
        .peekable();
    for (s, section) in guide.sections.iter().enumerate() {
        // A part written before a section is read before it, as `show all` prints it.
        while let Some((p, part)) = parts.next_if(|(_, part)| part.line < section.line) {
            pages.push_part(p, part);
        }
        pages.push_section(s, section);
    }
    for (p, part) in parts {
        pages.push_part(p, part);
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
    /// Parts whose titles have no letters or digits so far, to name them `part-1`, …
    untitled: usize,
}

impl Pages {
    fn push_section(&mut self, s: usize, section: &Section) {
        if !section.intro.is_empty() || section.lessons.is_empty() {
            let named = Named::new(section.number.to_string(), &section.title, section.line);
            let kind = PageKind::Section(section.number);
            self.push(kind, named, Some(s), Source::Intro(s));
        }
        for (l, lesson) in section.lessons.iter().enumerate() {
            let named = Named::new(lesson.id.to_string(), &lesson.title, lesson.line);
            let source = Source::Lesson(s, l);
            self.push(PageKind::Lesson(lesson.id), named, Some(s), source);
        }
    }

    fn push_part(&mut self, p: usize, part: &Part) {
        let key = match part.title.chars().any(char::is_alphanumeric) {
            true => slug(&part.title),
            false => {
                self.untitled += 1;
                format!("part-{}", self.untitled)
            }
        };
        let named = Named::new(key, &part.title, part.line);
        self.push(PageKind::Part(part.kind), named, None, Source::Part(p));
    }

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
mod tests;
