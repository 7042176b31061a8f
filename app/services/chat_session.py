"""Runs chat turns: saves what the person wrote, streams the answer off the GUI thread."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import (
    Attached,
    Blocked,
    Event,
    Failed,
    Final,
    Sources,
    Status,
    Stopped,
    SummaryProgress,
    Token,
    ToolCallDecided,
    ToolCallProposed,
    ToolResult,
)
from agents.llm import OllamaService
from agents.llm.messages import ChatMessage
from agents.storage import ChatStore, Conversation, StoredMessage
from app.workers import GeneratorWorker

AgentFactory = Callable[[Conversation], Any]
ImageLoader = Callable[[dict[str, Any]], bytes | None]

TITLE_LENGTH = 60


@dataclass
class _Turn:
    conversation_id: str
    message_id: int
    worker: GeneratorWorker
    parts: list[str] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    saved_at: float = 0.0
    dirty: bool = False

    @property
    def text(self) -> str:
        return "".join(self.parts)


class ChatSession(QObject):
    """One chat turn at a time; starting a new one stops the old.

    Args:
        store: Where conversations are saved.
        service: The Ollama door.
        agent_factory: Builds the agent for a conversation (tests hand in others).
        image_loader: Returns the bytes of an image attachment, or None if it's gone.
        flush_ms: How often streamed text is pushed to the view (repaints coalesced).
        save_ms: How often a streaming answer is saved, so a crash loses at most that.
    """

    turnStarted = Signal(str, int, int)  # conversation id, user message id, answer id
    partial = Signal(str, int, str)  # conversation id, answer id, text so far
    status = Signal(str, str)  # conversation id, e.g. "Loading llama3.2…"
    turnEnded = Signal(str, int, str, object)  # conversation, answer id, status, error|None
    busyChanged = Signal(bool)
    conversationChanged = Signal(str)  # title or metadata changed

    def __init__(
        self,
        store: ChatStore,
        service: OllamaService,
        agent_factory: AgentFactory | None = None,
        image_loader: ImageLoader | None = None,
        flush_ms: int = 40,
        save_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.service = service
        self.agent_factory = agent_factory or self._default_agent
        self.image_loader = image_loader
        self.save_ms = save_ms
        self._turn: _Turn | None = None
        self._flush = QTimer(self)
        self._flush.setInterval(flush_ms)
        self._flush.timeout.connect(self._push_partial)

    # -- public API ------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether an answer is streaming."""
        return self._turn is not None

    @property
    def active_conversation(self) -> str | None:
        """The conversation whose answer is streaming."""
        return self._turn.conversation_id if self._turn else None

    @property
    def active_message_id(self) -> int | None:
        """The id of the streaming answer."""
        return self._turn.message_id if self._turn else None

    @property
    def active_text(self) -> str:
        """The streaming answer so far."""
        return self._turn.text if self._turn else ""

    def send(
        self, conversation_id: str, text: str, attachments: list[dict[str, Any]] | None = None
    ) -> int:
        """Saves the person's message and starts the answer; returns the answer's id."""
        self.stop()
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            raise HearthError("That conversation no longer exists: start a new chat.")
        if not conversation.title:
            title = " ".join(text.split())[:TITLE_LENGTH] or "Image"
            self.store.rename_conversation(conversation_id, title)
            self.conversationChanged.emit(conversation_id)
        user = self.store.add_message(conversation_id, "user", text, attachments=attachments or [])
        return self._start(conversation_id, user.id)

    def retry(self, conversation_id: str) -> int | None:
        """Asks again: drops the last answer and streams a new one; returns its id."""
        self.stop()
        messages = self.store.messages(conversation_id)
        last_user = next((m for m in reversed(messages) if m.role == "user"), None)
        if last_user is None:
            return None
        later = [m for m in messages if m.id > last_user.id]
        if later:
            self.store.delete_messages_from(conversation_id, later[0].id)
        return self._start(conversation_id, last_user.id)

    def stop(self) -> None:
        """Stops the answer at once; what arrived is kept and marked interrupted."""
        turn = self._turn
        if turn is None:
            return
        turn.worker.detach()
        self._end(turn, "interrupted", None)

    # -- the turn ----------------------------------------------------------------------
    def _start(self, conversation_id: str, user_message_id: int) -> int:
        conversation = self.store.get_conversation(conversation_id)
        assert conversation is not None
        history = self._history(conversation_id)
        answer = self.store.add_message(
            conversation_id, "assistant", "", status="streaming", model=conversation.model
        )
        agent = self.agent_factory(conversation)

        def run(cancel: CancelToken) -> Iterator[Event]:
            return agent.stream(history, cancel)  # type: ignore[no-any-return]

        worker = GeneratorWorker(run, self)
        self._turn = _Turn(conversation_id, answer.id, worker, saved_at=time.monotonic())
        worker.item.connect(lambda event, turn=self._turn: self._on_event(turn, event))
        worker.failed.connect(lambda exc, turn=self._turn: self._on_crash(turn, exc))
        self.turnStarted.emit(conversation_id, user_message_id, answer.id)
        self.busyChanged.emit(True)
        worker.start()
        self._flush.start()
        return answer.id

    def _history(self, conversation_id: str) -> list[ChatMessage]:
        history = []
        for message in self.store.messages(conversation_id):
            if message.role == "system" or (message.role == "assistant" and not message.content):
                continue
            history.append(ChatMessage(message.role, message.content, self._images(message)))
        return history

    def _images(self, message: StoredMessage) -> tuple[bytes, ...]:
        if self.image_loader is None:
            return ()
        found = []
        for attachment in message.attachments:
            if attachment.get("kind") == "image":
                data = self.image_loader(attachment)
                if data:
                    found.append(data)
        return tuple(found)

    def _on_event(self, turn: _Turn, event: Event) -> None:
        if turn is not self._turn:
            return  # a stopped turn's late events
        if isinstance(event, Token):
            turn.parts.append(event.text)
            turn.dirty = True
        elif isinstance(event, Status):
            self.status.emit(turn.conversation_id, event.text)
        elif isinstance(event, ToolCallProposed):
            self.status.emit(turn.conversation_id, self.tr("Using {0}…").format(event.name))
        elif isinstance(event, ToolCallDecided):
            verdict = self.tr("approved") if event.approved else self.tr("denied")
            self.status.emit(turn.conversation_id, f"{event.name}: {verdict}")
        elif isinstance(event, Sources):
            from agents.documents.chat import citation_record

            turn.sources += [citation_record(c) for c in event.citations]
        elif isinstance(event, Attached):
            turn.sources += [a.to_record() for a in event.attachments]
        elif isinstance(event, SummaryProgress):
            self.status.emit(
                turn.conversation_id,
                self.tr("Read {0} of {1} sections…").format(event.done, event.total),
            )
        elif isinstance(event, ToolResult):
            self.status.emit(turn.conversation_id, self.tr("{0} done").format(event.name))
        elif isinstance(event, Final):
            turn.parts = [event.text]
            self._end(turn, "complete", None, event.stats.to_dict())
        elif isinstance(event, Stopped):
            self._end(turn, "interrupted", None)
        elif isinstance(event, Failed):
            if event.partial and len(event.partial) > len(turn.text):
                turn.parts = [event.partial]
            self._end(turn, "interrupted" if turn.text else "error", event.error)
        elif isinstance(event, Blocked):  # the safety check flagged the message or answer
            turn.parts = []  # a flagged answer is not kept on screen or on disk
            self._end(turn, "error", HearthError(event.message))

    def _on_crash(self, turn: _Turn, exc: Exception) -> None:
        if turn is self._turn:
            error = exc if isinstance(exc, HearthError) else self.service.error(exc)
            self._end(turn, "interrupted" if turn.text else "error", error)

    def _push_partial(self) -> None:
        turn = self._turn
        if turn is None or not turn.dirty:
            return
        turn.dirty = False
        self.partial.emit(turn.conversation_id, turn.message_id, turn.text)
        now = time.monotonic()
        if (now - turn.saved_at) * 1000 >= self.save_ms:
            turn.saved_at = now
            self.store.update_message(turn.message_id, content=turn.text)

    def _end(
        self,
        turn: _Turn,
        status: str,
        error: HearthError | None,
        stats: dict[str, Any] | None = None,
    ) -> None:
        self._turn = None
        self._flush.stop()
        self.store.update_message(
            turn.message_id,
            content=turn.text,
            status=status,  # type: ignore[arg-type]
            stats=stats,
            error=error.message if error else None,
            attachments=turn.sources if status == "complete" and turn.sources else None,
        )
        self.partial.emit(turn.conversation_id, turn.message_id, turn.text)
        self.turnEnded.emit(turn.conversation_id, turn.message_id, status, error)
        self.busyChanged.emit(False)

    def _default_agent(self, conversation: Conversation) -> Any:
        from agents.chat.agent import ChatAgent

        prompt = conversation.system_prompt or self.service.settings.system_prompt
        return ChatAgent(self.service, model=conversation.model, system_prompt=prompt)
