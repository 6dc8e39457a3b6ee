use super::*;
use crate::guide::{Guide, load};
use crate::render::{ColorMode, Theme, ThemeKind};
use crate::tui::book::Entry;
use crate::tui::with_context;

mod global;
mod history;
mod reading;
mod sidebar;

/// Runs `f` on a fresh tutor over the real guide in a `width`×`height` terminal.
fn with_tutor(width: u16, height: u16, f: impl FnOnce(&mut State, &Context)) {
    let guide: Guide = load::builtin().unwrap().guide;
    let theme = Theme::new(ThemeKind::Dark, ColorMode::Monochrome);
    with_context(&guide, &theme, |ctx| {
        let mut state = State::new(ctx.book, Size::new(width, height));
        f(&mut state, ctx);
    });
}

/// Opens lesson `id` the way a person would: its section's digit, then `]` to it.
fn open_lesson(state: &mut State, ctx: &Context, id: &str) {
    let (section, lesson) = id.split_once('.').unwrap();
    act(state, ctx, &[Action::Section(section.parse().unwrap())]);
    for _ in 1..lesson.parse::<usize>().unwrap() {
        act(state, ctx, &[Action::NextPage]);
    }
    assert_eq!(shown(state, ctx), id);
}

fn act(state: &mut State, ctx: &Context, actions: &[Action]) {
    for action in actions {
        let effects = update(state, action.clone(), ctx);
        // Opening a lesson saves the place; nothing else reaches the loop.
        let saves = effects.iter().all(|e| matches!(e, Effect::Save { .. }));
        assert!(saves, "{action:?}: {effects:?}");
    }
}

/// The id of the lesson on screen ("2.4"), or the page's label.
fn shown(state: &State, ctx: &Context) -> String {
    ctx.book.short_name(state.page)
}

fn lines(state: &State, ctx: &Context) -> usize {
    ctx.pages.extent(state.page, state.width.unwrap()).0
}

fn body_height(state: &State) -> usize {
    usize::from(state.areas().unwrap().body.height)
}

#[test]
fn the_tutor_opens_on_the_home_page_with_the_contents_folded() {
    with_tutor(120, 40, |state, ctx| {
        assert_eq!(state.page, ctx.book.guide.home());
        assert_eq!(state.focus, Focus::Sidebar);
        assert!(state.expanded.iter().all(|open| !open));
        assert_eq!(state.selected, Entry::Page(ctx.book.guide.home()));
    });
}

#[test]
fn digits_open_a_sections_first_lesson_and_reveal_it() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Section(2)]);
        assert_eq!(shown(state, ctx), "2.1");
        assert_eq!(state.focus, Focus::Lesson);
        assert!(state.expanded[1]);
        assert_eq!(state.selected, Entry::Page(state.page));
        act(state, ctx, &[Action::Section(9)]);
        assert_eq!(shown(state, ctx), "2.1");
        assert_eq!(state.message.as_deref(), Some("there is no section 9"));
    });
}

#[test]
fn pages_turn_across_section_boundaries() {
    with_tutor(120, 40, |state, ctx| {
        open_lesson(state, ctx, "2.4");
        assert_eq!(shown(state, ctx), "2.4");
        act(state, ctx, &[Action::Section(1)]);
        act(state, ctx, &vec![Action::NextPage; 5]);
        assert_eq!(shown(state, ctx), "2.1", "1.5 is followed by 2.1");
        act(state, ctx, &[Action::PreviousPage]);
        assert_eq!(shown(state, ctx), "1.5");
        act(state, ctx, &vec![Action::PreviousPage; 5]);
        assert_eq!(state.page, ctx.book.guide.home());
        act(state, ctx, &[Action::PreviousPage]);
        assert_eq!(state.message.as_deref(), Some("this is the first page"));
        act(state, ctx, &[Action::Bottom]);
        let last = ctx.book.guide.pages().len() - 1;
        for _ in 0..last {
            act(state, ctx, &[Action::NextPage]);
        }
        assert_eq!(state.page.index(), last);
        assert_eq!(shown(state, ctx), "Resources");
        act(state, ctx, &[Action::NextPage]);
        assert_eq!(state.page.index(), last);
        assert_eq!(state.message.as_deref(), Some("this is the last page"));
    });
}

