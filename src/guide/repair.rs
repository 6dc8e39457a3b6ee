//! Repairing UTF-8 that was decoded as Windows-1252, Windows-1254 or Latin-1 ("mojibake").
//!
//! Works line by line, and within a line on each run of characters a code page could have
//! produced (so a clean `─` or `→` beside damaged text is kept as it is). A run is repaired
//! only when mapping its characters back to bytes gives UTF-8 in which every non-ASCII byte
//! belongs to a sequence; a lead byte with no continuation byte after it (the `â` of "pâté")
//! means the run was never mojibake, and it is left alone.
//!
//! A lead byte followed by some but not all of its continuation bytes is a *hole*: the
//! decoder that did the damage dropped the bytes it had no character for. Holes are decided
//! after every line is repaired, since the neighbours that decide them may need repair too
//! (see [`lost`] for the rules).

mod codepage;
mod lost;

use std::borrow::Cow;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

pub use codepage::Evidence;
pub use lost::Rule;

/// What repair found and did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Lines (1-based) that were changed.
    pub lines: Vec<u32>,
    /// Characters restored from complete byte sequences.
    pub sequences: usize,
    /// Characters with dropped bytes that a rule restored.
    pub restored: Vec<Restored>,
    /// Characters with dropped bytes that nothing decides, now U+FFFD.
    pub unrecoverable: Vec<Unrecoverable>,
    /// The code page the damage points to.
    #[serde(serialize_with = "serialize_evidence")]
    pub evidence: Evidence,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Restored {
    pub line: u32,
    /// 1-based display column.
    pub column: u32,
    pub char: char,
    pub rule: Rule,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unrecoverable {
    pub line: u32,
    pub column: u32,
    /// How many characters the surviving bytes could have been.
    pub candidates: usize,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.lines.is_empty()
    }
}

impl Evidence {
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::Shared => "Windows-1252 or Windows-1254",
            Evidence::Windows1254 => "Windows-1254 (Turkish)",
            Evidence::Windows1252 => "Windows-1252 (Western)",
            Evidence::Latin1 => "Latin-1 (ISO-8859-1)",
        }
    }
}

fn serialize_evidence<S: serde::Serializer>(e: &Evidence, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(e.describe())
}

/// A character whose bytes were partly dropped, before it is decided.
struct Hole {
    line: usize,
    /// Byte offset of its U+FFFD placeholder in the repaired line.
    offset: usize,
    candidates: Vec<char>,
}

/// Repairs `text`; clean text comes back borrowed and unchanged.
pub fn repair(text: &str) -> (Cow<'_, str>, Report) {
    let mut report = Report::default();
    let mut holes = Vec::new();
    let mut fixes = Vec::new();
    for (index, line) in lines(text).enumerate() {
        if let Some(fixed) = repair_line(line, index, &mut holes, &mut report) {
            fixes.push((index, fixed));
            report.lines.push(index as u32 + 1);
        }
    }
    if fixes.is_empty() {
        return (Cow::Borrowed(text), report);
    }
    let mut lines: Vec<Cow<str>> = self::lines(text).map(Cow::Borrowed).collect();
    for (index, fixed) in fixes {
        lines[index] = Cow::Owned(fixed);
    }
    fill_holes(&mut lines, holes, &mut report);
    (Cow::Owned(lines.join("\n")), report)
}

/// The lines of `text` split at `\n`, found with memchr.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// Whether a line has a character some code page could have produced from a UTF-8 byte:
/// most clean lines (box drawings, arrows, plain ASCII) have none and are skipped at once.
fn may_be_mojibake(line: &str) -> bool {
    !line.is_ascii()
        && line
            .chars()
            .any(|c| !c.is_ascii() && codepage::byte_of(c).is_some())
}

fn repair_line(
    line: &str,
    index: usize,
    holes: &mut Vec<Hole>,
    report: &mut Report,
) -> Option<String> {
    if !may_be_mojibake(line) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut changed = false;
    let mut run_start = 0;
    for (at, c) in line.char_indices() {
        if codepage::byte_of(c).is_none() {
            changed |= push_run(&line[run_start..at], index, &mut out, holes, report);
            out.push(c);
            run_start = at + c.len_utf8();
        }
    }
    changed |= push_run(&line[run_start..], index, &mut out, holes, report);
    changed.then_some(out)
}

