"""Work the first paint doesn't need waits for it: loading modules, checking the server.

:func:`after_first_paint` runs a callback once a window has painted (the window starts
its server check that way). The window starts with only what its first paint needs.
Right after that paint a
background thread imports, in order, what the first answer needs (the ollama client, the
chat agent, the Markdown parser), then what the other features need (LangChain and
langchain-ollama for the tool agent, documents and writing; the calendar and mail
readers). The person's first question, first tool request or first tab finds them
loaded instead of waiting seconds.

Importing holds the GIL only in short stretches (Python hands it over every few
milliseconds), so the window keeps reacting; ``HEARTH_STALL_LOG`` shows it. The one
long stretch was the cyclic garbage collector: a full collection walks every object
(LangChain brings ~100,000) while holding the GIL, 100-200 ms in which the window
froze. So collection is off while modules load, and what they leave is moved to the
collector's permanent generation, which later collections skip (see app/heap.py).
While an answer streams, loading the other features pauses at the next module (inside
an import at most once and for a second: another thread may need its lock), so it
hardly competes with the answer. Only modules without Qt are loaded here: Qt objects
belong to the GUI thread.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import sys
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app import heap

log = logging.getLogger(__name__)

FIRST_ANSWER = (
    "app.markdown",
    "markdown_it",
    "httpx",
    "ollama",
    "agents.llm.plain_chat",
    "agents.chat.agent",
)
"""What a plain chat answer needs (the Markdown renderer first: the GUI thread uses it,
and it is warmed up once loaded)."""

FEATURES = (
    "pydantic",
    "requests",
    "langchain_core.messages",
    "langsmith.schemas",
    "langsmith.types",
    "langsmith.run_trees",
    "langchain_core.tracers.event_stream",
    "langchain_core.language_models.chat_models",
    "langchain_ollama.chat_models",
    "langchain_ollama",
    "langgraph.graph",
    "langchain.agents",
    "agents.tools.agent",
    "agents.tools.registry",
    "agents.documents.answer",
    "agents.writing.rewrite",
    "agents.mail.digest",
    "icalendar",
    "agents.images.intake",
)
"""What the tool agent, documents, writing, mail, calendar and images need: LangChain first, in
steps of a few dozen milliseconds (its heavy parts in the order it imports them), so a
pause for a starting answer comes soon."""


INNER_PAUSE_S = 1.0
"""The longest pause in the middle of an import (another thread may wait for its lock)."""


class _FirstPaint(QObject):
    """Sees a widget's first paint, calls back once, and goes away."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Calls back after the first paint (once it is on screen)."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Calls ``callback`` once ``widget`` has painted for the first time: work that the
    first paint doesn't need waits for it (checking the server, loading modules)."""
    _FirstPaint(widget, callback)


class Preloader(QObject):
    """Imports modules in a background thread.

    Args:
        needed: Modules the next answer needs: loaded first, even while one streams.
        later: Modules of other features: loading them pauses while the window is busy.
        parent: The Qt parent.

    Signals:
        finished(): every module was tried.
    """

    finished = Signal()

    def __init__(
        self,
        needed: Sequence[str] = FIRST_ANSWER,
        later: Sequence[str] = FEATURES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.needed = tuple(needed)
        self.later = tuple(later)
        self.loaded: list[str] = []
        self._go = threading.Event()
        self._go.set()
        self._thread: threading.Thread | None = None
        self._paused_inside = False

    def start_after_paint(self, window: QWidget) -> None:
        """Starts once ``window`` has painted for the first time."""
        after_first_paint(window, self.start)

    def start(self) -> None:
        """Starts loading now (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True, name="hearth-preload")
            self._thread.start()

    def set_paused(self, paused: bool) -> None:
        """Pauses loading the other features (e.g. while an answer streams), or resumes."""
        if paused:
            self._go.clear()
        else:
            self._go.set()

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        """Pauses between the modules of a feature's import, in the loading thread.

        An import finder (``sys.meta_path``) sees each module an import brings in; in
        the middle of one, this thread holds import locks that another thread may need
        next, so it waits there at most once per step and at most ``INNER_PAUSE_S``.
        Finds nothing itself.
        """
        if (
            not self._go.is_set()
            and not self._paused_inside
            and threading.current_thread() is self._thread
        ):
            self._paused_inside = True
            self._pause(INNER_PAUSE_S)

    def _pause(self, limit: float | None) -> None:
        heap.settle()  # collection stays on while the loading waits
        self._go.wait(limit)
        gc.disable()  # until heap.settle(): see the module's notes

    def _load(self, name: str) -> None:
        gc.disable()
        self._paused_inside = False
        try:
            importlib.import_module(name)
        except Exception as exc:  # a missing optional part: it fails again when used
            log.debug("preloading %s failed: %s", name, exc)
            return
        self.loaded.append(name)

    def wait(self, timeout: float | None = None) -> bool:
        """Waits for the loading to end (tests); True if it did."""
        if self._thread is None:
            return False
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        for name in self.needed:
            self._load(name)
        if "app.markdown" in self.loaded:
            from app.markdown import warm_up

            warm_up()
        sys.meta_path.insert(0, self)  # type: ignore[arg-type]
        try:
            for name in self.later:
                if not self._go.is_set():
                    self._pause(None)
                self._load(name)
        finally:
            sys.meta_path.remove(self)  # type: ignore[arg-type]
        heap.settle()
        with contextlib.suppress(RuntimeError):  # the window closed first
            self.finished.emit()
