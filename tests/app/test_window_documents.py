"""Documents in the chat window: summarize a dropped file, ask with cited sources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from pytestqt.qtbot import QtBot

from agents.attachments import Citation, SummaryRequest
from app.main_window import MainWindow
from app.widgets.documents_drop import DropChoice
from app.widgets.message_sources import MessageSources
from tests.app.conftest import send
from tests.fakes import OllamaDouble, Reply

NOTES = """# Garden notes

## Tomatoes
The tomatoes were planted on the fourteenth of May in the south bed.
They need watering every second evening.

## Apples
The apple tree was pruned in February by Marta.
"""


def test_dropped_document_summary_and_cited_answer(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, tmp_path: Path
) -> None:
    doc = tmp_path / "garden.md"
    doc.write_text(NOTES, encoding="utf-8")

    # Dropping a document on the chat is recognised (images are left to the image intake).
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    assert window.documents is not None

    ollama_double.script("llama3.2", Reply(text="Summary: tomatoes and apples."))
    window.documents.dropped([doc], DropChoice.SUMMARIZE)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=20000)
    messages = window.store.messages(window.chats.conversation_id or "")
    assert isinstance(messages[0].attachments[0], SummaryRequest)
    assert messages[-1].status == "complete"
    assert "tomatoes" in messages[-1].content
    summary_request = ollama_double.requests_to("/api/chat")[-1]
    assert "fourteenth of May" in str(summary_request.body["messages"])

    window.documents.dropped([doc], DropChoice.ASK)
    assert window.documents.switch.isChecked()
    qtbot.waitUntil(
        lambda: any(f.path.endswith("garden.md") for f in window.documents.service.client.files()),
        timeout=60000,
    )
    qtbot.waitUntil(lambda: not window.documents.service.indexing, timeout=60000)
    ollama_double.script("llama3.2", Reply(text="They were planted on the fourteenth of May [1]."))
    send(window, "When were the tomatoes planted?")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=30000)
    answer = window.store.messages(window.chats.conversation_id or "")[-1]
    assert answer.status == "complete", answer.error
    assert answer.content.endswith("[1].")
    citations = [a for a in answer.attachments if isinstance(a, Citation)]
    assert citations and citations[0].path.endswith("garden.md")
    view = window.chat.view(answer.id)
    assert view is not None and isinstance(view.extra, MessageSources)
    assert "garden.md" in view.extra.text()
    # The question went to the model with the passage as quoted data.
    asked = ollama_double.requests_to("/api/chat")[-1]
    assert "fourteenth of May" in str(asked.body["messages"])
