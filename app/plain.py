"""Untrusted text shown as text.

Qt renders a tooltip, and a label in its default ``AutoText`` format, as rich text when the
string looks like HTML, and rich text can load local files (``<img src="/dev/zero">``). Text
from a model, a mail, a calendar, a document or a file name goes through here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

MAX_TIP_CHARS = 2_000


def tip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written (escaped, line breaks kept)."""
    if not text:
        return ""
    if len(text) > MAX_TIP_CHARS:
        text = text[:MAX_TIP_CHARS] + "…"
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


def labels(*widgets: QLabel) -> None:
    """Makes labels show their text as typed, never as HTML."""
    for label in widgets:
        label.setTextFormat(Qt.TextFormat.PlainText)


Button = QMessageBox.StandardButton


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.No,
) -> Button:
    """Asks a question in a message box that shows ``text`` as written; returns the answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    return Button(box.exec())


def tell(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    """Shows a message (a warning unless ``icon`` says otherwise) as plain text."""
    box = QMessageBox(icon, title, text, Button.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
