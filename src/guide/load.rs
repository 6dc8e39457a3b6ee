//! Reading a guide: bytes → checked, repaired text → [`Guide`].
//!
//! # The grammar
//!
//! A guide is CommonMark with GitHub tables, task lists and strikethrough. Its headings
//! give it shape; every other line lands in a block of whatever heading comes before it.
//!
//! ```text
//! guide    := title? preface section+ (part | section)*
//! title    := "# " [emoji " "] text               first level-1 heading
//! preface  := block*                              a leading "> quote" is the subtitle
//! section  := "## " N ". " text  block*  lesson*  N a decimal number
//! lesson   := "### " N "." M ["."] " " text block*   its id is "N.M"
//! part     := "## " [emoji " "] name block*       a level-2 heading that is not numbered
//! ```
//!
//! Parts are recognised by name, ignoring case and a leading emoji:
//! - "Table of Contents" (or "Contents"): its list links become [`super::ContentsEntry`]s.
//! - "Learning Path": each `### Phase (Weeks A-B)` heading starts a phase; each `- [ ]` or
//!   `- [x]` item in a list under it is a checklist [`super::Item`].
//! - "Resources": the first link of each list item is a [`super::Resource`].
//! - Any other name is kept as a part and shown as written.
//!
//! Inside lessons, `####` and deeper headings (and `###` headings without a number) are
//! heading blocks. A fence with no language (or `text`) that draws with box-drawing or
//! block characters is a diagram; every other fence or indented block is code.
//!
//! The only hard requirement is one numbered section. Oddities that still load — repeated
//! ids, a lesson numbered for another section, contents links to missing headings — are
//! [`Warning`]s with their line, for `pyguide doctor`.
//!
//! Before parsing: a UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark is
//! decoded, CRLF and lone CR line endings become LF, and mojibake is repaired
//! ([`super::repair`]). Line numbers always refer to the file as given.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Guide, blocks, outline, repair};

/// The guide shipped inside the binary.
pub const BUILTIN: &str = include_str!("../../content/guide.md");
pub const BUILTIN_NAME: &str = "the built-in guide";

/// Larger files are refused rather than read into memory.
const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// A loaded guide and what was found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub guide: Guide,
    pub diagnostics: Diagnostics,
}

#[derive(Clone, Debug, Serialize)]
pub struct Diagnostics {
    /// The path as given, or [`BUILTIN_NAME`].
    pub source: String,
    pub bytes: usize,
    pub lines: usize,
    pub encoding: Encoding,
    pub line_endings: LineEndings,
    pub repair: repair::Report,
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "&'static str")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

impl From<Encoding> for &'static str {
    fn from(e: Encoding) -> Self {
        e.name()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEndings {
    Lf,
    Crlf,
    /// Lone CR, as old Mac files have.
    Cr,
    Mixed,
}

/// Something odd in a guide that still loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: u32,
    pub message: String,
}

impl Warning {
    pub(crate) fn new(line: u32, message: impl Into<String>) -> Self {
        Warning {
            line,
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {}", .path.display(), describe_io(.source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is a directory: pass the guide's markdown file", .path.display())]
    Directory { path: PathBuf },
    #[error("{} is larger than {} MiB: that is not a guide", .path.display(), MAX_BYTES >> 20)]
    TooLarge { path: PathBuf },
    #[error("{name} is empty: a guide needs sections like '## 1. Title'")]
    Empty { name: String },
    #[error("{name} is a binary file (it has a NUL byte at line {line}), not a markdown guide")]
    Binary { name: String, line: usize },
    #[error(
        "{name} is not UTF-8 text: byte 0x{byte:02X} at line {line}, column {column} (save it as UTF-8)"
    )]
    InvalidUtf8 {
        name: String,
        byte: u8,
        line: usize,
        column: usize,
    },
    #[error(
        "{name} is not valid UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"
    )]
    InvalidUtf16 { name: String },
    #[error("no numbered sections like '## 1. Title' found in {name}")]
    NoSections { name: String },
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file (check the path)".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Loads the guide shipped inside the binary.
pub fn builtin() -> Result<Loaded, LoadError> {
    from_bytes(BUILTIN_NAME, BUILTIN.as_bytes())
}

/// Loads the guide at `path`.
pub fn from_path(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read(path)?;
    from_bytes(&path.display().to_string(), &bytes)
}

