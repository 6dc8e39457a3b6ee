//! Keys on the main screen: the contents, the lesson and its code blocks. The keys marked
//! `also_in_help` scroll, close and quit the help overlay too.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Hint, Key, bind, code, ctrl, key};
use crate::tui::action::Action;

const ALT_LEFT: Key = Key::code(KeyCode::Left).with_alt();
const ALT_RIGHT: Key = Key::code(KeyCode::Right).with_alt();

const DIGITS: [[Key; 1]; 9] = [
    [key('1')],
    [key('2')],
    [key('3')],
    [key('4')],
    [key('5')],
    [key('6')],
    [key('7')],
    [key('8')],
    [key('9')],
];

/// Every key the main screen knows, in the order the help overlay lists them.
pub static BINDINGS: [Binding; 41] = [
    bind(
        &[key('j'), code(KeyCode::Down)],
        Action::Down,
        "move down / scroll down",
    )
    .also_in_help()
    .hint(Hint::Sidebar, "move"),
    bind(
        &[key('k'), code(KeyCode::Up)],
        Action::Up,
        "move up / scroll up",
    )
    .also_in_help()
    .hint_pair(),
    bind(
        &[code(KeyCode::PageDown), key(' '), ctrl('f')],
        Action::PageDown,
        "one screen down",
    )
    .also_in_help(),
    bind(
        &[code(KeyCode::PageUp), ctrl('b')],
        Action::PageUp,
        "one screen up",
    )
    .also_in_help(),
    bind(&[ctrl('d')], Action::HalfPageDown, "half a screen down").also_in_help(),
    bind(&[ctrl('u')], Action::HalfPageUp, "half a screen up").also_in_help(),
    bind(&[key('g'), code(KeyCode::Home)], Action::Top, "to the top").also_in_help(),
    bind(
        &[key('G'), code(KeyCode::End)],
        Action::Bottom,
        "to the bottom",
    )
    .also_in_help(),
    // The arrows first: the sideways hint names them, as a page wider than the pane is
    // where a reader reaches for them.
    bind(
        &[code(KeyCode::Left), key('h')],
        Action::Left,
        "fold a section; scroll a diagram left",
    )
    .hint(Hint::Lesson, "sideways"),
    bind(
        &[code(KeyCode::Right), key('l')],
        Action::Right,
        "unfold a section; scroll it right",
    )
    .hint_pair(),
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        "open a lesson, or fold a section",
    )
    .hint(Hint::Sidebar, "open"),
    bind(
        &[key(']')],
        Action::NextPage,
        "next page, on across sections",
    )
    .hint(Hint::Lesson, "next/previous"),
    bind(&[key('[')], Action::PreviousPage, "previous page").hint_pair(),
    bind(&DIGITS[0], Action::Section(1), "open that section"),
    bind(&DIGITS[1], Action::Section(2), ""),
    bind(&DIGITS[2], Action::Section(3), ""),
    bind(&DIGITS[3], Action::Section(4), ""),
    bind(&DIGITS[4], Action::Section(5), ""),
    bind(&DIGITS[5], Action::Section(6), ""),
    bind(&DIGITS[6], Action::Section(7), ""),
    bind(&DIGITS[7], Action::Section(8), ""),
    bind(&DIGITS[8], Action::Section(9), ""),
    bind(
        &[code(KeyCode::Tab)],
        Action::FocusNext,
        "focus: contents, lesson, code blocks",
    )
    .hint(Hint::Always, "focus"),
    bind(
        &[code(KeyCode::BackTab)],
        Action::FocusPrevious,
        "focus back",
    ),
    bind(&[key('}')], Action::NextBlock, "next / previous code block"),
    bind(&[key('{')], Action::PreviousBlock, ""),
    bind(&[key('x')], Action::RunBlock, "run the Python block").hint(Hint::Lesson, "run"),
    bind(&[key('/')], Action::Search, "search the guide")
        .also_in_help()
        .hint(Hint::Always, "search"),
    bind(
        &[key('n')],
        Action::NextMatch,
        "next match, on across pages",
    ),
    bind(&[key('N')], Action::PreviousMatch, "previous match"),
    bind(
        &[key('p')],
        Action::LearningPath,
        "the learning path: tick weeks off",
    )
    .hint(Hint::Always, "path"),
    bind(
        &[key('m')],
        Action::ToggleRead,
        "mark the lesson read, or unread",
    ),
    bind(
        &[key('c')],
        Action::Continue,
        "continue: the first lesson not read",
    ),
    bind(
        &[ctrl('o'), code(KeyCode::Backspace), ALT_LEFT],
        Action::Back,
        "back to where the last jump left",
    ),
    bind(
        &[ctrl('n'), ALT_RIGHT],
        Action::Forward,
        "forward again, after going back",
    ),
    bind(
        &[key('s')],
        Action::ToggleSidebar,
        "hide or show the contents",
    ),
    bind(&[key('?')], Action::ToggleHelp, "this help")
        .also_in_help()
        .hint(Hint::Always, "help"),
    bind(
        &[code(KeyCode::Esc)],
        Action::Close,
        "stop or close a run; unmark matches",
    )
    .also_in_help(),
    bind(&[key('q')], Action::Quit, "quit")
        .also_in_help()
        .hint(Hint::Always, "quit"),
    bind(
        &[ctrl('c')],
        Action::Interrupt,
        "stop a run; quit when none is going",
    )
    .also_in_help(),
    bind(&[ctrl('z')], Action::Suspend, "suspend (fg brings it back)").also_in_help(),
];
