//! `update(state, action)`: every change to the screen's state, with no terminal in sight.

mod blocks;
mod progress;
mod run;
mod search;
mod sidebar;

pub use progress::begin;

use ratatui::layout::Size;

use super::action::{Action, Effect};
use super::book::{Book, DocId};
use super::finder::Finder;
use super::geometry::{self, contains};
use super::keymap;
use super::pages::Pages;
use super::state::{Focus, Overlay, State};
use super::theme::Styles;

/// What stays the same while the tutor runs: the guide's pages, how they lay out, and the
/// styles they are drawn in. `update` and the view both read it.
pub struct Context<'a, 'g> {
    pub book: &'a Book<'g>,
    pub finder: &'a Finder<'a, 'g>,
    pub pages: &'a Pages<'g>,
    pub styles: &'a Styles,
}

/// Columns one ←/→ press moves a wide page.
const SIDEWAYS: usize = 8;
/// Lines kept in view when paging, so the eye finds its place.
const PAGE_OVERLAP: usize = 2;

/// Applies `action` to `state` and says what the loop must do next.
pub fn update(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    // The store's answers are not keys: they leave the note on screen alone.
    if matches!(action, Action::Saved(_) | Action::NotSaved(_)) {
        progress::answered(state, action);
        return Vec::new();
    }
    if let Some(effects) = run::background(state, &action) {
        return effects;
    }
    // Ctrl-C stops a program wherever the user is; with none running it quits.
    let action = match action {
        Action::Interrupt if state.running() => {
            state.message = None;
            return run::stop(state);
        }
        Action::Interrupt => Action::Quit,
        action => action,
    };
    let was = state.doc;
    let mut effects = dispatch(state, action, ctx);
    progress::after(state, ctx, was, &mut effects);
    effects
}

fn dispatch(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    if !matches!(action, Action::Resize(..)) {
        state.message = None;
    }
    if state.areas().is_none()
        && !matches!(action, Action::Quit | Action::Suspend | Action::Resize(..))
    {
        // Nothing can be seen to change while the "too small" notice is up.
        return Vec::new();
    }
    match state.overlay {
        Some(Overlay::Help { .. }) => return help(state, action, ctx),
        Some(Overlay::Search) => return search::in_box(state, action, ctx),
        Some(Overlay::Path) => return progress::on_path(state, action, ctx),
        Some(Overlay::Consent) => return run::consent(state, ctx, action),
        None => {}
    }
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::Suspend => return vec![Effect::Suspend],
        Action::ToggleHelp => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Close if state.running() => return run::stop(state),
        Action::Close => close(state, ctx),
        Action::Search => search::open_box(state, ctx),
        Action::NextMatch => search::step(state, ctx, true),
        Action::PreviousMatch => search::step(state, ctx, false),
        Action::Edit(_)
        | Action::Tick
        | Action::Saved(_)
        | Action::NotSaved(_)
        | Action::Consent(_)
        | Action::Ran { .. }
        | Action::RunFailed { .. }
        | Action::Clock(_)
        | Action::Interrupt => {}
        Action::FocusNext => blocks::focus_next(state, ctx),
        Action::FocusPrevious => blocks::focus_previous(state, ctx),
        Action::NextBlock => blocks::step(state, ctx, true),
        Action::PreviousBlock => blocks::step(state, ctx, false),
        Action::RunBlock => return run::run_block(state, ctx),
        Action::LearningPath => progress::open_path(state),
        Action::ToggleRead => return progress::toggle_read(state, ctx),
        Action::Continue => progress::continue_reading(state, ctx),
        Action::ToggleSidebar => toggle_sidebar(state, ctx),
        Action::Down | Action::Up => step(state, ctx, &action, 1),
        Action::PageDown | Action::PageUp => {
            let page = page_height(state).saturating_sub(PAGE_OVERLAP).max(1);
            step(state, ctx, &action, page);
        }
        Action::HalfPageDown | Action::HalfPageUp => {
            let half = (page_height(state) / 2).max(1);
            step(state, ctx, &action, half);
        }
        Action::Top | Action::Bottom => step(state, ctx, &action, usize::MAX),
        Action::Left | Action::Right => sideways_or_fold(state, ctx, &action),
        Action::Open if state.focus == Focus::Sidebar => sidebar::activate(state, ctx),
        Action::Open => {
            state.message = Some("Enter opens a lesson in the contents; Tab goes there".into());
        }
        Action::NextPage => turn(state, ctx, 1),
        Action::PreviousPage => turn(state, ctx, -1),
        Action::Section(n) => match ctx.book.first_of_section(n) {
            Some(doc) => open(state, ctx, doc),
            None => state.message = Some(format!("there is no section {n}")),
        },
        Action::Resize(w, h) => resize(state, ctx, Size::new(w, h)),
        Action::Wheel { x, y, lines } => wheel(state, ctx, x, y, lines),
        Action::Click { x, y } => click(state, ctx, x, y),
        Action::Unbound(key) => {
            state.message = Some(format!("{key} does nothing here; press ? to see the keys"));
        }
    }
    Vec::new()
}

