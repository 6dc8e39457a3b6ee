//! The real binary in a real pseudo-terminal: keys in, screen out, and the terminal put
//! back afterwards however the tutor ends.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const PATIENCE: Duration = Duration::from_secs(15);

struct Tty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("sizes are positive")
}

impl Tty {
    /// Starts pyguide with `args` in a `cols`×`rows` terminal.
    fn start(cols: u16, rows: u16, args: &[&str]) -> Tty {
        Tty::spawn(cols, rows, env!("CARGO_BIN_EXE_pyguide"), args)
    }

    fn spawn(cols: u16, rows: u16, program: &str, args: &[&str]) -> Tty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal opens");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("PS1", "$ ");
        for var in ["NO_COLOR", "COLORTERM", "COLUMNS", "LINES"] {
            command.env_remove(var);
        }
        let child = pair.slave.spawn_command(command).expect("pyguide starts");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        Tty {
            child,
            master: pair.master,
            writer,
            screen,
        }
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).unwrap();
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `test`, failing with the screen if it never does.
    fn wait_for(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if test(self.screen.lock().unwrap().screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {what}; the screen:\n{}", self.text());
    }

    fn wait_for_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Waits for the process to end and returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader catch the last bytes written before the exit.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("pyguide did not exit; the screen:\n{}", self.text());
    }

    /// The terminal is as a shell expects it: main screen, cursor shown, no mouse reports.
    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is still on"
        );
    }

    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid").to_string();
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }
}

fn on_alternate_screen(s: &vt100::Screen) -> bool {
    s.alternate_screen() && s.contents().contains("Contents")
}

#[test]
fn browse_to_the_gil_resize_and_quit() {
    let mut tty = Tty::start(120, 40, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.wait_for_text("▸ 8 Best Practices");
    tty.keys("2");
    tty.wait_for_text("2.1 CPython Architecture Overview");
    tty.keys("]]]");
    tty.wait_for_text("GIL (Mutex)");
    let screen = tty.text();
    assert!(screen.contains('┐'), "{screen}");
    assert!(
        screen.contains("2 Python Internals & Architecture › 2.4 Global Interpreter Lock (GIL)")
    );

    tty.resize(30, 8);
    tty.wait_for_text("terminal too small");
    tty.resize(120, 40);
    tty.wait_for_text("GIL (Mutex)");

    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn search_with_a_typo_open_the_match_step_on_and_come_back() {
    let mut tty = Tty::start(120, 40, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("/");
    tty.wait_for_text("Type a word");
    // The cursor shows where typing goes.
    tty.wait_for("the cursor in the box", |s| !s.hide_cursor());
    tty.keys("tracemaloc");
    tty.wait_for_text("3.4  Memory Profiling");
    tty.keys("\r");
    tty.wait_for("the lesson at its first match", |s| {
        let status = s.contents_between(39, 0, 39, 120);
        status.contains("3.4") && status.contains("match ")
    });
    tty.wait_for("the cursor hidden again", |s| s.hide_cursor());
    tty.keys("n");
    tty.wait_for_text("match 2 of");
    tty.keys("/");
    tty.wait_for_text("/ tracemaloc");
    tty.keys("\u{1b}");
    tty.wait_for("the box closed", |s| !s.contents().contains("/ tracemaloc"));
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (name, number) in [("TERM", 15), ("HUP", 1)] {
        let mut tty = Tty::start(100, 30, &[]);
        tty.wait_for("the sidebar", on_alternate_screen);
        tty.signal(name);
        assert_eq!(tty.exit_code(), 128 + number, "SIG{name}");
        tty.assert_restored();
    }
}

#[test]
fn a_resize_storm_ends_on_a_correct_frame() {
    let mut tty = Tty::start(120, 40, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("4]]]");
    tty.wait_for_text("4.4 Concurrency Comparison");
    for i in 0..300u16 {
        tty.resize(40 + (i * 7) % 120, 5 + (i * 3) % 50);
    }
    tty.resize(100, 30);
    tty.wait_for("the final frame at 100×30", |s| {
        let status = s.contents_between(29, 0, 29, 100);
        s.cell(0, 99).is_some_and(|c| c.contents() == "╮")
            && s.cell(28, 99).is_some_and(|c| c.contents() == "╯")
            && status.contains("4.4")
            && !s.contents().contains("too small")
    });
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn ctrl_c_quits_from_the_help_overlay() {
    let mut tty = Tty::start(80, 24, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("?");
    tty.wait_for_text("Esc closes");
    tty.keys("\u{3}");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_tutor_back() {
    // Job control needs a shell: run pyguide from an interactive bash, as a person would.
    let mut tty = Tty::spawn(100, 30, "bash", &["--norc", "--noprofile", "-i"]);
    tty.wait_for_text("$ ");
    tty.keys(&format!("{}\r", env!("CARGO_BIN_EXE_pyguide")));
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("3");
    tty.wait_for_text("3.1 Memory Allocation Architecture");
    tty.keys("\u{1a}");
    tty.wait_for_text("Stopped");
    tty.assert_restored();
    tty.keys("fg\r");
    tty.wait_for("the tutor again", |s| {
        s.alternate_screen() && s.contents().contains("3.1 Memory Allocation Architecture")
    });
    tty.keys("q");
    tty.wait_for("the shell again", |s| !s.alternate_screen());
    tty.assert_restored();
    tty.keys("echo status=$?\r");
    tty.wait_for_text("status=0");
    tty.keys("exit\r");
    assert_eq!(tty.exit_code(), 0);
}
