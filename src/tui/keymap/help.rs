//! The help overlay's rows, from the same tables that decode keys.

use super::{BINDINGS, Binding, PATH_BINDINGS, SEARCH_BINDINGS};

/// What the mouse does, for the help overlay.
pub const MOUSE: [(&str, &str); 2] = [
    ("wheel", "scroll the pane under the pointer"),
    ("click", "open a lesson, or focus a pane"),
];

/// A line of the help overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    Key(&'static str, &'static str),
    Blank,
}

/// The help overlay's lines, from [`BINDINGS`], [`SEARCH_BINDINGS`] and [`MOUSE`].
pub fn help_rows() -> Vec<HelpRow> {
    let documented = |table: &'static [Binding]| {
        table
            .iter()
            .filter(|b| !b.help.is_empty())
            .map(|b| HelpRow::Key(b.label, b.help))
    };
    let mut rows = vec![HelpRow::Heading("Keys")];
    rows.extend(documented(&BINDINGS));
    rows.extend([HelpRow::Blank, HelpRow::Heading("In the search box")]);
    rows.extend(documented(&SEARCH_BINDINGS));
    rows.extend([HelpRow::Blank, HelpRow::Heading("On the learning path")]);
    rows.extend(documented(&PATH_BINDINGS));
    rows.extend([HelpRow::Blank, HelpRow::Heading("Mouse")]);
    rows.extend(MOUSE.iter().map(|&(what, does)| HelpRow::Key(what, does)));
    rows
}
