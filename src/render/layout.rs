//! Laying blocks out at a width: each block becomes lines, each line knows its guide line.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::highlight::{CodeLines, Highlights};
use super::inline::{frags, printable};
use super::theme::Theme;
use super::wrap::{clusters, width as text_width, wrap};
use super::{Overflow, Piece, Rendered, Ticks, code, table};
use crate::guide::{Block, BlockKind, GuideLine, List, Span as GuideSpan};

/// Lines with the guide line each one shows.
pub(crate) type Out = Vec<(Line<'static>, u32)>;

/// Nested lists and quotes indent only while this many columns are left for their text;
/// deeper or narrower, their content keeps the width it has.
const MIN_ROOM: usize = 8;

const BULLETS: [&str; 3] = ["•", "◦", "▪"];

pub(crate) struct Layout<'a> {
    theme: &'a Theme,
    overflow: Overflow,
    highlights: &'a Highlights<'a>,
    ticks: &'a Ticks,
    /// The style text starts from (changes inside quotes).
    base: Style,
}

impl<'a> Layout<'a> {
    pub(crate) fn new(
        theme: &'a Theme,
        overflow: Overflow,
        highlights: &'a Highlights<'a>,
        ticks: &'a Ticks,
    ) -> Self {
        Layout {
            theme,
            overflow,
            highlights,
            ticks,
            base: theme.text,
        }
    }

    pub(crate) fn page(mut self, pieces: &[Piece], width: usize) -> Rendered {
        let mut out = Out::new();
        let mut groups = Vec::with_capacity(pieces.len());
        let mut previous: Option<&Piece> = None;
        for piece in pieces {
            if !out.is_empty() && !adjacent_in_source(previous, piece) {
                out.push((Line::default(), 0));
            }
            previous = Some(piece);
            let start = out.len();
            match piece {
                Piece::Heading { level, text, line } => {
                    self.page_heading(*level, text, *line, width, &mut out)
                }
                Piece::Block(block) => self.block(block, width, 0, &mut out),
            }
            groups.push(start..out.len());
        }
        let (lines, rows): (Vec<_>, Vec<u32>) = out.into_iter().unzip();
        let source = rows.into_iter().map(GuideLine).collect();
        Rendered {
            lines,
            source,
            groups,
        }
    }

    fn page_heading(&self, level: u8, text: &str, line: u32, width: usize, out: &mut Out) {
        let (style, rule) = match level {
            1 => (self.theme.title, "═"),
            2 => (self.theme.heading, "━"),
            _ => (self.theme.heading, "─"),
        };
        let lines = wrap(&[(printable(text).into_owned(), style)], width);
        let widest = lines.iter().map(Line::width).max().unwrap_or(0).min(width);
        out.extend(lines.into_iter().map(|l| (l, line)));
        out.push((
            Line::from(Span::styled(rule.repeat(widest), self.theme.border)),
            line,
        ));
    }

    fn block(&mut self, block: &Block, width: usize, depth: usize, out: &mut Out) {
        let line = block.lines.first;
        match &block.kind {
            BlockKind::Paragraph(spans) => self.paragraph(spans, self.base, width, line, out),
            BlockKind::Heading { spans, .. } => self.paragraph(
                spans,
                self.base.patch(self.theme.subheading),
                width,
                line,
                out,
            ),
            BlockKind::Code { lang, text } => self.code(lang.as_deref(), text, block, width, out),
            BlockKind::Diagram(text) => {
                self.verbatim(text, block, self.theme.diagram, self.overflow, width, out)
            }
            // Raw HTML is not a drawing: it never needs to scroll sideways.
            BlockKind::Html(text) => {
                self.verbatim(text, block, self.theme.muted, Overflow::Cut, width, out)
            }
            BlockKind::List(list) => self.list(list, width, depth, out),
            BlockKind::Quote(blocks) => self.quote(blocks, width, depth, out),
            BlockKind::Rule => out.push((
                Line::from(Span::styled("─".repeat(width), self.theme.border)),
                line,
            )),
            BlockKind::Table(t) => {
                let rows = table::layout(t, width, self.theme, self.base);
                out.extend(rows.into_iter().map(|(l, offset)| (l, line + offset)));
            }
        }
    }

    fn paragraph(&self, spans: &[GuideSpan], base: Style, width: usize, line: u32, out: &mut Out) {
        let lines = wrap(&frags(spans, self.theme, base), width);
        out.extend(lines.into_iter().map(|l| (l, line)));
    }

    fn code(&mut self, lang: Option<&str>, text: &str, block: &Block, width: usize, out: &mut Out) {
        // Borrow the highlighted rows; plain rows are made only when there is no colour.
        let plain: CodeLines;
        let rows = match self.highlights.get_for(block) {
            Some(highlighted) => highlighted,
            None => {
                plain = text
                    .split('\n')
                    .map(|l| vec![(self.theme.code_text, l.to_string())])
                    .collect();
                &plain
            }
        };
        let at = code::Source {
            start: block.lines.first,
            first: first_row_line(block, rows.len()),
            end: block.lines.last,
        };
        code::layout(self.theme, rows, lang, at, width, out);
    }

