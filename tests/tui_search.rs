//! The search box on the real guide, driven through `update` and drawn into a TestBackend:
//! results as you type, Enter to the match, Esc back, n/N across lessons.

use pyguide::render::ColorMode;
use pyguide::tui::action::{Action, Edit};
use pyguide::tui::state::{Overlay, State};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

mod common;

use common::text;

/// The tutor without colour at `width`×`height` after `actions`: its state, screen and page.
fn run(width: u16, height: u16, actions: &[Action]) -> (State, Buffer, String) {
    common::drive(ColorMode::Monochrome, width, height, actions)
}

/// `/`, then the query typed key by key.
fn search(query: &str) -> Vec<Action> {
    let mut actions = vec![Action::Search];
    actions.extend(query.chars().map(|c| Action::Edit(Edit::Insert(c))));
    actions
}

fn then(mut actions: Vec<Action>, more: &[Action]) -> Vec<Action> {
    actions.extend_from_slice(more);
    actions
}

/// The text of the cells drawn in reverse video, row by row (the marks without colour).
fn reversed(buf: &Buffer) -> Vec<String> {
    let width = buf.area.width as usize;
    buf.content()
        .chunks(width)
        .map(|row| {
            row.iter()
                .filter(|c| c.modifier.contains(Modifier::REVERSED))
                .map(|c| c.symbol())
                .collect::<String>()
        })
        .filter(|r| !r.trim().is_empty())
        .collect()
}

#[test]
fn results_come_as_you_type() {
    for (query, first) in [("g", None), ("gi", None), ("gil", Some("2.4"))] {
        let (state, _, _) = run(80, 24, &search(query));
        assert_eq!(state.overlay, Some(Overlay::Search));
        assert!(!state.search.hits.is_empty(), "{query} finds nothing");
        if let Some(first) = first {
            assert_eq!(state.search.hits[0].key.clone(), first);
        }
    }
    let (_, screen, _) = run(80, 24, &search("gil"));
    insta::assert_snapshot!("search_gil_80x24", text(&screen));
}

#[test]
fn an_empty_box_and_a_fruitless_query_say_what_to_do() {
    let (_, screen, _) = run(80, 24, &search(""));
    assert!(text(&screen).contains("Type a word"), "{}", text(&screen));
    let (state, screen, _) = run(80, 24, &search("zzqxj"));
    assert!(state.search.hits.is_empty());
    assert!(text(&screen).contains("Nothing matches 'zzqxj'"));
    let (state, _, _) = run(80, 24, &then(search("zzqxj"), &[Action::Open]));
    assert_eq!(state.message.as_deref(), Some("nothing matches 'zzqxj'"));
    assert_eq!(state.overlay, Some(Overlay::Search));
    // A filter typed partway finds nothing yet, and the box names the filters.
    let (state, screen, _) = run(80, 24, &search("in:co gil"));
    assert!(state.search.hits.is_empty());
    assert!(
        text(&screen).contains("unknown filter 'in:co'"),
        "{}",
        text(&screen)
    );
    // A filter typed at the end is on its way: the results stay.
    let (state, _, _) = run(80, 24, &search("gil in:ti"));
    assert_eq!(state.search.hits[0].key, "2.4");
    let (_, screen, _) = run(80, 24, &search("!!!"));
    assert!(text(&screen).contains("no words to search for"));
}

#[test]
fn enter_opens_the_lesson_at_the_match_with_every_match_marked() {
    let (state, screen, page) = run(120, 40, &then(search("tracemalloc"), &[Action::Open]));
    assert_eq!(page, "3.4");
    assert_eq!(state.overlay, None);
    let message = state.message.clone().unwrap_or_default();
    assert!(message.starts_with("match "), "{message}");
    let marks = reversed(&screen);
    let status = marks.last().cloned().unwrap_or_default();
    let on_page: Vec<&String> = marks.iter().filter(|r| **r != status).collect();
    assert!(
        !on_page.is_empty(),
        "no match is marked:\n{}",
        text(&screen)
    );
    for row in &on_page {
        // Only the word is marked, not the line around it.
        assert!(row.to_lowercase().contains("tracemalloc"), "{row:?}");
    }
}