#[test]
fn scrolling_stops_at_both_ends() {
    with_tutor(80, 24, |state, ctx| {
        open_lesson(state, ctx, "6.3");
        let max = lines(state, ctx) - body_height(state);
        act(state, ctx, &[Action::Up, Action::PageUp]);
        assert_eq!(state.scroll, 0);
        act(state, ctx, &[Action::Down, Action::Down]);
        assert_eq!(state.scroll, 2);
        act(state, ctx, &[Action::PageDown]);
        assert_eq!(state.scroll, 2 + body_height(state) - 2);
        act(state, ctx, &[Action::Bottom]);
        assert_eq!(state.scroll, max);
        act(
            state,
            ctx,
            &[Action::Down, Action::PageDown, Action::HalfPageDown],
        );
        assert_eq!(state.scroll, max);
        act(state, ctx, &[Action::Top]);
        assert_eq!(state.scroll, 0);
        // A new page opens at its top.
        act(state, ctx, &[Action::Bottom, Action::NextPage]);
        assert_eq!(state.scroll, 0);
    });
}

#[test]
fn a_page_shorter_than_the_pane_does_not_scroll() {
    with_tutor(200, 60, |state, ctx| {
        act(state, ctx, &[Action::Section(1)]);
        assert!(lines(state, ctx) < body_height(state));
        act(state, ctx, &[Action::Bottom, Action::Down]);
        assert_eq!(state.scroll, 0);
    });
}

#[test]
fn resizing_keeps_the_reading_place() {
    with_tutor(120, 40, |state, ctx| {
        open_lesson(state, ctx, "2.4");
        act(state, ctx, &vec![Action::Down; 20]);
        let top = top_line(state, ctx).unwrap();
        act(state, ctx, &[Action::Resize(70, 30)]);
        let narrow_top = top_line(state, ctx).unwrap();
        assert!(
            narrow_top >= top && narrow_top.0 - top.0 <= 1,
            "{top} → {narrow_top}"
        );
        act(state, ctx, &[Action::Resize(30, 8)]);
        assert!(state.areas().is_none());
        act(state, ctx, &[Action::Down, Action::Resize(120, 40)]);
        assert_eq!(top_line(state, ctx), Some(top));
    });
}

#[test]
fn growing_the_terminal_pulls_the_page_back_into_bounds() {
    with_tutor(80, 20, |state, ctx| {
        act(state, ctx, &[Action::Section(2), Action::Bottom]);
        act(state, ctx, &[Action::Resize(200, 60)]);
        assert!(state.scroll <= lines(state, ctx).saturating_sub(body_height(state)));
    });
}

#[test]
fn tab_switches_focus_unless_the_contents_are_hidden() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::FocusNext]);
        assert_eq!(state.focus, Focus::Lesson);
        act(state, ctx, &[Action::FocusNext]);
        assert_eq!(state.focus, Focus::Sidebar);
        act(state, ctx, &[Action::ToggleSidebar]);
        assert!(!state.sidebar);
        assert_eq!(state.focus, Focus::Lesson);
        act(state, ctx, &[Action::FocusNext]);
        assert_eq!(state.focus, Focus::Lesson);
        act(state, ctx, &[Action::ToggleSidebar, Action::FocusNext]);
        assert_eq!(state.focus, Focus::Sidebar);
    });
}

#[test]
fn help_opens_scrolls_and_closes() {
    with_tutor(80, 20, |state, ctx| {
        act(state, ctx, &[Action::ToggleHelp]);
        assert_eq!(state.overlay, Some(Overlay::Help { scroll: 0 }));
        // Keys for the page underneath do nothing while help is open.
        act(state, ctx, &[Action::NextPage, Action::Down, Action::Down]);
        assert_eq!(state.page, ctx.book.guide.home());
        assert_eq!(state.overlay, Some(Overlay::Help { scroll: 2 }));
        act(state, ctx, &[Action::Bottom, Action::Down]);
        let Some(Overlay::Help { scroll }) = state.overlay else {
            panic!("help closed")
        };
        let rows = keymap::help_rows().len();
        assert_eq!(scroll, rows - geometry::help_rows(state.size, rows));
        act(state, ctx, &[Action::Close]);
        assert_eq!(state.overlay, None);
        act(state, ctx, &[Action::ToggleHelp, Action::ToggleHelp]);
        assert_eq!(state.overlay, None);
        act(state, ctx, &[Action::ToggleHelp]);
        assert_eq!(quits(update(state, Action::Quit, ctx)), [Effect::Quit]);
    });
}