/// Reads a file that may be a guide, refusing early what cannot be one: a size over the
/// limit is refused from the file's metadata, and a first chunk with a NUL byte (so
/// `/dev/zero`, executables, images) stops the read there.
fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || LoadError::TooLarge {
        path: path.to_path_buf(),
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.is_dir() {
        return Err(LoadError::Directory {
            path: path.to_path_buf(),
        });
    }
    if metadata.is_file() && metadata.len() > MAX_BYTES {
        return Err(too_large());
    }
    // `take` also bounds devices and pipes, which report no size.
    let mut file = std::fs::File::open(path)
        .map_err(read_error)?
        .take(MAX_BYTES + 1);
    let mut bytes = vec![0; 64 * 1024];
    let first = read_some(&mut file, &mut bytes).map_err(read_error)?;
    bytes.truncate(first);
    if encoding_rs::Encoding::for_bom(&bytes).is_none()
        && let Some(at) = memchr::memchr(0, &bytes)
    {
        let name = path.display().to_string();
        return Err(LoadError::Binary {
            name,
            line: memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1,
        });
    }
    file.read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Fills as much of `buffer` as the reader gives before its end.
fn read_some(reader: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Loads a guide from bytes; `source` names it in errors.
pub fn from_bytes(source: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let (text, encoding) = decode(source, bytes)?;
    let (text, line_endings) = unix_line_endings(text);
    let (text, report) = repair::repair(&text);
    // A byte-order mark saved through a wrong decoder ("ï»¿") comes back from repair.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut warnings = Vec::new();
    let guide = outline::build(blocks::parse(text), &mut warnings);
    if guide.sections.is_empty() {
        return Err(LoadError::NoSections {
            name: source.to_string(),
        });
    }
    warnings.sort_by_key(|w| w.line);
    let lines =
        memchr::memchr_iter(b'\n', text.as_bytes()).count() + usize::from(!text.ends_with('\n'));
    let diagnostics = Diagnostics {
        source: source.to_string(),
        bytes: bytes.len(),
        lines,
        encoding,
        line_endings,
        repair: report,
        warnings,
    };
    Ok(Loaded { guide, diagnostics })
}

/// The text with CRLF and lone CR turned into LF (CommonMark counts all three as line ends).
fn unix_line_endings(text: Cow<'_, str>) -> (Cow<'_, str>, LineEndings) {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return (text, LineEndings::Lf);
    }
    let crlf = text.matches("\r\n").count();
    let cr = memchr::memchr_iter(b'\r', text.as_bytes()).count();
    let lf = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let kind = match (crlf == cr && crlf == lf, crlf == 0 && lf == 0) {
        (true, _) => LineEndings::Crlf,
        (_, true) => LineEndings::Cr,
        _ => LineEndings::Mixed,
    };
    (
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n")),
        kind,
    )
}

fn decode<'a>(source: &str, bytes: &'a [u8]) -> Result<(Cow<'a, str>, Encoding), LoadError> {
    let empty = || LoadError::Empty {
        name: source.to_string(),
    };
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .ok_or_else(|| LoadError::InvalidUtf16 {
                name: source.to_string(),
            })?;
        let which = if encoding == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        return non_blank(text, which).ok_or_else(empty);
    }
    let (body, encoding) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    };
    if let Some(at) = memchr::memchr(0, body) {
        let line = memchr::memchr_iter(b'\n', &body[..at]).count() + 1;
        return Err(LoadError::Binary {
            name: source.to_string(),
            line,
        });
    }
    let text =
        std::str::from_utf8(body).map_err(|e| invalid_utf8(source, body, e.valid_up_to()))?;
    non_blank(Cow::Borrowed(text), encoding).ok_or_else(empty)
}

fn non_blank(text: Cow<'_, str>, encoding: Encoding) -> Option<(Cow<'_, str>, Encoding)> {
    (!text.trim().is_empty()).then_some((text, encoding))
}

fn invalid_utf8(source: &str, body: &[u8], at: usize) -> LoadError {
    let before = &body[..at];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    LoadError::InvalidUtf8 {
        name: source.to_string(),
        byte: body[at],
        line: memchr::memchr_iter(b'\n', before).count() + 1,
        column,
    }
}

#[cfg(test)]
mod tests;
