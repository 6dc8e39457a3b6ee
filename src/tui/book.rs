//! The contents the sidebar draws: a tree over the guide's one list of pages, sections
//! folding open to theirs. Built once from the guide; knows nothing of terminals.

use super::action::Action;
use super::keymap;
use crate::guide::{
    Block, BlockKind, CodeBlock, Guide, LessonId, Lines, PageId, PageKind, Span, SpanStyle, Stats,
    code_blocks,
};

/// A row of the learning path's page: a gauge for the whole path, a phase with its gauge
/// (by its index in the path), an item (counting every item of the path from 0), or a gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathRow {
    Overall,
    Phase(usize),
    Item(usize),
    Blank,
}

/// A row of the sidebar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A section, by its index in [`Guide::sections`]: it folds open to its pages.
    Section(usize),
    Page(PageId),
}

pub struct Book<'g> {
    pub guide: &'g Guide,
    /// What the home page adds under the preface: what is inside and how to start.
    pub welcome: Vec<Block>,
}

impl<'g> Book<'g> {
    pub fn new(guide: &'g Guide) -> Self {
        Book {
            guide,
            welcome: welcome(&guide.stats()),
        }
    }

    /// The section a page belongs to, by its index in [`Guide::sections`].
    pub fn section_of(&self, page: PageId) -> Option<usize> {
        self.guide.page(page).section
    }

    /// The lesson on `page`, if the page is a lesson.
    pub fn lesson_id(&self, page: PageId) -> Option<LessonId> {
        self.guide.page(page).lesson()
    }

    /// The code blocks on `page`, in reading order.
    pub fn code(&self, page: PageId) -> Vec<CodeBlock<'g>> {
        code_blocks(self.guide.blocks(page))
    }

    /// Every lesson page, in reading order, with its lesson's id.
    pub fn lesson_pages(&self) -> impl Iterator<Item = (PageId, LessonId)> + '_ {
        let pages = self.guide.pages().iter();
        pages.filter_map(|p| Some((p.id, p.lesson()?)))
    }

    /// The lesson pages of the section at index `s`.
    pub fn lessons_in(&self, s: usize) -> impl Iterator<Item = (PageId, LessonId)> + '_ {
        let pages = self.guide.section_lessons(s);
        pages.filter_map(|p| Some((p.id, p.lesson()?)))
    }

    pub fn sections(&self) -> usize {
        self.guide.sections.len()
    }

    /// The sidebar's rows when the sections marked in `expanded` are open: pages outside
    /// any section as they come, each section's pages under it.
    pub fn entries(&self, expanded: &[bool]) -> Vec<Entry> {
        let mut rows = Vec::with_capacity(self.guide.pages().len() + self.sections());
        let mut last_section = None;
        for page in self.guide.pages() {
            match page.section {
                None => rows.push(Entry::Page(page.id)),
                Some(s) => {
                    if last_section != Some(s) {
                        rows.push(Entry::Section(s));
                        last_section = Some(s);
                    }
                    if expanded.get(s).copied().unwrap_or(false) {
                        rows.push(Entry::Page(page.id));
                    }
                }
            }
        }
        rows
    }

    /// The learning path's page, row by row.
    pub fn path_rows(&self) -> Vec<PathRow> {
        let mut rows = vec![PathRow::Overall, PathRow::Blank];
        let mut n = 0;
        for (p, phase) in self.guide.learning_path.phases.iter().enumerate() {
            rows.push(PathRow::Phase(p));
            rows.extend((n..n + phase.items.len()).map(PathRow::Item));
            n += phase.items.len();
            rows.push(PathRow::Blank);
        }
        rows
    }

    /// The first of `rows` a pane `height` rows tall shows with `item` chosen: the chosen
    /// item in view, with the rows above it while they fit.
    pub fn path_first_row(rows: &[PathRow], item: usize, height: usize) -> usize {
        let chosen = rows.iter().position(|r| *r == PathRow::Item(item));
        (chosen.unwrap_or(0) + 1).saturating_sub(height)
    }

    /// How a section is named in the sidebar and the breadcrumb: "2 Python Internals".
    pub fn section_label(&self, s: usize) -> String {
        match self.guide.sections.get(s) {
            Some(section) if section.title.is_empty() => section.number.to_string(),
            Some(section) => format!("{} {}", section.number, section.title),
            None => String::new(),
        }
    }

    /// How a page is named in the sidebar: "2.4 Global Interpreter Lock (GIL)".
    pub fn label(&self, id: PageId) -> String {
        let page = self.guide.page(id);
        match page.kind {
            PageKind::Home => "Home".into(),
            PageKind::Section(_) => "Introduction".into(),
            PageKind::Lesson(_) => self.guide.heading(id),
            PageKind::Part(_) => page.title.clone(),
        }
    }

    /// Where a page sits, outermost first: the section, then the lesson.
    pub fn breadcrumb(&self, id: PageId) -> Vec<String> {
        let page = self.guide.page(id);
        match (page.kind, page.section) {
            (PageKind::Lesson(_), Some(s)) => vec![self.section_label(s), self.guide.heading(id)],
            (PageKind::Section(_), Some(s)) => vec![self.section_label(s)],
            _ => vec![self.guide.heading(id)],
        }
    }

    /// A short name for the status bar: the page's key for lessons and sections ("2.4"),
    /// else its label ("Home", "Learning Path").
    pub fn short_name(&self, id: PageId) -> String {
        let page = self.guide.page(id);
        match page.kind {
            PageKind::Lesson(_) | PageKind::Section(_) => page.key.clone(),
            _ => self.label(id),
        }
    }
}

