//! The `pyguide` binary: parse arguments, run, and turn errors into one line and an exit code.

use std::io::{BufWriter, ErrorKind, Write};
use std::process::ExitCode;

use clap::Parser;
use pyguide::cli::{self, Cli};
use pyguide::error::Error;
use pyguide::render::printable_line;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version print to stdout, and succeed if they could.
            let written = write!(std::io::stdout(), "{}", e.render())
                .and_then(|()| std::io::stdout().flush());
            return match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!(
                        "pyguide: {}",
                        printable_line(&Error::Output(error).to_string())
                    );
                    ExitCode::FAILURE
                }
            };
        }
        Err(e) => {
            eprintln!("pyguide: {}", printable_line(&cli::usage_error_line(&e)));
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    match cli::run(&cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // `pyguide show all | head` closing the pipe early is not an error.
        Err(Error::Output(e)) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            drop(out);
            // Messages quote user input (ids, paths): keep them to one safe line.
            eprintln!("pyguide: {}", printable_line(&e.to_string()));
            ExitCode::from(e.exit_code())
        }
    }
}
