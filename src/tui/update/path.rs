//! The learning path's page: the checklist of the path's items with the ticks from the
//! store, the lessons that teach each, and keys to choose, tick and open them. The
//! contents' "Learning Path" entry and `p` both open it; it is the only checklist.

use super::navigate::{back, go_to, leave_here, open};
use super::{Context, page_height, progress};
use crate::guide::{GuideLine, Item};
use crate::progress::Change;
use crate::tui::action::{Action, Effect};
use crate::tui::book::{Book, PathRow};
use crate::tui::finder::Taught;
use crate::tui::geometry::contains;
use crate::tui::keymap::key_for;
use crate::tui::state::State;

/// `p`: the learning path's page; on it, back where the reader was.
pub(super) fn open_path(state: &mut State, ctx: &Context) {
    match state.path_page {
        Some(_) if state.on_path() => leave(state, ctx),
        Some(page) => open(state, ctx, page),
        None => state.message = Some("this guide has no learning path".into()),
    }
}

/// Esc or `p` on the path: back to the place it was opened from (by a jump, `]` or `[`).
fn leave(state: &mut State, ctx: &Context) {
    let from = state.path.from;
    if from.is_some() && state.history.behind() == from {
        back(state, ctx);
    } else if let Some(from) = from {
        leave_here(state, ctx);
        go_to(state, ctx, from);
    } else {
        let (next, previous) = (key_for(Action::NextPage), key_for(Action::PreviousPage));
        state.message = Some(format!(
            "this is where the tutor opened; {next} and {previous} turn the page"
        ));
    }
}

/// Keys on the learning path's page while it has focus; `None` for keys that mean what
/// they mean on any page.
pub(super) fn on_path(state: &mut State, action: &Action, ctx: &Context) -> Option<Vec<Effect>> {
    let last = ctx.book.guide.items().count().saturating_sub(1);
    // About half a screen of items: each phase adds a heading and a gap.
    let page = (page_height(state) / 2).max(1);
    let item = state.path.item;
    match action {
        Action::Close | Action::LearningPath => leave(state, ctx),
        Action::Down => choose(state, item + 1, last),
        Action::Up => choose(state, item.saturating_sub(1), last),
        Action::PageDown | Action::HalfPageDown => choose(state, item + page, last),
        Action::PageUp | Action::HalfPageUp => choose(state, item.saturating_sub(page), last),
        Action::Wheel { x, y, lines } if over_the_path(state, *x, *y) => {
            let to = item.saturating_add_signed(isize::from(lines.signum()));
            choose(state, to, last);
        }
        Action::Top => choose(state, 0, last),
        Action::Bottom => choose(state, last, last),
        Action::Left | Action::Right => cycle_lesson(state, ctx, *action == Action::Right),
        Action::Tick => return Some(tick(state, ctx)),
        Action::Open => open_taught(state, ctx),
        Action::Click { x, y } => return click(state, ctx, *x, *y).then(Vec::new),
        _ => return None,
    }
    Some(Vec::new())
}

/// Whether (`x`, `y`) is on the path's rows (the wheel elsewhere scrolls what it is over).
fn over_the_path(state: &State, x: u16, y: u16) -> bool {
    state.areas().is_some_and(|a| contains(a.body, x, y))
}

/// A click on an item's row chooses it; `false` for a click elsewhere, which means what it
/// means on any page.
fn click(state: &mut State, ctx: &Context, x: u16, y: u16) -> bool {
    let Some(body) = state
        .areas()
        .map(|a| a.body)
        .filter(|_| over_the_path(state, x, y))
    else {
        return false;
    };
    let rows = ctx.book.path_rows();
    let first = Book::path_first_row(&rows, state.path.item, usize::from(body.height));
    if let Some(PathRow::Item(item)) = rows.get(first + usize::from(y - body.y)) {
        state.path.item = *item;
        state.path.lesson = 0;
    }
    true
}

fn choose(state: &mut State, item: usize, last: usize) {
    state.path.item = item.min(last);
    state.path.lesson = 0;
}

fn cycle_lesson(state: &mut State, ctx: &Context, right: bool) {
    let lessons = taught(ctx, state.path.item).len();
    if lessons > 0 {
        let by = if right { 1 } else { lessons - 1 };
        state.path.lesson = (state.path.lesson + by) % lessons;
    }
}

fn taught<'c>(ctx: &'c Context, item: usize) -> &'c [Taught] {
    ctx.finder.teaching().get(item).map_or(&[], Vec::as_slice)
}

fn chosen<'g>(state: &State, ctx: &Context<'_, 'g>) -> Option<&'g Item> {
    let guide: &'g crate::guide::Guide = ctx.book.guide;
    guide.items().nth(state.path.item)
}

/// The guide line of the chosen item: where the reader is on the path.
pub(super) fn chosen_line(state: &State, ctx: &Context) -> Option<GuideLine> {
    chosen(state, ctx).map(|item| GuideLine(item.lines.first))
}

/// The item guide line `line` shows on the path: the item written there, else the next one
/// (a phase's heading shows its first item), else the last.
pub(super) fn item_at_line(ctx: &Context, line: GuideLine) -> Option<usize> {
    let items = ctx.book.guide.items().count();
    let next = ctx.book.guide.items().position(|i| i.lines.last >= line.0);
    next.or(items.checked_sub(1))
}

/// Chooses the item guide line `line` shows (a search match, a place gone back to). The
/// item's lesson stays chosen when the item does.
pub(super) fn choose_line(state: &mut State, ctx: &Context, line: GuideLine) {
    if let Some(item) = item_at_line(ctx, line)
        && item != state.path.item
    {
        state.path.item = item;
        state.path.lesson = 0;
    }
}

/// Space: tick the chosen item, or untick it.
fn tick(state: &mut State, ctx: &Context) -> Vec<Effect> {
    let guide = ctx.book.guide;
    let Some(item) = chosen(state, ctx) else {
        return Vec::new();
    };
    let done = !state.progress.ticked(item);
    let change = Change::Tick {
        id: item.id.clone(),
        done,
    };
    let effect = progress::save(state, change);
    let count = guide.items().filter(|i| state.progress.ticked(i)).count();
    let total = guide.items().count();
    let mark = if done { "[x]" } else { "[ ]" };
    state.message = Some(format!("{mark} {}  ({count}/{total} done)", item.text));
    vec![effect]
}

/// Enter: the chosen lesson of the chosen item.
fn open_taught(state: &mut State, ctx: &Context) {
    let lessons = taught(ctx, state.path.item);
    match lessons.get(state.path.lesson).or(lessons.first()) {
        // Back from the lesson returns to this item.
        Some(taught) => open(state, ctx, taught.page),
        None => state.message = Some("no lesson of this guide teaches that item".into()),
    }
}
