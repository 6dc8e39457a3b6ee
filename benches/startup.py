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
import json
import tempfile
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


def run(argv, marker, keys=b"q", store=None):
    """Returns (seconds to marker or exit, peak RSS in KiB, exit status)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLORTERM"] = "truecolor"
        if store:
            os.environ["PYGUIDE_PROGRESS"] = store
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


def measure(name, argv, marker, runs, keys=b"q", store=None):
    times, peaks = [], []
    for _ in range(runs):
        t, rss, _ = run(argv, marker, keys, store)
        times.append(t * 1000)
        peaks.append(rss / 1024)
    print(
        f"{name:<44} first frame median {statistics.median(times):6.1f} ms "
        f"(min {min(times):5.1f})   peak RSS {max(peaks):5.1f} MB"
    )


def big_store(version=2):
    """About 1 MB of progress: ticks for 16,000 items the guide does not have (kept, as
    ticks for removed items are), every lesson read, and a place to reopen at. Version 1
    is the layout before pages had ids, which is migrated as it is read."""
    at = "2026-11-24T00:00:00Z"
    items = {f"gone/item-{i:05}": {"done": True, "at": at} for i in range(16000)}
    ids = [f"{s}.{l}" for s in range(1, 9) for l in range(1, 6)]
    if version == 1:
        lessons = {i: {"read": True, "scroll": 0} for i in ids}
        last = {"lesson": "2.4", "scroll": 320}
        return {"version": 1, "items": items, "lessons": lessons, "last": last}
    pages = {i: {"read": True, "line": 0} for i in ids}
    last = {"page": "2.4", "line": 320}
    return {"version": 2, "items": items, "pages": pages, "last": last}


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    if not os.path.exists(PYGUIDE):
        raise SystemExit("build first: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="pyguide-startup-")
    empty = os.path.join(tmp, "empty.json")
    # The status bar's hints are in the last row drawn: the frame is complete.
    marker = b" quit "
    measure("pyguide (tutor, 120x40)", [PYGUIDE], marker, runs, store=empty)
    big = os.path.join(tmp, "big.json")
    with open(big, "w") as f:
        json.dump(big_store(), f)
    size = os.path.getsize(big) / 1e6
    measure(f"pyguide, a {size:.1f} MB store, reopens at 2.4", [PYGUIDE], marker, runs, store=big)
    old = os.path.join(tmp, "big-v1.json")
    with open(old, "w") as f:
        json.dump(big_store(version=1), f)
    measure("pyguide, the same as version 1, migrated", [PYGUIDE], marker, runs, store=old)
    # Peak memory of a whole session: every page shown once, code highlighted, then quit.
    browse = b"1" + b"]" * 45 + b"G" + b"q"
    measure("pyguide, every page opened (for memory)", [PYGUIDE], marker, 5, browse, empty)
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
