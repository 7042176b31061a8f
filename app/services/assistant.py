"""The chat's mail and calendar mode: a tool agent per turn, approvals in dialogs.

When the person turns on "Mail & calendar" in the composer, ChatSession runs this
agent instead of the plain chat agent. Every side effect passes the approval gate of
an ApprovalBridge, whose questions appear as ApprovalDialogs on the GUI thread while the
worker waits; stopping the turn withdraws them (denied).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from agents.cancel import CancelToken
from agents.events import Event
from agents.llm import OllamaService
from agents.llm.messages import ChatMessage
from agents.tools.approval import ApprovalGate
from agents.tools.audit import AuditLog
from app.services.approvals import ApprovalBridge
from app.widgets.approval_dialog import dialog_asker


class ToolChat:
    """A ToolAgent with the chat agent's shape: ``stream(history, cancel)``.

    Tools never go to the vision model and images never go to the text model: a
    request that comes with images is two steps, the vision model reads them and the
    tool agent acts on what it read (marked as data).
    """

    def __init__(self, agent: Any, service: OllamaService) -> None:
        self.agent = agent
        self.service = service

    def stream(
        self, history: Sequence[ChatMessage], cancel: CancelToken | None = None
    ) -> Iterator[Event]:
        """Runs the last user message as the request, with the earlier turns as context."""
        cancel = cancel or CancelToken()
        last = history[-1] if history else ChatMessage("user", "")
        # Earlier turns go as text only: their images were answered about already.
        previous = [ChatMessage(m.role, m.content) for m in history[:-1] if m.content]
        if not last.images:
            events: Iterator[Event] = self.agent.stream(last.content, cancel, history=previous)
            return events
        from agents.images.vision import describe_then_act

        def act(messages: list[ChatMessage], token: CancelToken) -> Iterator[Event]:
            acted: Iterator[Event] = self.agent.stream(
                messages[-1].content, token, history=previous
            )
            return acted

        return describe_then_act(self.service, last.images, last.content, act=act, cancel=cancel)


class Assistant(QObject):
    """Builds the mail and calendar agent from the saved accounts and the calendar.

    Args:
        service: The Ollama door.
        data_dir: The data folder (accounts, drafts, calendar, audit log).
        window: The parent of approval dialogs.
    """

    def __init__(self, service: OllamaService, data_dir: Path, window: QWidget) -> None:
        super().__init__(window)
        self.service = service
        self.data_dir = data_dir
        self.audit = AuditLog.in_data_dir(data_dir)
        self.approvals = ApprovalBridge(self.audit, ask=dialog_asker(window), parent=self)

    @property
    def gate(self) -> ApprovalGate:
        """The gate every side effect passes."""
        return self.approvals.gate

    def calendar(self) -> Any:
        """The calendar the tools use (the local .ics file by default)."""
        from agents.calendar import open_calendar

        return open_calendar(data_dir=self.data_dir)

    def agent_for(self, _conversation: object) -> ToolChat:
        """The tool agent for one chat turn."""
        return ToolChat(self._build(), self.service)

    def _build(self) -> Any:
        from agents.calendar import local_timezone
        from agents.mail.accounts import AccountStore
        from agents.mail.outbox import Outbox, SmtpConfig
        from agents.mail.sources import source_for_account
        from agents.tools.agent import ToolAgent
        from agents.tools.registry import ToolContext, tools_for

        gate = self.gate
        tz = local_timezone()
        accounts = AccountStore(self.data_dir).accounts()
        account = accounts[0] if accounts else None
        source = source_for_account(account) if account is not None else None
        smtp = SmtpConfig.from_account(account) if account and account.smtp_host else None
        sender = account.from_address if account is not None else ""
        ctx = ToolContext(
            gate=gate,
            mail=source,
            outbox=Outbox(self.data_dir / "drafts", smtp),
            calendar=self.calendar(),
            sender=sender,
            tz=tz,
        )
        return ToolAgent(
            self.service,
            tools_for("assistant", ctx),
            gate=gate,
            sender=sender,
            now=lambda: datetime.now(tz),
        )

    def withdraw_pending(self) -> None:
        """Denies and closes any open approval question (the turn ended or stopped)."""
        self.approvals.withdraw_all()
