"""A plain chat reply straight from the ollama client: what a chat turn needs, and no more.

A plain chat turn (no tools, no structured output, no graph) sends one streamed
``/api/chat`` request. LangChain's ``ChatOllama`` sends that same request through the
same client, but importing LangChain and langchain-ollama costs 1-2 s the first time
(most of it ``langsmith``, pulled in by langchain_core's tracers), which a person feels
as a slow first answer and a slow ``hearth ask``. :class:`PlainChat` streams the request
itself and hands :func:`agents.llm.streaming.stream_reply` chunks shaped like
LangChain's (``text``, ``content``, ``response_metadata``), so the one stream loop, its
cancellation and its ending stay shared. The tool agent, documents, writing and digests
keep ChatOllama.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from agents.llm.messages import ChatMessage

if TYPE_CHECKING:
    import ollama


@dataclass(frozen=True)
class Chunk:
    """One streamed piece of a reply, shaped as stream_reply reads LangChain's.

    Attributes:
        text: The piece of the answer.
        response_metadata: Ollama's final-chunk fields on the last chunk (``done``,
            ``done_reason``, timings, ``model_name``); empty before it.
    """

    text: str
    response_metadata: Mapping[str, Any] = field(default_factory=dict)
    thinking: str = ""

    @property
    def additional_kwargs(self) -> Mapping[str, Any]:
        """A thinking model's reasoning, where LangChain puts it."""
        return {"reasoning_content": self.thinking} if self.thinking else {}

    @property
    def content(self) -> str:
        """The piece of the answer (LangChain's name for it)."""
        return self.text


def to_ollama(message: ChatMessage) -> dict[str, Any]:
    """A message as Ollama's /api/chat takes it; images go as base64."""
    converted: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.images:
        converted["images"] = [base64.b64encode(image).decode("ascii") for image in message.images]
    return converted


class PlainChat:
    """Streams chat replies from one model with Hearth's options.

    Args:
        client: The ollama client (the service's, with its timeouts).
        model: The model that answers.
        options: Ollama's options (``num_ctx``, ``temperature``...).
        keep_alive: How long the server keeps the model loaded.
        think: Whether a thinking model reasons aloud; None (not sent) for other models.
    """

    def __init__(
        self,
        client: ollama.Client,
        model: str,
        options: Mapping[str, Any],
        keep_alive: str | int | None = None,
        think: bool | None = None,
    ) -> None:
        self.client = client
        self.model = model
        self.options = dict(options)
        self.keep_alive = keep_alive
        self.think = think

    def stream(self, messages: Sequence[ChatMessage]) -> Iterator[Chunk]:
        """The reply to ``messages``, piece by piece; closing it closes the HTTP stream.

        Raises:
            Exception: The ollama client's errors (``ResponseError``, ``ConnectionError``,
                httpx's), as ChatOllama would raise them; the service translates them.
        """
        parts = self.client.chat(
            model=self.model,
            messages=[to_ollama(m) for m in messages],
            stream=True,
            options=self.options,
            keep_alive=self.keep_alive,
            think=self.think,
        )
        try:
            for part in parts:
                text = part.message.content or ""
                thinking = part.message.thinking or ""
                if not part.done:
                    yield Chunk(text, thinking=thinking)
                elif part.done_reason != "load" or text.strip():  # a bare "loaded" line
                    meta = part.model_dump(exclude={"message"})
                    meta["model_name"] = meta.get("model")
                    yield Chunk(text, meta, thinking)
        finally:
            close = getattr(parts, "close", None)
            if close is not None:
                close()
