//! `pyguide run`: the guide's own blocks, and guides of the tests' own that fail, loop,
//! leave children behind, flood, or find no interpreter.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::cli::{fails, pyguide_env, stderr, stdout};
use common::python::{assert_group_gone, guide_with, python3};

fn run(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let python = python3();
    let mut all = vec!["run", "--python", python.to_str().expect("a UTF-8 path")];
    all.extend_from_slice(args);
    pyguide_env(&all, env)
}

fn run_own(dir: &Path, code: &str, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let guide = guide_with(dir, code);
    let mut all = vec!["1.1", "--guide", guide.to_str().expect("a UTF-8 path")];
    all.extend_from_slice(args);
    run(&all, env)
}

#[test]
fn lesson_1_2_prints_10() {
    let out = run(&["1.2"], &[]);
    assert_eq!(stdout(&out), "10\n", "stderr: {}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

#[test]
fn lesson_2_5_walks_the_legb_rule() {
    let out = run(&["2.5"], &[]);
    assert_eq!(
        stdout(&out),
        "local\nenclosing\nglobal\n<built-in function len>\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_failing_block_passes_its_exit_code_and_traceback_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_own(
        dir.path(),
        "print('before')\nimport sys\nsys.exit(3)",
        &[],
        &[],
    );
    assert_eq!(
        (stdout(&out).as_str(), out.status.code()),
        ("before\n", Some(3))
    );
    let out = run_own(dir.path(), "1 / 0", &[], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(
        err.contains("lesson_1_1.py"),
        "the script is named for its lesson: {err}"
    );
    assert!(
        !err.contains("pyguide:"),
        "nothing to add to a plain failure: {err}"
    );
}

#[test]
fn a_missing_package_gets_a_hint_after_the_traceback() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_own(dir.path(), "import pyguide_surely_absent.sub", &[], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let last: Vec<&str> = err.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            "pyguide: this lesson needs the package 'pyguide-surely-absent': pip install pyguide-surely-absent",
            "ModuleNotFoundError: No module named 'pyguide_surely_absent'",
        ]
    );
}

/// A block that records its process group, starts a child that ignores SIGTERM and a
/// grandchild under it, then `tail`.
fn family(tail: &str) -> String {
    format!(
        "import os, subprocess, sys\n\
         open(os.environ['PIDFILE'], 'w').write(str(os.getpgid(0)))\n\
         stubborn = 'import signal, subprocess, sys, time\\n\
         signal.signal(signal.SIGTERM, signal.SIG_IGN)\\n\
         subprocess.Popen([sys.executable, \"-c\", \"import time; time.sleep(1000)\"])\\n\
         time.sleep(1000)'\n\
         subprocess.Popen([sys.executable, '-c', stubborn])\n\
         import time; time.sleep(0.3)\n\
         {tail}"
    )
}

#[test]
fn a_block_that_loops_forever_is_killed_at_the_timeout_with_all_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let code = family("while True:\n    pass");
    let started = Instant::now();
    let env = [("PIDFILE", pidfile.to_str().unwrap())];
    let out = run_own(dir.path(), &code, &["--timeout", "1.5"], &env);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(124), "stderr: {}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "pyguide: stopped after 1.5 s; --timeout SECS gives it longer\n"
    );
    assert!(
        took < Duration::from_secs(8),
        "ended at the timeout: {took:?}"
    );
    assert_group_gone(&pidfile);
}

#[test]
fn a_block_that_leaves_its_group_is_still_killed_at_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let code = "import os\nos.setpgid(0, os.getpgid(os.getppid()))\nwhile True:\n    pass";
    let started = Instant::now();
    let out = run_own(dir.path(), code, &["--timeout", "1"], &[]);
    assert_eq!(out.status.code(), Some(124), "stderr: {}", stderr(&out));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn children_left_behind_by_a_block_that_ended_are_killed_too() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let code = family("print('done')");
    let env = [("PIDFILE", pidfile.to_str().unwrap())];
    let started = Instant::now();
    let out = run_own(dir.path(), &code, &[], &env);
    assert_eq!(
        (stdout(&out).as_str(), out.status.code()),
        ("done\n", Some(0))
    );
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "did not wait for the children"
    );
    assert_group_gone(&pidfile);
}

