//! Blocks × width × theme → styled lines: the one renderer the CLI and the TUI share.
//!
//! A [`Page`] is what to show (headings and borrowed blocks) with its code highlighted
//! once; [`Page::layout`] lays it out for a width, cheaply and as often as needed.

pub mod ansi;
mod code;
mod highlight;
mod inline;
mod layout;
mod table;
pub mod theme;
mod wrap;

use ratatui::text::Line;

use std::collections::HashMap;

use crate::guide::{
    Block, BlockKind, Guide, GuideLine, Lesson, PageId, PageKind, Part, PartKind, Section,
};
use highlight::{Highlights, Job};
pub use inline::{printable, printable_line};
pub use theme::{ColorMode, Theme, ThemeKind};
pub use wrap::hard_wrap;

/// Display width of `text` in terminal columns.
pub fn display_width(text: &str) -> usize {
    wrap::width(text)
}

/// `text` on one line at most `columns` wide: whole if it fits, else cut between grapheme
/// clusters and ended with `…`. Control characters are made visible first.
pub fn fit(text: &str, columns: usize) -> String {
    let text = printable_line(text);
    if wrap::width(&text) <= columns {
        return text.into_owned();
    }
    match columns {
        0 => String::new(),
        n => layout::truncate(&text, n - 1) + "…",
    }
}

/// Loads the syntax definitions and the code theme now, so the first code shown later does
/// not wait for them. Meant for a background thread at start-up; cheap if already done.
pub fn warm_up(theme: &Theme) {
    highlight::warm_up(theme);
}

/// One thing on a page.
#[derive(Clone, Debug)]
pub enum Piece<'g> {
    /// A heading the page adds: the guide title (1), a section (2) or a lesson (3).
    Heading {
        level: u8,
        text: String,
        line: u32,
    },
    Block(&'g Block),
}

/// What to do with diagram lines wider than the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    /// Cut them at the width and end them with a `›` marker (for printed output).
    Cut,
    /// Keep them whole, for a view that scrolls sideways.
    Keep,
}

/// Checklist ticks to show instead of the guide's own, by the guide line of the item
/// (the reader's progress, where the guide writes `- [ ]`).
pub type Ticks = HashMap<GuideLine, bool>;

/// A laid-out page.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub lines: Vec<Line<'static>>,
    /// For each line, the guide line it shows (not [`GuideLine::is_real`] for lines the
    /// renderer adds).
    pub source: Vec<GuideLine>,
    /// The lines of each piece of the page, in order.
    pub groups: Vec<std::ops::Range<usize>>,
}

impl Rendered {
    /// For each line, whether it belongs to a piece with a line wider than `width`: what a
    /// view scrolling sideways moves, together, while everything else stays in place.
    pub fn wider_than(&self, width: usize) -> Vec<bool> {
        let mut wide = vec![false; self.lines.len()];
        for group in &self.groups {
            let lines = self.lines.get(group.clone()).unwrap_or_default();
            if lines.iter().any(|l| l.width() > width) {
                wide[group.clone()].fill(true);
            }
        }
        wide
    }

    /// The lines as plain strings, for tests and for output without styles.
    pub fn plain(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }
}

/// Pieces ready to lay out. Their code is highlighted on the first layout, once.
pub struct Page<'g> {
    pieces: Vec<Piece<'g>>,
    highlights: Highlights<'g>,
    theme: Theme,
    ticks: Ticks,
}

impl<'g> Page<'g> {
    pub fn new(pieces: Vec<Piece<'g>>, theme: &Theme) -> Self {
        let mut jobs = Vec::new();
        for piece in &pieces {
            if let Piece::Block(block) = piece {
                collect_code(std::slice::from_ref(*block), &mut jobs);
            }
        }
        let highlights = Highlights::new(jobs, theme);
        Page {
            pieces,
            highlights,
            theme: theme.clone(),
            ticks: Ticks::new(),
        }
    }

    /// Page `id` of the guide under its heading, as the tutor shows it and `pyguide show
    /// ID` prints it. A rule that ends it is the guide's separator before what follows,
    /// which means nothing on a page of its own, so it is left out.
    pub fn of(guide: &'g Guide, id: PageId, theme: &Theme) -> Self {
        let mut pieces = Self::pieces_of(guide, id);
        drop_closing_rules(&mut pieces);
        Page::new(pieces, theme)
    }

    /// The same page with `more` after its own blocks (what a front page adds), a rule
    /// that ends the page kept to set them apart.
    pub fn with_more(guide: &'g Guide, id: PageId, more: &'g [Block], theme: &Theme) -> Self {
        let mut pieces = Self::pieces_of(guide, id);
        pieces.extend(more.iter().map(Piece::Block));
        Page::new(pieces, theme)
    }

