"""The event pump: an agent's events as Qt signals, repaints coalesced, every run ended once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from agents import events as ev
from agents.attachments import ImageRef
from agents.cancel import CancelToken
from agents.errors import HearthError
from app.services.events import EventPump, EventStream

WAIT_MS = 10_000
ENDINGS = ("finished", "stopped", "failed")


@dataclass(frozen=True)
class Flagged:
    """An event the pump does not know (like the safety check's)."""

    message: str


class Recorder:
    """Every signal of an EventPump, in the order it came."""

    def __init__(self, pump: EventPump) -> None:
        self.seen: list[tuple[str, tuple[object, ...]]] = []
        for name in (
            "started",
            "partial",
            "status",
            "progress",
            "sources",
            "attached",
            "toolProposed",
            "toolDecided",
            "toolResult",
            "otherEvent",
            "finished",
            "stopped",
            "failed",
            "busyChanged",
        ):
            getattr(pump, name).connect(lambda *args, name=name: self.seen.append((name, args)))

    def args(self, name: str) -> list[tuple[object, ...]]:
        return [args for seen, args in self.seen if seen == name]

    def endings(self) -> list[tuple[str, tuple[object, ...]]]:
        return [(name, args) for name, args in self.seen if name in ENDINGS]


def run(qtbot: QtBot, pump: EventPump, stream: EventStream) -> Recorder:
    """Runs ``stream`` through the pump until the run ends."""
    seen = Recorder(pump)
    pump.start(stream)
    qtbot.waitUntil(lambda: bool(seen.endings()), timeout=WAIT_MS)
    return seen


def streaming(*events: object) -> EventStream:
    """A stream of these events."""
    return lambda cancel: iter(events)


class Held:
    """A stream that sends some events, then blocks until released, then sends the rest."""

    def __init__(self, before: list[object], after: list[object]) -> None:
        self.before = before
        self.after = after
        self.release = threading.Event()
        self.thread: threading.Thread | None = None

    def __call__(self, cancel: CancelToken) -> Iterator[object]:
        self.thread = threading.current_thread()
        yield from self.before
        self.release.wait(WAIT_MS / 1000)
        yield from self.after

    def finish(self, qtbot: QtBot) -> None:
        """Lets the stream run to its end, then delivers whatever it sent on the way."""
        self.release.set()
        qtbot.waitUntil(lambda: self.thread is not None and not self.thread.is_alive())
        QCoreApplication.processEvents()


def test_many_tokens_make_few_repaints(qtbot: QtBot) -> None:
    pump = EventPump(flush_ms=40)
    seen = Recorder(pump)
    stream = Held([ev.Token("x")] * 1000, [ev.Final("x" * 1000)])
    with qtbot.waitSignal(pump.partial, timeout=WAIT_MS, check_params_cb=lambda t: len(t) == 1000):
        pump.start(stream)  # the text so far is pushed by the timer while the stream runs
    assert pump.busy
    with qtbot.waitSignal(pump.finished, timeout=WAIT_MS):
        stream.release.set()
    partials = [text for (text,) in seen.args("partial")]
    assert 1 <= len(partials) < 50  # a thousand tokens, a handful of repaints
    assert all(later.startswith(earlier) for earlier, later in pairwise(partials))


def test_the_first_token_is_shown_without_waiting_for_a_tick(qtbot: QtBot) -> None:
    pump = EventPump(flush_ms=60_000)  # a tick that would never come during the test
    stream = Held([ev.Token("Hel")], [ev.Token("lo"), ev.Final("Hello")])
    with qtbot.waitSignal(pump.partial, timeout=WAIT_MS, check_params_cb=lambda t: t == "Hel"):
        pump.start(stream)
    with qtbot.waitSignal(pump.finished, timeout=WAIT_MS):
        stream.release.set()
    assert pump.text == "Hello"


def test_final_finishes_with_its_text_and_stats(qtbot: QtBot) -> None:
    pump = EventPump()
    final = ev.Final("Hello world.", ev.Stats(model="llama3.2", output_tokens=3))
    seen = run(
        qtbot, pump, streaming(ev.Status("Loading…"), ev.Token("Hello"), ev.Token(" wor"), final)
    )
    assert seen.endings() == [("finished", (final,))]
    assert seen.args("status") == [("Loading…",)]
    assert seen.args("busyChanged") == [(True,), (False,)]
    assert pump.text == "Hello world." and not pump.busy


def test_a_stream_that_just_ends_finishes_with_what_arrived(qtbot: QtBot) -> None:
    pump = EventPump()
    seen = run(qtbot, pump, streaming(ev.Token("All "), ev.Token("there.")))
    ((final,),) = [args for name, args in seen.endings()]
    assert isinstance(final, ev.Final) and final.text == "All there."


def test_stopped_keeps_the_longer_of_what_arrived(qtbot: QtBot) -> None:
    pump = EventPump()
    seen = run(qtbot, pump, streaming(ev.Token("Half"), ev.Stopped("Half an answer")))
    assert seen.endings() == [("stopped", ("Half an answer",))]


def test_failed_carries_the_error_and_what_arrived(qtbot: QtBot) -> None:
    pump = EventPump()
    error = HearthError("Ollama stopped answering: press Retry.")
    seen = run(qtbot, pump, streaming(ev.Token("first part"), ev.Failed(error, "")))
    assert seen.endings() == [("failed", (error, "first part"))]


def test_an_exception_in_the_stream_fails_with_a_clear_error(qtbot: QtBot) -> None:
    pump = EventPump(translate=lambda exc: HearthError(f"Ollama: {exc}"))
    seen = Recorder(pump)

    def broken(cancel: CancelToken) -> Iterator[object]:
        yield ev.Token("so far")
        raise ConnectionError("connection reset")

    with qtbot.waitSignal(pump.failed, timeout=WAIT_MS):
        pump.start(broken)
    ((error, arrived),) = seen.args("failed")
    assert isinstance(error, HearthError) and error.message == "Ollama: connection reset"
    assert arrived == "so far"


def test_every_kind_of_event_has_its_signal(qtbot: QtBot) -> None:
    pump = EventPump()
    citation = ev.Citation(1, "/notes/a.md", None, "Intro", "text")
    proposed = ev.ToolCallProposed("call_1", "send_mail", {"to": ["a@x.org"]})
    decided = ev.ToolCallDecided("call_1", "send_mail", False)
    result = ev.ToolResult("call_1", "send_mail", "Not done")
    flagged = Flagged("That message was flagged.")
    events = [
        ev.SummaryProgress(1, 3),
        ev.Sources([citation]),
        ev.Attached((ImageRef("abc"),)),
        proposed,
        decided,
        result,
        flagged,
        ev.Final("Done."),
    ]
    seen = run(qtbot, pump, streaming(*events))
    assert seen.args("progress") == [(1, 3)]
    assert seen.args("sources") == [([citation],)]
    assert seen.args("attached") == [([ImageRef("abc")],)]
    assert seen.args("toolProposed") == [(proposed,)]
    assert seen.args("toolDecided") == [(decided,)]
    assert seen.args("toolResult") == [(result,)]
    assert seen.args("otherEvent") == [(flagged,)]


def test_stop_is_immediate_and_keeps_what_arrived(qtbot: QtBot) -> None:
    pump = EventPump()
    seen = Recorder(pump)
    stream = Held(
        [ev.Token("Hello "), ev.Token("world")], [ev.Token("!"), ev.Final("Hello world!")]
    )
    pump.start(stream)
    qtbot.waitUntil(lambda: pump.text == "Hello world")
    pump.stop()  # the stream is still blocked: nothing waits for it
    assert not pump.busy
    assert seen.endings() == [("stopped", ("Hello world",))]
    stream.finish(qtbot)
    assert pump.text == "Hello world"
    assert seen.endings() == [("stopped", ("Hello world",))]


def test_a_new_start_stops_the_last_run(qtbot: QtBot) -> None:
    pump = EventPump()
    seen = Recorder(pump)
    old = Held([ev.Token("old")], [ev.Token(" and late"), ev.Final("old and late")])
    pump.start(old)
    qtbot.waitUntil(lambda: pump.text == "old")
    with qtbot.waitSignal(pump.finished, timeout=WAIT_MS):
        pump.start(streaming(ev.Token("new"), ev.Final("new")))
    old.finish(qtbot)
    assert [(name, args[0]) for name, args in seen.endings()] == [
        ("stopped", "old"),
        ("finished", ev.Final("new")),
    ]
    assert pump.text == "new"


@pytest.mark.parametrize(
    "ending", [ev.Final("x"), ev.Stopped("x"), ev.Failed(HearthError("x"), "x")]
)
def test_the_stream_is_not_read_past_its_ending(qtbot: QtBot, ending: object) -> None:
    read_past = threading.Event()

    def stream(cancel: CancelToken) -> Iterator[object]:
        yield ending
        read_past.set()
        yield ev.Token("after the end")

    seen = run(qtbot, EventPump(), stream)
    assert len(seen.endings()) == 1 and not read_past.is_set()
