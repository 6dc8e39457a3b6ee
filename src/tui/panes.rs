//! One widget per pane, each drawing borrowed state with styles from the theme.

pub mod help;
pub mod lesson;
pub mod notice;
pub mod sidebar;
pub mod status;
