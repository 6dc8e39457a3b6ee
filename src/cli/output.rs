//! Where output goes and what it may use: colour depth and width from flags, the
//! environment and whether stdout is a terminal. Decisions are pure functions of those.

use std::io::IsTerminal;

use crate::render::ColorMode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    Always,
    Never,
}

/// What the environment says about colour.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub no_color: bool,
    pub truecolor: bool,
    pub dumb: bool,
    pub columns: Option<usize>,
}

impl Env {
    pub fn read() -> Self {
        let var = |name| std::env::var(name).ok();
        Env {
            // The NO_COLOR convention: set and not empty.
            no_color: var("NO_COLOR").is_some_and(|v| !v.is_empty()),
            truecolor: var("COLORTERM")
                .is_some_and(|v| matches!(v.as_str(), "truecolor" | "24bit")),
            dumb: var("TERM").is_some_and(|v| v == "dumb"),
            columns: var("COLUMNS").and_then(|v| parse_width(&v).ok()),
        }
    }
}

/// The widest page pyguide lays out: wider is surely a mistake, and costly.
pub const MAX_WIDTH: usize = 10_000;

/// A width in columns, from 1 to [`MAX_WIDTH`].
pub fn parse_width(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(w @ 1..=MAX_WIDTH) => Ok(w),
        _ => Err(format!(
            "the width must be a number of columns from 1 to {MAX_WIDTH}"
        )),
    }
}

/// The colour mode for a choice. An explicit `--color always` wins over `NO_COLOR`, as
/// command-line flags win over the environment.
pub fn color_mode(choice: ColorChoice, is_terminal: bool, env: &Env) -> ColorMode {
    let depth = if env.truecolor {
        ColorMode::TrueColor
    } else {
        ColorMode::Ansi256
    };
    match choice {
        ColorChoice::Never => ColorMode::Plain,
        ColorChoice::Always => depth,
        ColorChoice::Auto if !is_terminal || env.dumb => ColorMode::Plain,
        ColorChoice::Auto if env.no_color => ColorMode::Monochrome,
        ColorChoice::Auto => depth,
    }
}

/// The colour mode for the full-screen tutor. It always draws with styles, so "never"
/// and `NO_COLOR` mean bold, underline and reverse video but no colour.
pub fn tutor_color_mode(choice: ColorChoice, env: &Env) -> ColorMode {
    match color_mode(choice, true, env) {
        ColorMode::Plain => ColorMode::Monochrome,
        mode => mode,
    }
}

/// Width when none is given: the terminal's, else `COLUMNS`, else 100.
pub fn default_width(terminal: Option<usize>, env: &Env) -> usize {
    terminal.filter(|w| *w > 0).or(env.columns).unwrap_or(100)
}

pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// The terminal's width when stdout is one.
pub fn terminal_width() -> Option<usize> {
    if !stdout_is_terminal() {
        return None;
    }
    crossterm::terminal::size().ok().map(|(w, _)| w as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colour_follows_the_terminal_and_environment() {
        let env = Env::default();
        assert_eq!(color_mode(ColorChoice::Auto, false, &env), ColorMode::Plain);
        assert_eq!(
            color_mode(ColorChoice::Auto, true, &env),
            ColorMode::Ansi256
        );
        let env = Env {
            truecolor: true,
            ..Env::default()
        };
        assert_eq!(
            color_mode(ColorChoice::Auto, true, &env),
            ColorMode::TrueColor
        );
        let env = Env {
            no_color: true,
            truecolor: true,
            ..Env::default()
        };
        assert_eq!(
            color_mode(ColorChoice::Auto, true, &env),
            ColorMode::Monochrome
        );
        let env = Env {
            dumb: true,
            ..Env::default()
        };
        assert_eq!(color_mode(ColorChoice::Auto, true, &env), ColorMode::Plain);
    }

    #[test]
    fn explicit_choices_win() {
        let env = Env {
            no_color: true,
            ..Env::default()
        };
        assert_eq!(
            color_mode(ColorChoice::Always, false, &env),
            ColorMode::Ansi256
        );
        assert_eq!(
            color_mode(ColorChoice::Never, true, &Env::default()),
            ColorMode::Plain
        );
    }

    #[test]
    fn the_tutor_never_goes_without_styles() {
        let no_color = Env {
            no_color: true,
            truecolor: true,
            ..Env::default()
        };
        assert_eq!(
            tutor_color_mode(ColorChoice::Auto, &no_color),
            ColorMode::Monochrome
        );
        assert_eq!(
            tutor_color_mode(ColorChoice::Never, &Env::default()),
            ColorMode::Monochrome
        );
        assert_eq!(
            tutor_color_mode(ColorChoice::Always, &no_color),
            ColorMode::TrueColor
        );
        assert_eq!(
            tutor_color_mode(ColorChoice::Auto, &Env::default()),
            ColorMode::Ansi256
        );
    }

    #[test]
    fn width_defaults_to_the_terminal_then_columns_then_100() {
        let env = Env {
            columns: Some(72),
            ..Env::default()
        };
        assert_eq!(default_width(Some(120), &env), 120);
        assert_eq!(default_width(None, &env), 72);
        assert_eq!(default_width(None, &Env::default()), 100);
        assert_eq!(default_width(Some(0), &Env::default()), 100);
    }
}
