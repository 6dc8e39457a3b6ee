//! Deciding what a character was when some of its bytes were dropped.
//!
//! A hole keeps the bytes that survived (a lead byte and at least one continuation byte) and
//! how many are missing. Any byte the damaging code page leaves undefined may be missing from
//! any continuation slot, so a hole has a handful of candidates; two rules pick one:
//! 1. **Neighbours**: where the characters around the hole point box-drawing arms at it, the
//!    box-drawing candidate that joins every one of those arms, with the fewest arms left
//!    pointing at nothing (a `─` on the left and a `│` below make a `┐`). Loose arms are
//!    tolerated because hand-drawn boxes are often a column off.
//! 2. **Common use**: where exactly one candidate is a character people commonly write
//!    (`←` rather than `ↁ` or `↝`).
//!
//! Otherwise nothing decides, and the hole becomes U+FFFD.

/// Why a hole was filled with the character it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    BoxNeighbours,
    CommonUse,
}

/// The characters around a hole; `None` where unknown (another hole, or a wide character).
#[derive(Clone, Copy, Debug, Default)]
pub struct Neighbours {
    pub left: Option<char>,
    pub right: Option<char>,
    pub above: Option<char>,
    pub below: Option<char>,
}

/// Every character a damaged sequence could have been. `present` is the lead byte and what
/// followed it: `Some(byte)` where a byte survived, `None` where a decoder left U+FFFD in
/// its place; `missing` more bytes were dropped from unknown slots. Each unknown byte is one
/// of `undefined`.
pub fn candidates(present: &[Option<u8>], missing: usize, undefined: &[u8]) -> Vec<char> {
    let Some((&Some(lead), rest)) = present.split_first() else {
        return Vec::new();
    };
    let slots = rest.len() + missing;
    let mut out = Vec::new();
    // Each mask marks which continuation slots were dropped.
    for mask in 0u32..(1 << slots) {
        if mask.count_ones() as usize != missing {
            continue;
        }
        let mut kept = rest.iter();
        let template: Vec<Option<u8>> = (0..slots)
            .map(|slot| {
                if mask & (1 << slot) != 0 {
                    None
                } else {
                    kept.next().copied().flatten()
                }
            })
            .collect();
        fill(lead, &template, undefined, &mut out);
    }
    out.retain(|c| !c.is_control() && !is_noncharacter(*c));
    out.sort_unstable();
    out.dedup();
    out
}

/// Every character `lead` and `template` make with each unknown slot one of `undefined`.
fn fill(lead: u8, template: &[Option<u8>], undefined: &[u8], out: &mut Vec<char>) {
    let unknown = template.iter().filter(|b| b.is_none()).count() as u32;
    for combo in 0..undefined.len().pow(unknown) {
        let mut pick = combo;
        let mut bytes = vec![lead];
        for slot in template {
            bytes.push(slot.unwrap_or_else(|| {
                let byte = undefined[pick % undefined.len()];
                pick /= undefined.len();
                byte
            }));
        }
        if let Some(c) = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|s| s.chars().next())
        {
            out.push(c);
        }
    }
}

fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// Picks the character the rules decide on, if any.
pub fn decide(candidates: &[char], around: Neighbours) -> Option<(char, Rule)> {
    if let Some(c) = by_neighbours(candidates, around) {
        return Some((c, Rule::BoxNeighbours));
    }
    let mut common = candidates.iter().filter(|c| is_common(**c));
    match (common.next(), common.next()) {
        (Some(&c), None) => Some((c, Rule::CommonUse)),
        _ => None,
    }
}

fn by_neighbours(candidates: &[char], around: Neighbours) -> Option<char> {
    // What each neighbour asks of the hole: the weight of the arm it points at it.
    let wanted = [
        around.above.map(|c| arm(c, DOWN)),
        around.right.map(|c| arm(c, LEFT)),
        around.below.map(|c| arm(c, UP)),
        around.left.map(|c| arm(c, RIGHT)),
    ];
    if !wanted
        .iter()
        .any(|w| matches!(w, Some(weight) if *weight > 0))
    {
        return None; // not inside a drawing
    }
    // Hand-drawn boxes are often a column off, so an arm into empty space is tolerated,
    // but every arm pointing at the hole must be joined, and fewer loose arms win.
    let loose_arms = |c: char| -> Option<usize> {
        let own = [arm(c, UP), arm(c, RIGHT), arm(c, DOWN), arm(c, LEFT)];
        let mut loose = 0;
        for (own, wanted) in own.into_iter().zip(wanted) {
            match wanted {
                Some(w) if w > 0 && own != w => return None,
                Some(0) if own > 0 => loose += 1,
                _ => {}
            }
        }
        Some(loose)
    };
    let scored: Vec<(usize, char)> = candidates
        .iter()
        .filter(|c| is_box(**c))
        .filter_map(|&c| loose_arms(c).map(|loose| (loose, c)))
        .collect();
    let best = scored.iter().map(|(loose, _)| *loose).min()?;
    let mut winners = scored.iter().filter(|(loose, _)| *loose == best);
    match (winners.next(), winners.next()) {
        (Some(&(_, c)), None) => Some(c),
        _ => None,
    }
}

