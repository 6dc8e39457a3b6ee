//! Back and forward through the places jumps left: `^O` and `^N`, as in vim and browsers.

use super::*;
use crate::tui::action::Edit;

fn at(state: &State, ctx: &Context) -> (String, Option<u32>) {
    let line = top_line(state, ctx).map(|l| l.0);
    (shown(state, ctx), line)
}

#[test]
fn back_returns_to_each_place_a_jump_left_and_forward_retraces_them() {
    with_tutor(120, 40, |state, ctx| {
        open_lesson(state, ctx, "2.4");
        act(state, ctx, &vec![Action::Down; 12]);
        let reading = at(state, ctx);
        // A search jump, then the learning path, then a lesson from it.
        act(state, ctx, &[Action::Search]);
        for c in "asyncio".chars() {
            act(state, ctx, &[Action::Edit(Edit::Insert(c))]);
        }
        act(state, ctx, &[Action::Open]);
        let found = at(state, ctx);
        assert_eq!(found.0, "4.3");
        act(
            state,
            ctx,
            &[Action::LearningPath, Action::Down, Action::Open],
        );
        assert_eq!(shown(state, ctx), "1.2");
        act(state, ctx, &[Action::Back]);
        assert_eq!(shown(state, ctx), "Learning Path");
        assert_eq!(state.path.item, 1, "the item it was opened from");
        act(state, ctx, &[Action::Back]);
        assert_eq!(at(state, ctx), found);
        act(state, ctx, &[Action::Back]);
        assert_eq!(at(state, ctx), reading, "the line that was being read");
        let message = state.message.clone().unwrap_or_default();
        assert_eq!(message, "back at 2.4; ^O back to Home, ^N forward to 4.3");
        act(
            state,
            ctx,
            &[Action::Forward, Action::Forward, Action::Forward],
        );
        assert_eq!(shown(state, ctx), "1.2");
        act(state, ctx, &[Action::Forward]);
        assert_eq!(state.message.as_deref(), Some("nothing to go forward to"));
    });
}

#[test]
fn a_new_jump_after_going_back_forgets_the_way_forward() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Section(1), Action::Section(3)]);
        act(state, ctx, &[Action::Back]);
        assert_eq!(shown(state, ctx), "1.1");
        act(state, ctx, &[Action::Section(5)]);
        act(state, ctx, &[Action::Forward]);
        assert_eq!(shown(state, ctx), "5.1");
        assert_eq!(state.message.as_deref(), Some("nothing to go forward to"));
        act(state, ctx, &[Action::Back, Action::Back, Action::Back]);
        assert_eq!(state.page, ctx.book.guide.home());
        assert_eq!(state.message.as_deref(), Some("nothing to go back to yet"));
    });
}

#[test]
fn turning_pages_is_reading_on_not_a_jump() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Section(2)]);
        act(state, ctx, &vec![Action::NextPage; 3]);
        assert_eq!(shown(state, ctx), "2.4");
        act(state, ctx, &[Action::Back]);
        assert_eq!(state.page, ctx.book.guide.home(), "back to before the jump");
    });
}

#[test]
fn the_first_jump_says_where_back_leads() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Section(2)]);
        assert_eq!(state.message.as_deref(), Some("^O goes back to Home"));
        act(state, ctx, &[Action::NextPage]);
        assert_eq!(state.message, None, "said once");
    });
    // After what the jump itself says.
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Continue]);
        let said = "1.1: the first lesson not read yet · ^O goes back to Home";
        assert_eq!(state.message.as_deref(), Some(said));
    });
}

#[test]
fn n_to_another_page_can_be_undone() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Search]);
        for c in "gil".chars() {
            act(state, ctx, &[Action::Edit(Edit::Insert(c))]);
        }
        act(state, ctx, &[Action::Open]);
        let first = at(state, ctx);
        act(state, ctx, &vec![Action::NextMatch; 8]);
        assert_ne!(at(state, ctx).0, first.0, "n went on to another page");
        let mut steps = 0;
        while at(state, ctx) != first && steps < 20 {
            act(state, ctx, &[Action::Back]);
            steps += 1;
        }
        assert_eq!(at(state, ctx), first);
    });
}

#[test]
fn esc_on_the_path_goes_back_to_where_it_was_opened_from_however_it_was() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Section(8), Action::Bottom]);
        act(state, ctx, &vec![Action::NextPage; 3]);
        assert_eq!(shown(state, ctx), "8.4");
        act(state, ctx, &[Action::NextPage]);
        assert!(state.on_path());
        act(state, ctx, &[Action::Close]);
        assert_eq!(
            shown(state, ctx),
            "8.4",
            "where ] came from, not the last jump"
        );
        act(state, ctx, &[Action::LearningPath, Action::Close]);
        assert_eq!(shown(state, ctx), "8.4");
    });
}
