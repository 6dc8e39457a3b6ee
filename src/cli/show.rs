//! `pyguide show ID`: a lesson, a section or the whole guide, rendered for a terminal.

use std::io::Write;

use crate::error::Error;
use crate::guide::{Guide, Selector};
use crate::render::{Overflow, Page, Theme, ansi};

pub(crate) fn run(
    guide: &Guide,
    id: &str,
    width: usize,
    theme: &Theme,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let selector = id.parse::<Selector>()?;
    // Messages name what the user typed ("2.4", not "2.4."; "0099" stays "0099").
    let asked = id.trim().trim_end_matches('.').to_string();
    let page = match selector {
        Selector::All => Page::guide(guide, theme),
        Selector::Section(number) => match number.and_then(|n| guide.section(n)) {
            Some(section) => Page::section(section, theme),
            None => {
                return Err(Error::NoSection {
                    id: asked,
                    hint: sections_hint(guide),
                });
            }
        },
        Selector::Lesson { section, .. } => {
            match selector.lesson_id().and_then(|id| guide.lesson(id)) {
                Some(lesson) => Page::lesson(lesson, theme),
                None => {
                    return Err(Error::NoLesson {
                        id: asked,
                        hint: lessons_hint(guide, section),
                    });
                }
            }
        }
    };
    let rendered = page.layout(width, Overflow::Cut);
    ansi::write_lines(out, &rendered.lines, theme.mode)?;
    Ok(())
}

/// "the guide has sections 1 to 8", or "… sections 2 and 5" when some are missing.
fn sections_hint(guide: &Guide) -> String {
    let mut numbers: Vec<u32> = guide.sections.iter().map(|s| s.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    match numbers.as_slice() {
        [] => "the guide has no sections".to_string(),
        [only] => format!("the guide has only section {only}"),
        [first, .., last] if (*last - *first) as usize + 1 == numbers.len() => {
            format!("the guide has sections {first} to {last}")
        }
        _ => format!("the guide has sections {}", spoken_list(&numbers)),
    }
}

/// "2, 5 and 9"; long lists keep their ends ("1, 2, … and 40").
fn spoken_list(numbers: &[u32]) -> String {
    let words: Vec<String> = if numbers.len() > 8 {
        let (head, tail) = (&numbers[..3], numbers[numbers.len() - 2..].to_vec());
        head.iter()
            .map(u32::to_string)
            .chain(["…".to_string()])
            .chain(tail.iter().map(u32::to_string))
            .collect()
    } else {
        numbers.iter().map(u32::to_string).collect()
    };
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => words.concat(),
    }
}

/// Names the lessons a user could have meant: those of the same section, or all of them.
pub(crate) fn lessons_hint(guide: &Guide, section: Option<u32>) -> String {
    let ids = |lessons: &mut dyn Iterator<Item = &crate::guide::Lesson>| -> Vec<String> {
        lessons.map(|l| l.id.to_string()).collect()
    };
    let (owner, ids) = match section.and_then(|n| guide.section(n)) {
        Some(s) => (format!("section {}", s.number), ids(&mut s.lessons.iter())),
        None => ("the guide".to_string(), ids(&mut guide.lessons())),
    };
    match ids.as_slice() {
        [] => format!("{owner} has no lessons"),
        [only] => format!("{owner} has only lesson {only}"),
        [first, .., last] if owner == "the guide" => format!("lessons run from {first} to {last}"),
        [first, .., last] => format!("{owner} has lessons {first} to {last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::spoken_list;

    #[test]
    fn lists_read_like_speech() {
        assert_eq!(spoken_list(&[2, 5]), "2 and 5");
        assert_eq!(spoken_list(&[1, 3, 9]), "1, 3 and 9");
        assert_eq!(
            spoken_list(&(1..=40).filter(|n| n % 2 == 0).collect::<Vec<_>>()),
            "2, 4, 6, …, 38 and 40"
        );
        assert_eq!(spoken_list(&[7]), "7");
    }
}