#[test]
fn the_chosen_result_is_the_one_opened() {
    let (state, _, _) = run(100, 30, &search("gil"));
    let second = state.search.hits[1].key.clone();
    let (_, _, page) = run(100, 30, &then(search("gil"), &[Action::Down, Action::Open]));
    assert_eq!(page, second);
    // Up at the top and Down past the end stay on the list.
    let (state, _, _) = run(100, 30, &then(search("gil"), &[Action::Up, Action::Up]));
    assert_eq!(state.search.selected, 0);
    let many = vec![Action::PageDown; 5];
    let (state, _, _) = run(100, 30, &then(search("gil"), &many));
    assert_eq!(state.search.selected, state.search.hits.len() - 1);
}

#[test]
fn esc_closes_the_box_where_you_were_and_keeps_the_query() {
    let before = vec![Action::Section(2), Action::NextPage, Action::PageDown];
    let (start, _, _) = run(100, 30, &before);
    let mut actions = before.clone();
    actions.extend(search("asyncio"));
    actions.extend([Action::Down, Action::Close]);
    let (state, _, _) = run(100, 30, &actions);
    assert_eq!((state.page, state.scroll), (start.page, start.scroll));
    assert_eq!(state.overlay, None);
    actions.push(Action::Search);
    let (state, screen, _) = run(100, 30, &actions);
    assert_eq!(state.search.query, "asyncio");
    assert!(text(&screen).contains("/ asyncio"));
    assert_eq!(state.search.hits[0].key.clone(), "4.3");
}

#[test]
fn n_and_shift_n_step_through_every_match_across_lessons() {
    let start = then(search("gil"), &[Action::Open]);
    let (state, _, _) = run(100, 30, &start);
    let total = state.matches.as_ref().unwrap().places.len();
    let began = state.matches.as_ref().unwrap().current;
    assert!(total > 3, "gil should match more than three places");
    let mut pages = std::collections::BTreeSet::new();
    let mut actions = start.clone();
    for step in 1..=total {
        actions.push(Action::NextMatch);
        let (state, _, page) = run(100, 30, &actions);
        pages.insert(page);
        let m = state.matches.as_ref().unwrap();
        let message = state.message.clone().unwrap();
        assert!(message.starts_with(&format!("match {} of {total}", m.current + 1)));
        if step == total {
            // Once round the guide, back where it began.
            assert_eq!(m.current, began);
        }
    }
    assert!(pages.len() >= 3, "n stayed on {pages:?}");
    let (first, _, _) = run(100, 30, &start);
    let (back, _, _) = run(
        100,
        30,
        &then(start.clone(), &[Action::NextMatch, Action::PreviousMatch]),
    );
    assert_eq!(
        first.matches.unwrap().current,
        back.matches.unwrap().current
    );
}

#[test]
fn n_without_a_search_says_how_to_start_one() {
    let (state, _, _) = run(100, 30, &[Action::NextMatch]);
    assert_eq!(
        state.message.as_deref(),
        Some("no search yet: press / to search")
    );
}

#[test]
fn esc_on_the_page_unmarks_and_n_marks_again() {
    let start = then(search("gil"), &[Action::Open]);
    let (_, screen, _) = run(100, 30, &start);
    let marked = reversed(&screen).len();
    let (state, screen, _) = run(100, 30, &then(start.clone(), &[Action::Close]));
    assert!(!state.matches.as_ref().unwrap().marked);
    assert!(reversed(&screen).len() < marked);
    let (state, _, _) = run(100, 30, &then(start, &[Action::Close, Action::NextMatch]));
    assert!(state.matches.unwrap().marked);
}

#[test]
fn a_click_on_a_result_opens_it_and_a_click_outside_closes_the_box() {
    // At 100×30 the sidebar is 27 wide; results start on row 3, two rows each.
    let (state, _, page) = run(
        100,
        30,
        &then(search("gil"), &[Action::Click { x: 40, y: 5 }]),
    );
    assert_eq!(page, state.search.hits[1].key.clone());
    let (state, _, _) = run(
        100,
        30,
        &then(search("gil"), &[Action::Click { x: 2, y: 5 }]),
    );
    assert_eq!(state.overlay, None);
}

