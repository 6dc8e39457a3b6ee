//! Code blocks: a frame with the language on top, each source line shown whole, long lines
//! continued on rows marked `↪`, so no character of the code is lost or moved in its line.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::borrow::Cow;

use super::highlight::CodeLines;
use super::inline::{printable_line, visible};
use super::layout::{Out, truncate};
use super::theme::Theme;
use super::wrap::{clusters, width as text_width};

/// Below this width a frame leaves too little room, and code is shown without one.
const FRAMED: usize = 8;

/// Where a code block's rows come from in the guide.
pub(crate) struct Source {
    /// The guide line the block starts on (its fence, if it has one).
    pub start: u32,
    /// The guide line of the first row.
    pub first: u32,
    /// The guide line the block ends on.
    pub end: u32,
}

pub(crate) fn layout(
    theme: &Theme,
    rows: &CodeLines,
    lang: Option<&str>,
    at: Source,
    width: usize,
    out: &mut Out,
) {
    if width < FRAMED {
        // At width 1 there is no room for the ↪ as well as a character.
        let marker = (width >= 2).then_some(theme.border);
        let rest = if marker.is_some() { width - 1 } else { width };
        for (i, row) in rows.iter().enumerate() {
            for chunk in split_row(row, width, rest, marker) {
                out.push((Line::from(chunk), at.first + i as u32));
            }
        }
        return;
    }
    let widest = rows
        .iter()
        .map(|row| shown(row).map(|(_, w, _)| w).sum::<usize>())
        .max()
        .unwrap_or(0);
    let label = truncate(&printable_line(lang.unwrap_or("code")), width - 6);
    let inner = widest.max(text_width(&label) + 2).min(width - 4);
    out.push((top(theme, &label, inner), at.start));
    for (i, row) in rows.iter().enumerate() {
        for (k, chunk) in split_row(row, inner, inner, None).into_iter().enumerate() {
            let used: usize = chunk.iter().map(Span::width).sum();
            let gutter = if k == 0 { "│ " } else { "│↪" };
            let mut spans = Vec::with_capacity(chunk.len() + 3);
            spans.push(Span::styled(gutter, theme.border));
            spans.extend(chunk);
            spans.push(Span::raw(" ".repeat(inner.saturating_sub(used))));
            spans.push(Span::styled(" │", theme.border));
            out.push((Line::from(spans), at.first + i as u32));
        }
    }
    let bottom = format!("╰{}╯", "─".repeat(inner + 2));
    out.push((Line::from(Span::styled(bottom, theme.border)), at.end));
}

fn top(theme: &Theme, label: &str, inner: usize) -> Line<'static> {
    let dashes = (inner + 1).saturating_sub(text_width(label) + 2);
    Line::from(vec![
        Span::styled("╭─ ", theme.border),
        Span::styled(label.to_string(), theme.code_label),
        Span::styled(format!(" {}╮", "─".repeat(dashes)), theme.border),
    ])
}

/// Whether `text` shows exactly as written: no tab to expand, nothing to make visible.
fn shows_as_is(text: &str) -> bool {
    text.chars().all(|c| c != '\t' && visible(c) == c)
}

/// One line of verbatim text (a diagram's) as it shows, by the same rules as code.
pub(crate) fn shown_line(text: &str) -> Cow<'_, str> {
    if shows_as_is(text) {
        return Cow::Borrowed(text);
    }
    let row = [(Style::default(), text.to_string())];
    Cow::Owned(shown(&row).map(|(g, _, _)| g).collect())
}

/// The clusters a row shows, with their widths and styles: tabs expanded to stops every 4
/// columns of the whole row (however highlighting split it), control characters as
/// symbols.
fn shown(row: &[(Style, String)]) -> impl Iterator<Item = (Cow<'_, str>, usize, Style)> {
    let mut column = 0;
    row.iter()
        .flat_map(|(style, text)| clusters(text).map(move |(g, w)| (g, w, *style)))
        .flat_map(move |(g, w, style)| {
            let (g, w, times) = match g {
                "\t" => (Cow::Borrowed(" "), 1, 4 - column % 4),
                g if g.chars().any(|c| visible(c) != c) => {
                    (Cow::Owned(g.chars().map(visible).collect()), 1, 1)
                }
                g => (Cow::Borrowed(g), w, 1),
            };
            column += w * times;
            std::iter::repeat_n((g, w, style), times)
        })
}

/// One row of code cut into pieces: the first `first` columns wide, the rest `rest` wide
/// and, when `marker` is given, starting with a `↪` in that style. A cluster wider than a
/// piece shows as `…`.
fn split_row(
    row: &[(Style, String)],
    first: usize,
    rest: usize,
    marker: Option<Style>,
) -> Vec<Vec<Span<'static>>> {
    // Most rows fit and show every character as it is: copy their spans whole.
    if row.iter().all(|(_, t)| shows_as_is(t))
        && row.iter().map(|(_, t)| text_width(t)).sum::<usize>() <= first
    {
        return vec![
            row.iter()
                .map(|(style, text)| Span::styled(text.clone(), *style))
                .collect(),
        ];
    }
    let mut split = Splitter {
        pieces: vec![Vec::new()],
        run: String::new(),
        style: Style::default(),
        used: 0,
        limit: first.max(1),
        rest: rest.max(1),
        marker,
    };
    for (g, w, style) in shown(row) {
        split.push(&g, w, style);
    }
    split.flush();
    split.pieces
}

struct Splitter {
    pieces: Vec<Vec<Span<'static>>>,
    /// Characters of one style not yet made a span.
    run: String,
    style: Style,
    used: usize,
    limit: usize,
    rest: usize,
    marker: Option<Style>,
}

impl Splitter {
    fn push(&mut self, g: &str, w: usize, style: Style) {
        if style != self.style {
            self.flush();
            self.style = style;
        }
        if self.used + w > self.limit && self.used > 0 {
            self.flush();
            self.pieces.push(
                self.marker
                    .map(|m| Span::styled("↪", m))
                    .into_iter()
                    .collect(),
            );
            (self.used, self.limit) = (0, self.rest);
        }
        let (g, w) = if w > self.limit { ("…", 1) } else { (g, w) };
        self.run.push_str(g);
        self.used += w;
    }

    fn flush(&mut self) {
        if !self.run.is_empty()
            && let Some(piece) = self.pieces.last_mut()
        {
            piece.push(Span::styled(std::mem::take(&mut self.run), self.style));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shown_line;

    #[test]
    fn tabs_stop_every_four_columns_and_controls_show() {
        assert_eq!(shown_line("a\tb\u{1b}"), "a   b␛");
        assert_eq!(shown_line("\tx"), "    x");
    }
}
