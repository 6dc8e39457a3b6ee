//! The command line: subcommands over the library, writing to any `impl Write`.

mod doctor;
mod list;
pub mod output;
mod progress;
pub use progress::progress_store;
pub mod run;
mod search;
mod show;

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::guide::{Loaded, load};
use crate::render::{Theme, ThemeKind};
use output::{ColorChoice, Env};

/// An interactive terminal tutor for "Python for AI/ML/Agentic Coding - Architect's Guide".
///
/// With no command, opens the tutor. The guide ships inside pyguide; --guide reads
/// another one of the same shape (numbered '## N. Title' sections, '### N.M' lessons).
#[derive(Debug, Parser)]
#[command(name = "pyguide", version, max_term_width = 100)]
pub struct Cli {
    /// Read the guide from this markdown file instead of the built-in one.
    #[arg(long, global = true, value_name = "PATH")]
    pub guide: Option<PathBuf>,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Colours for a dark or a light terminal background.
    #[arg(long, global = true, value_enum, default_value_t)]
    pub theme: ThemeArg,
    /// Keep learning-path progress in this file [default: $PYGUIDE_PROGRESS, else one file
    /// per guide in the platform's data directory].
    #[arg(long, global = true, value_name = "PATH")]
    pub progress: Option<PathBuf>,
    /// The Python that runs the guide's code [default: $PYGUIDE_PYTHON, else the active
    /// virtualenv's python, else python3 on PATH].
    #[arg(long, global = true, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Seconds a run of the guide's code may take before it is stopped, with everything it
    /// started.
    #[arg(long, global = true, value_name = "SECS", default_value = "10",
          value_parser = crate::run::parse_timeout)]
    pub timeout: Duration,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the sections and their lessons.
    List {
        /// Print JSON: {"title", "sections": [{"number", "title", "line", "lessons": [{"id",
        /// "title", "line"}]}], "pages": [{"id", "kind", "title", "line"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Show a lesson (2.4), a whole section (2), any page by its id (home, learning-path,
    /// resources), or the whole guide (all). The learning path shows your ticks.
    Show {
        /// What to show: N.M, N, a page id, or all.
        #[arg(value_name = "ID")]
        id: String,
        /// Columns to wrap prose at [default: the terminal's width, else 100].
        #[arg(long, value_name = "COLUMNS", value_parser = output::parse_width)]
        width: Option<usize>,
    },
    /// Find lessons by keyword: "pyguide search garbage collection", "search in:code asyncio".
    Search {
        /// Words to look for; in:code, in:title or in:prose narrows where.
        #[arg(value_name = "QUERY", required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print JSON: [{"lesson", "title", "line", "snippet", "score"}], best first.
        #[arg(long)]
        json: bool,
        /// Show at most this many lessons.
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
        limit: u16,
    },
    /// Run a lesson's Python: its first block (2.5) or its N-th (2.4#2), in a fresh
    /// temporary directory with stdin closed. Output passes through as it comes; the exit
    /// code is the program's, 124 when --timeout stops it, 127 when no Python is found.
    Run {
        #[arg(value_name = "ID[#N]")]
        target: String,
    },
    /// Show the learning path: phases, items 1-16 with their ticks, and how many are done.
    Path {
        /// Print JSON: {"phases": [{"title", "weeks", "items": [{"n", "id", "text", "done"}]}], "done", "total"}.
        #[arg(long)]
        json: bool,
    },
    /// Tick learning-path items: by number (7), id, or words only one item has.
    Check {
        #[arg(value_name = "ITEM", required = true, num_args = 1..)]
        items: Vec<String>,
    },
    /// Untick learning-path items.
    Uncheck {
        #[arg(value_name = "ITEM", required = true, num_args = 1..)]
        items: Vec<String>,
    },
    /// The progress file: where it is, export, import (merging) or reset it.
    Progress {
        #[command(subcommand)]
        action: ProgressCommand,
    },
    /// Report what is in a guide: counts, encoding repairs and warnings.
    Doctor {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Print the progress file's path, and on a second line its lock file's.
    Where,
    /// Print the progress as JSON (the file's own format) or as a markdown checklist.
    Export {
        #[arg(long, value_enum, default_value_t)]
        format: ExportFormat,
    },
    /// Merge progress from a file written by export: ticks are added, never taken away.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Forget all progress for this guide.
    Reset {
        /// Yes, forget it all.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, ValueEnum)]
pub enum ExportFormat {
    #[default]
    Json,
    Md,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, ValueEnum)]
pub enum ThemeArg {
    #[default]
    Dark,
    Light,
}

impl From<ThemeArg> for ThemeKind {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Dark => ThemeKind::Dark,
            ThemeArg::Light => ThemeKind::Light,
        }
    }
}

