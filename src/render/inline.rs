//! Inline spans → styled fragments: bold, italic, code, links with their addresses.

use std::borrow::Cow;

use ratatui::style::{Modifier, Style};

use super::theme::Theme;
use super::wrap::Frag;
use crate::guide::Span;

/// Styled fragments for `spans`, on top of `base`.
pub(crate) fn frags(spans: &[Span], theme: &Theme, base: Style) -> Vec<Frag> {
    let mut out = Vec::with_capacity(spans.len());
    for (i, span) in spans.iter().enumerate() {
        let mut style = base;
        if span.style.bold {
            style = style.patch(theme.strong);
        }
        if span.style.italic {
            style = style.patch(theme.emphasis);
        }
        if span.style.strike {
            style = style.add_modifier(Modifier::CROSSED_OUT);
        }
        if span.link.is_some() {
            style = style.patch(theme.link);
        }
        let text = printable(&span.text);
        if span.style.code {
            let text = if theme.ticks_inline_code() {
                format!("`{text}`")
            } else {
                text.into_owned()
            };
            out.push((text, style.patch(theme.inline_code)));
        } else if span.style.image {
            out.push((format!("[image: {text}]"), style));
        } else {
            out.push((text.into_owned(), style));
        }
        let link_ends = spans.get(i + 1).is_none_or(|next| next.link != span.link);
        if let Some(url) = span.link.as_deref().filter(|_| link_ends)
            && shows_address(url, spans, i)
        {
            out.push((format!(" <{}>", printable(url)), base.patch(theme.muted)));
        }
    }
    out
}

/// An address is worth printing unless it points inside the guide or repeats the link text.
fn shows_address(url: &str, spans: &[Span], last: usize) -> bool {
    if url.starts_with('#') {
        return false;
    }
    let first = spans[..=last]
        .iter()
        .rposition(|s| s.link.as_deref() != Some(url))
        .map_or(0, |p| p + 1);
    let text: String = spans[first..=last]
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let bare = |s: &str| {
        s.trim_start_matches("mailto:")
            .trim_end_matches('/')
            .to_string()
    };
    bare(&text) != bare(url)
        && bare(&text) != bare(url.split_once("://").map_or(url, |(_, rest)| rest))
}

/// Text safe to put on a terminal: control characters become visible symbols
/// (ESC shows as `␛`), so a guide can never send escape sequences. Tabs and newlines stay.
pub fn printable(text: &str) -> Cow<'_, str> {
    let is_unsafe = |c: char| (c.is_control() || reorders(c)) && c != '\n' && c != '\t';
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { visible(c) } else { c })
            .collect(),
    )
}

/// How a character shows on a terminal: C0 controls as their Unicode pictures (`␛`), DEL
/// as `␡`, C1 controls and bidi overrides as `�`, everything else as itself.
pub(crate) fn visible(c: char) -> char {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7F}' => '␡',
        c if c.is_control() || reorders(c) => '�',
        c => c,
    }
}

/// Bidi embeddings, overrides and isolates: they reorder the text around them on screen,
/// so a guide could make one thing read as another.
fn reorders(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// [`printable`] for text that must stay on one line: newlines show as `␊` too.
pub fn printable_line(text: &str) -> Cow<'_, str> {
    match printable(text) {
        Cow::Borrowed(t) if !t.contains('\n') => Cow::Borrowed(t),
        other => Cow::Owned(other.replace('\n', "␊")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::SpanStyle;
    use crate::render::theme::{ColorMode, ThemeKind};

    fn span(text: &str, link: Option<&str>) -> Span {
        Span {
            text: text.into(),
            style: SpanStyle::default(),
            link: link.map(String::from),
        }
    }

    fn texts(frags: &[Frag]) -> Vec<&str> {
        frags.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn links_show_their_address_once_after_the_text() {
        let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
        let spans = [
            span("see ", None),
            span("Real ", Some("https://x.org/")),
            span("Python", Some("https://x.org/")),
        ];
        assert_eq!(
            texts(&frags(&spans, &theme, Style::default())),
            ["see ", "Real ", "Python", " <https://x.org/>"]
        );
    }

    #[test]
    fn anchors_and_bare_addresses_are_not_repeated() {
        let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
        let anchor = [span("Basics", Some("#1-basics"))];
        assert_eq!(texts(&frags(&anchor, &theme, Style::default())), ["Basics"]);
        let bare = [span("https://x.org", Some("https://x.org/"))];
        assert_eq!(
            texts(&frags(&bare, &theme, Style::default())),
            ["https://x.org"]
        );
    }

    #[test]
    fn inline_code_keeps_backticks_without_colour() {
        let code = [Span {
            text: "gc".into(),
            style: SpanStyle {
                code: true,
                ..Default::default()
            },
            link: None,
        }];
        let mono = Theme::new(ThemeKind::Dark, ColorMode::Monochrome);
        assert_eq!(texts(&frags(&code, &mono, Style::default())), ["`gc`"]);
        let colour = Theme::new(ThemeKind::Dark, ColorMode::Ansi256);
        assert_eq!(texts(&frags(&code, &colour, Style::default())), ["gc"]);
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(printable("a\u{1b}[2Jb\u{7}"), "a␛[2Jb␇");
        assert_eq!(printable("tab\tand\nline"), "tab\tand\nline");
        assert_eq!(printable("c1\u{9b}x"), "c1�x");
        assert_eq!(printable("abc\u{202E}fed"), "abc�fed");
        assert_eq!(printable_line("a\nb\u{1b}"), "a␊b␛");
        assert!(matches!(printable_line("plain"), Cow::Borrowed(_)));
    }
}
