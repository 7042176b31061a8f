"""Goal 5: a 10,000-message chat: opening it, scrolling from its bottom to its top, memory.

The window (offscreen, in this process) opens a chat of 10,000 messages (questions and
Markdown answers of varied length, ~6 MB of text). Figures:

* open to first paint: from asking the window to open the chat to the chat's first
  paint. Baseline: the same for a chat of ``PAGE`` messages (what is shown either way).
  Goal: under 300 ms.
* scrolling up through 500 of its messages at 64 px per 16 ms frame (4,000 px, about
  13 messages, a second: a fast flick), with the stall probe on; the cost of a step does
  not grow with the chat (only what is near sight is built). Goal: no gap over 50 ms.
  Baseline: the probe on the idle window. Then on to the very first message, a page a
  frame (not measured for stalls: no person scrolls 10,000 messages by hand).
* memory: the process's RSS growth from before opening the chat to its first message,
  against the growth for the ``PAGE``-message chat; and the views built at the top.
  Goal: memory grows with what is shown, not with the chat.
"""

from __future__ import annotations

import random
import resource
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench import gui
from bench.double import markdown_answer, serve
from bench.stalls import probed

if TYPE_CHECKING:
    from app.main_window import MainWindow

MESSAGES = 10_000
FLICK_PX = 64  # scrolled per 16 ms frame: 4,000 px (~13 messages) a second, a fast flick
FRAME_S = 0.016
SCROLLED = 500  # messages scrolled through with the stall probe on


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def make_chat(data_dir: Path, count: int, title: str) -> str:
    """A chat of ``count`` messages written straight into the store's database (the
    store's own schema and triggers; one transaction, so making it takes seconds)."""
    from agents.storage import ChatStore

    rng = random.Random(count)
    answers = ["".join(markdown_answer(n)) for n in (40, 120, 250, 500)]
    with ChatStore.in_data_dir(data_dir) as store:
        chat = store.create_conversation(title, model="llama3.2")
        path = store.path
    db = sqlite3.connect(path)
    parent: int | None = None
    with db:
        for n in range(count):
            role = "assistant" if n % 2 else "user"
            text = rng.choice(answers) if n % 2 else f"Question {n}: and what about part {n}?"
            cursor = db.execute(
                "INSERT INTO messages (conversation_id, role, content, status, created_at, "
                "attachments, parent_id) VALUES (?, ?, ?, 'complete', ?, '[]', ?)",
                (chat.id, role, text, 1_700_000_000 + n, parent),
            )
            parent = cursor.lastrowid
    db.close()
    return chat.id


def open_seconds(window: MainWindow, conversation_id: str) -> float:
    """Opens a chat; returns seconds to the chat's first paint after that."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    painted: list[float] = []
    chat = window.chat

    class Paint(QObject):  # on the application while the chat opens
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and not painted
                and isinstance(watched, QWidget)
                and chat.isAncestorOf(watched)
            ):
                painted.append(time.perf_counter())
            return False

    watcher = Paint()
    app = gui.application()
    app.installEventFilter(watcher)
    start = time.perf_counter()
    window.chats.open_conversation(conversation_id)
    gui.spin(lambda: bool(painted), 60)
    app.removeEventFilter(watcher)
    return painted[0] - start


def scroll_up(window: MainWindow, step_px: int, messages: int | None = None) -> int:
    """Scrolls up ``step_px`` per frame until the first message is in sight (or until
    ``messages`` more were built above); returns the frames."""
    chat = window.chat
    bar = chat.verticalScrollBar()
    frames = 0
    remaining = len(chat._earlier)
    stop = remaining - messages if messages is not None else 0

    def done() -> bool:
        if messages is not None:
            return len(chat._earlier) <= stop
        return bar.value() == 0 and not chat._earlier and not chat._growing

    while not done():
        bar.setValue(bar.value() - step_px)
        frames += 1
        gui.pause(FRAME_S)
    return frames


def main(count: int = MESSAGES) -> None:
    """Runs the three measurements."""
    from app.widgets.chat_view import PAGE

    with tempfile.TemporaryDirectory(prefix="hearth-bench-long-") as tmp:
        data = Path(tmp) / "data"
        small = make_chat(data, PAGE, "short")
        start = time.perf_counter()
        long = make_chat(data, count, "long")
        print(
            f"-- a {count:,}-message chat made in {time.perf_counter() - start:.1f} s", flush=True
        )
        with serve() as url:
            window = gui.open_window(url, data)
            try:
                measure(window, small, long, count, PAGE)
            finally:
                gui.close_window(window)


def measure(window: MainWindow, small: str, long: str, count: int, page: int) -> None:
    """Opening, scrolling and memory, each against its baseline."""
    gui.pause(1.0)
    open_seconds(window, small)  # warm-up: the first rendering of each kind
    base_mb = rss_mb()
    opened_small = min(open_seconds(window, small) for _ in range(3))
    small_mb = rss_mb() - base_mb
    scroll_up(window, window.chat.verticalScrollBar().pageStep())
    small_top_mb = rss_mb() - base_mb
    opened: list[float] = []
    for _ in range(3):
        opened.append(open_seconds(window, long))
        gui.pause(0.2)
    long_mb = rss_mb() - base_mb
    ms, base = sorted(opened)[1] * 1000, opened_small * 1000
    print(
        f"open a {count:,}-message chat to first paint: {ms:.0f} ms vs a {page}-message chat "
        f"{base:.0f} ms -> ratio {ms / base:.2f} ({'meets' if ms < 300 else 'misses'} goal "
        f"300 ms; median of 3)",
        flush=True,
    )
    idle, _ = probed(lambda: gui.pause(2.0), window)
    scrolled, frames = probed(lambda: scroll_up(window, FLICK_PX, SCROLLED), window)
    print(
        f"scroll up through {SCROLLED} of its messages at {FLICK_PX} px a frame "
        f"({frames:,} frames): longest GUI gap {scrolled.longest_ms:.0f} ms vs idle "
        f"{idle.longest_ms:.0f} ms -> ratio {scrolled.longest_ms / max(idle.longest_ms, 1):.2f} "
        f"({'meets' if scrolled.longest_ms < 50 else 'misses'} goal 50 ms); "
        f"{scrolled.stalls} gaps over 50 ms, p99 {scrolled.p99_ms:.1f} ms in "
        f"{scrolled.seconds:.1f} s",
        flush=True,
    )
    start = time.perf_counter()
    scroll_up(window, window.chat.verticalScrollBar().pageStep())  # on to the first message
    top_mb = rss_mb() - base_mb
    built = len(window.chat.message_ids())
    print(
        f"memory: RSS +{long_mb:.0f} MB opened, +{top_mb:.0f} MB at its first message "
        f"(reached in {time.perf_counter() - start:.0f} s, a page a frame; {built} messages "
        f"built) vs the {page}-message chat +{small_mb:.0f} MB opened, +{small_top_mb:.0f} MB "
        f"at its top",
        flush=True,
    )
