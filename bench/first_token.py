"""Goal 1: Enter to the first token painted, first question after a cold start.

Each run is a fresh process and a fresh data folder: Hearth's window starts as
``hearth`` does; 2 s after its first paint (a person typing a short question at once)
Enter is pressed, and the figure is Enter to the first piece of the answer painted in
the chat. The harshest case, Enter at the very first paint (nothing had time to load in
the background), is reported too. The baseline is the raw ``ollama``
client in a fresh process: its request to its first token. Both talk to the same
Ollama double, which takes ``first_token_delay`` to start answering (0: pure overhead;
0.15 s: what a small real model took in the issue's measurement). Goal: at most
1.1x the baseline + 20 ms. The stall probe runs in the window from the first paint to
the first token (the background loading included) and reports its longest gap.
"""

from __future__ import annotations

import sys
import tempfile

from bench.common import child_env, interleaved, median_ms, run_command

TYPING = 2.0  # seconds from the first paint to Enter: a short question, typed at once

WINDOW = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
state = {}

class FirstPaint(QObject):  # on the application until the window's first paint
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and type(watched).__name__ == "MainWindow":
            app.removeEventFilter(self)
            state["painted"] = time.perf_counter()
            state["window"] = watched
            from app.stall_probe import StallProbe
            state["probe"] = StallProbe(parent=watched)
            state["probe"].start()  # from the first paint to the first token
            QTimer.singleShot(int(sys.argv[2]), ask)
        return False

class TokenPaint(QObject):  # on the answer's text labels
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.text() and "token" not in state:
            state["token"] = time.perf_counter()
            QTimer.singleShot(0, done)
        return False

def on_partial(_conversation, answer_id, text):
    view = state["window"].chat.view(answer_id)
    if text and view is not None and "watching" not in state:
        state["watching"] = True
        for label in view.findChildren(QLabel, "messageBody"):
            label.installEventFilter(token_paint)

def ask():
    window = state["window"]
    window.session.partial.connect(on_partial)
    edit = window.composer.edit
    edit.setPlainText("Hello there, how are you?")
    state["enter"] = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        app.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))

def done():
    summary = state["probe"].stop()
    print(f"{state['token'] - state['enter']:.6f} {summary.longest_ms:.1f}", flush=True)
    app.quit()

token_paint = TokenPaint()
first_paint = FirstPaint()
app.installEventFilter(first_paint)
from app.main import main
main(["--data-dir", sys.argv[1]])
"""

RAW = r"""
import sys, time, ollama
client = ollama.Client(host=sys.argv[1])
start = time.perf_counter()
for part in client.chat(model="llama3.2", messages=[{"role": "user", "content": "Hello"}],
                        stream=True):
    if part.message.content:
        print(f"{time.perf_counter() - start:.6f}", flush=True)
        break
"""


def scenario(delay: float, typing: float, repeat: int) -> tuple[float, float, float]:
    """Runs both sides ``repeat`` times; returns (Hearth ms, raw ms, longest gap ms).

    Args:
        delay: The double's time to the first token (a model's prompt evaluation).
        typing: Seconds from the window's first paint to Enter (typing the question).
        repeat: Runs of each side (after one warm-up run each).
    """
    from tests.fakes import OllamaDouble, Reply

    with OllamaDouble() as double:
        double.set_responder(
            "llama3.2",
            lambda _body: Reply(tokens=["Fine", ", thanks", "!"], first_token_delay=delay),
        )
        env = child_env(OLLAMA_HOST=double.url, QT_QPA_PLATFORM="offscreen")
        gaps: list[float] = []

        def window() -> float:
            data = tempfile.mkdtemp(prefix="hearth-bench-first-")
            args = [sys.executable, "-c", WINDOW, data, str(int(typing * 1000))]
            seconds, gap = run_command(args, env).split()
            gaps.append(float(gap))
            return float(seconds)

        def raw() -> float:
            return float(run_command([sys.executable, "-c", RAW, double.url], env))

        ours: list[float] = []
        theirs: list[float] = []
        interleaved(lambda: ours.append(window()), lambda: theirs.append(raw()), repeat)
    ours, theirs, gaps = ours[1:], theirs[1:], gaps[1:]  # the warm-up run wrote caches
    hearth_ms, raw_ms = median_ms(ours), median_ms(theirs)
    goal_ms = raw_ms * 1.1 + 20
    verdict = "meets" if hearth_ms <= goal_ms else "misses"
    print(
        f"Enter to first token painted, cold start, Enter {typing:.0f} s after the first "
        f"paint, model delay {delay * 1000:.0f} ms: {hearth_ms:.0f} ms vs raw client "
        f"{raw_ms:.0f} ms -> ratio {hearth_ms / raw_ms:.2f} ({verdict} goal 1.1x + 20 ms = "
        f"{goal_ms:.0f} ms; medians of {len(ours)}); longest GUI gap from the first paint "
        f"to the token {max(gaps):.0f} ms",
        flush=True,
    )
    return hearth_ms, raw_ms, max(gaps)


def main(repeat: int = 7) -> None:
    """A person typing a short question (2 s), with an instant double and with a small
    model's delay; then Enter at the first paint (nothing loaded in the background yet)."""
    scenario(0.0, TYPING, repeat)
    scenario(0.15, TYPING, repeat)
    scenario(0.0, 0.0, max(3, repeat // 2))


if __name__ == "__main__":
    main()
