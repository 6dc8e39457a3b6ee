//! Moving around the guide: opening pages, turning them, going back and forward through
//! the places left, and keeping the reading place when the layout changes.

use ratatui::layout::Size;

use super::{Context, page_height, path, search, sidebar, text_width};
use crate::guide::{GuideLine, PageId};
use crate::tui::action::Action;
use crate::tui::finder::Place;
use crate::tui::keymap;
use crate::tui::state::{Focus, Overlay, State};

/// Opens `page` where it was last left (else at its top), reveals it in the sidebar and
/// gives the lesson focus. Leaving another page for it is a jump, which back retraces.
pub(super) fn open(state: &mut State, ctx: &Context, page: PageId) {
    if page != state.page {
        leave_here(state, ctx);
    }
    show(state, ctx, page);
}

/// Remembers where the reader is, before a jump takes them elsewhere.
pub(super) fn leave_here(state: &mut State, ctx: &Context) {
    state.history.leave(here(state, ctx));
}

/// After the first jump, the status bar says where back leads, after whatever the action
/// itself says. Once.
pub(super) fn tell_the_way_back(state: &mut State, ctx: &Context) {
    let Some(behind) = state.history.behind().filter(|_| !state.history.told) else {
        return;
    };
    state.history.told = true;
    let back = keymap::key_for(Action::Back);
    let note = format!("{back} goes back to {}", ctx.book.short_name(behind.page));
    state.message = Some(match state.message.take() {
        Some(message) => format!("{message} · {note}"),
        None => note,
    });
}

/// Where the reader is: the page, and the guide line being read (its heading's, on a
/// page never laid out).
pub(super) fn here(state: &State, ctx: &Context) -> Place {
    let line = reading_line(state, ctx);
    Place {
        page: state.page,
        line: line.unwrap_or(ctx.book.guide.page(state.page).line),
    }
}

/// The guide line being read: at the top of the screen, or on the learning path the
/// chosen item's.
pub(super) fn reading_line(state: &State, ctx: &Context) -> Option<GuideLine> {
    match state.on_path() {
        true => path::chosen_line(state, ctx),
        false => top_line(state, ctx),
    }
}

/// Shows `page` where it was last left, without remembering the way.
pub(super) fn show(state: &mut State, ctx: &Context, page: PageId) {
    if page != state.page {
        // A page not laid out at this size keeps the place it had.
        if let (Some(line), Some(place)) = (
            reading_line(state, ctx),
            state.places.get_mut(state.page.index()),
        ) {
            *place = Some(line);
        }
        if Some(page) == state.path_page {
            // Esc on the path goes back to where it was opened from, however it was.
            state.path.from = Some(here(state, ctx));
        }
        state.page = page;
        state.hscroll = 0;
        state.block = None;
        state.scroll = 0;
        match state.places.get(page.index()).copied().flatten() {
            Some(line) => resume_at(state, ctx, line),
            None => scroll_to(state, ctx, 0),
        }
    }
    state.focus = Focus::Lesson;
    sidebar::reveal(state, ctx, page);
}

/// Reading resumes at guide line `line` of the page shown: at the top of the screen, or
/// on the learning path the item written there chosen.
pub(super) fn resume_at(state: &mut State, ctx: &Context, line: GuideLine) {
    if state.on_path() {
        path::choose_line(state, ctx, line);
    } else {
        let row = scroll_for(state, ctx, line);
        scroll_to(state, ctx, row);
    }
}

/// Shows `place`: its page, with its line in view (a third of the way down if it was
/// not), or on the learning path its item chosen.
pub(super) fn go_to(state: &mut State, ctx: &Context, place: Place) {
    show(state, ctx, place.page);
    if state.on_path() {
        path::choose_line(state, ctx, place.line);
        return;
    }
    let Some(row) = row_of(state, ctx, place.line) else {
        return;
    };
    let height = page_height(state);
    if row < state.scroll || row >= state.scroll + height {
        scroll_to(state, ctx, row.saturating_sub(height / 3));
    }
    state.hscroll = 0;
}

/// Opens the page `by` pages on in reading order. Turning a page is reading on, not a
/// jump: back leads past it, to where the last jump left (as in vim's jump list).
pub(super) fn turn(state: &mut State, ctx: &Context, by: isize) {
    match ctx.book.guide.step(state.page, by) {
        Some(page) => show(state, ctx, page),
        None if by > 0 => state.message = Some("this is the last page".into()),
        None => state.message = Some("this is the first page".into()),
    }
}

