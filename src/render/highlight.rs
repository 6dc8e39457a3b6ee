//! Syntax colouring with syntect. The syntax set loads once, on first use; the code theme
//! is built from pyguide's palette; only code that is about to be shown is highlighted.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::style::{Modifier, Style};
use syntect::easy::HighlightLines;
use syntect::highlighting::{
    Color, FontStyle, ScopeSelectors, StyleModifier, Theme as CodeTheme, ThemeItem, ThemeSettings,
};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::theme::{CodeColors, ColorMode, Theme, ThemeKind};
use crate::guide::{Block, BlockKind};

/// One code block, line by line, as styled pieces.
pub(crate) type CodeLines = Vec<Vec<(Style, String)>>;

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// The syntect theme for code, built from pyguide's own palette: a dozen rules match
/// faster than a stock theme's hundred, and code looks like the rest of the page.
fn code_theme(theme: &Theme) -> &'static CodeTheme {
    static DARK: OnceLock<CodeTheme> = OnceLock::new();
    static LIGHT: OnceLock<CodeTheme> = OnceLock::new();
    let cell = match theme.kind {
        ThemeKind::Dark => &DARK,
        ThemeKind::Light => &LIGHT,
    };
    cell.get_or_init(|| build_code_theme(theme.code_colors()))
}

fn build_code_theme(c: &CodeColors) -> CodeTheme {
    let rgb = |(r, g, b): (u8, u8, u8)| Color { r, g, b, a: 0xFF };
    let rules: [(&str, (u8, u8, u8), FontStyle); 12] = [
        (
            "comment, punctuation.definition.comment",
            c.comment,
            FontStyle::ITALIC,
        ),
        (
            "string, punctuation.definition.string",
            c.string,
            FontStyle::empty(),
        ),
        (
            "constant.character.escape, constant.other.placeholder, string.regexp",
            c.escape,
            FontStyle::empty(),
        ),
        (
            "constant.numeric, constant.language",
            c.number,
            FontStyle::empty(),
        ),
        (
            "keyword, storage.type, storage.modifier",
            c.keyword,
            FontStyle::empty(),
        ),
        (
            "keyword.operator, punctuation.separator.annotation",
            c.operator,
            FontStyle::empty(),
        ),
        (
            "keyword.operator.logical, keyword.operator.word",
            c.keyword,
            FontStyle::empty(),
        ),
        (
            "entity.name.function, variable.function, meta.function-call.identifier",
            c.function,
            FontStyle::empty(),
        ),
        (
            "entity.name.class, entity.other.inherited-class, support.class, entity.name.type",
            c.class,
            FontStyle::empty(),
        ),
        (
            "variable.parameter, variable.language",
            c.parameter,
            FontStyle::ITALIC,
        ),
        (
            "support.function, support.type",
            c.builtin,
            FontStyle::empty(),
        ),
        (
            "meta.annotation, variable.annotation, punctuation.definition.annotation",
            c.decorator,
            FontStyle::empty(),
        ),
    ];
    let scopes = rules
        .iter()
        .filter_map(|(selector, color, font)| {
            let scope = selector.parse::<ScopeSelectors>().ok()?;
            let font_style = (!font.is_empty()).then_some(*font);
            Some(ThemeItem {
                scope,
                style: StyleModifier {
                    foreground: Some(rgb(*color)),
                    background: None,
                    font_style,
                },
            })
        })
        .collect();
    let settings = ThemeSettings {
        foreground: Some(rgb(c.foreground)),
        ..ThemeSettings::default()
    };
    CodeTheme {
        name: Some("pyguide".into()),
        author: None,
        settings,
        scopes,
    }
}

fn syntax_for(lang: &str) -> Option<&'static SyntaxReference> {
    let set = syntaxes();
    set.find_syntax_by_token(lang)
        .or_else(|| set.find_syntax_by_token(&lang.to_ascii_lowercase()))
}

/// Fewer lines than this are not worth a second thread.
const PARALLEL_LINES: usize = 200;

/// One code block's highlighting, done at most once, by whichever thread claims it first.
struct Slot {
    claimed: AtomicBool,
    done: OnceLock<Option<CodeLines>>,
}

