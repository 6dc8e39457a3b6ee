//! The help overlay's rows, derived from the same tables that decode keys: a row's keys are
//! the names of its binding's keys and of the bindings after it that have no help of their
//! own, so no key can be bound and go unlisted.

use ratatui::crossterm::event::KeyCode;

use super::{
    BINDINGS, Binding, CONSENT_BINDINGS, Key, OTHER_ANSWER, PATH_BINDINGS, SEARCH_BINDINGS,
};
use crate::render::display_width;

/// What the mouse does, for the help overlay.
pub const MOUSE: [(&str, &str); 2] = [
    ("wheel", "scroll the pane under the pointer"),
    ("click", "open a lesson; choose a path item"),
];

/// When a lesson counts as read, for the help overlay: the rule the contents' ✓ follow.
pub const READING: [(&str, &str); 5] = [
    ("✓ read", "its end has been on screen and it was"),
    ("", "open long enough to read: 1 s per 10"),
    ("", "lines (2 s to 60 s) while you are at"),
    ("", "the terminal, or scrolled through to"),
    ("", "its end. Turning pages reads nothing."),
];

/// Columns the keys of a row may take; longer lists go on to the rows below. Keys and
/// text must fit the narrowest help box whole (see the test on it).
pub const KEYS_WIDTH: usize = 13;

/// A line of the help overlay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    /// Keys and what they do; the text is empty on a row that carries on the keys above.
    Key(String, &'static str),
    Blank,
}

/// A part of the help overlay: a table's bindings, then rows for what is not a key binding
/// (the mouse; "any other key").
pub(super) struct Section {
    pub heading: &'static str,
    pub table: &'static [Binding],
    pub besides: &'static [(&'static str, &'static str)],
}

/// The help overlay's parts, in order.
pub(super) static SECTIONS: [Section; 6] = [
    Section {
        heading: "Keys",
        table: &BINDINGS,
        besides: &[],
    },
    Section {
        heading: "In the search box",
        table: &SEARCH_BINDINGS,
        besides: &[],
    },
    Section {
        heading: "On the learning path",
        table: &PATH_BINDINGS,
        besides: &[],
    },
    Section {
        heading: "Asked whether to run Python",
        table: &CONSENT_BINDINGS,
        besides: &[OTHER_ANSWER],
    },
    Section {
        heading: "Mouse",
        table: &[],
        besides: &MOUSE,
    },
    Section {
        heading: "Read marks",
        table: &[],
        besides: &READING,
    },
];

/// The help overlay's lines: every section's heading, its bindings' rows, and a blank line
/// between sections.
pub fn help_rows() -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for section in &SECTIONS {
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading(section.heading));
        rows.extend(table_rows(section.table));
        let besides = section.besides.iter();
        rows.extend(besides.map(|&(keys, does)| HelpRow::Key(keys.to_string(), does)));
    }
    rows
}

/// A table's rows: each binding with help starts one, and the bindings after it without
/// help add their keys to it.
pub(super) fn table_rows(table: &[Binding]) -> Vec<HelpRow> {
    let mut groups: Vec<(Vec<Key>, &'static str)> = Vec::new();
    for b in table {
        match groups.last_mut() {
            Some((keys, _)) if b.help.is_empty() => keys.extend_from_slice(b.keys),
            _ => groups.push((b.keys.to_vec(), b.help)),
        }
    }
    groups
        .iter()
        .flat_map(|(keys, help)| wrapped(&names(keys), help))
        .collect()
}

/// The keys' names, each run of three or more digits in a row as a range: "1-9". (Two
/// read better as they are.)
fn names(keys: &[Key]) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = keys;
    while let Some(first) = rest.first() {
        let run = digit_run(rest);
        let taken = if run >= 3 {
            names.push(format!("{}-{}", first.name(), rest[run - 1].name()));
            run
        } else {
            names.push(first.name());
            1
        };
        rest = &rest[taken..];
    }
    names
}

/// How many keys at the start of `keys` are digits counting up by one.
fn digit_run(keys: &[Key]) -> usize {
    let digit = |k: &Key| match k.code {
        KeyCode::Char(c) if !k.ctrl && !k.alt => c.to_digit(10),
        _ => None,
    };
    let Some(start) = keys.first().and_then(digit) else {
        return 0;
    };
    let counting = keys
        .iter()
        .zip(start..)
        .take_while(|&(k, n)| digit(k) == Some(n));
    counting.count()
}

/// A row for `names` and `help`, or more rows when the names are too long for the keys'
/// column: the text goes on the first.
fn wrapped(names: &[String], help: &'static str) -> Vec<HelpRow> {
    let mut lines: Vec<String> = Vec::new();
    for name in names {
        match lines.last_mut() {
            Some(line) if display_width(line) + 1 + display_width(name) <= KEYS_WIDTH => {
                line.push(' ');
                line.push_str(name);
            }
            _ => lines.push(name.clone()),
        }
    }
    let texts = std::iter::once(help).chain(std::iter::repeat(""));
    lines
        .into_iter()
        .zip(texts)
        .map(|(keys, text)| HelpRow::Key(keys, text))
        .collect()
}

#[cfg(test)]
mod tests;