    fn pieces_of(guide: &'g Guide, id: PageId) -> Vec<Piece<'g>> {
        let page = guide.page(id);
        let level = match page.kind {
            PageKind::Home => 1,
            PageKind::Section(_) | PageKind::Part(_) => 2,
            PageKind::Lesson(_) => 3,
        };
        let mut pieces = vec![Piece::Heading {
            level,
            text: guide.heading(id),
            line: page.line.0,
        }];
        pieces.extend(guide.blocks(id).iter().map(Piece::Block));
        pieces
    }

    /// Shows `ticks` on checklist items in place of what the guide writes.
    pub fn with_ticks(mut self, ticks: Ticks) -> Self {
        self.ticks = ticks;
        self
    }

    /// One lesson. A rule that ends it is the guide's separator before the next section,
    /// which means nothing on a page of its own, so it is left out.
    pub fn lesson(lesson: &'g Lesson, theme: &Theme) -> Self {
        let mut pieces = Vec::new();
        push_lesson(&mut pieces, lesson);
        drop_closing_rules(&mut pieces);
        Page::new(pieces, theme)
    }

    pub fn section(section: &'g Section, theme: &Theme) -> Self {
        let mut pieces = Vec::new();
        push_section(&mut pieces, section);
        Page::new(pieces, theme)
    }

    /// The whole guide in document order, without the table of contents (which is navigation).
    pub fn guide(guide: &'g Guide, theme: &Theme) -> Self {
        let mut pieces = vec![title_heading(guide)];
        pieces.extend(guide.preface.iter().map(Piece::Block));
        let (mut sections, mut parts) = (
            guide.sections.iter().peekable(),
            guide.parts.iter().peekable(),
        );
        loop {
            let next_part_first = match (sections.peek(), parts.peek()) {
                (Some(s), Some(p)) => p.line < s.line,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => break,
            };
            if next_part_first {
                let Some(part) = parts.next() else { break };
                if part.kind != PartKind::Contents {
                    push_part(&mut pieces, part);
                }
            } else if let Some(section) = sections.next() {
                push_section(&mut pieces, section);
            }
        }
        Page::new(pieces, theme)
    }

    /// Lays the page out `width` columns wide (at least 1).
    pub fn layout(&self, width: usize, overflow: Overflow) -> Rendered {
        let layout = || {
            layout::Layout::new(&self.theme, overflow, &self.highlights, &self.ticks)
                .page(&self.pieces, width.max(1))
        };
        self.highlights.with_helper(layout)
    }
}

fn drop_closing_rules(pieces: &mut Vec<Piece>) {
    while matches!(
        pieces.last(),
        Some(Piece::Block(Block {
            kind: BlockKind::Rule,
            ..
        }))
    ) {
        pieces.pop();
    }
}

fn title_heading<'g>(guide: &Guide) -> Piece<'g> {
    Piece::Heading {
        level: 1,
        text: guide.title_heading(),
        line: guide.title_line,
    }
}

fn section_heading<'g>(section: &Section) -> Piece<'g> {
    Piece::Heading {
        level: 2,
        text: section.heading(),
        line: section.line,
    }
}

fn push_part<'g>(pieces: &mut Vec<Piece<'g>>, part: &'g Part) {
    pieces.push(Piece::Heading {
        level: 2,
        text: part.heading(),
        line: part.line,
    });
    pieces.extend(part.blocks.iter().map(Piece::Block));
}

fn push_section<'g>(pieces: &mut Vec<Piece<'g>>, section: &'g Section) {
    pieces.push(section_heading(section));
    pieces.extend(section.intro.iter().map(Piece::Block));
    for lesson in &section.lessons {
        push_lesson(pieces, lesson);
    }
}

fn push_lesson<'g>(pieces: &mut Vec<Piece<'g>>, lesson: &'g Lesson) {
    pieces.push(Piece::Heading {
        level: 3,
        text: lesson.heading(),
        line: lesson.line,
    });
    pieces.extend(lesson.blocks.iter().map(Piece::Block));
}

/// Code blocks in document order: depth first, through lists and quotes.
fn collect_code<'g>(blocks: &'g [Block], jobs: &mut Vec<Job<'g>>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Code { .. } => jobs.extend(Job::for_block(block)),
            BlockKind::Quote(inner) => collect_code(inner, jobs),
            BlockKind::List(list) => list
                .items
                .iter()
                .for_each(|item| collect_code(&item.blocks, jobs)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
