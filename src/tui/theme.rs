//! Every style the tutor's chrome uses (borders, selection, status bar, help), for a dark or
//! light terminal, in colour or without. Pages themselves use the renderer's [`Theme`].

use ratatui::style::{Modifier, Style};

use crate::render::{Theme, ThemeKind};

#[derive(Clone, Debug)]
pub struct Styles {
    /// How pages are drawn: the same theme `pyguide show` uses.
    pub page: Theme,
    pub border: Style,
    pub border_focused: Style,
    pub pane_title: Style,
    pub crumb_separator: Style,
    pub section: Style,
    /// A section holding the page on screen.
    pub section_current: Style,
    pub entry: Style,
    /// The page on screen, in the sidebar.
    pub current: Style,
    /// The sidebar's selection while it has focus, and while it has not.
    pub selected: Style,
    pub selected_idle: Style,
    pub status: Style,
    pub status_key: Style,
    pub message: Style,
    pub error: Style,
    pub help_heading: Style,
    pub help_key: Style,
    pub notice: Style,
    /// Words a search matched, and those of the match last jumped to.
    pub found: Style,
    pub found_current: Style,
}

struct Chrome {
    found: (u8, u8, u8),
    found_current: (u8, u8, u8),
    found_text: (u8, u8, u8),
    selection: (u8, u8, u8),
    idle_selection: (u8, u8, u8),
    status: (u8, u8, u8),
    error: (u8, u8, u8),
}

const DARK: Chrome = Chrome {
    found: (229, 192, 123),
    found_current: (240, 140, 60),
    found_text: (30, 33, 39),
    selection: (62, 68, 82),
    idle_selection: (44, 48, 58),
    status: (33, 37, 43),
    error: (224, 108, 117),
};

const LIGHT: Chrome = Chrome {
    found: (255, 222, 110),
    found_current: (255, 160, 70),
    found_text: (20, 20, 20),
    selection: (208, 216, 232),
    idle_selection: (228, 232, 240),
    status: (236, 238, 242),
    error: (202, 18, 67),
};

impl Styles {
    pub fn new(page: &Theme) -> Self {
        let mode = page.mode;
        if !mode.has_color() {
            return Self::monochrome(page);
        }
        let c = match page.kind {
            ThemeKind::Dark => &DARK,
            ThemeKind::Light => &LIGHT,
        };
        let bg = |rgb| {
            mode.color(rgb)
                .map_or(Style::default(), |c| Style::default().bg(c))
        };
        let fg = |rgb| {
            mode.color(rgb)
                .map_or(Style::default(), |c| Style::default().fg(c))
        };
        let bold = Modifier::BOLD;
        Styles {
            border: page.border,
            border_focused: page.heading.remove_modifier(bold),
            pane_title: page.heading,
            crumb_separator: page.muted,
            section: page.text.add_modifier(bold),
            section_current: page.title,
            entry: page.text,
            current: page.title,
            selected: bg(c.selection).add_modifier(bold),
            selected_idle: bg(c.idle_selection),
            status: bg(c.status),
            status_key: bg(c.status).patch(page.bullet).add_modifier(bold),
            message: bg(c.status)
                .patch(page.link)
                .remove_modifier(Modifier::UNDERLINED),
            error: fg(c.error).add_modifier(bold),
            help_heading: page.heading,
            help_key: page.bullet.add_modifier(bold),
            notice: page.title,
            found: bg(c.found).patch(fg(c.found_text)),
            found_current: bg(c.found_current)
                .patch(fg(c.found_text))
                .add_modifier(bold),
            page: page.clone(),
        }
    }

    /// Without colour, selection is reverse video and emphasis is bold and underline.
    fn monochrome(page: &Theme) -> Self {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        Styles {
            page: page.clone(),
            border: plain,
            border_focused: bold,
            pane_title: bold,
            crumb_separator: plain,
            section: bold,
            section_current: bold.add_modifier(Modifier::UNDERLINED),
            entry: plain,
            current: bold.add_modifier(Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_idle: bold,
            status: plain.add_modifier(Modifier::REVERSED),
            status_key: bold.add_modifier(Modifier::REVERSED),
            message: plain.add_modifier(Modifier::REVERSED),
            error: bold,
            help_heading: bold.add_modifier(Modifier::UNDERLINED),
            help_key: bold,
            notice: bold,
            found: plain.add_modifier(Modifier::REVERSED),
            found_current: bold.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::ColorMode;

    #[test]
    fn without_colour_no_style_carries_a_colour() {
        let styles = Styles::new(&Theme::new(ThemeKind::Dark, ColorMode::Monochrome));
        let all = [
            styles.border_focused,
            styles.selected,
            styles.selected_idle,
            styles.status,
            styles.current,
            styles.help_key,
            styles.found,
            styles.found_current,
        ];
        for style in all {
            assert!(style.fg.is_none() && style.bg.is_none(), "{style:?}");
        }
        assert!(styles.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn colour_modes_use_their_palette() {
        use ratatui::style::Color;
        let true_colour = Styles::new(&Theme::new(ThemeKind::Dark, ColorMode::TrueColor));
        assert!(matches!(true_colour.selected.bg, Some(Color::Rgb(..))));
        let indexed = Styles::new(&Theme::new(ThemeKind::Light, ColorMode::Ansi256));
        assert!(matches!(indexed.selected.bg, Some(Color::Indexed(_))));
    }
}
