//! Whether the page on screen has been read: its end on screen, and either open long
//! enough to read (a time that grows with its length) or scrolled through from its top to
//! its end. Turning pages with `]`, `n`, `c` or clicks reads nothing.

use std::time::{Duration, Instant};

use crate::guide::PageId;

/// Reading time a page needs at least, and at most, whatever its length.
pub const SHORTEST: Duration = Duration::from_secs(2);
pub const LONGEST: Duration = Duration::from_secs(60);
/// Rows of text read in a second: 1 s for every 10 rows of prose or code.
const ROWS_PER_SECOND: u32 = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The page this is about; another page starts afresh.
    pub page: PageId,
    /// How long the page has been open while the reader was there.
    pub dwell: Duration,
    /// When time was last counted.
    pub since: Instant,
    /// Rows seen without a gap from the page's top: how far it was scrolled through.
    pub seen_to: usize,
    /// Whether the page's end has been on screen.
    pub seen_end: bool,
    /// The page's rows when last seen, so a new width rescales `seen_to`.
    rows: usize,
}

impl Reading {
    pub fn new(page: PageId, now: Instant) -> Self {
        Reading {
            page,
            dwell: Duration::ZERO,
            since: now,
            seen_to: 0,
            seen_end: false,
            rows: 0,
        }
    }

    /// Time passes until `now`; it counts when the reader is `there`.
    pub fn tick(&mut self, now: Instant, there: bool) {
        if there {
            self.dwell += now.saturating_duration_since(self.since);
        }
        self.since = now;
    }

    /// The screen shows rows `top` to `top + height` of the page's `total`.
    pub fn saw(&mut self, top: usize, height: usize, total: usize) {
        if self.rows > 0 && total != self.rows {
            // Laid out at another width: the share seen stays the share seen.
            self.seen_to = self.seen_to * total / self.rows;
        }
        self.rows = total;
        let bottom = top.saturating_add(height).min(total);
        if top <= self.seen_to {
            self.seen_to = self.seen_to.max(bottom);
        }
        self.seen_end |= bottom >= total;
    }

    /// Whether the page counts as read, given the reading time its `text_rows` need and
    /// the rows the screen shows at once.
    pub fn is_read(&self, text_rows: usize, height: usize) -> bool {
        // Scrolling through still takes a moment: a flick to the end is not reading.
        let through = self.scrolled_through(height) && self.dwell >= SHORTEST;
        self.seen_end && (self.dwell >= needed(text_rows) || through)
    }

    /// When the page will count as read if the reader stays, while its end is on screen:
    /// its reading time, or the shortest when it was scrolled through.
    pub fn due(&self, text_rows: usize, height: usize) -> Option<Instant> {
        let needed = match self.scrolled_through(height) {
            true => SHORTEST.min(needed(text_rows)),
            false => needed(text_rows),
        };
        (self.seen_end && self.dwell < needed).then(|| self.since + (needed - self.dwell))
    }

    /// Whether every row was seen by scrolling down from the top, on a page longer than
    /// the screen.
    fn scrolled_through(&self, height: usize) -> bool {
        self.rows > height && self.seen_to >= self.rows
    }
}

/// The reading time `text_rows` rows of prose or code need: 1 s for every 10, at least
/// 2 s and at most 60 s.
pub fn needed(text_rows: usize) -> Duration {
    let rows = u32::try_from(text_rows).unwrap_or(u32::MAX);
    let time = Duration::from_secs(1) * rows / ROWS_PER_SECOND;
    time.clamp(SHORTEST, LONGEST)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load;

    fn reading() -> (Reading, Instant) {
        let guide = load::builtin().unwrap().guide;
        let now = Instant::now();
        (Reading::new(guide.home(), now), now)
    }

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn reading_time_grows_with_length_between_bounds() {
        assert_eq!(needed(0), SHORTEST);
        assert_eq!(needed(10), SHORTEST);
        assert_eq!(needed(45), SECOND * 9 / 2);
        assert_eq!(needed(10_000), LONGEST);
    }

    #[test]
    fn a_short_page_is_read_once_its_time_has_passed_with_the_reader_there() {
        let (mut r, t) = reading();
        r.saw(0, 30, 20);
        assert!(!r.is_read(20, 30), "just opened");
        assert_eq!(r.due(20, 30), Some(t + SHORTEST));
        r.tick(t + SECOND * 10, false);
        assert!(!r.is_read(20, 30), "away from the terminal");
        r.tick(t + SECOND * 12, true);
        assert!(r.is_read(20, 30));
        assert_eq!(r.due(20, 30), None);
    }

    #[test]
    fn the_end_must_have_been_on_screen() {
        let (mut r, t) = reading();
        r.saw(0, 30, 100);
        r.tick(t + LONGEST, true);
        assert!(!r.is_read(100, 30));
        assert_eq!(r.due(100, 30), None, "nothing to wait for");
        r.saw(70, 30, 100);
        assert!(
            r.is_read(100, 30),
            "read for long enough, and now at its end"
        );
    }

    #[test]
    fn scrolling_through_reads_but_jumping_to_the_end_does_not() {
        let (mut through, t) = reading();
        for top in (0..=70).step_by(28) {
            through.saw(top, 30, 100);
        }
        through.saw(70, 30, 100);
        assert!(
            !through.is_read(100, 30),
            "in less time than it takes to read"
        );
        through.tick(t + SHORTEST, true);
        assert!(through.is_read(100, 30));

        let (mut jumped, t) = reading();
        jumped.saw(0, 30, 100);
        jumped.saw(70, 30, 100);
        jumped.tick(t + SECOND * 5, true);
        assert!(jumped.seen_end && !jumped.is_read(100, 30));
    }

    #[test]
    fn a_new_width_keeps_the_share_scrolled_through() {
        let (mut r, _) = reading();
        r.saw(0, 50, 100);
        r.saw(0, 50, 200);
        assert_eq!(r.seen_to, 100);
    }
}
