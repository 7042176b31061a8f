"""What a message can carry besides its text: typed attachments, kept as JSON records.

A message's attachments are stored (and exported) as small JSON objects with a
``kind``; here each kind is a frozen dataclass with ``to_record``/``from_record``, and
:func:`from_record` reads any record back. A kind this version doesn't know is kept
as it was (:class:`OtherAttachment`), so nothing a newer Hearth wrote is lost.
"""

from __future__ import annotations

import base64
import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from agents.events import Citation, record_number, record_text
from agents.files import path_text

ImageTaskKind = Literal["find", "chart"]
FIND: ImageTaskKind = "find"
CHART: ImageTaskKind = "chart"


@dataclass(frozen=True)
class ImageRef:
    """A prepared image in the image store, shown with the message.

    Attributes:
        sha256: Its key in the image store.
        name: The name shown (the file's, or ``pasted image``).
        width: Prepared width in pixels (0 when unknown).
        height: Prepared height in pixels (0 when unknown).
    """

    sha256: str
    name: str = ""
    width: int = 0
    height: int = 0
    kind: Literal["image"] = field(default="image", init=False)

    def to_record(self) -> dict[str, Any]:
        """The JSON record kept with the message."""
        record: dict[str, Any] = {"kind": self.kind, "sha256": self.sha256, "name": self.name}
        if self.width and self.height:
            record |= {"width": self.width, "height": self.height}
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> ImageRef:
        """Reads the record back (missing fields become empty)."""
        return cls(
            record_text(record, "sha256"),
            record_text(record, "name"),
            record_number(record, "width"),
            record_number(record, "height"),
        )


@dataclass(frozen=True)
class ImageTaskRequest:
    """Asks for an image task on the message's image: find something, or a chart's table.

    Kept with the question so that Retry runs the same task.
    """

    task: ImageTaskKind
    query: str = ""
    attempts: int | None = field(default=None, compare=False)  # None: the usual number
    kind: Literal["task"] = field(default="task", init=False)

    def to_record(self) -> dict[str, Any]:
        """The JSON record kept with the message."""
        return {"kind": self.kind, "task": self.task, "query": self.query}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> ImageTaskRequest:
        """Reads the record back; an unknown task reads as chart to table."""
        task: ImageTaskKind = FIND if record.get("task") == FIND else CHART
        return cls(task, record_text(record, "query"))


@dataclass(frozen=True)
class SummaryRequest:
    """Asks for a document's summary, in a language (None: the document's own)."""

    path: str
    lang: str | None = None
    kind: Literal["document"] = field(default="document", init=False)

    @property
    def name(self) -> str:
        """The file's name."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def to_record(self) -> dict[str, Any]:
        """The JSON record kept with the message.

        A path that is not valid UTF-8 (a file name from an old disk) is kept as text with
        the odd bytes escaped, and exactly in ``path_bytes`` (base64), so it reads back.
        """
        text = path_text(self.path)
        record: dict[str, Any] = {
            "kind": self.kind,
            "task": "summarize",
            "path": text,
            "name": path_text(self.name),
        }
        if text != self.path:
            record["path_bytes"] = base64.b64encode(os.fsencode(self.path)).decode("ascii")
        if self.lang:
            record["lang"] = self.lang
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SummaryRequest:
        """Reads the record back."""
        path = record_text(record, "path")
        exact = record_text(record, "path_bytes")
        if exact:
            with contextlib.suppress(ValueError):
                path = os.fsdecode(base64.b64decode(exact, validate=True))
        return cls(path, record_text(record, "lang") or None)


@dataclass(frozen=True)
class Reasoning:
    """How a thinking model reasoned before its answer; kept with the answer, shown
    collapsed above it, and never sent back to the model."""

    text: str
    kind: Literal["reasoning"] = field(default="reasoning", init=False)

    def to_record(self) -> dict[str, Any]:
        """The JSON record kept with the message."""
        return {"kind": self.kind, "text": self.text}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Reasoning:
        """Reads the record back."""
        return cls(record_text(record, "text"))


@dataclass(frozen=True)
class OtherAttachment:
    """A record of a kind this version doesn't know, kept as it was."""

    record: dict[str, Any]

    @property
    def kind(self) -> str:
        """The record's own kind, or ``file``."""
        return record_text(self.record, "kind") or "file"

    def to_record(self) -> dict[str, Any]:
        """The record, unchanged."""
        return dict(self.record)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> OtherAttachment:
        """Keeps the record."""
        return cls(dict(record))


Attachment = ImageRef | ImageTaskRequest | SummaryRequest | Citation | Reasoning | OtherAttachment

_KINDS: dict[str, type[ImageRef | ImageTaskRequest | SummaryRequest | Citation | Reasoning]] = {
    "image": ImageRef,
    "task": ImageTaskRequest,
    "document": SummaryRequest,
    "citation": Citation,
    "reasoning": Reasoning,
}


def from_record(record: dict[str, Any]) -> Attachment:
    """Reads one stored record as its typed attachment."""
    reader = _KINDS.get(record_text(record, "kind"))
    if reader is SummaryRequest and record.get("task") != "summarize":
        reader = None
    return reader.from_record(record) if reader is not None else OtherAttachment(dict(record))


def from_records(records: Iterable[dict[str, Any]]) -> tuple[Attachment, ...]:
    """Reads stored records (anything that isn't a JSON object is dropped)."""
    return tuple(from_record(r) for r in records if isinstance(r, dict))


def to_records(attachments: Iterable[Attachment]) -> list[dict[str, Any]]:
    """The JSON records to store."""
    return [a.to_record() for a in attachments]


def images_in(attachments: Sequence[Attachment]) -> list[ImageRef]:
    """The images among the attachments, in order."""
    return [a for a in attachments if isinstance(a, ImageRef)]


def citations_in(attachments: Sequence[Attachment]) -> list[Citation]:
    """The cited sources among the attachments, in order."""
    return [a for a in attachments if isinstance(a, Citation)]


def reasoning_in(attachments: Sequence[Attachment]) -> str:
    """The reasoning kept with an answer ('' if none)."""
    return "".join(a.text for a in attachments if isinstance(a, Reasoning))


def first(attachments: Sequence[Attachment], kind: type[Any]) -> Any:
    """The first attachment of a type, or None."""
    return next((a for a in attachments if isinstance(a, kind)), None)
