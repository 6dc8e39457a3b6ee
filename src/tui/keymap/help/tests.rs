use super::*;
use crate::tui::keymap::Binding;

/// The help overlay's key rows under each heading, in order.
fn sections() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let mut sections: Vec<(&str, Vec<(String, &str)>)> = Vec::new();
    for row in help_rows() {
        match (row, sections.last_mut()) {
            (HelpRow::Heading(heading), _) => sections.push((heading, Vec::new())),
            (HelpRow::Key(keys, text), Some((_, rows))) => rows.push((keys, text)),
            (HelpRow::Key(keys, _), None) => panic!("{keys} comes before any heading"),
            (HelpRow::Blank, _) => {}
        }
    }
    sections
}

/// The key names a row's keys stand for, its ranges ("1-9") spelled out.
fn spelled_out(keys: &str) -> Vec<String> {
    let range = |word: &str| {
        let (from, to) = word.split_once('-')?;
        let (from, to) = (from.parse::<u32>().ok()?, to.parse::<u32>().ok()?);
        Some((from..=to).map(|n| n.to_string()).collect::<Vec<_>>())
    };
    keys.split(' ')
        .flat_map(|word| range(word).unwrap_or_else(|| vec![word.to_string()]))
        .collect()
}

fn bound_names(table: &[Binding]) -> Vec<String> {
    table
        .iter()
        .flat_map(|b| b.keys.iter().map(Key::name))
        .collect()
}

#[test]
fn every_key_of_every_table_is_in_its_section_of_the_help() {
    let shown = sections();
    for section in &SECTIONS {
        let rows = shown
            .iter()
            .find(|(heading, _)| *heading == section.heading);
        let Some((_, rows)) = rows else {
            panic!("no section {:?} in the help", section.heading);
        };
        let binding_rows = &rows[..rows.len() - section.besides.len()];
        let mut listed: Vec<String> = binding_rows
            .iter()
            .flat_map(|(keys, _)| spelled_out(keys))
            .collect();
        let mut bound = bound_names(section.table);
        // Each bound key once, and nothing that is not bound.
        listed.sort();
        bound.sort();
        assert_eq!(listed, bound, "in {:?}", section.heading);
    }
}

#[test]
fn no_help_row_is_typed_by_hand() {
    let shown = sections();
    assert_eq!(shown.len(), SECTIONS.len(), "a heading with no section");
    for ((heading, rows), section) in shown.iter().zip(&SECTIONS) {
        assert_eq!(*heading, section.heading);
        // The rows' text is the table's help, in the table's order, then the rows for
        // what is not a binding, as those are written.
        let texts = rows.iter().map(|(_, t)| *t).filter(|t| !t.is_empty());
        let texts: Vec<&str> = texts.collect();
        let mut helps: Vec<&str> = section.table.iter().map(|b| b.help).collect();
        helps.retain(|h| !h.is_empty());
        helps.extend(section.besides.iter().map(|&(_, does)| does));
        assert_eq!(texts, helps, "in {heading:?}");
        let besides = &rows[rows.len() - section.besides.len()..];
        let typed: Vec<(&str, &str)> = besides.iter().map(|(k, t)| (k.as_str(), *t)).collect();
        assert_eq!(typed, section.besides, "in {heading:?}");
        // And every word in the keys' column names a key the table binds.
        let bound = bound_names(section.table);
        let binding_rows = &rows[..rows.len() - section.besides.len()];
        for (keys, _) in binding_rows {
            for name in spelled_out(keys) {
                assert!(
                    bound.contains(&name),
                    "{name:?} in {heading:?} is not bound"
                );
            }
        }
    }
}

#[test]
fn the_help_text_names_no_keys_of_its_own() {
    // Prose that names a key goes stale when the key moves; the keys' column says it.
    let names: Vec<String> = SECTIONS
        .iter()
        .flat_map(|s| bound_names(s.table))
        .filter(|name| name.chars().count() > 1)
        .collect();
    for section in &SECTIONS {
        for b in section.table {
            for word in b
                .help
                .split(|c: char| c.is_whitespace() || ",;:()".contains(c))
            {
                assert!(!names.iter().any(|n| n == word), "{word:?} in {:?}", b.help);
            }
        }
    }
}

#[test]
fn help_text_fits_the_narrowest_help_box() {
    // At 60 columns (the smallest layout) the box is 56 wide: 54 inside, 15 for the keys
    // and a margin of 2, which leaves 37 for what they do.
    for row in help_rows() {
        if let HelpRow::Key(keys, text) = row {
            assert!(display_width(&keys) <= KEYS_WIDTH, "{keys}");
            assert!(
                text.chars().count() <= 37,
                "{text:?} is too long for the help box"
            );
        }
    }
}

#[test]
fn runs_of_digits_read_as_a_range() {
    let keys = |s: &str| s.chars().map(Key::char).collect::<Vec<_>>();
    assert_eq!(names(&keys("123456789")), ["1-9"]);
    assert_eq!(names(&keys("12")), ["1", "2"]);
    assert_eq!(names(&keys("x2345y")), ["x", "2-5", "y"]);
    assert_eq!(names(&keys("135")), ["1", "3", "5"]);
    assert_eq!(
        names(&[Key::ctrl('1'), Key::char('2'), Key::char('3')]),
        ["Ctrl-1", "2", "3"]
    );
}

#[test]
fn keys_too_many_for_the_column_go_on_to_the_next_row() {
    let names: Vec<String> = ["Backspace", "^H", "Delete", "Alt-←"]
        .map(String::from)
        .into();
    assert_eq!(
        wrapped(&names, "delete"),
        [
            HelpRow::Key("Backspace ^H".into(), "delete"),
            HelpRow::Key("Delete Alt-←".into(), ""),
        ]
    );
}

#[test]
fn the_keys_column_of_the_main_screen_reads_as_before() {
    let rows = table_rows(&BINDINGS);
    let keys: Vec<&str> = rows
        .iter()
        .filter_map(|r| match r {
            HelpRow::Key(keys, _) => Some(keys.as_str()),
            _ => None,
        })
        .take(12)
        .collect();
    assert_eq!(
        keys,
        [
            "j ↓",
            "k ↑",
            "PgDn Space ^F",
            "PgUp ^B",
            "^D",
            "^U",
            "g Home",
            "G End",
            "← h",
            "→ l",
            "Enter",
            "]"
        ]
    );
    assert!(rows.contains(&HelpRow::Key("1-9".into(), "open that section")));
    assert!(rows.contains(&HelpRow::Key("} {".into(), "next / previous code block")));
}
