"""Document questions and summaries as chat turns (the chat agent's shape).

The chat window runs these instead of the plain chat agent: a question while the
"Documents" switch is on is answered from the index with citations; a message that
carries a document attachment with ``task: summarize`` is that document's summary.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from agents.cancel import CancelToken
from agents.events import Citation, Event
from agents.llm.messages import ChatMessage

SUMMARIZE = "summarize"


def summary_request(path: Path, lang: str | None = None) -> dict[str, Any]:
    """The attachment that asks for a document's summary."""
    request: dict[str, Any] = {"kind": "document", "task": SUMMARIZE, "path": str(path)}
    request["name"] = path.name
    if lang:
        request["lang"] = lang
    return request


def citation_record(citation: Citation) -> dict[str, Any]:
    """A citation as an answer's attachment record."""
    return {
        "kind": "citation",
        "number": citation.number,
        "path": citation.path,
        "page": citation.page,
        "heading": citation.heading,
        "passage": citation.passage,
    }


def citation_from_record(record: dict[str, Any]) -> Citation:
    """The inverse of :func:`citation_record`."""
    page = record.get("page")
    return Citation(
        number=int(record.get("number") or 0),
        path=str(record.get("path") or ""),
        page=int(page) if isinstance(page, int) else None,
        heading=record.get("heading") or None,
        passage=str(record.get("passage") or ""),
    )


class DocumentQuestion:
    """Answers the last message from the documents only (DocumentAnswerer)."""

    def __init__(self, answerer: Any) -> None:
        self.answerer = answerer

    def stream(
        self, history: Sequence[ChatMessage], cancel: CancelToken | None = None
    ) -> Iterator[Event]:
        """Streams the cited answer."""
        question = history[-1].content if history else ""
        events: Iterator[Event] = self.answerer.stream(question, cancel)
        return events


class DocumentSummary:
    """Summarises one document (DocumentSummarizer), whatever the message says."""

    def __init__(self, summarizer: Any, path: Path, lang: str | None = None) -> None:
        self.summarizer = summarizer
        self.path = path
        self.lang = lang

    def stream(
        self, history: Sequence[ChatMessage], cancel: CancelToken | None = None
    ) -> Iterator[Event]:
        """Streams progress, then the summary."""
        events: Iterator[Event] = self.summarizer.stream(self.path, self.lang, cancel)
        return events
