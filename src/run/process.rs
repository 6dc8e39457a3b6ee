//! One run as threads: two read the program's pipes, one waits for it to exit, and a
//! supervisor ends it (timeout, stop) and reports. The program leads a process group of its
//! own, and the whole group is killed when it ends, so nothing it started outlives it.

use std::io::{ErrorKind, Read};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Ended, Event, Request, RunError, Status, Stream};

/// Where a run's events go. Called from the run's own threads.
pub type Sink = Arc<dyn Fn(Event) + Send + Sync>;

/// After the program exits, how long its pipes may stay open (held by something that left
/// the group) before the run is reported ended anyway.
const GRACE: Duration = Duration::from_millis(500);

/// Bytes read from a pipe at once.
const CHUNK: usize = 64 * 1024;

enum Msg {
    Stop,
    Exited,
    PipeClosed,
}

/// A program that is running. Dropping it stops the program and waits for the report.
pub struct Running {
    control: Sender<Msg>,
    supervisor: Option<JoinHandle<()>>,
}

impl Running {
    /// Kills the program and everything it started; the run then ends as `Stopped`.
    pub fn stop(&self) {
        let _ = self.control.send(Msg::Stop);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
        if let Some(supervisor) = self.supervisor.take() {
            let _ = supervisor.join();
        }
    }
}

/// Starts `request`; its output and its end go to `sink`.
pub fn start(request: Request, sink: Sink) -> Result<Running, RunError> {
    let dir = tempfile::Builder::new()
        .prefix("pyguide-run-")
        .tempdir()
        .map_err(RunError::Directory)?;
    let script = dir.path().join(format!("{}.py", request.name));
    std::fs::write(&script, &request.code).map_err(RunError::Directory)?;
    let mut command = Command::new(&request.python);
    // -u: output arrives as it is printed, not when a buffer fills.
    command
        .arg("-u")
        .arg(&script)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    if std::env::var_os("PYTHONIOENCODING").is_none() {
        // The output is read as UTF-8, whatever the locale says.
        command.env("PYTHONIOENCODING", "utf-8");
    }
    let started = Instant::now();
    let mut child = command.spawn().map_err(|source| RunError::Start {
        python: request.python.display().to_string(),
        source,
    })?;
    let (control, messages) = mpsc::channel();
    let budget = Arc::new(Budget::new(request.cap));
    let pipes = [
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    ];
    for (stream, pipe) in [Stream::Out, Stream::Err].into_iter().zip(pipes) {
        let (sink, budget, done) = (Arc::clone(&sink), Arc::clone(&budget), control.clone());
        match pipe {
            Some(pipe) => drop(std::thread::spawn(move || {
                read_pipe(pipe, stream, &budget, &sink);
                let _ = done.send(Msg::PipeClosed);
            })),
            None => drop(done.send(Msg::PipeClosed)),
        }
    }
    let pid = child.id();
    let exited = control.clone();
    std::thread::spawn(move || {
        wait_exited(pid);
        let _ = exited.send(Msg::Exited);
    });
    let supervisor = Supervisor {
        child,
        pid,
        started,
        timeout: request.timeout,
        budget,
        sink,
    };
    let handle = std::thread::spawn(move || {
        let mut supervisor = supervisor;
        let ended = supervisor.watch(&messages);
        // The script and anything the program wrote beside it go now.
        let _ = dir.close();
        (supervisor.sink)(Event::Ended(ended));
    });
    Ok(Running {
        control,
        supervisor: Some(handle),
    })
}

struct Supervisor {
    child: Child,
    pid: u32,
    started: Instant,
    timeout: Duration,
    budget: Arc<Budget>,
    sink: Sink,
}

