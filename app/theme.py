"""Hearth's two colour schemes, and the style sheet drawn in either.

Every colour the window uses comes from one ``Palette`` per scheme: the style sheet
(app/assets/style.qss) names them as ``@name`` and is filled in here, the Qt palette is built
from them (app/services/appearance.py), and rendered Markdown takes its code and table
colours from them. No Qt here: the schemes can be checked (contrast, no light background
in the dark sheet) without a window.
"""

from __future__ import annotations

import enum
import re
from dataclasses import asdict, dataclass


class Scheme(enum.Enum):
    """A colour scheme: light or dark."""

    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Palette:
    """The colours of one scheme, as ``#rrggbb`` (overlays as ``rgba(...)``).

    Attributes:
        window: The window's and composer's background.
        sidebar: The navigation column's background.
        surface: Fields, lists and answers: where text is read and typed.
        text: Main text, on any of the backgrounds above.
        muted: Secondary text (headers, notes, placeholders).
        link: Links and flat buttons' text.
        hover: A row or button under the mouse; plain buttons' face.
        selected: A selected row or checked view button (text stays ``text``).
        accent: Filled buttons (Send, New chat) and the checked mode.
        accent_hover: A filled button under the mouse.
        on_accent: Text on ``accent`` and on ``danger``.
        danger: The Stop button.
        border: Field and button borders.
        divider: Quiet lines between areas; an answer's outline.
        user_bubble: The background of the person's own messages.
        code_background: Code blocks.
        code_border: Code blocks' outline.
        scrollbar: A code block's scroll bar handle.
        scrollbar_hover: The handle under the mouse.
        disabled: Text of a control that can't be used now.
        warning: Warning notes.
        error: Error notes and a status that failed.
        success: The connected status dot.
        busy: The loading status dot.
        idle: The checking status dot.
        banner: The banner's background (a problem with a fix).
        banner_border: The banner's lower edge.
        diff_added: Words a rewrite added.
        diff_removed: Words a rewrite removed.
        overlay: The hint over the chat while images are dragged in.
        overlay_border: Its dashed edge.
        found: The edge of the message a search found.
        highlight: The Pygments style that colours code on ``code_background``.
    """

    window: str
    sidebar: str
    surface: str
    text: str
    muted: str
    link: str
    hover: str
    selected: str
    accent: str
    accent_hover: str
    on_accent: str
    danger: str
    border: str
    divider: str
    user_bubble: str
    code_background: str
    code_border: str
    scrollbar: str
    scrollbar_hover: str
    disabled: str
    warning: str
    error: str
    success: str
    busy: str
    idle: str
    banner: str
    banner_border: str
    diff_added: str
    diff_removed: str
    overlay: str
    overlay_border: str
    found: str
    highlight: str


LIGHT = Palette(
    window="#fbfbfc",
    sidebar="#f2f2f5",
    surface="#ffffff",
    text="#1b1d2a",
    muted="#5f6375",
    link="#2f49e0",
    hover="#e6e7ee",
    selected="#dfe3ff",
    accent="#3d5afe",
    accent_hover="#2f49e0",
    on_accent="#ffffff",
    danger="#b3261e",
    border="#c9cad4",
    divider="#ececf2",
    user_bubble="#eef1ff",
    code_background="#f4f4f6",
    code_border="#e2e2e8",
    scrollbar="#c4c6d2",
    scrollbar_hover="#9fa3b5",
    disabled="#a3a6b4",
    warning="#8a5700",
    error="#b3261e",
    success="#1a8445",
    busy="#a66f00",
    idle="#7a7f93",
    banner="#fff4e0",
    banner_border="#f0d9a8",
    diff_added="#c8f0c8",
    diff_removed="#ffcdcd",
    overlay="rgba(40, 110, 220, 40)",
    overlay_border="rgba(40, 110, 220, 200)",
    found="#b07800",
    highlight="xcode",
)

DARK = Palette(
    window="#1b1c22",
    sidebar="#15161b",
    surface="#23242c",
    text="#e6e7ee",
    muted="#a4a8b8",
    link="#9aa8ff",
    hover="#2e303a",
    selected="#2f3a6b",
    accent="#3d5afe",
    accent_hover="#2f49e0",
    on_accent="#ffffff",
    danger="#b3261e",
    border="#454857",
    divider="#30323d",
    user_bubble="#272e4f",
    code_background="#16171c",
    code_border="#30323d",
    scrollbar="#4a4d5c",
    scrollbar_hover="#6a6e80",
    disabled="#666a7a",
    warning="#e8b04a",
    error="#ff8a80",
    success="#4cd07d",
    busy="#e8b04a",
    idle="#9296a8",
    banner="#3a2f16",
    banner_border="#5c4a22",
    diff_added="#1f4d2b",
    diff_removed="#5e2424",
    overlay="rgba(90, 140, 255, 50)",
    overlay_border="rgba(120, 160, 255, 220)",
    found="#e8b04a",
    highlight="github-dark",
)

PALETTES = {Scheme.LIGHT: LIGHT, Scheme.DARK: DARK}

_TOKEN = re.compile(r"@([a-z_]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")
_POINTS = re.compile(r"@points(?:\*(\d+(?:\.\d+)?))?")


def palette_for(scheme: Scheme) -> Palette:
    """The colours of a scheme."""
    return PALETTES[scheme]


def style_sheet(
    template: str, palette: Palette, zoom: float = 1.0, mono: str = "", points: float = 10.0
) -> str:
    """The style sheet in a palette's colours, its font sizes scaled by ``zoom``.

    Args:
        template: The sheet with ``@name`` for each colour (a field of ``Palette``),
            ``@mono`` for the fixed-width font and ``@points`` for the desktop's text size
            (``@points*1.2`` for a multiple of it); other font sizes in px at 100%.
            Comments are left out.
        palette: The colours.
        zoom: The text size, 1.0 for 100%.
        mono: The fixed-width font family ("monospace" when empty).
        points: The desktop's text size at 100%, in points.

    Raises:
        KeyError: The template names a colour the palette hasn't got.
    """
    values = asdict(palette) | {"mono": mono or "monospace"}
    sheet = _COMMENT.sub("", template)
    sheet = _POINTS.sub(lambda found: f"{points * zoom * float(found.group(1) or 1):.1f}pt", sheet)
    sheet = _TOKEN.sub(lambda found: values[found.group(1)], sheet)
    return _FONT_SIZE.sub(
        lambda found: f"font-size: {round(float(found.group(1)) * zoom)}px", sheet
    )


def luminance(colour: str) -> float:
    """The relative luminance (WCAG 2) of a ``#rgb`` or ``#rrggbb`` colour, 0 to 1."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white).

    Body text needs 4.5, large text and symbols 3.
    """
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
