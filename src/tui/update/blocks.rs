//! The focus ring over a page's code blocks: Tab and Shift-Tab go contents → lesson → each
//! code block → contents; `}` and `{` step between code blocks only.

use std::ops::Range;

use super::{Context, page_height, scroll_to};
use crate::tui::action::Action;
use crate::tui::keymap::key_for;
use crate::tui::state::{Focus, State};

/// Tab: on round the ring.
pub(super) fn focus_next(state: &mut State, ctx: &Context) {
    let blocks = ctx.book.code(state.page).len();
    match (state.focus, state.block) {
        (Focus::Sidebar, _) => {
            state.focus = Focus::Lesson;
            state.block = None;
        }
        (Focus::Lesson, None) if blocks > 0 => {
            let first = entry(state, ctx, true);
            focus(state, ctx, first);
        }
        (Focus::Lesson, Some(i)) if i + 1 < blocks => focus(state, ctx, i + 1),
        (Focus::Lesson, _) => leave_blocks(state, blocks),
    }
}

/// Shift-Tab: back round the ring.
pub(super) fn focus_previous(state: &mut State, ctx: &Context) {
    let blocks = ctx.book.code(state.page).len();
    match (state.focus, state.block) {
        (Focus::Sidebar, _) if blocks > 0 => {
            let last = entry(state, ctx, false);
            focus(state, ctx, last);
        }
        (Focus::Sidebar, _) => state.focus = Focus::Lesson,
        (Focus::Lesson, Some(0)) => state.block = None,
        (Focus::Lesson, Some(i)) => focus(state, ctx, (i - 1).min(blocks.saturating_sub(1))),
        (Focus::Lesson, None) if state.sidebar => state.focus = Focus::Sidebar,
        (Focus::Lesson, None) if blocks > 0 => {
            let last = entry(state, ctx, false);
            focus(state, ctx, last);
        }
        (Focus::Lesson, None) => {
            state.message = Some(hidden_contents());
        }
    }
}

/// From the last code block (or a page without any) on to the contents.
fn leave_blocks(state: &mut State, blocks: usize) {
    state.block = None;
    if state.sidebar {
        state.focus = Focus::Sidebar;
    } else if blocks == 0 {
        state.message = Some(hidden_contents());
    }
}

/// `}` and `{`: the next or previous code block on the page, without wrapping round.
pub(super) fn step(state: &mut State, ctx: &Context, forward: bool) {
    let blocks = ctx.book.code(state.page).len();
    if blocks == 0 {
        state.message = Some("this page has no code blocks".into());
        return;
    }
    let current = state.block.filter(|_| state.focus == Focus::Lesson);
    let next = match (current, forward) {
        (None, _) => Some(entry(state, ctx, forward)),
        (Some(i), true) => (i + 1 < blocks).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
    };
    match next {
        Some(i) => focus(state, ctx, i),
        None if forward => state.message = Some("this is the page's last code block".into()),
        None => state.message = Some("this is the page's first code block".into()),
    }
}

/// Gives code block `i` focus and brings it into view.
pub(super) fn focus(state: &mut State, ctx: &Context, i: usize) {
    state.focus = Focus::Lesson;
    state.block = Some(i);
    let Some(rows) = rows(state, ctx, i) else {
        return;
    };
    let height = page_height(state);
    if rows.start < state.scroll || rows.end > state.scroll + height {
        scroll_to(state, ctx, rows.start);
    }
}

/// Where the ring enters the page's blocks: going forward, the first block that starts on
/// screen or below it; going back, the last that starts above the screen's end.
pub(super) fn entry(state: &State, ctx: &Context, forward: bool) -> usize {
    let blocks = ctx.book.code(state.page).len();
    let starts = (0..blocks).map(|i| (i, rows(state, ctx, i).map_or(0, |r| r.start)));
    let end = state.scroll + state.areas().map_or(1, |a| usize::from(a.body.height));
    let found = if forward {
        starts.into_iter().find(|&(_, start)| start >= state.scroll)
    } else {
        starts.into_iter().rev().find(|&(_, start)| start < end)
    };
    found.map_or(
        if forward { 0 } else { blocks.saturating_sub(1) },
        |(i, _)| i,
    )
}

/// The page rows code block `i` of the page on screen takes.
pub(super) fn rows(state: &State, ctx: &Context, i: usize) -> Option<Range<usize>> {
    let code = ctx.book.code(state.page);
    ctx.pages
        .rows_of(state.page, state.width?, code.get(i)?.block.lines)
}

/// Why focus cannot go to the contents, and the key that shows them.
fn hidden_contents() -> String {
    let s = key_for(Action::ToggleSidebar);
    format!("the contents are hidden; {s} shows them")
}
