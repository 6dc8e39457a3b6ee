//! `pyguide show ID`: a lesson, a section or the whole guide, rendered for a terminal.

use std::io::Write;

use crate::error::Error;
use crate::guide::{Guide, LessonId, Selector};
use crate::render::{Overflow, Page, Theme, ansi};

pub(crate) fn run(
    guide: &Guide,
    id: &str,
    width: usize,
    theme: &Theme,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let page = match id.parse::<Selector>()? {
        Selector::All => Page::guide(guide, theme),
        Selector::Section(number) => match guide.section(number) {
            Some(section) => Page::section(section, theme),
            None => {
                return Err(Error::NoSection {
                    number,
                    hint: sections_hint(guide),
                });
            }
        },
        Selector::Lesson(lesson_id) => match guide.lesson(lesson_id) {
            Some(lesson) => Page::lesson(lesson, theme),
            None => {
                return Err(Error::NoLesson {
                    id: lesson_id.to_string(),
                    hint: lessons_hint(guide, lesson_id),
                });
            }
        },
    };
    let rendered = page.layout(width, Overflow::Cut);
    ansi::write_lines(out, &rendered.lines, theme.mode)?;
    Ok(())
}

fn sections_hint(guide: &Guide) -> String {
    let numbers: Vec<u32> = guide.sections.iter().map(|s| s.number).collect();
    match (numbers.iter().min(), numbers.iter().max()) {
        (Some(lo), Some(hi)) if lo != hi => format!("the guide has sections {lo} to {hi}"),
        (Some(only), _) => format!("the guide has only section {only}"),
        _ => "the guide has no sections".to_string(),
    }
}

/// Names the lessons a user could have meant: those of the same section, or the range.
fn lessons_hint(guide: &Guide, id: LessonId) -> String {
    match guide.section(id.section) {
        Some(section) => match (section.lessons.first(), section.lessons.last()) {
            (Some(first), Some(last)) if first.id != last.id => {
                format!(
                    "section {} has lessons {} to {}",
                    section.number, first.id, last.id
                )
            }
            (Some(only), _) => format!("section {} has only lesson {}", section.number, only.id),
            _ => format!("section {} has no lessons", section.number),
        },
        None => {
            let first = guide.lessons().next().map(|l| l.id.to_string());
            let last = guide.lessons().last().map(|l| l.id.to_string());
            match (first, last) {
                (Some(first), Some(last)) => format!("lessons run from {first} to {last}"),
                _ => "the guide has no lessons".to_string(),
            }
        }
    }
}
