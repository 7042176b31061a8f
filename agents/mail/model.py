"""What a mail message is once read: plain data, safe to show and to hand to a model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

SHOWN_RECIPIENTS = 20  # recipients written out before "and N more"


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as listed (never opened).

    Attributes:
        name: The file name the sender gave (sanitised; may be empty).
        content_type: The declared MIME type, such as ``application/pdf``.
        size: Decoded size in bytes (approximate when the message was cut).
    """

    name: str
    content_type: str
    size: int


@dataclass(frozen=True)
class MailMessage:
    """One message, parsed defensively.

    Attributes:
        id: Stable id within its source: the Message-ID if present, else a content hash.
        thread_id: The thread root (References/In-Reply-To), else the normalised subject.
        subject: Subject, decoded, on one line.
        sender: The From header, decoded, on one line.
        to: Recipients.
        cc: Copy recipients.
        date: When it was sent (timezone-aware), if the Date header parses.
        text: The body as plain text (HTML reduced to text), capped.
        attachments: Attachments, listed but never opened.
        truncated: Whether the message or its text was cut at a size cap.
        more_to: Recipients beyond those kept in ``to`` (very long lists are cut).
        more_cc: Copy recipients beyond those kept in ``cc``.
    """

    id: str
    thread_id: str
    subject: str
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    date: datetime | None
    text: str
    attachments: tuple[AttachmentInfo, ...]
    truncated: bool = False
    more_to: int = 0
    more_cc: int = 0

    def recipients(self, field: Literal["to", "cc"], limit: int = SHOWN_RECIPIENTS) -> str:
        """The To or Cc recipients on one line: the first ``limit``, then "and N more"."""
        kept, more = (self.to, self.more_to) if field == "to" else (self.cc, self.more_cc)
        shown = ", ".join(kept[:limit])
        hidden = max(0, len(kept) - limit) + more
        return f"{shown} and {hidden} more" if hidden else shown
