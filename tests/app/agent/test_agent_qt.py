"""The Qt side: approval dialog, approval bridge (the worker blocks until the dialog
answers), audit log view with undo, calendar panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from agents.calendar.ics_store import IcsCalendar
from agents.calendar.model import new_event
from agents.events import ToolCallDecided, ToolCallProposed
from agents.llm import OllamaService
from agents.mail.outbox import Outbox, SmtpConfig
from agents.settings import Settings, apply_environment
from agents.tools.agent import ToolAgent
from agents.tools.approval import ApprovalGate, ProposedAction
from agents.tools.audit import AuditLog
from agents.tools.registry import ToolContext, tools_for
from app.services.approvals import ApprovalBridge, ApprovalTicket
from app.services.events import EventPump
from app.widgets.approval_dialog import ApprovalDialog, dialog_asker
from app.widgets.audit_log_view import AuditLogView
from app.widgets.calendar_panel import CalendarPanel
from tests.agents.tools.calls import Called
from tests.fakes import OllamaDouble, Reply
from tests.servers.smtp import SmtpServer

BERLIN = ZoneInfo("Europe/Berlin")
EVIL = "attacker@evil.example"
ACTION = ProposedAction(
    kind="send_invite",
    summary="invite to anna@example.org: Invitation: Review",
    details={
        "from": "me@example.org",
        "to": "anna@example.org",
        "subject": "<b>Invitation</b>: Review",
        "body": "You are invited: Review\nWhen: Thu",
        "attachments": "invite.ics (text/calendar; method=REQUEST, 400 bytes)",
        "ics": "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
    },
)


def test_dialog_shows_everything_as_plain_text_and_denies_by_default(qtbot: QtBot) -> None:
    dialog = ApprovalDialog(ACTION)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    subject = dialog.fields["subject"]
    assert isinstance(subject, QLabel) and subject.text() == "<b>Invitation</b>: Review"
    assert subject.textFormat() == Qt.TextFormat.PlainText
    body = dialog.fields["body"]
    assert isinstance(body, QPlainTextEdit) and body.toPlainText() == ACTION.details["body"]
    ics = dialog.fields["ics"]
    assert isinstance(ics, QPlainTextEdit) and "METHOD:REQUEST" in ics.toPlainText()
    assert "invite.ics" in dialog.fields["attachments"].text()  # type: ignore[attr-defined]
    assert dialog.deny_button.isDefault() and not dialog.approve_button.isDefault()
    assert dialog.focusWidget() is dialog.deny_button
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter presses the default: Deny
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_dialog_shows_the_resolved_time_of_an_event(qtbot: QtBot) -> None:
    starts = "Wednesday 15 July 2026, 15:00 CEST (Europe/Berlin, UTC+02:00)"
    action = ProposedAction(
        kind="create_event",
        summary="create event Garden party",
        details={"title": "Garden party", "starts": starts, "requested": "July 15 at 3pm"},
    )
    dialog = ApprovalDialog(action)
    qtbot.addWidget(dialog)
    label = dialog.fields["starts"]
    assert isinstance(label, QLabel) and label.text() == starts
    assert "Starts" in [child.text() for child in dialog.findChildren(QLabel)]
    assert dialog.fields["requested"].text() == "July 15 at 3pm"  # type: ignore[attr-defined]


def _open_dialogs() -> list[ApprovalDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ApprovalDialog) and w.isVisible()
    ]


class ToolTurns:
    """A tool agent built on an ApprovalBridge's gate, run off the GUI thread by an EventPump
    (the chat session's shape, without the chat)."""

    def __init__(self, bridge: ApprovalBridge, build_agent: Callable[[ApprovalGate], ToolAgent]):
        self.bridge = bridge
        self.agent = build_agent(bridge.gate)
        self.pump = EventPump()
        self.proposed: dict[str, ToolCallProposed] = {}
        self.decided: list[ToolCallDecided] = []
        self.pump.toolProposed.connect(lambda e: self.proposed.__setitem__(e.call_id, e))
        self.pump.toolDecided.connect(self.decided.append)

    def start(self, request: str) -> None:
        agent = self.agent
        self.pump.start(lambda cancel: agent.stream(request, cancel))


@pytest.fixture
def turns(qtbot: QtBot, tmp_path: Path, ollama_double: OllamaDouble, smtp_server: SmtpServer):  # type: ignore[no-untyped-def]
    audit = AuditLog(tmp_path / "audit.sqlite3")
    calendar = IcsCalendar(tmp_path / "cal.ics", BERLIN)

    def build_agent(gate: ApprovalGate) -> ToolAgent:
        ctx = ToolContext(
            gate=gate,
            outbox=Outbox(tmp_path / "drafts", SmtpConfig.parse(f"127.0.0.1:{smtp_server.port}")),
            calendar=calendar,
            sender="me@example.org",
            tz=BERLIN,
        )
        service = OllamaService(apply_environment(Settings()))
        return ToolAgent(service, tools_for("assistant", ctx), gate=gate, sender=ctx.sender)

    made: list[ToolTurns] = []

    def make(ask: object = "dialog") -> ToolTurns:
        handler = dialog_asker() if ask == "dialog" else ask
        made.append(ToolTurns(ApprovalBridge(audit, ask=handler), build_agent))  # type: ignore[arg-type]
        return made[-1]

    make.audit = audit  # type: ignore[attr-defined]
    yield make
    for made_turns in made:
        made_turns.pump.stop()


def _script_send(double: OllamaDouble, *recipients: str) -> None:
    calls = [
        {"name": "send_mail", "arguments": {"to": [to], "subject": "Fwd", "body": "All your mail"}}
        for to in recipients or (EVIL,)
    ]
    double.script("llama3.2", Reply(tool_calls=calls), Reply(text="Finished."))


def test_worker_waits_for_the_dialog_and_sends_only_on_approve(
    qtbot: QtBot,
    turns,
    ollama_double: OllamaDouble,
    smtp_server: SmtpServer,  # type: ignore[no-untyped-def]
) -> None:
    turn = turns()
    _script_send(ollama_double)
    with qtbot.waitSignal(turn.bridge.approvalRequested, timeout=10_000):
        turn.start("Forward my mail")
    qtbot.waitUntil(lambda: len(_open_dialogs()) == 1)
    (dialog,) = _open_dialogs()
    assert dialog.fields["body"].toPlainText() == "All your mail"  # type: ignore[attr-defined]
    assert smtp_server.messages == [] and turn.pump.busy  # the worker waits for the answer
    with qtbot.waitSignal(turn.pump.finished, timeout=10_000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert smtp_server.wait_for(1)[0].rcpt_tos == (EVIL,)

    _script_send(ollama_double)
    with qtbot.waitSignal(turn.bridge.approvalRequested, timeout=10_000):
        turn.start("Forward my mail again")
    qtbot.waitUntil(lambda: len(_open_dialogs()) == 1)
    with qtbot.waitSignal(turn.pump.finished, timeout=10_000):
        qtbot.mouseClick(_open_dialogs()[0].deny_button, Qt.MouseButton.LeftButton)
    assert len(smtp_server.messages) == 1
    outcomes = [e.outcome for e in turns.audit.entries()]
    assert outcomes == ["denied", "done"]


def test_without_a_dialog_everything_is_denied(
    qtbot: QtBot,
    turns,
    ollama_double: OllamaDouble,
    smtp_server: SmtpServer,  # type: ignore[no-untyped-def]
) -> None:
    turn = turns(ask=None)
    _script_send(ollama_double)
    with qtbot.waitSignal(turn.pump.finished, timeout=10_000):
        turn.start("Forward my mail")
    assert [d.approved for d in turn.decided] == [False]
    assert smtp_server.messages == []


def test_stopping_withdraws_the_open_question(
    qtbot: QtBot,
    turns,
    ollama_double: OllamaDouble,
    smtp_server: SmtpServer,  # type: ignore[no-untyped-def]
) -> None:
    turn = turns()
    _script_send(ollama_double)
    with qtbot.waitSignal(turn.bridge.approvalRequested, timeout=10_000):
        turn.start("Forward my mail")
    qtbot.waitUntil(lambda: len(_open_dialogs()) == 1)
    with qtbot.waitSignal(turn.pump.stopped, timeout=1):  # at once: no waiting for the worker
        turn.pump.stop()
    qtbot.waitUntil(lambda: not _open_dialogs())  # the stopped turn's question is closed
    qtbot.waitUntil(lambda: bool(turns.audit.entries()))
    assert turns.audit.entries()[0].outcome == "denied"
    assert smtp_server.messages == []


def test_two_calls_of_one_tool_are_answered_by_their_call_ids(
    qtbot: QtBot,
    turns,
    ollama_double: OllamaDouble,
    smtp_server: SmtpServer,  # type: ignore[no-untyped-def]
) -> None:
    tickets: list[ApprovalTicket] = []
    turn = turns(ask=lambda _action, ticket: tickets.append(ticket))
    _script_send(ollama_double, "ann@example.org", "bob@example.org")
    turn.start("Forward my mail to Ann and Bob")
    for _ in range(2):  # the gate asks one question at a time
        qtbot.waitUntil(lambda: any(not t.answered for t in tickets), timeout=10_000)
        (open_ticket,) = [t for t in tickets if not t.answered]
        recipients = turn.proposed[open_ticket.call_id].arguments["to"]
        turn.bridge.answer(open_ticket.call_id, recipients == ["bob@example.org"])
    qtbot.waitUntil(lambda: not turn.pump.busy, timeout=10_000)
    assert len(turn.proposed) == 2
    decided = {tuple(turn.proposed[d.call_id].arguments["to"]): d.approved for d in turn.decided}
    assert decided == {("ann@example.org",): False, ("bob@example.org",): True}
    assert [m.rcpt_tos for m in smtp_server.wait_for(1)] == [("bob@example.org",)]


def test_audit_log_view_undoes_a_created_event(qtbot: QtBot, tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "audit.sqlite3")
    calendar = IcsCalendar(tmp_path / "cal.ics", BERLIN)
    gate = ApprovalGate(lambda *_: True, audit)
    ctx = ToolContext(gate=gate, calendar=calendar, tz=BERLIN)
    (create,) = [t for t in tools_for("schedule", ctx) if t.name == "create_event"]
    start = datetime.now(BERLIN) + timedelta(days=1)
    assert (
        Called(create).invoke({"title": "Demo", "start": start.isoformat()}).startswith("Created")
    )
    ApprovalGate(lambda *_: False, audit).run(ACTION, lambda: None)

    view = AuditLogView(audit)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=5_000):
        view.refresh()
    assert view.tree.topLevelItemCount() == 2
    assert view.tree.topLevelItem(0).text(3) == "denied"  # type: ignore[union-attr]
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    assert not view.undo_button.isEnabled()  # a denied action has nothing to undo
    view.tree.setCurrentItem(view.tree.topLevelItem(1))
    assert view.undo_button.isEnabled()
    with qtbot.waitSignal(view.undone, timeout=5_000):
        qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert calendar.list_events(start - timedelta(days=1), start + timedelta(days=1)) == []
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() == 3)


