"""Thinking models in the window: the reasoning streams into a collapsed block above the
answer, is kept with it, and never goes back to the model; a setting turns it off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from agents.attachments import Reasoning, reasoning_in
from agents.storage import StoredMessage
from app.main_window import MainWindow
from tests.app.conftest import WindowFactory, send
from tests.fakes import KNOWN_MODELS, OllamaDouble, Reply

THOUGHT = "The person asks for two plus two. <b>Adding</b> them gives four."
ANSWER = "Two plus two is **4**."


def thinking_window(
    make_window: WindowFactory, double: OllamaDouble, qtbot: QtBot, **settings: object
) -> MainWindow:
    """A window whose chat model is qwen3, a thinking model."""
    double.add_model(KNOWN_MODELS["qwen3:latest"])
    window = make_window(double.url, chat_model="qwen3", **settings)
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)
    return window


def answer_of(window: MainWindow) -> StoredMessage:
    assert window.chats.conversation_id
    return window.store.messages(window.chats.conversation_id)[-1]


def ask(qtbot: QtBot, window: MainWindow, text: str) -> StoredMessage:
    send(window, text)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    return answer_of(window)


def test_reasoning_shows_collapsed_above_the_answer_and_is_never_sent_back(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("qwen3", Reply(text=ANSWER, thinking=THOUGHT, token_delay=0.01))
    window = thinking_window(make_window, ollama_double, qtbot)
    answer = ask(qtbot, window, "What is 2+2?")
    [request] = ollama_double.requests_to("/api/chat")[-1:]
    assert request.body["think"] is True  # asked for: the model has the capability

    # Saved: the answer's text without the reasoning, the reasoning beside it.
    assert answer.status == "complete"
    assert answer.content == ANSWER
    assert reasoning_in(answer.attachments) == THOUGHT
    # Shown: a collapsed "Reasoning" block above the answer, its text as written.
    view = window.chat.view(answer.id)
    assert view is not None and view.reasoning is not None
    block = view.reasoning
    assert block.isVisible() and not block.expanded and not block.body.isVisible()
    assert block.toggle.text() == "Reasoning"
    assert block.text == THOUGHT and block.body.textFormat() == Qt.TextFormat.PlainText
    assert block.y() < view.body.y()
    assert THOUGHT not in view.text
    # Reachable from the keyboard: Tab stops on it, Space opens and closes it.
    assert block.toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    block.toggle.setFocus()
    QTest.keyClick(block.toggle, Qt.Key.Key_Space)
    assert block.expanded and block.body.isVisible()
    QTest.keyClick(block.toggle, Qt.Key.Key_Space)
    assert not block.expanded and not block.body.isVisible()

    # The next turn sends the answer back as history, never the reasoning.
    ollama_double.script("qwen3", Reply(text="Five.", thinking="Add one more."))
    ask(qtbot, window, "And plus one?")
    history = ollama_double.requests_to("/api/chat")[-1].body["messages"]
    assert [m["role"] for m in history] == ["system", "user", "assistant", "user"]
    assert history[2]["content"] == ANSWER
    assert all("thinking" not in m for m in history)
    assert all("Adding" not in m["content"] for m in history)


def test_reasoning_streams_in_and_survives_a_restart(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    thought = " ".join(f"step{i}" for i in range(40))
    ollama_double.script("qwen3", Reply(text=ANSWER, thinking=thought, token_delay=0.02))
    window = thinking_window(make_window, ollama_double, qtbot)
    send(window, "Think hard")

    def streaming_block() -> bool:
        answer = window.session.active_message_id
        view = window.chat.view(answer) if answer is not None else None
        return bool(view and view.reasoning and "step3" in view.reasoning.text)

    # The reasoning shows while the model is still thinking, before any answer.
    qtbot.waitUntil(streaming_block, timeout=5000)
    assert window.session.busy
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    answer = answer_of(window)
    assert reasoning_in(answer.attachments) == thought

    again = make_window(ollama_double.url, chat_model="qwen3")
    qtbot.waitUntil(lambda: again.chats.conversation_id == window.chats.conversation_id)
    view = again.chat.view(answer.id)
    assert view is not None and view.reasoning is not None
    assert view.reasoning.text == thought and not view.reasoning.expanded


def test_reasoning_off_asks_the_model_not_to_think_and_shows_nothing(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("qwen3", Reply(text=ANSWER, thinking=THOUGHT))
    window = thinking_window(make_window, ollama_double, qtbot, reasoning=False)
    answer = ask(qtbot, window, "What is 2+2?")
    assert ollama_double.requests_to("/api/chat")[-1].body["think"] is False
    assert answer.content == ANSWER
    assert not any(isinstance(a, Reasoning) for a in answer.attachments)
    view = window.chat.view(answer.id)
    assert view is not None and view.reasoning is None


def test_models_without_thinking_are_not_sent_think(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    """llama3.2 would refuse ``think``: it is left out of its requests."""
    answer = ask(qtbot, window, "hello")
    assert answer.status == "complete"
    assert "think" not in ollama_double.requests_to("/api/chat")[-1].body
    view = window.chat.view(answer.id)
    assert view is not None and view.reasoning is None
