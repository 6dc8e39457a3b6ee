//! Progress in the tutor: lessons read, where reading stopped, and the store's answers.
//! Each change is made here at once, so the screen never waits, and handed to the loop
//! as [`Effect::Save`]; the saver thread's answer comes back as an action.

use super::navigate::{open, reading_line, resume_at, show};
use super::{Context, reading};
use crate::guide::{GuideLine, PageId};
use crate::progress::{Change, Progress};
use crate::tui::action::{Action, Effect};
use crate::tui::keymap::key_for;
use crate::tui::state::{Reading, State, UNSTAMPED};

/// The tutor starting on `progress`: each page remembers where it was left, and the tutor
/// opens where reading stopped, with `note` (a store moved aside, one that cannot be
/// written) in the status bar.
pub fn begin(state: &mut State, ctx: &Context, progress: Progress, note: Option<String>) {
    let guide = ctx.book.guide;
    for page in guide.pages() {
        if let Some(mark) = progress.pages.get(&page.key).filter(|m| m.line.is_real()) {
            state.places[page.id.index()] = Some(mark.line);
        }
    }
    let last = progress.last.clone();
    state.progress = progress;
    state.message = note;
    // A page this guide no longer has (an edited guide) leaves the tutor at home.
    let Some(last) = last else { return };
    let Ok(page) = guide.find_page(&last.page) else {
        return;
    };
    // The last place is the freshest word on where this page was left.
    state.places[page.index()] = Some(last.line);
    if page == state.page {
        resume_at(state, ctx, last.line);
    }
    show(state, ctx, page);
    state.reading = Reading::new(page, state.now);
}

/// Hands `change` to the store, showing it at once: the effect for the loop. Changes the
/// store refused before go with it.
pub(super) fn save(state: &mut State, change: Change) -> Effect {
    state.progress.apply(&change, UNSTAMPED);
    let (seq, changes) = state.saves.push(change);
    Effect::Save { seq, changes }
}

/// What every action ends with: the lesson on screen marked read once the reading rule
/// says so, and places saved when a page is left (that one's, and the new one's as where
/// reading stopped) or the tutor quits.
pub(super) fn after(state: &mut State, ctx: &Context, was: PageId, effects: &mut Vec<Effect>) {
    if state.kept_unread.is_some_and(|page| page != state.page) {
        state.kept_unread = None;
    }
    let mut changes: Vec<Change> = reading::observe(state, ctx).into_iter().collect();
    let quitting = effects.iter().position(|e| *e == Effect::Quit);
    if state.page != was {
        let left_at = state.places.get(was.index()).copied().flatten();
        changes.push(place(ctx, was, left_at));
    }
    if state.page != was || quitting.is_some() {
        // Not laid out at this size (a terminal too small to draw in): where it was.
        let line = reading_line(state, ctx).or(state.places[state.page.index()]);
        changes.push(place(ctx, state.page, line));
    }
    // After the action's own saves and before quitting, in the order they are numbered:
    // the store's answer for one save speaks for every save before it.
    let at = quitting.unwrap_or(effects.len());
    for (i, change) in changes.into_iter().enumerate() {
        let effect = save(state, change);
        effects.insert(at + i, effect);
    }
}

/// Page `page` left with `line` at the top (its heading when it was never scrolled).
fn place(ctx: &Context, page: PageId, line: Option<GuideLine>) -> Change {
    let page = ctx.book.guide.page(page);
    Change::Place {
        page: page.key.clone(),
        line: line.unwrap_or(page.line),
    }
}

/// The store's answer to a save.
pub(super) fn answered(state: &mut State, action: Action) {
    match action {
        Action::Saved { seq, progress } => state.progress = state.saves.saved(seq, progress),
        Action::NotSaved { seq, why } => {
            state.saves.not_saved(seq, &why);
            if !state.told_not_saved {
                state.told_not_saved = true;
                state.message = Some(format!("progress not saved: {why}"));
                // A key that came with the answer must not wipe it unseen.
                state.note_at = Some(state.now);
            }
        }
        _ => {}
    }
}

/// `m`: the lesson on screen read, or unread again.
pub(super) fn toggle_read(state: &mut State, ctx: &Context) -> Vec<Effect> {
    if ctx.book.lesson_id(state.page).is_none() {
        let m = key_for(Action::ToggleRead);
        state.message = Some(format!("{m} marks lessons read; this page is not a lesson"));
        return Vec::new();
    }
    let page = ctx.book.guide.page(state.page).key.clone();
    let read = !state.progress.read(&page);
    // Unread by hand stays unread while the page is open, though it is read again.
    state.kept_unread = (!read).then_some(state.page);
    state.message = Some(match read {
        true => format!("{page} marked read ✓"),
        false => format!("{page} marked not read ○"),
    });
    vec![save(state, Change::Read { page, read })]
}

/// `c`: the first lesson not read, in reading order. Opening it marks nothing.
pub(super) fn continue_reading(state: &mut State, ctx: &Context) {
    let guide = ctx.book.guide;
    let unread = ctx
        .book
        .lesson_pages()
        .map(|(page, _)| guide.page(page))
        .find(|page| !state.progress.read(&page.key));
    match unread {
        Some(page) => {
            open(state, ctx, page.id);
            state.message = Some(format!("{}: the first lesson not read yet", page.key));
        }
        None => state.message = Some("every lesson is read ✓".into()),
    }
}
