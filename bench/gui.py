"""Helpers for benchmarks that run Hearth's window in this process (offscreen)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow


def application() -> QApplication:
    """The QApplication (made once)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    return app


def spin(done: Callable[[], bool], timeout: float = 120.0) -> None:
    """Runs the event loop until ``done()`` says so (checked every 10 ms).

    Raises:
        TimeoutError: It didn't happen in ``timeout`` seconds.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start(10)
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the benchmark's condition never came")
        loop.exec()
    check.stop()


def pause(seconds: float) -> None:
    """Runs the event loop for ``seconds``."""
    end = time.monotonic() + seconds
    spin(lambda: time.monotonic() >= end, seconds + 60)


def open_window(url: str, data_dir: Path, **settings: Any) -> MainWindow:
    """Hearth's window on a data folder, talking to ``url``, shown, its server found, and
    settled as a window open for a while is: what app.gui does after the first paint
    (the heap frozen, the background loading) is done."""
    from agents.llm import OllamaService
    from agents.settings import Settings
    from agents.storage import ChatStore
    from app import heap
    from app.main_window import MainWindow
    from app.preload import Preloader

    application()
    store = ChatStore.in_data_dir(data_dir)
    service = OllamaService(Settings(ollama_host=url, **settings))
    window = MainWindow(store, service, data_dir=data_dir)
    window.resize(1180, 780)
    heap.settle()
    preload = Preloader(parent=window)
    preload.start_after_paint(window)
    window.show()
    spin(lambda: window.status.state == "connected", 60)
    spin(lambda: preload.wait(0.01), 120)
    return window


def close_window(window: MainWindow) -> None:
    """Closes the window and its store."""
    store = window.store
    window.close()
    window.deleteLater()
    application().processEvents()
    store.close()
