"""Streaming one model reply as Token events: the loop every agent shares."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

from agents.cancel import CancelToken
from agents.events import Failed, Final, Stats, Stopped, Token
from agents.llm.errors import incomplete


@dataclass
class Reply:
    """How a streamed reply ended.

    Attributes:
        text: Everything that arrived.
        meta: Ollama's final-chunk fields (``done_reason``, timings); empty when the
            stream ended without its ``done`` chunk.
        cancelled: Whether it was stopped.
    """

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    cancelled: bool = False

    @property
    def complete(self) -> bool:
        """Whether Ollama said the reply was done."""
        return bool(self.meta)

    def ending(self, model: str | None) -> Final | Stopped | Failed:
        """The event that closes a streamed answer: Final, Stopped, or Failed when the
        stream ended without Ollama's ``done``."""
        if self.cancelled:
            return Stopped(self.text)
        if not self.complete:
            return Failed(incomplete(model), self.text)
        return Final(self.text, Stats.from_metadata(self.meta))


def stream_reply(
    chat: Any,
    messages: Sequence[Any],
    cancel: CancelToken,
    parts: list[str] | None = None,
    *,
    strip_leading: bool = False,
) -> Generator[Token, None, Reply]:
    """Streams a ChatOllama reply, one Token per piece; returns how it ended.

    Use as ``reply = yield from stream_reply(...)``. Cancellation is checked per chunk
    and closes the HTTP stream (Ollama stops generating). Errors propagate; what arrived
    before them is in ``parts`` (the caller's list, appended to as pieces arrive).

    Args:
        chat: A LangChain chat model (``ChatOllama``).
        messages: LangChain messages.
        cancel: Stops the stream at the next chunk.
        parts: Collects the pieces (for a partial answer after an error).
        strip_leading: Drop whitespace before the first visible text.
    """
    parts = [] if parts is None else parts
    meta: dict[str, Any] = {}
    started = not strip_leading
    stream = chat.stream(messages)
    try:
        for chunk in stream:
            if cancel.cancelled:
                return Reply("".join(parts), meta, cancelled=True)
            text = chunk.text if isinstance(chunk.text, str) else str(chunk.content)
            if text:
                parts.append(text)
                if not started:
                    text = text.lstrip()
                    started = bool(text)
                if text:
                    yield Token(text)
            if chunk.response_metadata.get("done"):
                meta = dict(chunk.response_metadata)
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    return Reply("".join(parts), meta, cancelled=cancel.cancelled)


def read_reply(chat: Any, messages: Sequence[Any], cancel: CancelToken) -> Reply:
    """Reads a whole reply (for structured output and other non-streamed uses)."""
    pieces = stream_reply(chat, messages, cancel)
    while True:
        try:
            next(pieces)
        except StopIteration as end:
            reply: Reply = end.value
            return reply
