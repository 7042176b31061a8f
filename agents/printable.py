"""Printable text: untrusted values escaped before a terminal or a message shows them.

Mail, calendar entries, documents, file names and model output can hold characters that a
terminal obeys instead of showing: escape sequences that move the cursor or erase lines,
a carriage return that overwrites the start of a line, bidirectional overrides that
reorder what is read, zero-width characters that hide text. Printed raw, they could make
an approval prompt show a recipient other than the real one. :func:`safe` shows every
such character as a visible ``\\uXXXX`` escape (the JSON spelling, so JSON output stays
valid and means the same), leaving ordinary text, including non-Latin scripts, as it is.
"""

from __future__ import annotations

import os
import re
import unicodedata

# Categories a terminal may act on or show as nothing: controls (C0, DEL, C1), format
# characters (bidi embeddings, overrides and isolates, zero-width spaces and joiners, the
# byte-order mark, soft hyphen, tags), lone surrogates (undecodable file names) and the
# Unicode line and paragraph separators.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_CANDIDATES = re.compile(r"\r\n|[^\x20-\x7e]")


def safe(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character a terminal could act on shown as an escape.

    Args:
        text: Untrusted text (a subject, an address, a file name, a mail body...).
        multiline: Keep line breaks (``\\n`` and ``\\r\\n``) as real line breaks; a lone
            ``\\r`` is still escaped. Otherwise line breaks are escaped too, so the value
            stays on one line.

    Returns:
        Text that prints as exactly what it contains; tabs are kept.
    """

    def escape(match: re.Match[str]) -> str:
        found = match.group(0)
        if found == "\r\n":
            return found if multiline else "\\u000d\\u000a"
        if found == "\t" or (found == "\n" and multiline):
            return found
        if unicodedata.category(found) not in _UNSAFE_CATEGORIES:
            return found
        return _escaped(found)

    return _CANDIDATES.sub(escape, text)


def _escaped(char: str) -> str:
    """``\\uXXXX`` for one character (a surrogate pair's two escapes beyond the BMP)."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def shown(text: str | os.PathLike[str], limit: int = 300) -> str:
    """A file name (or any untrusted text) as one safe printable line, cut in the middle
    when longer than ``limit`` (the end of a path is where its file name is)."""
    line = safe(os.fspath(text))
    if len(line) <= limit:
        return line
    head = limit // 3
    return line[:head] + "…" + line[len(line) - (limit - head - 1) :]
