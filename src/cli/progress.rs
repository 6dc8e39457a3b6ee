//! `pyguide path`, `check`, `uncheck` and `progress ...`: the learning path and its ticks,
//! kept in the progress store.

use std::io::Write;

use serde::Serialize;

use super::{Cli, ExportFormat, ProgressCommand, say};
use crate::error::Error;
use crate::guide::{Guide, Item, LearningPath};
use crate::progress::locate::{NoHome, Whose, locate};
use crate::progress::store::{Store, parse};
use crate::progress::{Change, Progress, items};

fn store(cli: &Cli) -> Result<Store, Error> {
    Ok(progress_store(cli)?)
}

/// The progress store for the guide `cli` reads, or why there is none.
pub fn progress_store(cli: &Cli) -> Result<Store, NoHome> {
    let whose = match &cli.guide {
        Some(path) => Whose::File(path),
        None => Whose::Builtin,
    };
    locate(cli.progress.as_deref(), whose).map(Store::new)
}

/// Tells the user, one line each, what opening the store found (a damaged file moved).
fn tell(notes: &[String]) {
    for note in notes {
        eprintln!("pyguide: {}", crate::render::printable_line(note));
    }
}

/// The progress of the guide `cli` reads, as the store holds it now.
pub(crate) fn read(cli: &Cli) -> Result<Progress, Error> {
    open(&store(cli)?)
}

fn open(store: &Store) -> Result<Progress, Error> {
    let opened = store.open().map_err(Error::NotLoaded)?;
    tell(&opened.notes);
    Ok(opened.progress)
}

fn count(path: &LearningPath, progress: &Progress) -> (usize, usize) {
    let all: Vec<&Item> = path.phases.iter().flat_map(|p| &p.items).collect();
    let done = all.iter().filter(|i| progress.ticked(i)).count();
    (done, all.len())
}

#[derive(Serialize)]
struct PathJson<'a> {
    phases: Vec<PhaseJson<'a>>,
    done: usize,
    total: usize,
}

#[derive(Serialize)]
struct PhaseJson<'a> {
    title: &'a str,
    weeks: Option<&'a str>,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    n: u32,
    id: &'a str,
    text: &'a str,
    done: bool,
}

pub(crate) fn path(cli: &Cli, guide: &Guide, json: bool, out: &mut dyn Write) -> Result<(), Error> {
    let progress = open(&store(cli)?)?;
    let path = &guide.learning_path;
    let (done_count, total) = count(path, &progress);
    if json {
        let phases = path
            .phases
            .iter()
            .map(|phase| PhaseJson {
                title: &phase.title,
                weeks: phase.weeks.as_deref(),
                items: phase
                    .items
                    .iter()
                    .map(|i| ItemJson {
                        n: i.n,
                        id: &i.id,
                        text: &i.text,
                        done: progress.ticked(i),
                    })
                    .collect(),
            })
            .collect();
        let doc = PathJson {
            phases,
            done: done_count,
            total,
        };
        return super::write_json(out, &doc);
    }
    say(
        out,
        format_args!("Learning Path: {done_count}/{total} done"),
    )?;
    for phase in &path.phases {
        say(out, "")?;
        match &phase.weeks {
            Some(weeks) => say(out, format_args!("{} (weeks {weeks})", phase.title))?,
            None => say(out, &phase.title)?,
        }
        for item in &phase.items {
            say(out, format_args!("  {}", line(item, progress.ticked(item))))?;
        }
    }
    Ok(())
}

/// "[x]  7  Memory management & GC", the tick in text so it needs no colour.
fn line(item: &Item, done: bool) -> String {
    let tick = if done { "[x]" } else { "[ ]" };
    let text = crate::render::printable_line(&item.text);
    format!("{tick} {:>2}  {text}", item.n)
}

pub(crate) fn check(
    cli: &Cli,
    guide: &Guide,
    names: &[String],
    tick: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    // Every name must mean one item before anything changes; an item named twice is
    // changed and told once.
    let mut chosen: Vec<&Item> = Vec::with_capacity(names.len());
    for name in names {
        let item = items::find(&guide.learning_path, name).map_err(Error::NoItem)?;
        if !chosen.iter().any(|c| c.id == item.id) {
            chosen.push(item);
        }
    }
    let store = store(cli)?;
    let mut saved = None;
    for item in &chosen {
        let change = Change::Tick {
            id: item.id.clone(),
            done: tick,
        };
        let (progress, notes) = store.apply(&change)?;
        tell(&notes);
        saved = Some(progress);
    }
    let progress = saved.unwrap_or_default();
    for item in chosen {
        say(out, line(item, progress.ticked(item)))?;
    }
    let (done_count, total) = count(&guide.learning_path, &progress);
    say(out, format_args!("{done_count}/{total} done"))?;
    Ok(())
}

pub(crate) fn manage(
    cli: &Cli,
    guide: &Guide,
    action: &ProgressCommand,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let store = store(cli)?;
    match action {
        ProgressCommand::Where => {
            // The lock file too: every writer holds it while it changes the store.
            say(out, store.path().display())?;
            say(out, store.lock_path().display())?;
        }
        ProgressCommand::Export { format } => {
            let progress = open(&store)?;
            match format {
                ExportFormat::Json => super::write_json(out, &progress)?,
                ExportFormat::Md => checklist(guide, &progress, out)?,
            }
        }
        ProgressCommand::Import { file } => {
            let bytes = std::fs::read(file).map_err(|source| Error::ImportUnreadable {
                file: file.clone(),
                source,
            })?;
            let (theirs, _) = parse(&bytes).map_err(|why| Error::ImportDamaged {
                file: file.clone(),
                why,
            })?;
            let (progress, notes) = store.apply(&Change::Import(theirs))?;
            tell(&notes);
            let (done_count, total) = count(&guide.learning_path, &progress);
            say(out, format_args!("imported; {done_count}/{total} done"))?;
        }
        ProgressCommand::Reset { yes: false } => return Err(Error::ResetUnconfirmed),
        ProgressCommand::Reset { yes: true } => {
            let (_, notes) = store.apply(&Change::Reset)?;
            tell(&notes);
            say(
                out,
                format_args!("progress forgotten; {} is empty", store.path().display()),
            )?;
        }
    }
    Ok(())
}

/// The learning path as the guide writes it, with `[x]` for what is done.
fn checklist(guide: &Guide, progress: &Progress, out: &mut dyn Write) -> Result<(), Error> {
    let (done_count, total) = count(&guide.learning_path, progress);
    say(
        out,
        format_args!("## Learning Path ({done_count}/{total} done)"),
    )?;
    for phase in &guide.learning_path.phases {
        say(out, "")?;
        match &phase.weeks {
            Some(weeks) => say(out, format_args!("### {} (Weeks {weeks})", phase.title))?,
            None => say(out, format_args!("### {}", phase.title))?,
        }
        for item in &phase.items {
            let tick = if progress.ticked(item) { "x" } else { " " };
            say(out, format_args!("- [{tick}] {}", item.text))?;
        }
    }
    Ok(())
}
