//! `pyguide search QUERY...`: ranked topics with the matching line, as text or JSON.

use std::io::Write;

use ratatui::text::{Line, Span};
use serde::Serialize;

use crate::error::Error;
use crate::guide::Guide;
use crate::render::{Theme, ansi, fit, printable_line};
use crate::search::{Hit, Index, Query, Snippet, Snippets, rank};

#[derive(Serialize)]
struct HitJson {
    /// The page's id, which `pyguide show` opens: "2.4" for a lesson; "2", "home" or
    /// "learning-path" for the pages around them.
    lesson: String,
    kind: &'static str,
    title: String,
    line: u32,
    snippet: String,
    score: f32,
}

/// The hits for `query`, or an error when the query has nothing to search for.
fn hits(guide: &Guide, query: &str, limit: usize) -> Result<Vec<(Hit, Snippet)>, Error> {
    if query.trim().is_empty() {
        return Err(Error::EmptyQuery);
    }
    let parsed = Query::parse(query);
    if let Some(why) = parsed.problem() {
        return Err(Error::BadQuery {
            query: echo(query),
            why,
        });
    }
    // One query, one pass: index only the words it can match.
    let index = Index::build_for(guide, &parsed);
    let snippets = Snippets::new(guide);
    Ok(rank(&index, &parsed, limit)
        .into_iter()
        .map(|hit| {
            let snip = snippets.of(&hit);
            (hit, snip)
        })
        .collect())
}

pub(crate) fn json(
    guide: &Guide,
    query: &str,
    limit: usize,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let hits: Vec<HitJson> = hits(guide, query, limit)?
        .into_iter()
        .map(|(hit, snip)| HitJson {
            kind: hit.kind.name(),
            lesson: hit.key,
            title: hit.title,
            line: hit.line.0,
            snippet: snip.text,
            score: (hit.score * 1000.0).round() / 1000.0,
        })
        .collect();
    super::write_json(out, &hits)
}

pub(crate) fn text(
    guide: &Guide,
    query: &str,
    limit: usize,
    theme: &Theme,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let hits = hits(guide, query, limit)?;
    if hits.is_empty() {
        return Err(Error::NoMatches(echo(query)));
    }
    let id_width = hits
        .iter()
        .map(|(h, _)| h.key.chars().count())
        .max()
        .unwrap_or(3);
    let mut lines = Vec::new();
    for (hit, snip) in &hits {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<id_width$}  ", printable_line(&hit.key)),
                theme.bullet,
            ),
            Span::styled(printable_line(&hit.title).into_owned(), theme.heading),
            Span::styled(format!("  line {}", hit.line), theme.muted),
        ]));
        let mut spans = vec![Span::raw(" ".repeat(id_width + 2))];
        spans.extend(marked(snip, theme));
        lines.push(Line::from(spans));
    }
    ansi::write_lines(out, &lines, theme.mode).map_err(Error::Output)?;
    Ok(())
}

/// The query as an error message repeats it: a 10 kB query is cut, not echoed whole.
fn echo(query: &str) -> String {
    fit(query.trim(), 60)
}

/// The snippet as spans, its matches in the theme's strong colour.
fn marked(snip: &Snippet, theme: &Theme) -> Vec<Span<'static>> {
    let text = &snip.text;
    let mut spans = Vec::new();
    let mut at = 0;
    for mark in &snip.marks {
        spans.push(Span::raw(
            printable_line(&text[at..mark.start]).into_owned(),
        ));
        spans.push(Span::styled(
            printable_line(&text[mark.clone()]).into_owned(),
            theme.title,
        ));
        at = mark.end;
    }
    spans.push(Span::raw(printable_line(&text[at..]).into_owned()));
    spans
}
