//! The guide as plain data: sections, lessons, blocks, the learning path.
//!
//! The loader ([`load`]) produces a [`Guide`]; everything else borrows it. Nothing here does
//! I/O or knows about terminals. Every node keeps the guide lines it came from, so errors,
//! search hits and "open in editor" can point at a line, and so tests can prove that every
//! line of the source reached the model ([`Guide::spans`]).

mod blocks;
mod code;
mod id;
pub mod load;
mod outline;
mod pages;
pub mod repair;
mod stats;

pub use code::{CodeBlock, code_blocks, unrunnable_summary};
pub(crate) use id::number;
pub use id::{LessonId, ParseIdError, Selector};
pub use load::{BUILTIN_NAME, Diagnostics, Encoding, LineEndings, LoadError, Loaded, Warning};
pub(crate) use outline::slug;
pub use pages::{GuideLine, NoSuchPage, Page, PageId, PageKind};
pub use stats::Stats;

/// Lists and quotes nested deeper than this are kept, but flattened into the container at
/// this depth, so nothing that walks blocks can recurse without bound.
pub const MAX_NESTING: usize = 32;

/// 1-based, inclusive range of guide lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lines {
    pub first: u32,
    pub last: u32,
}

impl Lines {
    pub fn one(line: u32) -> Self {
        Lines {
            first: line,
            last: line,
        }
    }
}

/// The whole guide.
#[derive(Clone, Debug, PartialEq)]
pub struct Guide {
    /// The `#` title without its leading emoji.
    pub title: String,
    /// A leading emoji of the title (`🐍`), or U+FFFD where repair could not restore it.
    pub icon: Option<String>,
    /// The text of the block quote right after the title, if any.
    pub subtitle: Option<String>,
    /// Line of the `#` title (0 when the guide has none).
    pub title_line: u32,
    /// Everything between the title and the first `##` heading, subtitle quote included.
    pub preface: Vec<Block>,
    /// The numbered `## N. Title` sections, in document order.
    pub sections: Vec<Section>,
    /// Unnumbered `##` parts (contents, learning path, resources, others) in document order,
    /// kept whole so they can be shown as written.
    pub parts: Vec<Part>,
    /// Navigation taken from the "Table of Contents" part.
    pub contents: Vec<ContentsEntry>,
    /// Phases and items taken from the "Learning Path" part.
    pub learning_path: LearningPath,
    /// Named links taken from the "Resources" part.
    pub resources: Vec<Resource>,
    /// Every page in reading order ([`Guide::pages`]), made once the rest is read.
    pages: Vec<Page>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub number: u32,
    pub title: String,
    pub line: u32,
    /// Blocks between the section heading and its first lesson.
    pub intro: Vec<Block>,
    pub lessons: Vec<Lesson>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub id: LessonId,
    pub title: String,
    /// The line of the lesson's `###` heading.
    pub line: u32,
    pub blocks: Vec<Block>,
}

/// An unnumbered `##` part, such as "📚 Learning Path".
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub kind: PartKind,
    pub title: String,
    pub icon: Option<String>,
    pub line: u32,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    Contents,
    LearningPath,
    Resources,
    Other,
}

