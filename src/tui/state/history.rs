//! Places jumped from and back: `^O` goes back, `^N` forward, as in vim, helix and
//! browsers.

use crate::tui::finder::Place;

/// Places kept each way at most: far more than anyone walks back through.
const KEPT: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
    /// Whether the status bar has said where back leads (it says so once).
    pub told: bool,
}

impl History {
    /// Leaving `from` for somewhere new: back leads to it, and forward forgets.
    pub fn leave(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > KEPT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Where back leads from `here`, which forward then leads to.
    pub fn back(&mut self, here: Place) -> Option<Place> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// Where forward leads from `here`, which back then leads to.
    pub fn forward(&mut self, here: Place) -> Option<Place> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    /// Where back would lead, without going.
    pub fn behind(&self) -> Option<Place> {
        self.back.last().copied()
    }

    /// Where forward would lead, without going.
    pub fn ahead(&self) -> Option<Place> {
        self.forward.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{GuideLine, load};

    fn places() -> Vec<Place> {
        let guide = load::builtin().unwrap().guide;
        let line = |n| GuideLine(n);
        let at = |key: &str, n| Place {
            page: guide.find_page(key).unwrap(),
            line: line(n),
        };
        vec![at("1.1", 22), at("2.4", 301), at("4.3", 513)]
    }

    #[test]
    fn back_and_forward_walk_the_places_left() {
        let [a, b, c] = places()[..] else { panic!() };
        let mut h = History::default();
        h.leave(a);
        h.leave(b);
        assert_eq!(h.back(c), Some(b));
        assert_eq!(h.back(b), Some(a));
        assert_eq!(h.back(a), None);
        assert_eq!(h.forward(a), Some(b));
        assert_eq!(h.forward(b), Some(c));
        assert_eq!(h.forward(c), None);
        // Going somewhere new forgets the way forward.
        assert_eq!(h.back(c), Some(b));
        h.leave(b);
        assert_eq!(h.ahead(), None);
        assert_eq!(h.behind(), Some(b), "the same place is kept once");
    }

    #[test]
    fn a_long_walk_keeps_the_latest_places() {
        let [a, b, _] = places()[..] else { panic!() };
        let mut h = History::default();
        for i in 0..(KEPT + 10) {
            h.leave(if i % 2 == 0 { a } else { b });
        }
        assert_eq!(h.back.len(), KEPT);
    }
}
