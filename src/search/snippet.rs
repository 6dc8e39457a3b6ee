//! The line a hit points at, as a short snippet with the matching words marked.

use std::ops::Range;

use super::rank::Hit;
use super::tokens::tokens;
use crate::guide::{Block, BlockKind, Guide, plain_text};

/// Characters of context a snippet keeps around its first match.
const CONTEXT: usize = 40;
/// The longest snippet, in characters.
const LONGEST: usize = 110;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of the matching words in `text`.
    pub marks: Vec<Range<usize>>,
}

/// Snippets for the hits on one guide.
pub struct Snippets<'g> {
    guide: &'g Guide,
}

impl<'g> Snippets<'g> {
    pub fn new(guide: &'g Guide) -> Self {
        Snippets { guide }
    }

    /// The snippet for `hit`: the text of its line (a paragraph, a table row, a line of
    /// code), cut to a window around the first match.
    pub fn of(&self, hit: &Hit) -> Snippet {
        // A page's blocks hold every line of it but its heading's, which is the title.
        let blocks = self.guide.blocks(hit.page);
        let text = find(blocks, hit.line.0).unwrap_or_else(|| hit.title.clone());
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let marks = marks(&text, &hit.terms);
        window(&text, marks)
    }
}

/// Byte ranges of the words in `text` whose terms are among `terms`, in order, an
/// identifier's marked parts joined into one.
pub fn marks(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    let found = tokens(text)
        .into_iter()
        .filter(|t| terms.contains(&t.term))
        .map(|t| t.start..t.end)
        .collect();
    joined(text, found)
}

/// Marks on the parts of one identifier (`lru` `_` `cache`, `Thread` `Pool`) become one.
fn joined(text: &str, marks: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(marks.len());
    for mark in marks {
        match out.last_mut() {
            Some(last)
                if last.end == mark.start
                    || (last.end + 1 == mark.start && text[last.end..mark.start] == *"_") =>
            {
                last.end = last.end.max(mark.end);
            }
            Some(last) if mark.start < last.end => last.end = last.end.max(mark.end),
            _ => out.push(mark),
        }
    }
    out
}

fn find(blocks: &[Block], line: u32) -> Option<String> {
    let block = blocks
        .iter()
        .find(|b| b.lines.first <= line && line <= b.lines.last)?;
    let first = block.lines.first;
    let nth = |text: &str, n: u32| text.lines().nth(n as usize).map(str::to_owned);
    match &block.kind {
        BlockKind::Paragraph(spans) | BlockKind::Heading { spans, .. } => Some(plain_text(spans)),
        BlockKind::Code { text, .. } | BlockKind::Diagram(text) => nth(text, line - first - 1),
        BlockKind::Html(text) => nth(text, line - first),
        BlockKind::List(list) => list.items.iter().find_map(|i| find(&i.blocks, line)),
        BlockKind::Quote(inner) => find(inner, line),
        BlockKind::Table(table) => {
            let row = match line - first {
                0 => Some(&table.header),
                k => table.rows.get(k as usize - 2),
            }?;
            let cells: Vec<String> = row.iter().map(|c| plain_text(c)).collect();
            Some(cells.join(" | "))
        }
        BlockKind::Rule => None,
    }
}

/// At most [`LONGEST`] characters of `text`, starting a little before the first mark, and
/// no later than needed to fill the window: a line that fits is shown whole.
fn window(text: &str, marks: Vec<Range<usize>>) -> Snippet {
    let first = marks.first().map_or(0, |m| m.start);
    let chars_before = text[..first].chars().count();
    let total = chars_before + text[first..].chars().count();
    let skip = chars_before
        .saturating_sub(CONTEXT)
        .min(total.saturating_sub(LONGEST));
    let start = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(LONGEST)
        .map_or(text.len(), |(i, _)| start + i);
    let (lead, tail) = (
        if start > 0 { "…" } else { "" },
        if end < text.len() { "…" } else { "" },
    );
    let shift = |i: usize| i - start + lead.len();
    Snippet {
        text: format!("{lead}{}{tail}", &text[start..end]),
        marks: marks
            .into_iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| shift(m.start)..shift(m.end))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_its_first_match() {
        let text = format!("{} the GIL is here {}", "a".repeat(100), "b".repeat(200));
        let at = text.find("GIL").unwrap();
        let s = window(&text, std::iter::once(at..at + 3).collect());
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(&s.text[s.marks[0].clone()], "GIL");
        assert!(s.text.chars().count() <= LONGEST + 2);
    }

    #[test]
    fn a_line_that_fits_is_not_cut_before_a_late_match() {
        let text = format!("{} GIL", "word ".repeat(18));
        let at = text.find("GIL").unwrap();
        let s = window(&text, std::iter::once(at..at + 3).collect());
        assert_eq!(s.text, text);
        // Near the end of a long line, the window fills with what comes before.
        let text = format!("{} GIL", "a".repeat(200));
        let at = text.find("GIL").unwrap();
        let s = window(&text, std::iter::once(at..at + 3).collect());
        assert_eq!(s.text.chars().count(), LONGEST + 1);
        assert!(s.text.ends_with("GIL"));
    }

    #[test]
    fn a_short_line_stays_whole() {
        let s = window("use asyncio.run", std::iter::once(4..11).collect());
        assert_eq!(s.text, "use asyncio.run");
        assert_eq!(s.marks.len(), 1);
        assert_eq!(&s.text[s.marks[0].clone()], "asyncio");
    }
}
