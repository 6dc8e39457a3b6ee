//! Which Python runs the guide's code: `--python`, else `PYGUIDE_PYTHON`, else an active
//! virtualenv's, else `python3` on `PATH`.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

/// An interpreter that was found, and what chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Python {
    pub path: PathBuf,
    pub from: Source,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    Venv,
    Path,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Flag => "--python",
            Source::Env => "PYGUIDE_PYTHON",
            Source::Venv => "VIRTUAL_ENV",
            Source::Path => "PATH",
        })
    }
}

/// Why no interpreter could be used, as one line that says what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoPython {
    #[error("{from} names '{name}', which {why}; give the path of a Python interpreter")]
    Named {
        from: Source,
        name: String,
        why: &'static str,
    },
    #[error(
        "no Python found: python3 is not on PATH; install it, or name one with --python PATH \
         or PYGUIDE_PYTHON"
    )]
    NotFound,
}

/// Finds the interpreter. `var` reads the environment (tests pass their own).
pub fn find(
    flag: Option<&Path>,
    var: impl Fn(&str) -> Option<OsString>,
) -> Result<Python, NoPython> {
    let path_var = var("PATH");
    let named = |name: &Path, from: Source| -> Result<Python, NoPython> {
        let path = resolve(name, path_var.as_deref()).map_err(|why| NoPython::Named {
            from,
            name: name.display().to_string(),
            why,
        })?;
        Ok(Python { path, from })
    };
    if let Some(flag) = flag {
        return named(flag, Source::Flag);
    }
    if let Some(env) = var("PYGUIDE_PYTHON").filter(|v| !v.is_empty()) {
        return named(Path::new(&env), Source::Env);
    }
    if let Some(venv) = var("VIRTUAL_ENV").filter(|v| !v.is_empty()) {
        // A virtualenv that has gone away is passed over, as a shell would find python3.
        let path = Path::new(&venv).join("bin").join("python");
        if is_executable(&path) {
            return Ok(Python {
                path,
                from: Source::Venv,
            });
        }
    }
    resolve(Path::new("python3"), path_var.as_deref())
        .map(|path| Python {
            path,
            from: Source::Path,
        })
        .map_err(|_| NoPython::NotFound)
}

/// `name` as a file that can be run: a path as it is, a bare name looked up on `PATH`.
fn resolve(name: &Path, path_var: Option<&std::ffi::OsStr>) -> Result<PathBuf, &'static str> {
    if name.as_os_str().is_empty() {
        return Err("is empty");
    }
    if name.components().count() > 1 || name.is_absolute() {
        return match std::fs::metadata(name) {
            Err(_) => Err("does not exist"),
            Ok(m) if m.is_dir() => Err("is a directory"),
            Ok(_) if !is_executable(name) => Err("is not executable"),
            Ok(_) => Ok(name.to_path_buf()),
        };
    }
    let dirs = path_var.map(std::env::split_paths).into_iter().flatten();
    dirs.filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
        .ok_or("is not on PATH")
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(vars: &[(&str, &str)], flag: Option<&str>) -> Result<Python, NoPython> {
        let vars: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        find(flag.map(Path::new), |k| vars.get(k).cloned())
    }

    /// A directory with executable `python3` and `venv/bin/python`, and a plain file.
    fn bin() -> tempfile::TempDir {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a directory");
        let make = |rel: &str, mode: u32| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("made");
            std::fs::write(&path, "#!/bin/sh\n").expect("written");
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("set");
        };
        make("python3", 0o755);
        make("venv/bin/python", 0o755);
        make("plain", 0o644);
        dir
    }

    #[test]
    fn the_flag_beats_the_variable_beats_the_venv_beats_path() {
        let dir = bin();
        let d = dir.path().to_str().expect("utf-8");
        let venv = format!("{d}/venv");
        let py3 = format!("{d}/python3");
        let all = [
            ("PATH", d),
            ("VIRTUAL_ENV", venv.as_str()),
            ("PYGUIDE_PYTHON", py3.as_str()),
        ];
        let venv_python = format!("{d}/venv/bin/python");
        assert_eq!(
            with(&all, Some(&venv_python)).map(|p| p.from),
            Ok(Source::Flag)
        );
        assert_eq!(with(&all, None).map(|p| p.from), Ok(Source::Env));
        let found = with(&all[..2], None).expect("the venv's");
        assert_eq!(
            (found.from, found.path),
            (Source::Venv, PathBuf::from(&venv_python))
        );
        assert_eq!(
            with(&all[..1], None).map(|p| p.path),
            Ok(dir.path().join("python3"))
        );
    }

    #[test]
    fn what_cannot_run_is_named_with_the_reason() {
        let dir = bin();
        let d = dir.path().to_str().expect("utf-8");
        let plain = format!("{d}/plain");
        let err = with(&[("PATH", d)], Some(&plain)).expect_err("not executable");
        assert!(err.to_string().contains("is not executable"), "{err}");
        let err = with(&[("PYGUIDE_PYTHON", "/no/such/python")], None).expect_err("missing");
        assert_eq!(
            err.to_string(),
            "PYGUIDE_PYTHON names '/no/such/python', which does not exist; give the path of a Python interpreter"
        );
        let err = with(&[("PATH", d)], Some("python9")).expect_err("not on PATH");
        assert!(err.to_string().contains("is not on PATH"), "{err}");
        let err = with(&[("PATH", d)], Some(d)).expect_err("a directory");
        assert!(err.to_string().contains("is a directory"), "{err}");
    }

    #[test]
    fn nothing_found_says_how_to_point_at_one() {
        let err = with(&[("PATH", "/nonexistent"), ("VIRTUAL_ENV", "/gone")], None);
        assert_eq!(err, Err(NoPython::NotFound));
        assert!(NoPython::NotFound.to_string().contains("--python PATH"));
        // An empty variable is as good as none.
        assert_eq!(
            with(&[("PYGUIDE_PYTHON", "")], None),
            Err(NoPython::NotFound)
        );
    }
}
