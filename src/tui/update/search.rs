//! The search box and what it leaves behind: typing a query, choosing a lesson, opening it
//! at its match, and `n`/`N` through every match of the guide.

use super::navigate::{go_to, leave_here, reading_line, row_of};
use super::{Context, page_height};
use crate::tui::action::{Action, Edit, Effect};
use crate::tui::finder::Place;
use crate::tui::geometry::{SearchBox as BoxAreas, contains};
use crate::tui::keymap::key_for;
use crate::tui::state::{Matches, Overlay, State};

/// The longest query the box takes: enough for any phrase, and typing stays instant.
pub const LONGEST: usize = 256;

/// Opens the box on the last query, its results fresh.
pub(super) fn open_box(state: &mut State, ctx: &Context) {
    state.overlay = Some(Overlay::Search);
    state.search.cursor = state.search.query.len();
    refresh(state, ctx);
}

/// Keys and clicks while the box is open.
pub(super) fn in_box(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    let shown = state.areas().map_or(1, |a| BoxAreas::new(&a).shown());
    match action {
        Action::Close => state.overlay = None,
        Action::Edit(edit) => {
            let before = state.search.query.clone();
            if let Err(note) = apply(&mut state.search.query, &mut state.search.cursor, edit) {
                state.message = Some(note);
            }
            if state.search.query != before {
                refresh(state, ctx);
            }
        }
        Action::Down => choose(state, 1, shown),
        Action::Up => choose(state, -1, shown),
        Action::PageDown => choose(state, shown as isize, shown),
        Action::PageUp => choose(state, -(shown as isize), shown),
        Action::Wheel { lines, .. } => choose(state, isize::from(lines.signum()), shown),
        Action::Open => go(state, ctx, state.search.selected),
        Action::Click { x, y } => click(state, ctx, x, y),
        _ => {}
    }
    Vec::new()
}

fn refresh(state: &mut State, ctx: &Context) {
    let query = state.search.query.trim();
    state.search.hits = if query.is_empty() {
        Vec::new()
    } else {
        ctx.finder.hits(&state.search.query)
    };
    state.search.selected = 0;
    state.search.offset = 0;
}

/// After a resize: the choice stays among the results the box now shows.
pub(super) fn fit_box(state: &mut State) {
    let shown = state.areas().map_or(1, |a| BoxAreas::new(&a).shown());
    choose(state, 0, shown);
}

/// Moves the choice by `by` results, keeping it among the `shown` on screen.
fn choose(state: &mut State, by: isize, shown: usize) {
    let s = &mut state.search;
    let last = s.hits.len().saturating_sub(1);
    s.selected = s.selected.saturating_add_signed(by).min(last);
    // No blank rows below the last result while earlier ones are scrolled off (a taller
    // box after a resize shows more of them).
    s.offset = s.offset.min(s.hits.len().saturating_sub(shown));
    if s.selected < s.offset {
        s.offset = s.selected;
    } else if s.selected >= s.offset + shown {
        s.offset = s.selected + 1 - shown;
    }
}

fn click(state: &mut State, ctx: &Context, x: u16, y: u16) {
    let Some(areas) = state.areas() else { return };
    let frame = BoxAreas::new(&areas);
    if let Some(row) = frame.result_at(x, y) {
        let i = state.search.offset + row;
        if i < state.search.hits.len() {
            go(state, ctx, i);
        }
    } else if !contains(frame.frame, x, y) {
        state.overlay = None;
    }
}

/// Opens the lesson of result `i` at its best line, and keeps every match of the query
/// for `n` and `N`.
fn go(state: &mut State, ctx: &Context, i: usize) {
    let Some(hit) = state.search.hits.get(i).cloned() else {
        state.message = Some(match state.search.query.trim() {
            "" => "type a word to search for".into(),
            q => format!("nothing matches '{q}'"),
        });
        return;
    };
    let (mut places, terms) = ctx.finder.places(&state.search.query);
    let here = Place {
        page: hit.page,
        line: hit.line,
    };
    // Every result's line is a match; should one not be, it gets a place all the same.
    let current = match places.binary_search(&here) {
        Ok(at) => at,
        Err(at) => {
            places.insert(at, here);
            at
        }
    };
    state.overlay = None;
    let total = places.len();
    state.matches = Some(Matches {
        query: state.search.query.clone(),
        places,
        terms,
        current,
        marked: true,
    });
    jump(state, ctx, here);
    state.message = Some(format!(
        "match {} of {total}; {} and {} for more",
        current + 1,
        key_for(Action::NextMatch),
        key_for(Action::PreviousMatch),
    ));
}

