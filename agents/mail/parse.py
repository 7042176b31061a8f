"""Turns raw mail bytes into a MailMessage, whatever the sender's software got wrong.

Broken MIME, unknown charsets, bad transfer encodings, huge bodies and deeply nested
multiparts are all bounded here: the result is always a MailMessage, never an exception.
HTML is reduced to text with the standard library's parser; nothing remote is loaded and
attachments are only listed.
"""

from __future__ import annotations

import codecs
import contextlib
import email.utils
import hashlib
import re
from datetime import UTC, datetime
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from html.parser import HTMLParser
from typing import Any

from agents.mail.model import AttachmentInfo, MailMessage

# Caps: a message is read up to MAX_RAW_BYTES by the sources; a part's payload is decoded
# up to MAX_PART_BYTES; the text kept for a message is at most MAX_TEXT_CHARS.
MAX_RAW_BYTES = 8 * 1024 * 1024
MAX_PART_BYTES = 2 * 1024 * 1024
MAX_TEXT_CHARS = 40_000
MAX_HTML_CHARS = 400_000
MAX_DEPTH = 12
MAX_PARTS = 200
MAX_HEADER_CHARS = 2_000
MAX_ADDRESSES = 200

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\x85]")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]+")
_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|tr|rv|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)
_MSGID = re.compile(r"<[^<>\s]+>")
_BOUNDARY_LINE = re.compile(r"^--([^\s\-][^\r\n]{0,69}?)[ \t]*\r?$", re.M)


def parse_message(raw: bytes, *, truncated: bool = False) -> MailMessage:
    """Parses one message from its raw bytes (RFC 5322), defensively.

    Args:
        raw: The message as stored or fetched; cut at ``MAX_RAW_BYTES`` if longer.
        truncated: Whether the caller already cut the raw bytes at a cap.

    Returns:
        The parsed message; broken parts become replacement characters, never errors.
    """
    if len(raw) > MAX_RAW_BYTES:
        raw, truncated = raw[:MAX_RAW_BYTES], True
    msg: Message
    try:
        msg = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception:  # the parser is lenient; this guards against its own bugs
        msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    walker = _BodyWalker()
    walker.walk(msg, depth=0)
    text = walker.text()
    if len(text) > MAX_TEXT_CHARS:
        text, walker.truncated = text[:MAX_TEXT_CHARS].rstrip() + "\n[…message cut…]", True
    subject = header_text(msg, "Subject")
    message_id = _first_msgid(header_text(msg, "Message-ID"))
    own_id = message_id or _content_id(msg, raw)
    return MailMessage(
        id=own_id,
        thread_id=_thread_id(msg, subject, message_id),
        subject=subject,
        sender=header_text(msg, "From"),
        to=_addresses(msg, "To"),
        cc=_addresses(msg, "Cc"),
        date=_date(msg),
        text=text,
        attachments=tuple(walker.attachments),
        truncated=truncated or walker.truncated,
    )


def one_line(value: str, limit: int = MAX_HEADER_CHARS) -> str:
    """Removes line breaks and control characters and caps the length (for display)."""
    value = _LINE_BREAKS.sub(" ", value)
    value = _CONTROL.sub("", value)
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def header_text(msg: Message, name: str) -> str:
    """A header's decoded value on one line; '' when missing; raw text when undecodable."""
    try:
        value = msg.get(name)
        if value is None:
            return ""
        text = str(value)
    except Exception:
        text = _raw_header(msg, name)
        with contextlib.suppress(Exception):
            text = str(make_header(decode_header(text)))
    return one_line(text)


def normalized_subject(subject: str) -> str:
    """The subject without reply/forward prefixes, lower-cased, for thread matching."""
    return " ".join(_REPLY_PREFIX.sub("", subject).split()).casefold()


def is_reply_subject(subject: str) -> bool:
    """Whether the subject starts with a reply or forward prefix (Re:, Fwd:, AW:...)."""
    return bool(_REPLY_PREFIX.match(subject))


