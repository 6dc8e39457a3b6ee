//! The loader on the real guide: `content/guide.md`, and the damaged copy it came from.

use pyguide::guide::{self, BlockKind, Guide, LessonId, PartKind, load, repair::Rule};

const RAW: &[u8] = include_bytes!("data/guide.raw.md");
const CLEAN: &str = include_str!("../content/guide.md");

fn clean() -> Guide {
    load::builtin().expect("the built-in guide loads").guide
}

#[test]
fn eight_sections_with_their_titles() {
    let titles: Vec<String> = clean()
        .sections
        .iter()
        .map(|s| format!("{}. {}", s.number, s.title))
        .collect();
    assert_eq!(
        titles,
        [
            "1. Python Fundamentals",
            "2. Python Internals & Architecture",
            "3. Memory Management",
            "4. Concurrency & Parallelism",
            "5. Advanced Python Patterns",
            "6. AI/ML Ecosystem",
            "7. Agentic AI Development",
            "8. Best Practices for Architects",
        ]
    );
}

#[test]
fn thirty_three_lessons_with_exact_ids() {
    let guide = clean();
    let ids: Vec<String> = guide.lessons().map(|l| l.id.to_string()).collect();
    let expected: Vec<String> = [5, 5, 4, 4, 3, 4, 4, 4]
        .iter()
        .enumerate()
        .flat_map(|(s, n)| (1..=*n).map(move |l| format!("{}.{l}", s + 1)))
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(ids.len(), 33);
    let gil = guide.lesson(LessonId::new(2, 4)).unwrap();
    assert_eq!(
        (gil.title.as_str(), gil.line),
        ("Global Interpreter Lock (GIL)", 301)
    );
}

#[test]
fn title_subtitle_contents_and_resources() {
    let guide = clean();
    assert_eq!(
        guide.title,
        "Python for AI/ML/Agentic Coding - Architect's Guide"
    );
    assert_eq!(guide.icon.as_deref(), Some("🐍"));
    assert!(
        guide
            .subtitle
            .as_deref()
            .unwrap()
            .starts_with("A comprehensive guide")
    );
    assert_eq!(guide.contents.len(), 8);
    for (entry, n) in guide.contents.iter().zip(1..) {
        assert_eq!(entry.target, guide::Target::Section(n), "{}", entry.title);
    }
    let names: Vec<&str> = guide.resources.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Python Official Docs",
            "Real Python",
            "PyTorch Tutorials",
            "LangChain Docs",
            "CrewAI Docs",
            "Hugging Face Course"
        ]
    );
    let kinds: Vec<PartKind> = guide.parts.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            PartKind::Contents,
            PartKind::LearningPath,
            PartKind::Resources
        ]
    );
}

#[test]
fn four_phases_of_four_items() {
    let guide = clean();
    let phases: Vec<(&str, Option<&str>, usize)> = guide
        .learning_path
        .phases
        .iter()
        .map(|p| (p.title.as_str(), p.weeks.as_deref(), p.items.len()))
        .collect();
    assert_eq!(
        phases,
        [
            ("Beginner", Some("1-4"), 4),
            ("Intermediate", Some("5-8"), 4),
            ("Advanced", Some("9-12"), 4),
            ("Architect", Some("13-16"), 4),
        ]
    );
    let items: Vec<_> = guide.items().collect();
    assert_eq!(
        items.iter().map(|i| i.n).collect::<Vec<_>>(),
        (1..=16).collect::<Vec<_>>()
    );
    assert_eq!(items[0].id, "beginner/python-syntax-data-types");
    assert_eq!(items[4].text, "Decorators & context managers");
    assert_eq!(items[15].id, "architect/production-deployment");
    assert!(items.iter().all(|i| !i.checked));
}