/// `n` (forward) or `N`: the next match after what is on screen, across pages, around the
/// end of the guide to its start.
pub(super) fn step(state: &mut State, ctx: &Context, forward: bool) {
    let Some(matches) = &state.matches else {
        let slash = key_for(Action::Search);
        state.message = Some(format!("no search yet: press {slash} to search"));
        return;
    };
    let (places, total) = (&matches.places, matches.places.len());
    let current = places[matches.current];
    // From the match last shown while it is on screen, else from where the reader is.
    let next = match reading_line(state, ctx) {
        Some(line) if !on_screen(state, ctx, current) => {
            let top = Place {
                page: state.page,
                line,
            };
            let at = places.partition_point(|p| *p < top);
            if forward { Some(at) } else { at.checked_sub(1) }
        }
        _ if forward => Some(places.partition_point(|p| *p <= current)),
        _ => places.partition_point(|p| *p < current).checked_sub(1),
    };
    let next = next.filter(|&n| n < total);
    let (next, wrapped) = match next {
        Some(n) => (n, false),
        None if forward => (0, true),
        None => (total - 1, true),
    };
    let place = matches.places[next];
    if let Some(m) = &mut state.matches {
        m.current = next;
        m.marked = true;
    }
    jump(state, ctx, place);
    let note = match (wrapped, forward) {
        (false, _) => "",
        (true, true) => " (from the top)",
        (true, false) => " (from the bottom)",
    };
    state.message = Some(format!("match {} of {total}{note}", next + 1));
}

/// Esc on the main screen: stop marking matches. Says whether there were any.
pub(super) fn unmark(state: &mut State) -> bool {
    match &mut state.matches {
        Some(m) if m.marked => {
            m.marked = false;
            true
        }
        _ => false,
    }
}

/// Shows `place`, remembering where the reader was unless the place is on screen.
fn jump(state: &mut State, ctx: &Context, place: Place) {
    if !on_screen(state, ctx, place) {
        leave_here(state, ctx);
    }
    go_to(state, ctx, place);
}

/// The current match, when it is marked and on screen.
pub(super) fn match_on_screen(state: &State, ctx: &Context) -> Option<Place> {
    let matches = state.matches.as_ref().filter(|m| m.marked)?;
    let place = *matches.places.get(matches.current)?;
    on_screen(state, ctx, place).then_some(place)
}

/// Scrolls `place` back into view if it has left it.
pub(super) fn keep_in_view(state: &mut State, ctx: &Context, place: Place) {
    if !on_screen(state, ctx, place) {
        go_to(state, ctx, place);
    }
}

fn on_screen(state: &State, ctx: &Context, place: Place) -> bool {
    if place.page != state.page {
        return false;
    }
    if state.on_path() {
        return super::path::item_at_line(ctx, place.line) == Some(state.path.item);
    }
    row_of(state, ctx, place.line)
        .is_some_and(|row| row >= state.scroll && row < state.scroll + page_height(state))
}

/// Applies one edit to a text field; a note when it cannot.
fn apply(text: &mut String, cursor: &mut usize, edit: Edit) -> Result<(), String> {
    let at = (*cursor).min(text.len());
    let before = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .map_or(i, |c| i - c.len_utf8())
    };
    let after = |i: usize| text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
    match edit {
        Edit::Insert(c) if c.is_control() => {}
        Edit::Insert(_) if text.chars().count() >= LONGEST => {
            return Err(format!("the search box holds {LONGEST} characters"));
        }
        Edit::Insert(c) => {
            text.insert(at, c);
            *cursor = at + c.len_utf8();
        }
        Edit::Backspace => {
            let from = before(at);
            text.replace_range(from..at, "");
            *cursor = from;
        }
        Edit::Delete => {
            let to = after(at);
            text.replace_range(at..to, "");
        }
        Edit::DeleteWord => {
            let kept = text[..at].trim_end();
            let from = kept.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            text.replace_range(from..at, "");
            *cursor = from;
        }
        Edit::Clear => {
            text.replace_range(..at, "");
            *cursor = 0;
        }
        Edit::Left => *cursor = before(at),
        Edit::Right => *cursor = after(at),
        Edit::Home => *cursor = 0,
        Edit::End => *cursor = text.len(),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(start: &str, cursor: usize, edits: &[Edit]) -> (String, usize) {
        let (mut text, mut cursor) = (start.to_owned(), cursor);
        for &e in edits {
            let _ = apply(&mut text, &mut cursor, e);
        }
        (text, cursor)
    }

    #[test]
    fn editing_the_query_moves_by_characters() {
        use Edit::*;
        assert_eq!(edited("", 0, &[Insert('g'), Insert('é')]), ("gé".into(), 3));
        assert_eq!(edited("gé", 3, &[Backspace]), ("g".into(), 1));
        assert_eq!(edited("gé", 3, &[Left, Left, Delete]), ("é".into(), 0));
        assert_eq!(
            edited("ab", 1, &[Home, Insert('x'), End]),
            ("xab".into(), 3)
        );
        assert_eq!(
            edited("", 0, &[Backspace, Delete, Left, Right]),
            ("".into(), 0)
        );
    }

    #[test]
    fn words_and_lines_go_at_once() {
        assert_eq!(
            edited("garbage collection  ", 20, &[Edit::DeleteWord]),
            ("garbage ".into(), 8)
        );
        assert_eq!(edited("gil", 3, &[Edit::DeleteWord]), ("".into(), 0));
        assert_eq!(edited("in:code lru", 8, &[Edit::Clear]), ("lru".into(), 0));
    }

    #[test]
    fn the_box_holds_a_bounded_query_and_no_control_characters() {
        let full = "x".repeat(LONGEST);
        let (mut text, mut cursor) = (full.clone(), LONGEST);
        assert!(apply(&mut text, &mut cursor, Edit::Insert('y')).is_err());
        assert_eq!(text, full);
        assert_eq!(edited("", 0, &[Edit::Insert('\t')]), ("".into(), 0));
    }
}
