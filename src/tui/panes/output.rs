//! A run's output under the lesson: a title that says how it is going (spinner and time,
//! then the exit status and duration), a missing package's hint first, then what the
//! program printed, stderr in its own colour, wrapped and followed as it grows.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::scrollbar;
use crate::render::hard_wrap;
use crate::run::{self, OUTPUT_CAP, Status, Stream};
use crate::tui::action::Action;
use crate::tui::keymap::{Mode, keys_for};
use crate::tui::state::{RunView, State};
use crate::tui::theme::Styles;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub struct OutputPane<'a> {
    pub state: &'a State,
    pub view: &'a RunView,
    pub styles: &'a Styles,
}

impl Widget for OutputPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (view, styles) = (self.view, self.styles);
        let keys = bottom_title(view.running());
        Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(styles.border_focused)
            .title(self.title())
            .title_bottom(Line::styled(keys, styles.page.muted).alignment(Alignment::Right))
            .render(area, buf);
        let body = Rect::new(
            area.x + 2,
            area.y + 1,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
        );
        if body.is_empty() {
            return;
        }
        let (head, foot) = (self.head(), self.foot());
        let room = usize::from(body.height).saturating_sub(head.len() + foot.len());
        let (rows, first, total) = self.rows(usize::from(body.width), room);
        let lines = head.into_iter().chain(rows).chain(foot);
        for (y, line) in (body.y..body.bottom()).zip(lines) {
            buf.set_line(body.x, y, &line, body.width);
        }
        scrollbar(buf, area, total, room, first, styles.border_focused);
    }
}

/// " Esc stops " while the program runs; " x runs again · Esc closes " after.
fn bottom_title(running: bool) -> String {
    let close = keys_for(Mode::Normal, &Action::Close);
    match running {
        true => format!(" {close} stops "),
        false => {
            let run = keys_for(Mode::Normal, &Action::RunBlock);
            format!(" {run} runs again · {close} closes ")
        }
    }
}

impl OutputPane<'_> {
    /// " ⠹ 2.5 · block 1 · 1.2 s " while running; " ✓ 2.5 · block 1 · exit 0 · 42 ms " after.
    fn title(&self) -> Line<'static> {
        let (view, styles) = (self.view, self.styles);
        let elapsed = view.elapsed(self.state.now);
        let (mark, outcome, style) = match &view.ended {
            None if view.stopping => ("■", "stopping".to_string(), styles.pane_title),
            None => {
                let frame = (elapsed.as_millis() / 100) as usize % SPINNER.len();
                (SPINNER[frame], "running".to_string(), styles.pane_title)
            }
            Some(Err(_)) => ("✗", "could not start".to_string(), styles.error),
            Some(Ok(ended)) => match ended.status {
                Status::Exited(0) => ("✓", "exit 0".to_string(), styles.page.done),
                Status::Exited(code) => ("✗", format!("exit {code}"), styles.error),
                Status::Signalled(n) => ("✗", format!("killed by signal {n}"), styles.error),
                Status::TimedOut(after) => (
                    "⏱",
                    format!("stopped after {} s", run::seconds(after)),
                    styles.error,
                ),
                Status::Stopped => ("■", "stopped".to_string(), styles.pane_title),
            },
        };
        let time = match &view.ended {
            Some(Err(_)) => String::new(),
            _ => format!(" · {}", run::took(elapsed)),
        };
        Line::from(vec![
            Span::styled(format!(" {mark} "), style),
            Span::styled(view.name.clone(), styles.pane_title),
            Span::styled(format!(" · {outcome}{time} "), style),
        ])
    }

    /// What goes above the output: why it could not start, or the package it needs.
    fn head(&self) -> Vec<Line<'static>> {
        let styles = self.styles;
        match (&self.view.ended, &self.view.missing) {
            (Some(Err(why)), _) => vec![Line::styled(why.clone(), styles.error)],
            (_, Some(missing)) => vec![
                Line::styled(missing.line.clone(), styles.error),
                Line::styled(missing.hint(), styles.pane_title),
                Line::default(),
            ],
            _ => Vec::new(),
        }
    }

    /// What goes below it: a note that the output was cut, or that there was none.
    fn foot(&self) -> Vec<Line<'static>> {
        let (view, muted) = (self.view, self.styles.page.muted);
        let dropped = match &view.ended {
            Some(Ok(ended)) => ended.dropped,
            _ => 0,
        };
        let kept_all = view.transcript.bytes < OUTPUT_CAP;
        if dropped > 0 || (!kept_all && view.running()) {
            let more = match dropped {
                0 => "the rest is not kept".to_string(),
                n => format!("the {n} bytes after it were not kept"),
            };
            return vec![Line::styled(
                format!("output cut at {} MB: {more}", OUTPUT_CAP >> 20),
                muted,
            )];
        }
        if view.transcript.is_empty() {
            let text = match &view.ended {
                None => "waiting for output…",
                Some(Ok(_)) => "(no output)",
                Some(Err(_)) => "",
            };
            return vec![Line::styled(text, muted)];
        }
        Vec::new()
    }

    /// Up to `room` rows of output `width` wide: from the row scrolled to, or ending at
    /// the last. Also the first line shown and how many there are, for the scrollbar.
    fn rows(&self, width: usize, room: usize) -> (Vec<Line<'static>>, usize, usize) {
        let lines = self.view.transcript.lines();
        let total = lines.len();
        let out = self.styles.page.text;
        let err = self.styles.error.remove_modifier(Modifier::BOLD);
        let style = |stream: Stream| if stream == Stream::Out { out } else { err };
        let wrapped = |i: usize| -> Vec<Line<'static>> {
            let line = &lines[i];
            let rows = hard_wrap(&line.text, width);
            let rows = rows.into_iter().map(|r| styled(r, style(line.stream)));
            rows.collect()
        };
        let mut rows = Vec::with_capacity(room);
        match self.view.scroll {
            Some(top) => {
                // Scrolled: rows from row `top` of the wrapped output on.
                let mut skipped = 0;
                let mut first = None;
                for i in 0..total {
                    let mut line = wrapped(i);
                    let skip = (top - skipped).min(line.len());
                    skipped += skip;
                    if skip < line.len() {
                        first.get_or_insert(i);
                        rows.extend(line.drain(skip..));
                    }
                    if rows.len() >= room {
                        break;
                    }
                }
                rows.truncate(room);
                (rows, first.unwrap_or(total), total)
            }
            None => {
                // Following the end: wrap from the last line back, only as far as shows.
                let mut first = total;
                while first > 0 && rows.len() < room {
                    first -= 1;
                    let mut above = wrapped(first);
                    above.append(&mut rows);
                    rows = above;
                }
                let excess = rows.len().saturating_sub(room);
                rows.drain(..excess);
                (rows, first, total)
            }
        }
    }
}

fn styled(text: &str, style: Style) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), style))
}
