"""The choice offered when files are dropped into the chat: summarise or ask about them."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from agents.documents.loaders import is_supported


class DropChoice(enum.Enum):
    """What to do with dropped documents."""

    SUMMARIZE = "summarize"
    ASK = "ask"


def document_paths(urls: Sequence[QUrl]) -> list[Path]:
    """The dropped local files and folders Hearth can read (folders are kept whole)."""
    found = []
    for url in urls:
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or is_supported(path):
            found.append(path)
    return found


class DropChoiceMenu(QMenu):
    """A small menu: "Summarize" (one file) or "Ask about it" (index, then ask).

    Args:
        paths: The dropped documents.
        parent: The widget the files were dropped on.
    """

    def __init__(self, paths: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        single = len(self.paths) == 1 and not self.paths[0].is_dir()
        name = self.paths[0].name if self.paths else ""
        self.summarize_action = QAction(
            self.tr("Summarize {0}").replace("{0}", name) if single else self.tr("Summarize"), self
        )
        self.summarize_action.setEnabled(single)
        self.ask_action = QAction(self.tr("Ask about it (add to my documents)"), self)
        self.summarize_action.setData(DropChoice.SUMMARIZE.value)
        self.ask_action.setData(DropChoice.ASK.value)
        self.addAction(self.summarize_action)
        self.addAction(self.ask_action)

    @staticmethod
    def choice_of(action: QAction | None) -> DropChoice | None:
        """The choice an action stands for (None when the menu was dismissed)."""
        return DropChoice(action.data()) if action is not None and action.data() else None


def ask_drop_choice(paths: Sequence[Path], parent: QWidget | None, at: QPoint) -> DropChoice | None:
    """Pops the menu at ``at`` (global position) and returns the choice, or None."""
    if not paths:
        return None
    menu = DropChoiceMenu(paths, parent)
    return DropChoiceMenu.choice_of(menu.exec(at))
