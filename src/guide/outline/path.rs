//! The learning path: `###` phases such as "Beginner (Weeks 1-4)" and their `- [ ]` items.

use std::collections::HashMap;

use crate::guide::{
    Block, BlockKind, Item, Lines, Part, Phase, Warning, paragraphs_text, plain_text,
};

/// Reads phases and items out of a learning-path part, appending to `phases`.
pub(crate) fn read(part: &Part, phases: &mut Vec<Phase>, warnings: &mut Vec<Warning>) {
    let mut in_phase = false;
    for block in &part.blocks {
        match &block.kind {
            BlockKind::Heading { spans, .. } => {
                let (title, weeks) = phase_title(plain_text(spans).trim());
                let line = block.lines.first;
                phases.push(Phase {
                    title,
                    weeks,
                    line,
                    items: Vec::new(),
                });
                in_phase = true;
            }
            BlockKind::List(list) => {
                if !in_phase {
                    // Items before any phase heading belong to a phase named after the part.
                    let (title, line) = (part.title.clone(), part.line);
                    phases.push(Phase {
                        title,
                        weeks: None,
                        line,
                        items: Vec::new(),
                    });
                    in_phase = true;
                }
                for item in &list.items {
                    let Some(done) = item.task else {
                        let msg = "a learning-path list item without '[ ]' is not a checklist item";
                        warnings.push(Warning::new(first_line(&item.blocks, block.lines), msg));
                        continue;
                    };
                    let text = paragraphs_text(&item.blocks);
                    let lines = item_lines(&item.blocks, block.lines);
                    if let Some(items) = phases.last_mut().map(|p| &mut p.items) {
                        items.push(Item {
                            n: 0,
                            id: String::new(),
                            text,
                            checked: done,
                            lines,
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

/// "Beginner (Weeks 1-4)" → ("Beginner", Some("1-4")).
fn phase_title(text: &str) -> (String, Option<String>) {
    // ASCII-only case folding, so byte offsets stay those of `text` ("İ" lowercases longer).
    let weeks = |inner: &str| {
        ["weeks", "week"].iter().find_map(|word| {
            let head = inner
                .get(..word.len())
                .filter(|h| h.eq_ignore_ascii_case(word))?;
            Some(inner[head.len()..].trim().to_string())
        })
    };
    if let Some(open) = text.rfind('(')
        && let Some(inner) = text[open + 1..].strip_suffix(')')
        && let Some(weeks) = weeks(inner)
    {
        return (text[..open].trim().to_string(), Some(weeks));
    }
    (text.to_string(), None)
}

fn first_line(blocks: &[Block], fallback: Lines) -> u32 {
    blocks.first().map_or(fallback.first, |b| b.lines.first)
}

fn item_lines(blocks: &[Block], fallback: Lines) -> Lines {
    match (blocks.first(), blocks.last()) {
        (Some(first), Some(last)) => Lines {
            first: first.lines.first,
            last: last.lines.last,
        },
        _ => fallback,
    }
}

/// Numbers items 1.. over the whole path and gives each a unique id from phase and text.
pub(crate) fn number_items(phases: &mut [Phase]) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut n = 0;
    for phase in phases {
        let phase_slug = slug(&phase.title);
        for item in &mut phase.items {
            n += 1;
            item.n = n;
            let base = format!("{phase_slug}/{}", slug(&item.text));
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            item.id = if *count == 1 {
                base
            } else {
                format!("{base}-{count}")
            };
        }
    }
}

/// Lowercase letters and digits, with one `-` for each run of anything else.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "item".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_weeks_off_phase_titles() {
        assert_eq!(
            phase_title("Beginner (Weeks 1-4)"),
            ("Beginner".into(), Some("1-4".into()))
        );
        assert_eq!(
            phase_title("Final (week 17)"),
            ("Final".into(), Some("17".into()))
        );
        assert_eq!(phase_title("Advanced"), ("Advanced".into(), None));
        assert_eq!(phase_title("Odd (notes)"), ("Odd (notes)".into(), None));
        assert_eq!(phase_title("X (İİİ)"), ("X (İİİ)".into(), None));
        assert_eq!(
            phase_title("X (\u{212A}eeks 1)"),
            ("X (\u{212A}eeks 1)".into(), None)
        );
        assert_eq!(phase_title("(Weeks)"), ("".into(), Some("".into())));
    }

    #[test]
    fn slugs_are_stable_and_readable() {
        assert_eq!(
            slug("Python syntax & data types"),
            "python-syntax-data-types"
        );
        assert_eq!(
            slug("File I/O & exception handling"),
            "file-i-o-exception-handling"
        );
        assert_eq!(slug("PyTorch/TensorFlow"), "pytorch-tensorflow");
        assert_eq!(slug("Größe über"), "größe-über");
        assert_eq!(slug("!!!"), "item");
    }
}
