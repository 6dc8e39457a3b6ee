#!/usr/bin/env python3
"""Whole-process start-up of the tutor in a real pseudo-terminal, next to peers.

For each command: start it in a COLS x ROWS pty, time until the screen shows MARKER (the
first complete frame for pyguide: its status bar), then press q and wait. Reports the
median time to first frame and the peak resident memory (VmHWM just before the last key;
for peers, wait4's maximum). Peers that print and exit (mdcat, glow) are timed to their
exit, which is when their output is complete.

    python3 benches/startup.py [runs]      # needs a release build: cargo build --release
"""

import os
import pty
import select
import statistics
import struct
import sys
import termios
import fcntl
import time

COLS, ROWS = 120, 40
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYGUIDE = os.path.join(ROOT, "target", "release", "pyguide")
GUIDE = os.path.join(ROOT, "content", "guide.md")


def drain(fd, seconds):
    """Reads whatever the program writes for `seconds`, so it never blocks on output."""
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        if select.select([fd], [], [], left)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def high_water_mark(pid):
    """Peak resident memory of a running process in KiB, from /proc."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run(argv, marker, keys=b"q"):
    """Returns (seconds to marker or exit, peak RSS in KiB, exit status)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLORTERM"] = "truecolor"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    start = time.perf_counter()
    seen, shown, buf, peak = None, False, b"", 0
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise SystemExit(f"{argv[0]}: no output for 10 s")
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        if marker and not shown and marker in buf:
            seen, shown = time.perf_counter() - start, True
            for key in keys[:-1]:
                # One key at a time, with time to draw each page it opens.
                os.write(fd, bytes([key]))
                drain(fd, 0.03)
            peak = high_water_mark(pid)
            os.write(fd, keys[-1:])
    _, status, usage = os.wait4(pid, 0)
    elapsed = seen if seen is not None else time.perf_counter() - start
    os.close(fd)
    # wait4's ru_maxrss counts the forked Python before exec; VmHWM is the program's own.
    return elapsed, peak if marker else usage.ru_maxrss, status


def measure(name, argv, marker, runs, keys=b"q"):
    times, peaks = [], []
    for _ in range(runs):
        t, rss, _ = run(argv, marker, keys)
        times.append(t * 1000)
        peaks.append(rss / 1024)
    print(
        f"{name:<44} first frame median {statistics.median(times):6.1f} ms "
        f"(min {min(times):5.1f})   peak RSS {max(peaks):5.1f} MB"
    )


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    if not os.path.exists(PYGUIDE):
        raise SystemExit("build first: cargo build --release")
    # The status bar's "line 1/" appears in the last row drawn: the frame is complete.
    measure("pyguide (tutor, 120x40)", [PYGUIDE], b"line 1/", runs)
    # Peak memory of a whole session: every page shown once, code highlighted, then quit.
    browse = b"]" * 45 + b"G" + b"q"
    measure("pyguide, every page opened (for memory)", [PYGUIDE], b"line 1/", 5, browse)
    for peer, argv in [
        ("mdcat", ["--columns", str(COLS), GUIDE]),
        ("glow", ["-s", "dark", "-w", str(COLS), GUIDE]),
    ]:
        for place in os.environ.get("PATH", "").split(":") + ["/tmp/peers/bin"]:
            path = os.path.join(place, peer)
            if os.access(path, os.X_OK):
                measure(f"{peer} (prints the guide)", [path] + argv, None, runs)
                break


if __name__ == "__main__":
    main()
