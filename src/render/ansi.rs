//! Styled lines → text for a terminal (SGR escape sequences) or for a pipe (none).

use std::fmt::Write as _;
use std::io::{self, Write};

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::inline::printable_line;
use super::theme::ColorMode;

/// Writes `lines` to `out`, with escape sequences unless `mode` is [`ColorMode::Plain`].
pub fn write_lines(
    out: &mut (impl Write + ?Sized),
    lines: &[Line],
    mode: ColorMode,
) -> io::Result<()> {
    let mut buffer = String::with_capacity(lines.len() * 80);
    for line in lines {
        let mut current = Style::default();
        let mut active = false;
        for span in &line.spans {
            if mode != ColorMode::Plain {
                let style = line.style.patch(span.style);
                if style != current {
                    if active {
                        buffer.push_str("\x1b[0m");
                    }
                    active = push_sgr(&mut buffer, style);
                    current = style;
                }
            }
            // The renderer already made guide text safe; this covers every other caller.
            buffer.push_str(&printable_line(&span.content));
        }
        if active {
            buffer.push_str("\x1b[0m");
        }
        buffer.push('\n');
        if buffer.len() > 1 << 16 {
            out.write_all(buffer.as_bytes())?;
            buffer.clear();
        }
    }
    out.write_all(buffer.as_bytes())
}

/// Appends the SGR sequence that sets `style`, written straight into the buffer; says
/// whether there was anything to set.
fn push_sgr(buffer: &mut String, style: Style) -> bool {
    let start = buffer.len();
    buffer.push_str("\x1b[");
    let modifiers = style.add_modifier - style.sub_modifier;
    for (modifier, code) in [
        (Modifier::BOLD, "1;"),
        (Modifier::DIM, "2;"),
        (Modifier::ITALIC, "3;"),
        (Modifier::UNDERLINED, "4;"),
        (Modifier::REVERSED, "7;"),
        (Modifier::CROSSED_OUT, "9;"),
    ] {
        if modifiers.contains(modifier) {
            buffer.push_str(code);
        }
    }
    if let Some(color) = style.fg {
        push_color(buffer, color, 30);
    }
    if let Some(color) = style.bg {
        push_color(buffer, color, 40);
    }
    if buffer.len() == start + 2 {
        buffer.truncate(start);
        return false;
    }
    buffer.pop(); // the last ';'
    buffer.push('m');
    true
}

/// Appends the SGR parameters for a colour and a `;`; `base` is 30 for the foreground, 40
/// for the background.
fn push_color(buffer: &mut String, color: Color, base: u8) {
    let basic = |n: u8| Some(base + n);
    let bright = |n: u8| Some(base + 60 + n);
    let code = match color {
        Color::Reset => None,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => {
            let _ = write!(buffer, "{};5;{i};", base + 8);
            None
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(buffer, "{};2;{r};{g};{b};", base + 8);
            None
        }
    };
    if let Some(code) = code {
        let _ = write!(buffer, "{code};");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    fn render(lines: &[Line], mode: ColorMode) -> String {
        let mut out = Vec::new();
        write_lines(&mut out, lines, mode).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn control_characters_in_spans_are_made_visible() {
        let line = Line::from(Span::raw("a\u{1b}[2J\u{9b}b"));
        assert_eq!(render(&[line], ColorMode::Ansi256), "a␛[2J�b\n");
    }

    #[test]
    fn plain_mode_writes_no_escapes() {
        let line = Line::from(vec![
            Span::styled("bold", Style::default().add_modifier(Modifier::BOLD)),
            Span::raw(" x  "),
        ]);
        assert_eq!(render(&[line], ColorMode::Plain), "bold x  \n");
    }

    #[test]
    fn colour_modes_write_sgr_and_reset_each_line() {
        let red = Style::default()
            .fg(Color::Rgb(255, 0, 0))
            .add_modifier(Modifier::BOLD);
        let line = Line::from(vec![Span::styled("a", red), Span::raw("b")]);
        assert_eq!(
            render(std::slice::from_ref(&line), ColorMode::TrueColor),
            "\x1b[1;38;2;255;0;0ma\x1b[0mb\n"
        );
        let indexed = Line::from(Span::styled("c", Style::default().fg(Color::Indexed(196))));
        assert_eq!(
            render(&[indexed], ColorMode::Ansi256),
            "\x1b[38;5;196mc\x1b[0m\n"
        );
        let named = Line::from(Span::styled(
            "d",
            Style::default().fg(Color::Red).bg(Color::White),
        ));
        assert_eq!(
            render(&[named], ColorMode::Ansi256),
            "\x1b[31;107md\x1b[0m\n"
        );
        let reset = Line::from(Span::styled("e", Style::default().fg(Color::Reset)));
        assert_eq!(render(&[reset], ColorMode::Ansi256), "e\n");
    }
}
