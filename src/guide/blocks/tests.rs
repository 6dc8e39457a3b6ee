use super::*;
use crate::guide::{Lines, plain_text};

fn blocks(md: &str) -> Vec<Block> {
    parse(md)
        .into_iter()
        .filter_map(|n| match n {
            Node::Block(b) => Some(b),
            Node::Heading { .. } => None,
        })
        .collect()
}

fn one(md: &str) -> BlockKind {
    let mut all = blocks(md);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0).kind
}

#[test]
fn paragraphs_keep_inline_styles_and_links() {
    let BlockKind::Paragraph(spans) =
        one("a **bold *both*** `code` [link](http://x) ~~gone~~\nnext")
    else {
        panic!("not a paragraph");
    };
    let find = |t: &str| {
        spans
            .iter()
            .find(|s| s.text == t)
            .unwrap_or_else(|| panic!("{t} in {spans:#?}"))
    };
    assert!(find("bold ").style.bold && !find("bold ").style.italic);
    assert!(find("both").style.bold && find("both").style.italic);
    assert!(find("code").style.code);
    assert_eq!(find("link").link.as_deref(), Some("http://x"));
    assert!(find("gone").style.strike);
    assert_eq!(plain_text(&spans), "a bold both code link gone next");
}

#[test]
fn hard_breaks_are_newlines() {
    let BlockKind::Paragraph(spans) = one("one  \ntwo") else {
        panic!()
    };
    assert_eq!(plain_text(&spans), "one\ntwo");
}

#[test]
fn code_keeps_language_and_exact_text() {
    let md = "```python\ndef f():\n    \n    return 1\n```\n";
    assert_eq!(
        one(md),
        BlockKind::Code {
            lang: Some("python".into()),
            text: "def f():\n    \n    return 1".into()
        }
    );
    assert_eq!(
        one("    indented\n"),
        BlockKind::Code {
            lang: None,
            text: "indented".into()
        }
    );
}

#[test]
fn a_box_drawing_fence_without_language_is_a_diagram() {
    let art = "┌──┐\n│ a │  \n└──┘";
    assert_eq!(
        one(&format!("```\n{art}\n```")),
        BlockKind::Diagram(art.into())
    );
    assert_eq!(
        one(&format!("```text\n{art}\n```")),
        BlockKind::Diagram(art.into())
    );
    // A language wins, and plain text without drawing characters stays code.
    assert!(matches!(
        one(&format!("```python\n{art}\n```")),
        BlockKind::Code { .. }
    ));
    assert!(matches!(
        one("```\nplain\n```"),
        BlockKind::Code { lang: None, .. }
    ));
}

#[test]
fn lists_nest_and_know_their_tasks() {
    let BlockKind::List(list) = one("3. three\n4. four\n   - [x] done\n   - [ ] todo\n") else {
        panic!()
    };
    assert_eq!(list.start, Some(3));
    assert_eq!(list.items.len(), 2);
    let BlockKind::List(inner) = &list.items[1].blocks[1].kind else {
        panic!("{:#?}", list.items[1])
    };
    assert_eq!(inner.start, None);
    assert_eq!(
        inner.items.iter().map(|i| i.task).collect::<Vec<_>>(),
        [Some(true), Some(false)]
    );
    assert_eq!(list.items[1].blocks[0].lines, Lines { first: 2, last: 2 });
}

#[test]
fn loose_list_items_hold_paragraphs() {
    let BlockKind::List(list) = one("- a\n\n  more a\n\n- b\n") else {
        panic!()
    };
    assert_eq!(list.items[0].blocks.len(), 2);
    assert!(matches!(
        list.items[0].blocks[1].kind,
        BlockKind::Paragraph(_)
    ));
}

#[test]
fn tables_have_header_alignment_rows_and_styled_cells() {
    let md = "| A | **B** |\n|:--|--:|\n| 1 | `x` |\n| 2 | y |\n";
    let BlockKind::Table(table) = one(md) else {
        panic!()
    };
    assert_eq!(table.align, [Align::Left, Align::Right]);
    assert_eq!(plain_text(&table.header[1]), "B");
    assert!(table.header[1][0].style.bold);
    assert_eq!(table.rows.len(), 2);
    assert!(table.rows[0][1][0].style.code);
}

#[test]
fn quotes_rules_html_and_headings_inside_quotes() {
    let all = blocks("> quoted\n> # inner\n\n---\n\n<div>\nhi\n</div>\n");
    assert!(matches!(&all[0].kind, BlockKind::Quote(inner) if inner.len() == 2));
    assert_eq!(all[1].kind, BlockKind::Rule);
    assert_eq!(all[2].kind, BlockKind::Html("<div>\nhi\n</div>".into()));
}

#[test]
fn blocks_know_their_lines() {
    let all = blocks("para\n\n```\ncode\nmore\n```\n\n| a |\n|---|\n| 1 |\n");
    let lines: Vec<_> = all.iter().map(|b| (b.lines.first, b.lines.last)).collect();
    assert_eq!(lines, [(1, 1), (3, 6), (8, 10)]);
}

#[test]
fn blank_lines_after_a_block_are_not_part_of_it() {
    let all = blocks("- a\n- b\n\n\nnext\n");
    assert_eq!(all[0].lines, Lines { first: 1, last: 2 });
    assert_eq!(all[1].lines, Lines { first: 5, last: 5 });
}

#[test]
fn top_level_headings_are_nodes_with_lines() {
    let nodes = parse("# T\n\ntext\n\n## 1. S\n");
    let heads: Vec<_> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Heading { level, spans, line } => Some((*level, plain_text(spans), *line)),
            Node::Block(_) => None,
        })
        .collect();
    assert_eq!(heads, [(1, "T".to_string(), 1), (2, "1. S".to_string(), 5)]);
}

#[test]
fn images_keep_alt_text_and_address() {
    let BlockKind::Paragraph(spans) = one("![a cat](cat.png)") else {
        panic!()
    };
    assert_eq!(spans[0].text, "a cat");
    assert!(spans[0].style.image);
    assert_eq!(spans[0].link.as_deref(), Some("cat.png"));
}
