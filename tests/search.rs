//! Search over the real guide: the lessons people look for come first.

use pyguide::guide::load;
use pyguide::search::{Index, Query, occurrences, search};
use std::sync::LazyLock;

/// The shipped guide and its whole index, built once for every test here.
static GUIDE: LazyLock<pyguide::guide::Guide> = LazyLock::new(|| load::builtin().unwrap().guide);
static FULL: LazyLock<Index> = LazyLock::new(|| Index::build(&GUIDE));

fn top(index: &Index, query: &str) -> String {
    search(index, query, 5)
        .first()
        .map(|h| h.key.clone())
        .unwrap_or_default()
}

#[test]
fn the_lesson_people_look_for_comes_first() {
    let index = &*FULL;
    let expected = [
        ("gil", "2.4"),
        ("garbage collection", "3.3"),
        ("asyncio", "4.3"),
        ("reference counting", "3.2"),
        ("descriptor", "5.2"),
        ("metaclass", "5.1"),
        ("lru_cache", "8.3"),
        ("tracemalloc", "3.4"),
        ("RecursiveCharacterTextSplitter", "7.4"),
        ("ThreadPoolExecutor", "4.1"),
        ("broadcasting", "6.2"),
        ("pydantic", "8.2"),
    ];
    let mut wrong = Vec::new();
    for (query, lesson) in expected {
        let got = top(index, query);
        if got != lesson {
            let all: Vec<String> = search(index, query, 5)
                .iter()
                .map(|h| format!("{} {:.2} L{}", h.key, h.score, h.line))
                .collect();
            wrong.push(format!("{query:?}: want {lesson}, got {all:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn typos_and_prefixes_still_find_the_lesson() {
    let index = &*FULL;
    assert_eq!(top(index, "asynico"), "4.3");
    assert_eq!(top(index, "metaclas"), "5.1");
    assert_eq!(top(index, "tracemal"), "3.4");
    assert_eq!(top(index, "descriptors"), "5.2");
    // A dunder name is itself, not the word inside it.
    assert_eq!(top(index, "__get__"), "5.2");
    assert_eq!(top(index, "__add__"), "1.3");
}

/// A word typed partway may run past its stem: "threadin" is on its way to "threading",
/// whose term is "thread".
#[test]
fn a_word_typed_partway_past_its_stem_still_finds() {
    let index = &*FULL;
    for (typed, lesson) in [
        ("threadin", "4.1"),
        ("ThreadPoolExecut", "4.1"),
        ("loggi", "8.4"),
        ("broadcasti", "6.2"),
        ("garbage collecti", "3.3"),
    ] {
        assert_eq!(top(index, typed), lesson, "{typed}");
    }
    for typed in ["trainin", "embeddi", "decorato", "countin"] {
        assert!(!search(index, typed, 1).is_empty(), "{typed}");
    }
}

/// A question is about its subject, not its small words.
#[test]
fn small_words_in_a_question_do_not_outrank_its_subject() {
    let index = &*FULL;
    assert_eq!(top(index, "what is a decorator"), "1.2");
    assert_eq!(top(index, "what is the gil"), "2.4");
    assert_eq!(top(index, "how do i use async"), "4.3");
    // Alone, or inside an identifier, they are searched for.
    assert!(!search(index, "is", 5).is_empty());
    assert_eq!(top(index, "from_pretrained"), "6.4");
}

/// The stem of a whole word is no prefix: "logging" (stem "log") must not find "login".
#[test]
fn a_whole_word_is_not_widened_through_its_stem() {
    let index = &*FULL;
    let found = occurrences(index, &Query::parse("logging"));
    assert!(
        !found.terms.iter().any(|t| t == "login"),
        "{:?}",
        found.terms
    );
    assert!(found.places.iter().all(|&(_, line)| line.0 != 534));
    assert!(!search(index, "log", 50).is_empty());
}

#[test]
fn section_titles_and_the_pages_around_the_lessons_are_found() {
    let index = &*FULL;
    assert_eq!(top(index, "ecosystem"), "6");
    assert_eq!(top(index, "best practices"), "8");
    assert_eq!(top(index, "huggingface"), "resources");
    assert_eq!(top(index, "scikit-learn fundamentals"), "learning-path");
    assert_eq!(top(index, "aspiring architects"), "home");
}

/// The line a hit points at holds the most query words, the rarer ones first; the title
/// when only it holds them all.
#[test]
fn a_hit_points_at_the_line_that_says_most() {
    let index = &*FULL;
    let first = |q: &str| search(index, q, 1).remove(0);
    let hit = first("global interpreter lock");
    assert_eq!((hit.key.as_str(), hit.line.0), ("2.4", 301));
    // "numpy" is on many lines of 6.2, "broadcasting" on one.
    let hit = first("numpy broadcasting");
    assert_eq!((hit.key.as_str(), hit.line.0), ("6.2", 662));
}

#[test]
fn odd_queries_give_sensible_answers_or_none() {
    let index = &*FULL;
    for query in [
        "",
        "   ",
        "!!!",
        ".*[(",
        "in:code",
        "日本語",
        &"x".repeat(10_000),
    ] {
        let _ = search(index, query, 10);
    }
    // 10 kB of words is answered at once, not in time cubic in its length.
    let many = "gil asyncio ".repeat(850);
    let many = many.trim_end();
    assert!(!search(index, many, 10).is_empty());
    assert!(search(index, "", 10).is_empty());
    assert!(search(index, "zzzzqqq", 10).is_empty());
    assert!(
        search(index, "in:code lru_cache", 10)
            .iter()
            .all(|h| h.line.is_real())
    );
}

#[test]
fn hits_point_at_a_line_that_shows_the_words() {
    let index = &*FULL;
    let source: Vec<&str> = include_str!("../content/guide.md").lines().collect();
    for query in [
        "gil",
        "lru_cache",
        "tracemalloc",
        "broadcasting",
        "pydantic",
    ] {
        let hit = &search(index, query, 1)[0];
        let line = source[hit.line.0 as usize - 1].to_lowercase();
        assert!(
            line.contains(&query.to_lowercase()),
            "{query}: line {} is {line:?}",
            hit.line
        );
        let snip = pyguide::search::Snippets::new(&GUIDE).of(hit);
        let marked: Vec<String> = snip
            .marks
            .iter()
            .map(|m| snip.text[m.clone()].to_lowercase())
            .collect();
        assert!(marked.contains(&query.to_lowercase()), "{query}: {snip:?}");
    }
}

mod query_only_index {
    use super::*;
    use proptest::prelude::*;
    use pyguide::search::rank;
    /// The guide's words as written, identifiers and all.
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut words: Vec<String> = include_str!("../content/guide.md")
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    });

    /// A word as someone might type it: whole, cut short, or with one slip of the finger.
    fn typed() -> impl Strategy<Value = String> {
        (0..WORDS.len(), 0..4u8, any::<prop::sample::Index>()).prop_map(|(w, how, at)| {
            let word: Vec<char> = WORDS[w].chars().collect();
            let i = at.index(word.len());
            let mut out = word.clone();
            match how {
                0 => out.truncate(i.max(1)),
                1 if word.len() > 1 => {
                    out.remove(i);
                }
                2 if i + 1 < word.len() => out.swap(i, i + 1),
                _ => {}
            }
            out.into_iter().collect()
        })
    }

    fn query() -> impl Strategy<Value = String> {
        let filter = prop::sample::select(vec!["", "in:code ", "in:title ", "in:prose "]);
        (filter, prop::collection::vec(typed(), 1..4), any::<bool>()).prop_map(
            |(filter, words, space)| {
                let end = if space { " " } else { "" };
                format!("{filter}{}{end}", words.join(" "))
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn answers_as_the_whole_index_does(q in query()) {
            let parsed = Query::parse(&q);
            let small = Index::build_for(&GUIDE, &parsed);
            prop_assert_eq!(search(&FULL, &q, 50), rank(&small, &parsed, 50));
        }
    }

    /// Words typed past their stems reach the stem wherever it is written.
    #[test]
    fn answers_words_typed_past_their_stems_as_the_whole_index_does() {
        for q in [
            "logg",
            "threadin",
            "decorators",
            "broadcasti",
            "librari",
            "in:code cachin",
        ] {
            let parsed = Query::parse(q);
            let small = Index::build_for(&GUIDE, &parsed);
            assert_eq!(search(&FULL, q, 50), rank(&small, &parsed, 50), "{q}");
        }
    }

    #[test]
    fn answers_every_word_of_the_guide_as_the_whole_index_does() {
        for word in WORDS.iter() {
            let parsed = Query::parse(word);
            let small = Index::build_for(&GUIDE, &parsed);
            assert_eq!(search(&FULL, word, 5), rank(&small, &parsed, 5), "{word}");
        }
    }

    #[test]
    fn keeps_only_what_the_query_can_match() {
        let parsed = Query::parse("asyncio");
        let small = Index::build_for(&GUIDE, &parsed);
        assert_eq!(small.vocabulary, ["asyncio"]);
        assert_eq!(small.topics, FULL.topics);
    }
}

#[test]
fn occurrences_are_every_line_any_result_marks() {
    let index = &*FULL;
    let found = occurrences(index, &Query::parse("gil"));
    assert!(
        found.places.windows(2).all(|w| w[0] < w[1]),
        "sorted, no repeats"
    );
    // Every hit's best line is among them.
    for hit in search(index, "gil", 50) {
        assert!(found.places.contains(&(hit.page, hit.line)));
    }
    // Two words: every result, those holding one word too, and every line of theirs
    // holding either, as the pages mark them.
    let either = occurrences(index, &Query::parse("thread pool"));
    let pages: std::collections::BTreeSet<_> = either.places.iter().map(|p| p.0).collect();
    let hits = search(index, "thread pool", 50);
    assert!(hits.iter().any(|h| h.matched == 1));
    for hit in hits {
        assert!(pages.contains(&hit.page), "{}", hit.key);
        assert!(either.places.contains(&(hit.page, hit.line)));
    }
    assert!(occurrences(index, &Query::parse("zzqxj")).places.is_empty());
    assert!(occurrences(index, &Query::parse("")).places.is_empty());
}
