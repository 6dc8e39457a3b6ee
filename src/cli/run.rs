//! `pyguide run ID[#N]`: a lesson's Python, its output passed through as it comes, its
//! exit code passed on.

use std::io::{ErrorKind, Write};
use std::sync::Arc;
use std::sync::mpsc;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::Cli;
use crate::error::Error;
use crate::guide::{CodeBlock, Guide, LessonId, code_blocks, unrunnable_summary};
use crate::run::{self, Event, OUTPUT_CAP, Request, Status, Stream, hint};

/// Bytes of stderr kept to look for a missing package at the end.
const STDERR_TAIL: usize = 8 * 1024;

/// The block `target` names: `2.5` for the lesson's first Python block, `2.4#2` for its
/// second.
pub(crate) fn pick<'g>(guide: &'g Guide, target: &str) -> Result<(LessonId, CodeBlock<'g>), Error> {
    let bad = || Error::BadBlock(target.to_string());
    let (id, n) = match target.trim().split_once('#') {
        Some((id, n)) => (
            id,
            crate::guide::number(n).filter(|&n| n > 0).ok_or_else(bad)?,
        ),
        None => (target.trim(), 1),
    };
    let id: LessonId = id.parse().map_err(|_| bad())?;
    let Some(lesson) = guide.lesson(id) else {
        return Err(Error::NoLesson {
            id: id.to_string(),
            hint: super::show::lessons_hint(guide, Some(id.section)),
        });
    };
    let python: Vec<CodeBlock> = code_blocks(&lesson.blocks)
        .into_iter()
        .filter(CodeBlock::is_python)
        .collect();
    match python.get(n as usize - 1) {
        Some(block) => Ok((id, *block)),
        None if python.is_empty() => Err(match unrunnable_summary(&lesson.blocks) {
            Some(only) => Error::NoPythonBlock {
                lesson: id.to_string(),
                only,
            },
            None => Error::NoCode(id.to_string()),
        }),
        None => Err(Error::NoSuchBlock {
            lesson: id.to_string(),
            count: python.len(),
            asked: n,
        }),
    }
}

/// What reaches the command's loop: the run's events, or a signal to stop it for.
enum Msg {
    Run(Event),
    Signal(i32),
}

/// Runs the block and returns the exit code: the program's, 124 for a timeout.
pub fn run(cli: &Cli, target: &str) -> Result<u8, Error> {
    let loaded = super::load_guide(cli)?;
    let (id, block) = pick(&loaded.guide, target)?;
    let python = run::python::find(cli.python.as_deref(), |k| std::env::var_os(k))?;
    let request = Request {
        python: python.path,
        code: block.text.to_string(),
        name: run::script_name(id),
        timeout: cli.timeout,
        cap: OUTPUT_CAP,
    };
    let (tx, rx) = mpsc::channel();
    // Ctrl-C reaches pyguide, not the program (it has a process group of its own): stop
    // it, so nothing it started is left behind.
    let signals = Signals::new([SIGINT, SIGTERM, SIGHUP]).map_err(Error::Output)?;
    let signal_handle = signals.handle();
    forward_signals(signals, tx.clone());
    let running = run::start(request, Arc::new(move |e| drop(tx.send(Msg::Run(e)))))?;
    let result = follow(&running, &rx);
    drop(running);
    signal_handle.close();
    result
}

fn forward_signals(mut signals: Signals, tx: mpsc::Sender<Msg>) {
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(Msg::Signal(signal)).is_err() {
                return;
            }
        }
    });
}

/// Passes the output through until the run ends, then says what pyguide has to add.
fn follow(running: &run::Running, rx: &mpsc::Receiver<Msg>) -> Result<u8, Error> {
    let mut stderr_tail = Vec::new();
    let mut signalled = None;
    let mut closed = false;
    loop {
        let Ok(msg) = rx.recv() else {
            return Err(Error::RunLost);
        };
        match msg {
            Msg::Signal(n) => {
                signalled.get_or_insert(n);
                running.stop();
            }
            Msg::Run(Event::Output(Stream::Out, bytes)) if !closed => {
                let mut out = std::io::stdout().lock();
                match out.write_all(&bytes).and_then(|()| out.flush()) {
                    // `pyguide run 1.2 | head -1`: the reader is gone, so stop.
                    Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                        closed = true;
                        running.stop();
                    }
                    Err(e) => return Err(Error::Output(e)),
                    Ok(()) => {}
                }
            }
            Msg::Run(Event::Output(Stream::Out, _)) => {}
            Msg::Run(Event::Output(Stream::Err, bytes)) => {
                let _ = std::io::stderr().lock().write_all(&bytes);
                stderr_tail.extend_from_slice(&bytes);
                let excess = stderr_tail.len().saturating_sub(STDERR_TAIL);
                stderr_tail.drain(..excess);
            }
            Msg::Run(Event::Ended(ended)) => {
                let stderr = String::from_utf8_lossy(&stderr_tail);
                for note in notes(&ended, &stderr) {
                    eprintln!("pyguide: {note}");
                }
                return Ok(match (signalled, closed, ended.status) {
                    (Some(n), _, Status::Stopped) => Status::Signalled(n).exit_code(),
                    (None, true, Status::Stopped) => 0,
                    (_, _, status) => status.exit_code(),
                });
            }
        }
    }
}

/// What pyguide says after the program's own output: a cut, a timeout, a missing package.
pub(crate) fn notes(ended: &run::Ended, stderr: &str) -> Vec<String> {
    let mut notes = Vec::new();
    if ended.dropped > 0 {
        notes.push(format!(
            "output cut at {} MB: the {} bytes after it were not kept",
            OUTPUT_CAP >> 20,
            ended.dropped
        ));
    }
    if let Status::TimedOut(after) = ended.status {
        notes.push(format!(
            "stopped after {} s; --timeout SECS gives it longer",
            run::seconds(after)
        ));
    }
    if !ended.status.succeeded()
        && let Some(missing) = hint::missing_package(stderr)
    {
        notes.push(missing.hint());
    }
    notes
}