#[test]
fn wide_diagrams_scroll_sideways_only_as_far_as_they_go() {
    with_tutor(80, 24, |state, ctx| {
        open_lesson(state, ctx, "2.4");
        let body = usize::from(state.areas().unwrap().body.width);
        let widest = ctx.pages.extent(state.page, state.width.unwrap()).1;
        assert!(
            widest > body,
            "the GIL diagram is wider than an 80-column pane"
        );
        act(state, ctx, &[Action::Right]);
        assert_eq!(state.hscroll, SIDEWAYS.min(widest - body));
        act(state, ctx, &vec![Action::Right; 20]);
        assert_eq!(state.hscroll, widest - body);
        act(state, ctx, &vec![Action::Left; 20]);
        assert_eq!(state.hscroll, 0);
    });
}

#[test]
fn an_unbound_key_earns_a_hint_until_the_next_key() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Unbound("z".into())]);
        assert_eq!(
            state.message.as_deref(),
            Some("z does nothing here; press ? to see the keys")
        );
        act(state, ctx, &[Action::Down]);
        assert_eq!(state.message, None);
    });
}

#[test]
fn quitting_is_an_effect_for_the_loop() {
    with_tutor(120, 40, |state, ctx| {
        assert_eq!(quits(update(state, Action::Quit, ctx)), [Effect::Quit]);
    });
}

/// The effects but the saves (quitting saves the place first).
fn quits(effects: Vec<Effect>) -> Vec<Effect> {
    let others = effects.into_iter();
    others
        .filter(|e| !matches!(e, Effect::Save { .. }))
        .collect()
}

#[test]
fn keys_wait_while_the_terminal_is_too_small() {
    with_tutor(40, 10, |state, ctx| {
        act(
            state,
            ctx,
            &[Action::ToggleHelp, Action::Section(3), Action::Down],
        );
        assert_eq!(state.overlay, None);
        assert_eq!(state.page, ctx.book.guide.home());
        assert_eq!(state.selected, Entry::Page(ctx.book.guide.home()));
        assert_eq!(quits(update(state, Action::Quit, ctx)), [Effect::Quit]);
        assert_eq!(update(state, Action::Suspend, ctx), [Effect::Suspend]);
        act(state, ctx, &[Action::Resize(100, 30), Action::Section(3)]);
        assert_eq!(shown(state, ctx), "3.1");
    });
}

#[test]
fn keys_that_cannot_act_say_why() {
    with_tutor(100, 30, |state, ctx| {
        open_lesson(state, ctx, "1.2");
        act(state, ctx, &[Action::Open]);
        assert!(state.message.as_deref().unwrap().contains("Tab goes there"));
        act(state, ctx, &[Action::ToggleSidebar, Action::FocusNext]);
        assert_eq!((state.block, state.message.as_deref()), (Some(0), None));
        // Past the last code block the ring comes back to the lesson, the contents hidden.
        act(state, ctx, &[Action::FocusNext]);
        assert_eq!((state.block, state.focus), (None, Focus::Lesson));
        open_lesson(state, ctx, "2.1");
        act(state, ctx, &[Action::FocusNext]);
        assert_eq!(
            state.message.as_deref(),
            Some("the contents are hidden; s shows them")
        );
    });
}

#[test]
fn a_page_opens_where_it_was_left() {
    with_tutor(80, 24, |state, ctx| {
        open_lesson(state, ctx, "1.3");
        act(state, ctx, &[Action::HalfPageDown]);
        let place = state.scroll;
        assert!(place > 0);
        act(state, ctx, &[Action::NextPage]);
        assert_eq!(state.scroll, 0, "1.4 was never read: it opens at its top");
        act(state, ctx, &[Action::PreviousPage]);
        assert_eq!(shown(state, ctx), "1.3");
        assert_eq!(state.scroll, place);
        // Left at another width, the same guide line comes back to the top.
        act(
            state,
            ctx,
            &[
                Action::NextPage,
                Action::Resize(120, 24),
                Action::PreviousPage,
            ],
        );
        let top = top_line(state, ctx).unwrap();
        act(state, ctx, &[Action::Resize(80, 24)]);
        assert_eq!(state.scroll, place);
        assert_eq!(top_line(state, ctx), Some(top));
    });
}
