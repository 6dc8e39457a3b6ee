//! What search looks through: the guide's pages (home, section introductions, lessons, the
//! learning path, the resources), and the heading of each section that has no introduction
//! page, so that a section's title has somewhere to land ("memory management" → 3).

use crate::guide::{Block, Guide, GuideLine, PageId, PageKind};

/// A searchable text: its title and its blocks, as the guide writes them, and the page
/// it opens.
#[derive(Clone, Debug)]
pub struct Topic<'g> {
    /// What it is; `Section(n)` for a section's heading too.
    pub kind: PageKind,
    /// How results name it: "2.4", "2", "home", "learning-path". Every key opens with
    /// `pyguide show`.
    pub key: String,
    /// The page a result opens: its own, or for a section's heading, where it opens.
    pub page: PageId,
    pub title: &'g str,
    /// The line of its title (0 when it has none).
    pub line: GuideLine,
    pub blocks: &'g [Block],
}

/// Every topic of `guide` in reading order.
pub fn topics(guide: &Guide) -> Vec<Topic<'_>> {
    let mut out = Vec::with_capacity(guide.pages().len() + guide.sections.len());
    let mut section_named = None;
    let mut numbers = std::collections::HashSet::new();
    for page in guide.pages() {
        // A section whose first page is not its introduction has no page of its own: its
        // heading comes just before that first page.
        if let Some(s) = page.section
            && section_named != Some(s)
        {
            section_named = Some(s);
            let section = &guide.sections[s];
            // A number a guide repeats names the first section with it: the repeat is
            // named by the page it opens on, so that `show` opens what was found.
            let key = match numbers.insert(section.number) {
                true => section.number.to_string(),
                false => page.key.clone(),
            };
            if page.kind != PageKind::Section(section.number) {
                out.push(Topic {
                    kind: PageKind::Section(section.number),
                    key,
                    page: page.id,
                    title: &section.title,
                    line: GuideLine(section.line),
                    blocks: &[],
                });
            }
        }
        out.push(Topic {
            kind: page.kind,
            key: page.key.clone(),
            page: page.id,
            title: &page.title,
            line: page.line,
            blocks: guide.blocks(page.id),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    #[test]
    fn every_page_is_a_topic_and_so_is_every_sections_heading() {
        let guide = load::builtin().unwrap().guide;
        let all = topics(&guide);
        let keys: Vec<&str> = all.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys[..3], ["home", "1", "1.1"]);
        assert_eq!(keys[keys.len() - 2..], ["learning-path", "resources"]);
        assert_eq!(all.len(), guide.pages().len() + guide.sections.len());
        // A section's heading opens its first lesson.
        assert_eq!(all[1].page, guide.find_page("1.1").unwrap());
        for topic in &all {
            let shown = guide.page(topic.page);
            assert!(
                shown.key == topic.key || shown.section.is_some(),
                "{}",
                topic.key
            );
        }
    }

    #[test]
    fn a_repeated_section_number_is_named_by_the_page_it_opens() {
        let md = "# T\n\n## 1. First\n\n### 1.1 A\n\na\n\n## 1. Again\n\n### 1.1 B\n\nb\n";
        let guide = load::from_bytes("t.md", md.as_bytes()).unwrap().guide;
        let keys: Vec<String> = topics(&guide).into_iter().map(|t| t.key).collect();
        assert_eq!(keys, ["home", "1", "1.1", "1.1-2", "1.1-2"]);
        for key in &keys[1..] {
            assert!(guide.find_page(key).is_ok() || key == "1", "{key}");
        }
    }
}
