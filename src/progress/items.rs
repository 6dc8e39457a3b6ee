//! Naming learning-path items on the command line: by number (7), by id
//! (`intermediate/memory-management`), or by a part of the text that only one item has.

use crate::guide::{Item, LearningPath};

/// The item `name` means, or a one-line reason it means none.
pub fn find<'p>(path: &'p LearningPath, name: &str) -> Result<&'p Item, String> {
    let items: Vec<&Item> = path.phases.iter().flat_map(|p| &p.items).collect();
    let name = name.trim();
    if name.is_empty() {
        return Err("an empty item name; give a number, an id or words from the text".into());
    }
    if let Ok(n) = name.parse::<u32>() {
        return items.iter().copied().find(|i| i.n == n).ok_or_else(|| {
            format!(
                "there is no item {n}; the learning path has items 1-{}",
                items.len()
            )
        });
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
        [] => Err(format!(
            "no learning-path item matches '{name}'; 'pyguide path' lists them"
        )),
        many => {
            let names: Vec<String> = many.iter().map(|i| format!("{} {}", i.n, i.text)).collect();
            Err(format!(
                "'{name}' matches {} items: {}; give its number",
                many.len(),
                names.join(", ")
            ))
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
        assert!(find(&path, "17").unwrap_err().contains("items 1-16"));
        assert!(find(&path, "0").is_err());
        assert!(
            find(&path, "quantum knitting")
                .unwrap_err()
                .contains("no learning-path item")
        );
        let ambiguous = find(&path, "a").unwrap_err();
        assert!(ambiguous.contains("matches") && ambiguous.contains("give its number"));
        assert!(find(&path, "  ").is_err());
    }
}
