//! `pyguide doctor`: what the loader found in a guide.

use std::io::Write;

use ratatui::text::{Line, Span};
use serde::Serialize;

use crate::error::Error;
use crate::guide::{Diagnostics, LineEndings, Loaded, Stats, repair};
use crate::render::{Theme, ansi};

#[derive(Serialize)]
struct DoctorJson<'a> {
    #[serde(flatten)]
    diagnostics: &'a Diagnostics,
    stats: Stats,
}

pub(crate) fn json(loaded: &Loaded, out: &mut dyn Write) -> Result<(), Error> {
    let report = DoctorJson {
        diagnostics: &loaded.diagnostics,
        stats: loaded.guide.stats(),
    };
    super::write_json(out, &report)
}

type Row = (&'static str, String);

pub(crate) fn text(loaded: &Loaded, theme: &Theme, out: &mut dyn Write) -> Result<(), Error> {
    let d = &loaded.diagnostics;
    let mut rows = source_rows(d);
    rows.extend(count_rows(&loaded.guide.stats()));
    rows.extend(repair_rows(&d.repair));
    rows.extend(warning_rows(d));
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(format!("{label:<12} "), theme.strong),
                Span::raw(value),
            ])
        })
        .collect();
    ansi::write_lines(out, &lines, theme.mode).map_err(Error::Output)?;
    Ok(())
}

fn source_rows(d: &Diagnostics) -> Vec<Row> {
    let endings = match d.line_endings {
        LineEndings::Lf => "",
        LineEndings::Crlf => ", CRLF line endings",
        LineEndings::Cr => ", CR line endings",
        LineEndings::Mixed => ", mixed line endings",
    };
    let size = format!(
        "{} bytes, {} lines, {}{endings}",
        d.bytes,
        d.lines,
        d.encoding.name()
    );
    vec![("guide", d.source.clone()), ("size", size)]
}

fn count_rows(s: &Stats) -> Vec<Row> {
    vec![
        ("sections", s.sections.to_string()),
        ("lessons", s.lessons.to_string()),
        ("code blocks", format!("{}{}", s.code_blocks, languages(s))),
        ("diagrams", s.diagrams.to_string()),
        ("tables", s.tables.to_string()),
        (
            "checklist",
            format!("{} items in {} phases", s.checklist_items, s.phases),
        ),
        ("resources", s.resources.to_string()),
    ]
}

fn repair_rows(r: &repair::Report) -> Vec<Row> {
    let mut rows = vec![("repair", repair_summary(r))];
    rows.extend(r.restored.iter().map(|r| {
        let rule = match r.rule {
            repair::Rule::BoxNeighbours => "its box-drawing neighbours",
            repair::Rule::CommonUse => "common use",
        };
        let at = format!("line {}, column {}", r.line, r.column);
        (
            "",
            format!(
                "{at}: restored {} (U+{:04X}) by {rule}",
                r.char, r.char as u32
            ),
        )
    }));
    rows.extend(r.unrecoverable.iter().map(|u| {
        let at = format!("line {}, column {}", u.line, u.column);
        (
            "",
            format!(
                "{at}: unrecoverable, could be any of {} characters, shown as U+FFFD",
                u.candidates
            ),
        )
    }));
    rows
}

fn warning_rows(d: &Diagnostics) -> Vec<Row> {
    let count = if d.warnings.is_empty() {
        "none".to_string()
    } else {
        d.warnings.len().to_string()
    };
    let mut rows = vec![("warnings", count)];
    rows.extend(
        d.warnings
            .iter()
            .map(|w| ("", format!("line {}: {}", w.line, w.message))),
    );
    rows
}

fn languages(s: &Stats) -> String {
    if s.languages.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = s
        .languages
        .iter()
        .map(|(lang, n)| format!("{lang} {n}"))
        .collect();
    format!(" ({})", parts.join(", "))
}

fn repair_summary(r: &repair::Report) -> String {
    let page = r
        .evidence
        .map_or("a Windows code page", repair::Evidence::describe);
    if let Some(mixed) = r.mixed {
        return format!(
            "none: {} lines look like UTF-8 read as {page}, but line {} has clean text, so \
             nothing was changed (a file may quote mojibake on purpose)",
            mixed.damaged_lines, mixed.clean_line
        );
    }
    if r.is_clean() {
        return "none needed: clean UTF-8".to_string();
    }
    format!(
        "{} lines were UTF-8 read as {page}; {} characters decoded, {} restored, {} unrecoverable",
        r.lines.len(),
        r.sequences,
        r.restored.len(),
        r.unrecoverable.len()
    )
}
