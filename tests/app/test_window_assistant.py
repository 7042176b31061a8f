"""Mail & calendar mode in the chat window: tool calls wait for the person's approval."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.main_window import MainWindow
from app.widgets.approval_dialog import ApprovalDialog
from tests.app.conftest import send
from tests.fakes import OllamaDouble, Reply


def open_dialogs() -> list[ApprovalDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ApprovalDialog) and w.isVisible()
    ]


def script_event(double: OllamaDouble, title: str) -> str:
    start = (datetime.now() + timedelta(days=2)).replace(hour=15, minute=0, second=0)
    double.script(
        "llama3.2",
        Reply(
            tool_calls=[
                {
                    "name": "create_event",
                    "arguments": {"title": title, "start": start.strftime("%Y-%m-%dT%H:%M")},
                }
            ]
        ),
        Reply(text="Done."),
    )
    return title


def events(window: MainWindow) -> list[str]:
    now = datetime.now().astimezone()
    found = window.mail_calendar.calendar().list_events(now, now + timedelta(days=30))
    return [e.summary for e in found]


def test_event_is_created_only_after_approval(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.mail_calendar.switch.setChecked(True)
    script_event(ollama_double, "Follow-up with Anna")
    send(window, "Set up a follow-up with Anna on Thursday at 3")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=10000)
    assert events(window) == []  # nothing happens while the question is open
    (dialog,) = open_dialogs()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    assert events(window) == ["Follow-up with Anna"]
    messages = window.store.messages(window.chats.conversation_id or "")
    assert messages[-1].status == "complete"
    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.model == "llama3.2:latest" and request.body.get("tools")
    assert [e.outcome for e in window.mail_calendar.audit.entries()] == ["done"]
    # The Calendar tab is filled when first shown, with the event and the audit entry.
    assert window.mail_calendar.calendar_panel is None
    window.views.show_view(window.mail_calendar.calendar_tab)
    assert (
        window.mail_calendar.calendar_panel is not None
        and window.mail_calendar.audit_view is not None
    )


def test_denied_and_stopped_turns_change_nothing(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.mail_calendar.switch.setChecked(True)
    script_event(ollama_double, "Denied meeting")
    send(window, "Book it")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=10000)
    qtbot.mouseClick(open_dialogs()[0].deny_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    script_event(ollama_double, "Stopped meeting")
    send(window, "Book another")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=10000)
    window.session.stop()  # Esc while the question is open: withdrawn, denied
    qtbot.waitUntil(lambda: open_dialogs() == [], timeout=5000)
    assert events(window) == []
    assert all(e.outcome != "done" for e in window.mail_calendar.audit.entries())
    # The plain chat never gets tools.
    window.mail_calendar.switch.setChecked(False)
    send(window, "hello")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    assert not ollama_double.requests_to("/api/chat")[-1].body.get("tools")


def test_poster_to_calendar_is_two_steps(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    from agents.images.intake import prepare_image

    poster = tmp_path / "poster.png"
    Image.new("RGB", (600, 800), (250, 240, 200)).save(poster)
    prepared = prepare_image(poster)
    window.image_store.put(prepared.data)
    window.mail_calendar.switch.setChecked(True)
    ollama_double.script("llama3.2-vision", Reply(text="Poster: Jazz night, 5 December, 19:00."))
    script_event(ollama_double, "Jazz night")
    send(window, "Add the date on this poster to my calendar", [prepared.attachment()])
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=10000)
    qtbot.mouseClick(open_dialogs()[0].approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    assert events(window) == ["Jazz night"]
    chats = ollama_double.requests_to("/api/chat")
    vision = [r for r in chats if r.model == "llama3.2-vision:latest"]
    text = [r for r in chats if r.model == "llama3.2:latest" and r.body.get("tools")]
    assert vision and not vision[-1].body.get("tools")  # the vision model never gets tools
    assert vision[-1].body["messages"][-1]["images"]
    assert text and all("images" not in m for r in text for m in r.body["messages"])
    assert "Jazz night, 5 December" in str(text[0].body["messages"])  # what it read, as data
