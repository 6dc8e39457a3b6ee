//! Marking the words a search matched on a line as drawn, whatever styles it already has.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::search::snippet::marks;

/// `line` with every word whose search term is among `terms` patched with `style`, or
/// `None` when it has none.
pub fn mark_terms(line: &Line<'_>, terms: &[String], style: Style) -> Option<Line<'static>> {
    mark_row(line, Neighbours::default(), terms, style)
}

/// The rows drawn from the same guide line just before and after a row, whose words a
/// wrap may have cut in two.
#[derive(Clone, Copy, Default)]
pub struct Neighbours<'a> {
    pub before: Option<&'a Line<'a>>,
    pub after: Option<&'a Line<'a>>,
}

/// [`mark_terms`] for a row of wrapped text: a word cut by the wrap ("tracem" / "alloc") is
/// marked on both rows when the whole of it matches.
pub fn mark_row(
    line: &Line<'_>,
    rows: Neighbours<'_>,
    terms: &[String],
    style: Style,
) -> Option<Line<'static>> {
    let text = text_of(line);
    let mut ranges = marks(&text, terms);
    if let Some(before) = rows.before.map(text_of) {
        let (head, rest) = (tail(&before), lead(&text));
        if cut_word_matches(&before[head], &text[rest.clone()], terms) {
            ranges.push(rest);
        }
    }
    if let Some(after) = rows.after.map(text_of) {
        let (head, rest) = (tail(&text), lead(&after));
        if cut_word_matches(&text[head.clone()], &after[rest], terms) {
            ranges.push(head);
        }
    }
    let ranges = merged(ranges);
    (!ranges.is_empty()).then(|| restyle(line, &ranges, style))
}

fn text_of(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first word of a row, past its indent and any frame or wrap sign (`│ ↪`).
fn lead(text: &str) -> Range<usize> {
    let start = text.find(is_word).unwrap_or(text.len());
    let end = text[start..]
        .find(|c| !is_word(c))
        .map_or(text.len(), |i| start + i);
    start..end
}

/// The last word of a row, before any padding or frame.
fn tail(text: &str) -> Range<usize> {
    let end = text
        .char_indices()
        .rev()
        .find(|&(_, c)| is_word(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    start..end
}

/// Whether `head` and `rest` written together hold a match that runs across the cut.
fn cut_word_matches(head: &str, rest: &str, terms: &[String]) -> bool {
    if head.is_empty() || rest.is_empty() {
        return false;
    }
    let whole = format!("{head}{rest}");
    let cut = head.len();
    marks(&whole, terms)
        .iter()
        .any(|m| m.start < cut && m.end > cut)
}

/// Ranges sorted, those that touch or overlap made one.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// `line` with the bytes in `ranges` (sorted, apart, on character boundaries of the
/// line's text) patched with `style`; spans split where a range starts or ends.
pub fn restyle(line: &Line<'_>, ranges: &[Range<usize>], style: Style) -> Line<'static> {
    let mut spans = Vec::with_capacity(line.spans.len() + 2 * ranges.len());
    let mut offset = 0;
    for span in &line.spans {
        let text = span.content.as_ref();
        let (start, end) = (offset, offset + text.len());
        offset = end;
        let mut cut = start;
        for r in ranges.iter().filter(|r| r.start < end && r.end > start) {
            let (from, to) = (r.start.max(start), r.end.min(end));
            if from > cut {
                spans.push(Span::styled(
                    text[cut - start..from - start].to_owned(),
                    span.style,
                ));
            }
            spans.push(Span::styled(
                text[from - start..to - start].to_owned(),
                span.style.patch(style),
            ));
            cut = to;
        }
        if cut < end {
            spans.push(Span::styled(text[cut - start..].to_owned(), span.style));
        }
    }
    let mut out = Line::from(spans).style(line.style);
    out.alignment = line.alignment;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn marked(line: &Line<'static>) -> Vec<(String, bool)> {
        line.spans
            .iter()
            .map(|s| {
                let on = s.style.add_modifier.contains(Modifier::REVERSED);
                (s.content.to_string(), on)
            })
            .collect()
    }

    #[test]
    fn words_are_marked_across_span_boundaries_keeping_their_colours() {
        let red = Style::default().fg(Color::Red);
        let line = Line::from(vec![Span::styled("use lru_", red), Span::raw("cache now")]);
        let terms = ["lru".to_owned(), "cach".to_owned()];
        let reversed = Style::default().add_modifier(Modifier::REVERSED);
        let out = mark_terms(&line, &terms, reversed).unwrap();
        assert_eq!(
            marked(&out),
            [
                ("use ".into(), false),
                ("lru_".into(), true),
                ("cache".into(), true),
                (" now".into(), false)
            ]
        );
        assert_eq!(out.spans[1].style.fg, Some(Color::Red));
    }

    #[test]
    fn a_word_cut_by_the_wrap_is_marked_on_both_rows() {
        let on = Style::default().add_modifier(Modifier::REVERSED);
        let terms = ["tracemalloc".to_owned()];
        let (first, second) = (Line::raw("use tracem"), Line::raw("  alloc to see"));
        let rows = Neighbours {
            before: None,
            after: Some(&second),
        };
        let out = mark_row(&first, rows, &terms, on).unwrap();
        assert_eq!(
            marked(&out),
            [("use ".into(), false), ("tracem".into(), true)]
        );
        let rows = Neighbours {
            before: Some(&first),
            after: None,
        };
        let out = mark_row(&second, rows, &terms, on).unwrap();
        assert_eq!(
            marked(&out),
            [
                ("  ".into(), false),
                ("alloc".into(), true),
                (" to see".into(), false)
            ]
        );
        // Two words that a wrap put on two rows are not one word.
        let (a, b) = (Line::raw("the trace"), Line::raw("malloc"));
        let rows = Neighbours {
            before: None,
            after: Some(&b),
        };
        let terms = ["trac".to_owned()];
        let out = mark_row(&a, rows, &terms, on).unwrap();
        assert_eq!(
            marked(&out),
            [("the ".into(), false), ("trace".into(), true)]
        );
    }

    #[test]
    fn a_code_line_wrapped_in_its_frame_is_marked_on_both_rows() {
        let on = Style::default().add_modifier(Modifier::REVERSED);
        let terms = ["agent".to_owned()];
        let (first, second) = (
            Line::raw("│ x = \"AI age │"),
            Line::raw("│ ↪nt trends\"  │"),
        );
        let rows = Neighbours {
            before: None,
            after: Some(&second),
        };
        let out = mark_row(&first, rows, &terms, on).unwrap();
        assert!(
            marked(&out).contains(&("age".into(), true)),
            "{:?}",
            marked(&out)
        );
        let rows = Neighbours {
            before: Some(&first),
            after: None,
        };
        let out = mark_row(&second, rows, &terms, on).unwrap();
        assert!(
            marked(&out).contains(&("nt".into(), true)),
            "{:?}",
            marked(&out)
        );
    }

    #[test]
    fn a_line_without_the_words_is_left_alone() {
        let line = Line::raw("── box ──");
        assert!(mark_terms(&line, &["gil".into()], Style::default()).is_none());
    }
}
