//! Counts over a guide, for `doctor`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Block, BlockKind, Guide};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub sections: usize,
    pub lessons: usize,
    pub code_blocks: usize,
    /// Code blocks per language ("none" for fences without one).
    pub languages: BTreeMap<String, usize>,
    pub diagrams: usize,
    pub tables: usize,
    pub phases: usize,
    pub checklist_items: usize,
    pub resources: usize,
    pub parts: usize,
}

impl Stats {
    pub(crate) fn of(guide: &Guide) -> Stats {
        let mut stats = Stats {
            sections: guide.sections.len(),
            lessons: guide.lessons().count(),
            phases: guide.learning_path.phases.len(),
            checklist_items: guide.items().count(),
            resources: guide.resources.len(),
            parts: guide.parts.len(),
            ..Stats::default()
        };
        stats.count(&guide.preface);
        for section in &guide.sections {
            stats.count(&section.intro);
            for lesson in &section.lessons {
                stats.count(&lesson.blocks);
            }
        }
        for part in &guide.parts {
            stats.count(&part.blocks);
        }
        stats
    }

    fn count(&mut self, blocks: &[Block]) {
        for block in blocks {
            match &block.kind {
                BlockKind::Code { lang, .. } => {
                    self.code_blocks += 1;
                    let lang = lang.as_deref().unwrap_or("none").to_lowercase();
                    *self.languages.entry(lang).or_default() += 1;
                }
                BlockKind::Diagram(_) => self.diagrams += 1,
                BlockKind::Table(_) => self.tables += 1,
                BlockKind::Quote(inner) => self.count(inner),
                BlockKind::List(list) => list.items.iter().for_each(|i| self.count(&i.blocks)),
                _ => {}
            }
        }
    }
}