impl Supervisor {
    /// Waits for the program to exit and its pipes to close, killing it at the deadline or
    /// when asked, and says how it ended.
    fn watch(&mut self, messages: &Receiver<Msg>) -> Ended {
        let deadline = self.started + self.timeout;
        let mut ending: Option<Status> = None;
        let mut exited: Option<Instant> = None;
        let mut open_pipes = 2;
        while exited.is_none() || open_pipes > 0 {
            let until = match (exited, ending) {
                (Some(at), _) => Some(at + GRACE),
                // Killed: nothing left to time, only the exit to wait for.
                (None, Some(_)) => None,
                (None, None) => Some(deadline),
            };
            let message = match until {
                Some(until) => {
                    messages.recv_timeout(until.saturating_duration_since(Instant::now()))
                }
                None => messages.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match message {
                Ok(Msg::Exited) => {
                    // Whatever the program started goes with it.
                    kill_group(self.pid);
                    exited = Some(Instant::now());
                }
                Ok(Msg::PipeClosed) => open_pipes -= 1,
                Ok(Msg::Stop) if exited.is_none() && ending.is_none() => {
                    kill_group(self.pid);
                    ending = Some(Status::Stopped);
                }
                Ok(Msg::Stop) => {}
                Err(RecvTimeoutError::Timeout) if exited.is_none() => {
                    kill_group(self.pid);
                    ending = Some(Status::TimedOut(self.timeout));
                }
                // Past the grace: a process that left the group holds a pipe. Stop waiting.
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    kill_group(self.pid);
                    break;
                }
            }
        }
        let status = match (ending, self.child.wait()) {
            (Some(ending), _) => ending,
            (None, Ok(status)) => exit_status(status),
            (None, Err(_)) => Status::Stopped,
        };
        Ended {
            status,
            elapsed: self.started.elapsed(),
            dropped: self.budget.dropped.load(Ordering::Relaxed),
        }
    }
}

fn exit_status(status: std::process::ExitStatus) -> Status {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Status::Exited(code),
        (None, Some(signal)) => Status::Signalled(signal),
        (None, None) => Status::Exited(1),
    }
}

/// Output kept so far, shared by both pipes.
struct Budget {
    left: AtomicUsize,
    dropped: AtomicU64,
}

impl Budget {
    fn new(cap: usize) -> Self {
        Budget {
            left: AtomicUsize::new(cap),
            dropped: AtomicU64::new(0),
        }
    }

    /// How many of `n` bytes may be kept; the rest are counted as dropped.
    fn take(&self, n: usize) -> usize {
        let before = self
            .left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                Some(left.saturating_sub(n))
            })
            .unwrap_or(0);
        let kept = before.min(n);
        self.dropped.fetch_add((n - kept) as u64, Ordering::Relaxed);
        kept
    }
}

fn read_pipe(mut pipe: Box<dyn Read + Send>, stream: Stream, budget: &Budget, sink: &Sink) {
    let mut buffer = vec![0; CHUNK];
    loop {
        match pipe.read(&mut buffer) {
            Ok(0) => return,
            Ok(n) => {
                let kept = budget.take(n);
                if kept > 0 {
                    sink(Event::Output(stream, buffer[..kept].to_vec()));
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// Blocks until process `pid` has exited, without reaping it: until it is reaped its id
/// cannot be reused, so killing its group afterwards cannot reach a stranger.
fn wait_exited(pid: u32) {
    let id: libc::id_t = pid;
    loop {
        // SAFETY: `info` is a plain C struct that waitid fills in; zeroed is a valid value.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: waitid only writes to `info`, which outlives the call.
        let result =
            unsafe { libc::waitid(libc::P_PID, id, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if result == 0 || std::io::Error::last_os_error().kind() != ErrorKind::Interrupted {
            return;
        }
    }
}

/// Sends SIGKILL to every process in group `pid`, and to `pid` itself in case it left
/// the group. A group already gone is fine; `pid` is not reaped yet, so it is still ours.
fn kill_group(pid: u32) {
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: killpg and kill take plain integers and touch no memory of ours.
        unsafe {
            libc::killpg(pid, libc::SIGKILL);
            libc::kill(pid, libc::SIGKILL);
        }
    }
}
