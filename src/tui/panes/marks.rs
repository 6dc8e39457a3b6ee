//! Marking the words a search matched on a line as drawn, whatever styles it already has.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::search::snippet::marks;

/// `line` with every word whose search term is among `terms` patched with `style`, or
/// `None` when it has none.
pub fn mark_terms(line: &Line<'_>, terms: &[String], style: Style) -> Option<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let ranges = marks(&text, terms);
    (!ranges.is_empty()).then(|| restyle(line, &ranges, style))
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
    fn a_line_without_the_words_is_left_alone() {
        let line = Line::raw("── box ──");
        assert!(mark_terms(&line, &["gil".into()], Style::default()).is_none());
    }
}