fn welcome(stats: &Stats) -> Vec<Block> {
    let text = |t: &str| Span {
        text: t.into(),
        ..Span::default()
    };
    let styled = |t: &str, style| Span {
        text: t.into(),
        style,
        link: None,
    };
    // Keys by what they do, named as the bindings name them.
    let key = |action: Action| {
        styled(
            &keymap::key_for(action),
            SpanStyle {
                code: true,
                ..SpanStyle::default()
            },
        )
    };
    let italic = SpanStyle {
        italic: true,
        ..SpanStyle::default()
    };
    let bold = SpanStyle {
        bold: true,
        ..SpanStyle::default()
    };
    let Stats {
        sections,
        lessons,
        code_blocks,
        diagrams,
        tables,
        ..
    } = stats;
    let counts = [
        (*sections, "section"),
        (*lessons, "lesson"),
        (*code_blocks, "code example"),
        (*diagrams, "diagram"),
        (*tables, "table"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|&(n, what)| match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    })
    .collect::<Vec<_>>()
    .join(" · ");
    let paragraphs = [
        vec![styled(&counts, italic)],
        vec![
            styled("Start", bold),
            text(" with "),
            key(Action::Section(1)),
            text(" for the first section, or choose a lesson in the contents and press "),
            key(Action::Open),
            text("."),
        ],
        vec![
            key(Action::NextPage),
            text(" and "),
            key(Action::PreviousPage),
            text(" turn the pages, "),
            key(Action::LearningPath),
            text(" shows the learning path, "),
            key(Action::Back),
            text(" goes back, "),
            key(Action::ToggleHelp),
            text(" lists every key, "),
            key(Action::Quit),
            text(" quits."),
        ],
    ];
    paragraphs
        .into_iter()
        .map(|spans| Block {
            lines: Lines::one(0),
            kind: BlockKind::Paragraph(spans),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    fn guide(md: &str) -> Guide {
        load::from_bytes("t.md", md.as_bytes()).unwrap().guide
    }

    fn page(g: &Guide, key: &str) -> PageId {
        g.find_page(key).unwrap()
    }

    #[test]
    fn names_and_breadcrumbs_come_from_the_page_list() {
        let g = guide(
            "# T\n\n## Contents\n\n- [A](#1-a)\n\n## 1. A\n\nIntro.\n\n### 1.1 X\n\nx\n\n\
             ## 2. B\n\n### 2.1 Y\n\ny\n\n## 3. C\n\nOnly text.\n\n## Resources\n\n- r\n",
        );
        let book = Book::new(&g);
        assert_eq!(book.label(page(&g, "1")), "Introduction");
        assert_eq!(book.breadcrumb(page(&g, "1.1")), ["1 A", "1.1 X"]);
        assert_eq!(book.short_name(page(&g, "resources")), "Resources");
        assert_eq!(book.short_name(page(&g, "2.1")), "2.1");
    }

    #[test]
    fn the_welcome_counts_in_words() {
        let g = guide("# T\n\n## 1. A\n\n### 1.1 X\n\n```python\npass\n```\n");
        let book = Book::new(&g);
        let BlockKind::Paragraph(spans) = &book.welcome[0].kind else {
            panic!("the counts are a paragraph")
        };
        assert_eq!(spans[0].text, "1 section · 1 lesson · 1 code example");
    }

    #[test]
    fn collapsed_sections_hide_their_pages() {
        let g = guide("# T\n\n## 1. A\n\n### 1.1 X\n\n### 1.2 Y\n\n## 2. B\n\n### 2.1 Z\n");
        let book = Book::new(&g);
        let home = Entry::Page(g.home());
        let all_closed = book.entries(&[false, false]);
        assert_eq!(all_closed, [home, Entry::Section(0), Entry::Section(1)]);
        let first_open = book.entries(&[true, false]);
        let (x, y) = (Entry::Page(page(&g, "1.1")), Entry::Page(page(&g, "1.2")));
        assert_eq!(
            first_open,
            [home, Entry::Section(0), x, y, Entry::Section(1)]
        );
    }
}
