"""The Models dialog against the Ollama double: what is downloaded and in memory, and
removing or unloading a model only once the person agrees."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import plain
from app.main_window import MainWindow
from app.widgets.model_picker import MANAGE_ITEM
from app.widgets.models_dialog import ModelsDialog
from tests.app.conftest import WindowFactory
from tests.fakes import OllamaDouble, RecordedRequest

Answer = QMessageBox.StandardButton


class Asked:
    """Stands in for the confirmation box: records each question, gives one answer."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, _parent: object, title: str, text: str, *_args: object) -> Answer:
        self.questions.append(f"{title}\n{text}")
        return self.answer


@pytest.fixture
def window(make_window: WindowFactory, ollama_double: OllamaDouble, qtbot: QtBot) -> MainWindow:
    """A window that loads no model by itself: the tests decide what is in memory."""
    w = make_window(ollama_double.url, warm_up=False)
    qtbot.waitUntil(lambda: w.status.state == "connected", timeout=5000)
    return w


def unloads(double: OllamaDouble) -> list[RecordedRequest]:
    return [r for r in double.requests_to("/api/chat") if r.body.get("keep_alive") == 0]


def row_of(dialog: ModelsDialog, name: str) -> list[str]:
    for row in range(dialog.table.rowCount()):
        cells = [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]
        if cells[0] == name:
            return cells
    raise AssertionError(f"{name} is not listed")


def opened(qtbot: QtBot, window: MainWindow) -> ModelsDialog:
    """Opens the dialog from the model picker's menu and waits for its list."""
    picker = window.models
    picker.activated.emit(picker.findData(MANAGE_ITEM))
    dialog = window.server.models_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.table.rowCount() > 0, timeout=5000)
    return dialog


def test_models_are_listed_with_what_they_are_and_what_is_in_memory(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.service.warm_up("llama3.2")
    dialog = opened(qtbot, window)
    assert row_of(dialog, "llama3.2:latest") == [
        "llama3.2:latest",
        "1.9 GB",
        "llama",
        "Q4_K_M",
        "chat, tools",
        "1.9 GB",
    ]
    assert row_of(dialog, "nomic-embed-text:latest")[1:] == [
        "262 MB",
        "nomic-bert",
        "F16",
        "embedding",
        "—",
    ]
    memory = dialog.table.item(dialog.table.currentRow(), 5)
    assert "100% on the graphics card" in memory.toolTip()
    assert "context: 8192 tokens" in memory.toolTip()
    assert dialog.selected() == "llama3.2:latest"  # the open chat's model
    assert "in memory" in dialog.status.text()
    assert ollama_double.requests_to("/api/ps")


def test_unload_asks_first_then_frees_the_memory(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.service.warm_up("llama3.2")
    dialog = opened(qtbot, window)
    assert dialog.unload_button.isEnabled()
    refused = Asked(Answer.Cancel)
    monkeypatch.setattr(plain, "ask", refused)
    dialog.unload_button.click()
    assert len(refused.questions) == 1 and "Unload llama3.2:latest?" in refused.questions[0]
    assert not dialog.busy and unloads(ollama_double) == []
    assert [m.model for m in window.service.client.ps().models] == ["llama3.2:latest"]

    agreed = Asked(Answer.Yes)
    monkeypatch.setattr(plain, "ask", agreed)
    dialog.unload_button.click()
    assert dialog.busy  # the request goes off the GUI thread
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    [unload] = unloads(ollama_double)
    assert unload.body["model"] == "llama3.2:latest" and unload.body["messages"] == []
    assert window.service.client.ps().models == []
    assert row_of(dialog, "llama3.2:latest")[5] == "—"
    assert not dialog.unload_button.isEnabled()
    assert ollama_double.requests_to("/api/delete") == []


def test_remove_asks_first_then_deletes_and_the_window_forgets_the_model(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = opened(qtbot, window)
    dialog.select("llama3.2:1b")
    refused = Asked(Answer.Cancel)
    monkeypatch.setattr(plain, "ask", refused)
    dialog.remove_button.click()
    assert "Remove llama3.2:1b?" in refused.questions[0]
    assert "1.2 GB" in refused.questions[0]
    assert ollama_double.requests_to("/api/delete") == []

    monkeypatch.setattr(plain, "ask", Asked(Answer.Yes))
    with qtbot.waitSignal(dialog.modelsChanged, timeout=5000):
        dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    [delete] = ollama_double.requests_to("/api/delete")
    assert delete.method == "DELETE" and delete.body == {"model": "llama3.2:1b"}
    assert ollama_double.model("llama3.2:1b") is None
    assert "llama3.2:1b" not in [
        dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())
    ]
    # The window lists its models again: the picker no longer offers it.
    qtbot.waitUntil(lambda: window.models.findData("llama3.2:1b") < 0, timeout=5000)


def test_a_failed_removal_is_told_in_the_dialog(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = opened(qtbot, window)
    dialog.select("llama3.2:1b")
    ollama_double.remove_model("llama3.2:1b")  # gone behind Hearth's back
    monkeypatch.setattr(plain, "ask", Asked(Answer.Yes))
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert "llama3.2:1b" in dialog.status.text()
    assert dialog.remove_button.isEnabled()


def test_the_file_menu_opens_the_same_dialog(qtbot: QtBot, window: MainWindow) -> None:
    actions = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
    actions["&Models…"].trigger()
    first = window.server.models_dialog
    assert first is not None
    actions["&Models…"].trigger()
    assert window.server.models_dialog is first
    qtbot.waitUntil(lambda: not first.busy, timeout=5000)
    first.close()
    qtbot.waitUntil(lambda: window.server.models_dialog is None, timeout=5000)
