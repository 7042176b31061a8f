"""Text out of mail bytes: charsets with fallbacks, and no control characters left in it.

Whatever a sender declared, decoding never raises: an unknown or lying charset falls back
to UTF-8, then to replacement characters. Text kept for display and for the model holds
no control characters (NUL, escape sequences, C1 controls) and uses ``\\n`` line breaks.
"""

from __future__ import annotations

import codecs
import re

# C0 controls except tab and newline, DEL, and the C1 range (never text, often a terminal
# command). Line breaks of every kind are handled separately.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ALIASES: dict[str, str | None] = {
    "unknown-8bit": None,
    "x-unknown": None,
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decodes text with its declared charset, falling back to UTF-8, never raising."""
    declared = known_charset(charset)
    for candidate in (declared, "utf-8"):
        if candidate is None:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(declared or "utf-8", errors="replace")


def known_charset(charset: str | None) -> str | None:
    """The codec for a declared charset name; None when it is unknown or meaningless."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in _ALIASES:
        return _ALIASES[name]
    try:
        return codecs.lookup(name[:64]).name
    except (LookupError, ValueError):
        return None


def one_line(value: str, limit: int) -> str:
    """``value`` on one line: no line breaks or controls, spaces collapsed, at most
    ``limit`` characters (the last one "…" when it was cut)."""
    value = _CONTROL.sub("", _LINE_BREAKS.sub(" ", value.replace("\t", " ")))
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def clean_text(value: str) -> str:
    """Body text without control characters, every line break written ``\\n``."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", value))
