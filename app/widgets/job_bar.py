"""The line a long job shows while it runs: how far it has come, the time so far, and Stop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from agents.cancel import Progress
from app import plain

TICK_MS = 500
"""How often the elapsed time is repainted."""


def elapsed_text(seconds: int) -> str:
    """``0:42``, ``12:05``, ``1:02:09``."""
    minutes, secs = divmod(max(0, seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


class JobBar(QWidget):
    """Shown while a job runs, hidden otherwise: a bar when its items are counted, the
    attempt and tokens so far, the elapsed time, and a Stop button.

    Connect it to a service with :meth:`follow`; the service says what the job is doing
    in its own status line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobBar")
        self.bar = QProgressBar()
        self.bar.setFormat(self.tr("%v of %m"))
        self.bar.setVisible(False)
        self.detail = QLabel()
        plain.labels(self.detail)
        self.detail.setObjectName("jobDetail")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop this job; nothing half-done is kept"))
        self._progress = Progress()
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.stop_button)
        self.setVisible(False)

    def follow(
        self, busy: SignalInstance, progress: SignalInstance, stop: Callable[[], None]
    ) -> None:
        """Shows the job a service runs: ``busy(bool)``, ``progress(Progress)``; Stop calls
        ``stop``."""
        busy.connect(self.set_running)
        progress.connect(self.set_progress)
        self.stop_button.clicked.connect(stop)

    @property
    def running(self) -> bool:
        """Whether a job is shown."""
        return self._tick.isActive()

    @property
    def elapsed_seconds(self) -> int:
        """Whole seconds since the job started."""
        return self._clock.elapsed() // 1000 if self._clock.isValid() else 0

    def set_running(self, running: bool) -> None:
        """Shows the bar and starts the clock, or hides it."""
        if running == self.running:
            return
        if running:
            self._progress = Progress()
            self._clock.start()
            self._tick.start()
            self._show()
        else:
            self._tick.stop()
        self.setVisible(running)

    def set_progress(self, progress: Progress) -> None:
        """Shows how far the job has come."""
        if self.running:
            self._progress = progress
            self._show()

    def text(self) -> str:
        """The line shown: attempt, tokens, elapsed time."""
        p = self._progress
        parts = []
        if p.attempts > 1:
            parts.append(self.tr("attempt {0} of {1}").format(p.attempt, p.attempts))
        if p.tokens:
            parts.append(self.tr("%n token(s)", "", p.tokens))
        parts.append(elapsed_text(self.elapsed_seconds))
        return " · ".join(parts)

    def _show(self) -> None:
        p = self._progress
        self.bar.setVisible(p.total > 0)
        if p.total > 0:
            self.bar.setRange(0, p.total)
            self.bar.setValue(min(p.done, p.total))
        self.detail.setText(self.text())