/// The source text between a fence at `line` (1-based) and its closing fence.
fn fenced_source(line: u32) -> String {
    let lines: Vec<&str> = CLEAN.lines().collect();
    let body = lines[line as usize..]
        .iter()
        .take_while(|l| !l.starts_with("```"));
    body.copied().collect::<Vec<_>>().join("\n")
}

#[test]
fn every_code_block_and_diagram_is_byte_exact() {
    let guide = clean();
    let (mut code, mut diagrams) = (0, Vec::new());
    for lesson in guide.lessons() {
        for block in &lesson.blocks {
            match &block.kind {
                BlockKind::Code { text, .. } => {
                    code += 1;
                    assert_eq!(
                        text,
                        &fenced_source(block.lines.first),
                        "code in {}",
                        lesson.id
                    );
                }
                BlockKind::Diagram(text) => {
                    diagrams.push(lesson.id.to_string());
                    assert_eq!(
                        text,
                        &fenced_source(block.lines.first),
                        "diagram in {}",
                        lesson.id
                    );
                }
                _ => {}
            }
        }
    }
    assert_eq!(diagrams, ["2.1", "2.3", "2.4", "2.5", "3.1", "7.1", "8.1"]);
    assert_eq!(code, 26);
    assert_eq!(guide.stats().languages.get("python"), Some(&26));
}

#[test]
fn tables_are_where_the_guide_has_them() {
    let guide = clean();
    let tables: Vec<String> = guide
        .lessons()
        .filter(|l| {
            l.blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Table(_)))
        })
        .map(|l| l.id.to_string())
        .collect();
    assert_eq!(tables, ["4.4", "6.1", "8.3"]);
    let lesson = guide.lesson(LessonId::new(4, 4)).unwrap();
    let BlockKind::Table(table) = &lesson.blocks[0].kind else {
        panic!()
    };
    assert_eq!(table.header.len(), 4);
    assert_eq!(table.rows.len(), 5);
}

#[test]
fn every_line_of_the_guide_reaches_the_model() {
    let spans = clean().spans();
    for (i, line) in CLEAN.lines().enumerate() {
        let n = i as u32 + 1;
        let covered = spans.iter().any(|s| s.first <= n && n <= s.last);
        assert!(
            line.trim().is_empty() || covered,
            "line {n} is not in the model: {line:?}"
        );
    }
}

#[test]
fn the_raw_guide_repairs_to_the_clean_model_but_the_emoji() {
    let raw = load::from_bytes("guide.raw.md", RAW).expect("the raw guide loads");
    let mut expected = clean();
    expected.icon = Some("\u{FFFD}".to_string());
    assert_eq!(raw.guide, expected);
}

#[test]
fn the_raw_guides_repairs_are_reported() {
    let report = load::from_bytes("guide.raw.md", RAW)
        .unwrap()
        .diagnostics
        .repair;
    let corners: Vec<u32> = report
        .restored
        .iter()
        .filter(|r| r.char == '┐')
        .map(|r| r.line)
        .collect();
    assert_eq!(
        corners,
        [
            205, 210, 216, 222, 228, 266, 274, 304, 308, 308, 308, 346, 386, 749, 753, 753, 753,
            760, 766
        ]
    );
    assert!(
        report
            .restored
            .iter()
            .filter(|r| r.char == '┐')
            .all(|r| r.rule == Rule::BoxNeighbours)
    );
    let arrow: Vec<_> = report.restored.iter().filter(|r| r.char == '←').collect();
    assert_eq!(
        (arrow.len(), arrow[0].line, arrow[0].rule),
        (1, 309, Rule::CommonUse)
    );
    assert_eq!(report.restored.len(), 20);
    assert_eq!(report.unrecoverable.len(), 1);
    assert_eq!(
        (report.unrecoverable[0].line, report.unrecoverable[0].column),
        (1, 3)
    );
    assert_eq!(
        report.evidence,
        Some(pyguide::guide::repair::Evidence::Windows1254)
    );
}

