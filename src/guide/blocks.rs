//! pulldown-cmark events → a flat list of headings and blocks, each with its guide lines.
//!
//! Headings are kept apart because they give the guide its outline ([`super::outline`]);
//! everything else becomes a [`Block`], nested as the markdown nests it.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::{Align, Block, BlockKind, Cell, List, ListItem, MAX_NESTING, Span, SpanStyle, Table};
use lines::LineIndex;

mod lines;

/// A top-level piece of the guide, in document order.
#[derive(Debug)]
pub(crate) enum Node {
    Heading {
        level: u8,
        spans: Vec<Span>,
        line: u32,
    },
    Block(Block),
}

pub(crate) fn parse(text: &str) -> Vec<Node> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut builder = Builder::new(text);
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        builder.event(event, range);
    }
    builder.nodes
}

/// An open block, waiting for its end tag.
enum Frame {
    Paragraph(Vec<Span>),
    Heading(u8, Vec<Span>),
    Quote(Container),
    List(Option<u64>, Vec<ListItem>),
    Item(Container),
    Code(Option<String>, String),
    Html(String),
    Table(TableFrame),
}

/// What a quote or list item holds.
#[derive(Default)]
struct Container {
    task: Option<bool>,
    blocks: Vec<Block>,
    /// Inline content outside any paragraph: a tight item's text, or the text of items
    /// flattened into this container.
    loose_text: Option<(Vec<Span>, Range<usize>)>,
}

impl Container {
    /// Turns the loose text so far into a paragraph, before a block or another item.
    fn flush(&mut self, lines: &LineIndex) {
        if let Some((spans, range)) = self.loose_text.take() {
            let lines = lines.lines(&range);
            self.blocks.push(Block {
                lines,
                kind: BlockKind::Paragraph(spans),
            });
        }
    }
}

struct TableFrame {
    align: Vec<Align>,
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    cell: Vec<Span>,
}

