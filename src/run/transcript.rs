//! A run's output as lines of plain text, built up as bytes arrive. Escape sequences and
//! control characters are removed, so a program cannot draw on or reconfigure the terminal
//! showing them; `\r` and backspace act on the line as a terminal would, so progress bars
//! end as their last state.

use unicode_width::UnicodeWidthChar;

use super::Stream;

/// Lines longer than this (in bytes) go on in a new line, so drawing one line never
/// means wrapping a megabyte.
const MAX_LINE: usize = 4096;

const TAB: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutLine {
    pub text: String,
    pub stream: Stream,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Escape {
    #[default]
    None,
    /// After ESC.
    Start,
    /// ESC followed by intermediates (`ESC ( B`): ends at the final byte.
    Intermediate,
    /// ESC [ … final byte.
    Csi,
    /// ESC ] (and ESC P, X, ^, _) … BEL or ESC \.
    String,
    /// ESC seen inside a string.
    StringEsc,
}

/// One stream's decoding state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Decoder {
    /// The start of a UTF-8 character cut off at the end of the last chunk.
    partial: Vec<u8>,
    escape: Escape,
    /// A `\r` was seen: the next character starts the line over.
    returned: bool,
    /// The line this stream is writing, if one is open.
    open: Option<usize>,
    /// The open line's width in columns, kept as it grows: tabs need it, and measuring
    /// the line for each would make a line of tabs quadratic.
    column: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transcript {
    lines: Vec<OutLine>,
    decoders: [Decoder; 2],
    /// Bytes received.
    pub bytes: usize,
}

impl Transcript {
    pub fn lines(&self) -> &[OutLine] {
        &self.lines
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text `stream` wrote, lines joined by `\n`.
    pub fn text(&self, stream: Stream) -> String {
        let lines = self.lines.iter().filter(|l| l.stream == stream);
        lines
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Adds bytes `stream` wrote.
    pub fn push(&mut self, stream: Stream, bytes: &[u8]) {
        self.bytes += bytes.len();
        let k = index(stream);
        let mut input = std::mem::take(&mut self.decoders[k].partial);
        input.extend_from_slice(bytes);
        let mut rest = input.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.chars(stream, text);
                    return;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Checked valid just now.
                    self.chars(stream, std::str::from_utf8(good).unwrap_or_default());
                    match e.error_len() {
                        Some(n) => {
                            self.chars(stream, "\u{FFFD}");
                            rest = &bad[n..];
                        }
                        None => {
                            self.decoders[k].partial = bad.to_vec();
                            return;
                        }
                    }
                }
            }
        }
    }

    /// The program has ended: a character left cut off shows as U+FFFD.
    pub fn finish(&mut self) {
        for stream in [Stream::Out, Stream::Err] {
            if !std::mem::take(&mut self.decoders[index(stream)].partial).is_empty() {
                self.chars(stream, "\u{FFFD}");
            }
        }
    }

    fn chars(&mut self, stream: Stream, text: &str) {
        for c in text.chars() {
            if self.escape(stream, c) {
                continue;
            }
            match c {
                '\n' => self.newline(stream),
                '\r' => self.decoders[index(stream)].returned = true,
                '\u{8}' => {
                    let gone = self.line(stream).text.pop();
                    let width = gone.map_or(0, |c| c.width().unwrap_or(0));
                    let column = &mut self.decoders[index(stream)].column;
                    *column = column.saturating_sub(width);
                }
                '\t' => {
                    let pad = TAB - self.line_column(stream) % TAB;
                    self.put(stream, &" ".repeat(pad), pad);
                }
                c if c.is_control() => {}
                c => {
                    let mut buf = [0; 4];
                    self.put(stream, c.encode_utf8(&mut buf), c.width().unwrap_or(0));
                }
            }
        }
    }

    /// The open line's width, after a pending `\r` has emptied it.
    fn line_column(&mut self, stream: Stream) -> usize {
        self.line(stream);
        self.decoders[index(stream)].column
    }

    /// Adds `text`, `width` columns wide, to the line `stream` writes.
    fn put(&mut self, stream: Stream, text: &str, width: usize) {
        let line = self.line(stream);
        line.text.push_str(text);
        let full = line.text.len() >= MAX_LINE;
        self.decoders[index(stream)].column += width;
        if full {
            self.newline(stream);
        }
    }

    /// Feeds `c` to the escape-sequence state machine; true when it is part of one.
    fn escape(&mut self, stream: Stream, c: char) -> bool {
        let state = &mut self.decoders[index(stream)].escape;
        let (next, eaten) = match (*state, c) {
            (Escape::None, '\u{1b}') => (Escape::Start, true),
            (Escape::None, '\u{9b}') => (Escape::Csi, true),
            (Escape::None, '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}') => {
                (Escape::String, true)
            }
            (Escape::None, _) => (Escape::None, false),
            (Escape::Start, '[') => (Escape::Csi, true),
            (Escape::Start, ']' | 'P' | 'X' | '^' | '_') => (Escape::String, true),
            (Escape::Start | Escape::Intermediate, ' '..='/') => (Escape::Intermediate, true),
            (Escape::Start | Escape::Intermediate, _) => (Escape::None, true),
            (Escape::Csi, '@'..='~') => (Escape::None, true),
            (Escape::Csi, _) => (Escape::Csi, true),
            (Escape::String, '\u{7}' | '\u{9c}') => (Escape::None, true),
            (Escape::String, '\u{1b}') => (Escape::StringEsc, true),
            (Escape::String, _) => (Escape::String, true),
            (Escape::StringEsc, _) => (Escape::None, true),
        };
        *state = next;
        eaten
    }

    /// The line `stream` writes to, opened if need be; a pending `\r` empties it first.
    fn line(&mut self, stream: Stream) -> &mut OutLine {
        let k = index(stream);
        let at = match self.decoders[k].open {
            Some(at) => at,
            None => {
                self.lines.push(OutLine {
                    text: String::new(),
                    stream,
                });
                self.decoders[k].open = Some(self.lines.len() - 1);
                self.lines.len() - 1
            }
        };
        if std::mem::take(&mut self.decoders[k].returned) {
            self.lines[at].text.clear();
            self.decoders[k].column = 0;
        }
        &mut self.lines[at]
    }

    fn newline(&mut self, stream: Stream) {
        let k = index(stream);
        if self.decoders[k].open.is_none() {
            self.line(stream);
        }
        self.decoders[k].open = None;
        self.decoders[k].returned = false;
        self.decoders[k].column = 0;
    }
}

fn index(stream: Stream) -> usize {
    match stream {
        Stream::Out => 0,
        Stream::Err => 1,
    }
}

#[cfg(test)]
mod tests;