/// Where a contents link points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Section(u32),
    Lesson(LessonId),
    Part(usize),
    /// An anchor no heading of the guide has, or an outside address.
    Unresolved(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContentsEntry {
    pub title: String,
    pub target: Target,
    pub lines: Lines,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LearningPath {
    pub phases: Vec<Phase>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    /// "Beginner" from "Beginner (Weeks 1-4)".
    pub title: String,
    /// "1-4" from "Beginner (Weeks 1-4)".
    pub weeks: Option<String>,
    pub line: u32,
    pub items: Vec<Item>,
}

/// One checklist entry of the learning path.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// 1-based position over the whole path.
    pub n: u32,
    /// Derived from phase and text (`beginner/python-syntax-data-types`), unique in the guide,
    /// so progress survives items being added or moved.
    pub id: String,
    pub text: String,
    /// Whether the guide itself writes `- [x]`.
    pub checked: bool,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub name: String,
    pub url: String,
    pub lines: Lines,
}

/// A block of lesson content with the guide lines it was written on.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub lines: Lines,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    Paragraph(Vec<Span>),
    /// A heading inside a lesson (`####`, or an unnumbered `###`).
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    /// A code block; `lang` is the first word of the fence's info string.
    Code {
        lang: Option<String>,
        text: String,
    },
    /// A fence without a language that draws with box or tree characters, kept byte for byte.
    Diagram(String),
    List(List),
    Quote(Vec<Block>),
    Rule,
    Table(Table),
    /// Raw HTML, kept as written.
    Html(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    /// The first number of an ordered list; `None` for bullets.
    pub start: Option<u64>,
    pub items: Vec<ListItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    /// `Some(done)` for a task item (`- [ ]` / `- [x]`).
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub align: Vec<Align>,
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
}

pub type Cell = Vec<Span>;

/// A run of inline text with one style. Soft breaks are spaces; hard breaks are `\n`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: SpanStyle,
    /// The destination when the span is (part of) a link or image.
    pub link: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanStyle {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    pub image: bool,
}

/// The plain text of some spans.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// The plain text of the paragraphs among `blocks`, joined by spaces and trimmed.
pub fn paragraphs_text(blocks: &[Block]) -> String {
    let paragraphs: Vec<String> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph(spans) => Some(plain_text(spans)),
            _ => None,
        })
        .collect();
    paragraphs.join(" ").trim().to_string()
}

/// A heading's text with its emoji, as the guide writes it ("📚 Learning Path").
pub fn with_icon(icon: Option<&str>, title: &str) -> String {
    match icon {
        Some(icon) => format!("{icon} {title}"),
        None => title.to_string(),
    }
}

impl Part {
    /// The heading as the guide writes it: "📚 Learning Path".
    pub fn heading(&self) -> String {
        with_icon(self.icon.as_deref(), &self.title)
    }
}

impl Section {
    /// The heading as the guide writes it: "2. Python Internals & Architecture".
    pub fn heading(&self) -> String {
        format!("{}. {}", self.number, self.title)
    }
}

impl Lesson {
    /// The heading as the guide writes it: "2.4 Global Interpreter Lock (GIL)".
    pub fn heading(&self) -> String {
        format!("{} {}", self.id, self.title)
    }
}

impl Guide {
    /// The title as the guide writes it, its emoji first: "🐍 Python for AI/ML…".
    pub fn title_heading(&self) -> String {
        with_icon(self.icon.as_deref(), &self.title)
    }

    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.sections.iter().flat_map(|s| s.lessons.iter())
    }

    /// The first lesson with this id (a guide may repeat ids; doctor warns about it).
    pub fn lesson(&self, id: LessonId) -> Option<&Lesson> {
        self.lessons().find(|l| l.id == id)
    }

    pub fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.learning_path
            .phases
            .iter()
            .flat_map(|p| p.items.iter())
    }

    pub fn stats(&self) -> Stats {
        Stats::of(self)
    }

    /// Every source line range the model accounts for: headings, blocks, items, links.
    pub fn spans(&self) -> Vec<Lines> {
        let mut out = Vec::new();
        if self.title_line > 0 {
            out.push(Lines::one(self.title_line));
        }
        out.extend(self.preface.iter().map(|b| b.lines));
        for section in &self.sections {
            out.push(Lines::one(section.line));
            out.extend(section.intro.iter().map(|b| b.lines));
            for lesson in &section.lessons {
                out.push(Lines::one(lesson.line));
                out.extend(lesson.blocks.iter().map(|b| b.lines));
            }
        }
        for part in &self.parts {
            out.push(Lines::one(part.line));
            out.extend(part.blocks.iter().map(|b| b.lines));
        }
        out
    }
}
