//! Tables in box-drawn borders, with columns measured in display width so wide characters
//! line up. Too narrow for columns, a table is shown as one record per row.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::inline::frags;
use super::theme::Theme;
use super::wrap::{width as text_width, wrap};
use crate::guide::{Align, Cell, Table};

/// Lines of the table, each with its offset from the table's first guide line.
pub(crate) fn layout(
    table: &Table,
    width: usize,
    theme: &Theme,
    base: Style,
) -> Vec<(Line<'static>, u32)> {
    let columns = table
        .header
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    if columns == 0 {
        return Vec::new();
    }
    let borders = 3 * columns + 1;
    let Some(room) = width
        .checked_sub(borders)
        .filter(|room| *room >= 3 * columns)
    else {
        return records(table, width, theme, base);
    };
    let header: Vec<Vec<Line<'static>>> = (0..columns)
        .map(|c| {
            cell(
                table.header.get(c),
                theme,
                base.patch(theme.table_header),
                usize::MAX,
            )
        })
        .collect();
    let natural: Vec<usize> = (0..columns)
        .map(|c| {
            let head = max_width(&header[c]);
            let body = table
                .rows
                .iter()
                .map(|r| max_width(&cell(r.get(c), theme, base, usize::MAX)))
                .max()
                .unwrap_or(0);
            head.max(body).max(1)
        })
        .collect();
    let minimum: Vec<usize> = (0..columns)
        .map(|c| longest_word(table, c).max(1))
        .collect();
    let widths = fit(natural, &minimum, room);
    Grid {
        widths: &widths,
        aligns: &table.align,
        border: theme.border,
    }
    .draw(table, theme, base)
}

struct Grid<'a> {
    widths: &'a [usize],
    aligns: &'a [Align],
    border: Style,
}

impl Grid<'_> {
    fn draw(&self, table: &Table, theme: &Theme, base: Style) -> Vec<(Line<'static>, u32)> {
        let header_style = base.patch(theme.table_header);
        let head: Vec<_> = (0..self.widths.len())
            .map(|c| table.header.get(c))
            .collect();
        let rows: Vec<Vec<Vec<Line<'static>>>> = table
            .rows
            .iter()
            .map(|r| {
                self.wrap_row(
                    &(0..self.widths.len()).map(|c| r.get(c)).collect::<Vec<_>>(),
                    theme,
                    base,
                )
            })
            .collect();
        let ruled = rows.iter().any(|cells| cells.iter().any(|c| c.len() > 1));
        let mut out = vec![(self.rule('┌', '┬', '┐'), 0)];
        out.extend(
            self.row(self.wrap_row(&head, theme, header_style))
                .into_iter()
                .map(|l| (l, 0)),
        );
        out.push((self.rule('├', '┼', '┤'), 1));
        let count = rows.len();
        for (i, cells) in rows.into_iter().enumerate() {
            out.extend(self.row(cells).into_iter().map(|l| (l, 2 + i as u32)));
            if ruled && i + 1 < count {
                out.push((self.rule('├', '┼', '┤'), 2 + i as u32));
            }
        }
        out.push((self.rule('└', '┴', '┘'), 1 + count as u32));
        out
    }

    fn wrap_row(
        &self,
        cells: &[Option<&Cell>],
        theme: &Theme,
        style: Style,
    ) -> Vec<Vec<Line<'static>>> {
        cells
            .iter()
            .zip(self.widths)
            .map(|(c, w)| cell(*c, theme, style, *w))
            .collect()
    }

    fn rule(&self, left: char, middle: char, right: char) -> Line<'static> {
        let parts: Vec<String> = self.widths.iter().map(|w| "─".repeat(w + 2)).collect();
        Line::from(Span::styled(
            format!("{left}{}{right}", parts.join(&middle.to_string())),
            self.border,
        ))
    }

    /// One table row, as many lines high as its tallest cell.
    fn row(&self, cells: Vec<Vec<Line<'static>>>) -> Vec<Line<'static>> {
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (0..height)
            .map(|k| {
                let mut spans = vec![Span::styled("│", self.border)];
                for (c, lines) in cells.iter().enumerate() {
                    let line = lines.get(k).cloned().unwrap_or_default();
                    let free = self.widths[c].saturating_sub(line.width());
                    let (before, after) = match self.aligns.get(c) {
                        Some(Align::Right) => (free, 0),
                        Some(Align::Center) => (free / 2, free - free / 2),
                        _ => (0, free),
                    };
                    spans.push(Span::raw(" ".repeat(before + 1)));
                    spans.extend(line.spans);
                    spans.push(Span::raw(" ".repeat(after + 1)));
                    spans.push(Span::styled("│", self.border));
                }
                Line::from(spans)
            })
            .collect()
    }
}

/// Column widths that fit `room`: natural widths, shrinking the widest first, never below
/// a column's longest word unless nothing else is left.
fn fit(mut widths: Vec<usize>, minimum: &[usize], room: usize) -> Vec<usize> {
    while widths.iter().sum::<usize>() > room {
        let shrinkable = (0..widths.len())
            .filter(|&c| widths[c] > minimum[c])
            .max_by_key(|&c| widths[c]);
        let column = shrinkable.or_else(|| {
            (0..widths.len())
                .filter(|&c| widths[c] > 1)
                .max_by_key(|&c| widths[c])
        });
        match column {
            Some(c) => widths[c] -= 1,
            None => break,
        }
    }
    widths
}

/// A cell's text wrapped to `width` (one line each when `width` is `usize::MAX`).
fn cell(cell: Option<&Cell>, theme: &Theme, style: Style, width: usize) -> Vec<Line<'static>> {
    wrap(
        &cell.map(|c| frags(c, theme, style)).unwrap_or_default(),
        width,
    )
}

fn max_width(lines: &[Line]) -> usize {
    lines.iter().map(Line::width).max().unwrap_or(0)
}

fn longest_word(table: &Table, column: usize) -> usize {
    let cells =
        std::iter::once(table.header.get(column)).chain(table.rows.iter().map(|r| r.get(column)));
    cells
        .flatten()
        .flat_map(|c| {
            c.iter()
                .flat_map(|s| s.text.split_whitespace().map(text_width))
        })
        .max()
        .unwrap_or(1)
}

/// Each row as "Header: value" lines, for widths too small for columns.
fn records(table: &Table, width: usize, theme: &Theme, base: Style) -> Vec<(Line<'static>, u32)> {
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        if i > 0 {
            out.push((
                Line::from(Span::styled("─".repeat(width), theme.border)),
                2 + i as u32,
            ));
        }
        for (c, value) in row.iter().enumerate() {
            let mut line = table
                .header
                .get(c)
                .map(|h| frags(h, theme, base.patch(theme.table_header)))
                .unwrap_or_default();
            line.push((": ".to_string(), base));
            line.extend(frags(value, theme, base));
            out.extend(wrap(&line, width).into_iter().map(|l| (l, 2 + i as u32)));
        }
    }
    out
}
