//! Every style the renderer uses, for a dark or light terminal, in any colour depth.

use ratatui::style::{Color, Modifier, Style};

/// How much colour the output may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorMode {
    /// 24-bit colour (`COLORTERM=truecolor`).
    TrueColor,
    /// The xterm 256-colour palette.
    Ansi256,
    /// Bold, italic and underline but no colour (`NO_COLOR`).
    Monochrome,
    /// No escape sequences at all (a pipe or `--color never`).
    Plain,
}

impl ColorMode {
    pub fn has_color(self) -> bool {
        matches!(self, ColorMode::TrueColor | ColorMode::Ansi256)
    }

    /// The colour to use for `(r, g, b)` in this mode.
    pub fn color(self, (r, g, b): (u8, u8, u8)) -> Option<Color> {
        match self {
            ColorMode::TrueColor => Some(Color::Rgb(r, g, b)),
            ColorMode::Ansi256 => Some(Color::Indexed(ansi256(r, g, b))),
            ColorMode::Monochrome | ColorMode::Plain => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeKind {
    #[default]
    Dark,
    Light,
}

/// Styles for each kind of content.
#[derive(Clone, Debug)]
pub struct Theme {
    pub kind: ThemeKind,
    pub mode: ColorMode,
    pub title: Style,
    pub heading: Style,
    pub subheading: Style,
    pub text: Style,
    pub strong: Style,
    pub emphasis: Style,
    pub inline_code: Style,
    pub link: Style,
    pub muted: Style,
    pub quote: Style,
    pub bullet: Style,
    pub done: Style,
    pub border: Style,
    pub code_label: Style,
    pub code_text: Style,
    pub diagram: Style,
    pub table_header: Style,
    pub marker: Style,
}

struct Palette {
    title: (u8, u8, u8),
    heading: (u8, u8, u8),
    subheading: (u8, u8, u8),
    code: (u8, u8, u8),
    link: (u8, u8, u8),
    muted: (u8, u8, u8),
    accent: (u8, u8, u8),
    diagram: (u8, u8, u8),
    done: (u8, u8, u8),
    code_text: (u8, u8, u8),
}

const DARK: Palette = Palette {
    title: (229, 192, 123),
    heading: (97, 175, 239),
    subheading: (198, 120, 221),
    code: (224, 108, 117),
    link: (86, 182, 194),
    muted: (128, 135, 150),
    accent: (229, 192, 123),
    diagram: (152, 195, 121),
    done: (152, 195, 121),
    code_text: (192, 197, 206),
};

const LIGHT: Palette = Palette {
    title: (152, 104, 1),
    heading: (64, 120, 242),
    subheading: (166, 38, 164),
    code: (202, 18, 67),
    link: (1, 132, 188),
    muted: (105, 108, 119),
    accent: (152, 104, 1),
    diagram: (56, 130, 56),
    done: (56, 130, 56),
    code_text: (50, 50, 50),
};

/// Colours for each kind of token in code.
pub(crate) struct CodeColors {
    pub foreground: (u8, u8, u8),
    pub comment: (u8, u8, u8),
    pub string: (u8, u8, u8),
    pub escape: (u8, u8, u8),
    pub number: (u8, u8, u8),
    pub keyword: (u8, u8, u8),
    pub operator: (u8, u8, u8),
    pub function: (u8, u8, u8),
    pub class: (u8, u8, u8),
    pub parameter: (u8, u8, u8),
    pub builtin: (u8, u8, u8),
    pub decorator: (u8, u8, u8),
}

const DARK_CODE: CodeColors = CodeColors {
    foreground: (200, 204, 212),
    comment: (127, 132, 142),
    string: (152, 195, 121),
    escape: (86, 182, 194),
    number: (209, 154, 102),
    keyword: (198, 120, 221),
    operator: (86, 182, 194),
    function: (97, 175, 239),
    class: (229, 192, 123),
    parameter: (224, 108, 117),
    builtin: (86, 182, 194),
    decorator: (229, 192, 123),
};

const LIGHT_CODE: CodeColors = CodeColors {
    foreground: (56, 58, 66),
    comment: (110, 112, 120),
    string: (56, 130, 56),
    escape: (1, 132, 188),
    number: (152, 104, 1),
    keyword: (166, 38, 164),
    operator: (1, 132, 188),
    function: (64, 120, 242),
    class: (152, 104, 1),
    parameter: (202, 18, 67),
    builtin: (1, 132, 188),
    decorator: (152, 104, 1),
};

impl Theme {
    pub fn new(kind: ThemeKind, mode: ColorMode) -> Self {
        let p = match kind {
            ThemeKind::Dark => &DARK,
            ThemeKind::Light => &LIGHT,
        };
        let fg = |rgb| match mode.color(rgb) {
            Some(color) => Style::default().fg(color),
            None => Style::default(),
        };
        let bold = Modifier::BOLD;
        Theme {
            kind,
            mode,
            title: fg(p.title).add_modifier(bold),
            heading: fg(p.heading).add_modifier(bold),
            subheading: fg(p.subheading).add_modifier(bold),
            text: Style::default(),
            strong: Style::default().add_modifier(bold),
            emphasis: Style::default().add_modifier(Modifier::ITALIC),
            inline_code: fg(p.code),
            link: fg(p.link).add_modifier(Modifier::UNDERLINED),
            muted: fg(p.muted),
            quote: fg(p.muted).add_modifier(Modifier::ITALIC),
            bullet: fg(p.accent),
            done: fg(p.done).add_modifier(bold),
            border: fg(p.muted),
            code_label: fg(p.accent).add_modifier(bold),
            code_text: fg(p.code_text),
            diagram: fg(p.diagram),
            table_header: fg(p.heading).add_modifier(bold),
            marker: fg(p.muted).add_modifier(bold),
        }
    }

    /// Colours for code, in the same palette as the rest of the page.
    pub(crate) fn code_colors(&self) -> &'static CodeColors {
        match self.kind {
            ThemeKind::Dark => &DARK_CODE,
            ThemeKind::Light => &LIGHT_CODE,
        }
    }

    /// Without colour, inline code keeps its backticks so it still stands out.
    pub(crate) fn ticks_inline_code(&self) -> bool {
        !self.mode.has_color()
    }
}

/// The nearest colour of the xterm palette: the 6×6×6 cube or the 24-step grey ramp.
pub fn ansi256(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| match v {
        0..=47 => 0,
        48..=114 => 1,
        _ => (v - 35) / 40,
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (
        LEVELS[ri as usize],
        LEVELS[gi as usize],
        LEVELS[bi as usize],
    );
    let average = (r as u32 + g as u32 + b as u32) / 3;
    let grey_index = if average > 238 {
        23
    } else {
        average.saturating_sub(3) / 10
    };
    let grey = (8 + 10 * grey_index) as u8;
    let distance = |(x, y, z): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (a as i32 - b as i32).pow(2);
        d(x, r) + d(y, g) + d(z, b)
    };
    if distance((grey, grey, grey)) < distance(cube) {
        232 + grey_index as u8
    } else {
        16 + 36 * ri + 6 * gi + bi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_rgb_to_the_xterm_palette() {
        assert_eq!(ansi256(0, 0, 0), 16);
        assert_eq!(ansi256(255, 255, 255), 231);
        assert_eq!(ansi256(255, 0, 0), 196);
        assert_eq!(ansi256(128, 128, 128), 244);
        assert_eq!(ansi256(95, 135, 175), 67);
    }

    #[test]
    fn no_color_modes_have_no_colors() {
        for mode in [ColorMode::Monochrome, ColorMode::Plain] {
            let theme = Theme::new(ThemeKind::Dark, mode);
            assert_eq!(theme.heading.fg, None);
            assert!(theme.heading.add_modifier.contains(Modifier::BOLD));
        }
        let theme = Theme::new(ThemeKind::Dark, ColorMode::Ansi256);
        assert!(matches!(theme.heading.fg, Some(Color::Indexed(_))));
    }
}