/// One code block to highlight: its language and text, and the key it is asked for by.
pub(crate) struct Job<'g> {
    pub key: usize,
    pub lang: Option<&'g str>,
    pub text: &'g str,
}

impl<'g> Job<'g> {
    /// The job for a code block, keyed by the block's address: a page borrows its blocks,
    /// so the address names the block for as long as the page lives.
    pub(crate) fn for_block(block: &'g Block) -> Option<Self> {
        let BlockKind::Code { lang, text } = &block.kind else {
            return None;
        };
        Some(Job {
            key: std::ptr::from_ref(block) as usize,
            lang: lang.as_deref(),
            text,
        })
    }
}

/// The highlighting of a page's code blocks, made on demand.
pub(crate) struct Highlights<'g> {
    jobs: Vec<Job<'g>>,
    index: HashMap<usize, usize>,
    slots: Vec<Slot>,
    theme: Theme,
}

impl<'g> Highlights<'g> {
    /// Costs nothing until a block is asked for.
    pub(crate) fn new(jobs: Vec<Job<'g>>, theme: &Theme) -> Self {
        let index = jobs
            .iter()
            .enumerate()
            .map(|(i, job)| (job.key, i))
            .collect();
        let slots = jobs
            .iter()
            .map(|_| Slot {
                claimed: AtomicBool::new(false),
                done: OnceLock::new(),
            })
            .collect();
        Highlights {
            jobs,
            index,
            slots,
            theme: theme.clone(),
        }
    }

    /// The highlighting of `block`, if it is one of this page's code blocks.
    pub(crate) fn get_for(&self, block: &Block) -> Option<&CodeLines> {
        self.get(*self.index.get(&(std::ptr::from_ref(block) as usize))?)
    }

    /// Block `i` highlighted (`None` without colour or for an unknown language): done now
    /// unless another thread has claimed it, in which case this waits for that thread.
    pub(crate) fn get(&self, i: usize) -> Option<&CodeLines> {
        let slot = self.slots.get(i)?;
        self.claim_and_run(i);
        slot.done.wait().as_ref()
    }

    fn claim_and_run(&self, i: usize) {
        let slot = &self.slots[i];
        if slot.claimed.swap(true, Ordering::AcqRel) {
            return;
        }
        let Job { lang, text, .. } = self.jobs[i];
        // A panic inside syntect must not leave the block unset (waiters would hang) or take
        // the page down: the block is shown uncoloured instead.
        let run = std::panic::AssertUnwindSafe(|| highlight(lang, text, &self.theme));
        let _ = slot.done.set(std::panic::catch_unwind(run).ok().flatten());
    }

    /// Runs `f` (which asks for blocks in order) while a second thread highlights from the
    /// other end, when there is enough unclaimed code and a second core to pay for the thread.
    pub(crate) fn with_helper<R>(&self, f: impl FnOnce() -> R) -> R {
        let unclaimed: usize = (0..self.jobs.len())
            .filter(|&i| !self.slots[i].claimed.load(Ordering::Acquire))
            .map(|i| self.jobs[i].text.lines().count())
            .sum();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if !self.theme.mode.has_color() || unclaimed < PARALLEL_LINES || cores < 2 {
            return f();
        }
        std::thread::scope(|scope| {
            // The helper works from the last block back while `f` asks from the first on, so
            // they meet in the middle instead of the helper always taking the next one.
            let ahead = || {
                (0..self.jobs.len())
                    .rev()
                    .for_each(|i| self.claim_and_run(i))
            };
            // Without a thread, `f` simply does all the work itself.
            let _helper = std::thread::Builder::new()
                .name("highlight".into())
                .spawn_scoped(scope, ahead);
            f()
        })
    }
}

pub(crate) fn warm_up(theme: &Theme) {
    if theme.mode.has_color() {
        syntaxes();
        code_theme(theme);
    }
}

fn highlight(lang: Option<&str>, text: &str, theme: &Theme) -> Option<CodeLines> {
    if !theme.mode.has_color() {
        return None;
    }
    let syntax = syntax_for(lang?)?;
    let mut highlighter = HighlightLines::new(syntax, code_theme(theme));
    let mut out = Vec::new();
    for line in LinesWithEndings::from(text) {
        let ranges = highlighter.highlight_line(line, syntaxes()).ok()?;
        let pieces = ranges
            .into_iter()
            .map(|(style, piece)| {
                (
                    convert(style, theme.mode),
                    piece.trim_end_matches('\n').to_string(),
                )
            })
            .filter(|(_, piece)| !piece.is_empty())
            .collect();
        out.push(pieces);
    }
    // LinesWithEndings yields no row after a final newline; the plain path (split) does.
    if text.is_empty() || text.ends_with('\n') {
        out.push(Vec::new());
    }
    Some(out)
}

