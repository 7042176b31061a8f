"""Work after the first paint: the server check and loading modules in the background."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.preload import FEATURES, FIRST_ANSWER, Preloader, after_first_paint


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Three fresh modules nobody imported yet."""
    names = [f"hearth_preload_probe_{n}" for n in range(3)]
    for name in names:
        (tmp_path / f"{name}.py").write_text("LOADED = True\n", encoding="utf-8")
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    return names


def test_a_callback_waits_for_the_first_paint(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    after_first_paint(widget, lambda: calls.append(1))
    qtbot.wait(20)
    assert calls == []  # not shown: not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)
    widget.update()
    qtbot.wait(20)
    assert calls == [1]  # once


def test_modules_load_after_the_first_paint(qtbot: QtBot, modules: list[str]) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    preload = Preloader(needed=modules[:1], later=modules[1:])
    preload.start_after_paint(widget)
    qtbot.wait(20)
    assert not any(name in sys.modules for name in modules)
    with qtbot.waitSignal(preload.finished, timeout=10_000):
        widget.show()
    assert preload.loaded == modules
    assert all(name in sys.modules for name in modules)


def test_other_features_wait_while_an_answer_streams(qtbot: QtBot, modules: list[str]) -> None:
    preload = Preloader(needed=modules[:1], later=modules[1:])
    preload.set_paused(True)  # an answer is streaming
    preload.start()
    qtbot.waitUntil(lambda: modules[0] in preload.loaded, timeout=10_000)  # needed: loads
    qtbot.wait(50)
    assert preload.loaded == modules[:1]
    with qtbot.waitSignal(preload.finished, timeout=10_000):
        preload.set_paused(False)
    assert preload.loaded == modules
    assert preload.wait(5)


def test_a_missing_module_is_skipped(qtbot: QtBot, modules: list[str]) -> None:
    preload = Preloader(needed=["hearth_no_such_module", modules[0]], later=())
    with qtbot.waitSignal(preload.finished, timeout=10_000):
        preload.start()
    assert preload.loaded == modules[:1]


def test_the_default_lists_name_what_the_answer_and_the_features_need() -> None:
    assert "ollama" in FIRST_ANSWER and "agents.chat.agent" in FIRST_ANSWER
    assert "langchain_ollama" in FEATURES
    assert not any(name.startswith("PySide6") for name in FIRST_ANSWER + FEATURES)


def test_the_window_shows_without_the_features_heavy_libraries(tmp_path: Path) -> None:
    """What the first paint needs is all the window imports: LangChain, the calendar and
    document readers, Chroma and the like come after it (in the background or when used)."""
    import os
    import subprocess

    heavy = ("langchain", "langchain_core", "langsmith", "icalendar", "chromadb", "pypdf", "PIL")
    code = (
        "import atexit, sys\n"
        f"heavy = {heavy!r}\n"
        "atexit.register(lambda: print('LOADED', sorted(m for m in sys.modules"
        " if m.split('.')[0] in heavy)))\n"
        "import runpy, app.preload\n"
        "app.preload.Preloader.start_after_paint = lambda self, shown: None  # no loading\n"
        f"sys.argv = ['hearth', '--smoke-test', '--data-dir', {str(tmp_path)!r}]\n"
        "runpy.run_module('app', run_name='__main__')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OLLAMA_HOST": "http://127.0.0.1:9"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    loaded = next(line for line in done.stdout.splitlines() if line.startswith("LOADED"))
    assert loaded == "LOADED []", done.stderr
