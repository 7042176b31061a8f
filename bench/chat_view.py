"""GUI-thread time per streaming update of an answer, in a long conversation.

Each update is ~200 characters (40 ms of tokens at a fast pace) followed by Qt's layout
and paint. Baseline: the same view with plain QLabels, which re-measure every message of
the conversation on each update.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARAGRAPH = (
    "Here is some **bold** text and a list:\n\n- item one\n- item two\n\n"
    "```python\nprint(1)\n```\n\n"
)


def _message(mid: int, role: str, text: str, status: str = "complete") -> Any:
    """A saved message for the view (imported late: the bench measures imports too)."""
    from agents.storage.chat_store import MessageStatus, StoredMessage

    return StoredMessage(
        id=mid,
        conversation_id="c",
        parent_id=None,
        role=role,  # type: ignore[arg-type]
        content=text,
        status=MessageStatus(status),
        created_at=0.0,
        model=None,
        stats=None,
        error=None,
        attachments=(),
    )


def _updates(history: int, length: int, plain_labels: bool) -> list[float]:
    from PySide6.QtWidgets import QApplication, QLabel

    from app.widgets import message_view
    from app.widgets.chat_view import ChatView

    app = QApplication.instance() or QApplication(sys.argv)
    original = message_view.TextLabel
    if plain_labels:
        message_view.TextLabel = QLabel  # type: ignore[misc,assignment]
    try:
        view = ChatView()
        view.resize(900, 700)
        view.show()
        for i in range(history):
            role = "assistant" if i % 2 else "user"
            text = (PARAGRAPH * 30)[:3000]
            view.add_message(_message(i + 10, role, text))
        app.processEvents()
        answer = view.add_message(_message(1, "assistant", "", "streaming"))
        full = PARAGRAPH * (length // len(PARAGRAPH) + 1)
        times = []
        for end in range(200, length, 200):
            start = time.perf_counter()
            answer.set_text(full[:end])
            app.processEvents()
            times.append(time.perf_counter() - start)
        view.close()
        view.deleteLater()
        app.processEvents()
        return times
    finally:
        message_view.TextLabel = original  # type: ignore[misc]


def _open_seconds(count: int, page: int) -> float:
    from PySide6.QtWidgets import QApplication

    from app.widgets import chat_view

    app = QApplication.instance() or QApplication(sys.argv)
    original = chat_view.PAGE
    chat_view.PAGE = page
    try:
        view = chat_view.ChatView()
        view.resize(900, 700)
        view.show()
        app.processEvents()
        text = (PARAGRAPH * 30)[:3000]
        messages = [_message(i, "assistant" if i % 2 else "user", text) for i in range(count)]
        start = time.perf_counter()
        view.show_messages(messages)
        app.processEvents()
        elapsed = time.perf_counter() - start
        view.close()
        view.deleteLater()
        app.processEvents()
        return elapsed
    finally:
        chat_view.PAGE = original


def main() -> None:
    """Prints mean and p95 per update, against plain labels; and opening a long chat."""
    from app.widgets.chat_view import PAGE

    ours = statistics.median(_open_seconds(100, PAGE) for _ in range(3))
    everything = statistics.median(_open_seconds(100, 100) for _ in range(3))
    print(
        f"opening a 100-message chat: {ours * 1000:.0f} ms (latest {PAGE} shown) vs all "
        f"rendered {everything * 1000:.0f} ms -> ratio {ours / everything:.2f}",
        flush=True,
    )
    for history, length in ((0, 8000), (30, 8000)):
        ours = _updates(history, length, plain_labels=False)
        plain = _updates(history, length, plain_labels=True)
        mean, base = statistics.mean(ours), statistics.mean(plain)
        p95 = sorted(ours)[int(len(ours) * 0.95)]
        print(
            f"streaming update, {length} chars after {history} messages: mean "
            f"{mean * 1000:.1f} ms (p95 {p95 * 1000:.1f}) vs plain labels "
            f"{base * 1000:.1f} ms -> ratio {mean / base:.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
