"""What an agent yields while it works: one typed event per step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from agents.errors import HearthError
from agents.wording import Words, plain, say

if TYPE_CHECKING:
    from agents.attachments import Attachment


@dataclass(frozen=True)
class Stats:
    """Timing of one answer, from Ollama's final chunk."""

    model: str = ""
    done_reason: str = ""
    prompt_tokens: int = 0
    output_tokens: int = 0
    total_seconds: float = 0.0
    load_seconds: float = 0.0
    eval_seconds: float = 0.0

    @property
    def tokens_per_second(self) -> float:
        """Generation speed."""
        return self.output_tokens / self.eval_seconds if self.eval_seconds > 0 else 0.0

    @property
    def truncated(self) -> bool:
        """Whether the answer stopped at the length limit."""
        return self.done_reason == "length"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {
            "model": self.model,
            "done_reason": self.done_reason,
            "prompt_tokens": self.prompt_tokens,
            "output_tokens": self.output_tokens,
            "total_seconds": self.total_seconds,
            "load_seconds": self.load_seconds,
            "eval_seconds": self.eval_seconds,
        }

    @classmethod
    def combined(cls, parts: Sequence[Stats]) -> Stats:
        """The stats of an answer written in several requests (a long rewrite)."""
        return cls(
            model=next((s.model for s in parts if s.model), ""),
            done_reason="length" if any(s.truncated for s in parts) else "stop",
            prompt_tokens=sum(s.prompt_tokens for s in parts),
            output_tokens=sum(s.output_tokens for s in parts),
            total_seconds=sum(s.total_seconds for s in parts),
            load_seconds=sum(s.load_seconds for s in parts),
            eval_seconds=sum(s.eval_seconds for s in parts),
        )

    @classmethod
    def from_metadata(cls, meta: dict[str, Any]) -> Stats:
        """Reads Ollama's final-chunk fields (durations in nanoseconds)."""

        def seconds(key: str) -> float:
            return float(meta.get(key) or 0) / 1e9

        return cls(
            model=str(meta.get("model_name") or meta.get("model") or ""),
            done_reason=str(meta.get("done_reason") or ""),
            prompt_tokens=int(meta.get("prompt_eval_count") or 0),
            output_tokens=int(meta.get("eval_count") or 0),
            total_seconds=seconds("total_duration"),
            load_seconds=seconds("load_duration"),
            eval_seconds=seconds("eval_duration"),
        )


@dataclass(frozen=True)
class Token:
    """A piece of the answer, as it was written."""

    text: str


@dataclass(frozen=True)
class Thinking:
    """A piece of a thinking model's reasoning, written before its answer.

    It is shown apart from the answer and saved with it, but never part of the answer's
    text: it is not sent back to the model as history.
    """

    text: str


@dataclass(frozen=True)
class Status:
    """A change the person should see (e.g. ``loading model``), not part of the answer."""

    text: Words


@dataclass(frozen=True)
class ToolCallEvent:
    """Something about one tool call: its id (unique in a turn) and the tool's name."""

    call_id: str
    name: str


@dataclass(frozen=True)
class ToolCallProposed(ToolCallEvent):
    """The model wants to call a tool."""

    arguments: dict[str, Any]


@dataclass(frozen=True)
class ToolCallDecided(ToolCallEvent):
    """The person approved or denied a proposed call."""

    approved: bool


@dataclass(frozen=True)
class ToolResult(ToolCallEvent):
    """What a tool returned."""

    content: str


@dataclass(frozen=True)
class Final:
    """The answer is complete.

    Attributes:
        text: The answer.
        stats: How it was made.
        words: The answer as Words when Hearth wrote it rather than a model (nothing found,
            no documents yet...): the window shows and keeps it in the person's language;
            ``text`` is its English.
    """

    text: str
    stats: Stats = field(default_factory=Stats)
    words: Words | None = None

    @classmethod
    def said(cls, words: Words, stats: Stats | None = None) -> Final:
        """An answer Hearth wrote itself."""
        return cls(str(words), stats or Stats(), words)


@dataclass(frozen=True)
class Stopped:
    """The person stopped the answer; ``partial`` is what arrived."""

    partial: str


@dataclass(frozen=True)
class Failed:
    """The answer failed; ``partial`` is what arrived before the failure."""

    error: HearthError
    partial: str = ""


def record_text(record: dict[str, Any], key: str) -> str:
    """A text field of a stored record ('' when missing or not text)."""
    value = record.get(key)
    return value if isinstance(value, str) else ""


def record_number(record: dict[str, Any], key: str) -> int:
    """A whole-number field of a stored record (0 when missing or not a number)."""
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer; kept with the answer as an attachment.

    Attributes:
        number: The number used in the answer ([1] is 1).
        path: The file.
        page: 1-based page for PDFs, else None.
        heading: The nearest heading, if any.
        passage: The quoted text.
    """

    number: int
    path: str
    page: int | None
    heading: str | None
    passage: str
    kind: Literal["citation"] = field(default="citation", init=False, repr=False)

    @property
    def label(self) -> Words:
        """``report.pdf, page 3`` style label."""
        name = Path(self.path).name
        return say("{name}, page {page}", name=name, page=self.page) if self.page else plain(name)

    def to_record(self) -> dict[str, Any]:
        """The JSON record kept with the answer."""
        return {
            "kind": self.kind,
            "number": self.number,
            "path": self.path,
            "page": self.page,
            "heading": self.heading,
            "passage": self.passage,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Citation:
        """Reads the record back (missing fields become empty)."""
        return cls(
            number=record_number(record, "number"),
            path=record_text(record, "path"),
            page=record_number(record, "page") or None,
            heading=record_text(record, "heading") or None,
            passage=record_text(record, "passage"),
        )


@dataclass(frozen=True)
class Sources:
    """The citations of an answer; yielded once, just before Final."""

    citations: list[Citation]


@dataclass(frozen=True)
class SummaryProgress:
    """A map-reduce step finished: ``done`` of ``total`` sections."""

    done: int
    total: int
    stage: str = "sections"


@dataclass(frozen=True)
class Attached:
    """Files the answer comes with (e.g. the image with a box drawn)."""

    attachments: tuple[Attachment, ...]


@dataclass(frozen=True)
class Result:
    """A structured result the answer comes with (a chart's table, where a thing is)."""

    value: object


@dataclass(frozen=True)
class Blocked:
    """The safety check stopped the turn; it ends the turn like Final would.

    Attributes:
        stage: ``prompt``: the person's message was flagged and no other model saw it;
            ``answer``: the answer was flagged and nothing of it is shown or saved.
        message: What to tell the person (what was blocked, and why).
        categories: The hazard categories named, such as ``S1 Violent Crimes``.
    """

    stage: Literal["prompt", "answer"]
    message: Words
    categories: tuple[str, ...] = ()


Event = (
    Token
    | Thinking
    | Status
    | ToolCallProposed
    | ToolCallDecided
    | ToolResult
    | Sources
    | Attached
    | Result
    | SummaryProgress
    | Final
    | Stopped
    | Failed
    | Blocked
)