#[test]
fn odd_queries_and_keys_never_break_the_box() {
    let long = "é".repeat(400);
    for query in [
        "(((",
        "in:code",
        "in:title ",
        "🐍 ∑ 日本",
        "a",
        ".*+?[]{}|\\",
        &long,
    ] {
        for size in [(60, 15), (120, 40)] {
            let mut actions = search(query);
            actions.extend([
                Action::Edit(Edit::Left),
                Action::Edit(Edit::Backspace),
                Action::Edit(Edit::DeleteWord),
                Action::Edit(Edit::End),
                Action::Down,
                Action::PageDown,
                Action::Resize(size.0 + 10, size.1 + 3),
                Action::Open,
                Action::NextMatch,
                Action::PreviousMatch,
            ]);
            let (state, _, _) = run(size.0, size.1, &actions);
            assert!(state.search.query.chars().count() <= 256);
        }
    }
}

/// Whether the current match (reverse video and underlined, without colour) is drawn.
fn current_match_shown(buf: &Buffer) -> bool {
    let both = Modifier::REVERSED | Modifier::UNDERLINED;
    buf.content().iter().any(|c| c.modifier.contains(both))
}

#[test]
fn a_resize_keeps_the_current_match_in_view_and_n_goes_on_from_it() {
    // The match low on a tall screen: a third of the way down, then ten lines lower.
    let mut start = vec![Action::Resize(120, 40)];
    start.extend(then(search("gil"), &[Action::Open, Action::NextMatch]));
    start.extend(std::iter::repeat_n(Action::Up, 10));
    let (before, screen, _) = run(120, 40, &start);
    assert!(current_match_shown(&screen));
    let shrunk = then(start.clone(), &[Action::Resize(120, 15)]);
    let (state, screen, _) = run(120, 15, &shrunk);
    assert!(current_match_shown(&screen), "{}", text(&screen));
    let was = before.matches.as_ref().unwrap().current;
    assert_eq!(state.matches.as_ref().unwrap().current, was);
    let (state, _, _) = run(120, 15, &then(shrunk, &[Action::NextMatch]));
    assert_eq!(state.matches.as_ref().unwrap().current, was + 1);
}

#[test]
fn a_taller_box_after_a_resize_shows_the_results_scrolled_off() {
    // "numpy" finds 6 results: more than a small box shows, fewer than a tall one.
    let mut actions = then(search("numpy"), &[Action::Resize(80, 15)]);
    actions.extend(std::iter::repeat_n(Action::Down, 5));
    let (small, _, _) = run(80, 15, &actions);
    assert_eq!(small.search.hits.len(), 6);
    assert!(small.search.offset > 0, "the small box scrolled");
    let (tall, screen, _) = run(80, 40, &then(actions, &[Action::Resize(80, 40)]));
    assert_eq!(tall.search.offset, 0, "{}", text(&screen));
    assert_eq!(tall.search.selected, 5);
}

#[test]
fn the_status_bar_names_the_boxs_keys_while_it_is_open() {
    let (_, screen, _) = run(120, 40, &search("gil"));
    let bottom = text(&screen).lines().last().unwrap_or_default().to_owned();
    assert!(bottom.contains("^C quit"), "{bottom}");
    assert!(!bottom.contains("/ search"), "{bottom}");
}

#[test]
fn n_steps_through_matches_on_the_learning_path_choosing_their_items() {
    // "weeks" is in the four phase headings, and nowhere else.
    let opened = then(search("weeks"), &[Action::Open]);
    let (state, _, page) = run(120, 40, &opened);
    assert_eq!(page, "Learning Path");
    assert_eq!(state.path.item, 0, "the Beginner phase's first item");
    let mut chosen = Vec::new();
    for steps in 1..=4 {
        let stepped = then(opened.clone(), &vec![Action::NextMatch; steps]);
        let (state, _, _) = run(120, 40, &stepped);
        chosen.push((state.path.item, state.message.unwrap_or_default()));
    }
    let items: Vec<usize> = chosen.iter().map(|(item, _)| *item).collect();
    assert_eq!(items, [4, 8, 12, 0], "{chosen:?}");
    assert!(chosen[0].1.starts_with("match 2 of 4"), "{chosen:?}");
    assert!(chosen[3].1.contains("(from the top)"), "{chosen:?}");
    let back = then(opened, &[Action::PreviousMatch]);
    let (state, _, _) = run(120, 40, &back);
    assert_eq!(state.path.item, 12);
}
