//! Deciding holes from the repaired lines around them, in time linear in the text: each
//! line's columns are measured once, and each line is rebuilt once.

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_width::UnicodeWidthChar;

use super::{Evidence, Hole, Report, Restored, Unrecoverable, codepage, lost};

/// A line as display columns: the character starting at each column, `None` for the second
/// half of a wide character.
type Grid = Vec<Option<char>>;

pub(super) fn fill_holes(lines: &mut [Cow<str>], holes: Vec<Hole>, report: &mut Report) {
    // Windows-1254 also drops 0x8E and 0x9E (Ž, ž in Windows-1252); assume it only when
    // Turkish letters say so, since the extra candidates can tie (” with „).
    let undefined: &[u8] = match report.evidence {
        Some(Evidence::Windows1254) => &codepage::UNDEFINED_ANY,
        _ => &codepage::UNDEFINED,
    };
    let mut grids: HashMap<usize, Grid> = HashMap::new();
    let mut choices: Vec<(usize, Vec<(usize, char)>)> = Vec::new();
    // Holes arrive in line order, and in offset order within a line.
    for group in holes.chunk_by(|a, b| a.line == b.line) {
        let index = group[0].line;
        let line: &str = &lines[index];
        let columns = columns_of(line, group.iter().map(|h| h.offset));
        let mut chosen = Vec::with_capacity(group.len());
        for (hole, column) in group.iter().zip(columns) {
            let around = lost::Neighbours {
                left: known(line[..hole.offset].chars().next_back().or(Some(' '))),
                right: known(line[hole.offset..].chars().nth(1).or(Some(' '))),
                above: cell_at(&mut grids, lines, index.checked_sub(1), column),
                below: cell_at(&mut grids, lines, Some(index + 1), column),
            };
            let candidates = lost::candidates(&hole.present, hole.missing, undefined);
            let (line_no, col) = (index as u32 + 1, column as u32 + 1);
            let c = match lost::decide(&candidates, around) {
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
                    let candidates = candidates.len();
                    report.unrecoverable.push(Unrecoverable {
                        line: line_no,
                        column: col,
                        candidates,
                    });
                    char::REPLACEMENT_CHARACTER
                }
            };
            chosen.push((hole.offset, c));
        }
        choices.push((index, chosen));
    }
    for (index, chosen) in choices {
        lines[index] = Cow::Owned(splice(&lines[index], &chosen));
    }
}

/// Other holes are not decided yet, so they constrain nothing.
fn known(c: Option<char>) -> Option<char> {
    c.filter(|c| *c != char::REPLACEMENT_CHARACTER)
}

/// The display column of each offset (offsets ascending), in one walk over the line.
fn columns_of(line: &str, offsets: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut offsets = offsets.peekable();
    let mut columns = Vec::new();
    let mut column = 0;
    for (at, c) in line.char_indices() {
        while offsets.next_if(|o| *o == at).is_some() {
            columns.push(column);
        }
        column += c.width().unwrap_or(0);
    }
    columns.extend(offsets.map(|_| column));
    columns
}

fn grid<'g>(grids: &'g mut HashMap<usize, Grid>, lines: &[Cow<str>], index: usize) -> &'g Grid {
    grids.entry(index).or_insert_with(|| {
        let mut grid = Vec::with_capacity(lines[index].len());
        for c in lines[index].chars() {
            let width = c.width().unwrap_or(0);
            if width > 0 {
                grid.push(Some(c));
                grid.extend(std::iter::repeat_n(None, width - 1));
            }
        }
        grid
    })
}

/// The character at `column` of line `index`: a space past the end of the line or the text,
/// `None` inside a wide character or a hole.
fn cell_at(
    grids: &mut HashMap<usize, Grid>,
    lines: &[Cow<str>],
    index: Option<usize>,
    column: usize,
) -> Option<char> {
    match index
        .filter(|i| *i < lines.len())
        .map(|i| grid(grids, lines, i).get(column))
    {
        Some(Some(c)) => known(*c),
        _ => Some(' '),
    }
}

/// The line with each placeholder at `chosen` offsets replaced by its character.
fn splice(line: &str, chosen: &[(usize, char)]) -> String {
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for &(offset, c) in chosen {
        out.push_str(&line[from..offset]);
        out.push(c);
        from = offset + char::REPLACEMENT_CHARACTER.len_utf8();
    }
    out.push_str(&line[from..]);
    out
}
