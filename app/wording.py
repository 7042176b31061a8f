"""The one place the window words what agents/ says, in the person's language.

agents/ hands over :class:`~agents.wording.Words` (an English template and its values);
here the template is looked up in the installed translations (context ``agents``) and
filled with its values, each nested Words worded the same way. Without a translation the
English template is used, so nothing is ever lost.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from agents.errors import HearthError
from agents.wording import Words, fill

CONTEXT = "agents"  # the translation context of every agents/ template


def worded(words: Words | HearthError | str) -> str:
    """The words (or an error's message) in the language of the installed translations.

    Text that is already a ``str`` is returned as it is.
    """
    if isinstance(words, HearthError):
        words = words.words
    if isinstance(words, str):
        return words
    template = QCoreApplication.translate(CONTEXT, words.template) or words.template
    values = {
        name: worded(value) if isinstance(value, Words) else value for name, value in words.values
    }
    return fill(template, values)


def lines(notes: Iterable[Words | str], separator: str = "\n") -> str:
    """Several notes worded and joined (one per line unless ``separator`` says otherwise)."""
    return separator.join(worded(note) for note in notes)
