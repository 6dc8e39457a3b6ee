//! Progress in the tutor: the learning path's ticks, lessons marked read, where reading
//! stopped. Each change is made here at once, so the screen never waits, and handed to the
//! loop as [`Effect::Save`]; the store's answer comes back as an action.

use super::{Context, open, page_height, resize, scroll_for, scroll_to, top_line};
use crate::progress::{Change, Progress, now};
use crate::tui::action::{Action, Effect};
use crate::tui::book::DocId;
use crate::tui::state::{Overlay, State};

/// The tutor starting on `progress`: back at the lesson and line where reading stopped,
/// with `note` (a store moved aside, one that cannot be written) in the status bar.
pub fn begin(state: &mut State, ctx: &Context, progress: Progress, note: Option<String>) {
    let last = progress.last.clone();
    state.progress = progress;
    state.message = note;
    let Some(last) = last else { return };
    let found = ctx
        .book
        .lesson_pages()
        .find(|(_, id)| id.to_string() == last.lesson);
    if let Some((doc, _)) = found {
        open(state, ctx, doc);
        let row = scroll_for(state, ctx, last.scroll);
        scroll_to(state, ctx, row);
        state.focus = crate::tui::state::Focus::Lesson;
    }
}

/// What every action ends with: the lesson on screen marked read once its end has been
/// seen, and the place saved when a lesson is opened or the tutor quits.
pub(super) fn after(state: &mut State, ctx: &Context, was: DocId, effects: &mut Vec<Effect>) {
    if state.kept_unread.is_some_and(|doc| doc != state.doc) {
        state.kept_unread = None;
    }
    if let Some(change) = read_to_the_end(state, ctx) {
        effects.insert(0, Effect::Save(change));
    }
    let quitting = effects.iter().position(|e| *e == Effect::Quit);
    if (state.doc != was || quitting.is_some())
        && let Some(change) = place(state, ctx)
    {
        state.progress.apply(&change, &now());
        effects.insert(quitting.unwrap_or(effects.len()), Effect::Save(change));
    }
}

/// A lesson whose last line is on screen is read.
fn read_to_the_end(state: &mut State, ctx: &Context) -> Option<Change> {
    let lesson = ctx.book.lesson_id(state.doc)?.to_string();
    let width = state.width?;
    if state.overlay.is_some()
        || state.kept_unread == Some(state.doc)
        || state.progress.read(&lesson)
    {
        return None;
    }
    let (lines, _) = ctx.pages.extent(state.doc, width);
    if state.scroll + page_height(state) < lines {
        return None;
    }
    let change = Change::Read {
        lesson: lesson.clone(),
        read: true,
    };
    state.progress.apply(&change, &now());
    state
        .message
        .get_or_insert_with(|| format!("{lesson} read ✓"));
    Some(change)
}

fn place(state: &State, ctx: &Context) -> Option<Change> {
    Some(Change::Place {
        lesson: ctx.book.lesson_id(state.doc)?.to_string(),
        scroll: top_line(state, ctx).unwrap_or(0),
    })
}

/// The store's answer to a save.
pub(super) fn answered(state: &mut State, action: Action) {
    match action {
        Action::Saved(progress) => state.progress = progress,
        Action::NotSaved(reason) if !state.told_not_saved => {
            state.told_not_saved = true;
            state.message = Some(format!("progress not saved: {reason}"));
        }
        _ => {}
    }
}

/// `m`: the lesson on screen read, or unread again.
pub(super) fn toggle_read(state: &mut State, ctx: &Context) -> Vec<Effect> {
    let Some(id) = ctx.book.lesson_id(state.doc) else {
        state.message = Some("m marks lessons read; this page is not a lesson".into());
        return Vec::new();
    };
    let lesson = id.to_string();
    let read = !state.progress.read(&lesson);
    // Unread by hand stays unread while the page is open, though its end is on screen.
    state.kept_unread = (!read).then_some(state.doc);
    let change = Change::Read {
        lesson: lesson.clone(),
        read,
    };
    state.progress.apply(&change, &now());
    state.message = Some(match read {
        true => format!("{lesson} marked read ✓"),
        false => format!("{lesson} marked not read ○"),
    });
    vec![Effect::Save(change)]
}

/// `c`: the first lesson not read, in reading order.
pub(super) fn continue_reading(state: &mut State, ctx: &Context) {
    let unread = ctx
        .book
        .lesson_pages()
        .find(|(_, id)| !state.progress.read(&id.to_string()));
    match unread {
        Some((doc, id)) => {
            open(state, ctx, doc);
            state.message = Some(format!("{id}: the first lesson not read yet"));
        }
        None => state.message = Some("every lesson is read ✓".into()),
    }
}

/// `p`: the learning path, over the lesson pane.
pub(super) fn open_path(state: &mut State) {
    state.overlay = Some(Overlay::Path);
}

/// Keys while the learning path is open.
pub(super) fn on_path(state: &mut State, action: Action, ctx: &Context) -> Vec<Effect> {
    let items = ctx.book.guide.items().count();
    let last = items.saturating_sub(1);
    // About half a screen of items: each phase adds a heading and a gap.
    let page = (page_height(state) / 2).max(1);
    let choose = |state: &mut State, item: usize| {
        state.path.item = item.min(last);
        state.path.lesson = 0;
    };
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::Suspend => return vec![Effect::Suspend],
        Action::Close | Action::LearningPath => state.overlay = None,
        Action::Down => choose(state, state.path.item + 1),
        Action::Up => choose(state, state.path.item.saturating_sub(1)),
        Action::PageDown => choose(state, state.path.item + page),
        Action::PageUp => choose(state, state.path.item.saturating_sub(page)),
        Action::Top => choose(state, 0),
        Action::Bottom => choose(state, last),
        Action::Left | Action::Right => {
            let lessons = taught(ctx, state.path.item).len();
            if lessons > 0 {
                let by = if action == Action::Right {
                    1
                } else {
                    lessons - 1
                };
                state.path.lesson = (state.path.lesson + by) % lessons;
            }
        }
        Action::Tick => return tick(state, ctx),
        Action::Open => open_taught(state, ctx),
        Action::Resize(w, h) => resize(state, ctx, ratatui::layout::Size::new(w, h)),
        _ => {}
    }
    Vec::new()
}

fn taught<'c>(ctx: &'c Context, item: usize) -> &'c [crate::tui::finder::Taught] {
    ctx.finder.teaching().get(item).map_or(&[], Vec::as_slice)
}

/// Space: tick the chosen item, or untick it.
fn tick(state: &mut State, ctx: &Context) -> Vec<Effect> {
    let guide = ctx.book.guide;
    let Some(item) = guide.items().nth(state.path.item) else {
        return Vec::new();
    };
    let done = !state.progress.done(&item.id);
    let change = Change::Tick {
        id: item.id.clone(),
        done,
    };
    state.progress.apply(&change, &now());
    let count = guide.items().filter(|i| state.progress.done(&i.id)).count();
    let total = guide.items().count();
    let mark = if done { "[x]" } else { "[ ]" };
    state.message = Some(format!("{mark} {}  ({count}/{total} done)", item.text));
    vec![Effect::Save(change)]
}

/// Enter: the chosen lesson of the chosen item.
fn open_taught(state: &mut State, ctx: &Context) {
    let lessons = taught(ctx, state.path.item);
    match lessons.get(state.path.lesson).or(lessons.first()) {
        Some(taught) => {
            state.overlay = None;
            open(state, ctx, taught.doc);
        }
        None => state.message = Some("no lesson of this guide teaches that item".into()),
    }
}
