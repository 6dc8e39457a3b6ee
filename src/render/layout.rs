//! Laying blocks out at a width: each block becomes lines, each line knows its guide line.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::highlight::{CodeLines, Highlights};
use super::inline::{expand_tabs, frags, printable, printable_line};
use super::theme::Theme;
use super::wrap::{width as text_width, wrap};
use super::{Overflow, Piece, Rendered, table};
use crate::guide::{Block, BlockKind, List, Span as GuideSpan};

/// Lines with the guide line each one shows.
pub(crate) type Out = Vec<(Line<'static>, u32)>;

pub(crate) struct Layout<'a> {
    theme: &'a Theme,
    overflow: Overflow,
    /// Highlighted code, asked for in the order blocks are met.
    highlights: &'a Highlights<'a>,
    next_code: usize,
    /// The style text starts from (changes inside quotes).
    base: Style,
}

const BULLETS: [&str; 3] = ["•", "◦", "▪"];

impl<'a> Layout<'a> {
    pub(crate) fn new(
        theme: &'a Theme,
        overflow: Overflow,
        highlights: &'a Highlights<'a>,
    ) -> Self {
        Layout {
            theme,
            overflow,
            highlights,
            next_code: 0,
            base: theme.text,
        }
    }

    pub(crate) fn page(mut self, pieces: &[Piece], width: usize) -> Rendered {
        let mut out = Out::new();
        let mut previous: Option<&Piece> = None;
        for piece in pieces {
            if !out.is_empty() && !adjacent_in_source(previous, piece) {
                out.push((Line::default(), 0));
            }
            previous = Some(piece);
            match piece {
                Piece::Heading { level, text, line } => {
                    self.page_heading(*level, text, *line, width, &mut out)
                }
                Piece::Block(block) => self.block(block, width, 0, &mut out),
            }
        }
        let (lines, source) = out.into_iter().unzip();
        Rendered { lines, source }
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
            BlockKind::Heading { spans, .. } => {
                let style = self.base.patch(self.theme.subheading);
                self.paragraph(spans, style, width, line, out);
            }
            BlockKind::Code { lang, text } => self.code(lang.as_deref(), text, block, width, out),
            BlockKind::Diagram(text) => {
                self.verbatim(text, self.theme.diagram, line + 1, width, out)
            }
            BlockKind::Html(text) => self.verbatim(text, self.theme.muted, line, width, out),
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

    /// A code block in a frame with its language on top; long lines continue on rows
    /// marked `↪`, so no character of the code is ever lost or moved within its line.
    fn code(&mut self, lang: Option<&str>, text: &str, block: &Block, width: usize, out: &mut Out) {
        // Borrow the highlighted rows; plain rows are made only when there is no colour.
        let plain: CodeLines;
        self.next_code += 1;
        let rows: &CodeLines = match self.highlights.get(self.next_code - 1) {
            Some(highlighted) => highlighted,
            None => {
                plain = text
                    .split('\n')
                    .map(|l| vec![(self.theme.code_text, l.to_string())])
                    .collect();
                &plain
            }
        };
        // A fenced block's first line is its fence; an indented one starts with code.
        let spanned = (block.lines.last - block.lines.first + 1) as usize;
        let first = block.lines.first + u32::from(spanned > rows.len());
        if width < 8 {
            for (i, row) in rows.iter().enumerate() {
                for chunk in split_styled(row, width) {
                    out.push((Line::from(chunk), first + i as u32));
                }
            }
            return;
        }
        let widest = rows
            .iter()
            .map(|r| r.iter().map(|(_, t)| text_width(t)).sum::<usize>())
            .max()
            .unwrap_or(0);
        let label = truncate(&printable_line(lang.unwrap_or("code")), width - 6);
        let inner = widest.max(text_width(&label) + 2).min(width - 4);
        self.code_top(&label, inner, block.lines.first, out);
        let border = self.theme.border;
        for (i, row) in rows.iter().enumerate() {
            for (k, chunk) in split_styled(row, inner).into_iter().enumerate() {
                let used: usize = chunk.iter().map(|s| s.width()).sum();
                let gutter = if k == 0 { "│ " } else { "│↪" };
                let mut spans = Vec::with_capacity(chunk.len() + 3);
                spans.push(Span::styled(gutter, border));
                spans.extend(chunk);
                spans.push(Span::raw(" ".repeat(inner - used.min(inner))));
                spans.push(Span::styled(" │", border));
                out.push((Line::from(spans), first + i as u32));
            }
        }
        let bottom = format!("╰{}╯", "─".repeat(inner + 2));
        out.push((Line::from(Span::styled(bottom, border)), block.lines.last));
    }

    fn code_top(&self, label: &str, inner: usize, line: u32, out: &mut Out) {
        let dashes = (inner + 1).saturating_sub(text_width(label) + 2);
        let spans = vec![
            Span::styled("╭─ ", self.theme.border),
            Span::styled(label.to_string(), self.theme.code_label),
            Span::styled(format!(" {}╮", "─".repeat(dashes)), self.theme.border),
        ];
        out.push((Line::from(spans), line));
    }

    /// Text shown exactly as written (diagrams, HTML): never wrapped or re-spaced.
    fn verbatim(&self, text: &str, style: Style, first: u32, width: usize, out: &mut Out) {
        for (i, row) in text.split('\n').enumerate() {
            let row = expand_tabs(row);
            let line = if self.overflow == Overflow::Cut && text_width(&row) > width {
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
        let indent = marker_width + 1;
        for (item, (marker, style)) in list.items.iter().zip(markers) {
            let mut inner = Out::new();
            let mut after_paragraph = false;
            for block in &item.blocks {
                let paragraph = matches!(block.kind, BlockKind::Paragraph(_));
                if after_paragraph && paragraph {
                    inner.push((Line::default(), 0));
                }
                self.block(
                    block,
                    width.saturating_sub(indent).max(1),
                    depth + 1,
                    &mut inner,
                );
                after_paragraph = paragraph;
            }
            if inner.is_empty() {
                inner.push((Line::default(), 0));
            }
            let pad = marker_width - text_width(&marker);
            // Numbers line up on the right, bullets on the left.
            let head = if list.start.is_some() {
                format!("{}{marker} ", " ".repeat(pad))
            } else {
                format!("{marker}{} ", " ".repeat(pad))
            };
            for (k, (line, src)) in inner.into_iter().enumerate() {
                let prefix = if k == 0 {
                    Span::styled(head.clone(), style)
                } else {
                    Span::raw(" ".repeat(indent))
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
        match (item.task, list.start) {
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
        let mut inner = Out::new();
        for block in blocks {
            if !inner.is_empty() {
                inner.push((Line::default(), block.lines.first));
            }
            self.block(block, width.saturating_sub(2).max(1), depth, &mut inner);
        }
        self.base = saved;
        for (line, src) in inner {
            out.push((prefixed(Span::styled("│ ", self.theme.bullet), line), src));
        }
    }
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

/// The longest prefix of `s` at most `columns` wide.
pub(crate) fn truncate(s: &str, columns: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > columns {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Splits one styled row into pieces at most `columns` wide (always at least one piece),
/// copying each piece once, with tabs expanded and control characters made visible.
fn split_styled(row: &[(Style, String)], columns: usize) -> Vec<Vec<Span<'static>>> {
    let columns = columns.max(1);
    let fits = row.iter().map(|(_, t)| text_width(t)).sum::<usize>() <= columns;
    if fits && !row.iter().any(|(_, t)| t.chars().any(char::is_control)) {
        return vec![
            row.iter()
                .map(|(style, text)| Span::styled(text.clone(), *style))
                .collect(),
        ];
    }
    let mut rows = vec![Vec::new()];
    let mut used = 0;
    for (style, text) in row {
        let mut piece = String::new();
        for c in expand_tabs(text).chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > columns && used > 0 {
                if let Some(last) = rows.last_mut().filter(|_| !piece.is_empty()) {
                    last.push(Span::styled(std::mem::take(&mut piece), *style));
                }
                rows.push(Vec::new());
                used = 0;
            }
            piece.push(c);
            used += w;
        }
        if let Some(last) = rows.last_mut().filter(|_| !piece.is_empty()) {
            last.push(Span::styled(piece, *style));
        }
    }
    rows
}
