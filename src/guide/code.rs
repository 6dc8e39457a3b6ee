//! The code blocks of a run of blocks, nested ones included, and which of them are Python.

use super::{Block, BlockKind};

/// A fenced code block, wherever it sits (in a list, in a quote).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CodeBlock<'g> {
    pub block: &'g Block,
    /// The fence's language as written (`python`, `bash`), if any.
    pub lang: Option<&'g str>,
    pub text: &'g str,
}

impl CodeBlock<'_> {
    /// Whether the block is Python a script can run: `python`, `py`, `python3` or `py3`.
    pub fn is_python(&self) -> bool {
        self.lang.is_some_and(|lang| {
            ["python", "py", "python3", "py3"]
                .iter()
                .any(|name| lang.eq_ignore_ascii_case(name))
        })
    }

    /// What the block is, for "cannot run" messages: "bash code", "a block of text".
    pub fn kind_name(&self) -> String {
        match self.lang {
            Some(lang) => format!("{lang} code"),
            None => "a block of text".to_string(),
        }
    }
}

/// Every code block among `blocks`, in reading order, nested ones included.
pub fn code_blocks(blocks: &[Block]) -> Vec<CodeBlock<'_>> {
    let mut out = Vec::new();
    collect(blocks, &mut out);
    out
}

fn collect<'g>(blocks: &'g [Block], out: &mut Vec<CodeBlock<'g>>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Code { lang, text } => out.push(CodeBlock {
                block,
                lang: lang.as_deref(),
                text,
            }),
            BlockKind::Quote(inner) => collect(inner, out),
            BlockKind::List(list) => list.items.iter().for_each(|i| collect(&i.blocks, out)),
            _ => {}
        }
    }
}

/// What `blocks` hold that cannot run, for "nothing to run" messages: "2 diagrams".
pub fn unrunnable_summary(blocks: &[Block]) -> Option<String> {
    let diagrams = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Diagram(_)))
        .count();
    let other_code = code_blocks(blocks)
        .iter()
        .filter(|c| !c.is_python())
        .count();
    let mut parts = Vec::new();
    for (n, one, many) in [
        (diagrams, "a diagram", "diagrams"),
        (other_code, "a block of other code", "blocks of other code"),
    ] {
        match n {
            0 => {}
            1 => parts.push(one.to_string()),
            n => parts.push(format!("{n} {many}")),
        }
    }
    (!parts.is_empty()).then(|| parts.join(" and "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    fn lesson_code(source: &str) -> Vec<(Option<String>, String)> {
        let loaded = load::from_bytes("test", source.as_bytes()).expect("a guide");
        let lesson = loaded.guide.lessons().next().expect("one lesson");
        code_blocks(&lesson.blocks)
            .iter()
            .map(|c| (c.lang.map(str::to_string), c.text.to_string()))
            .collect()
    }

    #[test]
    fn nested_blocks_count_in_reading_order() {
        let source = "# G\n## 1. S\n### 1.1 L\n```python\na = 1\n```\n\n- item\n\n  ```bash\n  ls\n  ```\n\n> ```py\n> b = 2\n> ```\n";
        let found = lesson_code(source);
        let langs: Vec<_> = found.iter().map(|(l, _)| l.as_deref()).collect();
        assert_eq!(langs, [Some("python"), Some("bash"), Some("py")]);
        assert_eq!(found[2].1.trim(), "b = 2");
    }

    #[test]
    fn python_by_any_of_its_names() {
        let block = Block {
            lines: crate::guide::Lines::one(1),
            kind: BlockKind::Rule,
        };
        let code = |lang| CodeBlock {
            block: &block,
            lang,
            text: "",
        };
        assert!(code(Some("Python")).is_python() && code(Some("py3")).is_python());
        assert!(!code(Some("pycon")).is_python() && !code(None).is_python());
        assert_eq!(code(Some("bash")).kind_name(), "bash code");
    }
}
