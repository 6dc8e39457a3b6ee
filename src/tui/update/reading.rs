//! The reading rule in the tutor: time passes as [`Action::Clock`] says, counted while the
//! reader is there; what the screen shows counts after every action; a lesson read by
//! the rule is marked, once.

use std::time::Instant;

use super::Context;
use crate::progress::Change;
use crate::tui::state::{Reading, State};

/// The time is `now`: a run's clock moves, and reading time counts while the reader is
/// there and nothing covers the page.
pub(super) fn clock(state: &mut State, now: Instant) {
    state.now = now;
    let there = state.present && state.overlay.is_none();
    state.reading.tick(now, there);
}

/// The terminal gained or lost focus, or a key said the reader is there.
pub(super) fn present(state: &mut State, there: bool) {
    // Time up to now counted as it was; from now on, as it is.
    let (now, was) = (state.now, state.present && state.overlay.is_none());
    state.reading.tick(now, was);
    state.present = there;
}

/// Counts what the screen shows; the change that marks the lesson read, when the rule
/// says it is.
pub(super) fn observe(state: &mut State, ctx: &Context) -> Option<Change> {
    if state.reading.page != state.page {
        state.reading = Reading::new(state.page, state.now);
    }
    let laid = ctx.pages.get(state.page, state.width?).ok()?;
    let height = usize::from(state.areas()?.body.height);
    if state.overlay.is_none() {
        state.reading.saw(state.scroll, height, laid.lines.len());
    }
    let page = ctx.book.guide.page(state.page);
    page.lesson()?;
    if state.kept_unread == Some(state.page) || state.progress.read(&page.key) {
        return None;
    }
    if !state.reading.is_read(text_rows(&laid.source), height) {
        return None;
    }
    let note = format!("{} read ✓", page.key);
    state.message = Some(match state.message.take() {
        Some(message) => format!("{message} · {note}"),
        None => note,
    });
    // Keys that arrive at the same moment must not wipe it before it is seen.
    state.note_at = Some(state.now);
    Some(Change::Read {
        page: page.key.clone(),
        read: true,
    })
}

/// When the loop should wake with the time though nothing else happens: when the lesson
/// on screen will have been read for long enough.
pub fn wake_at(state: &State, ctx: &Context) -> Option<Instant> {
    let page = ctx.book.guide.page(state.page);
    page.lesson()?;
    let unmarked = state.kept_unread == Some(state.page);
    if !state.present || state.overlay.is_some() || unmarked || state.progress.read(&page.key) {
        return None;
    }
    let laid = ctx.pages.cached(state.page, state.width?)?;
    let height = usize::from(state.areas()?.body.height);
    state.reading.due(text_rows(&laid.source), height)
}

/// Rows that show the guide's text: what reading time is measured by.
fn text_rows(source: &[crate::guide::GuideLine]) -> usize {
    source.iter().filter(|line| line.is_real()).count()
}
