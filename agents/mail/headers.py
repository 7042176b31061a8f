"""Header fields of received mail, decoded defensively and within bounds.

The standard library's modern header parser is recursive and has been slow on crafted
input, and its address parser recurses on nested comments and groups. Hearth keeps each
header's raw text (the legacy ``compat32`` message model) and decodes it here, in single
linear passes: 8-bit bytes as UTF-8 or Windows-1252, RFC 2047 encoded words (a bounded
number of them), and address lists split by a scanner with no recursion at all. Every
value ends up on one line and cut at a length.
"""

from __future__ import annotations

import binascii
import re
from email.message import Message

from agents.mail.text import decode_bytes, one_line

MAX_RAW_HEADER_CHARS = 64_000  # of one field's raw text, decoded for display
MAX_ADDRESS_HEADER_CHARS = 512_000  # of an address field's raw text: 10,000 addresses
MAX_HEADER_CHARS = 2_000  # of a decoded value
MAX_NAME_CHARS = 200  # of a display name
MAX_ADDRESS_CHARS = 320  # of an address (RFC 5321 allows 254)
MAX_ADDRESSES = 200  # kept per recipient field; the others are only counted
MAX_ENCODED_WORDS = 200  # decoded per value; the rest are shown as written
MAX_VALUES_PER_NAME = 50  # occurrences kept of one header name (Received: can repeat)

_ENCODED_WORD = re.compile(r"=\?([^?\s*]{1,64})(?:\*[^?\s]{0,32})?\?([bBqQ])\?([^?\s]{0,2000})\?=")
_SPACE_ONLY = re.compile(r"[ \t\r\n]*")


class Headers:
    """The header fields of one message (or part), looked up by name, decoded on demand.

    Args:
        msg: A message parsed with the ``compat32`` policy, whose values are raw text.
    """

    def __init__(self, msg: Message) -> None:
        self._values: dict[str, list[str]] = {}
        for name, value in msg.raw_items():
            kept = self._values.setdefault(str(name).strip().lower(), [])
            if len(kept) < MAX_VALUES_PER_NAME:
                kept.append(str(value)[:MAX_ADDRESS_HEADER_CHARS])

    def raw(self, name: str) -> list[str]:
        """The raw values of a header, in order (at most ``MAX_VALUES_PER_NAME``)."""
        return self._values.get(name.lower(), [])

    def text(self, name: str, limit: int = MAX_HEADER_CHARS) -> str:
        """The first value of a header, decoded, on one line; '' when missing."""
        values = self.raw(name)
        return decode_value(values[0], limit) if values else ""

    def addresses(self, name: str) -> tuple[tuple[str, ...], int]:
        """The addresses of a header (all its occurrences): the first ``MAX_ADDRESSES``
        as ``Name <address>``, and how many more there were."""
        shown: list[str] = []
        more = 0
        for value in self.raw(name):
            for display, address in split_addresses(_unescaped_8bit(value)):
                if len(shown) >= MAX_ADDRESSES:
                    more += 1
                else:
                    shown.append(format_address(display, address))
        return tuple(shown), more


def decode_value(raw: str, limit: int = MAX_HEADER_CHARS) -> str:
    """A raw header value as readable text: 8-bit bytes and encoded words decoded, on
    one line, at most ``limit`` characters."""
    return one_line(decode_words(_unescaped_8bit(raw[:MAX_RAW_HEADER_CHARS])), limit)


def decode_words(text: str) -> str:
    """Decodes RFC 2047 encoded words (``=?utf-8?q?...?=``), at most
    ``MAX_ENCODED_WORDS`` of them; broken ones are left as written.

    Adjacent words are joined before decoding, so a character split between two words
    (as some mailers do) comes out whole.
    """
    out: list[str] = []
    run: list[tuple[str, bytes]] = []  # consecutive decoded words: (charset, bytes)
    position = 0
    for count, match in enumerate(_ENCODED_WORD.finditer(text)):
        if count >= MAX_ENCODED_WORDS:
            break
        gap = text[position : match.start()]
        decoded = _word_bytes(match.group(2), match.group(3))
        if decoded is None:
            continue  # left as written: it stays in the next gap
        if not (run and _SPACE_ONLY.fullmatch(gap)):
            out.append(_joined(run))
            run = []
            out.append(gap)
        charset = match.group(1).lower()
        if run and run[-1][0] == charset:
            run[-1] = (charset, run[-1][1] + decoded)
        else:
            run.append((charset, decoded))
        position = match.end()
    out.append(_joined(run))
    out.append(text[position:])
    return "".join(out)


def split_addresses(value: str) -> list[tuple[str, str]]:
    """(display name, address) for each entry of an address header, in one linear pass.

    Commas inside quotes, comments and angle brackets don't split; group names
    (``team: a@x, b@y;``) are dropped; empty entries are skipped. Nothing recurses, so
    no nesting of comments, groups or brackets can exhaust the stack.
    """
    entries: list[str] = []
    current: list[str] = []
    comment = 0
    quoted = angle = escaped = False
    for char in value[:MAX_ADDRESS_HEADER_CHARS]:
        if escaped:
            escaped = False
        elif char == "\\" and (quoted or comment):
            escaped = True
        elif quoted:
            quoted = char != '"'
        elif comment:
            comment += 1 if char == "(" else -1 if char == ")" else 0
        elif char == '"':
            quoted = True
        elif char == "(":
            comment = 1
        elif char in "<>":
            angle = char == "<"
        elif char in ",;" and not angle:
            entries.append("".join(current))
            current = []
            continue
        elif char == ":" and not angle:
            current = []  # a group's name
            continue
        current.append(char)
    entries.append("".join(current))
    pairs = [_one_address(entry) for entry in entries]
    return [(name, address) for name, address in pairs if name or address]


def format_address(display: str, address: str) -> str:
    """``Name <address>`` for display (the name decoded, both on one line and capped)."""
    name = one_line(decode_words(display), MAX_NAME_CHARS)
    address = one_line(address, MAX_ADDRESS_CHARS)
    if not name:
        return address
    if not address:
        return name
    if any(c in name for c in ',;<>@:"()[]\\'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{address}>"


def _one_address(entry: str) -> tuple[str, str]:
    """One entry of an address list as (display name, address)."""
    entry = entry.strip()
    opening = entry.rfind("<")
    if opening >= 0:
        closing = entry.find(">", opening)
        inside = entry[opening + 1 : closing if closing >= 0 else len(entry)]
        address = _without_comments(inside.rpartition(":")[2])  # drops an old route
        display = entry[:opening]
    else:
        address = _without_comments(entry)
        display = _comment_text(entry)
    return _unquoted(display.strip()), "".join(address.split())


def _without_comments(text: str) -> str:
    out: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(char)
    return "".join(out)


def _comment_text(text: str) -> str:
    """The text of an entry's comments: the old ``user@host (Full Name)`` style."""
    start, end = text.find("("), text.rfind(")")
    return text[start + 1 : end].strip("() ") if 0 <= start < end else ""


def _unquoted(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = re.sub(r"\\(.)", r"\1", text[1:-1])
    return text


def _unescaped_8bit(value: str) -> str:
    """Raw 8-bit header bytes (kept by the parser as surrogates) read as UTF-8, else
    as Windows-1252."""
    if value.isascii():
        return value
    data = value.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _word_bytes(encoding: str, payload: str) -> bytes | None:
    try:
        data = payload.encode("ascii")
        if encoding in "bB":
            return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
        return binascii.a2b_qp(data, header=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def _joined(run: list[tuple[str, bytes]]) -> str:
    return "".join(decode_bytes(data, charset) for charset, data in run)
