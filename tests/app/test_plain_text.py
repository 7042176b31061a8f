"""Untrusted text is plain text: every view, filled with HTML from mail, models, calendars,
documents and file names, shows it as written and never as rich text (which loads files).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from agents.attachments import ImageRef
from agents.calendar.ics_store import IcsCalendar
from agents.calendar.model import new_event
from agents.events import Citation
from agents.images.intake import prepare_image
from agents.images.store import ImageStore
from agents.llm import OllamaService
from agents.mail.accounts import AccountStore
from agents.mail.checklist import ActionChecklist
from agents.mail.digest import ActionItem, Digest, MailThread
from agents.mail.model import MailMessage
from agents.settings import Settings
from agents.storage import ChatStore, MessageStatus
from agents.tools.approval import ProposedAction
from agents.tools.audit import AuditLog
from app.services.mail import MailService
from app.widgets.approval_dialog import ApprovalDialog
from app.widgets.audit_log_view import AuditLogView
from app.widgets.calendar_panel import CalendarPanel
from app.widgets.documents_citations import CitationView
from app.widgets.image_attachments import AttachmentChip
from app.widgets.mail_panel import MailPanel
from tests.agents.images.pictures import photo
from tests.app.conftest import WindowFactory
from tests.fakes import OllamaDouble

#: What an attacker puts in a subject, an event, a file name or a model answer.
HOSTILE = '<img src="/nonexistent/hearth-probe.png"><b>bold</b>'
BERLIN = ZoneInfo("Europe/Berlin")


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount to itself: it has one
        return 1


def _model_tips(model: QAbstractItemModel, parent: QModelIndex) -> list[str]:
    tips = []
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            tips.append(str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
            tips.extend(_model_tips(model, index))
    return tips


def rich_leaks(root: QWidget) -> list[str]:
    """Every place under ``root`` where the hostile markup would be rendered as HTML."""
    leaks = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}({widget.objectName()})"
        if "<img" in widget.toolTip():
            leaks.append(f"{name} tooltip: {widget.toolTip()!r}")
        rich = isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText
        if rich and "<img" in widget.text():  # type: ignore[attr-defined]
            leaks.append(f"{name} text: {widget.text()!r}")
        if isinstance(widget, QTextEdit) and "<img" in widget.toHtml():
            leaks.append(f"{name} html")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for text in _model_tips(widget.model(), QModelIndex()):
                if "<img" in text:
                    leaks.append(f"{name} item tooltip: {text!r}")
    return leaks


def shown_somewhere(root: QWidget, text: str) -> bool:
    """Whether ``text`` appears literally in a label, a text box or an item of ``root``."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and text in widget.text():
            return True
        if isinstance(widget, QTextEdit) and text in widget.toPlainText():
            return True
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(_columns(model, QModelIndex())):
                    if text in str(model.data(model.index(row, column)) or ""):
                        return True
    return False


def test_window_shows_hostile_chats_searches_and_attachments_as_text(
    make_window: WindowFactory, ollama_double: OllamaDouble, data_root: Path, qtbot: QtBot
) -> None:
    with ChatStore.in_data_dir(data_root) as store:
        conversation = store.create_conversation(HOSTILE, model=HOSTILE, persona=HOSTILE)
        image = prepare_image(photo(40, 30, "PNG"), name=HOSTILE)
        ImageStore.in_data_dir(data_root).put(image.data)
        ref = ImageRef(image.sha256, HOSTILE, image.width, image.height)
        store.add_message(conversation.id, "user", f"zebra {HOSTILE}", attachments=[ref])
        store.add_message(
            conversation.id,
            "assistant",
            f"zebra answer {HOSTILE}",
            status=MessageStatus.ERROR,
            model=HOSTILE,
            stats={"output_tokens": 3, "eval_seconds": 1.0},
            error=HOSTILE,
        )
    window = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=20_000)
    window.conversations.select(conversation.id)
    window.conversations.search.setText("zebra")  # the search runs on a short timer
    qtbot.waitUntil(lambda: "zebra" in window.conversations.list.item(0).toolTip(), timeout=5000)
    assert window.conversations.list.count() == 1
    assert rich_leaks(window) == []
    assert shown_somewhere(window, HOSTILE)


def test_panels_show_hostile_mail_calendar_audit_and_sources_as_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    message = MailMessage(
        id="m1",
        thread_id="t1",
        subject=HOSTILE,
        sender=HOSTILE,
        to=(HOSTILE,),
        cc=(),
        date=None,
        text=HOSTILE,
        attachments=(),
    )
    digest = Digest(
        threads=(MailThread(thread_id="t1", subject=HOSTILE, messages=(message,)),),
        summary=HOSTILE,
        action_items=(ActionItem(HOSTILE, HOSTILE, None, "m1"),),
        problems=(HOSTILE,),
    )
    accounts = AccountStore(tmp_path)
    service = MailService(OllamaService(Settings()), accounts)
    mail = MailPanel(service, accounts, ActionChecklist(tmp_path), open_accounts_dialog=False)
    panels: list[QWidget] = []
    mail.show_digest(digest)
    panels.append(mail)

    calendar = IcsCalendar(tmp_path / "cal.ics", BERLIN)
    soon = datetime.now(BERLIN).replace(microsecond=0) + timedelta(days=1)
    calendar.create(
        new_event(HOSTILE, soon, soon + timedelta(hours=1), location=HOSTILE, description=HOSTILE)
    )
    calendar_panel = CalendarPanel(calendar, BERLIN)
    qtbot.addWidget(calendar_panel)
    with qtbot.waitSignal(calendar_panel.refreshed, timeout=5_000):
        calendar_panel.show_period(day=soon.date())
    panels.append(calendar_panel)

    action = ProposedAction("send_mail", HOSTILE, {"to": HOSTILE, "body": HOSTILE})
    audit = AuditLog(tmp_path / "audit.sqlite3")
    audit.record(action, approved=False)
    audit_view = AuditLogView(audit)
    qtbot.addWidget(audit_view)
    with qtbot.waitSignal(audit_view.refreshed, timeout=5_000):
        audit_view.refresh()
    panels.append(audit_view)

    citations = CitationView()
    citations.set_citations([Citation(1, f"/tmp/{HOSTILE}.txt", 2, HOSTILE, HOSTILE)])
    panels.append(citations)
    panels.append(ApprovalDialog(action))
    panels.append(AttachmentChip(prepare_image(photo(40, 30, "PNG"), name=HOSTILE)))

    for panel in panels:
        qtbot.addWidget(panel)
        assert rich_leaks(panel) == [], type(panel).__name__
        assert shown_somewhere(panel, HOSTILE) or panel is panels[-1], type(panel).__name__
