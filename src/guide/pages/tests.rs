use super::*;
use crate::guide::load;

fn guide(md: &str) -> Guide {
    load::from_bytes("t.md", md.as_bytes()).unwrap().guide
}

fn keys(guide: &Guide) -> Vec<&str> {
    guide.pages().iter().map(|p| p.key.as_str()).collect()
}

#[test]
fn the_shipped_guide_has_home_33_lessons_the_path_and_the_resources() {
    let guide = load::builtin().unwrap().guide;
    let keys = keys(&guide);
    assert_eq!(keys.len(), 36);
    assert_eq!(keys[..3], ["home", "1.1", "1.2"]);
    assert_eq!(keys[keys.len() - 2..], ["learning-path", "resources"]);
    for (i, page) in guide.pages().iter().enumerate() {
        assert_eq!(page.id.index(), i);
        assert_eq!(guide.find_page(&page.key), Ok(page.id));
    }
    let gil = guide.find_page("2.4").unwrap();
    assert_eq!(guide.page(gil).title, "Global Interpreter Lock (GIL)");
    assert_eq!(guide.page(gil).line, GuideLine(301));
    assert_eq!(guide.path_page(), guide.find_page("Learning-Path").ok());
}

#[test]
fn intros_are_pages_and_sections_open_on_their_first_page() {
    let g = guide(
        "# T\n\n## Contents\n\n- [A](#1-a)\n\n## 1. A\n\nIntro.\n\n### 1.1 X\n\nx\n\n\
         ## 2. B\n\n### 2.1 Y\n\ny\n\n## 3. C\n\nOnly text.\n\n## Resources\n\n- r\n",
    );
    assert_eq!(keys(&g), ["home", "1", "1.1", "2.1", "3", "resources"]);
    assert_eq!(g.opening_page(1), g.find_page("1").ok());
    assert_eq!(g.opening_page(2), g.find_page("2.1").ok());
    assert_eq!(g.opening_page(9), None);
    let sections: Vec<Option<usize>> = g.pages().iter().map(|p| p.section).collect();
    assert_eq!(sections, [None, Some(0), Some(0), Some(1), Some(2), None]);
    let intro = g.find_page("1").unwrap();
    assert_eq!(g.blocks(intro).len(), 1);
    assert_eq!(g.step(g.home(), -1), None);
    assert_eq!(g.step(g.home(), 1), Some(intro));
}

#[test]
fn repeated_ids_and_titles_get_keys_of_their_own() {
    let g = guide("# T\n\n## 1. A\n\n### 1.1 X\n\n### 1.1 Again\n\n## Notes\n\n## Notes\n");
    assert_eq!(keys(&g), ["home", "1.1", "1.1-2", "notes", "notes-2"]);
    // A repeat never takes a key a page has already, whatever the order.
    let g = guide("# T\n\n## 1. A\n\n### 1.1 X\n\n## Notes\n\n## Notes\n\n## Notes 2\n");
    assert_eq!(keys(&g), ["home", "1.1", "notes", "notes-3", "notes-2"]);
    assert_eq!(g.lesson_page(LessonId::new(1, 1)), g.find_page("1.1").ok());
}

#[test]
fn an_unknown_key_is_an_error_that_lists_the_pages() {
    let guide = load::builtin().unwrap().guide;
    let err = guide.find_page("9.9").unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no page '9.9': the pages are home, 1.1 to 8.4, learning-path, resources"
    );
}

#[test]
fn parts_are_read_where_the_guide_writes_them() {
    let g = guide("# T\n\n## Preface\n\np\n\n## 1. A\n\n### 1.1 X\n\n## ---\n\n## Item\n");
    assert_eq!(keys(&g), ["home", "preface", "1.1", "part-1", "item"]);
}
