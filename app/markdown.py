"""Markdown to the safe HTML subset Qt's text browser shows.

Raw HTML in model output is shown as text, images are never loaded (they become a
visible link), links show their full address, and every code block gets a Copy link.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

COPY_SCHEME = "hearth-copy"
CODE_STYLE = (
    "background-color:#f4f4f6; border:1px solid #e2e2e8; padding:8px; "
    "font-family:monospace; white-space:pre-wrap;"
)


@dataclass
class Rendered:
    """HTML plus the code blocks it contains, for the Copy links."""

    html: str
    code_blocks: list[str] = field(default_factory=list)


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("fence", _render_code)
    md.add_render_rule("code_block", _render_code)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    md.add_render_rule("table_open", _render_table_open)
    return md


def _render_code(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    blocks: list[str] = env.setdefault("code_blocks", [])
    blocks.append(token.content)
    number = env.get("first_code", 0) + len(blocks) - 1
    language = html.escape(token.info.strip().split(" ")[0]) if token.info else ""
    label = f"{language} · " if language else ""
    return (
        f'<p style="margin-bottom:0"><small>{label}<a href="{COPY_SCHEME}:{number}">'
        f"{html.escape(env.get('copy_label', 'Copy'))}</a>"
        f'</small></p><pre style="{CODE_STYLE}">{html.escape(token.content)}</pre>\n'
    )


def _render_table_open(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Qt's rich text draws table borders and padding from these attributes, not from CSS.
    return '<table border="1" cellspacing="0" cellpadding="5" style="border-color:#d6d6de">\n'


def _render_image(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env)
    # Never load a remote image: show what it is and where it points.
    return f'[image: {html.escape(alt)}] <a href="{html.escape(src)}">{html.escape(src)}</a>'


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
        return f"</a> <small>({html.escape(href)})</small>"
    return "</a>"


_MD: list[MarkdownIt] = []  # built on first use: start-up doesn't pay for it


def render(text: str, copy_label: str = "Copy", first_code: int = 0) -> Rendered:
    """Renders Markdown from a model to safe HTML.

    Args:
        text: The Markdown.
        copy_label: The text of the code blocks' Copy link.
        first_code: The number of the first code block (when a message is rendered in parts).
    """
    if not _MD:
        _MD.append(_parser())
    env: dict[str, Any] = {"copy_label": copy_label, "first_code": first_code}
    body = _MD[0].render(text, env)
    return Rendered(html=body, code_blocks=list(env.get("code_blocks", [])))


def warm_up() -> None:
    """Builds the parser and renders once (its patterns compile on first use), so the
    first answer doesn't pay for it; the background loading calls this (app/preload.py)."""
    render("*warm* `up`\n\n| a |\n|---|\n| b |\n\n```\nx\n```\n")


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
