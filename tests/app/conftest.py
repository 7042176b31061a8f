"""Fixtures for the Qt layer: offscreen Qt, a temporary data folder, the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from agents.attachments import Attachment
from agents.llm import OllamaService
from agents.settings import Settings
from agents.storage import ChatStore
from agents.turns.request import TurnRequest
from app.main_window import MainWindow
from app.services.ollama_monitor import OllamaMonitor
from tests.fakes import OllamaDouble


@pytest.fixture
def data_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, also set as HEARTH_DATA_DIR."""
    root = tmp_path / "data"
    root.mkdir()
    monkeypatch.setenv("HEARTH_DATA_DIR", str(root))
    return root


WindowFactory = Callable[..., MainWindow]


def send(window: MainWindow, text: str, attachments: Sequence[Attachment] = ()) -> None:
    """Sends a message in the window as the composer does, in the mode its switches say."""
    request = TurnRequest.ask(text, window.composer.mode(), attachments=attachments)
    window.chats.send(request)


@pytest.fixture
def make_window(qtbot: QtBot, data_root: Path) -> Iterator[WindowFactory]:
    """Builds main windows on a data folder, talking to a given server URL."""
    stores: list[ChatStore] = []

    def build(url: str, root: Path | None = None, **settings: object) -> MainWindow:
        store = ChatStore.in_data_dir(root or data_root)
        stores.append(store)
        service = OllamaService(Settings(ollama_host=url, **settings))  # type: ignore[arg-type]
        monitor = OllamaMonitor(service, retry_ms=100, max_retry_ms=200)
        window = MainWindow(store, service, data_dir=root or data_root, monitor=monitor)
        monitor.setParent(window)
        qtbot.addWidget(window)
        window.show()
        return window

    yield build
    for store in stores:
        store.close()


@pytest.fixture
def window(make_window: WindowFactory, ollama_double: OllamaDouble, qtbot: QtBot) -> MainWindow:
    """A window connected to the double, with its first check done."""
    w = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: w.status.state == "connected", timeout=5000)
    return w


@pytest.fixture
def restore_look() -> Iterator[None]:
    """Puts back the application's style sheet, palette, font and colour-scheme request
    after a test that applies an appearance (the application outlives the test)."""
    from PySide6.QtGui import QFont, QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet, palette, font = app.styleSheet(), QPalette(app.palette()), QFont(app.font())
    yield
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)
    QGuiApplication.styleHints().unsetColorScheme()