/// Keys while the help overlay is open: scroll it, close it, or quit.
fn help(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    let Some(Overlay::Help { scroll }) = state.overlay else {
        return Vec::new();
    };
    let lines = keymap::help_rows().len();
    let rows = geometry::help_rows(state.size, lines);
    let max = lines.saturating_sub(rows);
    let moved = |by: isize| {
        Some(Overlay::Help {
            scroll: scroll.saturating_add_signed(by).min(max),
        })
    };
    state.overlay = match action {
        Action::Quit => return vec![Effect::Quit],
        Action::Suspend => return vec![Effect::Suspend],
        Action::ToggleHelp | Action::Close | Action::Click { .. } => None,
        Action::Down => moved(1),
        Action::Up => moved(-1),
        Action::PageDown | Action::HalfPageDown => moved(rows as isize),
        Action::PageUp | Action::HalfPageUp => moved(-(rows as isize)),
        Action::Top => moved(isize::MIN),
        Action::Bottom => moved(isize::MAX),
        Action::Wheel { lines, .. } => moved(lines as isize),
        Action::Resize(w, h) => {
            resize(state, ctx, Size::new(w, h));
            moved(0)
        }
        _ => state.overlay,
    };
    Vec::new()
}

/// Esc on the page: close a run's output, else unmark the matches, else leave the code
/// block that has focus.
fn close(state: &mut State, ctx: &Context) {
    if run::close(state, ctx) {
        return;
    }
    if search::unmark(state) {
        state.message = Some("matches unmarked; n marks them again".into());
    } else if state.block.take().is_none() {
        state.message = Some("nothing to close; q quits".into());
    }
}

fn toggle_sidebar(state: &mut State, ctx: &Context) {
    let anchor = top_line(state, ctx);
    state.sidebar = !state.sidebar;
    state.focus = if state.sidebar {
        state.focus
    } else {
        Focus::Lesson
    };
    refit(state, ctx, anchor);
}

/// Moves the sidebar selection or scrolls the lesson, by `by` lines in the action's direction.
fn step(state: &mut State, ctx: &Context, action: &Action, by: usize) {
    let down = matches!(
        action,
        Action::Down | Action::PageDown | Action::HalfPageDown | Action::Bottom
    );
    match state.focus {
        Focus::Sidebar => sidebar::move_by(state, ctx, down, by),
        Focus::Lesson => {
            let target = if down {
                state.scroll.saturating_add(by)
            } else {
                state.scroll.saturating_sub(by)
            };
            scroll_to(state, ctx, target);
        }
    }
}

fn sideways_or_fold(state: &mut State, ctx: &Context, action: &Action) {
    let right = *action == Action::Right;
    match state.focus {
        Focus::Sidebar if right => sidebar::unfold_or_open(state, ctx),
        Focus::Sidebar => sidebar::fold(state, ctx),
        Focus::Lesson => {
            let target = if right {
                state.hscroll.saturating_add(SIDEWAYS)
            } else {
                state.hscroll.saturating_sub(SIDEWAYS)
            };
            state.hscroll = target.min(max_hscroll(state, ctx));
        }
    }
}

/// Opens the page `by` pages on in reading order.
fn turn(state: &mut State, ctx: &Context, by: isize) {
    let last = ctx.book.docs.len().saturating_sub(1);
    match state.doc.checked_add_signed(by).filter(|&d| d <= last) {
        Some(doc) => open(state, ctx, doc),
        None if by > 0 => state.message = Some("this is the last page".into()),
        None => state.message = Some("this is the first page".into()),
    }
}

