"""Runs chat turns: saves what the person wrote, streams the answer off the GUI thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from agents.chat.guard import Blocked
from agents.errors import HearthError
from agents.events import Final, ToolCallDecided, ToolCallProposed, ToolResult
from agents.llm import OllamaService
from agents.llm.messages import ChatMessage
from agents.storage import ChatStore, Conversation, StoredMessage
from app.services.events import EventPump

AgentFactory = Callable[[Conversation], Any]
ImageLoader = Callable[[dict[str, Any]], bytes | None]

TITLE_LENGTH = 60


@dataclass
class _Turn:
    conversation_id: str
    message_id: int
    sources: list[dict[str, Any]] = field(default_factory=list)
    saved_at: float = 0.0


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
        self._pump = EventPump(flush_ms, translate=service.error, parent=self)
        self._pump.partial.connect(self._on_partial)
        self._pump.status.connect(self._say)
        self._pump.progress.connect(self._on_progress)
        self._pump.sources.connect(self._on_sources)
        self._pump.attached.connect(self._on_attached)
        for tool_event in (self._pump.toolProposed, self._pump.toolDecided, self._pump.toolResult):
            tool_event.connect(self._on_tool)
        self._pump.otherEvent.connect(self._on_other)
        self._pump.finished.connect(self._on_finished)
        self._pump.stopped.connect(self._on_stopped)
        self._pump.failed.connect(self._on_failed)

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
        return self._pump.text if self._turn else ""

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
        self._pump.stop()  # its ``stopped`` ends the turn

    # -- the turn ----------------------------------------------------------------------
    def _start(self, conversation_id: str, user_message_id: int) -> int:
        conversation = self.store.get_conversation(conversation_id)
        assert conversation is not None
        history = self._history(conversation_id)
        answer = self.store.add_message(
            conversation_id, "assistant", "", status="streaming", model=conversation.model
        )
        agent = self.agent_factory(conversation)
        self._turn = _Turn(conversation_id, answer.id, saved_at=time.monotonic())
        self.turnStarted.emit(conversation_id, user_message_id, answer.id)
        self.busyChanged.emit(True)
        self._pump.start(lambda cancel: agent.stream(history, cancel))
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

    # -- what the pump reports --------------------------------------------------------
    def _say(self, text: str) -> None:
        if self._turn is not None:
            self.status.emit(self._turn.conversation_id, text)

    def _on_progress(self, done: int, total: int) -> None:
        self._say(self.tr("Read {0} of {1} sections…").format(done, total))

    def _on_tool(self, event: ToolCallProposed | ToolCallDecided | ToolResult) -> None:
        if isinstance(event, ToolCallProposed):
            self._say(self.tr("Using {0}…").format(event.name))
        elif isinstance(event, ToolCallDecided):
            verdict = self.tr("approved") if event.approved else self.tr("denied")
            self._say(f"{event.name}: {verdict}")
        else:
            self._say(self.tr("{0} done").format(event.name))

    def _on_sources(self, citations: list[Any]) -> None:
        from agents.documents.chat import citation_record

        self._on_attached([citation_record(c) for c in citations])

    def _on_attached(self, records: list[dict[str, Any]]) -> None:
        if self._turn is not None:
            self._turn.sources += records

    def _on_partial(self, text: str) -> None:
        turn = self._turn
        if turn is None:
            return  # a turn that ended (e.g. blocked) while its stream winds down
        self.partial.emit(turn.conversation_id, turn.message_id, text)
        now = time.monotonic()
        if (now - turn.saved_at) * 1000 >= self.save_ms:
            turn.saved_at = now
            self.store.update_message(turn.message_id, content=text)

    def _on_other(self, event: object) -> None:
        if isinstance(event, Blocked) and self._turn is not None:
            # The safety check flagged the message or the answer: not kept on screen or disk.
            self._end("error", "", HearthError(event.message))

    def _on_finished(self, final: Final) -> None:
        self._end("complete", final.text, None, final.stats.to_dict())

    def _on_stopped(self, text: str) -> None:
        self._end("interrupted", text, None)

    def _on_failed(self, error: HearthError, text: str) -> None:
        self._end("interrupted" if text else "error", text, error)

    def _end(
        self,
        status: str,
        text: str,
        error: HearthError | None,
        stats: dict[str, Any] | None = None,
    ) -> None:
        turn, self._turn = self._turn, None
        if turn is None:
            return
        self._pump.stop()  # a no-op unless the stream still runs (a blocked turn)
        self.store.update_message(
            turn.message_id,
            content=text,
            status=status,  # type: ignore[arg-type]
            stats=stats,
            error=error.message if error else None,
            attachments=turn.sources if status == "complete" and turn.sources else None,
        )
        self.partial.emit(turn.conversation_id, turn.message_id, text)
        self.turnEnded.emit(turn.conversation_id, turn.message_id, status, error)
        self.busyChanged.emit(False)

    def _default_agent(self, conversation: Conversation) -> Any:
        from agents.chat.agent import ChatAgent

        prompt = conversation.system_prompt or self.service.settings.system_prompt
        return ChatAgent(self.service, model=conversation.model, system_prompt=prompt)
