"""A thinking model's reasoning, collapsed above its answer until the person opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from app import plain


class ReasoningBlock(QWidget):
    """A "Reasoning" toggle (a button: Tab reaches it, Space opens it) over the reasoning,
    shown as plain text: it is the model's, untrusted, and never rendered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasoningBlock")
        self.toggle = QToolButton()
        self.toggle.setObjectName("reasoningToggle")
        self.toggle.setText(self.tr("Reasoning"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.setAccessibleName(self.tr("Reasoning"))
        self.toggle.toggled.connect(self.set_expanded)
        self.body = QLabel()
        plain.labels(self.body)
        self.body.setObjectName("reasoningBody")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.body.setAccessibleName(self.tr("The model's reasoning"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self.set_expanded(False)

    @property
    def expanded(self) -> bool:
        """Whether the reasoning is shown."""
        return self.toggle.isChecked()

    @property
    def text(self) -> str:
        """The reasoning."""
        return self.body.text()

    def set_text(self, text: str) -> None:
        """Shows new reasoning (as it streams in); the block is hidden while it has none."""
        if text != self.body.text():
            self.body.setText(text)
        self.setVisible(bool(text))

    def set_expanded(self, expanded: bool) -> None:
        """Opens or closes the reasoning."""
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here through ``toggled``
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if expanded:
            self.toggle.setToolTip(self.tr("Hide the model's reasoning"))
        else:
            self.toggle.setToolTip(self.tr("Show how the model reasoned before it answered"))
        self.toggle.setAccessibleDescription(
            self.tr("Expanded") if expanded else self.tr("Collapsed")
        )
        self.body.setVisible(expanded)
