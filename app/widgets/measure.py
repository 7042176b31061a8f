"""Readable at any width: a comfortable line length for text."""

from __future__ import annotations

READING_WIDTH = 760  # px: about 46em at the chat's font size, the longest comfortable line
GUTTER = 16  # px: the least room beside a column of text


def side_margin(width: int, column: int = READING_WIDTH, least: int = GUTTER) -> int:
    """The margin on each side that centres a column at most ``column`` wide in ``width``."""
    return max(least, (width - column) // 2)
