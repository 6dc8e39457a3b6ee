//! The real binary in a real pseudo-terminal: start it, type keys, read the screen.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const PATIENCE: Duration = Duration::from_secs(15);

pub struct Tty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Where the progress store lives, removed with the terminal.
    _dir: Option<tempfile::TempDir>,
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
    /// Starts pyguide with `args` in a `cols`×`rows` terminal, its progress kept in a
    /// directory of the test's own.
    pub fn start(cols: u16, rows: u16, args: &[&str]) -> Tty {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = dir.path().join("progress.json");
        let mut tty = Tty::with_store(cols, rows, &store, args);
        tty._dir = Some(dir);
        tty
    }

    /// Starts pyguide keeping its progress in `store`.
    pub fn with_store(cols: u16, rows: u16, store: &Path, args: &[&str]) -> Tty {
        let store = store.to_string_lossy().into_owned();
        Tty::spawn(cols, rows, env!("CARGO_BIN_EXE_pyguide"), &store, args)
    }

    pub fn spawn(cols: u16, rows: u16, program: &str, store: &str, args: &[&str]) -> Tty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal opens");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("PS1", "$ ");
        // Never the user's own progress.
        command.env("PYGUIDE_PROGRESS", store);
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
            _dir: None,
        }
    }

    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).unwrap();
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `test`, failing with the screen if it never does.
    pub fn wait_for(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if test(self.screen.lock().unwrap().screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {what}; the screen:\n{}", self.text());
    }

    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Waits for the process to end and returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
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
    pub fn assert_restored(&self) {
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

    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid").to_string();
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }
}
