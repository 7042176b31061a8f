"""Turns raw mail bytes into a MailMessage, whatever the sender's software got wrong.

The bytes are bounded before the email package sees them: cut at a size, at a number of
lines, and before the part that would nest the parser's recursion too deep. The legacy
(``compat32``) message model parses them, keeping header text raw; headers are decoded in
headers.py and HTML in html_text.py, both in linear time. The body walk is bounded by
depth and part count. The result is a MailMessage with broken pieces replaced; should the
email package fail all the same, the failure becomes a MailError naming no content.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from typing import Any

from agents.mail.errors import MailError, MailKind
from agents.mail.headers import Headers, decode_value, decode_words
from agents.mail.html_text import html_to_text
from agents.mail.model import AttachmentInfo, MailMessage
from agents.mail.text import clean_text, decode_bytes, one_line
from agents.wording import say

log = logging.getLogger(__name__)

# Caps: a message is read up to MAX_RAW_BYTES by the sources. The parser then sees at most
# MAX_LINES lines, MAX_HEADER_LINES header lines, MAX_NESTED multipart or message/* parts
# (each one a level of its recursion and a cost on every later line) and MAX_DELIMITERS
# boundary lines. A part's payload is decoded up to MAX_PART_BYTES; the text kept for a
# message is at most MAX_TEXT_CHARS.
MAX_RAW_BYTES = 8 * 1024 * 1024
MAX_LINES = 100_000
MAX_HEADER_LINES = 20_000
MAX_NESTED = 25
MAX_DELIMITERS = 1_000
MAX_PART_BYTES = 512 * 1024
MAX_TEXT_CHARS = 40_000
MAX_DEPTH = 12
MAX_PARTS = 200
MAX_GUESSES = 2  # multiparts whose lost boundary is guessed from the body, per message
FUTURE_SLACK = timedelta(days=2)  # a Date later than this from now is not believed
EARLIEST = datetime(1971, 1, 1, tzinfo=UTC)

_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|tr|rv|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)
_MSGID = re.compile(r"<[^<>\s]+>")
_BOUNDARY_LINE = re.compile(r"^--([^\s\-][^\r\n]{0,69}?)[ \t]*\r?$", re.M)
_NESTED = re.compile(rb"[\r\n]content-type:\s*(?:multipart|message)/")  # on lower-cased text
_LINE_END = re.compile(rb"\r\n|\r|\n")
_HEADER_END = re.compile(rb"\r?\n\r?\n|\r\r")
_BOUNDARY_PARAM = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.I)


def parse_message(raw: bytes, *, truncated: bool = False) -> MailMessage:
    """Parses one message from its raw bytes (RFC 5322), defensively.

    Args:
        raw: The message as stored or fetched; cut at the caps above if larger.
        truncated: Whether the caller already cut the raw bytes at a cap.

    Returns:
        The parsed message; broken parts become replacement characters.

    Raises:
        MailError: The email package failed on the bytes despite the bounds.
    """
    raw, cut = bounded(raw)
    try:
        return _parse(raw, truncated or cut)
    except Exception as exc:  # the email package's own failure, never expected
        log.warning("mail parsing failed: %s", type(exc).__name__)
        raise MailError(
            MailKind.GENERAL,
            say("the mail parser failed on it ({error_type})", error_type=type(exc).__name__),
        ) from exc


def bounded(raw: bytes) -> tuple[bytes, bool]:
    """The raw bytes within the parser's caps, and whether anything was cut.

    Cuts fall at line starts, so what remains is still a message, only shorter; header
    lines beyond the cap are dropped and the body kept.
    """
    size = len(raw)
    raw = raw[:MAX_RAW_BYTES]
    raw = _at_most_lines(raw, MAX_LINES)
    header_end = _HEADER_END.search(raw)
    split = header_end.start() if header_end else len(raw)
    raw = _at_most_lines(raw[:split], MAX_HEADER_LINES) + raw[split:]
    # Searched with a newline in front, so that a match's index in the search text is
    # where its line starts in ``raw``.
    boundaries: list[bytes] = []
    for number, nested in enumerate(_NESTED.finditer(b"\n" + raw.lower()), 1):
        if number > MAX_NESTED:
            raw = raw[: nested.start()]
            break
        declared = _BOUNDARY_PARAM.search(raw, nested.end() - 1, nested.end() + 2_000)
        if declared:
            boundaries.append(declared.group(1) or declared.group(2))
    if boundaries:
        delimiter = rb"[\r\n]--(?:" + b"|".join(map(re.escape, boundaries)) + b")"
        for number, found in enumerate(re.finditer(delimiter, b"\n" + raw), 1):
            if number > MAX_DELIMITERS:
                raw = raw[: found.start()]
                break
    return raw, len(raw) != size


def _at_most_lines(data: bytes, limit: int) -> bytes:
    """``data`` up to the end of its ``limit``-th line (CR, LF or CRLF ended)."""
    if data.count(b"\n") + data.count(b"\r") <= limit:  # CRLF counts twice: a bound
        return data
    for number, end in enumerate(_LINE_END.finditer(data), 1):
        if number == limit:
            return data[: end.end()]
    return data


def normalized_subject(subject: str) -> str:
    """The subject without reply/forward prefixes, lower-cased, for thread matching."""
    return " ".join(_REPLY_PREFIX.sub("", subject).split()).casefold()


def is_reply_subject(subject: str) -> bool:
    """Whether the subject starts with a reply or forward prefix (Re:, Fwd:, AW:...)."""
    return bool(_REPLY_PREFIX.match(subject))


def _parse(raw: bytes, truncated: bool) -> MailMessage:
    msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    headers = Headers(msg)
    walker = _BodyWalker()
    walker.walk(msg, depth=0)
    text = walker.text()
    if len(text) > MAX_TEXT_CHARS:
        text, walker.truncated = text[:MAX_TEXT_CHARS].rstrip() + "\n[…message cut…]", True
    subject = headers.text("Subject")
    message_id = _first_msgid(headers.text("Message-ID"))
    to, more_to = headers.addresses("To")
    cc, more_cc = headers.addresses("Cc")
    return MailMessage(
        id=message_id or _content_id(headers, raw),
        thread_id=_thread_id(headers, subject, message_id),
        subject=subject,
        sender=headers.text("From"),
        to=to,
        cc=cc,
        date=_date(headers),
        text=text,
        attachments=tuple(walker.attachments),
        truncated=truncated or walker.truncated,
        more_to=more_to,
        more_cc=more_cc,
    )


# -- headers -----------------------------------------------------------------------------
def _first_msgid(value: str) -> str:
    match = _MSGID.search(value)
    return match.group(0) if match else ""


def _thread_id(headers: Headers, subject: str, message_id: str) -> str:
    for name in ("References", "In-Reply-To"):
        found = _first_msgid(headers.text(name))
        if found:
            return found
    if message_id and not is_reply_subject(subject):
        return message_id
    return "subject:" + normalized_subject(subject)


def _content_id(headers: Headers, raw: bytes) -> str:
    """A stable id for a message without Message-ID: a hash of its headers and start."""
    digest = hashlib.sha256()
    for name in ("From", "Date", "Subject", "To"):
        digest.update(headers.text(name).encode("utf-8", "replace") + b"\0")
    digest.update(raw[:4096])
    return "sha256:" + digest.hexdigest()[:32]


def _date(headers: Headers) -> datetime | None:
    """When it was sent: its Date, else when the receiving server got it (Received)."""
    received = headers.raw("Received")
    stamped = decode_value(received[0], 400).rpartition(";")[2] if received else ""
    for text in (headers.text("Date", 200), stamped):
        when = _believable_date(text)
        if when is not None:
            return when
    return None


def _believable_date(text: str) -> datetime | None:
    """A date that parses and lies between 1971 and a little after now; else None."""
    if not text.strip():
        return None
    try:
        when = parsedate_to_datetime(text)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if EARLIEST <= when <= datetime.now(UTC) + FUTURE_SLACK:
            return when
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    return None


# -- bodies ------------------------------------------------------------------------------
class _BodyWalker:
    """Collects the readable text and lists attachments, within depth and part caps."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attachments: list[AttachmentInfo] = []
        self.truncated = False
        self._parts = 0
        self._guesses = 0

    def text(self) -> str:
        """The plain text parts (else the HTML ones, as text), without control characters."""
        chosen = self.plain if any(p.strip() for p in self.plain) else self.html
        return clean_text("\n\n".join(p.strip() for p in chosen if p.strip()))

    def walk(self, part: Message, depth: int) -> None:
        """Reads one part and, within the caps, the parts inside it."""
        self._parts += 1
        if self._parts > MAX_PARTS or depth > MAX_DEPTH:
            self.truncated = True
            return
        content_type = part.get_content_type()
        if content_type == "message/rfc822" and _is_attachment(part, content_type):
            self._list_attachment(part, content_type)
            return
        if part.is_multipart():
            children = [c for c in part.get_payload() if isinstance(c, Message)]
            if content_type == "multipart/alternative":
                self._walk_alternative(children, depth)
                return
            for child in children:
                self.walk(child, depth + 1)
            return
        if content_type.startswith("multipart/"):
            self._walk_broken_multipart(part, depth)
            return
        if _is_attachment(part, content_type):
            self._list_attachment(part, content_type)
            return
        if content_type == "text/html":
            self.html.append(html_to_text(self._decoded_text(part)))
        elif content_type.startswith("text/") or content_type == "message/rfc822":
            self.plain.append(self._decoded_text(part))
        else:
            self._list_attachment(part, content_type)

    def _walk_broken_multipart(self, part: Message, depth: int) -> None:
        """A multipart whose boundary never appears: guess it from the body, else show text."""
        payload = part.get_payload()
        text = payload if isinstance(payload, str) else ""
        match = _BOUNDARY_LINE.search(text)
        if match and depth < MAX_DEPTH and self._guesses < MAX_GUESSES:
            self._guesses += 1
            header = f'Content-Type: multipart/mixed; boundary="{match.group(1)}"\r\n\r\n'
            data, _ = bounded((header + text).encode("utf-8", "surrogateescape"))
            guessed = BytesParser(policy=policy.compat32).parsebytes(data)
            if guessed.is_multipart():
                self.walk(guessed, depth + 1)
                return
        self.plain.append(self._decoded_text(part))

    def _walk_alternative(self, parts: list[Message], depth: int) -> None:
        """Takes the plain version of an alternative if there is one, else the richest."""
        plain = [c for c in parts if c.get_content_type() == "text/plain"]
        if plain:
            self.walk(plain[0], depth + 1)
            return
        for child in reversed(parts):
            before = (len(self.plain), len(self.html), len(self.attachments))
            self.walk(child, depth + 1)
            if (len(self.plain), len(self.html), len(self.attachments)) != before:
                return

    def _decoded_text(self, part: Message) -> str:
        data = _payload(part)
        if len(data) > MAX_PART_BYTES:
            data, self.truncated = data[:MAX_PART_BYTES], True
        return decode_bytes(data, part.get_content_charset())

    def _list_attachment(self, part: Message, content_type: str) -> None:
        name = decode_words(_filename(part))
        if not name and content_type == "message/rfc822":
            name = "forwarded-message.eml"
        size = len(_payload(part))
        self.attachments.append(AttachmentInfo(one_line(name, 255), content_type, size))


def _is_attachment(part: Message, content_type: str) -> bool:
    if part.get_content_disposition() == "attachment":
        return True
    if content_type == "message/rfc822":
        return False
    return bool(_filename(part)) and not content_type.startswith("text/")


def _filename(part: Message) -> str:
    """The attachment's file name as given ('' when none, or when it can't be read)."""
    try:
        name: Any = part.get_filename()
    except (LookupError, UnicodeError, ValueError):
        return ""
    return name if isinstance(name, str) else ""


def _payload(part: Message) -> bytes:
    """A part's content with its transfer encoding undone (broken encodings as far as
    they go); a multipart's own bytes when it has no single payload."""
    data = part.get_payload(decode=True)
    if isinstance(data, bytes):
        return data
    if part.is_multipart():
        return part.as_bytes()
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
