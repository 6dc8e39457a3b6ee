//! Headings and blocks → sections, lessons and parts; then the contents, learning path and
//! resources read out of their parts. The grammar is written down in [`super::load`].

use super::blocks::Node;
use super::{
    Block, BlockKind, ContentsEntry, Guide, LearningPath, Lesson, LessonId, Part, PartKind, Phase,
    Resource, Section, Span, Target, Warning,
    id::{digits, number},
    paragraphs_text, plain_text,
};

mod anchors;
mod path;

pub(crate) use path::slug;

/// Where blocks go as they arrive.
#[derive(Clone, Copy)]
enum Cursor {
    Preface,
    Intro(usize),
    Lesson(usize, usize),
    Part(usize),
}

pub(crate) fn build(nodes: Vec<Node>, warnings: &mut Vec<Warning>) -> Guide {
    let mut guide = Guide {
        title: String::new(),
        icon: None,
        subtitle: None,
        title_line: 0,
        preface: Vec::new(),
        sections: Vec::new(),
        parts: Vec::new(),
        contents: Vec::new(),
        learning_path: LearningPath::default(),
        resources: Vec::new(),
        pages: Vec::new(),
    };
    let mut cursor = Cursor::Preface;
    for node in nodes {
        match node {
            Node::Heading { level, spans, line } => {
                cursor = heading(&mut guide, cursor, level, spans, line, warnings);
            }
            Node::Block(block) => container(&mut guide, cursor).push(block),
        }
    }
    if guide.title_line == 0 {
        warnings.push(Warning::new(1, "the guide has no '# Title' heading"));
    }
    guide.subtitle = subtitle(&guide.preface);
    check_lessons(&guide, warnings);
    read_parts(&mut guide, warnings);
    guide.pages = super::pages::list(&guide);
    guide
}

fn container(guide: &mut Guide, cursor: Cursor) -> &mut Vec<Block> {
    match cursor {
        Cursor::Preface => &mut guide.preface,
        Cursor::Intro(s) => &mut guide.sections[s].intro,
        Cursor::Lesson(s, l) => &mut guide.sections[s].lessons[l].blocks,
        Cursor::Part(p) => &mut guide.parts[p].blocks,
    }
}

fn heading(
    guide: &mut Guide,
    cursor: Cursor,
    level: u8,
    spans: Vec<Span>,
    line: u32,
    warnings: &mut Vec<Warning>,
) -> Cursor {
    let text = plain_text(&spans);
    let text = text.trim();
    match (level, cursor) {
        (1, Cursor::Preface) if guide.title_line == 0 => {
            let (icon, title) = split_icon(text);
            (guide.icon, guide.title, guide.title_line) = (icon, title.to_string(), line);
            return cursor;
        }
        (1, _) => warnings.push(Warning::new(
            line,
            "a second '#' title is shown as a heading",
        )),
        (2, _) => return new_section_or_part(guide, text, line, warnings),
        (3, Cursor::Intro(s) | Cursor::Lesson(s, _)) => {
            if let Some((id, title)) = lesson_heading(text) {
                return new_lesson(guide, s, id, title, line, warnings);
            }
        }
        (3, Cursor::Preface) if lesson_heading(text).is_some() => {
            let msg = format!("lesson heading '{text}' is outside any numbered section");
            warnings.push(Warning::new(line, msg));
        }
        _ => {}
    }
    let kind = BlockKind::Heading { level, spans };
    container(guide, cursor).push(Block {
        lines: super::Lines::one(line),
        kind,
    });
    cursor
}

fn new_lesson(
    guide: &mut Guide,
    s: usize,
    id: LessonId,
    title: &str,
    line: u32,
    warnings: &mut Vec<Warning>,
) -> Cursor {
    let section = &mut guide.sections[s];
    if id.section != section.number {
        let msg = format!("lesson {id} is inside section {}", section.number);
        warnings.push(Warning::new(line, msg));
    }
    if title.is_empty() {
        warnings.push(Warning::new(line, format!("lesson {id} has no title")));
    }
    let (title, blocks) = (title.to_string(), Vec::new());
    section.lessons.push(Lesson {
        id,
        title,
        line,
        blocks,
    });
    Cursor::Lesson(s, section.lessons.len() - 1)
}

fn new_section_or_part(
    guide: &mut Guide,
    text: &str,
    line: u32,
    warnings: &mut Vec<Warning>,
) -> Cursor {
    if let Some((number, title)) = section_heading(text) {
        if title.is_empty() {
            warnings.push(Warning::new(line, format!("section {number} has no title")));
        }
        let (title, intro, lessons) = (title.to_string(), Vec::new(), Vec::new());
        guide.sections.push(Section {
            number,
            title,
            line,
            intro,
            lessons,
        });
        return Cursor::Intro(guide.sections.len() - 1);
    }
    if text
        .split_once(". ")
        .is_some_and(|(n, _)| digits(n) == Some(None))
    {
        let msg = format!("'{text}' looks like a numbered section, but its number is too large");
        warnings.push(Warning::new(line, msg));
    }
    let (icon, title) = split_icon(text);
    let kind = part_kind(title);
    let (title, blocks) = (title.to_string(), Vec::new());
    guide.parts.push(Part {
        kind,
        title,
        icon,
        line,
        blocks,
    });
    Cursor::Part(guide.parts.len() - 1)
}

