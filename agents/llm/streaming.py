"""The one stream loop every agent shares, and the one way a turn ends.

:func:`stream_reply` streams a chat model's reply as Token events (and a thinking model's
reasoning as Thinking events), checking the cancel token per chunk and closing the HTTP
stream when it stops. :func:`run_steps` runs an
agent's steps and ends the turn exactly once: ``Final``, ``Stopped`` (the person stopped
it; what arrived is kept) or ``Failed`` (with a message that says what to do).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from agents.cancel import Cancelled, CancelToken
from agents.errors import HearthError
from agents.events import Event, Failed, Final, Stats, Stopped, Thinking, Token
from agents.llm.errors import incomplete

if TYPE_CHECKING:
    from agents.llm.ollama_service import OllamaService

Hold = Callable[[str], bool]
"""Told the reply so far (before anything was shown); True keeps it back for now."""

ENDINGS = (Final, Stopped, Failed)


@dataclass
class Reply:
    """How a streamed reply ended.

    Attributes:
        text: Everything that arrived.
        meta: Ollama's final-chunk fields (``done_reason``, timings); empty when the
            stream ended without its ``done`` chunk.
        cancelled: Whether it was stopped.
        held: The start of the reply that ``hold`` kept back to the end (not yielded).
        reasoning: A thinking model's reasoning (yielded as Thinking, never in ``text``).
    """

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    cancelled: bool = False
    held: str = ""
    reasoning: str = ""

    @property
    def complete(self) -> bool:
        """Whether Ollama said the reply was done."""
        return bool(self.meta)

    @property
    def done_reason(self) -> str:
        """``stop``, ``length``..., or '' when the reply never finished."""
        return str(self.meta.get("done_reason") or "")

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
    *,
    strip_leading: bool = False,
    hold: Hold | None = None,
) -> Generator[Token | Thinking, None, Reply]:
    """Streams a chat model's reply, one Token per piece; returns how it ended.

    Use as ``reply = yield from stream_reply(...)``. Cancellation is checked per chunk
    and closes the HTTP stream (Ollama stops generating); each piece is counted on the
    token's progress. A thinking model asked for its reasoning (see
    ``OllamaService.chat_model``) sends it first: each piece is a Thinking event, kept
    apart from the answer's text. Errors propagate.

    Args:
        chat: A LangChain chat model (``ChatOllama``), or a ``PlainChat``.
        messages: Messages as the model takes them (LangChain's, or ChatMessage).
        cancel: Stops the stream at the next chunk.
        strip_leading: Drop whitespace before the first visible text.
        hold: While it says True for the reply so far, nothing is shown (a marker such
            as "not in the documents" may be forming); once False, the held text is
            released. What is still held at the end is in ``Reply.held``.
    """
    parts: list[str] = []
    reasoning: list[str] = []
    meta: dict[str, Any] = {}
    held = ""
    shown = False
    started = not strip_leading
    if cancel.cancelled:  # a stopped turn starts no request
        return Reply("", cancelled=True)
    cancel.report(tokens=0)
    stream = chat.stream(messages)
    try:
        for chunk in stream:
            if cancel.cancelled:
                return Reply("".join(parts), meta, cancelled=True, reasoning="".join(reasoning))
            text = chunk.text if isinstance(chunk.text, str) else str(chunk.content)
            if chunk.response_metadata.get("done"):
                meta = dict(chunk.response_metadata)
            thought = chunk.additional_kwargs.get("reasoning_content")
            if isinstance(thought, str) and thought:
                cancel.count_token()
                reasoning.append(thought)
                yield Thinking(thought)
            if not text:
                continue
            cancel.count_token()
            parts.append(text)
            if not started:
                text = text.lstrip()
                started = bool(text)
            if hold is not None and not shown and hold(held + text):
                held += text
                continue
            text, held = held + text, ""
            if text:
                shown = True
                yield Token(text)
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    return Reply(
        "".join(parts), meta, cancelled=cancel.cancelled, held=held, reasoning="".join(reasoning)
    )


def read_reply(
    service: OllamaService, chat: Any, messages: Sequence[Any], cancel: CancelToken
) -> Reply:
    """Reads a whole reply (structured output, notes, and other non-streamed uses).

    Raises:
        Cancelled: ``cancel`` was set (the stream was closed at once).
        LLMError: The server failed, or the reply ended before Ollama said it was done.
    """
    model = getattr(chat, "model", None)
    pieces = stream_reply(chat, messages, cancel)
    try:
        while True:
            next(pieces)
    except StopIteration as end:
        reply: Reply = end.value
    except HearthError:
        raise
    except Exception as exc:
        cancel.check()
        raise service.error(exc, model) from exc
    cancel.check()
    if not reply.complete:
        raise incomplete(model)
    return reply


@dataclass
class Run:
    """One agent run, as the ending sees it.

    Attributes:
        service: The Ollama door (turns library errors into clear messages).
        cancel: The run's cancel token.
        model: The model doing the work; set it once routed, so errors name it.
        partial: What to keep when the run stops or fails; None keeps the tokens
            shown so far.
    """

    service: OllamaService
    cancel: CancelToken
    model: str | None = None
    partial: Callable[[], str] | None = None


def run_steps(steps: Callable[[Run], Iterator[Event]], run: Run) -> Iterator[Event]:
    """Runs an agent's steps and ends the turn exactly once.

    The steps yield events and end with Final (or Stopped, or Failed); anything they
    raise becomes the ending instead: :class:`Cancelled` or any failure after the person
    stopped is ``Stopped``, a HearthError is ``Failed`` with its message, and any other
    exception is ``Failed`` with the message the Ollama door gives it. Steps that stop
    without an ending failed ("the answer ended early"). Never raises.
    """
    shown: list[str] = []

    def kept() -> str:
        return run.partial() if run.partial is not None else "".join(shown)

    try:
        for event in steps(run):
            if isinstance(event, Token):
                shown.append(event.text)
            yield event
            if isinstance(event, ENDINGS):
                return
    except Cancelled:
        yield Stopped(kept())
        return
    except Exception as exc:
        if run.cancel.cancelled:
            yield Stopped(kept())
        elif isinstance(exc, HearthError):
            yield Failed(exc, kept())
        else:
            yield Failed(run.service.error(exc, run.model), kept())
        return
    yield Stopped(kept()) if run.cancel.cancelled else Failed(incomplete(run.model), kept())
