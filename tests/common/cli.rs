//! Running the `pyguide` binary as a command and reading what it says.

use std::path::Path;
use std::process::{Command, Output};

/// Runs pyguide with an environment that does not depend on the shell running the tests.
pub fn pyguide(args: &[&str]) -> Output {
    pyguide_env(args, &[])
}

pub fn pyguide_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pyguide"));
    for var in ["NO_COLOR", "COLORTERM", "COLUMNS", "TERM"] {
        command.env_remove(var);
    }
    command.envs(env.iter().copied()).args(args);
    command.output().expect("pyguide runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// A failure: no output, one line on stderr, the given exit code; returns that line.
pub fn fails(out: &Output, code: i32) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err:?}");
    assert!(err.starts_with("pyguide: "), "{err}");
    assert!(out.stdout.is_empty());
    err.trim_end().to_string()
}

/// Writes `bytes` to `dir/name` and returns its path, for `--guide`.
pub fn guide_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}