def html_to_text(markup: str) -> str:
    """Reduces HTML to readable text: no scripts, styles or images; links shown in full."""
    if len(markup) > MAX_HTML_CHARS:
        markup = markup[:MAX_HTML_CHARS]
    parser = _TextFromHtml()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; this is a last resort
        return one_line(re.sub(r"<[^>]*>", " ", markup), MAX_TEXT_CHARS)
    return parser.text()


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decodes text with its declared charset, falling back to UTF-8, never raising."""
    declared = _known_charset(charset)
    for candidate in (declared, "utf-8"):
        if candidate is None:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(declared or "utf-8", errors="replace")


# -- headers -----------------------------------------------------------------------------
def _raw_header(msg: Message, name: str) -> str:
    for key, value in msg.raw_items():
        if key.lower() == name.lower():
            return str(value)
    return ""


def _first_msgid(value: str) -> str:
    match = _MSGID.search(value)
    return match.group(0) if match else ""


def _msgids(msg: Message, name: str) -> list[str]:
    return _MSGID.findall(header_text(msg, name))


def _thread_id(msg: Message, subject: str, message_id: str) -> str:
    references = _msgids(msg, "References")
    if references:
        return references[0]
    in_reply_to = _msgids(msg, "In-Reply-To")
    if in_reply_to:
        return in_reply_to[0]
    if message_id and not is_reply_subject(subject):
        return message_id
    return "subject:" + normalized_subject(subject)


def _content_id(msg: Message, raw: bytes) -> str:
    """A stable id for a message without Message-ID: a hash of its headers and start."""
    digest = hashlib.sha256()
    for name in ("From", "Date", "Subject", "To"):
        digest.update(header_text(msg, name).encode("utf-8", "replace") + b"\0")
    digest.update(raw[:4096])
    return "sha256:" + digest.hexdigest()[:32]


def _addresses(msg: Message, name: str) -> tuple[str, ...]:
    values: list[str] = []
    try:
        raw_values = msg.get_all(name) or []
        values = [str(v) for v in raw_values]
    except Exception:
        values = [_raw_header(msg, name)] if _raw_header(msg, name) else []
    result: list[str] = []
    for display, address in email.utils.getaddresses([one_line(v) for v in values]):
        if not address and not display:
            continue
        shown = email.utils.formataddr((one_line(display, 200), one_line(address, 320)))
        result.append(shown)
        if len(result) >= MAX_ADDRESSES:
            break
    return tuple(result)


def _date(msg: Message) -> datetime | None:
    text = header_text(msg, "Date")
    if not text:
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


def _known_charset(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    aliases = {"unknown-8bit": None, "x-unknown": None, "us-ascii": "utf-8", "ascii": "utf-8"}
    if name in aliases:
        return aliases[name]
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
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

    def text(self) -> str:
        chosen = self.plain if any(p.strip() for p in self.plain) else self.html
        return "\n\n".join(p.strip() for p in chosen if p.strip())

    def walk(self, part: Message, depth: int) -> None:
        self._parts += 1
        if self._parts > MAX_PARTS or depth > MAX_DEPTH:
            self.truncated = True
            return
        try:
            content_type = part.get_content_type()
        except Exception:
            content_type = "text/plain"
        if content_type == "message/rfc822" and self._is_attachment(part, content_type):
            self._list_attachment(part, content_type)
            return
        if part.is_multipart():
            children = part.get_payload()
            if not isinstance(children, list):
                return
            if content_type == "multipart/alternative":
                self._walk_alternative(children, depth)
                return
            for child in children:
                if isinstance(child, Message):
                    self.walk(child, depth + 1)
            return
        if content_type.startswith("multipart/"):
            self._walk_broken_multipart(part, depth)
            return
        if self._is_attachment(part, content_type):
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
        if match and depth < MAX_DEPTH:
            header = f'Content-Type: multipart/mixed; boundary="{match.group(1)}"\r\n\r\n'
            data = (header + text).encode("utf-8", "surrogateescape")
            try:
                guessed = BytesParser(policy=policy.default).parsebytes(data)
            except Exception:
                guessed = None
            if guessed is not None and guessed.is_multipart():
                self.walk(guessed, depth + 1)
                return
        self.plain.append(self._decoded_text(part))

    def _walk_alternative(self, children: list[Any], depth: int) -> None:
        """Takes the plain version of an alternative if there is one, else the richest."""
        parts = [c for c in children if isinstance(c, Message)]
        plain = [c for c in parts if _safe_type(c) == "text/plain"]
        if plain:
            self.walk(plain[0], depth + 1)
            return
        for child in reversed(parts):
            before = (len(self.plain), len(self.html), len(self.attachments))
            self.walk(child, depth + 1)
            if (len(self.plain), len(self.html), len(self.attachments)) != before:
                return

    @staticmethod
    def _is_attachment(part: Message, content_type: str) -> bool:
        try:
            disposition = part.get_content_disposition()
            filename = part.get_filename()
        except Exception:
            return not content_type.startswith("text/")
        if disposition == "attachment":
            return True
        if content_type == "message/rfc822":
            return False
        return bool(filename) and not content_type.startswith("text/")

    def _payload(self, part: Message) -> bytes:
        try:
            data = part.get_payload(decode=True)
        except Exception:
            data = None
        if not isinstance(data, bytes) and part.is_multipart():
            try:
                data = part.as_bytes()
            except Exception:
                data = b""
        if not isinstance(data, bytes):
            raw = part.get_payload()
            data = raw.encode("utf-8", "replace") if isinstance(raw, str) else b""
        return data

    def _decoded_text(self, part: Message) -> str:
        data = self._payload(part)
        if len(data) > MAX_PART_BYTES:
            data, self.truncated = data[:MAX_PART_BYTES], True
        try:
            charset = part.get_content_charset()
        except Exception:
            charset = None
        return decode_bytes(data, charset)

    def _list_attachment(self, part: Message, content_type: str) -> None:
        try:
            name = part.get_filename() or ""
        except Exception:
            name = ""
        if not name and content_type == "message/rfc822":
            name = "forwarded-message.eml"
        size = len(self._payload(part))
        self.attachments.append(AttachmentInfo(one_line(name, 255), content_type, size))


def _safe_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "text/plain"


class _TextFromHtml(HTMLParser):
    """HTML to text with the standard library's tolerant parser."""

    _SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
    _BLOCK = frozenset(
        {
            "p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "form", "li",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._skip_depth = 0
        self._links: list[str | None] = []
        self._link_text_start: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
            return
        if tag == "br":
            self._out.append("\n")
        elif tag == "li":
            self._out.append("\n- ")
        elif tag in self._BLOCK:
            self._out.append("\n\n")
        elif tag in {"td", "th"}:
            self._out.append("\t")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self._out.append(f"[{alt}]")
        elif tag == "a":
            self._links.append(dict(attrs).get("href"))
            self._link_text_start.append(len(self._out))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self._SKIP:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag in self._BLOCK:
            self._out.append("\n\n")
        elif tag == "a" and self._links:
            href = self._links.pop()
            start = self._link_text_start.pop()
            shown = "".join(self._out[start:]).strip()
            if href and re.match(r"^(https?|mailto):", href.strip(), re.I):
                target = href.strip()
                if target.lower().removeprefix("mailto:") != shown.lower():
                    self._out.append(f" <{target}>")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._out.append(data)

    def text(self) -> str:
        joined = "".join(self._out).replace("\xa0", " ")
        lines = [" ".join(line.split()) for line in joined.splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