/// `N. Title` → (N, Title); `N.` alone → (N, "").
fn section_heading(text: &str) -> Option<(u32, &str)> {
    let (n, title) = match text.split_once(". ") {
        Some((n, title)) => (n, title.trim()),
        None => (text.strip_suffix('.')?, ""),
    };
    Some((number(n)?, title))
}

/// `N.M Title` or `N.M. Title` → (N.M, Title); `N.M` alone → (N.M, "").
fn lesson_heading(text: &str) -> Option<(LessonId, &str)> {
    let (id, title) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let id = id.strip_suffix('.').unwrap_or(id).parse().ok()?;
    Some((id, title.trim()))
}

/// Splits a leading emoji off a heading: a first word with no letters or digits, not ASCII.
pub(crate) fn split_icon(text: &str) -> (Option<String>, &str) {
    if let Some((first, rest)) = text.split_once(char::is_whitespace) {
        let symbol = !first.is_ascii() && !first.chars().any(char::is_alphanumeric);
        if symbol && !rest.trim().is_empty() {
            return (Some(first.to_string()), rest.trim_start());
        }
    }
    (None, text)
}

fn part_kind(title: &str) -> PartKind {
    match title.to_lowercase().as_str() {
        "table of contents" | "contents" | "toc" => PartKind::Contents,
        "learning path" | "learning paths" | "roadmap" => PartKind::LearningPath,
        "resources" | "further reading" | "references" | "links" => PartKind::Resources,
        _ => PartKind::Other,
    }
}

/// The text of a block quote that opens the preface.
fn subtitle(preface: &[Block]) -> Option<String> {
    let Some(BlockKind::Quote(blocks)) = preface.first().map(|b| &b.kind) else {
        return None;
    };
    Some(paragraphs_text(blocks)).filter(|t| !t.is_empty())
}

fn check_lessons(guide: &Guide, warnings: &mut Vec<Warning>) {
    let mut seen = std::collections::HashMap::new();
    for lesson in guide.lessons() {
        if let Some(first) = seen.insert(lesson.id, lesson.line) {
            let msg = format!("lesson {} appears again (first at line {first})", lesson.id);
            warnings.push(Warning::new(lesson.line, msg));
        }
    }
    let mut numbers = std::collections::HashMap::new();
    for section in &guide.sections {
        if let Some(first) = numbers.insert(section.number, section.line) {
            let msg = format!(
                "section {} appears again (first at line {first})",
                section.number
            );
            warnings.push(Warning::new(section.line, msg));
        }
    }
}

fn read_parts(guide: &mut Guide, warnings: &mut Vec<Warning>) {
    let anchors = anchors::Anchors::of(guide);
    let mut contents = Vec::new();
    let mut phases: Vec<Phase> = Vec::new();
    let mut resources = Vec::new();
    for part in &guide.parts {
        match part.kind {
            PartKind::Contents if contents.is_empty() => {
                contents = contents_entries(&part.blocks, &anchors, warnings);
            }
            PartKind::LearningPath => path::read(part, &mut phases, warnings),
            PartKind::Resources => resources.extend(links_in(&part.blocks)),
            _ => {}
        }
    }
    path::number_items(&mut phases);
    guide.contents = contents;
    guide.learning_path = LearningPath { phases };
    guide.resources = resources;
}

fn contents_entries(
    blocks: &[Block],
    anchors: &anchors::Anchors,
    warnings: &mut Vec<Warning>,
) -> Vec<ContentsEntry> {
    let mut entries = Vec::new();
    for resource in links_in(blocks) {
        let target = anchors.resolve(&resource.url);
        if let Target::Unresolved(to) = &target {
            let msg = format!(
                "contents entry '{}' links to {to}, which no heading has",
                resource.name
            );
            warnings.push(Warning::new(resource.lines.first, msg));
        }
        entries.push(ContentsEntry {
            title: resource.name,
            target,
            lines: resource.lines,
        });
    }
    entries
}

/// The first link of every list item in `blocks` (nested lists included).
fn links_in(blocks: &[Block]) -> Vec<Resource> {
    let mut out = Vec::new();
    for block in blocks {
        let BlockKind::List(list) = &block.kind else {
            continue;
        };
        for item in &list.items {
            if let Some(link) = first_link(&item.blocks) {
                out.push(link);
            }
            out.extend(links_in(&item.blocks));
        }
    }
    out
}

fn first_link(blocks: &[Block]) -> Option<Resource> {
    blocks.iter().find_map(|block| {
        let BlockKind::Paragraph(spans) = &block.kind else {
            return None;
        };
        let url = spans.iter().find_map(|s| s.link.clone())?;
        let name: String = spans
            .iter()
            .filter(|s| s.link.as_deref() == Some(url.as_str()))
            .map(|s| s.text.as_str())
            .collect();
        Some(Resource {
            name: name.trim().to_string(),
            url,
            lines: block.lines,
        })
    })
}

#[cfg(test)]
mod tests;
