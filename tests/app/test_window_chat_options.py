"""A chat's own temperature and context window: chosen in its options dialog, kept with
the chat, and sent with every request of that chat (and only that chat)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from agents.llm.options import ChatOptions
from agents.settings import Settings
from app.main_window import MainWindow
from app.widgets.chat_options_dialog import ChatOptionsDialog
from tests.app.conftest import WindowFactory, send
from tests.fakes import OllamaDouble


def choose(monkeypatch: pytest.MonkeyPatch, temperature: float | None, num_ctx: int | None) -> None:
    """The options dialog, as if the person chose these and pressed OK."""

    def exec_(dialog: ChatOptionsDialog) -> int:
        dialog.default_temperature.setChecked(temperature is None)
        if temperature is not None:
            dialog.temperature.setValue(temperature)
        dialog.context.setCurrentIndex(dialog.context.findData(num_ctx) if num_ctx else 0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChatOptionsDialog, "exec", exec_)


def answered(qtbot: QtBot, window: MainWindow, text: str) -> None:
    send(window, text)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)


def chat_options(double: OllamaDouble) -> list[dict[str, Any]]:
    """The options of every answer asked for (warm-ups have no messages)."""
    return [r.body["options"] for r in double.requests_to("/api/chat") if r.body["messages"]]


def test_the_chats_options_reach_every_request_of_the_chat_and_no_other(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    answered(qtbot, window, "before any options")
    assert chat_options(ollama_double)[-1]["num_ctx"] == 8192
    assert "temperature" not in chat_options(ollama_double)[-1]
    chat = window.chats.conversation_id
    assert chat is not None

    choose(monkeypatch, 0.3, 16384)
    actions = {a.text(): a for a in window.menus.chat_menu.actions()}
    ollama_double.clear_requests()
    actions["Chat &options…"].trigger()
    stored = window.store.get_conversation(chat)
    assert stored is not None and (stored.temperature, stored.num_ctx) == (0.3, 16384)
    # The model is loaded again at once with the chat's window, not at the next answer.
    qtbot.waitUntil(lambda: ollama_double.loads[-1] == ("llama3.2:latest", 16384), timeout=5000)
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)
    loads = len(ollama_double.loads)

    answered(qtbot, window, "first")
    answered(qtbot, window, "second")
    window.chats.retry()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    question = window.store.active_path(chat)[-2]
    window.chats.edit_message(question.id, "second, edited")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    sent = chat_options(ollama_double)
    assert len(sent) == 4
    assert all(o["num_ctx"] == 16384 and o["temperature"] == 0.3 for o in sent)
    assert len(ollama_double.loads) == loads  # constant within the chat: never reloaded

    # Another chat keeps the settings'.
    window.chats.new_chat()
    ollama_double.clear_requests()
    answered(qtbot, window, "in another chat")
    [other] = chat_options(ollama_double)
    assert other["num_ctx"] == 8192 and "temperature" not in other

    # Back to the default: the chat sends the settings' again.
    window.conversations.select(chat)
    choose(monkeypatch, None, None)
    window.chats.edit_options()
    ollama_double.clear_requests()
    answered(qtbot, window, "defaults again")
    [again] = chat_options(ollama_double)
    assert again["num_ctx"] == 8192 and "temperature" not in again


def test_the_options_survive_a_restart(
    qtbot: QtBot,
    make_window: WindowFactory,
    ollama_double: OllamaDouble,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: first.status.state == "connected", timeout=5000)
    choose(monkeypatch, 1.1, 4096)
    first.chats.edit_options()  # no chat yet: a new one is made for the options
    chat = first.chats.conversation_id
    assert chat is not None
    first.close()
    again = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: again.chats.conversation_id == chat, timeout=5000)
    assert again.chats.current_options() == ChatOptions(1.1, 4096)
    ollama_double.clear_requests()
    answered(qtbot, again, "hello")
    [sent] = chat_options(ollama_double)
    assert sent["num_ctx"] == 4096 and sent["temperature"] == 1.1


def test_the_dialog_offers_sizes_the_model_takes(qtbot: QtBot) -> None:
    settings = Settings(temperature=None, num_ctx=8192)
    dialog = ChatOptionsDialog(ChatOptions(), settings, model_max=32768)
    qtbot.addWidget(dialog)
    sizes = [dialog.context.itemData(i) for i in range(dialog.context.count())]
    assert sizes == [None, 2048, 4096, 8192, 16384, 32768]
    assert dialog.context.itemText(0) == "Default (8192 tokens)"
    assert dialog.default_temperature.isChecked() and not dialog.temperature.isEnabled()
    assert "the model's own" in dialog.default_temperature.text()
    assert dialog.values() == ChatOptions()
    dialog.default_temperature.setChecked(False)
    dialog.temperature.setValue(5.0)  # held within the setting's declared range
    dialog.context.setCurrentIndex(dialog.context.findData(16384))
    assert dialog.values() == ChatOptions(2.0, 16384)
    kept = ChatOptionsDialog(ChatOptions(0.5, 65536), settings, model_max=32768)
    qtbot.addWidget(kept)
    assert kept.values() == ChatOptions(0.5, 65536)  # a size chosen before is kept
