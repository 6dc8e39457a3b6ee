//! Byte offsets → 1-based guide line numbers.

use std::ops::Range;

use crate::guide::Lines;

/// Start offsets of lines.
pub(super) struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    pub(super) fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&start| start <= offset) as u32
    }

    /// The lines a block covers. pulldown-cmark's ranges can take in the blank lines after
    /// a block (a list's do); those belong to no block.
    pub(super) fn lines(&self, range: &Range<usize>) -> Lines {
        let body = self.text.get(range.clone()).unwrap_or("");
        let end = range.start + body.trim_end().len();
        let first = self.line(range.start);
        let last = self.line(end.saturating_sub(1).max(range.start));
        Lines { first, last }
    }
}
