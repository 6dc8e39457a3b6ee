//! The learning path's page: a gauge for the whole path and one per phase,
//! each item with its checkbox and the lessons that teach it. Ticks read `[x]` and `[ ]`,
//! gauges carry their numbers, so nothing depends on colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::guide::{Guide, Item};
use crate::render::{display_width, fit, printable_line};
use crate::tui::book::{Book, PathRow};
use crate::tui::finder::Taught;
use crate::tui::keymap::{self, Mode};
use crate::tui::state::State;
use crate::tui::update::Context;

pub struct PathPane<'a, 'g> {
    pub state: &'a State,
    pub ctx: &'a Context<'a, 'g>,
}

/// Draws the rows into `area`, the lesson pane's text area.
impl Widget for PathPane<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let styles = self.ctx.styles;
        let total = self.ctx.book.guide.items().count();
        Clear.render(area, buf);
        if total == 0 {
            let line = Line::styled("This guide's learning path has no items.", styles.page.text);
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        let rows = self.ctx.book.path_rows();
        let height = usize::from(area.height);
        let first = Book::path_first_row(&rows, self.state.path.item, height);
        for (y, row) in rows.iter().skip(first).take(height).enumerate() {
            let at = Rect::new(area.x, area.y + y as u16, area.width, 1);
            self.row(buf, at, *row);
        }
    }
}

impl<'g> PathPane<'_, 'g> {
    /// The lesson pane's frame around the path: how much is done on its top border and,
    /// while it has focus, its keys on the bottom one.
    pub fn frame<'f>(&self, frame: Block<'f>, focused: bool) -> Block<'f> {
        let styles = self.ctx.styles;
        let (done, total) = self.count(self.ctx.book.guide.items());
        let done = Line::styled(format!(" {done}/{total} done "), styles.page.muted);
        let frame = frame.title(done.right_aligned());
        match focused {
            true => frame.title_bottom(Line::styled(
                keymap::border_line(Mode::Path),
                styles.page.muted,
            )),
            false => frame,
        }
    }

    fn count<'i>(&self, items: impl Iterator<Item = &'i Item>) -> (usize, usize) {
        let progress = &self.state.progress;
        items.fold((0, 0), |(done, total), item| {
            (done + usize::from(progress.ticked(item)), total + 1)
        })
    }

    fn row(&self, buf: &mut Buffer, at: Rect, row: PathRow) {
        let styles = self.ctx.styles;
        let guide: &'g Guide = self.ctx.book.guide;
        let width = usize::from(at.width);
        let line = match row {
            PathRow::Overall => {
                let (done, total) = self.count(guide.items());
                gauge_line("Overall", done, total, width, self.ctx)
            }
            PathRow::Phase(p) => {
                let Some(phase) = guide.learning_path.phases.get(p) else {
                    return;
                };
                let (done, total) = self.count(phase.items.iter());
                let name = match &phase.weeks {
                    Some(weeks) => format!("{} · weeks {weeks}", phase.title),
                    None => phase.title.clone(),
                };
                gauge_line(&name, done, total, width, self.ctx)
            }
            PathRow::Item(n) => {
                let Some(item) = guide.items().nth(n) else {
                    return;
                };
                let chosen = n == self.state.path.item;
                if chosen {
                    buf.set_style(at, styles.selected);
                }
                self.item_line(n, item, chosen, width)
            }
            PathRow::Blank => Line::default(),
        };
        buf.set_line(at.x, at.y, &line, at.width);
    }

    /// "▌[x]  5  Decorators & context managers      1.2  1.5"
    fn item_line(&self, n: usize, item: &Item, chosen: bool, width: usize) -> Line<'static> {
        let styles = self.ctx.styles;
        let done = self.state.progress.ticked(item);
        let marker = if chosen { "▌" } else { " " };
        let check = if done { "[x]" } else { "[ ]" };
        let head = format!("{marker}{check} {:>2}  ", item.n);
        let taught = self
            .ctx
            .finder
            .teaching()
            .get(n)
            .map_or(&[][..], Vec::as_slice);
        let lessons = lessons_text(taught);
        let room = width.saturating_sub(display_width(&head) + display_width(&lessons) + 2);
        let text = fit(&printable_line(&item.text), room);
        let gap = " ".repeat(room.saturating_sub(display_width(&text)) + 2);
        let text_style = if done {
            styles.page.muted
        } else {
            styles.page.text
        };
        let mut spans = vec![
            Span::styled(head, styles.help_key),
            Span::styled(text, text_style),
            Span::raw(gap),
        ];
        for (k, t) in taught.iter().enumerate() {
            let style = match chosen && k == self.state.path.lesson {
                true => styles.found_current,
                false => styles.page.muted,
            };
            if k > 0 {
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(t.key.clone(), style));
        }
        Line::from(spans)
    }
}

fn lessons_text(taught: &[Taught]) -> String {
    let labels: Vec<&str> = taught.iter().map(|t| t.key.as_str()).collect();
    labels.join(" ")
}

/// "Beginner · weeks 1-4   ████░░░░  2/4  50%"
fn gauge_line(name: &str, done: usize, total: usize, width: usize, ctx: &Context) -> Line<'static> {
    let styles = ctx.styles;
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    let numbers = format!("  {done}/{total}  {percent:>3}%");
    let name = fit(name, 28.min(width / 2));
    let pad = " ".repeat(28usize.min(width / 2).saturating_sub(display_width(&name)) + 1);
    let room = width.saturating_sub(display_width(&name) + pad.len() + display_width(&numbers));
    let bar_width = room.min(24);
    Line::from(vec![
        Span::styled(name, styles.section),
        Span::raw(pad),
        Span::styled(bar(done, total, bar_width), styles.help_key),
        Span::styled(numbers, styles.page.muted),
    ])
}

/// A gauge `width` cells long: `█` for the share done, `░` for the rest.
pub fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gauge_shows_the_share_done_in_its_cells() {
        assert_eq!(bar(0, 4, 8), "░░░░░░░░");
        assert_eq!(bar(2, 4, 8), "████░░░░");
        assert_eq!(bar(4, 4, 8), "████████");
        assert_eq!(bar(1, 0, 8), "░░░░░░░░");
        assert_eq!(bar(9, 4, 8), "████████");
        assert_eq!(bar(1, 3, 0), "");
    }
}
