//! Running a page's code blocks: `x`, the question before the first run, the events a run
//! sends, stopping it, and its output pane.

use super::navigate::{refit, top_line};
use super::{Context, blocks, progress};
use crate::guide::{CodeBlock, unrunnable_summary};
use crate::progress::Change;
use crate::run;
use crate::tui::action::{Action, Effect, RunOrder};
use crate::tui::keymap::key_for;
use crate::tui::state::{Overlay, RunView, State};

/// A run's events, which are not the user's: they leave the status bar's note alone.
pub(super) fn background(state: &mut State, action: &Action) -> Vec<Effect> {
    match action {
        Action::Ran { id, event } => {
            if let Some(view) = state.run.as_mut().filter(|v| v.id == *id) {
                view.take(event.clone());
            }
        }
        Action::RunFailed { id, why } => {
            if let Some(view) = state.run.as_mut().filter(|v| v.id == *id) {
                view.ended = Some(Err(why.clone()));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// `x`: runs the focused block, or else the first Python block on screen (else on the
/// page), asking first if this interpreter has never been allowed to.
pub(super) fn run_block(state: &mut State, ctx: &Context) -> Vec<Effect> {
    let code = ctx.book.code(state.page);
    let Some(i) = target(state, ctx, &code) else {
        return Vec::new();
    };
    blocks::focus(state, ctx, i);
    let python = match &state.python {
        Ok(python) => python.clone(),
        Err(why) => {
            state.message = Some(why.clone());
            return Vec::new();
        }
    };
    if !state.progress.allows(&python) {
        state.overlay = Some(Overlay::Consent);
        return Vec::new();
    }
    start(state, ctx, i)
}

/// The block `x` runs, or `None` with the reason on the status bar.
fn target(state: &mut State, ctx: &Context, code: &[CodeBlock]) -> Option<usize> {
    if let Some(i) = state.block.filter(|&i| i < code.len()) {
        if code[i].is_python() {
            return Some(i);
        }
        state.message = Some(format!(
            "this block is {}; only Python blocks run",
            code[i].kind_name()
        ));
        return None;
    }
    let python: Vec<usize> = (0..code.len()).filter(|&i| code[i].is_python()).collect();
    let on_screen = blocks::entry(state, ctx, true);
    let chosen = python
        .iter()
        .find(|&&i| i >= on_screen)
        .or(python.first())
        .copied();
    if chosen.is_none() {
        state.message = Some(
            match unrunnable_summary(ctx.book.guide.blocks(state.page)) {
                Some(what) => format!("this page has no Python to run, only {what}"),
                None => "this page has no code to run".into(),
            },
        );
    }
    chosen
}

/// The answer to the question: a yes is remembered and the block runs.
pub(super) fn consent(state: &mut State, ctx: &Context, action: Action) -> Vec<Effect> {
    match action {
        Action::Consent(true) => {
            state.overlay = None;
            let (Ok(python), Some(i)) = (state.python.clone(), state.block) else {
                return Vec::new();
            };
            let mut effects = vec![progress::save(state, Change::AllowPython(python))];
            effects.extend(start(state, ctx, i));
            effects
        }
        Action::Consent(false) => {
            state.overlay = None;
            let x = key_for(Action::RunBlock);
            state.message = Some(format!("nothing was run; {x} asks again"));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Starts block `i` of the page, replacing any run before it.
fn start(state: &mut State, ctx: &Context, i: usize) -> Vec<Effect> {
    let code = ctx.book.code(state.page);
    let Some(block) = code.get(i) else {
        return Vec::new();
    };
    state.runs += 1;
    let id = state.runs;
    let (name, label) = match ctx.book.lesson_id(state.page) {
        Some(lesson) => (
            run::script_name(lesson),
            format!("{lesson} · block {}", i + 1),
        ),
        None => {
            let page = ctx.book.short_name(state.page);
            ("guide".to_string(), format!("{page} · block {}", i + 1))
        }
    };
    let anchor = top_line(state, ctx);
    let opened = state.run.is_none();
    state.run = Some(RunView::new(id, label, state.now));
    if opened {
        // The lesson pane just got shorter.
        refit(state, ctx, anchor);
        blocks::focus(state, ctx, i);
    }
    vec![Effect::Run(RunOrder {
        id,
        code: block.text.to_string(),
        name,
    })]
}

/// Ctrl-C or Esc while a program runs: stop it.
pub(super) fn stop(state: &mut State) -> Vec<Effect> {
    match state.run.as_mut().filter(|v| v.running()) {
        Some(view) => {
            view.stopping = true;
            vec![Effect::StopRun]
        }
        None => Vec::new(),
    }
}

/// Esc after a run: the output pane closes and the lesson takes the room back.
pub(super) fn close(state: &mut State, ctx: &Context) -> bool {
    if state.run.is_none() {
        return false;
    }
    let anchor = top_line(state, ctx);
    state.run = None;
    refit(state, ctx, anchor);
    true
}

/// The mouse wheel over the output pane scrolls it by rows; scrolled to the end, it
/// follows the output again.
pub(super) fn scroll_output(state: &mut State, lines: i16) {
    let Some(output) = state.areas().and_then(|a| a.output) else {
        return;
    };
    let Some(view) = state.run.as_mut() else {
        return;
    };
    let width = usize::from(output.width.saturating_sub(4));
    let room = usize::from(output.height.saturating_sub(2));
    let last_top = view.rows(width).saturating_sub(room);
    let top = view.scroll.unwrap_or(last_top);
    let top = top.saturating_add_signed(isize::from(lines)).min(last_top);
    view.scroll = (top < last_top).then_some(top);
}
