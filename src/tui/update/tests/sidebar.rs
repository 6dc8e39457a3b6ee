//! The contents: folding, opening, the wheel and clicks.

use super::*;

#[test]
fn the_contents_fold_and_open() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Down, Action::Down]);
        assert_eq!(state.selected, Entry::Section(1));
        act(state, ctx, &[Action::Open]);
        assert!(state.expanded[1]);
        act(state, ctx, &[Action::Open]);
        assert!(!state.expanded[1]);
        act(state, ctx, &[Action::Right]);
        assert!(state.expanded[1]);
        act(
            state,
            ctx,
            &[Action::Right, Action::Down, Action::Down, Action::Down],
        );
        assert_eq!(state.focus, Focus::Sidebar);
        act(state, ctx, &[Action::Open]);
        assert_eq!(shown(state, ctx), "2.4");
        assert_eq!(state.focus, Focus::Lesson);
        // Shift-Tab: Tab would go on to the lesson's code blocks first.
        act(state, ctx, &[Action::FocusPrevious, Action::Left]);
        assert_eq!(state.selected, Entry::Section(1));
        assert!(!state.expanded[1]);
        assert_eq!(shown(state, ctx), "2.4", "folding does not change the page");
    });
}

#[test]
fn the_selection_stays_in_view_in_a_short_sidebar() {
    with_tutor(80, 15, |state, ctx| {
        for s in 0..state.expanded.len() {
            state.expanded[s] = true;
        }
        let height = usize::from(state.areas().unwrap().toc.height);
        act(state, ctx, &[Action::Bottom]);
        let rows = ctx.book.entries(&state.expanded);
        assert_eq!(state.selected, *rows.last().unwrap());
        assert_eq!(state.toc_offset, rows.len() - height);
        act(state, ctx, &[Action::Top]);
        assert_eq!(state.toc_offset, 0);
        act(state, ctx, &[Action::Section(8)]);
        let at = rows.iter().position(|r| *r == state.selected).unwrap();
        assert!(at >= state.toc_offset && at < state.toc_offset + height);
    });
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    with_tutor(80, 24, |state, ctx| {
        act(state, ctx, &[Action::Section(2)]);
        let areas = state.areas().unwrap();
        let (bx, by) = (areas.body.x + 3, areas.body.y + 3);
        act(
            state,
            ctx,
            &[Action::Wheel {
                x: bx,
                y: by,
                lines: 3,
            }],
        );
        assert_eq!(state.scroll, 3);
        act(
            state,
            ctx,
            &[Action::Wheel {
                x: bx,
                y: by,
                lines: -3,
            }],
        );
        assert_eq!(state.scroll, 0);
        // Over the contents the list moves, if it is longer than the pane.
        for s in 0..state.expanded.len() {
            state.expanded[s] = true;
        }
        act(
            state,
            ctx,
            &[Action::Wheel {
                x: 2,
                y: 3,
                lines: 3,
            }],
        );
        assert_eq!(state.toc_offset, 3);
        assert_eq!(state.scroll, 0);
    });
}

#[test]
fn a_click_in_the_contents_opens_the_row() {
    with_tutor(120, 40, |state, ctx| {
        let toc = state.areas().unwrap().toc;
        // Row 0 is Home, row 1 section 1, row 2 section 2.
        act(
            state,
            ctx,
            &[Action::Click {
                x: toc.x + 2,
                y: toc.y + 2,
            }],
        );
        assert!(state.expanded[1]);
        // Section 2's lessons now follow it; its fourth is 2.4.
        act(
            state,
            ctx,
            &[Action::Click {
                x: toc.x + 6,
                y: toc.y + 6,
            }],
        );
        assert_eq!(shown(state, ctx), "2.4");
        assert_eq!(state.focus, Focus::Lesson);
        act(
            state,
            ctx,
            &[Action::Click {
                x: toc.x,
                y: toc.y + 30,
            }],
        );
        assert_eq!(shown(state, ctx), "2.4", "an empty row does nothing");
        assert_eq!(state.focus, Focus::Sidebar);
    });
}