struct Builder<'t> {
    lines: LineIndex<'t>,
    nodes: Vec<Node>,
    stack: Vec<(Frame, Range<usize>)>,
    /// Open lists and quotes that have frames.
    nesting: usize,
    /// Lists and quotes open past [`MAX_NESTING`], which get no frame: their content goes
    /// to the innermost container that has one.
    flat: usize,
    /// Items open in those lists.
    flat_items: usize,
    style: SpanStyle,
    /// Nesting counts, so `**a *b* c**` ends bold only at the outer end.
    depth: [u32; 4],
    links: Vec<String>,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        Builder {
            lines: LineIndex::new(text),
            nodes: Vec::new(),
            stack: Vec::new(),
            nesting: 0,
            flat: 0,
            flat_items: 0,
            style: SpanStyle::default(),
            depth: [0; 4],
            links: Vec::new(),
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, false, range),
            Event::Code(text) => self.text(&text, true, range),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text, true, range),
            Event::Html(html) => self.html(&html, range),
            Event::InlineHtml(html) | Event::FootnoteReference(html) => {
                self.text(&html, false, range)
            }
            Event::SoftBreak => self.text(" ", false, range),
            Event::HardBreak => self.text("\n", false, range),
            Event::Rule => self.push_block(BlockKind::Rule, &range),
            Event::TaskListMarker(done) => self.mark_task(done, range),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let frame = match tag {
            Tag::Paragraph => Frame::Paragraph(Vec::new()),
            Tag::Heading { level, .. } => Frame::Heading(level as u8, Vec::new()),
            Tag::BlockQuote(_) | Tag::List(_) if self.nesting >= MAX_NESTING || self.flat > 0 => {
                self.flat += 1;
                return self.flush_loose_text();
            }
            Tag::Item if self.flat > 0 => {
                self.flat_items += 1;
                return self.flush_loose_text();
            }
            Tag::BlockQuote(_) => Frame::Quote(Container::default()),
            Tag::CodeBlock(kind) => Frame::Code(language(&kind), String::new()),
            Tag::HtmlBlock => Frame::Html(String::new()),
            Tag::List(start) => Frame::List(start, Vec::new()),
            Tag::Item => Frame::Item(Container::default()),
            Tag::Table(align) => Frame::Table(TableFrame {
                align: align.into_iter().map(convert_align).collect(),
                header: Vec::new(),
                rows: Vec::new(),
                row: Vec::new(),
                cell: Vec::new(),
            }),
            Tag::Emphasis => return self.style_change(1, 1),
            Tag::Strong => return self.style_change(0, 1),
            Tag::Strikethrough => return self.style_change(2, 1),
            Tag::Link { dest_url, .. } => return self.links.push(dest_url.into_string()),
            Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.into_string());
                return self.style_change(3, 1);
            }
            // Rows and cells live inside the table frame; the rest is not enabled.
            _ => return,
        };
        if matches!(frame, Frame::Quote(_) | Frame::List(..)) {
            self.nesting += 1;
        }
        self.stack.push((frame, range));
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis => self.style_change(1, -1),
            TagEnd::Strong => self.style_change(0, -1),
            TagEnd::Strikethrough => self.style_change(2, -1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image => {
                self.links.pop();
                self.style_change(3, -1);
            }
            TagEnd::TableCell | TagEnd::TableRow | TagEnd::TableHead => self.end_table_part(tag),
            // Flattened containers are always the innermost open ones.
            TagEnd::BlockQuote(_) | TagEnd::List(_) if self.flat > 0 => {
                self.flat -= 1;
                self.flush_loose_text();
            }
            TagEnd::Item if self.flat_items > 0 => {
                self.flat_items -= 1;
                self.flush_loose_text();
            }
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table => self.close(),
            _ => {}
        }
    }

    fn style_change(&mut self, which: usize, by: i32) {
        self.depth[which] = self.depth[which].saturating_add_signed(by);
        self.style.bold = self.depth[0] > 0;
        self.style.italic = self.depth[1] > 0;
        self.style.strike = self.depth[2] > 0;
        self.style.image = self.depth[3] > 0;
    }

    /// Pops the innermost frame and hands what it built to its parent.
    fn close(&mut self) {
        let Some((frame, range)) = self.stack.pop() else {
            return;
        };
        let kind = match frame {
            Frame::Paragraph(spans) => BlockKind::Paragraph(spans),
            Frame::Heading(level, spans) => {
                if self.stack.is_empty() {
                    let line = self.lines.line(range.start);
                    self.nodes.push(Node::Heading { level, spans, line });
                    return;
                }
                BlockKind::Heading { level, spans }
            }
            Frame::Quote(mut quote) => {
                self.nesting -= 1;
                quote.flush(&self.lines);
                BlockKind::Quote(quote.blocks)
            }
            Frame::Code(lang, text) => code_block(lang, text),
            Frame::Html(html) => BlockKind::Html(html.trim_end_matches('\n').to_string()),
            Frame::List(start, items) => {
                self.nesting -= 1;
                BlockKind::List(List { start, items })
            }
            Frame::Item(mut item) => {
                item.flush(&self.lines);
                if let Some((Frame::List(_, items), _)) = self.stack.last_mut() {
                    items.push(ListItem {
                        task: item.task,
                        blocks: item.blocks,
                    });
                }
                return;
            }
            Frame::Table(t) => BlockKind::Table(Table {
                align: t.align,
                header: t.header,
                rows: t.rows,
            }),
        };
        self.push_block(kind, &range);
    }

    /// Keeps flattened items apart: the text gathered so far becomes its own paragraph.
    fn flush_loose_text(&mut self) {
        if let Some((Frame::Quote(c) | Frame::Item(c), _)) = self.stack.last_mut() {
            c.flush(&self.lines);
        }
    }

    fn push_block(&mut self, kind: BlockKind, range: &Range<usize>) {
        let block = Block {
            lines: self.lines.lines(range),
            kind,
        };
        match self.stack.last_mut() {
            None => self.nodes.push(Node::Block(block)),
            Some((Frame::Quote(c) | Frame::Item(c), _)) => {
                c.flush(&self.lines);
                c.blocks.push(block);
            }
            // Blocks cannot open inside paragraphs, code or tables.
            Some(_) => {}
        }
    }

    fn text(&mut self, text: &str, code: bool, range: Range<usize>) {
        let style = SpanStyle { code, ..self.style };
        let link = self.links.last().cloned();
        let spans = match self.stack.last_mut() {
            Some((Frame::Paragraph(spans) | Frame::Heading(_, spans), _)) => spans,
            Some((Frame::Table(table), _)) => &mut table.cell,
            Some((Frame::Code(_, body) | Frame::Html(body), _)) => return body.push_str(text),
            Some((Frame::Quote(c) | Frame::Item(c), _)) => {
                let (spans, seen) = c
                    .loose_text
                    .get_or_insert_with(|| (Vec::new(), range.clone()));
                seen.end = seen.end.max(range.end);
                spans
            }
            _ => return,
        };
        match spans.last_mut() {
            Some(last) if last.style == style && last.link == link => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_string(),
                style,
                link,
            }),
        }
    }

    fn html(&mut self, html: &str, range: Range<usize>) {
        match self.stack.last_mut() {
            Some((Frame::Html(body), _)) => body.push_str(html),
            _ => self.text(html, false, range),
        }
    }

    /// The marker belongs to the innermost item; a flattened item keeps it as text.
    fn mark_task(&mut self, done: bool, range: Range<usize>) {
        if self.flat_items > 0 {
            return self.text(if done { "[x] " } else { "[ ] " }, false, range);
        }
        let innermost = self
            .stack
            .iter_mut()
            .rev()
            .find_map(|(frame, _)| match frame {
                Frame::Item(item) => Some(item),
                _ => None,
            });
        if let Some(item) = innermost {
            item.task = Some(done);
        }
    }

    fn end_table_part(&mut self, tag: TagEnd) {
        let Some((Frame::Table(table), _)) = self.stack.last_mut() else {
            return;
        };
        match tag {
            TagEnd::TableCell => table.row.push(std::mem::take(&mut table.cell)),
            TagEnd::TableHead => table.header = std::mem::take(&mut table.row),
            _ => table.rows.push(std::mem::take(&mut table.row)),
        }
    }
}

fn language(kind: &CodeBlockKind<'_>) -> Option<String> {
    match kind {
        CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
        CodeBlockKind::Indented => None,
    }
}

/// A fence whose language is absent (or says plain text) and whose text draws with box,
/// tree or block characters is a diagram; anything else is code.
fn code_block(lang: Option<String>, mut text: String) -> BlockKind {
    if text.ends_with('\n') {
        text.pop();
    }
    let plain = lang.as_deref().is_none_or(|l| {
        ["text", "txt", "plain", "plaintext", "ascii", "diagram"]
            .contains(&l.to_ascii_lowercase().as_str())
    });
    if plain && text.chars().any(|c| ('\u{2500}'..='\u{259F}').contains(&c)) {
        BlockKind::Diagram(text)
    } else {
        BlockKind::Code { lang, text }
    }
}

fn convert_align(a: pulldown_cmark::Alignment) -> Align {
    match a {
        pulldown_cmark::Alignment::None => Align::None,
        pulldown_cmark::Alignment::Left => Align::Left,
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
    }
}

#[cfg(test)]
mod tests;
