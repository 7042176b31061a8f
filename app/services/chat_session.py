"""Runs chat turns: saves what the person wrote, streams the answer off the GUI thread.

A turn is a TurnRequest (text, attachments, mode) in a saved conversation. The session
saves the person's message, fills in the conversation (its history with images, model,
persona, instructions and its own temperature and context size), hands the request to
the router for its agent, and runs that in its event pump, saving the answer (and a
thinking model's reasoning, apart from it) as it streams.

Asking again never deletes: an edited question is a new version beside the original,
a retried answer a new version beside the earlier one. The history sent is the chosen
path up to the question, so the model never sees the other versions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from agents.attachments import Attachment, ImageRef, images_in
from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import (
    Blocked,
    Citation,
    Event,
    Final,
    ToolCallDecided,
    ToolCallProposed,
    ToolResult,
)
from agents.llm.messages import ChatMessage
from agents.llm.options import ChatOptions
from agents.storage import ChatStore, MessageStatus, StoredMessage
from agents.storage.recorder import AnswerRecord, title_for
from agents.turns.request import Mode, TurnRequest
from agents.turns.router import Router
from agents.wording import say
from app.services.events import EventPump

ImageLoader = Callable[[ImageRef], bytes | None]


@dataclass
class _Turn:
    conversation_id: str
    record: AnswerRecord

    @property
    def message_id(self) -> int:
        return self.record.message_id


class ChatSession(QObject):
    """One chat turn at a time; starting a new one stops the old.

    Args:
        store: Where conversations are saved.
        router: Builds the agent for each request.
        image_loader: Returns the bytes of an image, or None if it's gone.
        flush_ms: How often streamed text is pushed to the view (repaints coalesced).
        save_ms: How often a streaming answer is saved, so a crash loses at most that.
    """

    turnStarted = Signal(str, int, int)  # conversation id, user message id, answer id
    partial = Signal(str, int, str)  # conversation id, answer id, text so far
    reasoningChanged = Signal(str, int, str)  # conversation id, answer id, reasoning so far
    status = Signal(str, str)  # conversation id, e.g. "Loading llama3.2…"
    turnEnded = Signal(str, int, object, object)  # conversation, answer id, MessageStatus, error
    stopping = Signal(str)  # conversation id: a stop was asked for (turnEnded follows)
    busyChanged = Signal(bool)
    conversationChanged = Signal(str)  # title or metadata changed

    def __init__(
        self,
        store: ChatStore,
        router: Router,
        image_loader: ImageLoader | None = None,
        flush_ms: int = 40,
        save_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.router = router
        self.image_loader = image_loader
        self.save_ms = save_ms
        self._turn: _Turn | None = None
        self._pump = EventPump(flush_ms, translate=router.service.error, parent=self)
        self._pump.partial.connect(self._on_partial)
        self._pump.reasoning.connect(self._on_reasoning)
        self._pump.status.connect(self._say)
        self._pump.progress.connect(self._on_progress)
        self._pump.sources.connect(self._on_sources)
        self._pump.attached.connect(self._on_attached)
        for tool_event in (self._pump.toolProposed, self._pump.toolDecided, self._pump.toolResult):
            tool_event.connect(self._on_tool)
        self._pump.blocked.connect(self._on_blocked)
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

    def send(self, request: TurnRequest) -> int:
        """Saves the person's message after the chosen path and starts the answer.

        Returns:
            The answer's id.

        Raises:
            HearthError: The request names no conversation, or one that is gone.
        """
        self.stop()
        conversation_id = request.conversation_id or ""
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            raise HearthError(say("That conversation no longer exists: start a new chat."))
        text = request.text
        user = self.store.add_message(
            conversation_id, "user", text, attachments=request.attachments
        )
        answer_id = self._start(conversation_id, user.id, request.mode)
        if not conversation.title:  # named after its first message, once the answer is asked
            title = title_for(text)
            self.store.rename_conversation(conversation_id, title)
            self.conversationChanged.emit(conversation_id)
        return answer_id

    def retry(
        self, conversation_id: str, mode: Mode = Mode.CHAT, answer_id: int | None = None
    ) -> int | None:
        """Asks again: a new version of an answer, beside the earlier ones.

        The question's own task (an image task, a summary) runs again whatever ``mode``
        says; otherwise ``mode`` (the composer's switches) decides.

        Args:
            conversation_id: The conversation.
            mode: The composer's mode.
            answer_id: The answer to write again; None: the last of the chosen path
                (or an answer to the question it ends on).

        Returns:
            The new answer's id, or None if there is nothing to ask again.
        """
        self.stop()
        tree = self.store.tree(conversation_id)
        if answer_id is None:
            message = tree.path[-1] if tree.path else None
            if message is not None and message.role == "user":
                return self._start(conversation_id, message.id, mode)  # not answered yet
        else:
            message = tree.get(answer_id)
        if message is None or message.role != "assistant" or message.parent_id is None:
            return None
        return self._start(conversation_id, message.parent_id, mode)

    def edit(self, conversation_id: str, message_id: int, text: str, mode: Mode) -> int | None:
        """Sends a new version of a question, beside the original, and starts its answer.

        The new version keeps the original's attachments (images, a task).

        Returns:
            The answer's id, or None if the question is gone.
        """
        self.stop()
        original = self.store.tree(conversation_id).get(message_id)
        if original is None or original.role != "user":
            return None
        user = self.store.add_message(
            conversation_id,
            "user",
            text,
            attachments=original.attachments,
            parent_id=original.parent_id,
        )
        return self._start(conversation_id, user.id, mode)

    def stop(self) -> None:
        """Stops the answer at once; what arrived is kept and marked interrupted."""
        if self._turn is not None:
            self.stopping.emit(self._turn.conversation_id)
        self._pump.stop()  # its ``stopped`` ends the turn

    # -- the turn ----------------------------------------------------------------------
    def _start(self, conversation_id: str, user_message_id: int, mode: Mode) -> int:
        conversation = self.store.get_conversation(conversation_id)
        assert conversation is not None
        messages = self.store.tree(conversation_id).path_to(user_message_id)
        request = TurnRequest(
            tuple(self._history(messages)),
            mode,
            messages[-1].attachments,
            model=conversation.model,
            system_prompt=conversation.system_prompt,
            persona=conversation.persona,
            conversation_id=conversation_id,
            options=ChatOptions(conversation.temperature, conversation.num_ctx),
        )
        # The request goes out first: the answer is saved and shown while it travels (its
        # events reach this thread only after this returns).
        self._pump.start(lambda cancel: self._run(request, cancel))
        try:
            record = AnswerRecord.begin(
                self.store,
                conversation_id,
                conversation.model,
                after=user_message_id,
                save_every=self.save_ms / 1000,
            )
        except HearthError:
            self._pump.stop()
            raise
        self._turn = _Turn(conversation_id, record)
        self.turnStarted.emit(conversation_id, user_message_id, record.message_id)
        self.busyChanged.emit(True)
        return record.message_id

    def _run(self, request: TurnRequest, cancel: CancelToken) -> Iterator[Event]:
        """The turn, in the pump's thread: the router builds its agent, which streams."""
        return self.router.build(request).stream(cancel)

    def _history(self, messages: list[StoredMessage]) -> list[ChatMessage]:
        history = []
        for message in messages:
            if message.role == "system" or (message.role == "assistant" and not message.content):
                continue
            history.append(ChatMessage(message.role, message.content, self._images(message)))
        return history

    def _images(self, message: StoredMessage) -> tuple[bytes, ...]:
        if self.image_loader is None:
            return ()
        loaded = (self.image_loader(image) for image in images_in(message.attachments))
        return tuple(data for data in loaded if data)

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

    def _on_sources(self, citations: list[Citation]) -> None:
        self._on_attached(citations)

    def _on_attached(self, attachments: Sequence[Attachment]) -> None:
        if self._turn is not None:
            self._turn.record.attach(attachments)

    def _on_partial(self, text: str) -> None:
        turn = self._turn
        if turn is None:
            return  # a turn that ended (e.g. blocked) while its stream winds down
        self.partial.emit(turn.conversation_id, turn.message_id, text)
        turn.record.grow(text)

    def _on_reasoning(self, text: str) -> None:
        turn = self._turn
        if turn is None:
            return
        self.reasoningChanged.emit(turn.conversation_id, turn.message_id, text)
        turn.record.think(text)

    def _on_blocked(self, event: Blocked) -> None:
        # The safety check flagged the message or the answer: nothing of it is kept.
        self._end(MessageStatus.ERROR, "", HearthError(event.message))

    def _on_finished(self, final: Final) -> None:
        self._end(MessageStatus.COMPLETE, final.text, None, final.stats.to_dict())

    def _on_stopped(self, text: str) -> None:
        self._end(MessageStatus.INTERRUPTED, text, None)

    def _on_failed(self, error: HearthError, text: str) -> None:
        self._end(MessageStatus.INTERRUPTED if text else MessageStatus.ERROR, text, error)

    def _end(
        self,
        status: MessageStatus,
        text: str,
        error: HearthError | None,
        stats: dict[str, Any] | None = None,
    ) -> None:
        turn, self._turn = self._turn, None
        if turn is None:
            return
        turn.record.end(status, text, error, stats)
        self.partial.emit(turn.conversation_id, turn.message_id, text)
        self.turnEnded.emit(turn.conversation_id, turn.message_id, status, error)
        self.busyChanged.emit(False)
