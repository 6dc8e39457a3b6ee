//! `update(state, action)`: every change to the screen's state, with no terminal in sight.

mod blocks;
mod navigate;
mod path;
mod progress;
mod reading;
mod run;
mod search;
mod sidebar;

pub use navigate::top_line;
pub use progress::begin;
pub use reading::wake_at;

use ratatui::layout::Size;

use super::action::{Action, Effect};
use super::book::Book;
use super::finder::Finder;
use super::geometry::{self, contains};
use super::keymap;
use super::pages::Pages;
use super::state::{Focus, Overlay, State};
use super::theme::Styles;
use navigate::{open, refit, resize, scroll_to};

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
    let was = state.page;
    let mut effects = match action {
        // The store's answers and a run's events are not keys: they leave the note on
        // screen alone.
        Action::Saved { .. } | Action::NotSaved { .. } => {
            progress::answered(state, action);
            return Vec::new();
        }
        Action::Ran { .. } | Action::RunFailed { .. } => return run::background(state, &action),
        Action::Clock(now) => {
            reading::clock(state, now);
            Vec::new()
        }
        Action::Present(there) => {
            reading::present(state, there);
            Vec::new()
        }
        action => {
            // A key or a click: the reader is at the terminal. A resize may be a window
            // manager's doing while the reader is away: it says nothing either way.
            if !matches!(action, Action::Resize(..)) {
                reading::present(state, true);
            }
            let effects = global(state, action, ctx);
            navigate::tell_the_way_back(state, ctx);
            effects
        }
    };
    progress::after(state, ctx, was, &mut effects);
    effects
}

/// Quitting, suspending, resizing and Ctrl-C mean the same wherever the reader is: they
/// are handled here, once, before any overlay sees an action.
fn global(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    match action {
        Action::Quit => vec![Effect::Quit],
        Action::Interrupt if state.running() => {
            state.message = None;
            run::stop(state)
        }
        Action::Interrupt => vec![Effect::Quit],
        Action::Suspend => {
            // Away at the shell: reading time stops until a key comes back.
            reading::present(state, false);
            vec![Effect::Suspend]
        }
        Action::Resize(w, h) => {
            resize(state, ctx, Size::new(w, h));
            Vec::new()
        }
        action => dispatch(state, action, ctx),
    }
}

fn dispatch(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    if state.note_at != Some(state.now) {
        state.message = None;
    }
    if state.areas().is_none() {
        // Nothing can be seen to change while the "too small" notice is up.
        return Vec::new();
    }
    match state.overlay {
        Some(Overlay::Help { .. }) => return help(state, action),
        Some(Overlay::Search) => return search::in_box(state, action, ctx),
        Some(Overlay::Consent) => return run::consent(state, ctx, action),
        None => {}
    }
    if state.on_path()
        && state.focus == Focus::Lesson
        && let Some(effects) = path::on_path(state, &action, ctx)
    {
        return effects;
    }
    main_screen(state, action, ctx)
}

