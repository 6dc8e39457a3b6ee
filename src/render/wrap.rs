//! Wrapping styled text at word boundaries by display width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A run of text with one style, before wrapping.
pub(crate) type Frag = (String, Style);

/// Display width, as unicode-width measures a string (control characters count as 1).
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The grapheme clusters of `text` with their display widths: what a terminal draws as one
/// unit (`✔️` is ✔ and a selector, two columns), measured the way ratatui measures it.
pub(crate) fn clusters(text: &str) -> Box<dyn Iterator<Item = (&str, usize)> + '_> {
    if text.is_ascii() {
        // Most code is ASCII: one cluster a byte, no segmentation needed.
        return Box::new(
            (0..text.len()).map(|i| (&text[i..i + 1], UnicodeWidthStr::width(&text[i..i + 1]))),
        );
    }
    Box::new(text.graphemes(true).map(|g| (g, UnicodeWidthStr::width(g))))
}

/// `text` cut into rows at most `width` columns wide, anywhere between characters: for
/// program output, where words matter less than seeing every character in place. An empty
/// text is one empty row.
pub fn hard_wrap(text: &str, width: usize) -> Vec<&str> {
    let width = width.max(2);
    let mut rows = Vec::new();
    let (mut start, mut used, mut at) = (0, 0, 0);
    for (cluster, w) in clusters(text) {
        if used + w > width && at > start {
            rows.push(&text[start..at]);
            (start, used) = (at, 0);
        }
        used += w;
        at += cluster.len();
    }
    rows.push(&text[start..]);
    rows
}

/// A word: the pieces of one run of non-space characters, which may change style midway.
struct Word {
    pieces: Vec<(String, Style)>,
    width: usize,
}

enum Token {
    Word(Word),
    Space(String, Style),
    Break,
}

fn tokens(frags: &[Frag]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for (text, style) in frags {
        let mut rest = text.as_str();
        while let Some(c) = rest.chars().next() {
            let class = |c: char| {
                if c == '\n' {
                    2
                } else if c == ' ' || c == '\t' {
                    1
                } else {
                    0
                }
            };
            let kind = class(c);
            let end = rest
                .find(|ch: char| class(ch) != kind)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(end);
            rest = tail;
            match kind {
                2 => out.extend(run.chars().map(|_| Token::Break)),
                1 => out.push(Token::Space(run.replace('\t', " "), *style)),
                _ => match out.last_mut() {
                    Some(Token::Word(word)) => {
                        word.width += width(run);
                        word.pieces.push((run.to_string(), *style));
                    }
                    _ => out.push(Token::Word(Word {
                        pieces: vec![(run.to_string(), *style)],
                        width: width(run),
                    })),
                },
            }
        }
    }
    out
}

/// Lines being filled.
struct Filler {
    lines: Vec<Line<'static>>,
    line: Vec<Span<'static>>,
    used: usize,
    width: usize,
    space: Option<(String, Style)>,
}

impl Filler {
    fn end_line(&mut self) {
        self.lines.push(Line::from(std::mem::take(&mut self.line)));
        self.used = 0;
        self.space = None;
    }

    fn put(&mut self, text: String, style: Style, w: usize) {
        self.used += w;
        self.line.push(Span::styled(text, style));
    }

    fn word(&mut self, word: Word) {
        let space_width = self.space.as_ref().map_or(0, |(s, _)| width(s));
        if self.used > 0 && self.used + space_width + word.width > self.width {
            self.end_line();
        }
        if let Some((space, style)) = self.space.take().filter(|_| self.used > 0) {
            self.put(space, style, space_width);
        }
        if word.width <= self.width.saturating_sub(self.used) {
            for (text, style) in word.pieces {
                let w = width(&text);
                self.put(text, style, w);
            }
        } else {
            self.long_word(word);
        }
    }

    /// A word wider than the line is broken between clusters; a cluster wider than the
    /// whole line (a CJK character at width 1) shows as `…`.
    fn long_word(&mut self, word: Word) {
        for (text, style) in word.pieces {
            let (mut piece, mut piece_width) = (String::new(), 0);
            for (g, w) in clusters(&text) {
                let (g, w) = if w > self.width { ("…", 1) } else { (g, w) };
                if self.used + piece_width + w > self.width && (self.used > 0 || piece_width > 0) {
                    self.put(std::mem::take(&mut piece), style, piece_width);
                    self.end_line();
                    piece_width = 0;
                }
                piece.push_str(g);
                piece_width += w;
            }
            self.put(piece, style, piece_width);
        }
    }
}

/// Wraps `frags` to `width` columns (at least 1). Spaces at a wrap are dropped.
pub(crate) fn wrap(frags: &[Frag], width: usize) -> Vec<Line<'static>> {
    let mut filler = Filler {
        lines: Vec::new(),
        line: Vec::new(),
        used: 0,
        width: width.max(1),
        space: None,
    };
    for token in tokens(frags) {
        match token {
            Token::Word(word) => filler.word(word),
            Token::Space(text, style) => filler.space = Some((text, style)),
            Token::Break => filler.end_line(),
        }
    }
    if !filler.line.is_empty() || filler.lines.is_empty() {
        filler.end_line();
    }
    filler.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrap_cuts_by_columns_and_keeps_wide_characters_whole() {
        assert_eq!(hard_wrap("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(hard_wrap("", 4), [""]);
        assert_eq!(hard_wrap("日本語", 4), ["日本", "語"]);
        assert_eq!(hard_wrap("a日本", 2), ["a", "日", "本"]);
    }
    use ratatui::style::Modifier;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn frag(s: &str) -> Frag {
        (s.to_string(), Style::default())
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let lines = wrap(&[frag("the quick brown fox jumps over")], 10);
        assert_eq!(plain(&lines), ["the quick", "brown fox", "jumps over"]);
    }

    #[test]
    fn keeps_styles_across_and_inside_words() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let lines = wrap(&[frag("a "), ("bold".into(), bold), frag("ish word")], 8);
        assert_eq!(plain(&lines), ["a", "boldish", "word"]);
        assert_eq!(lines[1].spans[0].style, bold);
        assert_eq!(lines[1].spans[1].style, Style::default());
    }

    #[test]
    fn breaks_words_longer_than_the_line() {
        let lines = wrap(&[frag("abcdefghij k")], 4);
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij k"]);
    }

    #[test]
    fn counts_display_width_for_wide_characters() {
        let lines = wrap(&[frag("日本語 です ok")], 6);
        assert_eq!(plain(&lines), ["日本語", "です", "ok"]);
    }

    #[test]
    fn emoji_with_selectors_are_measured_as_drawn() {
        let lines = wrap(&[frag("✔️✔️✔️")], 4);
        assert_eq!(plain(&lines), ["✔️✔️", "✔️"]);
        assert!(lines.iter().all(|l| l.width() <= 4));
    }

    #[test]
    fn hard_breaks_start_new_lines() {
        let lines = wrap(&[frag("one\ntwo three")], 20);
        assert_eq!(plain(&lines), ["one", "two three"]);
    }

    #[test]
    fn tiny_widths_never_panic() {
        for width in 0..4 {
            let lines = wrap(&[frag("日本 a bc")], width);
            assert!(!lines.is_empty());
        }
        assert_eq!(plain(&wrap(&[], 10)), [""]);
    }
}
