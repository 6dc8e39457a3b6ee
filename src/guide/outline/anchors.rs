//! The anchors a markdown viewer gives headings (`#2-python-internals--architecture`), so
//! the table of contents can say which section each link opens.

use std::collections::HashMap;

use crate::guide::{Guide, Target};

pub(crate) struct Anchors(HashMap<String, Target>);

impl Anchors {
    pub(crate) fn of(guide: &Guide) -> Self {
        let mut map = HashMap::new();
        for section in &guide.sections {
            map.entry(slug(&section.heading()))
                .or_insert(Target::Section(section.number));
            for lesson in &section.lessons {
                map.entry(slug(&lesson.heading()))
                    .or_insert(Target::Lesson(lesson.id));
            }
        }
        for (index, part) in guide.parts.iter().enumerate() {
            map.entry(slug(&part.title)).or_insert(Target::Part(index));
        }
        Anchors(map)
    }

    pub(crate) fn resolve(&self, url: &str) -> Target {
        url.strip_prefix('#')
            .and_then(|anchor| self.0.get(slug(anchor).as_str()))
            .cloned()
            .unwrap_or_else(|| Target::Unresolved(url.to_string()))
    }
}

/// GitHub's heading anchor: lowercase, letters, digits, `-` and `_` kept, spaces become `-`,
/// everything else dropped. Leading and trailing `-` are trimmed so an emoji's space does
/// not matter.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
        .chars()
    {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            out.push(c.to_ascii_lowercase());
        } else if c == ' ' {
            out.push('-');
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_match_the_guides_own_links() {
        assert_eq!(slug("1. Python Fundamentals"), "1-python-fundamentals");
        assert_eq!(
            slug("2. Python Internals & Architecture"),
            "2-python-internals--architecture"
        );
        assert_eq!(slug("6. AI/ML Ecosystem"), "6-aiml-ecosystem");
        assert_eq!(slug("-learning-path"), "learning-path");
        assert_eq!(slug("📚 Learning Path"), "learning-path");
    }
}
