//! The sidebar's part of `update`: selection, folding, and keeping the selection in view.

use super::{Context, open};
use crate::guide::PageId;
use crate::tui::book::Entry;
use crate::tui::state::State;

/// Moves the selection `by` rows, stopping at either end.
pub(super) fn move_by(state: &mut State, ctx: &Context, down: bool, by: usize) {
    let rows = ctx.book.entries(&state.expanded);
    let at = selected_index(state, &rows);
    let to = if down {
        at.saturating_add(by).min(rows.len().saturating_sub(1))
    } else {
        at.saturating_sub(by)
    };
    if let Some(&row) = rows.get(to) {
        state.selected = row;
    }
    keep_in_view(state, ctx);
}

/// Enter on the selection: fold or unfold a section, open a page.
pub(super) fn activate(state: &mut State, ctx: &Context) {
    match state.selected {
        Entry::Section(s) => set_expanded(state, s, !is_expanded(state, s)),
        Entry::Page(page) => open(state, ctx, page),
    }
    keep_in_view(state, ctx);
}

/// l or →: unfold a folded section, step into an unfolded one, open a page.
pub(super) fn unfold_or_open(state: &mut State, ctx: &Context) {
    match state.selected {
        Entry::Section(s) if !is_expanded(state, s) => set_expanded(state, s, true),
        Entry::Section(_) => move_by(state, ctx, true, 1),
        Entry::Page(page) => open(state, ctx, page),
    }
    keep_in_view(state, ctx);
}

/// h or ←: fold the selected section, or the section of the selected page.
pub(super) fn fold(state: &mut State, ctx: &Context) {
    let section = match state.selected {
        Entry::Section(s) => Some(s),
        Entry::Page(page) => ctx.book.section_of(page),
    };
    if let Some(s) = section {
        set_expanded(state, s, false);
        state.selected = Entry::Section(s);
    }
    keep_in_view(state, ctx);
}

/// A click on the `row`-th visible row: select it and act as Enter does.
pub(super) fn click(state: &mut State, ctx: &Context, row: usize) {
    let rows = ctx.book.entries(&state.expanded);
    if let Some(&picked) = rows.get(state.toc_offset + row) {
        state.selected = picked;
        activate(state, ctx);
    }
}

/// The wheel moves the rows under a still selection.
pub(super) fn scroll(state: &mut State, ctx: &Context, lines: i16) {
    let rows = ctx.book.entries(&state.expanded).len();
    let max = rows.saturating_sub(visible_rows(state));
    state.toc_offset = state
        .toc_offset
        .saturating_add_signed(isize::from(lines))
        .min(max);
}

/// Selects `page`, unfolding its section.
pub(super) fn reveal(state: &mut State, ctx: &Context, page: PageId) {
    if let Some(s) = ctx.book.section_of(page) {
        set_expanded(state, s, true);
    }
    state.selected = Entry::Page(page);
    keep_in_view(state, ctx);
}

/// Scrolls the sidebar just enough that the selection shows, without blank rows below.
pub(super) fn keep_in_view(state: &mut State, ctx: &Context) {
    let rows = ctx.book.entries(&state.expanded);
    let at = selected_index(state, &rows);
    let height = visible_rows(state).max(1);
    if at < state.toc_offset {
        state.toc_offset = at;
    } else if at >= state.toc_offset + height {
        state.toc_offset = at + 1 - height;
    }
    state.toc_offset = state.toc_offset.min(rows.len().saturating_sub(height));
}

/// Where the selection is among `rows`; the top when folding has hidden it (folding moves
/// the selection to the section first, so it does not happen).
fn selected_index(state: &State, rows: &[Entry]) -> usize {
    rows.iter().position(|r| *r == state.selected).unwrap_or(0)
}

fn visible_rows(state: &State) -> usize {
    state.areas().map_or(0, |a| usize::from(a.toc.height))
}

fn is_expanded(state: &State, s: usize) -> bool {
    state.expanded.get(s).copied().unwrap_or(false)
}

fn set_expanded(state: &mut State, s: usize, open: bool) {
    if let Some(e) = state.expanded.get_mut(s) {
        *e = open;
    }
}