/// Keys on the main screen, with no overlay.
fn main_screen(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    match action {
        Action::ToggleHelp => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Close if state.running() => return run::stop(state),
        Action::Close => close(state, ctx),
        Action::Search => search::open_box(state, ctx),
        Action::NextMatch => search::step(state, ctx, true),
        Action::PreviousMatch => search::step(state, ctx, false),
        Action::FocusNext => blocks::focus_next(state, ctx),
        Action::FocusPrevious => blocks::focus_previous(state, ctx),
        Action::NextBlock => blocks::step(state, ctx, true),
        Action::PreviousBlock => blocks::step(state, ctx, false),
        Action::RunBlock => return run::run_block(state, ctx),
        Action::LearningPath => path::open_path(state, ctx),
        Action::ToggleRead => return progress::toggle_read(state, ctx),
        Action::Continue => progress::continue_reading(state, ctx),
        Action::Back => navigate::back(state, ctx),
        Action::Forward => navigate::forward(state, ctx),
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
            let (enter, tab) = (
                keymap::key_for(Action::Open),
                keymap::key_for(Action::FocusNext),
            );
            state.message = Some(format!(
                "{enter} opens a lesson in the contents; {tab} goes there"
            ));
        }
        Action::NextPage => navigate::turn(state, ctx, 1),
        Action::PreviousPage => navigate::turn(state, ctx, -1),
        Action::Section(n) => match ctx.book.guide.opening_page(n) {
            Some(page) => open(state, ctx, page),
            None => state.message = Some(format!("there is no section {n}")),
        },
        Action::Wheel { x, y, lines } => wheel(state, ctx, x, y, lines),
        Action::Click { x, y } => click(state, ctx, x, y),
        Action::Unbound(key) => {
            let help = keymap::key_for(Action::ToggleHelp);
            state.message = Some(format!(
                "{key} does nothing here; press {help} to see the keys"
            ));
        }
        // Handled before any screen sees them, or meaningful only in an overlay.
        Action::Quit
        | Action::Suspend
        | Action::Interrupt
        | Action::Resize(..)
        | Action::Edit(_)
        | Action::Tick
        | Action::Consent(_)
        | Action::Clock(_)
        | Action::Present(_)
        | Action::Saved { .. }
        | Action::NotSaved { .. }
        | Action::Ran { .. }
        | Action::RunFailed { .. } => {}
    }
    Vec::new()
}

/// Keys while the help overlay is open: scroll it or close it.
fn help(state: &mut State, action: Action) -> Vec<Effect> {
    let Some(Overlay::Help { scroll }) = state.overlay else {
        return Vec::new();
    };
    let (rows, max) = help_rows_and_last_top(state);
    let moved = |by: isize| {
        Some(Overlay::Help {
            scroll: scroll.saturating_add_signed(by).min(max),
        })
    };
    state.overlay = match action {
        Action::ToggleHelp | Action::Close | Action::Click { .. } => None,
        Action::Down => moved(1),
        Action::Up => moved(-1),
        Action::PageDown | Action::HalfPageDown => moved(rows as isize),
        Action::PageUp | Action::HalfPageUp => moved(-(rows as isize)),
        Action::Top => moved(isize::MIN),
        Action::Bottom => moved(isize::MAX),
        Action::Wheel { lines, .. } => moved(lines as isize),
        _ => state.overlay,
    };
    Vec::new()
}

/// After a resize: help scrolled no further than its last rows.
fn fit_help(state: &mut State) {
    if let Some(Overlay::Help { scroll }) = state.overlay {
        let (_, max) = help_rows_and_last_top(state);
        state.overlay = Some(Overlay::Help {
            scroll: scroll.min(max),
        });
    }
}

/// The rows the help box shows at once, and the furthest it scrolls.
fn help_rows_and_last_top(state: &State) -> (usize, usize) {
    let lines = keymap::help_rows().len();
    let rows = geometry::help_rows(state.size, lines);
    (rows, lines.saturating_sub(rows))
}

/// Esc on the page: close a run's output, else unmark the matches, else leave the code
/// block that has focus.
fn close(state: &mut State, ctx: &Context) {
    if run::close(state, ctx) {
        return;
    }
    if search::unmark(state) {
        let n = keymap::key_for(Action::NextMatch);
        state.message = Some(format!("matches unmarked; {n} marks them again"));
    } else if state.block.take().is_none() {
        let q = keymap::key_for(Action::Quit);
        state.message = Some(format!("nothing to close; {q} quits"));
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

pub(super) fn max_hscroll(state: &State, ctx: &Context) -> usize {
    let (Some(areas), Some(width)) = (state.areas(), text_width(state)) else {
        return 0;
    };
    let (_, widest) = ctx.pages.extent(state.page, width);
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

pub(super) fn text_width(state: &State) -> Option<usize> {
    state.areas().map(|a| a.text_width())
}

#[cfg(test)]
mod tests;
