//! Running the guide's Python: one code block as a script, in a fresh temporary directory,
//! with the user's own interpreter, bounded in time and in output. What it prints arrives
//! as [`Event`]s while it runs. Nothing here knows about terminals: the command line and
//! the tutor each show the events their own way.

pub mod hint;
mod process;
pub mod python;
pub mod transcript;

use std::path::PathBuf;
use std::time::Duration;

pub use process::{Running, start};
pub use python::{NoPython, Python};

/// Output kept from one run; the rest is read and dropped, so the program never blocks.
pub const OUTPUT_CAP: usize = 1 << 20;

/// How long a run may take unless `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// What to run, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub python: PathBuf,
    pub code: String,
    /// The script's file name without `.py` (it shows in tracebacks): `lesson_2_5`.
    pub name: String,
    pub timeout: Duration,
    /// Bytes of output kept, both streams together.
    pub cap: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Out,
    Err,
}

/// What a run reports, in order: output as it comes, then one `Ended`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Output(Stream, Vec<u8>),
    Ended(Ended),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ended {
    pub status: Status,
    pub elapsed: Duration,
    /// Bytes of output past the cap, read and dropped.
    pub dropped: u64,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Exited(i32),
    /// A signal ended it (not one pyguide sent).
    Signalled(i32),
    /// It ran out of time and was killed, with everything it started.
    TimedOut(Duration),
    /// The user stopped it.
    Stopped,
}

impl Status {
    /// The exit code a shell would report: the program's own, 128 + a signal, 124 for a
    /// timeout (as `timeout(1)` does), 130 for a stop (as Ctrl-C).
    pub fn exit_code(self) -> u8 {
        match self {
            Status::Exited(code) => u8::try_from(code & 0xff).unwrap_or(1),
            Status::Signalled(n) => u8::try_from(128 + n).unwrap_or(u8::MAX),
            Status::TimedOut(_) => 124,
            Status::Stopped => 130,
        }
    }

    pub fn succeeded(self) -> bool {
        self == Status::Exited(0)
    }
}

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot make a directory to run in: {0}")]
    Directory(std::io::Error),
    #[error("cannot start {python}: {source}")]
    Start {
        python: String,
        source: std::io::Error,
    },
}

/// The script's name for a lesson's block, as tracebacks show it: `lesson_2_5`.
pub fn script_name(lesson: crate::guide::LessonId) -> String {
    format!("lesson_{}_{}", lesson.section, lesson.lesson)
}

/// Seconds as people write them: "10", "0.5", "1.25".
pub fn seconds(duration: Duration) -> String {
    let text = format!("{:.3}", duration.as_secs_f64());
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A duration for a status line: "42 ms", "1.3 s", "2 min 5 s".
pub fn took(duration: Duration) -> String {
    let ms = duration.as_millis();
    match ms {
        0..1000 => format!("{ms} ms"),
        1000..60_000 => format!("{:.1} s", duration.as_secs_f64()),
        _ => format!("{} min {} s", ms / 60_000, ms % 60_000 / 1000),
    }
}

/// Parses `--timeout`: seconds, more than 0 and at most a day.
pub fn parse_timeout(text: &str) -> Result<Duration, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number of seconds"))?;
    if !(secs > 0.0 && secs <= 86_400.0) {
        return Err("the timeout must be more than 0 and at most 86400 seconds".into());
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_shell() {
        assert_eq!(Status::Exited(3).exit_code(), 3);
        assert_eq!(Status::Exited(256 + 2).exit_code(), 2);
        assert_eq!(Status::Signalled(9).exit_code(), 137);
        assert_eq!(Status::TimedOut(DEFAULT_TIMEOUT).exit_code(), 124);
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(seconds(Duration::from_secs(10)), "10");
        assert_eq!(seconds(Duration::from_millis(500)), "0.5");
        assert_eq!(took(Duration::from_millis(42)), "42 ms");
        assert_eq!(took(Duration::from_millis(1340)), "1.3 s");
        assert_eq!(took(Duration::from_secs(125)), "2 min 5 s");
    }

    #[test]
    fn timeouts_are_positive_seconds() {
        assert_eq!(parse_timeout("2.5"), Ok(Duration::from_millis(2500)));
        for bad in ["0", "-1", "abc", "NaN", "inf", "1e9"] {
            assert!(parse_timeout(bad).is_err(), "{bad}");
        }
    }
}
