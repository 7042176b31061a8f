"""A second start on the same data folder hands over to the running window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.single_instance import QUICK, InstanceServer, ask_running_instance_to_show


def test_second_start_wakes_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    server = InstanceServer(tmp_path)
    assert server.listening
    with qtbot.waitSignal(server.showRequested, timeout=3000):
        assert ask_running_instance_to_show(tmp_path)


def test_nobody_listening(tmp_path: Path) -> None:
    assert not ask_running_instance_to_show(tmp_path / "other", timeout_ms=200)


def test_hearth_quick_asks_the_first_for_its_quick_ask_window(qtbot: QtBot, tmp_path: Path) -> None:
    server = InstanceServer(tmp_path)
    with qtbot.waitSignal(server.quickRequested, timeout=3000):
        assert ask_running_instance_to_show(tmp_path, request=QUICK)