#[test]
fn the_block_runs_in_a_fresh_directory_removed_afterwards_with_stdin_closed() {
    let dir = tempfile::tempdir().unwrap();
    let code = "import os, sys\nopen('made.txt', 'w').write('x')\nprint(os.getcwd())\nprint(repr(sys.stdin.read()))\nprint(os.environ['PYGUIDE_TEST_VAR'])";
    let out = run_own(
        dir.path(),
        code,
        &[],
        &[("PYGUIDE_TEST_VAR", "passed through")],
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let cwd = Path::new(lines[0]);
    assert!(
        cwd.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("pyguide-run-")
    );
    assert!(!cwd.exists(), "{} was left behind", cwd.display());
    assert_eq!(&lines[1..], ["''", "passed through"]);
}

#[test]
fn fifty_megabytes_of_output_are_cut_at_one_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let code = "import sys\nline = 'x' * 1023 + '\\n'\nfor _ in range(50 * 1024):\n    sys.stdout.write(line)\nprint('the end', file=sys.stderr)";
    let guide = guide_with(dir.path(), code);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pyguide"));
    command
        .args(["run", "1.1", "--guide"])
        .arg(&guide)
        .arg("--python")
        .arg(python3());
    let (out, peak_kib) = output_and_peak_memory(command);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout.len(), 1 << 20);
    // "the end" came after the cap, so it was dropped with the rest.
    let dropped = 50 * 1024 * 1024 + "the end\n".len() - (1 << 20);
    assert_eq!(
        stderr(&out),
        format!("pyguide: output cut at 1 MB: the {dropped} bytes after it were not kept\n")
    );
    assert!(peak_kib < 40 * 1024, "pyguide peaked at {peak_kib} KiB");
}

/// Runs `command` to its end, and reads its peak resident memory from the kernel (wait4),
/// which counts pyguide and the interpreter it waited for, each on its own.
// The child is reaped by wait4, which std's Child cannot do.
#[allow(clippy::zombie_processes)]
fn output_and_peak_memory(mut command: std::process::Command) -> (std::process::Output, i64) {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr_pipe = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut text = Vec::new();
        stderr_pipe.read_to_end(&mut text).map(|_| text)
    });
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: plain C structs that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let out = std::process::Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout,
        stderr: errors.join().unwrap().unwrap(),
    };
    (out, usage.ru_maxrss)
}

#[test]
fn no_interpreter_found_is_one_line_that_says_what_to_do() {
    let guide = guide_with(tempfile::tempdir().unwrap().keep().as_path(), "print(1)");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pyguide"));
    command
        .args(["run", "1.1", "--guide"])
        .arg(&guide)
        .env("PATH", "/nonexistent")
        .env_remove("VIRTUAL_ENV")
        .env_remove("PYGUIDE_PYTHON");
    let out = command.output().unwrap();
    let line = fails(&out, 127);
    assert!(
        line.contains("no Python found") && line.contains("--python PATH"),
        "{line}"
    );
    let out = pyguide_env(&["run", "1.2", "--python", "/no/python"], &[]);
    let line = fails(&out, 127);
    assert!(
        line.contains("'/no/python', which does not exist"),
        "{line}"
    );
}

#[test]
fn what_cannot_run_says_why() {
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &["2.1"],
            1,
            "lesson 2.1 has no Python to run, only a diagram",
        ),
        (
            &["2.5#2"],
            1,
            "lesson 2.5 has 1 Python block; there is no #2",
        ),
        (&["2.5#0"], 2, "'2.5#0' is not a block"),
        (&["two"], 2, "'two' is not a block"),
        (&["9.1"], 1, "no lesson 9.1"),
    ];
    for (args, code, expected) in cases {
        let line = fails(&run(args, &[]), code);
        assert!(line.contains(expected), "{args:?}: {line}");
    }
}

#[test]
fn interrupting_pyguide_stops_the_program_and_all_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let guide = guide_with(dir.path(), &family("while True:\n    pass"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .args(["run", "1.1", "--guide"])
        .arg(&guide)
        .arg("--python")
        .arg(python3())
        .env("PIDFILE", &pidfile)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&pidfile).map_or(true, |t| t.is_empty()) {
        assert!(Instant::now() < deadline, "the block never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The children are started 0.3 s after the group is written.
    std::thread::sleep(Duration::from_millis(500));
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: kill takes plain integers.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_group_gone(&pidfile);
}
