"""Mail & calendar mode in the chat window: tool calls wait for the person's approval."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.main_window import MainWindow
from app.widgets.approval_dialog import ApprovalDialog
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
    found = window.assistant.calendar().list_events(now, now + timedelta(days=30))
    return [e.summary for e in found]


def test_event_is_created_only_after_approval(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.tools_switch.setChecked(True)
    script_event(ollama_double, "Follow-up with Anna")
    window.send("Set up a follow-up with Anna on Thursday at 3")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=10000)
    assert events(window) == []  # nothing happens while the question is open
    (dialog,) = open_dialogs()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    assert events(window) == ["Follow-up with Anna"]
    messages = window.store.messages(window.conversation_id or "")
    assert messages[-1].status == "complete"
    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.model == "llama3.2:latest" and request.body.get("tools")
    assert [e.outcome for e in window.assistant.audit.entries()] == ["done"]
    # The Calendar tab is filled when first shown, with the event and the audit entry.
    assert window.calendar_panel is None
    window.sidebar.setCurrentWidget(window.calendar_tab)
    assert window.calendar_panel is not None and window.audit_view is not None


def test_denied_and_stopped_turns_change_nothing(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.tools_switch.setChecked(True)
    script_event(ollama_double, "Denied meeting")
    window.send("Book it")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=10000)
    qtbot.mouseClick(open_dialogs()[0].deny_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    script_event(ollama_double, "Stopped meeting")
    window.send("Book another")
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=10000)
    window.session.stop()  # Esc while the question is open: withdrawn, denied
    qtbot.waitUntil(lambda: open_dialogs() == [], timeout=5000)
    assert events(window) == []
    assert all(e.outcome != "done" for e in window.assistant.audit.entries())
    # The plain chat never gets tools.
    window.tools_switch.setChecked(False)
    window.send("hello")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    assert not ollama_double.requests_to("/api/chat")[-1].body.get("tools")
