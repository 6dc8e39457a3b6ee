//! Naming learning-path items on the command line: by number (7), by id
//! (`intermediate/memory-management`), or by a part of the text that only one item has.

use crate::guide::{Item, LearningPath};

/// Why a name on the command line means no one item.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    #[error("this guide's learning path has no items to tick")]
    NoItems,
    #[error("an empty item name; give a number, an id or words from the text")]
    Empty,
    #[error("there is no item {n}; the learning path has items 1-{total}")]
    NoNumber { n: u32, total: usize },
    #[error("no learning-path item matches '{0}'; 'pyguide path' lists them")]
    NoMatch(String),
    #[error("'{name}' matches {count} items: {items}; give its number")]
    Ambiguous {
        name: String,
        count: usize,
        items: String,
    },
}

/// The item `name` means, or why it means none.
pub fn find<'p>(path: &'p LearningPath, name: &str) -> Result<&'p Item, ItemError> {
    let items: Vec<&Item> = path.phases.iter().flat_map(|p| &p.items).collect();
    let name = name.trim();
    if items.is_empty() {
        return Err(ItemError::NoItems);
    }
    if name.is_empty() {
        return Err(ItemError::Empty);
    }
    if let Ok(n) = name.parse::<u32>() {
        let total = items.len();
        let found = items.iter().copied().find(|i| i.n == n);
        return found.ok_or(ItemError::NoNumber { n, total });
    }
    if let Some(item) = items.iter().find(|i| i.id.eq_ignore_ascii_case(name)) {
        return Ok(item);
    }
    let wanted = name.to_lowercase();
    let found: Vec<&Item> = items
        .into_iter()
        .filter(|i| i.text.to_lowercase().contains(&wanted))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(ItemError::NoMatch(name.to_string())),
        many => {
            let names: Vec<String> = many.iter().map(|i| format!("{} {}", i.n, i.text)).collect();
            Err(ItemError::Ambiguous {
                name: name.to_string(),
                count: many.len(),
                items: names.join(", "),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    fn path() -> LearningPath {
        load::builtin().unwrap().guide.learning_path
    }

    #[test]
    fn items_are_found_by_number_id_or_a_unique_part_of_their_text() {
        let path = path();
        let by_number = find(&path, "7").unwrap();
        assert_eq!(find(&path, &by_number.id).unwrap().n, 7);
        assert_eq!(find(&path, &by_number.id.to_uppercase()).unwrap().n, 7);
        let memory = find(&path, "MEMORY management").unwrap();
        assert!(memory.text.to_lowercase().contains("memory management"));
    }

    #[test]
    fn unknown_ambiguous_and_empty_names_say_why() {
        let path = path();
        let error = |name: &str| find(&path, name).unwrap_err().to_string();
        assert!(error("17").contains("items 1-16"));
        assert!(find(&path, "0").is_err());
        assert!(error("quantum knitting").contains("no learning-path item"));
        let ambiguous = error("a");
        assert!(ambiguous.contains("matches") && ambiguous.contains("give its number"));
        assert!(find(&path, "  ").is_err());
    }
}
