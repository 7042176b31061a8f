"""Help > Keyboard shortcuts: every key of the window, grouped, read from app/shortcuts.py."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.shortcuts import CONTEXT, Shortcut


class ShortcutsDialog(QDialog):
    """Lists shortcuts under their groups: the key, then what it does.

    Keys the platform doesn't have (a standard key with no binding here) are left out.

    Args:
        table: The shortcuts, in the order to list them.
        parent: The Qt parent.
    """

    def __init__(self, table: Iterable[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 520)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsTable")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Key"), self.tr("Does")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        groups: dict[str, QTreeWidgetItem] = {}
        for shortcut in table:
            keys = shortcut.text()
            if not keys:
                continue
            group = groups.get(shortcut.group)
            if group is None:
                group = QTreeWidgetItem(
                    self.tree, [QCoreApplication.translate(CONTEXT, shortcut.group)]
                )
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[shortcut.group] = group
            QTreeWidgetItem(group, [keys, shortcut.description()])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.tree.setFocus()

    def rows(self) -> list[tuple[str, str]]:
        """The (key, what it does) rows shown, in order."""
        shown: list[tuple[str, str]] = []
        groups = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        for group in groups:
            items = (group.child(row) for row in range(group.childCount())) if group else ()
            shown += [(item.text(0), item.text(1)) for item in items if item is not None]
        return shown
