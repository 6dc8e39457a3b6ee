//! Which lessons teach a learning-path item. An item names a few topics at once
//! ("Decorators & context managers", "Python internals (bytecode, GIL)"), and no lesson holds
//! them all, so each part is searched for on its own and the lesson (or the whole section)
//! that answers it best is taken.

use super::index::Index;
use super::query::Query;
use super::rank::{Hit, rank};
use crate::guide::PageKind;

/// The lessons and sections teaching an item written `text`, in reading order, at most
/// `most`.
pub fn teaching(index: &Index, text: &str, most: usize) -> Vec<Hit> {
    let mut found: Vec<Hit> = Vec::new();
    for part in parts(text) {
        // A space closes the last word: the item is written out, not being typed.
        let query = Query::parse(&format!("{part} "));
        if query.words.is_empty() {
            continue;
        }
        let best = rank(index, &query, 20).into_iter().find(|hit| {
            matches!(hit.kind, PageKind::Lesson(_) | PageKind::Section(_))
                && hit.matched * 2 >= query.words.len()
        });
        if let Some(hit) = best
            && !found.iter().any(|f| f.key == hit.key)
        {
            found.push(hit);
        }
    }
    // Reading order; a section's heading comes before its first page's own text.
    found.sort_by_key(|hit| (hit.page, hit.line));
    found.truncate(most);
    found
}

/// The topics an item names: its text split at "&", ",", "/", "and" and brackets.
fn parts(text: &str) -> Vec<String> {
    text.split(['&', ',', '/', '(', ')', ';'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    #[test]
    fn an_item_is_split_into_the_topics_it_names() {
        assert_eq!(
            parts("Python internals (bytecode, GIL)"),
            ["Python internals", "bytecode", "GIL"]
        );
        assert_eq!(parts("PyTorch/TensorFlow"), ["PyTorch", "TensorFlow"]);
        assert_eq!(
            parts("Decorators and context managers"),
            ["Decorators", "context managers"]
        );
        assert!(parts(" & , ").is_empty());
    }

    #[test]
    fn each_item_of_the_shipped_path_names_the_lessons_that_teach_it() {
        let guide = load::builtin().unwrap().guide;
        let index = Index::build(&guide);
        let mut report = Vec::new();
        for item in guide.items() {
            let labels: Vec<String> = teaching(&index, &item.text, 4)
                .into_iter()
                .map(|h| h.key)
                .collect();
            report.push(format!("{}: {}", item.text, labels.join(" ")));
        }
        let report = report.join("\n");
        for want in [
            "Decorators & context managers: 1.2 1.5",
            "Generators & iterators: 1.4",
            "Python internals (bytecode, GIL): 2 2.2 2.4",
            "Memory management: 3\n",
            "Transformers & LLMs: 6.4",
            "Multi-agent systems: 7.3",
        ] {
            assert!(report.contains(want), "{want}\n{report}");
        }
    }
}
