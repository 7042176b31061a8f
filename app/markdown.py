"""Markdown to the safe HTML subset Qt's text browser shows.

Raw HTML in model output is shown as text, images are never loaded (they become a
visible link), and links show their full address. Code blocks come out as their own parts
(the chat shows each in a box that scrolls sideways, with a Copy button), and long unbroken
text (a URL, a hash) gets break opportunities so it wraps inside its block.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app import highlight

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

    from app.theme import Palette

# Where a code block sits in the rendered HTML. markdown-it turns every NUL of its input
# into U+FFFD, so the mark can only come from the code rule.
_CODE_MARK = "\x00"
LONG_RUN = 40  # characters without a space after which text gets break opportunities
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")
_BREAK_EVERY = 20
_ZWSP = "\u200b"  # zero-width space: a place a line may break, invisible
_JOINERS = {"\u200c", "\u200d", "\ufe0e", "\ufe0f"}


@dataclass(frozen=True)
class CodeBlock:
    """One code block of a rendered text.

    Attributes:
        code: The code, exactly as written.
        language: The language named after the fence ("" when none).
    """

    code: str
    language: str


@dataclass
class Rendered:
    """A rendered text: HTML parts with the code blocks between them.

    Attributes:
        colours: The scheme's colours the HTML is drawn in (tables, code).
        parts: HTML (``str``) and ``CodeBlock`` parts in reading order; HTML parts are at
            the even positions (possibly empty), code blocks at the odd ones.
    """

    colours: Palette
    parts: list[str | CodeBlock] = field(default_factory=list)

    @property
    def html(self) -> str:
        """The whole text as one HTML string (code blocks as coloured preformatted text)."""
        return "".join(
            part if isinstance(part, str) else code_html(part, self.colours) for part in self.parts
        )


def code_html(block: CodeBlock, colours: Palette) -> str:
    """A code block as preformatted, coloured HTML (where it can't be a box of its own)."""
    style = (
        f"background-color:{colours.code_background}; color:{colours.text}; "
        f"border:1px solid {colours.code_border}; padding:8px; font-family:monospace; "
        "white-space:pre-wrap;"
    )
    code = highlight.html(block.code, block.language, colours.highlight, _escaped)
    return f'<pre style="{style}">{code}</pre>\n'


def _escaped(text: str) -> str:
    return html.escape(breakable(text))


def breakable(text: str) -> str:
    """Lets long unbroken runs of text wrap: a zero-width space every few characters.

    Runs shorter than ``LONG_RUN`` are left alone, so ordinary words never break; nothing
    is inserted before a combining mark or around a joiner, so no character is split.
    """
    if len(text) < LONG_RUN:
        return text
    return _LONG_RUN.sub(lambda found: _with_breaks(found.group()), text)


def _with_breaks(run: str) -> str:
    out: list[str] = []
    since = 0  # characters since the last break
    previous = ""
    for char in run:
        if (
            since >= _BREAK_EVERY
            and not unicodedata.combining(char)
            and char not in _JOINERS
            and previous not in _JOINERS
        ):
            out.append(_ZWSP)
            since = 0
        out.append(char)
        since += 1
        previous = char
    return "".join(out)


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("fence", _render_code)
    md.add_render_rule("code_block", _render_code)
    md.add_render_rule("text", _render_text)
    md.add_render_rule("code_inline", _render_code_inline)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    md.add_render_rule("table_open", _render_table_open)
    return md


def _render_code(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    blocks: list[CodeBlock] = env.setdefault("code_blocks", [])
    language = token.info.strip().split(" ")[0] if token.info else ""
    blocks.append(CodeBlock(token.content, language))
    return f"{_CODE_MARK}{len(blocks) - 1}{_CODE_MARK}"


def _render_text(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return html.escape(breakable(tokens[idx].content))


def _render_code_inline(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f"<code>{html.escape(breakable(tokens[idx].content))}</code>"


def _render_table_open(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Qt's rich text draws table borders and padding from these attributes, not from CSS.
    border = env["colours"].border
    return f'<table border="1" cellspacing="0" cellpadding="5" style="border-color:{border}">\n'


def _render_image(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env)
    # Never load a remote image: show what it is and where it points.
    shown = html.escape(breakable(src))
    return f'[image: {html.escape(alt)}] <a href="{html.escape(src)}">{shown}</a>'


def _render_link_open(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    env.setdefault("links", []).append(href)
    return f'<a href="{html.escape(href)}">'


def _render_link_close(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    href = env["links"].pop() if env.get("links") else ""
    # Show the full address next to the text, unless the text already is the address.
    start = idx
    while start > 0 and tokens[start].type != "link_open":
        start -= 1
    text = "".join(t.content for t in tokens[start + 1 : idx])
    if href and text.strip() != href:
        return f"</a> <small>({html.escape(breakable(href))})</small>"
    return "</a>"


_MD: list[MarkdownIt] = []  # built on first use: start-up doesn't pay for it


def render(text: str, colours: Palette) -> Rendered:
    """Renders Markdown from a model to safe HTML parts and code blocks, in a scheme's
    colours (app.theme)."""
    if not _MD:
        _MD.append(_parser())
    env: dict[str, Any] = {"colours": colours}
    pieces = _MD[0].render(text, env).split(_CODE_MARK)
    blocks: list[CodeBlock] = env.get("code_blocks", [])
    # The marks cut the HTML into: html, block index, html, block index, ..., html.
    parts: list[str | CodeBlock] = [
        piece if position % 2 == 0 else blocks[int(piece)] for position, piece in enumerate(pieces)
    ]
    return Rendered(colours, parts)


def warm_up() -> None:
    """Builds the parser and renders once (its patterns compile on first use), so the
    first answer doesn't pay for it; the background loading calls this (app/preload.py)."""
    from app.theme import Scheme, palette_for

    colours = palette_for(Scheme.LIGHT)
    render("*warm* `up`\n\n| a |\n|---|\n| b |\n\n```python\nx = 1\n```\n", colours)
    highlight.spans("x = 1", "python", colours.highlight)


def split_settled(text: str) -> int:
    """Where the finished part of a streaming Markdown text ends.

    The finished part ends at a blank line that is followed by an unindented line, outside
    any code fence: what comes before it can't change as more text arrives, so it is
    rendered once. Returns an offset into ``text`` (0: nothing is finished yet).
    """
    settled = 0
    offset = 0
    fence = ""
    after_blank = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        complete = line.endswith("\n")
        if fence:
            if stripped.startswith(fence) and complete:
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif after_blank and complete and stripped and line[0] not in " \t":
            settled = offset
        after_blank = not fence and complete and not stripped
        offset += len(line)
    return settled