/// `^O`: back to the place the last jump left.
pub(super) fn back(state: &mut State, ctx: &Context) {
    let here = here(state, ctx);
    match state.history.back(here) {
        Some(place) => arrive(state, ctx, place, "back"),
        None => state.message = Some("nothing to go back to yet".into()),
    }
}

/// `^N`: forward again, after going back.
pub(super) fn forward(state: &mut State, ctx: &Context) {
    let here = here(state, ctx);
    match state.history.forward(here) {
        Some(place) => arrive(state, ctx, place, "forward"),
        None => state.message = Some("nothing to go forward to".into()),
    }
}

/// At `place` by going `way` through the history: says where, and where on leads.
fn arrive(state: &mut State, ctx: &Context, place: Place, way: &str) {
    go_to(state, ctx, place);
    let book = ctx.book;
    let mut ways = Vec::new();
    if let Some(behind) = state.history.behind() {
        let key = keymap::key_for(Action::Back);
        ways.push(format!("{key} back to {}", book.short_name(behind.page)));
    }
    if let Some(ahead) = state.history.ahead() {
        let key = keymap::key_for(Action::Forward);
        ways.push(format!("{key} forward to {}", book.short_name(ahead.page)));
    }
    let here = book.short_name(place.page);
    state.message = Some(match ways.is_empty() {
        true => format!("{way} at {here}"),
        false => format!("{way} at {here}; {}", ways.join(", ")),
    });
}

/// The terminal is now `size`: the reading place stays at the top, and what an overlay
/// shows stays within it.
pub(super) fn resize(state: &mut State, ctx: &Context, size: Size) {
    let anchor = top_line(state, ctx);
    let shown = search::match_on_screen(state, ctx);
    state.size = size;
    refit(state, ctx, anchor);
    // The match being read stays in view, so `n` goes on from it.
    if let Some(place) = shown {
        search::keep_in_view(state, ctx, place);
    }
    match state.overlay {
        Some(Overlay::Search) => search::fit_box(state),
        Some(Overlay::Help { .. }) => super::fit_help(state),
        _ => {}
    }
}

/// After the pane's width changed: keep the guide line that was at the top in view, and
/// everything within bounds.
pub(super) fn refit(state: &mut State, ctx: &Context, anchor: Option<GuideLine>) {
    let Some(width) = text_width(state) else {
        return;
    };
    if state.width != Some(width) {
        state.width = Some(width);
        if let Some(line) = anchor {
            state.scroll = scroll_for(state, ctx, line);
        }
    }
    scroll_to(state, ctx, state.scroll);
    state.hscroll = state.hscroll.min(super::max_hscroll(state, ctx));
    sidebar::keep_in_view(state, ctx);
}

/// The row that puts guide line `line` (or the first after it) at the top.
pub(super) fn scroll_for(state: &State, ctx: &Context, line: GuideLine) -> usize {
    let Some(width) = state.width else { return 0 };
    match ctx.pages.get(state.page, width) {
        Ok(laid) => laid.source.iter().position(|&s| s >= line).unwrap_or(0),
        Err(_) => 0,
    }
}

/// The first row of the page showing guide line `line` (or the first line after it).
pub(super) fn row_of(state: &State, ctx: &Context, line: GuideLine) -> Option<usize> {
    let laid = ctx.pages.get(state.page, state.width?).ok()?;
    laid.source
        .iter()
        .position(|&s| s == line)
        .or_else(|| laid.source.iter().position(|&s| s > line))
}

/// The guide line shown at the top of the lesson pane, to find again after a re-layout.
/// A page never laid out at this width was never seen there: it has none.
pub fn top_line(state: &State, ctx: &Context) -> Option<GuideLine> {
    let laid = ctx.pages.cached(state.page, state.width?)?;
    laid.source
        .get(state.scroll..)?
        .iter()
        .copied()
        .find(|s| s.is_real())
}

/// Scrolls to row `target`, or as near as the page allows.
pub(super) fn scroll_to(state: &mut State, ctx: &Context, target: usize) {
    let Some(width) = text_width(state) else {
        return;
    };
    let (rows, _) = ctx.pages.extent(state.page, width);
    let max = rows.saturating_sub(page_height(state));
    state.scroll = target.min(max);
}