const UP: u32 = 0;
const RIGHT: u32 = 2;
const DOWN: u32 = 4;
const LEFT: u32 = 6;

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// The weight (0 none, 1 light, 2 heavy, 3 double) of `c`'s arm in one direction.
fn arm(c: char, direction: u32) -> u8 {
    let packed = match c {
        '\u{2500}'..='\u{257F}' => BOX_ARMS[c as usize - 0x2500],
        // Arrow heads that end a line of a drawing join it like an arm.
        '▼' | '▽' => 0x01,
        '▲' | '△' => 0x10,
        '◄' | '◀' => 0x04,
        '►' | '▶' => 0x40,
        _ => 0,
    };
    (packed >> direction) & 0b11
}

/// Arms of U+2500..=U+257F, two bits each: up | right << 2 | down << 4 | left << 6, with
/// 1 light, 2 heavy, 3 double. Derived from the Unicode character names ("BOX DRAWINGS DOWN
/// LIGHT AND LEFT HEAVY"); dashed lines count as lines, diagonals have no arms.
#[rustfmt::skip]
const BOX_ARMS: [u8; 128] = [
    0x44, 0x88, 0x11, 0x22, 0x44, 0x88, 0x11, 0x22, 0x44, 0x88, 0x11, 0x22, 0x14, 0x18, 0x24, 0x28,
    0x50, 0x90, 0x60, 0xA0, 0x05, 0x09, 0x06, 0x0A, 0x41, 0x81, 0x42, 0x82, 0x15, 0x19, 0x16, 0x25,
    0x26, 0x1A, 0x29, 0x2A, 0x51, 0x91, 0x52, 0x61, 0x62, 0x92, 0xA1, 0xA2, 0x54, 0x94, 0x58, 0x98,
    0x64, 0xA4, 0x68, 0xA8, 0x45, 0x85, 0x49, 0x89, 0x46, 0x86, 0x4A, 0x8A, 0x55, 0x95, 0x59, 0x99,
    0x56, 0x65, 0x66, 0x96, 0x5A, 0xA5, 0x69, 0x9A, 0xA9, 0xA6, 0x6A, 0xAA, 0x44, 0x88, 0x11, 0x22,
    0xCC, 0x33, 0x1C, 0x34, 0x3C, 0xD0, 0x70, 0xF0, 0x0D, 0x07, 0x0F, 0xC1, 0x43, 0xC3, 0x1D, 0x37,
    0x3F, 0xD1, 0x73, 0xF3, 0xDC, 0x74, 0xFC, 0xCD, 0x47, 0xCF, 0xDD, 0x77, 0xFF, 0x14, 0x50, 0x41,
    0x05, 0x00, 0x00, 0x00, 0x40, 0x01, 0x04, 0x10, 0x80, 0x02, 0x08, 0x20, 0x48, 0x21, 0x84, 0x12,
];

