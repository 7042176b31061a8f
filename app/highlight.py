"""Code coloured by Pygments, in a scheme's style (app.theme.Palette.highlight).

Two outputs from one token stream: ``spans`` for a code view that colours its own
document (app/widgets/code_block.py), and ``html`` with inline styles for rich text. Code
in a language Pygments doesn't know, or longer than ``MAX_CHARS``, is left uncoloured.
"""

from __future__ import annotations

import html as html_mod
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pygments.lexer import Lexer
    from pygments.style import StyleMeta

MAX_CHARS = 100_000  # longer code stays plain: lexing costs time on every streamed piece
MAX_LANGUAGE_CHARS = 40


@dataclass(frozen=True)
class Look:
    """How a run of code is drawn.

    Attributes:
        colour: ``#rrggbb``, or "" for the text colour around it.
        bold: Bold type.
        italic: Italic type.
    """

    colour: str = ""
    bold: bool = False
    italic: bool = False

    def css(self) -> str:
        """The look as an inline CSS declaration ("" when plain)."""
        parts = [f"color:{self.colour}"] if self.colour else []
        parts += ["font-weight:bold"] if self.bold else []
        parts += ["font-style:italic"] if self.italic else []
        return ";".join(parts)


@dataclass(frozen=True)
class Span:
    """A run of code with one look, in Qt's positions (UTF-16 code units).

    Attributes:
        start: Where it starts.
        length: How long it is.
        look: How it is drawn.
    """

    start: int
    length: int
    look: Look


def normalised(code: str) -> str:
    """The code with every line ending as ``\\n``, as shown and coloured."""
    return code.replace("\r\n", "\n").replace("\r", "\n")


def spans(code: str, language: str, style: str) -> list[Span]:
    """The coloured runs of ``normalised(code)`` (none when it stays plain)."""
    found: list[Span] = []
    position = 0
    for text, look in _runs(code, language, style):
        length = len(text.encode("utf-16-le")) // 2
        if look != Look():
            found.append(Span(position, length, look))
        position += length
    return found


def html(code: str, language: str, style: str, escape: Callable[[str], str] | None = None) -> str:
    """``normalised(code)`` as HTML, each coloured run in a span with an inline style.

    Args:
        code: The code.
        language: The language named after the fence ("" when none).
        style: The Pygments style.
        escape: Turns a run of text into HTML (default: ``html.escape``).
    """
    escape = escape or html_mod.escape
    out = []
    for text, look in _runs(code, language, style):
        css = look.css()
        out.append(f'<span style="{css}">{escape(text)}</span>' if css else escape(text))
    return "".join(out)


def _runs(code: str, language: str, style: str) -> list[tuple[str, Look]]:
    """The code cut into runs with their looks: one plain run when it isn't coloured."""
    text = normalised(code)
    lexer = _lexer(language.strip().lower()[:MAX_LANGUAGE_CHARS])
    if lexer is None or not text or len(text) > MAX_CHARS:
        return [(text, Look())] if text else []
    looks = _looks(style)
    runs: list[tuple[str, Look]] = []
    for token, value in lexer.get_tokens(text):
        look = Look() if value.isspace() else looks(token)  # spaces draw nothing
        if runs and runs[-1][1] == look:
            runs[-1] = (runs[-1][0] + value, look)
        elif value:
            runs.append((value, look))
    if "".join(value for value, _look in runs) != text:  # a lexer changed the text: plain
        return [(text, Look())]
    return runs


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    """A lexer that keeps the text as it is, or None for an unknown language."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    if not language:
        return None
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False, tabsize=0)
    except ClassNotFound:
        return None


@lru_cache(maxsize=4)
def _looks(style: str) -> Callable[[Any], Look]:
    """The look of each token type in a Pygments style."""
    from pygments.styles import get_style_by_name

    chosen: StyleMeta = get_style_by_name(style)

    @lru_cache(maxsize=512)
    def look(token: Any) -> Look:
        found = chosen.style_for_token(token)
        colour = found.get("color") or ""
        return Look(f"#{colour}" if colour else "", bool(found["bold"]), bool(found["italic"]))

    return look
