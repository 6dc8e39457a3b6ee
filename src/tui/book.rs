//! What the tutor can show, in reading order, and the tree the sidebar draws from it.
//! Built once from the guide; knows nothing of terminals.

use crate::guide::{
    Block, BlockKind, CodeBlock, Guide, LessonId, Lines, PartKind, Span, SpanStyle, Stats,
    code_blocks, with_icon,
};

/// One page the lesson pane can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    /// The guide's title and preface.
    Home,
    /// Text between a section's heading and its first lesson (or a section without lessons).
    Intro {
        section: usize,
    },
    Lesson {
        section: usize,
        lesson: usize,
    },
    /// An unnumbered part such as the Learning Path or Resources (not the table of contents,
    /// which the sidebar replaces).
    Part(usize),
}

/// Index of a [`Doc`] in reading order.
pub type DocId = usize;

/// A row of the sidebar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Section(usize),
    Doc(DocId),
}

pub struct Book<'g> {
    pub guide: &'g Guide,
    /// Every page in reading order: home, each section's intro and lessons, then the parts.
    pub docs: Vec<Doc>,
    /// For each section, its pages.
    chapters: Vec<Vec<DocId>>,
    /// Pages outside any section, before (home) and after (parts) the sections.
    before: Vec<DocId>,
    after: Vec<DocId>,
    /// What the home page adds under the preface: what is inside and how to start.
    pub welcome: Vec<Block>,
}

impl<'g> Book<'g> {
    pub fn new(guide: &'g Guide) -> Self {
        let mut docs = vec![Doc::Home];
        let mut chapters = Vec::with_capacity(guide.sections.len());
        for (s, section) in guide.sections.iter().enumerate() {
            let mut chapter = Vec::new();
            if !section.intro.is_empty() || section.lessons.is_empty() {
                chapter.push(docs.len());
                docs.push(Doc::Intro { section: s });
            }
            for l in 0..section.lessons.len() {
                chapter.push(docs.len());
                docs.push(Doc::Lesson {
                    section: s,
                    lesson: l,
                });
            }
            chapters.push(chapter);
        }
        let mut after = Vec::new();
        for (p, part) in guide.parts.iter().enumerate() {
            if part.kind != PartKind::Contents {
                after.push(docs.len());
                docs.push(Doc::Part(p));
            }
        }
        Book {
            guide,
            docs,
            chapters,
            before: vec![0],
            after,
            welcome: welcome(&guide.stats()),
        }
    }

    pub fn doc(&self, id: DocId) -> Doc {
        self.docs.get(id).copied().unwrap_or(Doc::Home)
    }

    /// The section a page belongs to.
    pub fn section_of(&self, id: DocId) -> Option<usize> {
        match self.doc(id) {
            Doc::Intro { section } | Doc::Lesson { section, .. } => Some(section),
            Doc::Home | Doc::Part(_) => None,
        }
    }

    /// The lesson on page `id`, if the page is a lesson.
    pub fn lesson_id(&self, id: DocId) -> Option<LessonId> {
        match self.doc(id) {
            Doc::Lesson { section, lesson } => {
                Some(self.guide.sections.get(section)?.lessons.get(lesson)?.id)
            }
            _ => None,
        }
    }

