//! pyguide: an interactive terminal tutor for the "Python for AI/ML/Agentic Coding -
//! Architect's Guide".
//!
//! Data flows one way: the guide's text → [`guide`] (load, repair, model) → [`render`] →
//! [`cli`] and [`tui`] → `main`; [`run`] runs the guide's Python for both.

pub mod cli;
pub mod error;
pub mod guide;
pub mod progress;
pub mod render;
pub mod run;
pub mod search;
pub mod tui;
