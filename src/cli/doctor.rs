//! `pyguide doctor`: what the loader found in a guide.

use std::io::Write;

use ratatui::text::{Line, Span};
use serde::Serialize;

use crate::error::Error;
use crate::guide::{Diagnostics, Loaded, Stats, repair};
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

pub(crate) fn text(loaded: &Loaded, theme: &Theme, out: &mut dyn Write) -> Result<(), Error> {
    let d = &loaded.diagnostics;
    let s = loaded.guide.stats();
    let mut rows = vec![
        ("guide", d.source.clone()),
        (
            "size",
            format!(
                "{} bytes, {} lines, {}{}",
                d.bytes,
                d.lines,
                encoding_name(d),
                line_endings(d.line_endings)
            ),
        ),
        ("sections", s.sections.to_string()),
        ("lessons", s.lessons.to_string()),
        ("code blocks", format!("{}{}", s.code_blocks, languages(&s))),
        ("diagrams", s.diagrams.to_string()),
        ("tables", s.tables.to_string()),
        (
            "checklist",
            format!("{} items in {} phases", s.checklist_items, s.phases),
        ),
        ("resources", s.resources.to_string()),
        ("repair", repair_summary(&d.repair)),
    ];
    rows.extend(d.repair.restored.iter().map(|r| {
        let rule = match r.rule {
            repair::Rule::BoxNeighbours => "its box-drawing neighbours",
            repair::Rule::CommonUse => "common use",
        };
        (
            "",
            format!(
                "line {}, column {}: restored {} (U+{:04X}) by {rule}",
                r.line, r.column, r.char, r.char as u32
            ),
        )
    }));
    rows.extend(d.repair.unrecoverable.iter().map(|u| {
        let what = format!(
            "could be any of {} characters, shown as U+FFFD",
            u.candidates
        );
        (
            "",
            format!(
                "line {}, column {}: unrecoverable, {what}",
                u.line, u.column
            ),
        )
    }));
    rows.push((
        "warnings",
        if d.warnings.is_empty() {
            "none".to_string()
        } else {
            d.warnings.len().to_string()
        },
    ));
    rows.extend(
        d.warnings
            .iter()
            .map(|w| ("", format!("line {}: {}", w.line, w.message))),
    );
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(format!("{label:<12} "), theme.strong),
                Span::raw(value),
            ])
        })
        .collect();
    ansi::write_lines(out, &lines, theme.mode)?;
    Ok(())
}

fn line_endings(endings: crate::guide::LineEndings) -> &'static str {
    match endings {
        crate::guide::LineEndings::Lf => "",
        crate::guide::LineEndings::Crlf => ", CRLF line endings",
        crate::guide::LineEndings::Cr => ", CR line endings",
        crate::guide::LineEndings::Mixed => ", mixed line endings",
    }
}

fn encoding_name(d: &Diagnostics) -> &'static str {
    match d.encoding {
        crate::guide::Encoding::Utf8 => "UTF-8",
        crate::guide::Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
        crate::guide::Encoding::Utf16Le => "UTF-16LE",
        crate::guide::Encoding::Utf16Be => "UTF-16BE",
    }
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