fn convert(style: syntect::highlighting::Style, mode: ColorMode) -> Style {
    let fg = style.foreground;
    let mut out = match mode.color((fg.r, fg.g, fg.b)) {
        Some(color) => Style::default().fg(color),
        None => Style::default(),
    };
    if style.font_style.contains(FontStyle::BOLD) {
        out = out.add_modifier(Modifier::BOLD);
    }
    if style.font_style.contains(FontStyle::ITALIC) {
        out = out.add_modifier(Modifier::ITALIC);
    }
    if style.font_style.contains(FontStyle::UNDERLINE) {
        out = out.add_modifier(Modifier::UNDERLINED);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::ThemeKind;

    fn jobs<'a>(jobs: &[(Option<&'a str>, &'a str)]) -> Vec<Job<'a>> {
        jobs.iter()
            .enumerate()
            .map(|(key, &(lang, text))| Job { key, lang, text })
            .collect()
    }

    fn all(jobs: &[(Option<&str>, &str)], theme: &Theme) -> Vec<Option<CodeLines>> {
        let highlights = Highlights::new(self::jobs(jobs), theme);
        highlights.with_helper(|| {
            (0..jobs.len())
                .map(|i| highlights.get(i).cloned())
                .collect()
        })
    }

    #[test]
    fn highlights_python_in_colour_only() {
        let jobs = [(Some("python"), "def f():\n    return 1")];
        let colour = all(&jobs, &Theme::new(ThemeKind::Dark, ColorMode::TrueColor));
        let lines = colour[0].as_ref().expect("python is known");
        assert_eq!(lines.len(), 2);
        let text: String = lines[0].iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(text, "def f():");
        assert!(lines[0].iter().any(|(s, _)| s.fg.is_some()));
        let plain = all(&jobs, &Theme::new(ThemeKind::Dark, ColorMode::Monochrome));
        assert!(plain[0].is_none());
    }

    #[test]
    fn unknown_languages_are_left_to_the_caller() {
        let theme = Theme::new(ThemeKind::Dark, ColorMode::Ansi256);
        assert!(all(&[(Some("no-such-lang"), "x")], &theme)[0].is_none());
        assert!(all(&[(None, "x")], &theme)[0].is_none());
        assert!(Highlights::new(Vec::new(), &theme).get(3).is_none());
    }

    #[test]
    fn a_helper_thread_gives_the_same_result_as_one_thread() {
        let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
        let body = "x = [i * i for i in range(10)]  # squares\n".repeat(150);
        let jobs = [
            (Some("python"), body.as_str()),
            (Some("py"), body.as_str()),
            (Some("python"), "y = 1"),
        ];
        let together = all(&jobs, &theme);
        let alone = Highlights::new(self::jobs(&jobs), &theme);
        let one_by_one: Vec<_> = (0..jobs.len()).map(|i| alone.get(i).cloned()).collect();
        assert_eq!(together, one_by_one);
    }

    #[test]
    fn every_code_theme_rule_parses() {
        for kind in [ThemeKind::Dark, ThemeKind::Light] {
            let theme = Theme::new(kind, ColorMode::TrueColor);
            assert_eq!(code_theme(&theme).scopes.len(), 12);
        }
    }

    #[test]
    fn keywords_strings_and_comments_get_distinct_colours() {
        let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
        let lines = all(&[(Some("python"), "def f(): return 'x'  # note")], &theme);
        let line = &lines[0].as_ref().unwrap()[0];
        let color_of = |word: &str| {
            line.iter()
                .find(|(_, t)| t.contains(word))
                .map(|(s, _)| s.fg)
        };
        let (def, string, comment) = (color_of("def"), color_of("'x'"), color_of("note"));
        assert!(
            def.is_some() && def != string && string != comment && def != comment,
            "{line:?}"
        );
    }
}
