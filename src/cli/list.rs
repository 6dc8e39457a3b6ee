//! `pyguide list`: the sections and lessons.

use std::io::Write;

use ratatui::text::{Line, Span};
use serde::Serialize;

use crate::error::Error;
use crate::guide::Guide;
use crate::render::{Theme, ansi};

#[derive(Serialize)]
struct ListJson<'g> {
    title: &'g str,
    sections: Vec<SectionJson<'g>>,
    /// Every page in reading order, each by the id `show` takes.
    pages: Vec<PageJson<'g>>,
}

#[derive(Serialize)]
struct PageJson<'g> {
    id: &'g str,
    kind: &'static str,
    title: &'g str,
    line: u32,
}

#[derive(Serialize)]
struct SectionJson<'g> {
    number: u32,
    title: &'g str,
    line: u32,
    lessons: Vec<LessonJson<'g>>,
}

#[derive(Serialize)]
struct LessonJson<'g> {
    id: String,
    title: &'g str,
    line: u32,
}

pub(crate) fn json(guide: &Guide, out: &mut dyn Write) -> Result<(), Error> {
    let sections = guide
        .sections
        .iter()
        .enumerate()
        .map(|(s, section)| SectionJson {
            number: section.number,
            title: &section.title,
            line: section.line,
            lessons: guide
                .section_lessons(s)
                .map(|page| LessonJson {
                    id: page.key.clone(),
                    title: &page.title,
                    line: page.line.0,
                })
                .collect(),
        })
        .collect();
    let pages = guide
        .pages()
        .iter()
        .map(|p| PageJson {
            id: &p.key,
            kind: p.kind.name(),
            title: &p.title,
            line: p.line.0,
        })
        .collect();
    super::write_json(
        out,
        &ListJson {
            title: &guide.title,
            sections,
            pages,
        },
    )
}

pub(crate) fn text(guide: &Guide, theme: &Theme, out: &mut dyn Write) -> Result<(), Error> {
    let number_width = guide
        .sections
        .iter()
        .map(|s| s.number.to_string().len())
        .max()
        .unwrap_or(1);
    let lessons = guide.pages().iter().filter(|p| p.lesson().is_some());
    let id_width = lessons.map(|p| p.key.chars().count()).max().unwrap_or(3);
    let mut lines = vec![
        Line::from(Span::styled(guide.title.clone(), theme.title)),
        Line::default(),
    ];
    for (s, section) in guide.sections.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>number_width$}  ", section.number), theme.bullet),
            Span::styled(section.title.clone(), theme.heading),
        ]));
        // By their pages' ids, which `show` takes (a repeated lesson id is `2.4-2`).
        for page in guide.section_lessons(s) {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(number_width + 2)),
                Span::styled(format!("{:<id_width$}  ", page.key), theme.muted),
                Span::raw(page.title.clone()),
            ]));
        }
    }
    // The pages around the sections, by the ids `show` takes.
    let others: Vec<_> = guide.pages_outside_sections().collect();
    let key_width = others
        .iter()
        .map(|p| p.key.chars().count())
        .max()
        .unwrap_or(0);
    if !others.is_empty() {
        lines.push(Line::default());
    }
    for page in others {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(number_width + 2)),
            Span::styled(format!("{:<key_width$}  ", page.key), theme.muted),
            Span::raw(guide.heading(page.id)),
        ]));
    }
    ansi::write_lines(out, &lines, theme.mode).map_err(Error::Output)?;
    Ok(())
}