#[test]
fn the_raw_guide_text_equals_the_clean_text_but_the_emoji() {
    let text = std::str::from_utf8(RAW).unwrap();
    let (repaired, _) = pyguide::guide::repair::repair(text);
    assert_eq!(repaired, CLEAN.replacen('🐍', "\u{FFFD}", 1));
}

/// UTF-8 bytes read one by one through `decode`, as a damaging tool would.
fn damage(text: &str, decode: impl Fn(u8) -> Option<String>) -> Vec<u8> {
    text.bytes()
        .filter_map(decode)
        .collect::<String>()
        .into_bytes()
}

fn windows_1252(b: u8, undefined: Option<&str>) -> Option<String> {
    if [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(&b) {
        return undefined.map(str::to_string);
    }
    Some(
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&[b])
            .0
            .into_owned(),
    )
}

fn repaired_guide(bytes: &[u8]) -> (Guide, pyguide::guide::repair::Report) {
    let loaded = load::from_bytes("damaged.md", bytes).expect("loads");
    (loaded.guide, loaded.diagnostics.repair)
}

#[test]
fn a_latin1_damaged_guide_repairs_and_names_latin1() {
    let bytes = damage(CLEAN, |b| Some(char::from(b).to_string()));
    let (guide, report) = repaired_guide(&bytes);
    assert_eq!(guide, clean());
    assert_eq!(
        report.evidence,
        Some(pyguide::guide::repair::Evidence::Latin1)
    );
}

#[test]
fn a_guide_damaged_with_replacement_characters_repairs_like_a_dropped_one() {
    // Python's decode('cp1252', errors='replace') leaves U+FFFD where it has no character.
    let bytes = damage(CLEAN, |b| windows_1252(b, Some("\u{FFFD}")));
    let (guide, report) = repaired_guide(&bytes);
    let mut expected = clean();
    expected.icon = Some("\u{FFFD}".to_string());
    assert_eq!(guide, expected);
    assert_eq!(report.restored.iter().filter(|r| r.char == '┐').count(), 19);
    assert_eq!(
        report.unrecoverable[0].candidates, 25,
        "the snake's two lost bytes sit in known slots"
    );
}

#[test]
fn characters_outside_the_usual_scripts_do_not_stop_a_repair() {
    // An emoji with its presentation selector, a private-use icon and U+FFFD itself.
    let text = CLEAN.replacen("Python for AI", "Python ⚠️ \u{E0A0} \u{FFFD} for AI", 1);
    let bytes = damage(&text, |b| windows_1252(b, None));
    let (guide, report) = repaired_guide(&bytes);
    assert!(report.mixed.is_none(), "{report:?}");
    assert!(
        guide
            .title
            .starts_with("Python ⚠️ \u{E0A0} \u{FFFD} for AI"),
        "{}",
        guide.title
    );
}

#[test]
fn a_letter_that_lost_its_only_continuation_byte_does_not_stop_a_repair() {
    // Á is C3 81; Windows-1252 drops the 0x81, leaving a lone Ã.
    let text = CLEAN.replacen("Data Types & Structures", "Álgebra & Structures", 1);
    let bytes = damage(&text, |b| windows_1252(b, None));
    let (guide, report) = repaired_guide(&bytes);
    assert!(report.mixed.is_none(), "{report:?}");
    assert_eq!(
        guide.lessons().next().unwrap().title,
        "\u{FFFD}lgebra & Structures"
    );
    assert_eq!(
        guide.sections[1].lessons[3].blocks,
        clean().sections[1].lessons[3].blocks
    );
}

#[test]
fn a_byte_order_mark_read_through_a_wrong_decoder_is_dropped() {
    let bytes = damage(&format!("\u{FEFF}{CLEAN}"), |b| windows_1252(b, None));
    assert!(bytes.starts_with("ï»¿".as_bytes()));
    let (guide, _) = repaired_guide(&bytes);
    assert_eq!(guide.title, clean().title);
    assert_eq!(guide.sections, clean().sections);
}
