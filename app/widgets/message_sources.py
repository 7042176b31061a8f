"""An answer's sources under its text: ``[1] report.pdf, page 3``; click shows the passage."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from agents.attachments import Attachment, citations_in
from agents.events import Citation
from app.widgets.documents_citations import CitationView


class MessageSources(QLabel):
    """A line of numbered source links; each opens the passage and the file."""

    def __init__(self, attachments: Sequence[Attachment], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageSources")
        self.citations: list[Citation] = citations_in(attachments)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        import html

        links = " · ".join(
            f'<a href="source:{c.number}">[{c.number}] {html.escape(c.label)}</a>'
            for c in self.citations
        )
        self.setText(f"<small>{html.escape(self.tr('Sources:'))} {links}</small>")
        self.linkActivated.connect(self._open)
        self.setVisible(bool(self.citations))

    def _open(self, href: str) -> None:
        number = int(href.split(":", 1)[1])
        dialog = QDialog(self.window())
        dialog.setWindowTitle(self.tr("Source [{0}]").format(number))
        dialog.resize(640, 420)
        view = CitationView()
        view.set_citations(self.citations)
        view.show_number(number)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.dialog = dialog
