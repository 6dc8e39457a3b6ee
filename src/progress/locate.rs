//! Where a guide's progress lives: `--progress PATH`, else `PYGUIDE_PROGRESS`, else one file
//! per guide in the platform's data directory (`$XDG_DATA_HOME/pyguide/` on Linux).

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// The store's name for the guide built into pyguide.
pub const BUILTIN: &str = "progress.json";

/// Which guide the progress is for.
pub enum Whose<'a> {
    Builtin,
    /// Another guide, by the path it was loaded from.
    File(&'a Path),
}

/// No place for progress: the platform names no data directory (no home directory).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no home directory to keep progress in; set PYGUIDE_PROGRESS or pass --progress PATH")]
pub struct NoHome;

/// The progress file's path, or why there is none (no home directory to put it in).
pub fn locate(flag: Option<&Path>, whose: Whose) -> Result<PathBuf, NoHome> {
    if let Some(path) = flag {
        return Ok(path.to_owned());
    }
    if let Some(path) = std::env::var_os("PYGUIDE_PROGRESS").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let dirs = ProjectDirs::from("", "", "pyguide").ok_or(NoHome)?;
    Ok(dirs.data_dir().join(file_name(whose)))
}

/// `progress.json` for the built-in guide; `progress-<hash of the path>.json` for others,
/// so two guides never share ticks.
pub fn file_name(whose: Whose) -> String {
    match whose {
        Whose::Builtin => BUILTIN.to_owned(),
        Whose::File(path) => {
            let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
            format!(
                "progress-{:016x}.json",
                fnv1a(path.as_os_str().as_encoded_bytes())
            )
        }
    }
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_comes_first_and_guides_get_their_own_files() {
        let flag = Path::new("/tmp/p.json");
        assert_eq!(locate(Some(flag), Whose::Builtin).unwrap(), flag);
        assert_eq!(file_name(Whose::Builtin), "progress.json");
        let a = file_name(Whose::File(Path::new("/nowhere/a.md")));
        let b = file_name(Whose::File(Path::new("/nowhere/b.md")));
        assert!(a.starts_with("progress-") && a.ends_with(".json") && a != b);
        assert_eq!(a, file_name(Whose::File(Path::new("/nowhere/a.md"))));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
