"""A drop-down of a fixed width that lists its entries whole.

The toolbar's pickers hold names of any length (a model with its abilities, a persona);
sized to their contents they push the rest of the toolbar out of sight at large text
sizes. This one is as wide as ``characters`` of text; a longer entry is cut short in the
box and shown whole in its list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


class CompactCombo(QComboBox):
    """A combo box ``characters`` wide whose list is as wide as its longest entry."""

    def __init__(self, characters: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(characters)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def showPopup(self) -> None:
        """Opens the list as wide as its longest entry."""
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 16)
        super().showPopup()
