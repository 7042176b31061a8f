"""What every mail source shares: the protocol, request sizes, order, and notes.

A request reads what it can: a message that can't be read is skipped, and a note naming
it is kept for the person (``source.notes``) instead of failing the whole request.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from agents.mail.errors import MailError, MailKind
from agents.mail.model import MailMessage
from agents.wording import Words, say

MAX_COUNT = 500  # at most this many messages per request
MAX_NOTES = 10  # notes kept per request; the others are counted
_EPOCH = datetime.min.replace(tzinfo=UTC)


class MailSource(Protocol):
    """A mailbox that can be read (never changed)."""

    @property
    def notes(self) -> tuple[Words, ...]:
        """What the last request skipped or cut short, each naming the message or file."""
        ...

    def latest(self, count: int) -> list[MailMessage]:
        """The newest ``count`` messages, newest first."""
        ...

    def get(self, message_id: str) -> MailMessage:
        """One message by its id; raises MailError when it isn't there."""
        ...

    def search(self, query: str, limit: int = 20) -> list[MailMessage]:
        """Messages whose headers or text contain every word of ``query``, newest first."""
        ...


class Notes:
    """What one request skipped, for the person: the first few in words, then a count."""

    def __init__(self) -> None:
        self._lines: list[Words] = []
        self._more = 0

    def add(self, text: Words) -> None:
        """Keeps one note (each names what was skipped, and why)."""
        if text in self._lines:
            return
        if len(self._lines) < MAX_NOTES:
            self._lines.append(text)
        else:
            self._more += 1

    def shown(self) -> tuple[Words, ...]:
        """The notes, with a last line counting those left out."""
        more = (say("… and {count} more like these.", count=self._more),) if self._more else ()
        return (*self._lines, *more)


def check_count(count: int) -> int:
    """A request's message count, within 1 and ``MAX_COUNT``."""
    if count < 1:
        raise MailError(MailKind.GENERAL, say("Ask for at least one message."))
    return min(count, MAX_COUNT)


def newest_first(messages: list[tuple[int, MailMessage]]) -> list[MailMessage]:
    """Sorts by date (newest first); messages without a date keep their arrival order."""
    ordered = sorted(messages, key=lambda p: (p[1].date or _EPOCH, p[0]), reverse=True)
    return [m for _, m in ordered]


def matches(message: MailMessage, words: list[str]) -> bool:
    """Whether every (case-folded) word is in the message's headers or text."""
    haystack = " ".join(
        (message.subject, message.sender, " ".join(message.to), " ".join(message.cc), message.text)
    ).casefold()
    return all(word in haystack for word in words)


def not_found(message_id: str, where: Words) -> MailError:
    """The error for an id that isn't in a mailbox."""
    return MailError(
        MailKind.GENERAL,
        say(
            "There is no message with id {id} in {where}.",
            id=message_id,
            where=where,
        ),
    )
