"""The stall probe: a GUI-thread timer that records how long the window could not react.

A timer asks to tick every few milliseconds; the time between two ticks is how long the
GUI thread was away (painting, laying out, or blocked). A gap of 50 ms is a stutter a
person notices; 16.7 ms is one frame at 60 Hz. The probe keeps a histogram of the gaps
(constant memory however long it runs), so any run can report its longest gap and p99.

It is off unless asked for: with ``HEARTH_STALL_LOG=path`` (``-`` for stderr) the window
starts one, writes each stall over 50 ms as it happens and a summary when it closes.
Off, it costs nothing: nothing is created. The benchmarks in ``bench/`` use it directly.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import TextIO

from PySide6.QtCore import QObject, Qt, QTimer

ENV = "HEARTH_STALL_LOG"
STALL_MS = 50.0  # a gap a person notices
BUCKET_MS = 0.5  # histogram resolution
MAX_MS = 2000.0  # longer gaps share the last bucket (the longest is kept exactly)


@dataclass(frozen=True)
class StallSummary:
    """What the probe saw.

    Attributes:
        ticks: Gaps measured.
        longest_ms: The longest gap.
        p99_ms: 99% of gaps were at most this long (to the histogram's resolution).
        p50_ms: The median gap.
        stalls: Gaps over ``STALL_MS``.
        seconds: How long the probe ran.
    """

    ticks: int
    longest_ms: float
    p99_ms: float
    p50_ms: float
    stalls: int
    seconds: float

    def line(self) -> str:
        """One line for a log or a benchmark."""
        return (
            f"longest gap {self.longest_ms:.1f} ms, p99 {self.p99_ms:.1f} ms, median "
            f"{self.p50_ms:.1f} ms, {self.stalls} over {STALL_MS:.0f} ms in {self.ticks} "
            f"ticks ({self.seconds:.1f} s)"
        )


class StallProbe(QObject):
    """Measures the gaps between ticks of a fast timer on the thread it lives in.

    Args:
        interval_ms: How often the timer asks to tick.
        log: Where each stall and the summary are written (None: nowhere).
        parent: The Qt parent.
    """

    def __init__(
        self, interval_ms: int = 4, log: TextIO | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.log = log
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._counts = [0] * (int(MAX_MS / BUCKET_MS) + 1)
        self._last: float | None = None
        self._started = 0.0
        self._stopped: float | None = None
        self.longest_ms = 0.0

    @classmethod
    def from_environment(cls, parent: QObject | None = None) -> StallProbe | None:
        """A started probe if ``HEARTH_STALL_LOG`` asks for one, else None."""
        target = os.environ.get(ENV, "").strip()
        if not target:
            return None
        log = sys.stderr if target == "-" else open(target, "a", encoding="utf-8")  # noqa: SIM115
        probe = cls(log=log, parent=parent)
        probe.start()
        return probe

    def start(self) -> None:
        """Starts measuring (from the first tick on); earlier measurements are kept."""
        self._last = None
        self._stopped = None
        self._timer.start()

    def stop(self) -> StallSummary:
        """Stops measuring; writes and returns the summary."""
        self._timer.stop()
        self._stopped = time.perf_counter()
        summary = self.summary()
        self._write(f"hearth stall probe: {summary.line()}")
        if self.log is not None and self.log not in (sys.stderr, sys.stdout):
            self.log.close()
            self.log = None
        return summary

    def reset(self) -> None:
        """Forgets what was measured (the timer keeps running)."""
        self._counts = [0] * len(self._counts)
        self.longest_ms = 0.0
        self._last = None

    def summary(self) -> StallSummary:
        """The gaps so far."""
        ticks = sum(self._counts)
        end = self._stopped if self._stopped is not None else time.perf_counter()
        end = self._last if self._last is not None and ticks else end
        over = int(STALL_MS / BUCKET_MS)
        return StallSummary(
            ticks=ticks,
            longest_ms=self.longest_ms,
            p99_ms=self._percentile(0.99, ticks),
            p50_ms=self._percentile(0.5, ticks),
            stalls=sum(self._counts[over + 1 :]),
            seconds=end - self._started,
        )

    def _percentile(self, share: float, ticks: int) -> float:
        if not ticks:
            return 0.0
        wanted, seen = share * ticks, 0
        for bucket, count in enumerate(self._counts):
            seen += count
            if seen >= wanted:
                return min((bucket + 1) * BUCKET_MS, self.longest_ms)
        return self.longest_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        last, self._last = self._last, now
        if last is None:
            if not any(self._counts):
                self._started = now  # the run is timed from its first tick
            return
        gap = (now - last) * 1000
        self._counts[min(int(gap / BUCKET_MS), len(self._counts) - 1)] += 1
        self.longest_ms = max(self.longest_ms, gap)
        if gap > STALL_MS:
            moment = time.strftime("%H:%M:%S", time.localtime())
            self._write(f"hearth stall: {gap:.0f} ms at {moment}")

    def _write(self, line: str) -> None:
        if self.log is not None:
            print(line, file=self.log, flush=True)