/// Shows `doc` where it was last left (else from its top), reveals it in the sidebar and
/// gives the lesson focus.
pub(super) fn open(state: &mut State, ctx: &Context, doc: DocId) {
    if doc != state.doc {
        let left_at = top_line(state, ctx);
        if let Some(place) = state.places.get_mut(state.doc) {
            *place = left_at;
        }
        state.doc = doc;
        state.hscroll = 0;
        state.block = None;
        let back_at = state.places.get(doc).copied().flatten();
        state.scroll = back_at.map_or(0, |line| scroll_for(state, ctx, line));
        scroll_to(state, ctx, state.scroll);
    }
    state.focus = Focus::Lesson;
    sidebar::reveal(state, ctx, doc);
}

pub(super) fn resize(state: &mut State, ctx: &Context, size: Size) {
    let anchor = top_line(state, ctx);
    let shown = search::match_on_screen(state, ctx);
    state.size = size;
    refit(state, ctx, anchor);
    // The match being read stays in view, so `n` goes on from it.
    if let Some(place) = shown {
        search::keep_in_view(state, ctx, place);
    }
}

/// After the pane's width changed: keep the guide line that was at the top in view, and
/// everything within bounds.
pub(super) fn refit(state: &mut State, ctx: &Context, anchor: Option<u32>) {
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
    state.hscroll = state.hscroll.min(max_hscroll(state, ctx));
    sidebar::keep_in_view(state, ctx);
}

/// The scroll position that puts guide line `line` (or the first after it) at the top.
fn scroll_for(state: &State, ctx: &Context, line: u32) -> usize {
    let Some(width) = state.width else { return 0 };
    match ctx.pages.get(state.doc, width) {
        Ok(laid) => laid.source.iter().position(|&s| s >= line).unwrap_or(0),
        Err(_) => 0,
    }
}

/// The guide line shown at the top of the lesson pane, to find again after a re-layout.
/// A page never laid out at this width was never seen there: it has none.
pub(super) fn top_line(state: &State, ctx: &Context) -> Option<u32> {
    let laid = ctx.pages.cached(state.doc, state.width?)?;
    laid.source
        .get(state.scroll..)?
        .iter()
        .copied()
        .find(|&s| s > 0)
}

fn wheel(state: &mut State, ctx: &Context, x: u16, y: u16, lines: i16) {
    let Some(areas) = state.areas() else { return };
    let by = lines.unsigned_abs() as usize;
    if contains(areas.toc, x, y) {
        sidebar::scroll(state, ctx, lines);
    } else if areas.output.is_some_and(|o| contains(o, x, y)) {
        run::scroll_output(state, lines);
    } else if contains(areas.lesson, x, y) {
        let target = if lines > 0 {
            state.scroll.saturating_add(by)
        } else {
            state.scroll.saturating_sub(by)
        };
        scroll_to(state, ctx, target);
    }
}

fn click(state: &mut State, ctx: &Context, x: u16, y: u16) {
    let Some(areas) = state.areas() else { return };
    if contains(areas.toc, x, y) {
        state.focus = Focus::Sidebar;
        sidebar::click(state, ctx, usize::from(y - areas.toc.y));
    } else if areas.sidebar.is_some_and(|r| contains(r, x, y)) {
        state.focus = Focus::Sidebar;
    } else if contains(areas.lesson, x, y) {
        state.focus = Focus::Lesson;
    }
}

pub(super) fn scroll_to(state: &mut State, ctx: &Context, target: usize) {
    let Some(width) = text_width(state) else {
        return;
    };
    let (lines, _) = ctx.pages.extent(state.doc, width);
    let max = lines.saturating_sub(page_height(state));
    state.scroll = target.min(max);
}

fn max_hscroll(state: &State, ctx: &Context) -> usize {
    let (Some(areas), Some(width)) = (state.areas(), text_width(state)) else {
        return 0;
    };
    let (_, widest) = ctx.pages.extent(state.doc, width);
    widest.saturating_sub(usize::from(areas.body.width))
}

/// Rows the focused pane shows at once.
pub(super) fn page_height(state: &State) -> usize {
    match (state.areas(), state.focus) {
        (Some(a), Focus::Sidebar) => usize::from(a.toc.height),
        (Some(a), Focus::Lesson) => usize::from(a.body.height),
        (None, _) => 1,
    }
}

fn text_width(state: &State) -> Option<usize> {
    state.areas().map(|a| a.text_width())
}

#[cfg(test)]
mod tests;
