"""HTML mail reduced to readable text, in time proportional to its length.

The standard library's ``html.parser`` rescans unfinished constructs and takes minutes on
a few hundred kilobytes of crafted markup (``<a<a<a…``, ``<!--x<!--x…``). This reader
finds tags with patterns that never look past the next ``<`` or ``>``, so every character
is looked at a bounded number of times. Nothing is loaded: scripts, styles and images are
dropped (an image's alt text stays), and links are shown in full.
"""

from __future__ import annotations

import html
import re

MAX_HTML_CHARS = 400_000  # markup beyond this is not read

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})([^<>]{0,4000})>")
_DECLARATION = re.compile(r"<[!?][^<>]{0,4000}>")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-\w:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "form", "li",
    }
)  # fmt: skip
_LINK_SCHEMES = re.compile(r"^(https?|mailto):", re.I)
_MAX_LINK_PIECES = 64


def html_to_text(markup: str) -> str:
    """Reduces HTML to readable text: no scripts, styles or images; links shown in full."""
    return _HtmlText(markup[:MAX_HTML_CHARS]).text()


class _HtmlText:
    """One pass over the markup: text between tags, a few tags turned into layout."""

    def __init__(self, markup: str) -> None:
        self._markup = markup
        self._out: list[str] = []
        self._links: list[tuple[str, int]] = []  # open <a>: href, where its text starts
        position = 0
        while position < len(markup):
            opening = markup.find("<", position)
            if opening < 0:
                self._data(markup[position:])
                break
            self._data(markup[position:opening])
            position = self._construct(opening)

    def text(self) -> str:
        """The collected text, whitespace tidied, at most two line breaks in a row."""
        joined = "".join(self._out).replace("\xa0", " ")
        lines = [" ".join(line.split()) for line in joined.splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

    def _data(self, text: str) -> None:
        if text:
            self._out.append(html.unescape(text))

    def _construct(self, at: int) -> int:
        """Handles what starts with the ``<`` at ``at``; returns where reading goes on."""
        markup = self._markup
        if markup.startswith("<!--", at):
            end = markup.find("-->", at + 4)
            return len(markup) if end < 0 else end + 3
        declaration = _DECLARATION.match(markup, at)
        if declaration:
            return declaration.end()
        tag = _TAG.match(markup, at)
        if tag is None:
            self._out.append("<")  # a lone "<" is text
            return at + 1
        closing, name, attributes = tag.group(1) == "/", tag.group(2).lower(), tag.group(3)
        if name in _SKIP and not closing and not attributes.rstrip().endswith("/"):
            return self._skip(name, tag.end())
        if closing:
            self._end(name)
        else:
            self._start(name, attributes)
        return tag.end()

    def _skip(self, name: str, start: int) -> int:
        """Passes over an element's content (a script, a style...) up to its end tag."""
        ends = rf"</{name}\s*>" + (r"|<body\b" if name == "head" else "")
        found = re.compile(ends, re.I).search(self._markup, start)
        if found is None:
            return len(self._markup)
        return found.start() if found.group(0).lower().startswith("<body") else found.end()

    def _start(self, name: str, attributes: str) -> None:
        if name == "br":
            self._out.append("\n")
        elif name == "li":
            self._out.append("\n- ")
        elif name in _BLOCK:
            self._out.append("\n\n")
        elif name in {"td", "th"}:
            self._out.append("\t")
        elif name == "img":
            alt = _attribute(attributes, "alt")
            if alt:
                self._out.append(f"[{alt}]")
        elif name == "a":
            self._links.append((_attribute(attributes, "href"), len(self._out)))

    def _end(self, name: str) -> None:
        if name in _BLOCK:
            self._out.append("\n\n")
        elif name == "a" and self._links:
            href, start = self._links.pop()
            # The link's own text, to compare with its target (long ones never match).
            pieces = self._out[start:] if len(self._out) - start <= _MAX_LINK_PIECES else []
            shown = "".join(pieces).strip()
            target = href.strip()
            if _LINK_SCHEMES.match(target) and target.lower().removeprefix("mailto:") != (
                shown.lower()
            ):
                self._out.append(f" <{target}>")


def _attribute(attributes: str, wanted: str) -> str:
    """One attribute's value (entities decoded), '' when it isn't there."""
    for match in _ATTRIBUTE.finditer(attributes):
        if match.group(1).lower() == wanted:
            return html.unescape(match.group(2).strip("\"'"))
    return ""
