use super::*;
use crate::guide::blocks::parse;

fn build_md(md: &str) -> (Guide, Vec<Warning>) {
    let mut warnings = Vec::new();
    let guide = build(parse(md), &mut warnings);
    (guide, warnings)
}

const SMALL: &str = "\
# 🐍 Title Here

> The subtitle.

## 📑 Table of Contents

1. [Basics](#1-basics)
2. [Missing](#9-nowhere)

## 1. Basics

Intro text.

### 1.1 First Lesson

Body.

#### Detail

### Aside

### 1.2. Second

## 2. More

### 3.1 Misnumbered

## 📚 Learning Path

### Beginner (Weeks 1-2)
- [ ] Python syntax & data types
- [x] Functions
- not a task

### Later
- [ ] Functions

## 🔗 Resources

- [Docs](https://docs.python.org/3/) - the manual
- [Other](https://example.com/)

---

*Footer*
";

#[test]
fn builds_title_sections_lessons_and_parts() {
    let (guide, _) = build_md(SMALL);
    assert_eq!(guide.title, "Title Here");
    assert_eq!(guide.icon.as_deref(), Some("🐍"));
    assert_eq!(guide.subtitle.as_deref(), Some("The subtitle."));
    assert_eq!(guide.sections.len(), 2);
    let basics = &guide.sections[0];
    assert_eq!(
        (basics.number, basics.title.as_str(), basics.line),
        (1, "Basics", 10)
    );
    assert_eq!(basics.intro.len(), 1);
    let ids: Vec<String> = guide.lessons().map(|l| l.id.to_string()).collect();
    assert_eq!(ids, ["1.1", "1.2", "3.1"]);
    assert_eq!(basics.lessons[1].title, "Second");
    // "#### Detail" and the unnumbered "### Aside" stay inside lesson 1.1.
    let headings = basics.lessons[0]
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }));
    assert_eq!(headings.count(), 2);
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
fn reads_contents_links_into_targets() {
    let (guide, warnings) = build_md(SMALL);
    let targets: Vec<&Target> = guide.contents.iter().map(|e| &e.target).collect();
    assert_eq!(
        targets,
        [
            &Target::Section(1),
            &Target::Unresolved("#9-nowhere".into())
        ]
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.line == 8 && w.message.contains("#9-nowhere"))
    );
}

#[test]
fn reads_the_learning_path_with_stable_unique_ids() {
    let (guide, warnings) = build_md(SMALL);
    let phases = &guide.learning_path.phases;
    assert_eq!(phases.len(), 2);
    assert_eq!(
        (phases[0].title.as_str(), phases[0].weeks.as_deref()),
        ("Beginner", Some("1-2"))
    );
    let items: Vec<(u32, &str, bool)> = guide
        .items()
        .map(|i| (i.n, i.id.as_str(), i.checked))
        .collect();
    assert_eq!(
        items,
        [
            (1, "beginner/python-syntax-data-types", false),
            (2, "beginner/functions", true),
            (3, "later/functions", false),
        ]
    );
    assert!(warnings.iter().any(|w| w.message.contains("without '[ ]'")));
}

#[test]
fn reads_resources() {
    let (guide, _) = build_md(SMALL);
    let names: Vec<(&str, &str)> = guide
        .resources
        .iter()
        .map(|r| (r.name.as_str(), r.url.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Docs", "https://docs.python.org/3/"),
            ("Other", "https://example.com/")
        ]
    );
}

#[test]
fn warns_about_misnumbered_and_repeated_lessons() {
    let (_, warnings) = build_md(SMALL);
    assert!(
        warnings
            .iter()
            .any(|w| w.message == "lesson 3.1 is inside section 2")
    );
    let (_, warnings) = build_md("## 1. A\n### 1.1 X\n### 1.1 Y\n## 1. B\n");
    assert!(
        warnings
            .iter()
            .any(|w| w.line == 3 && w.message.contains("lesson 1.1 appears again"))
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.line == 4 && w.message.contains("section 1 appears again"))
    );
}

#[test]
fn every_line_lands_in_the_model() {
    let (guide, _) = build_md(SMALL);
    let spans = guide.spans();
    for (i, line) in SMALL.lines().enumerate() {
        let n = i as u32 + 1;
        let covered = spans.iter().any(|s| s.first <= n && n <= s.last);
        assert!(
            line.trim().is_empty() || covered,
            "line {n} {line:?} is lost"
        );
    }
}

#[test]
fn heading_icons_split_only_symbols() {
    assert_eq!(
        split_icon("📚 Learning Path"),
        (Some("📚".into()), "Learning Path")
    );
    assert_eq!(
        split_icon("\u{FFFD} Python"),
        (Some("\u{FFFD}".into()), "Python")
    );
    assert_eq!(split_icon("1. Python"), (None, "1. Python"));
    assert_eq!(split_icon("Über alles"), (None, "Über alles"));
    assert_eq!(split_icon("🐍"), (None, "🐍"));
}

#[test]
fn section_and_lesson_headings_follow_the_grammar() {
    assert_eq!(
        section_heading("1. Python Fundamentals"),
        Some((1, "Python Fundamentals"))
    );
    assert_eq!(section_heading("1.Python"), None);
    assert_eq!(section_heading("1."), Some((1, "")));
    assert_eq!(section_heading("Intro. Text"), None);
    assert_eq!(
        lesson_heading("2.4 Global Interpreter Lock (GIL)").map(|(i, t)| (i.to_string(), t)),
        Some(("2.4".into(), "Global Interpreter Lock (GIL)"))
    );
    assert_eq!(lesson_heading("Aside"), None);
    assert_eq!(
        lesson_heading("1.1").map(|(i, t)| (i.to_string(), t)),
        Some(("1.1".into(), ""))
    );
}