/// Characters people commonly write outside plain ASCII letters: typographic punctuation,
/// arrows, math and check marks, and the selector that makes `⚠` an emoji (`⚠️`). Rare
/// look-alikes (`ↁ`, `↝`, `⁆`) are left out on purpose.
fn is_common(c: char) -> bool {
    matches!(
        c,
        '‘' | '’'
            | '‚'
            | '“'
            | '”'
            | '„'
            | '•'
            | '…'
            | '–'
            | '—'
            | '′'
            | '″'
            | '‹'
            | '›'
            | '€'
            | '™'
            | '←'
            | '↑'
            | '→'
            | '↓'
            | '↔'
            | '↕'
            | '↩'
            | '↪'
            | '↵'
            | '⇐'
            | '⇒'
            | '⇔'
            | '⇑'
            | '⇓'
            | '∞'
            | '≈'
            | '≠'
            | '≤'
            | '≥'
            | '±'
            | '×'
            | '÷'
            | '√'
            | '∑'
            | '∆'
            | '∈'
            | '∉'
            | '∀'
            | '∃'
            | '∧'
            | '∨'
            | '⌘'
            | '⏎'
            | '✓'
            | '✔'
            | '✗'
            | '✘'
            | '★'
            | '☆'
            | '●'
            | '○'
            | '■'
            | '□'
            | '▲'
            | '▼'
            | '◄'
            | '►'
            | '▶'
            | '◀'
            | '♥'
            | '\u{FE0F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::repair::codepage::UNDEFINED;

    fn candidates(present: &[u8], missing: usize) -> Vec<char> {
        let present: Vec<Option<u8>> = present.iter().copied().map(Some).collect();
        super::candidates(&present, missing, &UNDEFINED)
    }

    fn around(left: char, right: char, above: char, below: char) -> Neighbours {
        Neighbours {
            left: Some(left),
            right: Some(right),
            above: Some(above),
            below: Some(below),
        }
    }

    #[test]
    fn a_lost_corner_byte_has_box_and_non_box_candidates() {
        let found = candidates(&[0xE2, 0x94], 1);
        for c in ['━', '┍', '┏', '┐', '┝', '⁔', '❔'] {
            assert!(found.contains(&c), "{c} missing from {found:?}");
        }
    }

    #[test]
    fn neighbours_decide_the_top_right_corner() {
        let found = candidates(&[0xE2, 0x94], 1);
        let got = decide(&found, around('─', ' ', ' ', '│'));
        assert_eq!(got, Some(('┐', Rule::BoxNeighbours)));
    }

    #[test]
    fn neighbours_decide_heavy_and_other_corners() {
        // ┏ is E2 94 8F: a heavy top-left corner whose last byte was dropped.
        let found = candidates(&[0xE2, 0x94], 1);
        assert_eq!(
            decide(&found, around(' ', '━', ' ', '┃')),
            Some(('┏', Rule::BoxNeighbours))
        );
    }

    #[test]
    fn common_use_decides_the_left_arrow() {
        let found = candidates(&[0xE2, 0x86], 1);
        assert!(found.contains(&'ↁ') && found.contains(&'↝'));
        assert_eq!(
            decide(&found, Neighbours::default()),
            Some(('←', Rule::CommonUse))
        );
        assert_eq!(
            decide(&found, around(' ', 'G', ' ', ' ')),
            Some(('←', Rule::CommonUse))
        );
    }

    #[test]
    fn nothing_decides_an_emoji_missing_two_bytes() {
        let found = candidates(&[0xF0, 0x9F], 2);
        assert!(found.contains(&'🐍'));
        assert!(found.len() >= 25, "{}", found.len());
        assert_eq!(decide(&found, Neighbours::default()), None);
    }

    #[test]
    fn a_corner_whose_side_is_a_column_off_is_still_decided() {
        // The guide's boxes often put the right-hand │ one column past the ┐ above it.
        let found = candidates(&[0xE2, 0x94], 1);
        assert_eq!(
            decide(&found, around('─', ' ', ' ', ' ')),
            Some(('┐', Rule::BoxNeighbours))
        );
    }

    #[test]
    fn a_tie_between_corners_decides_nothing() {
        // Only a │ below: ┍ and ┐ both join it with one loose arm each.
        let found = candidates(&[0xE2, 0x94], 1);
        assert_eq!(decide(&found, around(' ', ' ', ' ', '│')), None);
    }

    #[test]
    fn a_replaced_byte_is_an_unknown_byte_in_a_known_slot() {
        // Decoded with errors='replace', ┐ (E2 94 90) reads â, ”, U+FFFD.
        let found = super::candidates(&[Some(0xE2), Some(0x94), None], 0, &UNDEFINED);
        assert_eq!(found, ['━', '┍', '┏', '┐', '┝']);
    }

    #[test]
    fn arms_come_from_the_table() {
        assert_eq!(arm('─', LEFT), 1);
        assert_eq!(arm('─', UP), 0);
        assert_eq!(arm('┐', DOWN), 1);
        assert_eq!(arm('┐', RIGHT), 0);
        assert_eq!(arm('╬', UP), 3);
        assert_eq!(arm('┃', DOWN), 2);
        assert_eq!(arm('╭', RIGHT), 1);
    }
}
