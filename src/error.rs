//! What can go wrong, as one line each; `main` turns these into the exit status.

use crate::guide::{LoadError, ParseIdError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    BadId(#[from] ParseIdError),
    #[error("no lesson {id}: {hint}")]
    NoLesson { id: String, hint: String },
    #[error("no section {id}: {hint}")]
    NoSection { id: String, hint: String },
    #[error(
        "'{id}' is not a page id: use N.M (like 2.4), a section number (like 2), 'all', or \
         one of {pages}"
    )]
    BadPage { id: String, pages: String },
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    #[error("the query is empty: give a word to look for, as in 'pyguide search gil'")]
    EmptyQuery,
    #[error("cannot search for '{query}': {why}")]
    BadQuery { query: String, why: String },
    #[error("no matches for '{0}'")]
    NoMatches(String),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "the tutor needs a terminal, and stdin or stdout is not one; \
         to print the guide instead, use 'pyguide list' or 'pyguide show ID'"
    )]
    NoTerminal,
    #[error("cannot use the terminal: {0}")]
    Terminal(std::io::Error),
    #[error("the terminal's input stopped")]
    NoInput,
    #[error(transparent)]
    NoItem(#[from] crate::progress::items::ItemError),
    #[error("progress not saved: {0}")]
    NotSaved(#[from] crate::progress::store::StoreError),
    #[error("cannot read progress: {0}")]
    NotLoaded(crate::progress::store::StoreError),
    #[error(transparent)]
    NoHome(#[from] crate::progress::locate::NoHome),
    #[error("cannot read {}: {source}", file.display())]
    ImportUnreadable {
        file: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot import {}: {why}", file.display())]
    ImportDamaged {
        file: std::path::PathBuf,
        why: crate::progress::store::Damage,
    },
    #[error(
        "'{0}' is not a block: use N.M for a lesson's first Python block, or N.M#K for its \
         K-th (like 2.4#2)"
    )]
    BadBlock(String),
    #[error("lesson {lesson} has no Python to run, only {only}")]
    NoPythonBlock { lesson: String, only: String },
    #[error("lesson {0} has no code to run")]
    NoCode(String),
    #[error("lesson {lesson} has {count} Python block{}; there is no #{asked}", if *count == 1 { "" } else { "s" })]
    NoSuchBlock {
        lesson: String,
        count: usize,
        asked: u32,
    },
    #[error(transparent)]
    NoPython(#[from] crate::run::NoPython),
    #[error(transparent)]
    RunStart(#[from] crate::run::RunError),
    #[error("the program's output stopped arriving")]
    RunLost,
    #[error("reset forgets every tick and read mark for this guide; add --yes to do it")]
    ResetUnconfirmed,
}

impl Error {
    /// 2 for a malformed command line (as clap uses); for `run`, 127 when no interpreter
    /// is found and 126 when it cannot start (as `timeout(1)` and `env(1)` use); 1 for
    /// everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::NoPython(_) => 127,
            Error::RunStart(_) => 126,
            Error::BadBlock(_)
            | Error::BadId(_)
            | Error::BadPage { .. }
            | Error::EmptyQuery
            | Error::BadQuery { .. }
            | Error::ResetUnconfirmed => 2,
            _ => 1,
        }
    }
}
