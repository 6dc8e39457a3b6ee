//! Finding topics by keyword: an index built from the model, queried with ranking.
//! No terminal code; the CLI and the TUI both call it.

pub mod index;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod teaching;
pub mod tokens;
pub mod topics;

pub use index::Index;
pub use query::Query;
pub use rank::{Hit, Occurrences, occurrences, rank, search};
pub use snippet::{Snippet, Snippets};
pub use teaching::teaching;
pub use topics::{Topic, topics};
