"""Cold start to the window shown and idle, against a bare PySide6 window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile

from bench.common import child_env, interleaved, report, run_command

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1180, 780); w.show()
def idle():
    h = w.windowHandle()
    if h is None or not h.isExposed():
        QTimer.singleShot(5, idle); return
    app.processEvents(); print("shown"); app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""


PEAK = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                print("peak-kB", line.split()[1], file=sys.stderr)
atexit.register(_peak)
"""
HEARTH = (
    PEAK
    + """
import runpy
sys.argv = ["hearth", "--smoke-test"]
runpy.run_module("app", run_name="__main__")
"""
)


def peak_rss_mb(code: str, env: dict[str, str]) -> float:
    """Runs Python code to its end; returns the process's peak resident memory in MB, as
    the process itself saw it (/proc's VmHWM: not the forking parent's size)."""
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("peak-kB"))
    return int(line.split()[1]) / 1024


def main(repeat: int = 7) -> float:
    """Prints the startup ratio and peak memory; returns the ratio."""
    data = tempfile.mkdtemp(prefix="hearth-bench-")
    env = child_env(
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        HEARTH_DATA_DIR=data,
        OLLAMA_HOST="127.0.0.1:9",  # nothing listens: the window must not wait for it
    )
    hearth = [sys.executable, "-m", "app", "--smoke-test"]
    bare = [sys.executable, "-c", BARE]
    subject, baseline = interleaved(
        lambda: run_command(hearth, env), lambda: run_command(bare, env), repeat
    )
    ratio = report("cold start to window shown (hearth vs bare PySide6)", subject, baseline, 1.5)
    ours = statistics.median(peak_rss_mb(HEARTH, env) for _ in range(3))
    theirs = statistics.median(peak_rss_mb(PEAK + BARE, env) for _ in range(3))
    print(
        f"peak memory to window shown: {ours:.0f} MB vs bare PySide6 {theirs:.0f} MB -> "
        f"ratio {ours / theirs:.2f} ({'meets' if ours < 150 else 'misses'} goal 150 MB)",
        flush=True,
    )
    return ratio


if __name__ == "__main__":
    main()