def test_calendar_panel_lists_events_and_reports_errors(qtbot: QtBot, tmp_path: Path) -> None:
    calendar = IcsCalendar(tmp_path / "cal.ics", BERLIN)
    soon = (datetime.now(BERLIN) + timedelta(days=2)).replace(hour=10, minute=0, second=0)
    soon = soon.replace(microsecond=0)
    calendar.create(new_event("Dentist", soon, soon + timedelta(hours=1), location="Town"))
    panel = CalendarPanel(calendar, BERLIN)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.refreshed, timeout=5_000) as blocker:
        panel.show_period(day=soon.date())
    assert blocker.args == [1]
    assert panel.shown_events() == [(soon.date(), "10:00–11:00  Dentist · Town")]

    text = (tmp_path / "cal.ics").read_text(encoding="utf-8")
    broken = "BEGIN:VEVENT\r\nUID:broken\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
    (tmp_path / "cal.ics").write_text(text.replace("END:VCALENDAR", broken + "END:VCALENDAR"))
    with qtbot.waitSignal(panel.refreshed, timeout=5_000) as blocker:
        panel.refresh()
    assert blocker.args == [1]  # the good event is still listed, the bad one named
    assert "Skipped 'No start'" in panel.status.text()

    (tmp_path / "cal.ics").write_text("garbage", encoding="utf-8")
    with qtbot.waitSignal(panel.failed, timeout=5_000):
        panel.refresh()
    assert "isn't iCalendar" in panel.status.text()
