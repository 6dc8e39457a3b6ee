//! Which byte a character came from, when UTF-8 was decoded as Windows-1252, Windows-1254 or
//! Latin-1. The pages differ on a few bytes (0xF0 is `ð` in one, `ğ` in the other), but no
//! character stands for two different bytes, so one reverse table serves all three.

use std::sync::OnceLock;

/// Bytes that neither Windows-1252 nor Windows-1254 defines: a Windows-1252 decoder that
/// drops what it cannot map loses exactly these.
pub const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// Bytes that either page leaves undefined: a Windows-1254 decoder also drops 0x8E and 0x9E
/// (Ž and ž in Windows-1252).
pub const UNDEFINED_ANY: [u8; 7] = [0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E];

/// Which code page a repaired run shows evidence of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Evidence {
    /// Only characters all three pages share.
    #[default]
    Shared,
    /// Turkish letters (ğ, ı, ş, İ, Ğ, Ş) that only Windows-1254 has.
    Windows1254,
    /// Letters (ð, ý, þ, Ð, Ý, Þ, Ž, ž) in the places where Windows-1254 has Turkish ones.
    Windows1252,
    /// C1 control characters: a Latin-1 (ISO-8859-1) decoder.
    Latin1,
}

/// Characters above U+00FF that the two Windows pages map to a byte in 0x80..=0xFF, sorted.
fn specials() -> &'static [(char, u8)] {
    static TABLE: OnceLock<Vec<(char, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::new();
        for encoding in [encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1254] {
            for byte in 0x80..=0xFFu8 {
                let single = [byte];
                let (text, _) = encoding.decode_without_bom_handling(&single);
                if let Some(c) = text.chars().next().filter(|c| *c as u32 > 0xFF) {
                    table.push((c, byte));
                }
            }
        }
        table.sort_unstable();
        table.dedup();
        table
    })
}

/// The byte `c` stands for, if a code page could have produced it.
pub fn byte_of(c: char) -> Option<u8> {
    let code = c as u32;
    if code <= 0xFF {
        // Latin-1 is the identity, and the Windows pages agree with it on 0xA0..=0xFF;
        // U+0080..=U+009F are the C1 controls WHATWG decoders give for undefined bytes.
        return Some(code as u8);
    }
    let table = specials();
    table
        .binary_search_by_key(&c, |&(ch, _)| ch)
        .ok()
        .map(|i| table[i].1)
}

/// What characters say about the page that produced them, gathered over a document.
#[derive(Clone, Copy, Debug, Default)]
pub struct Clues {
    turkish: bool,
    western: bool,
    latin1: bool,
}

impl Clues {
    pub fn note(&mut self, c: char) {
        match c {
            'ğ' | 'Ğ' | 'ı' | 'İ' | 'ş' | 'Ş' => self.turkish = true,
            'ð' | 'Ð' | 'ý' | 'Ý' | 'þ' | 'Þ' | 'Ž' | 'ž' => self.western = true,
            // Where Windows-1252 has a character, only a Latin-1 decoder gives a C1 control
            // (WHATWG decoders give one for the undefined bytes of either Windows page).
            '\u{80}'..='\u{9F}' if !UNDEFINED.contains(&(c as u8)) => self.latin1 = true,
            _ => {}
        }
    }

    /// The page the clues point to. Latin-1 has ð, ý and þ too, so its own clue wins.
    pub fn evidence(self) -> Evidence {
        match self {
            Clues { latin1: true, .. } => Evidence::Latin1,
            Clues { turkish: true, .. } => Evidence::Windows1254,
            Clues { western: true, .. } => Evidence::Windows1252,
            _ => Evidence::Shared,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_characters_back_to_bytes() {
        assert_eq!(byte_of('â'), Some(0xE2));
        assert_eq!(byte_of('€'), Some(0x80));
        assert_eq!(byte_of('”'), Some(0x94));
        assert_eq!(byte_of('Œ'), Some(0x8C));
        assert_eq!(byte_of('ğ'), Some(0xF0));
        assert_eq!(byte_of('ð'), Some(0xF0));
        assert_eq!(byte_of('Ÿ'), Some(0x9F));
        assert_eq!(byte_of('\u{90}'), Some(0x90));
        assert_eq!(byte_of('─'), None);
        assert_eq!(byte_of('→'), None);
    }

    #[test]
    fn windows_1254_leaves_two_more_bytes_undefined() {
        for byte in [0x8E, 0x9E] {
            let single = [byte];
            let (text, _) = encoding_rs::WINDOWS_1254.decode_without_bom_handling(&single);
            assert!(
                text.chars().all(|c| c as u32 == byte as u32),
                "{byte:#x} is {text}"
            );
            assert!(UNDEFINED_ANY.contains(&byte) && !UNDEFINED.contains(&byte));
        }
    }

    #[test]
    fn undefined_bytes_have_no_character_in_either_page() {
        for byte in UNDEFINED {
            assert!(!specials().iter().any(|&(_, b)| b == byte), "{byte:#x}");
        }
    }
}
