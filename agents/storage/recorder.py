"""Saving an answer while it streams, so a stop, a failure or a killed process keeps what
arrived and the question it answers.

The window and ``hearth ask`` save the same way: the answer is a message with status
``streaming`` that grows as text arrives (at most every ``save_every`` seconds) and ends
``complete``, ``interrupted`` or ``error``. A thinking model's reasoning is kept with the
answer as a Reasoning attachment, apart from its text.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from agents.attachments import Attachment, Reasoning
from agents.errors import HearthError
from agents.events import Attached, Blocked, Failed, Final, Sources, Stopped, Thinking, Token
from agents.fences import strip_fences
from agents.storage.chat_store import AT_END, ChatStore, MessageStatus
from agents.wording import Words, to_stored

TITLE_LENGTH = 60


def title_for(text: str) -> str:
    """A conversation's title from its first message."""
    return " ".join(text.split())[:TITLE_LENGTH] or "Image"


class AnswerRecord:
    """One answer being saved: created empty and ``streaming``, grown, then ended once.

    Args:
        store: The chat store.
        message_id: The answer's message (see :meth:`begin`).
        save_every: Seconds between saves of the growing text.
    """

    def __init__(self, store: ChatStore, message_id: int, *, save_every: float = 0.25) -> None:
        self.store = store
        self.message_id = message_id
        self.save_every = save_every
        self.text = ""
        self.reasoning = ""
        self.sources: list[Attachment] = []
        self.ended = False
        self._saved_at = time.monotonic()
        self._saved_reasoning = ""

    @classmethod
    def begin(
        cls,
        store: ChatStore,
        conversation_id: str,
        model: str | None,
        *,
        after: int | None = None,
        save_every: float = 0.25,
    ) -> AnswerRecord:
        """Adds an empty streaming answer to a conversation and records into it.

        Args:
            store: The chat store.
            conversation_id: The conversation.
            model: The model that answers (None: the configured one).
            after: The question it answers (default: the end of the chosen path).
            save_every: Seconds between saves of the growing text.
        """
        answer = store.add_message(
            conversation_id,
            "assistant",
            "",
            status=MessageStatus.STREAMING,
            model=model,
            parent_id=AT_END if after is None else after,
        )
        return cls(store, answer.id, save_every=save_every)

    def grow(self, text: str) -> None:
        """The answer so far; saved when ``save_every`` has passed since the last save."""
        self.text = text
        self._save_now_and_then()

    def think(self, reasoning: str) -> None:
        """A thinking model's reasoning so far; saved like the text."""
        self.reasoning = reasoning
        self._save_now_and_then()

    def _save_now_and_then(self) -> None:
        now = time.monotonic()
        if now - self._saved_at < self.save_every:
            return
        self._saved_at = now
        attachments = None
        if self.reasoning != self._saved_reasoning:
            self._saved_reasoning = self.reasoning
            attachments = [Reasoning(self.reasoning)]
        self.store.update_message(self.message_id, content=self.text, attachments=attachments)

    def attach(self, attachments: Sequence[Attachment]) -> None:
        """Sources or other attachments of the answer, kept when it completes."""
        self.sources += attachments

    def end(
        self,
        status: MessageStatus,
        text: str,
        error: HearthError | None = None,
        stats: dict[str, Any] | None = None,
    ) -> None:
        """Saves the answer's last state (only the first call counts).

        Its sources are kept when it completes; the reasoning that arrived is always kept.
        """
        if self.ended:
            return
        self.ended = True
        self.text = text = strip_fences(text)  # kept as shown: without echoed data fences
        kept = list(self.sources) if status is MessageStatus.COMPLETE else []
        if self.reasoning:
            kept.append(Reasoning(self.reasoning))
        self.store.update_message(
            self.message_id,
            content=text,
            status=status,
            stats=stats,
            error=to_stored(error.words) if error else None,  # worded when shown
            attachments=kept if kept or self._saved_reasoning else None,
        )

    def finished(self, final: Final) -> None:
        """The answer completed."""
        self.end(MessageStatus.COMPLETE, final.text, None, final.stats.to_dict())

    def stopped(self, text: str) -> None:
        """The person stopped it; what arrived is kept and marked interrupted."""
        self.end(MessageStatus.INTERRUPTED, text)

    def failed(self, error: HearthError, text: str) -> None:
        """It failed: what arrived is kept (interrupted), else the error is the answer."""
        self.end(MessageStatus.INTERRUPTED if text else MessageStatus.ERROR, text, error)

    def blocked(self, message: Words) -> None:
        """The safety check flagged the message or the answer: nothing of it is kept."""
        self.reasoning = ""
        self.end(MessageStatus.ERROR, "", HearthError(message))

    def record(self, events: Iterable[object]) -> Iterator[object]:
        """Passes a turn's events through, saving the answer as they come.

        If the events end without an ending (Ctrl+C, an exception), what arrived is kept
        as an interrupted answer.
        """
        try:
            for event in events:
                self._see(event)
                yield event
        finally:
            self.stopped(self.text)

    def _see(self, event: object) -> None:
        if isinstance(event, Token):
            self.grow(self.text + event.text)
        elif isinstance(event, Thinking):
            self.think(self.reasoning + event.text)
        elif isinstance(event, Sources):
            self.attach(event.citations)
        elif isinstance(event, Attached):
            self.attach(event.attachments)
        elif isinstance(event, Final):
            self.finished(event)
        elif isinstance(event, Stopped):
            self.stopped(event.partial)
        elif isinstance(event, Failed):
            self.failed(event.error, event.partial)
        elif isinstance(event, Blocked):
            self.blocked(event.message)
