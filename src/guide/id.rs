//! Lesson ids (`2.4`) and what a user may name on the command line (`2.4`, `2`, `all`).

use std::fmt;
use std::str::FromStr;

/// A lesson's id: section number and lesson number, written `N.M`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LessonId {
    pub section: u32,
    pub lesson: u32,
}

impl LessonId {
    pub fn new(section: u32, lesson: u32) -> Self {
        LessonId { section, lesson }
    }
}

impl fmt::Display for LessonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.section, self.lesson)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a lesson id: use N.M (like 2.4), a section number (like 2), or 'all'")]
pub struct ParseIdError(pub String);

impl FromStr for LessonId {
    type Err = ParseIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseIdError(s.to_string());
        let (section, lesson) = s.trim().split_once('.').ok_or_else(bad)?;
        Ok(LessonId {
            section: number(section).ok_or_else(bad)?,
            lesson: number(lesson).ok_or_else(bad)?,
        })
    }
}

/// A decimal number that fits a u32 (so not `+1`, `1e3` or `٢`).
pub(crate) fn number(s: &str) -> Option<u32> {
    digits(s).flatten()
}

/// What `show` may be asked for. A number too large for any guide parses as `None`, so it
/// is reported as missing rather than malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    Lesson {
        section: Option<u32>,
        lesson: Option<u32>,
    },
    Section(Option<u32>),
    All,
}

impl Selector {
    /// The lesson id, when both numbers can exist.
    pub fn lesson_id(self) -> Option<LessonId> {
        match self {
            Selector::Lesson {
                section: Some(s),
                lesson: Some(l),
            } => Some(LessonId::new(s, l)),
            _ => None,
        }
    }
}

/// `Some(number)` for decimal digits (`Some(None)` when too large for a u32); `None` for
/// anything else.
pub(crate) fn digits(s: &str) -> Option<Option<u32>> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())
}

impl FromStr for Selector {
    type Err = ParseIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("all") {
            return Ok(Selector::All);
        }
        // "2." and "2.4." are written the way headings write them.
        let t = t.strip_suffix('.').unwrap_or(t);
        if let Some(n) = digits(t) {
            return Ok(Selector::Section(n));
        }
        let bad = || ParseIdError(s.to_string());
        let (section, lesson) = t.split_once('.').ok_or_else(bad)?;
        Ok(Selector::Lesson {
            section: digits(section).ok_or_else(bad)?,
            lesson: digits(lesson).ok_or_else(bad)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_ids() {
        let id: LessonId = "2.4".parse().unwrap();
        assert_eq!(id, LessonId::new(2, 4));
        assert_eq!(id.to_string(), "2.4");
        assert_eq!("10.12".parse::<LessonId>().unwrap(), LessonId::new(10, 12));
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in [
            "abc",
            "",
            "2",
            "2.",
            ".4",
            "2.4.1",
            "+2.4",
            "2.-4",
            "1e3.1",
            "9999999999.1",
        ] {
            assert!(bad.parse::<LessonId>().is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn parses_selectors() {
        let lesson = |s, l| Selector::Lesson {
            section: Some(s),
            lesson: Some(l),
        };
        assert_eq!("all".parse(), Ok(Selector::All));
        assert_eq!("ALL".parse(), Ok(Selector::All));
        assert_eq!("2".parse(), Ok(Selector::Section(Some(2))));
        assert_eq!("2.".parse(), Ok(Selector::Section(Some(2))));
        assert_eq!(" 2.4 ".parse(), Ok(lesson(2, 4)));
        assert_eq!("2.4.".parse(), Ok(lesson(2, 4)));
        assert_eq!("99999999999".parse(), Ok(Selector::Section(None)));
        let big: Selector = "1.99999999999".parse().unwrap();
        assert_eq!(
            big,
            Selector::Lesson {
                section: Some(1),
                lesson: None
            }
        );
        assert_eq!(big.lesson_id(), None);
        for bad in ["", "2.4.1", "+2", "2.x", "٢.٤", "1e3"] {
            assert!(bad.parse::<Selector>().is_err(), "{bad:?}");
        }
        let err = "abc".parse::<Selector>().unwrap_err();
        assert!(err.to_string().contains("'abc' is not a lesson id"));
    }
}
