//! `pyguide show ID`: a lesson, a section or the whole guide, rendered for a terminal.

use std::io::Write;

use crate::error::Error;
use crate::guide::{Guide, GuideLine, PageId, Selector};
use crate::progress::Progress;
use crate::render::{Overflow, Page, Theme, Ticks, ansi, printable_line};

/// What `show` was asked for: a page of the guide, a whole section, or all of it.
enum Shown {
    Page(PageId),
    Section(usize),
    All,
}

/// `pyguide show ID`. `progress` gives the checklist its ticks; it is read only when what
/// is shown holds the checklist.
pub(crate) fn run(
    guide: &Guide,
    id: &str,
    width: usize,
    theme: &Theme,
    progress: impl FnOnce() -> Result<Progress, Error>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let shown = choose(guide, id)?;
    let path_shown = match shown {
        Shown::All => true,
        Shown::Page(page) => guide.page(page).is_learning_path(),
        Shown::Section(_) => false,
    };
    let page = match shown {
        Shown::All => Page::guide(guide, theme),
        Shown::Section(s) => Page::section(&guide.sections[s], theme),
        Shown::Page(page) => Page::of(guide, page, theme),
    };
    let page = match path_shown {
        true => page.with_ticks(ticks(guide, progress)),
        false => page,
    };
    let rendered = page.layout(width, Overflow::Cut);
    ansi::write_lines(out, &rendered.lines, theme.mode).map_err(Error::Output)?;
    Ok(())
}

/// The learning path's items ticked as the reader ticked them. Without a store to read
/// (no home directory, an unreadable file) the guide's own boxes show, and a store that
/// could not be read is said on stderr: showing the guide never fails for it.
fn ticks(guide: &Guide, progress: impl FnOnce() -> Result<Progress, Error>) -> Ticks {
    let progress = match progress() {
        Ok(progress) => progress,
        Err(Error::NoHome(_)) => return Ticks::new(),
        Err(e) => {
            let why = printable_line(&e.to_string()).into_owned();
            eprintln!("pyguide: {why}; the checklist shows the guide's own boxes");
            return Ticks::new();
        }
    };
    let items = guide.items();
    items
        .map(|item| (GuideLine(item.lines.first), progress.ticked(item)))
        .collect()
}

/// What `id` names: a lesson (2.4), a section (2), all, or any page by its id (home,
/// learning-path, resources).
fn choose(guide: &Guide, id: &str) -> Result<Shown, Error> {
    // Messages name what the user typed ("2.4", not "2.4."; "0099" stays "0099").
    let asked = id.trim().trim_end_matches('.').to_string();
    let selector = match id.parse::<Selector>() {
        Ok(selector) => selector,
        Err(bad) => {
            return guide
                .find_page(id)
                .map(Shown::Page)
                .map_err(|_| Error::BadPage {
                    id: bad.0,
                    pages: other_pages(guide),
                });
        }
    };
    match selector {
        Selector::All => Ok(Shown::All),
        Selector::Section(number) => {
            let found = number.and_then(|n| guide.sections.iter().position(|s| s.number == n));
            found.map(Shown::Section).ok_or_else(|| Error::NoSection {
                id: asked,
                hint: sections_hint(guide),
            })
        }
        Selector::Lesson { section, .. } => {
            let page = selector.lesson_id().and_then(|id| guide.lesson_page(id));
            page.map(Shown::Page).ok_or_else(|| Error::NoLesson {
                id: asked,
                hint: lessons_hint(guide, section),
            })
        }
    }
}

/// The ids of the pages that are not lessons or sections: "home, learning-path, resources".
fn other_pages(guide: &Guide) -> String {
    let pages = guide.pages_outside_sections().map(|p| p.key.as_str());
    pages.collect::<Vec<_>>().join(", ")
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
