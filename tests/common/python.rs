//! What the tests of running code share: the interpreter, guides of their own, and a look
//! at which processes are still alive.

use std::path::{Path, PathBuf};

/// python3 on PATH. `.ci/run` installs it where it is missing; without it these tests
/// cannot say anything, so they fail saying so.
pub fn python3() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("python3"))
        .find(|p| p.is_file())
        .expect("these tests run the guide's Python: install python3 (.ci/run does)")
}

/// A guide file with one lesson, 1.1, whose only block is `code`.
pub fn guide_with(dir: &Path, code: &str) -> PathBuf {
    let path = dir.join("guide.md");
    let text =
        format!("# Test guide\n\n## 1. Tests\n\n### 1.1 The block\n\n```python\n{code}\n```\n");
    std::fs::write(&path, text).expect("the guide is written");
    path
}

/// Processes of group `group` still running (zombies, already dead, are not counted).
pub fn alive_in_group(group: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // "pid (comm) state ppid pgrp …": comm may hold spaces, so count from its ')'.
            let Some((_, rest)) = stat.rsplit_once(')') else {
                return false;
            };
            let fields: Vec<&str> = rest.split_whitespace().collect();
            fields.first() != Some(&"Z") && fields.get(2) == Some(&group.to_string().as_str())
        })
        .collect()
}

/// Waits up to a few seconds for group `group` to be gone; the pids left if it is not.
pub fn group_gone(group: u32) -> Result<(), Vec<u32>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let alive = alive_in_group(group);
        if alive.is_empty() {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(alive);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Fails unless every process of the group written to `pidfile` is gone (within a few
/// seconds: killing is not instant).
pub fn assert_group_gone(pidfile: &Path) {
    let text = std::fs::read_to_string(pidfile).expect("the block wrote its group");
    let group: u32 = text.trim().parse().expect("a process group id");
    assert_eq!(
        group_gone(group),
        Ok(()),
        "processes of group {group} outlived the run"
    );
}
