"""Images in the chat window: drop, send to the vision model, keep after a restart."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QUrl
from pytestqt.qtbot import QtBot

from agents.attachments import ImageRef
from app.main_window import MainWindow
from tests.app.conftest import WindowFactory
from tests.app.images.test_images_qt import drop
from tests.fakes import OllamaDouble, Reply


def test_dropped_photo_goes_to_the_vision_model_and_stays(
    qtbot: QtBot,
    window: MainWindow,
    make_window: WindowFactory,
    ollama_double: OllamaDouble,
    tmp_path: Path,
    data_root: Path,
) -> None:
    photo = tmp_path / "holiday.jpg"
    Image.new("RGB", (3000, 2000), (200, 120, 40)).save(photo, "JPEG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop(window.composer.edit, mime)
    qtbot.waitUntil(lambda: len(window.images.strip.images()) == 1, timeout=10000)
    ollama_double.script("llama3.2-vision", Reply(text="An orange rectangle."))
    window.composer.edit.setPlainText("What is in this photo?")
    window.composer.submit()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    assert window.images.strip.images() == []

    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.model == "llama3.2-vision:latest"
    sent = base64.b64decode(request.body["messages"][-1]["images"][0], validate=True)
    assert max(Image.open(io.BytesIO(sent)).size) == 1120
    text_requests = [
        r for r in ollama_double.requests_to("/api/chat") if r.model != "llama3.2-vision:latest"
    ]
    assert all("images" not in m for r in text_requests for m in r.body["messages"])

    question, answer = window.store.messages(window.chats.conversation_id or "")
    assert question.attachments[0].kind == "image"
    answer_view = window.chat.view(answer.id)
    assert answer_view is not None and "llama3.2-vision" in answer_view.header.text()
    view = window.chat.view(question.id)
    assert view is not None and view.extra is not None and view.extra.isVisible()

    window.close()
    window.store.close()
    again = make_window(ollama_double.url, root=data_root)
    restored = again.chat.view(question.id)
    assert restored is not None and restored.extra is not None
    assert len(restored.extra.thumbnails) == 1  # type: ignore[attr-defined]
    assert not restored.extra.thumbnails[0].missing  # type: ignore[attr-defined]


def test_find_in_image_answers_with_the_box_drawn(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, tmp_path: Path
) -> None:
    import json

    from agents.images.intake import prepare_image

    picture = tmp_path / "garden.png"
    Image.new("RGB", (800, 600), (30, 140, 40)).save(picture)
    window.images.strip.add(prepare_image(picture))
    window.image_store.put(window.images.strip.images()[0].data)
    assert window.images.find_button.isEnabled()
    reply = {"found": True, "label": "cat", "box": [0.25, 0.25, 0.5, 0.5]}
    ollama_double.script("llama3.2-vision", Reply(text=json.dumps(reply)))
    window.images.find_in_image("the cat")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    question, answer = window.store.messages(window.chats.conversation_id or "")
    assert question.content == "Find: the cat"
    assert {a.kind for a in question.attachments} == {"image", "task"}
    assert answer.status == "complete" and answer.content.startswith("Found cat")
    (boxed,) = answer.attachments
    assert isinstance(boxed, ImageRef)
    marked = Image.open(io.BytesIO(window.image_store.get(boxed.sha256))).convert("RGB")
    assert marked.getpixel((200, 300)) == (255, 40, 40)  # the box's left edge
    assert marked.getpixel((100, 100)) == (30, 140, 40)  # untouched outside it
    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.model == "llama3.2-vision:latest" and request.body.get("format")
    view = window.chat.view(answer.id)
    assert view is not None and view.extra is not None and view.extra.isVisible()


def test_chart_to_table_answers_with_a_table(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, tmp_path: Path
) -> None:
    import json

    from agents.images.intake import prepare_image
    from tests.agents.images.pictures import bar_chart
    from tests.agents.images.scripted_intent import CHART

    chart = tmp_path / "sales.png"
    chart.write_bytes(bar_chart([40, 90, 25]))
    window.images.strip.add(prepare_image(chart))
    window.image_store.put(window.images.strip.images()[0].data)
    ollama_double.script("llama3.2-vision", Reply(text=json.dumps(CHART)))
    window.images.chart_to_table()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    answer = window.store.messages(window.chats.conversation_id or "")[-1]
    assert answer.status == "complete", answer.error
    assert "| Feb | 90 |" in answer.content
    assert "Month,Units" in answer.content
