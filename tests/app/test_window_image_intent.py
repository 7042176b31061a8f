"""Intent from plain words in the window: a message typed with an image attached is routed by
the text model's tool choice, and the view that fits appears (the box drawn, a table, an
answer)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from agents.attachments import ImageRef
from agents.images.intake import prepare_image
from app.main_window import MainWindow
from bench.image_intent import PHRASES
from tests.agents.images.scripted_intent import PLAIN_ANSWER, script_intent
from tests.fakes import OllamaDouble


def test_each_labelled_phrase_shows_the_view_its_route_gives(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, tmp_path: Path
) -> None:
    script_intent(ollama_double)
    picture = tmp_path / "picture.png"
    Image.new("RGB", (800, 600), (30, 140, 40)).save(picture)
    prepared = prepare_image(picture)
    window.image_store.put(prepared.data)
    for phrase in PHRASES:
        window.chats.new_chat()
        window.images.strip.add(prepared)
        window.composer.edit.setPlainText(phrase.text)
        window.composer.submit()
        qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)

        question, answer = window.store.messages(window.chats.conversation_id or "")
        assert question.content == phrase.text and answer.status == "complete", phrase
        view = window.chat.view(answer.id)
        assert view is not None
        shown = "".join(label.text() for label in view.findChildren(QLabel))
        if phrase.route == "find":
            assert answer.content.startswith("Found"), phrase
            (boxed,) = answer.attachments
            assert isinstance(boxed, ImageRef)
            extra = view.extra
            assert extra is not None  # the image with the box drawn
            qtbot.waitUntil(extra.isVisible, timeout=5000)
        elif phrase.route == "chart":
            assert "| Feb | 90 |" in answer.content, phrase
            assert "<table" in shown  # shown as a table
        else:
            assert answer.content == PLAIN_ANSWER, phrase
            assert view.extra is None and "<table" not in shown
    choices = [r for r in ollama_double.requests_to("/api/chat") if r.body.get("tools")]
    assert len(choices) == len(PHRASES)  # one choice per message, by the text model
    assert {r.model for r in choices} == {"llama3.2:latest"}
