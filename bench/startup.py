"""Cold start to the window shown and idle, against a bare PySide6 window."""

from __future__ import annotations

import os
import sys
import tempfile

from bench.common import ROOT, interleaved, report, run_command

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


def main(repeat: int = 7) -> float:
    """Prints the startup ratio; returns it."""
    data = tempfile.mkdtemp(prefix="hearth-bench-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "HEARTH_DATA_DIR": data,
        "OLLAMA_HOST": "127.0.0.1:9",  # nothing listens: the window must not wait for it
        "PYTHONPATH": str(ROOT),
    }
    hearth = [sys.executable, "-m", "app", "--smoke-test"]
    bare = [sys.executable, "-c", BARE]
    subject, baseline = interleaved(
        lambda: run_command(hearth, env), lambda: run_command(bare, env), repeat
    )
    return report("cold start to window shown (hearth vs bare PySide6)", subject, baseline, 1.5)


if __name__ == "__main__":
    main()
