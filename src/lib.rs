//! pyguide: an interactive terminal tutor for the "Python for AI/ML/Agentic Coding -
//! Architect's Guide".
//!
//! Data flows one way: the guide's text → [`guide`] (load, repair, model) → [`render`] →
//! the CLI and the TUI.

pub mod guide;