    /// The blocks page `id` shows from the guide.
    pub fn blocks(&self, id: DocId) -> &'g [Block] {
        let guide = self.guide;
        match self.doc(id) {
            Doc::Home => &guide.preface,
            Doc::Intro { section } => guide.sections.get(section).map_or(&[], |s| &s.intro),
            Doc::Lesson { section, lesson } => guide
                .sections
                .get(section)
                .and_then(|s| s.lessons.get(lesson))
                .map_or(&[], |l| &l.blocks),
            Doc::Part(p) => guide.parts.get(p).map_or(&[], |p| &p.blocks),
        }
    }

    /// The code blocks on page `id`, in reading order.
    pub fn code(&self, id: DocId) -> Vec<CodeBlock<'g>> {
        code_blocks(self.blocks(id))
    }

    /// Every lesson page, in reading order, with its lesson's id.
    pub fn lesson_pages(&self) -> impl Iterator<Item = (DocId, LessonId)> + '_ {
        (0..self.docs.len()).filter_map(|d| Some((d, self.lesson_id(d)?)))
    }

    /// The lesson pages of the section at index `s`.
    pub fn lessons_in(&self, s: usize) -> impl Iterator<Item = (DocId, LessonId)> + '_ {
        let chapter = self.chapters.get(s).map_or(&[][..], Vec::as_slice);
        chapter
            .iter()
            .filter_map(|&d| Some((d, self.lesson_id(d)?)))
    }

    pub fn sections(&self) -> usize {
        self.chapters.len()
    }

    /// The first page of the section numbered `number`.
    pub fn first_of_section(&self, number: u32) -> Option<DocId> {
        let s = self
            .guide
            .sections
            .iter()
            .position(|s| s.number == number)?;
        self.chapters.get(s)?.first().copied()
    }

    /// The sidebar's rows when the sections marked in `expanded` are open.
    pub fn rows(&self, expanded: &[bool]) -> Vec<Row> {
        let mut rows: Vec<Row> = self.before.iter().map(|&d| Row::Doc(d)).collect();
        for (s, chapter) in self.chapters.iter().enumerate() {
            rows.push(Row::Section(s));
            if expanded.get(s).copied().unwrap_or(false) {
                rows.extend(chapter.iter().map(|&d| Row::Doc(d)));
            }
        }
        rows.extend(self.after.iter().map(|&d| Row::Doc(d)));
        rows
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
    pub fn label(&self, id: DocId) -> String {
        let guide = self.guide;
        match self.doc(id) {
            Doc::Home => "Home".into(),
            Doc::Intro { .. } => "Introduction".into(),
            Doc::Lesson { section, lesson } => guide.sections[section].lessons[lesson].heading(),
            Doc::Part(p) => guide.parts[p].title.clone(),
        }
    }

    /// Where a page sits, outermost first: the section, then the lesson.
    pub fn breadcrumb(&self, id: DocId) -> Vec<String> {
        let guide = self.guide;
        match self.doc(id) {
            Doc::Home => vec![with_icon(guide.icon.as_deref(), &guide.title)],
            Doc::Intro { section } => vec![self.section_label(section)],
            Doc::Lesson { section, .. } => vec![self.section_label(section), self.label(id)],
            Doc::Part(p) => vec![with_icon(
                guide.parts[p].icon.as_deref(),
                &guide.parts[p].title,
            )],
        }
    }

    /// A short name for the status bar: the lesson id, or the page's label.
    pub fn short_name(&self, id: DocId) -> String {
        match self.doc(id) {
            Doc::Lesson { section, lesson } => {
                self.guide.sections[section].lessons[lesson].id.to_string()
            }
            Doc::Intro { section } => self.guide.sections[section].number.to_string(),
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
    let key = |t: &str| {
        styled(
            t,
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
            key("1"),
            text(" for the first section, or choose a lesson in the contents and press "),
            key("Enter"),
            text("."),
        ],
        vec![
            key("]"),
            text(" and "),
            key("["),
            text(" turn the pages, "),
            key("?"),
            text(" lists every key, "),
            key("q"),
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

    #[test]
    fn pages_are_in_reading_order_with_intros_and_parts() {
        let g = guide(
            "# T\n\n## Contents\n\n- [A](#1-a)\n\n## 1. A\n\nIntro.\n\n### 1.1 X\n\nx\n\n\
             ## 2. B\n\n### 2.1 Y\n\ny\n\n## 3. C\n\nOnly text.\n\n## Resources\n\n- r\n",
        );
        let book = Book::new(&g);
        assert_eq!(
            book.docs,
            [
                Doc::Home,
                Doc::Intro { section: 0 },
                Doc::Lesson {
                    section: 0,
                    lesson: 0
                },
                Doc::Lesson {
                    section: 1,
                    lesson: 0
                },
                Doc::Intro { section: 2 },
                Doc::Part(1),
            ]
        );
        assert_eq!(book.first_of_section(2), Some(3));
        assert_eq!(book.first_of_section(9), None);
        assert_eq!(book.label(1), "Introduction");
        assert_eq!(book.breadcrumb(2), ["1 A", "1.1 X"]);
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
        let all_closed = book.rows(&[false, false]);
        assert_eq!(all_closed, [Row::Doc(0), Row::Section(0), Row::Section(1)]);
        let first_open = book.rows(&[true, false]);
        assert_eq!(
            first_open,
            [
                Row::Doc(0),
                Row::Section(0),
                Row::Doc(1),
                Row::Doc(2),
                Row::Section(1)
            ]
        );
    }
}
