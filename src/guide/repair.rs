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

/// A character whose bytes were partly dropped, before it is decided.
struct Hole {
    line: usize,
    /// Byte offset of its U+FFFD placeholder in the repaired line.
    offset: usize,
    present: Vec<u8>,
    missing: usize,
}

/// What the first pass learns about the document.
#[derive(Default)]
struct Scan {
    fixes: Vec<(usize, String)>,
    holes: Vec<Hole>,
    sequences: usize,
    evidence: Option<Evidence>,
    first_clean_line: Option<u32>,
}

/// Repairs `text`; clean or mixed text comes back borrowed and unchanged.
pub fn repair(text: &str) -> (Cow<'_, str>, Report) {
    let mut scan = Scan::default();
    for (index, line) in lines(text).enumerate() {
        scan.line(index, line);
    }
    let mut report = Report {
        evidence: scan.evidence,
        ..Report::default()
    };
    if scan.sequences == 0 {
        report.evidence = None; // holes alone are no evidence of damage
        return (Cow::Borrowed(text), report);
    }
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

impl Scan {
    fn line(&mut self, index: usize, line: &str) {
        if line.is_ascii() {
            return;
        }
        // Most clean lines (box drawings, arrows) hold no character a code page produces:
        // note them as clean without building a copy.
        let mut mappable = line
            .chars()
            .filter(|c| !c.is_ascii())
            .map(codepage::byte_of);
        if mappable.all(|byte| byte.is_none()) {
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
            if codepage::byte_of(c).is_none() {
                changed |= self.run(&line[run_start..at], index, &mut out);
                if c != char::REPLACEMENT_CHARACTER {
                    self.clean(index);
                }
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
        let bytes: Vec<u8> = run.chars().filter_map(codepage::byte_of).collect();
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
        let specific = run
            .chars()
            .map(codepage::evidence_of)
            .find(|e| *e != Evidence::Shared);
        self.evidence = match (self.evidence, specific) {
            (None | Some(Evidence::Shared), Some(e)) => Some(e),
            (None, None) => Some(Evidence::Shared),
            (known, _) => known,
        };
        true
    }
}

struct Decoded {
    text: String,
    sequences: usize,
    /// Offset in `text`, surviving bytes, number of missing bytes.
    holes: Vec<(usize, Vec<u8>, usize)>,
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
            let c = std::str::from_utf8(sequence).ok()?.chars().next()?;
            if !plausible(c) {
                return None;
            }
            decoded.text.push(c);
            decoded.sequences += 1;
        } else if kept == 0
            || lost::candidates(sequence, len - 1 - kept, &codepage::UNDEFINED_ANY).is_empty()
        {
            return None;
        } else {
            decoded
                .holes
                .push((decoded.text.len(), sequence.to_vec(), len - 1 - kept));
            decoded.text.push(char::REPLACEMENT_CHARACTER);
        }
        i += 1 + kept;
    }
    Some(decoded)
}

/// Characters real text is written in. Mojibake of real text decodes to these; clean text
/// that merely looks like mojibake ("ß’" → U+07D2) mostly decodes to something else.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0x00A0..=0x024F       // Latin-1 letters and symbols, Latin Extended-A and -B
        | 0x0370..=0x052F     // Greek, Cyrillic
        | 0x0590..=0x06FF     // Hebrew, Arabic
        | 0x0900..=0x0E7F     // Indic scripts, Thai
        | 0x1E00..=0x1FFF     // Latin Extended Additional, Greek Extended
        | 0x2000..=0x2BFF     // punctuation, currency, arrows, math, box drawing, shapes
        | 0x3000..=0x9FFF     // CJK punctuation, kana, ideographs
        | 0xAC00..=0xD7A3     // Hangul
        | 0xFF00..=0xFFEF     // fullwidth forms
        | 0x1F000..=0x1FAFF   // emoji and pictographs
    )
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
