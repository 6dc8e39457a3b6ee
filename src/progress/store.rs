//! The progress file on disk, kept safe: every change is a read-modify-write under an
//! exclusive lock on a separate lock file, written to a temporary file that is synced and
//! renamed over the store (then the directory synced), so a crash leaves the old document
//! or the new one, never a torn one. A damaged store is moved aside, never overwritten.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::migrate::{V1, from_v1};
use super::{Change, Progress, VERSION, now};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot encode progress for {}: {source}", path.display())]
    Encode {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("cannot {what} {}: {source}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{} was written by a newer pyguide (version {version}); it is read but not \
         changed: upgrade pyguide to save progress",
        path.display()
    )]
    Newer { version: u32, path: PathBuf },
}

fn io<'p>(what: &'static str, path: &'p Path) -> impl FnOnce(std::io::Error) -> StoreError + 'p {
    move |source| StoreError::Io {
        what,
        path: path.to_owned(),
        source,
    }
}

/// Progress as read, and what the reader should be told.
#[derive(Debug, Default)]
pub struct Opened {
    pub progress: Progress,
    /// One line each: a damaged store moved aside, and where.
    pub notes: Vec<String>,
    /// Set when the store must not be written (it is from a newer pyguide).
    pub read_only: Option<u32>,
}

pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn new(path: PathBuf) -> Store {
        Store { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file every writer locks while it reads, changes and replaces the store.
    pub fn lock_path(&self) -> PathBuf {
        with_suffix(&self.path, ".lock")
    }

    /// Reads the store, tidying up after crashes on the way: stray temporary files go,
    /// and a damaged store is moved aside (the note says where). Never waits: while
    /// another copy holds the lock it reads without it (a store is only ever replaced
    /// whole, so what it reads is whole) and tidies nothing.
    pub fn open(&self) -> Result<Opened, StoreError> {
        let Some(dir) = self.dir() else {
            return Ok(Opened::default());
        };
        if !dir.is_dir() {
            return Ok(Opened::default());
        }
        match self.try_locked() {
            Some(_lock) => {
                self.remove_strays(dir);
                self.read(true)
            }
            // Locked by another copy, or a directory we may read but not write.
            None => self.read(false),
        }
    }

    /// Applies `change` to what is on disk now and saves the result. Returns the saved
    /// progress and any notes (a damaged store moved aside).
    pub fn apply(&self, change: &Change) -> Result<(Progress, Vec<String>), StoreError> {
        self.apply_all(std::slice::from_ref(change))
    }

    /// Applies `changes`, in order, to what is on disk now and saves the result once: one
    /// lock, one read and one synced write however many there are, so a burst of changes
    /// (a reader holding `]`) costs what one does.
    pub fn apply_all(&self, changes: &[Change]) -> Result<(Progress, Vec<String>), StoreError> {
        if let Some(dir) = self.dir() {
            fs::create_dir_all(dir).map_err(io("create the directory", dir))?;
        }
        let _lock = self.locked()?;
        let mut opened = self.read(true)?;
        if let Some(version) = opened.read_only {
            return Err(StoreError::Newer {
                version,
                path: self.path.clone(),
            });
        }
        let at = now();
        for change in changes {
            opened.progress.apply(change, &at);
        }
        self.write(&opened.progress)?;
        Ok((opened.progress, opened.notes))
    }

    /// The store's directory: "p.json" lives in the current one.
    fn dir(&self) -> Option<&Path> {
        let dir = self.path.parent()?;
        Some(match dir.as_os_str().is_empty() {
            true => Path::new("."),
            false => dir,
        })
    }

    /// Holds the exclusive lock until dropped, waiting for it. The lock is on a file of
    /// its own, so that renaming a new store into place never swaps the locked file from
    /// under a waiter.
    fn locked(&self) -> Result<File, StoreError> {
        let (file, path) = self.lock_file()?;
        file.lock().map_err(io("lock", &path))?;
        Ok(file)
    }

    /// The lock if it is free now; `None` if another holds it or it cannot be had.
    fn try_locked(&self) -> Option<File> {
        let (file, _) = self.lock_file().ok()?;
        file.try_lock().ok()?;
        Some(file)
    }

    fn lock_file(&self) -> Result<(File, PathBuf), StoreError> {
        let path = self.lock_path();
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io("open the lock file", &path))?;
        Ok((file, path))
    }

    /// The store's bytes; none when there is no store yet.
    fn bytes(&self) -> Result<Option<Vec<u8>>, StoreError> {
        match fs::read(&self.path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io("read", &self.path)(e)),
        }
    }

    /// Reads the store. A damaged one is moved aside when `move_aside` (under the lock);
    /// without write access it is left alone, and either way the note says so.
    fn read(&self, move_aside: bool) -> Result<Opened, StoreError> {
        let Some(bytes) = self.bytes()? else {
            return Ok(Opened::default());
        };
        let why = match parse(&bytes) {
            Ok((progress, read_only)) => {
                return Ok(Opened {
                    progress,
                    notes: Vec::new(),
                    read_only,
                });
            }
            Err(why) => why,
        };
        let note = if move_aside {
            let aside = with_suffix(
                &self.path,
                &format!(".corrupt-{}-{}", stamp(), std::process::id()),
            );
            fs::rename(&self.path, &aside).map_err(io("move aside", &self.path))?;
            format!(
                "progress file was damaged ({why}); kept it as {} and started afresh",
                aside.display()
            )
        } else {
            format!(
                "progress file {} is damaged ({why}); starting from nothing",
                self.path.display()
            )
        };
        Ok(Opened {
            notes: vec![note],
            ..Opened::default()
        })
    }

    fn write(&self, progress: &Progress) -> Result<(), StoreError> {
        let temp = with_suffix(&self.path, &format!(".tmp-{}", std::process::id()));
        // Never an empty or default document in place of the store: a failure is an error.
        let mut text =
            serde_json::to_vec_pretty(progress).map_err(|source| StoreError::Encode {
                path: self.path.clone(),
                source,
            })?;
        text.push(b'\n');
        let written = (|| {
            let mut file = File::create(&temp)?;
            file.write_all(&text)?;
            file.sync_all()
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(io("write", &temp)(e));
        }
        if let Err(e) = fs::rename(&temp, &self.path) {
            let _ = fs::remove_file(&temp);
            return Err(io("replace", &self.path)(e));
        }
        // The rename is durable only once the directory is synced.
        if let Some(dir) = self.dir() {
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(io("sync", dir))?;
        }
        Ok(())
    }

    /// Temporary files left by a writer that died: under the lock, no one else is writing.
    fn remove_strays(&self, dir: &Path) {
        let Some(name) = self.path.file_name().and_then(|n| n.to_str()) else {
            return;
        };
        let prefix = format!("{name}.tmp-");
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Why a store's bytes are not progress.
#[derive(Debug, thiserror::Error)]
pub enum Damage {
    #[error("it is empty")]
    Empty,
    #[error("not JSON: {0}")]
    NotJson(serde_json::Error),
    #[error("no version number")]
    NoVersion,
    #[error("version {0} is not one pyguide ever wrote")]
    BadVersion(u64),
    #[error("unexpected shape: {0}")]
    Shape(serde_json::Error),
}

/// The progress in `bytes`, and the newer version it came from if it did; or why it is
/// damaged. Older versions are brought up to this one.
pub fn parse(bytes: &[u8]) -> Result<(Progress, Option<u32>), Damage> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Damage::Empty);
    }
    // A store of this version or an older one straight into its model: a tree of JSON
    // values first would take most of the start-up for a large store.
    #[derive(serde::Deserialize)]
    struct Probe {
        version: Option<u64>,
    }
    let probe = serde_json::from_slice::<Probe>(bytes).map_err(|e| {
        // JSON of another shape (a list, a string) has no version; the rest is not JSON.
        match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            Ok(_) => Damage::NoVersion,
            Err(_) => Damage::NotJson(e),
        }
    });
    let version = probe?.version.ok_or(Damage::NoVersion)?;
    match u32::try_from(version) {
        Ok(VERSION) => serde_json::from_slice(bytes)
            .map(|p| (p, None))
            .map_err(Damage::Shape),
        Ok(1) => {
            let old: V1 = serde_json::from_slice(bytes).map_err(Damage::Shape)?;
            Ok((from_v1(old), None))
        }
        // Anything newer is read as a tree, field by field, for what this version knows.
        Ok(newer) if newer > VERSION => {
            let value = serde_json::from_slice(bytes).map_err(Damage::NotJson)?;
            Ok((lenient(&value), Some(newer)))
        }
        _ => Err(Damage::BadVersion(version)),
    }
}

/// What a newer store holds that this version understands, field by field.
fn lenient(value: &serde_json::Value) -> Progress {
    fn field<T: serde::de::DeserializeOwned>(value: &serde_json::Value, name: &str) -> Option<T> {
        serde_json::from_value(value.get(name)?.clone()).ok()
    }
    Progress {
        version: VERSION,
        items: field(value, "items").unwrap_or_default(),
        pages: field(value, "pages").unwrap_or_default(),
        last: field(value, "last"),
        run_with: field(value, "run_with").unwrap_or_default(),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The time for a file name: 20261124T101500Z.
fn stamp() -> String {
    now().replace(['-', ':'], "")
}

#[cfg(test)]
mod tests;
