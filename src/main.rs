//! The `pyguide` binary: parse arguments, run the tutor or a command, and turn errors into
//! one line and an exit code.

use std::io::{BufWriter, ErrorKind, Write};
use std::process::ExitCode;

use clap::Parser;
use pyguide::cli::{self, Cli};
use pyguide::error::Error;
use pyguide::render::printable_line;
use pyguide::tui::{self, Outcome};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version print to stdout, and succeed if they could.
            let written = write!(std::io::stdout(), "{}", e.render())
                .and_then(|()| std::io::stdout().flush());
            return match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => fail(&Error::Output(error)),
            };
        }
        Err(e) => {
            eprintln!("pyguide: {}", printable_line(&cli::usage_error_line(&e)));
            return ExitCode::from(2);
        }
    };
    if cli.command.is_none() {
        return tutor(&cli);
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match cli::run(&cli, &mut out) {
        Ok(code) => ExitCode::from(code),
        // `pyguide show all | head` closing the pipe early is not an error.
        Err(Error::Output(e)) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            drop(out);
            fail(&e)
        }
    }
}

fn tutor(cli: &Cli) -> ExitCode {
    let loaded = match cli::load_guide(cli) {
        Ok(loaded) => loaded,
        Err(e) => return fail(&e),
    };
    let store = cli::progress_store(cli);
    let python = pyguide::run::python::find(cli.python.as_deref(), |k| std::env::var_os(k));
    let python = match python {
        Ok(python) => Ok(python.path),
        // Asked for by name, a Python that cannot run is a mistake to report now; found by
        // looking, its absence matters only when x is pressed.
        Err(e) if cli.python.is_some() => return fail(&Error::NoPython(e)),
        Err(e) => Err(e),
    };
    let runs = tui::Runs {
        python,
        timeout: cli.timeout,
    };
    let ending = match tui::run(&loaded.guide, &cli::tutor_theme(cli), store, &runs) {
        Ok(ending) => ending,
        Err(e) => return fail(&e),
    };
    if let Some(unsaved) = &ending.unsaved {
        eprintln!("pyguide: {}", printable_line(unsaved));
    }
    match ending.outcome {
        // Quitting with changes lost is a failure the reader must be able to see (unless
        // they were told when the tutor opened that nothing would be saved).
        Outcome::Quit if ending.lost => ExitCode::FAILURE,
        Outcome::Quit => ExitCode::SUCCESS,
        // As a shell reports a process a signal ended: 128 + the signal's number.
        Outcome::Signal(n) => ExitCode::from(u8::try_from(128 + n).unwrap_or(u8::MAX)),
    }
}

/// Prints the error as one safe line (messages quote user input) and picks the exit code.
fn fail(e: &Error) -> ExitCode {
    eprintln!("pyguide: {}", printable_line(&e.to_string()));
    ExitCode::from(e.exit_code())
}
