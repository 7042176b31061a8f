"""The job slot: one job at a time off the GUI thread, stopped at once, errors made clear."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QObject
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from agents.cancel import CancelToken, Progress
from agents.errors import HearthError
from app.services.jobs import JobSlot, clear_error, run_call

WAIT_S = 10


class Recorder:
    """Every signal of a JobSlot, in the order it came."""

    def __init__(self, slot: JobSlot) -> None:
        self.seen: list[tuple[str, object]] = []
        slot.started.connect(lambda: self.seen.append(("started", None)))
        slot.item.connect(lambda value: self.seen.append(("item", value)))
        slot.returned.connect(lambda value: self.seen.append(("returned", value)))
        slot.failed.connect(lambda error: self.seen.append(("failed", error)))
        slot.stopped.connect(lambda: self.seen.append(("stopped", None)))
        slot.busyChanged.connect(lambda busy: self.seen.append(("busy", busy)))

    def names(self) -> list[str]:
        return [name for name, _value in self.seen]

    def values(self, name: str) -> list[object]:
        return [value for seen, value in self.seen if seen == name]


class Held:
    """A job that reports, then blocks (like a model that is loading) until released."""

    def __init__(self, *before: object, after: tuple[object, ...] = ("late",)) -> None:
        self.before = before
        self.after = after
        self.release = threading.Event()
        self.blocked = threading.Event()
        self.cancel: CancelToken | None = None
        self.thread: threading.Thread | None = None

    def __call__(self, cancel: CancelToken) -> Iterator[object]:
        self.cancel = cancel
        self.thread = threading.current_thread()
        yield from self.before
        self.blocked.set()
        self.release.wait(WAIT_S)
        yield from self.after
        return "late result"

    def finish(self, qtbot: QtBot) -> None:
        """Lets the job run to its end, then delivers whatever it sent on the way."""
        self.release.set()
        qtbot.waitUntil(lambda: self.thread is not None and not self.thread.is_alive())
        QCoreApplication.processEvents()  # everything the thread posted is delivered now


def test_a_job_reports_its_items_then_what_it_returned(qtbot: QtBot) -> None:
    slot = JobSlot()
    seen = Recorder(slot)

    def count(cancel: CancelToken) -> Iterator[int]:
        yield 1
        yield 2
        return "three"

    with qtbot.waitSignal(slot.returned, timeout=WAIT_S * 1000):
        slot.start(count)
        assert slot.busy
    assert not slot.busy
    assert seen.seen == [
        ("started", None),
        ("busy", True),
        ("item", 1),
        ("item", 2),
        ("busy", False),
        ("returned", "three"),
    ]


def test_progress_told_on_the_cancel_token_is_reported_until_stop(qtbot: QtBot) -> None:
    slot = JobSlot()
    progress: list[Progress] = []
    slot.progress.connect(progress.append)
    job = Held()

    def run(cancel: CancelToken) -> Iterator[object]:
        cancel.report(attempt=1, attempts=3)
        return job(cancel)

    with qtbot.waitSignal(slot.progress, timeout=WAIT_S * 1000):
        slot.start(run)
    assert progress == [Progress(attempt=1, attempts=3)]
    assert job.blocked.wait(WAIT_S)
    slot.stop()
    assert job.cancel is not None
    job.cancel.report(attempt=2)  # told after the stop: never delivered
    job.finish(qtbot)
    assert progress == [Progress(attempt=1, attempts=3)]


def test_call_runs_a_plain_function(qtbot: QtBot) -> None:
    slot = JobSlot()
    caller = threading.current_thread()
    with qtbot.waitSignal(slot.returned, timeout=WAIT_S * 1000) as returned:
        slot.call(lambda: threading.current_thread() is not caller)
    assert returned.args == [True]  # it ran off the GUI thread


def test_stop_is_immediate_while_the_job_is_blocked_and_nothing_late_arrives(
    qtbot: QtBot,
) -> None:
    slot = JobSlot()
    seen = Recorder(slot)
    job = Held("first")
    with qtbot.waitSignal(slot.item, timeout=WAIT_S * 1000):
        slot.start(job)
    assert job.blocked.wait(WAIT_S)
    slot.stop()  # returns at once: the thread is still blocked
    assert not slot.busy and seen.names()[-2:] == ["busy", "stopped"]
    assert job.cancel is not None and job.cancel.cancelled
    job.finish(qtbot)
    assert seen.values("item") == ["first"]
    assert seen.values("returned") == [] and seen.values("failed") == []
    assert seen.names().count("stopped") == 1


def test_a_report_already_on_its_way_is_dropped_by_stop(qtbot: QtBot) -> None:
    slot = JobSlot()
    seen = Recorder(slot)
    job = Held("posted before the stop")
    slot.start(job)
    assert job.blocked.wait(WAIT_S)  # the item is posted, not yet delivered
    slot.stop()
    job.finish(qtbot)
    assert seen.values("item") == []


def test_a_new_start_stops_the_last_job(qtbot: QtBot) -> None:
    slot = JobSlot()
    seen = Recorder(slot)
    old = Held("old")
    with qtbot.waitSignal(slot.item, timeout=WAIT_S * 1000):
        slot.start(old)

    def new(cancel: CancelToken) -> Iterator[str]:
        yield "new"
        return "new result"

    with qtbot.waitSignal(slot.returned, timeout=WAIT_S * 1000):
        slot.start(new)
    assert old.cancel is not None and old.cancel.cancelled
    old.finish(qtbot)
    assert seen.values("item") == ["old", "new"]
    assert seen.values("returned") == ["new result"]
    assert seen.names() == [
        "started",
        "busy",
        "item",
        "busy",
        "stopped",  # the old job ends before the new one starts
        "started",
        "busy",
        "item",
        "busy",
        "returned",
    ]


def test_cancel_asks_the_job_to_stop_and_still_hears_how_it_ended(qtbot: QtBot) -> None:
    slot = JobSlot()
    seen = Recorder(slot)
    running = threading.Event()

    def patient(cancel: CancelToken) -> Iterator[str]:
        running.set()
        yield from ()
        return "cancelled" if cancel.wait(WAIT_S) else "not cancelled"

    slot.start(patient)
    assert running.wait(WAIT_S)
    with qtbot.waitSignal(slot.returned, timeout=WAIT_S * 1000) as returned:
        slot.cancel()
    assert returned.args == ["cancelled"]
    assert "stopped" not in seen.names()


def test_an_unexpected_exception_becomes_one_clear_error(qtbot: QtBot) -> None:
    slot = JobSlot()
    seen = Recorder(slot)

    def broken(cancel: CancelToken) -> Iterator[int]:
        yield 1
        raise ValueError("the disk is on fire")

    with qtbot.waitSignal(slot.failed, timeout=WAIT_S * 1000) as failed:
        slot.start(broken)
    (error,) = failed.args
    assert isinstance(error, HearthError)
    assert error.message == "Unexpected problem (ValueError: the disk is on fire). Try again."
    assert not slot.busy
    assert seen.names() == ["started", "busy", "item", "busy", "failed"]


def test_a_translator_explains_library_errors(qtbot: QtBot) -> None:
    slot = JobSlot(translate=lambda exc: HearthError(f"Ollama says: {exc}"))

    def broken() -> None:
        raise ConnectionError("refused")

    with qtbot.waitSignal(slot.failed, timeout=WAIT_S * 1000) as failed:
        slot.call(broken)
    assert failed.args[0].message == "Ollama says: refused"


def test_clear_error_keeps_hearth_errors_and_survives_a_broken_translator() -> None:
    known = HearthError("Check the path.")
    assert clear_error(known, lambda exc: HearthError("no")) is known

    def broken(exc: Exception) -> HearthError:
        raise RuntimeError("translator bug")

    fallback = clear_error(KeyError("x"), broken)
    assert fallback.message == "Unexpected problem (KeyError: 'x'). Try again."


def test_run_call_reports_results_and_errors(qtbot: QtBot) -> None:
    results: list[object] = []
    errors: list[HearthError] = []
    run_call(lambda: 6 * 7, results.append, errors.append)
    qtbot.waitUntil(lambda: results == [42])
    run_call(lambda: 1 / 0, results.append, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert "ZeroDivisionError" in errors[0].message


def test_run_call_reports_nothing_once_its_parent_is_gone(qtbot: QtBot) -> None:
    window = QObject()
    job = Held(after=())
    results: list[object] = []
    run_call(lambda: list(job(CancelToken())), results.append, parent=window)
    assert job.blocked.wait(WAIT_S)
    Shiboken.delete(window)  # the window closed while the call was running
    job.finish(qtbot)
    assert results == []
