//! Words as programmers type them: case-folded, identifiers split into their parts
//! (`ThreadPoolExecutor` → thread, pool, executor) with the whole kept too, and lightly
//! stemmed so "decorators" meets "decorator". Queries and the index use the same rules.

/// One searchable word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The normalised term.
    pub term: String,
    /// Word position, for phrases: the parts of an identifier follow one another and its
    /// whole shares the first part's position.
    pub pos: u32,
    /// Byte range of the word in the text, for marking matches.
    pub start: usize,
    pub end: usize,
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pos = 0u32;
    for (start, chunk) in chunks(text) {
        let parts = parts(chunk);
        // The whole is kept when it says more than its one part: `__get__` is not `get`.
        if parts.len() > 1 || parts.first().is_some_and(|(_, p)| p.len() < chunk.len()) {
            out.push(Token {
                term: chunk.to_lowercase(),
                pos,
                start,
                end: start + chunk.len(),
            });
        }
        for (offset, part) in parts {
            out.push(Token {
                term: stem(&part.to_lowercase()),
                pos,
                start: start + offset,
                end: start + offset + part.len(),
            });
            pos += 1;
        }
    }
    out
}

/// Runs of letters, digits and underscores, with their byte offsets. Everything else
/// (spaces, dots, brackets, operators) separates them.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.find(|&(_, c)| word(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !word(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// An identifier's parts with their offsets: split at underscores and where case turns
/// (`parseHTTPRequest` → parse, HTTP, Request). Digits stay with the letters before them.
fn parts(chunk: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c == '_' {
            if let Some(s) = start.take() {
                out.push((s, &chunk[s..i]));
            }
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let turns = match prev {
            Some(p) if c.is_uppercase() => {
                p.is_lowercase()
                    || p.is_numeric()
                    || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            }
            _ => false,
        };
        match start {
            Some(s) if turns => {
                out.push((s, &chunk[s..i]));
                start = Some(i);
            }
            None => start = Some(i),
            Some(_) => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &chunk[s..]));
    }
    out
}

/// A light stemmer for English words in technical prose: plurals, -ing, -ed and a final e,
/// so that cache, caches, cached and caching all become `cach`. Short words stay as they are.
pub fn stem(word: &str) -> String {
    if word.chars().count() <= 3 || !word.is_ascii() {
        return word.to_owned();
    }
    let mut w = word.to_owned();
    if let Some(base) = w.strip_suffix("ies").filter(|b| b.len() >= 3) {
        w = format!("{base}y");
    } else if let Some(base) = w.strip_suffix("sses") {
        w = format!("{base}ss");
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = w.strip_suffix(suffix).filter(|b| b.len() >= 4) {
            w = undouble(base);
            break;
        }
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// `runn` → `run`, `embedd` → `embed`; but `call` and `process` keep their pairs.
fn undouble(base: &str) -> String {
    let b = base.as_bytes();
    match b {
        [.., x, y] if x == y && !matches!(x, b'l' | b's' | b'z') && !b"aeiou".contains(x) => {
            base[..base.len() - 1].to_owned()
        }
        _ => base.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn identifiers_split_as_programmers_type_them() {
        assert_eq!(
            terms("timing_decorator"),
            ["timing_decorator", "timing", "decorator"]
        );
        assert_eq!(
            terms("ThreadPoolExecutor"),
            ["threadpoolexecutor", "thread", "pool", "executor"]
        );
        assert_eq!(terms("gc.collect()"), ["gc", "collect"]);
        assert_eq!(
            terms("parseHTTPRequest"),
            ["parsehttprequest", "pars", "http", "request"]
        );
        assert_eq!(terms("lru_cache"), ["lru_cache", "lru", "cach"]);
        assert_eq!(terms("utf8 x2"), ["utf8", "x2"]);
        assert_eq!(terms("def __get__"), ["def", "__get__", "get"]);
    }

    #[test]
    fn positions_follow_words_and_offsets_point_into_the_text() {
        let text = "use ThreadPool now";
        let toks = tokens(text);
        let at: Vec<(&str, u32)> = toks
            .iter()
            .map(|t| (&text[t.start..t.end], t.pos))
            .collect();
        assert_eq!(
            at,
            [
                ("use", 0),
                ("ThreadPool", 1),
                ("Thread", 1),
                ("Pool", 2),
                ("now", 3)
            ]
        );
    }

    #[test]
    fn word_forms_meet() {
        for group in [
            &["decorator", "decorators"][..],
            &["cache", "caches", "cached", "caching"],
            &["class", "classes"],
            &["library", "libraries"],
            &["thread", "threads", "threading"],
            &["run", "running"],
            &["embed", "embedded", "embedding"],
            &["process", "processes", "processing"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(
                stems.iter().all(|s| *s == stems[0]),
                "{group:?} → {stems:?}"
            );
        }
        for keep in [
            "gil", "asyncio", "analysis", "status", "call", "string", "need",
        ] {
            assert_eq!(stem(keep), keep.trim_end_matches('e'), "{keep}");
        }
    }

    #[test]
    fn any_text_tokenizes() {
        assert!(tokens("").is_empty());
        assert!(tokens("!!! ... ***").is_empty());
        assert_eq!(terms("Ünïcödé 日本語"), ["ünïcödé", "日本語"]);
        assert_eq!(terms("a\u{0}b"), ["a", "b"]);
    }
}
