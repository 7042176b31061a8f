"""An answer's sources under its text: ``[1] report.pdf, page 3``; a click, or Enter or
Space on a source reached by Tab, shows the passage."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from agents.attachments import Attachment, citations_in
from agents.events import Citation
from app.widgets.documents_citations import CitationView
from app.widgets.link_label import LinkLabel
from app.wording import worded


class MessageSources(LinkLabel):
    """A line of numbered source links; each opens the passage and the file."""

    def __init__(self, attachments: Sequence[Attachment], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageSources")
        self.citations: list[Citation] = citations_in(attachments)
        self.setWordWrap(True)
        self.dialog: QDialog | None = None
        links = " · ".join(
            f'<a href="source:{c.number}">[{c.number}] {html.escape(worded(c.label))}</a>'
            for c in self.citations
        )
        heading = self.tr("Sources:")
        self.setText(f"<small>{html.escape(heading)} {links}</small>")
        self.linkActivated.connect(self._open)
        if not self.citations:  # (never shown here: without a parent it would be a window)
            self.hide()

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
        dialog.activateWindow()  # opened by a key, it takes the keys (Esc closes it)
        view.list.setFocus()
        self.dialog = dialog
