"""The job bar: shown while a job runs, with its attempt, tokens, items and time."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from agents.cancel import Progress
from app.widgets.job_bar import JobBar, elapsed_text


class FakeJob(QObject):
    """The two signals a service gives the bar."""

    busyChanged = Signal(bool)
    progress = Signal(object)


def test_elapsed_text() -> None:
    assert [elapsed_text(s) for s in (0, 42, 725, 3729)] == ["0:00", "0:42", "12:05", "1:02:09"]


def test_the_bar_follows_a_job_and_stop_reaches_it(qtbot: QtBot) -> None:
    job = FakeJob()
    stops: list[bool] = []
    window = QWidget()
    qtbot.addWidget(window)
    bar = JobBar(window)
    bar.follow(job.busyChanged, job.progress, lambda: stops.append(True))
    window.show()
    assert not bar.isVisible()
    job.progress.emit(Progress(tokens=5))  # nothing runs: ignored
    job.busyChanged.emit(True)
    assert bar.isVisible() and bar.detail.text() == "0:00"
    job.progress.emit(Progress(attempt=2, attempts=3, tokens=41))
    assert bar.detail.text() == "attempt 2 of 3 · 41 token(s) · 0:00"
    assert not bar.bar.isVisible()
    job.progress.emit(Progress(done=3, total=10))
    assert bar.bar.isVisible() and (bar.bar.value(), bar.bar.maximum()) == (3, 10)
    bar.stop_button.click()
    assert stops == [True]
    job.busyChanged.emit(False)
    assert not bar.isVisible()
    job.busyChanged.emit(True)  # a new job starts from nothing
    assert bar.detail.text() == "0:00" and not bar.bar.isVisible()
