//! What search looks through: every lesson, and the pages around the lessons (the guide's
//! home, each section's heading and introduction, the learning path, the resources), so
//! that a word anywhere in the guide has somewhere to land.

use std::fmt;

use crate::guide::{Block, Guide, LessonId, PartKind, slug};

/// Which page of the guide a search result names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TopicId {
    Home,
    /// A section by its number.
    Section(u32),
    Lesson(LessonId),
    /// An unnumbered part by its index in [`Guide::parts`].
    Part(usize),
}

/// A searchable page: its title and its blocks, as the guide writes them.
#[derive(Clone, Debug)]
pub struct Topic<'g> {
    pub id: TopicId,
    /// How results name it: "2.4", "2", "home", "learning-path".
    pub label: String,
    pub title: &'g str,
    /// The line of its title (0 when it has none).
    pub line: u32,
    pub blocks: &'g [Block],
}

impl fmt::Display for Topic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// Every page of `guide` in reading order. The table of contents is left out: it only
/// repeats the section titles, which have pages of their own.
pub fn topics(guide: &Guide) -> Vec<Topic<'_>> {
    let mut out = vec![Topic {
        id: TopicId::Home,
        label: "home".into(),
        title: &guide.title,
        line: guide.title_line,
        blocks: &guide.preface,
    }];
    for section in &guide.sections {
        out.push(Topic {
            id: TopicId::Section(section.number),
            label: section.number.to_string(),
            title: &section.title,
            line: section.line,
            blocks: &section.intro,
        });
        out.extend(section.lessons.iter().map(|lesson| Topic {
            id: TopicId::Lesson(lesson.id),
            label: lesson.id.to_string(),
            title: &lesson.title,
            line: lesson.line,
            blocks: &lesson.blocks,
        }));
    }
    for (p, part) in guide.parts.iter().enumerate() {
        if part.kind == PartKind::Contents {
            continue;
        }
        let label = match slug(&part.title) {
            s if s.is_empty() => format!("part-{}", p + 1),
            s => s,
        };
        out.push(Topic {
            id: TopicId::Part(p),
            label,
            title: &part.title,
            line: part.line,
            blocks: &part.blocks,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    #[test]
    fn every_page_but_the_contents_is_a_topic() {
        let guide = load::builtin().unwrap().guide;
        let all = topics(&guide);
        let labels: Vec<&str> = all.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels[..3], ["home", "1", "1.1"]);
        assert_eq!(labels[labels.len() - 2..], ["learning-path", "resources"]);
        let lessons = all
            .iter()
            .filter(|t| matches!(t.id, TopicId::Lesson(_)))
            .count();
        assert_eq!(lessons, guide.lessons().count());
        assert_eq!(all.len(), 1 + guide.sections.len() + lessons + 2);
    }
}
