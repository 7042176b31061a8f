"""A turn as a typed request: what the person asked, in which mode, with what.

The window's composer and every CLI command build one :class:`TurnRequest`; the router
(agents/turns/router.py) turns it into the agent that answers it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from agents.attachments import Attachment, ImageTaskRequest, SummaryRequest, first
from agents.llm.messages import ChatMessage
from agents.llm.options import ChatOptions

if TYPE_CHECKING:
    from agents.writing.styles import RewriteSpec


class Mode(enum.StrEnum):
    """What kind of answer the person wants."""

    CHAT = "chat"
    """A plain conversation (images go to the vision model)."""
    DOCUMENTS = "documents"
    """An answer from the person's own documents only, with numbered sources."""
    TOOLS = "tools"
    """Mail and calendar: the tool agent, every side effect approved by the person."""
    IMAGE_TASK = "image_task"
    """Find something in the image, or read a chart into a table."""
    SUMMARY = "summary"
    """A faithful summary of one document."""
    REWRITE = "rewrite"
    """The person's text rewritten in a style (shorter, formal, translated...)."""


@dataclass(frozen=True)
class TurnRequest:
    """One request to answer.

    Attributes:
        messages: The conversation so far, ending with the person's new message (its
            images as prepared bytes). Earlier turns are context.
        mode: What kind of answer; see :meth:`resolved_mode` for tasks carried by
            attachments.
        attachments: The new message's typed attachments (images, an image task, a
            document to summarise).
        model: The conversation's model (None: the configured one for the job).
        system_prompt: The conversation's instructions (None: the persona's, then the
            default from Settings).
        persona: The persona id, used when there is no system prompt.
        rewrite: The style of a ``REWRITE`` request.
        conversation_id: The saved conversation it belongs to, if any.
        options: The conversation's own temperature and context size, sent with every
            request of the turn.
    """

    messages: tuple[ChatMessage, ...]
    mode: Mode = Mode.CHAT
    attachments: tuple[Attachment, ...] = ()
    model: str | None = None
    system_prompt: str | None = None
    persona: str | None = None
    rewrite: RewriteSpec | None = field(default=None, compare=False)
    conversation_id: str | None = None
    options: ChatOptions = field(default_factory=ChatOptions)

    @classmethod
    def ask(
        cls,
        text: str,
        mode: Mode = Mode.CHAT,
        *,
        images: Sequence[bytes] = (),
        attachments: Sequence[Attachment] = (),
        **options: object,
    ) -> TurnRequest:
        """A one-message request (the command line's shape)."""
        message = ChatMessage("user", text, tuple(images))
        return cls((message,), mode, tuple(attachments), **options)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        """What the person wrote in the new message."""
        return self.messages[-1].content if self.messages else ""

    @property
    def images(self) -> tuple[bytes, ...]:
        """The new message's images."""
        return self.messages[-1].images if self.messages else ()

    @property
    def history(self) -> tuple[ChatMessage, ...]:
        """The conversation before the new message."""
        return self.messages[:-1]

    def resolved_mode(self) -> Mode:
        """The mode, where an attachment asking for a task decides it (so a Retry of an
        image task or a summary does the same task, whatever switches are on)."""
        if first(self.attachments, ImageTaskRequest) is not None:
            return Mode.IMAGE_TASK
        if first(self.attachments, SummaryRequest) is not None:
            return Mode.SUMMARY
        return self.mode
