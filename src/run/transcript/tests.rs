use super::*;
use proptest::prelude::*;

fn shown(chunks: &[(Stream, &[u8])]) -> Vec<String> {
    let mut t = Transcript::default();
    for (stream, bytes) in chunks {
        t.push(*stream, bytes);
    }
    t.finish();
    t.lines().iter().map(|l| l.text.clone()).collect()
}

fn out(bytes: &[u8]) -> Vec<String> {
    shown(&[(Stream::Out, bytes)])
}

#[test]
fn lines_split_at_newlines_and_a_last_line_without_one_counts() {
    assert_eq!(out(b"local\nenclosing\n"), ["local", "enclosing"]);
    assert_eq!(out(b"a\n\nb"), ["a", "", "b"]);
    assert!(out(b"").is_empty());
}

#[test]
fn escape_sequences_are_removed_whole() {
    assert_eq!(out(b"\x1b[31mred\x1b[0m plain\n"), ["red plain"]);
    // A title change, a cursor move, a screen clear, a charset switch, 8-bit CSI.
    assert_eq!(
        out(b"\x1b]0;pwned\x07a\x1b[2J\x1b[10;5Hb\x1b(Bc\n"),
        ["abc"]
    );
    assert_eq!(out("x\u{9b}31my\n".as_bytes()), ["xy"]);
    assert_eq!(out(b"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\n"), ["link"]);
    // Other controls go; the bell is not rung.
    assert_eq!(out(b"a\x07b\x00c\x7fd\n"), ["abcd"]);
}

#[test]
fn a_sequence_cut_between_chunks_is_still_removed() {
    let chunks: [(Stream, &[u8]); 3] = [
        (Stream::Out, b"go\x1b["),
        (Stream::Out, b"1;3"),
        (Stream::Out, b"1mred\n"),
    ];
    assert_eq!(shown(&chunks), ["gored"]);
}

#[test]
fn carriage_returns_leave_a_progress_bar_at_its_last_state() {
    assert_eq!(out(b" 10%\r 50%\r100%\n"), ["100%"]);
    assert_eq!(out(b"done\r\n"), ["done"]);
    assert_eq!(out(b"abc\x08\x08x\n"), ["ax"]);
    assert_eq!(out(b"a\tb\n"), ["a       b"]);
}

#[test]
fn utf8_cut_between_chunks_joins_and_bad_bytes_show() {
    let snake = "🐍".as_bytes();
    let chunks = [(Stream::Out, &snake[..2]), (Stream::Out, &snake[2..])];
    assert_eq!(shown(&chunks), ["🐍"]);
    assert_eq!(out(b"a\xffb\n"), ["a\u{FFFD}b"]);
    // Cut off for good at the end.
    assert_eq!(out(&snake[..3]), ["\u{FFFD}"]);
}

#[test]
fn streams_keep_their_own_lines() {
    let chunks: [(Stream, &[u8]); 3] = [
        (Stream::Out, b"abc"),
        (Stream::Err, b"err\n"),
        (Stream::Out, b"def\n"),
    ];
    assert_eq!(shown(&chunks), ["abcdef", "err"]);
    let mut t = Transcript::default();
    t.push(Stream::Err, b"Traceback\nModuleNotFoundError: x\n");
    t.push(Stream::Out, b"ok\n");
    assert_eq!(t.text(Stream::Err), "Traceback\nModuleNotFoundError: x");
    assert_eq!(t.lines()[2].stream, Stream::Out);
}

#[test]
fn a_megabyte_of_tabs_is_bounded_lines_taken_in_linear_time() {
    let mut t = Transcript::default();
    // Quadratic work here took minutes; linear takes milliseconds.
    t.push(Stream::Out, &vec![b'\t'; 1 << 20]);
    assert!(t.lines().iter().all(|l| l.text.len() <= MAX_LINE + TAB));
    assert_eq!(out(b"ab\tc\x08\x08\td\n"), ["ab      d"]);
    assert_eq!(out("日\tx\n".as_bytes()), ["日      x"]);
}

#[test]
fn a_line_without_end_is_cut_into_bounded_lines() {
    let long = vec![b'x'; MAX_LINE * 2 + 10];
    let lines = out(&long);
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l.len() <= MAX_LINE));
}

proptest! {
    /// Whatever a program prints, no control character reaches the screen, and splitting
    /// the bytes differently changes nothing.
    #[test]
    fn nothing_that_controls_a_terminal_survives(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        cut in 0usize..400,
    ) {
        let whole = out(&bytes);
        for line in &whole {
            prop_assert!(!line.chars().any(char::is_control), "{line:?}");
        }
        let cut = cut.min(bytes.len());
        let split = shown(&[(Stream::Out, &bytes[..cut]), (Stream::Out, &bytes[cut..])]);
        prop_assert_eq!(whole, split);
    }
}