/// Appends `run` to `out`, repaired when it is mojibake; says whether it was.
fn push_run(
    run: &str,
    line: usize,
    out: &mut String,
    holes: &mut Vec<Hole>,
    report: &mut Report,
) -> bool {
    if run.is_ascii() {
        out.push_str(run);
        return false;
    }
    let bytes: Vec<u8> = run.chars().filter_map(codepage::byte_of).collect();
    let Some(decoded) = decode(&bytes) else {
        out.push_str(run);
        return false;
    };
    for (offset, candidates) in decoded.holes {
        holes.push(Hole {
            line,
            offset: out.len() + offset,
            candidates,
        });
    }
    out.push_str(&decoded.text);
    report.sequences += decoded.sequences;
    for evidence in run.chars().map(codepage::evidence_of) {
        if evidence != Evidence::Shared && report.evidence == Evidence::Shared {
            report.evidence = evidence;
        }
    }
    true
}

struct Decoded {
    text: String,
    sequences: usize,
    holes: Vec<(usize, Vec<char>)>,
}

/// Decodes bytes as UTF-8 with holes, or `None` when they are not mojibake.
fn decode(bytes: &[u8]) -> Option<Decoded> {
    let mut decoded = Decoded {
        text: String::with_capacity(bytes.len()),
        sequences: 0,
        holes: Vec::new(),
    };
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        if lead.is_ascii() {
            decoded.text.push(lead as char);
            i += 1;
            continue;
        }
        let len = sequence_len(lead)?;
        let kept = bytes[i + 1..]
            .iter()
            .take(len - 1)
            .take_while(|b| is_continuation(**b))
            .count();
        let sequence = &bytes[i..i + 1 + kept];
        if kept == len - 1 {
            decoded.text.push_str(std::str::from_utf8(sequence).ok()?);
            decoded.sequences += 1;
        } else if kept == 0 {
            return None;
        } else {
            let candidates = lost::candidates(sequence, len - 1 - kept);
            if candidates.is_empty() {
                return None;
            }
            decoded.holes.push((decoded.text.len(), candidates));
            decoded.text.push(char::REPLACEMENT_CHARACTER);
        }
        i += 1 + kept;
    }
    Some(decoded)
}

fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Decides every hole from the repaired lines around it, last first so offsets stay valid.
fn fill_holes(lines: &mut [Cow<str>], mut holes: Vec<Hole>, report: &mut Report) {
    holes.sort_by_key(|h| std::cmp::Reverse((h.line, h.offset)));
    for hole in holes {
        let line = &lines[hole.line];
        let column = display_width(&line[..hole.offset]);
        let around = lost::Neighbours {
            left: Some(line[..hole.offset].chars().next_back().unwrap_or(' ')),
            right: Some(line[hole.offset..].chars().nth(1).unwrap_or(' ')),
            above: hole
                .line
                .checked_sub(1)
                .map_or(Some(' '), |i| char_at(&lines[i], column)),
            below: lines
                .get(hole.line + 1)
                .map_or(Some(' '), |l| char_at(l, column)),
        }
        .unknown_if_placeholder();
        let (line_no, col) = (hole.line as u32 + 1, column as u32 + 1);
        let chosen = match lost::decide(&hole.candidates, around) {
            Some((c, rule)) => {
                report.restored.push(Restored {
                    line: line_no,
                    column: col,
                    char: c,
                    rule,
                });
                c
            }
            None => {
                let candidates = hole.candidates.len();
                report.unrecoverable.push(Unrecoverable {
                    line: line_no,
                    column: col,
                    candidates,
                });
                char::REPLACEMENT_CHARACTER
            }
        };
        let end = hole.offset + char::REPLACEMENT_CHARACTER.len_utf8();
        lines[hole.line]
            .to_mut()
            .replace_range(hole.offset..end, chosen.encode_utf8(&mut [0; 4]));
    }
    report.restored.reverse();
    report.unrecoverable.reverse();
}

impl lost::Neighbours {
    /// Other holes are not yet known, so they constrain nothing.
    fn unknown_if_placeholder(self) -> Self {
        let known = |c: Option<char>| c.filter(|c| *c != char::REPLACEMENT_CHARACTER);
        lost::Neighbours {
            left: known(self.left),
            right: known(self.right),
            above: known(self.above),
            below: known(self.below),
        }
    }
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The character that starts at display `column`; a space past the end; `None` inside a wide one.
fn char_at(line: &str, column: usize) -> Option<char> {
    let mut at = 0;
    for c in line.chars() {
        if at == column {
            return Some(c);
        }
        at += c.width().unwrap_or(0);
        if at > column {
            return None;
        }
    }
    Some(' ')
}

#[cfg(test)]
mod tests;