/// The tutor's theme: the terminal is known to be one, so only the flags and the
/// environment decide how much colour it gets.
pub fn tutor_theme(cli: &Cli) -> Theme {
    let mode = output::tutor_color_mode(cli.color, &Env::read());
    Theme::new(cli.theme.into(), mode)
}

/// Runs a parsed command line, writing what it shows to `out`, and returns the exit code
/// (not 0 only for `run`, whose program chooses it).
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<u8, Error> {
    let env = Env::read();
    let mode = output::color_mode(cli.color, output::stdout_is_terminal(), &env);
    let theme = Theme::new(cli.theme.into(), mode);
    let loaded = load_guide(cli)?;
    match &cli.command {
        None | Some(Command::List { json: false }) => list::text(&loaded.guide, &theme, out)?,
        Some(Command::List { json: true }) => list::json(&loaded.guide, out)?,
        Some(Command::Show { id, width }) => {
            let width =
                width.unwrap_or_else(|| output::default_width(output::terminal_width(), &env));
            let progress = || progress::read(cli);
            show::run(&loaded.guide, id, width, &theme, progress, out)?;
        }
        Some(Command::Search { query, json, limit }) => {
            let query = query.join(" ");
            let limit = usize::from(*limit);
            if *json {
                search::json(&loaded.guide, &query, limit, out)?;
            } else {
                search::text(&loaded.guide, &query, limit, &theme, out)?;
            }
        }
        Some(Command::Path { json }) => progress::path(cli, &loaded.guide, *json, out)?,
        Some(Command::Check { items }) => progress::check(cli, &loaded.guide, items, true, out)?,
        Some(Command::Uncheck { items }) => progress::check(cli, &loaded.guide, items, false, out)?,
        Some(Command::Progress { action }) => progress::manage(cli, &loaded.guide, action, out)?,
        Some(Command::Doctor { json: false }) => doctor::text(&loaded, &theme, out)?,
        Some(Command::Doctor { json: true }) => doctor::json(&loaded, out)?,
        // Streams straight to stdout and stderr, as the program writes.
        Some(Command::Run { target }) => return run::run(cli, target),
    }
    out.flush().map_err(Error::Output)?;
    Ok(0)
}

/// Writes one line of a command's output. Failing to is an output error (main treats a
/// closed pipe as the reader having seen enough).
pub(crate) fn say(out: &mut dyn Write, line: impl std::fmt::Display) -> Result<(), Error> {
    writeln!(out, "{line}").map_err(Error::Output)
}

/// The guide `--guide` names, or the built-in one.
pub fn load_guide(cli: &Cli) -> Result<Loaded, Error> {
    Ok(match &cli.guide {
        Some(path) => load::from_path(path)?,
        None => load::builtin()?,
    })
}

/// Writes `value` as pretty JSON. serde_json escapes C0 controls; C1 controls (U+0080 to
/// U+009F), which some terminals also obey, are escaped here too. The result is still JSON.
pub(crate) fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)?;
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{80}'..='\u{9F}' => safe.push_str(&format!("\\u{:04x}", c as u32)),
            c => safe.push(c),
        }
    }
    say(out, safe)
}

/// A clap usage error as one line: its message and what was meant, without the usage block.
pub fn usage_error_line(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let parts: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
        })
        .collect();
    let line = parts.join(" ");
    let line = line.strip_prefix("error: ").unwrap_or(&line);
    format!("{line} (see 'pyguide --help')")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn usage_errors_fit_on_one_line() {
        let err = Cli::try_parse_from(["pyguide", "show", "2.4", "--width", "0"]).unwrap_err();
        let line = usage_error_line(&err);
        assert!(!line.contains('\n'));
        assert!(
            line.contains("the width must be a number of columns from 1 to 10000"),
            "{line}"
        );
        let err = Cli::try_parse_from(["pyguide", "show"]).unwrap_err();
        assert!(usage_error_line(&err).contains("<ID>"));
    }
}
