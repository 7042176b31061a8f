"""One event pump: an agent's event stream, run in a JobSlot, as typed Qt signals.

Tokens are gathered and pushed as ``partial`` at most every ``flush_ms``, so a fast model
repaints a few dozen times a second, not once per token; a thinking model's reasoning is
gathered and pushed the same way, as ``reasoning``. The first piece after a quiet spell is
pushed at once (the person sees the answer start without waiting for a tick).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import (
    Attached,
    Blocked,
    Failed,
    Final,
    Result,
    Sources,
    Status,
    Stopped,
    SummaryProgress,
    Thinking,
    Token,
    ToolCallDecided,
    ToolCallProposed,
    ToolResult,
)
from app.services.jobs import JobSlot, Translate
from app.wording import worded

EventStream = Callable[[CancelToken], Iterable[object]]
"""``stream(cancel)``: an agent's events, e.g. ``lambda cancel: agent.stream(history, cancel)``."""

_ENDINGS = (Final, Stopped, Failed, Blocked)


class EventPump(QObject):
    """Runs one event stream at a time; starting a new one stops the last.

    Every run ends with exactly one of ``finished``, ``blocked``, ``stopped`` or ``failed``, after
    ``busyChanged(False)`` and the last ``partial``. What arrived is kept: ``text`` holds
    it until the next start.

    Args:
        flush_ms: How often streamed text is pushed as ``partial`` (repaints coalesced).
        translate: Turns a library's exception escaping the stream into a HearthError
            (e.g. ``OllamaService.error``).
        parent: The Qt parent.

    Signals:
        started(): a stream began.
        partial(str): the text so far, at most every ``flush_ms``.
        reasoning(str): a thinking model's reasoning so far, at most every ``flush_ms``.
        status(str): a step the person should see ("Loading llama3.2…").
        progress(int, int): sections done, sections in all (SummaryProgress).
        jobProgress(Progress): attempt n of m and tokens so far, told by the run's cancel
            token (see agents.cancel).
        sources(list): the answer's Citation list.
        attached(list): the attachments the answer comes with (e.g. an image).
        result(object): a structured result the answer comes with (a chart's table).
        toolProposed(object): a ToolCallProposed.
        toolDecided(object): a ToolCallDecided.
        toolResult(object): a ToolResult.
        otherEvent(object): any other event (e.g. the safety check's), as it came.
        finished(object): the Final event (made from the text if the stream just ended).
        blocked(object): the safety check's Blocked event; nothing of the answer is kept.
        stopped(str): stopped; what arrived.
        failed(object, str): the HearthError; what arrived.
        busyChanged(bool): a stream is (no longer) running.
    """

    started = Signal()
    partial = Signal(str)
    reasoning = Signal(str)
    status = Signal(str)
    progress = Signal(int, int)
    jobProgress = Signal(object)
    sources = Signal(list)
    attached = Signal(list)
    result = Signal(object)
    toolProposed = Signal(object)
    toolDecided = Signal(object)
    toolResult = Signal(object)
    otherEvent = Signal(object)
    finished = Signal(object)
    blocked = Signal(object)
    stopped = Signal(str)
    failed = Signal(object, str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        flush_ms: int = 40,
        translate: Translate | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._slot = JobSlot(translate, self)
        self._slot.busyChanged.connect(self.busyChanged)
        self._slot.item.connect(self._on_event)
        self._slot.progress.connect(self.jobProgress)
        self._slot.returned.connect(self._on_end)
        self._slot.failed.connect(self._on_failed)
        self._slot.stopped.connect(self._on_stopped)
        self._parts: list[str] = []
        self._thoughts: list[str] = []
        self._dirty = False
        self._thoughts_dirty = False
        self._flush_ms = flush_ms
        self._flush = QTimer(self)
        self._flush.setInterval(flush_ms)
        self._flush.timeout.connect(self._on_tick)

    @property
    def busy(self) -> bool:
        """Whether a stream is running."""
        return self._slot.busy

    @property
    def text(self) -> str:
        """The text that arrived (the final text once finished)."""
        return "".join(self._parts)

    @property
    def thoughts(self) -> str:
        """The reasoning that arrived, until the next start."""
        return "".join(self._thoughts)

    def start(self, stream: EventStream) -> None:
        """Runs ``stream(cancel)`` off the GUI thread, turning its events into signals."""
        self._slot.stop()  # the last run ends first: ``stopped`` carries its text
        self._parts = []
        self._thoughts = []
        self._dirty = self._thoughts_dirty = False
        self.started.emit()
        self._flush.stop()
        self._flush.setInterval(self._flush_ms)

        def run(cancel: CancelToken) -> Generator[object, None, object]:
            for event in stream(cancel):
                if isinstance(event, _ENDINGS):
                    return event  # the run is over: nothing after its ending is read
                yield event
            return None

        self._slot.start(run)

    def stop(self) -> None:
        """Stops now, without waiting for the thread; ``stopped`` carries what arrived."""
        self._slot.stop()

    # -- events ------------------------------------------------------------------------
    def _on_event(self, event: object) -> None:
        if isinstance(event, Token):
            self._parts.append(event.text)
            self._dirty = True
            self._push_first()
        elif isinstance(event, Thinking):
            self._thoughts.append(event.text)
            self._thoughts_dirty = True
            self._push_first()
        elif isinstance(event, Status):
            self.status.emit(worded(event.text))
        elif isinstance(event, SummaryProgress):
            self.progress.emit(event.done, event.total)
        elif isinstance(event, Sources):
            self.sources.emit(list(event.citations))
        elif isinstance(event, Attached):
            self.attached.emit(list(event.attachments))
        elif isinstance(event, Result):
            self.result.emit(event.value)
        elif isinstance(event, ToolCallProposed):
            self.toolProposed.emit(event)
        elif isinstance(event, ToolCallDecided):
            self.toolDecided.emit(event)
        elif isinstance(event, ToolResult):
            self.toolResult.emit(event)
        else:
            self.otherEvent.emit(event)

    def _push_first(self) -> None:
        if not self._flush.isActive():  # the first since a quiet tick: show it now
            self._push_partial()
            self._flush.start()

    def _on_tick(self) -> None:
        if self._dirty or self._thoughts_dirty:
            self._push_partial()
        else:
            self._flush.stop()  # quiet: the next piece is pushed as it comes

    def _push_partial(self) -> None:
        if self._thoughts_dirty:
            self._thoughts_dirty = False
            self.reasoning.emit(self.thoughts)
        if self._dirty:
            self._dirty = False
            shown = time.perf_counter()
            self.partial.emit(self.text)
            # Showing a long answer may take a while: the next push waits four times as
            # long, so the window stays mostly free (to react, and to read the stream).
            cost_ms = (time.perf_counter() - shown) * 1000
            self._flush.setInterval(max(self._flush_ms, min(int(4 * cost_ms), 250)))

    # -- endings -----------------------------------------------------------------------
    def _settle(self, text: str | None = None) -> str:
        """Pushes the last streamed text; keeps ``text`` if it says more; returns the text."""
        self._flush.stop()
        self._push_partial()
        if text is not None and len(text) > len(self.text):
            self._parts = [text]
        return self.text

    def _on_end(self, ending: Any) -> None:
        if isinstance(ending, Blocked):
            self._settle()
            self._parts = []  # a flagged answer is not kept
            self.blocked.emit(ending)
        elif isinstance(ending, Stopped):
            self.stopped.emit(self._settle(ending.partial))
        elif isinstance(ending, Failed):
            self.failed.emit(ending.error, self._settle(ending.partial))
        else:
            text = self._settle()
            final = ending if isinstance(ending, Final) else Final(text)
            if final.words is not None:  # Hearth's own answer: in the person's language
                final = Final(worded(final.words), final.stats)
            self._parts = [final.text]
            self.finished.emit(final)

    def _on_failed(self, error: HearthError) -> None:
        self.failed.emit(error, self._settle())

    def _on_stopped(self) -> None:
        self.stopped.emit(self._settle())
