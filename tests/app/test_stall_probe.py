"""The stall probe: it records how long the GUI thread was away, and is off unless asked."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.stall_probe import ENV, STALL_MS, StallProbe


def test_a_blocked_gui_thread_is_recorded_as_a_stall(qtbot: QtBot) -> None:
    probe = StallProbe(interval_ms=2)
    probe.start()
    qtbot.wait(40)  # a few ordinary ticks first
    QTimer.singleShot(0, lambda: time.sleep((STALL_MS + 30) / 1000))  # the thread is busy
    qtbot.wait(60)
    summary = probe.stop()
    assert summary.stalls >= 1
    assert summary.longest_ms >= STALL_MS + 30
    assert summary.ticks > 3 and summary.p50_ms < summary.longest_ms
    assert "longest gap" in summary.line()


def test_it_is_off_unless_the_environment_asks(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert StallProbe.from_environment() is None
    log = tmp_path / "stalls.log"
    monkeypatch.setenv(ENV, str(log))
    probe = StallProbe.from_environment()
    assert probe is not None
    qtbot.wait(20)
    QTimer.singleShot(0, lambda: time.sleep((STALL_MS + 20) / 1000))
    qtbot.wait(40)
    probe.stop()
    lines = log.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("hearth stall: ") for line in lines)
    assert lines[-1].startswith("hearth stall probe: longest gap")
