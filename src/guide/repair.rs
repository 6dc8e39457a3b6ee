//! Repairing UTF-8 that was decoded as Windows-1252, Windows-1254 or Latin-1 ("mojibake").
//!
//! A file that went through a wrong decoder is damaged wholesale: every character in it is
//! one a code page produces, and every run of such characters maps back to bytes that are
//! UTF-8. So the document is scanned first, line by line and run by run:
//! - a run whose bytes decode to plausible characters (letters, punctuation, symbols, box
//!   drawing, CJK, emoji) is evidence of damage;
//! - a run that does not decode (the `â` of "pâté" has no continuation byte after it; "ß’"
//!   would decode to an N'Ko letter), or any character no code page produces (`─`, `→`,
//!   `日`), is evidence of clean text.
//!
//! Only a document with damage and no clean text is repaired; a mixed one is left as it is
//! and the report says so, since a clean file may quote mojibake on purpose.
//!
//! A lead byte followed by some but not all of its continuation bytes is a *hole*: the
//! decoder that did the damage dropped the bytes it had no character for. A hole alone is
//! not evidence ("é’" looks like one). Holes are decided after every line is repaired,
//! since the neighbours that decide them may need repair too (see [`lost`]).

mod codepage;
mod fill;
mod lost;

use std::borrow::Cow;

use serde::Serialize;

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
    /// The code page the damage points to, when there is damage.
    #[serde(serialize_with = "serialize_evidence")]
    pub evidence: Option<Evidence>,
    /// Set when some lines look damaged but others are clean, so nothing was changed.
    pub mixed: Option<Mixed>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Mixed {
    /// Lines that decode as mojibake.
    pub damaged_lines: usize,
    /// The first line with text no such damage produces.
    pub clean_line: u32,
}

impl Report {
    /// Whether the text came back unchanged.
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

fn serialize_evidence<S: serde::Serializer>(e: &Option<Evidence>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_str(e.describe()),
        None => s.serialize_none(),
    }
}

/// A character whose bytes were partly lost, before it is decided.
struct Hole {
    line: usize,
    /// Byte offset of its U+FFFD placeholder in the repaired line.
    offset: usize,
    /// The lead byte and what followed it (`None` where a decoder left U+FFFD).
    present: Vec<Option<u8>>,
    /// Bytes dropped outright, from slots unknown.
    missing: usize,
}

/// What the first pass learns about the document.
#[derive(Default)]
struct Scan {
    fixes: Vec<(usize, String)>,
    holes: Vec<Hole>,
    sequences: usize,
    clues: codepage::Clues,
    first_clean_line: Option<u32>,
}