    /// Text shown exactly as written (diagrams, HTML): never wrapped or re-spaced, and cut
    /// with a `›` when wider than the page unless the view scrolls sideways.
    fn verbatim(
        &self,
        text: &str,
        block: &Block,
        style: Style,
        overflow: Overflow,
        width: usize,
        out: &mut Out,
    ) {
        let first = first_row_line(block, text.split('\n').count());
        for (i, row) in text.split('\n').enumerate() {
            let row = code::shown_line(row);
            let line = if overflow == Overflow::Cut && text_width(&row) > width {
                let kept = truncate(&row, width.saturating_sub(1));
                Line::from(vec![
                    Span::styled(kept, style),
                    Span::styled("›", self.theme.marker),
                ])
            } else {
                Line::from(Span::styled(row.into_owned(), style))
            };
            out.push((line, first + i as u32));
        }
    }

    fn list(&mut self, list: &List, width: usize, depth: usize, out: &mut Out) {
        let markers: Vec<(String, Style)> = (0..list.items.len())
            .map(|i| self.marker(list, i, depth))
            .collect();
        let marker_width = markers
            .iter()
            .map(|(m, _)| text_width(m))
            .max()
            .unwrap_or(1);
        let inner_width = room_for(width, marker_width + 1);
        for (item, (marker, style)) in list.items.iter().zip(markers) {
            let mut inner = Out::new();
            let mut after_paragraph = false;
            for block in &item.blocks {
                let paragraph = matches!(block.kind, BlockKind::Paragraph(_));
                if after_paragraph && paragraph {
                    inner.push((Line::default(), 0));
                }
                self.block(block, inner_width.unwrap_or(width), depth + 1, &mut inner);
                after_paragraph = paragraph;
            }
            let Some(inner_width) = inner_width else {
                // No room to indent: the marker on a line of its own, the text under it.
                let src = inner.first().map_or(0, |(_, src)| *src);
                out.push((
                    Line::from(Span::styled(truncate(&marker, width), style)),
                    src,
                ));
                out.extend(inner);
                continue;
            };
            if inner.is_empty() {
                inner.push((Line::default(), 0));
            }
            let pad = " ".repeat(width - inner_width - 1 - text_width(&marker));
            // Numbers line up on the right, bullets on the left.
            let head = if list.start.is_some() {
                format!("{pad}{marker} ")
            } else {
                format!("{marker}{pad} ")
            };
            for (k, (line, src)) in inner.into_iter().enumerate() {
                let prefix = if k == 0 {
                    Span::styled(head.clone(), style)
                } else {
                    Span::raw(" ".repeat(width - inner_width))
                };
                out.push((prefixed(prefix, line), src));
            }
        }
    }

    fn marker(&self, list: &List, index: usize, depth: usize) -> (String, Style) {
        let item = &list.items[index];
        let bullet = match list.start {
            Some(start) => format!("{}.", start.saturating_add(index as u64)),
            None => BULLETS[depth % BULLETS.len()].to_string(),
        };
        // A checklist item the reader ticked shows their tick, not the guide's.
        let first = item.blocks.first().map(|b| GuideLine(b.lines.first));
        let task = item.task.map(|written| {
            first
                .and_then(|l| self.ticks.get(&l).copied())
                .unwrap_or(written)
        });
        match (task, list.start) {
            (Some(true), None) => ("[x]".into(), self.theme.done),
            (Some(false), None) => ("[ ]".into(), self.theme.bullet),
            (Some(done), Some(_)) => (
                format!("{bullet} [{}]", if done { "x" } else { " " }),
                self.theme.bullet,
            ),
            (None, _) => (bullet, self.theme.bullet),
        }
    }

    fn quote(&mut self, blocks: &[Block], width: usize, depth: usize, out: &mut Out) {
        let saved = self.base;
        self.base = self.base.patch(self.theme.quote);
        let inner_width = room_for(width, 2);
        let mut inner = Out::new();
        for block in blocks {
            if !inner.is_empty() {
                inner.push((Line::default(), block.lines.first));
            }
            self.block(block, inner_width.unwrap_or(width), depth, &mut inner);
        }
        self.base = saved;
        match inner_width {
            Some(_) => {
                out.extend(inner.into_iter().map(|(line, src)| {
                    (prefixed(Span::styled("│ ", self.theme.bullet), line), src)
                }))
            }
            None => out.extend(inner),
        }
    }
}

/// The width left for nested content after `indent` columns, if it is enough to be worth it.
fn room_for(width: usize, indent: usize) -> Option<usize> {
    (width >= indent + MIN_ROOM).then(|| width - indent)
}

/// The guide line of a block's first row: after its fence when it has one.
fn first_row_line(block: &Block, rows: usize) -> u32 {
    let spanned = (block.lines.last - block.lines.first + 1) as usize;
    block.lines.first + u32::from(spanned > rows)
}

/// Blocks the author wrote on consecutive lines (a "**Key Points:**" label and its list)
/// stay together; a blank line in the guide is a blank line on screen.
fn adjacent_in_source(previous: Option<&Piece>, next: &Piece) -> bool {
    match (previous, next) {
        (Some(Piece::Block(a)), Piece::Block(b)) => b.lines.first == a.lines.last + 1,
        _ => false,
    }
}

fn prefixed(prefix: Span<'static>, line: Line<'static>) -> Line<'static> {
    let mut spans = Vec::with_capacity(line.spans.len() + 1);
    spans.push(prefix);
    spans.extend(line.spans);
    Line::from(spans)
}

/// The longest prefix of `s` at most `columns` wide, cut between grapheme clusters.
pub(crate) fn truncate(s: &str, columns: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for (g, w) in clusters(s) {
        if used + w > columns {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out
}