/// Repairs `text`; clean or mixed text comes back borrowed and unchanged.
pub fn repair(text: &str) -> (Cow<'_, str>, Report) {
    let mut scan = Scan::default();
    for (index, line) in lines(text).enumerate() {
        scan.line(index, line);
    }
    if scan.sequences == 0 {
        return (Cow::Borrowed(text), Report::default()); // holes alone are no evidence
    }
    let mut report = Report {
        evidence: Some(scan.clues.evidence()),
        ..Report::default()
    };
    if let Some(clean_line) = scan.first_clean_line {
        report.mixed = Some(Mixed {
            damaged_lines: scan.fixes.len(),
            clean_line,
        });
        return (Cow::Borrowed(text), report);
    }
    report.sequences = scan.sequences;
    report.lines = scan.fixes.iter().map(|(i, _)| *i as u32 + 1).collect();
    let mut lines: Vec<Cow<str>> = self::lines(text).map(Cow::Borrowed).collect();
    for (index, fixed) in scan.fixes {
        lines[index] = Cow::Owned(fixed);
    }
    fill::fill_holes(&mut lines, scan.holes, &mut report);
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

/// The byte a character stands for in a run: `Some(None)` for U+FFFD, which a decoder
/// leaves where it had no character for a byte; `None` when no code page produces it.
fn run_byte(c: char) -> Option<Option<u8>> {
    match c {
        char::REPLACEMENT_CHARACTER => Some(None),
        c => codepage::byte_of(c).map(Some),
    }
}

impl Scan {
    fn line(&mut self, index: usize, line: &str) {
        if line.is_ascii() {
            return;
        }
        // Most clean lines (box drawings, arrows) hold no character a code page produces:
        // note them as clean without building a copy.
        if !line
            .chars()
            .any(|c| !c.is_ascii() && codepage::byte_of(c).is_some())
        {
            if line
                .chars()
                .any(|c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER)
            {
                self.clean(index);
            }
            return;
        }
        let mut out = String::with_capacity(line.len());
        let mut changed = false;
        let mut run_start = 0;
        for (at, c) in line.char_indices() {
            if run_byte(c).is_none() {
                changed |= self.run(&line[run_start..at], index, &mut out);
                self.clean(index);
                out.push(c);
                run_start = at + c.len_utf8();
            }
        }
        changed |= self.run(&line[run_start..], index, &mut out);
        if changed {
            self.fixes.push((index, out));
        }
    }

    fn clean(&mut self, index: usize) {
        self.first_clean_line.get_or_insert(index as u32 + 1);
    }

    /// Appends `run` to `out`, repaired when it is mojibake; says whether it was.
    fn run(&mut self, run: &str, line: usize, out: &mut String) -> bool {
        if run.is_ascii() {
            out.push_str(run);
            return false;
        }
        let bytes: Vec<Option<u8>> = run.chars().filter_map(run_byte).collect();
        let Some(decoded) = decode(&bytes) else {
            self.clean(line);
            out.push_str(run);
            return false;
        };
        for (offset, present, missing) in decoded.holes {
            self.holes.push(Hole {
                line,
                offset: out.len() + offset,
                present,
                missing,
            });
        }
        out.push_str(&decoded.text);
        self.sequences += decoded.sequences;
        run.chars().for_each(|c| self.clues.note(c));
        true
    }
}

struct Decoded {
    text: String,
    sequences: usize,
    /// Offset in `text`, what is left of the sequence, number of bytes dropped.
    holes: Vec<(usize, Vec<Option<u8>>, usize)>,
}

/// Decodes bytes (`None` for U+FFFD) as UTF-8 with holes, or `None` when they are not
/// mojibake.
fn decode(bytes: &[Option<u8>]) -> Option<Decoded> {
    let mut decoded = Decoded {
        text: String::with_capacity(bytes.len()),
        sequences: 0,
        holes: Vec::new(),
    };
    let mut i = 0;
    while i < bytes.len() {
        let Some(lead) = bytes[i] else {
            // A U+FFFD on its own stays what it is.
            decoded.text.push(char::REPLACEMENT_CHARACTER);
            i += 1;
            continue;
        };
        if lead.is_ascii() {
            decoded.text.push(lead as char);
            i += 1;
            continue;
        }
        let len = sequence_len(lead)?;
        let kept = bytes[i + 1..]
            .iter()
            .take(len - 1)
            .take_while(|b| b.is_none_or(is_continuation))
            .count();
        let sequence = &bytes[i..i + 1 + kept];
        if kept == len - 1 && sequence.iter().all(Option::is_some) {
            let whole: Vec<u8> = sequence.iter().flatten().copied().collect();
            let c = std::str::from_utf8(&whole).ok()?.chars().next()?;
            if !plausible(c) {
                return None;
            }
            decoded.text.push(c);
            decoded.sequences += 1;
        } else {
            // A 3- or 4-byte lead with nothing after it is clean text (the â of "pâté"); a
            // 2-byte lead may have lost its one continuation byte (the 0x81 of "Á").
            let missing = len - 1 - kept;
            let lost = (kept > 0 || len == 2)
                && !lost::candidates(sequence, missing, &codepage::UNDEFINED_ANY).is_empty();
            if !lost {
                return None;
            }
            decoded
                .holes
                .push((decoded.text.len(), sequence.to_vec(), missing));
            decoded.text.push(char::REPLACEMENT_CHARACTER);
        }
        i += 1 + kept;
    }
    Some(decoded)
}

/// Whether a decoded character could be real text. Clean text that merely looks like
/// mojibake decodes to C1 controls ("Â€") or to the rare scripts at U+0700..U+08FF ("ß’"
/// gives N'Ko); real text can be anything else, emoji selectors and private-use icons too.
fn plausible(c: char) -> bool {
    let code = c as u32;
    !matches!(code, 0x80..=0x9F | 0x0700..=0x08FF | 0xFDD0..=0xFDEF) && code & 0xFFFE != 0xFFFE
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

#[cfg(test)]
mod tests;
