"""The rewrite dialog: the original and the result side by side, differences marked.

The result never shows, copies or hands back the fences around the text the model was
given (agents.fences), however the model echoed them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from agents.errors import HearthError
from agents.events import Final
from agents.fences import strip_fences, strip_growing
from agents.writing.diff import word_diff
from agents.writing.styles import RewriteSpec, Style
from app.services.appearance import current_colours
from app.services.writing import RewriteService
from app.wording import worded


def _utf16_offsets(text: str) -> list[int]:
    """Qt's position (UTF-16 units) of every character index of ``text``, plus the end."""
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return offsets


def _marks(
    editor: QPlainTextEdit, spans: list[tuple[int, int]], color: str, text_color: str
) -> list[QTextEdit.ExtraSelection]:
    text = editor.toPlainText()
    offsets = _utf16_offsets(text)
    selections = []
    for start, end in spans:
        if end <= start or end > len(text):
            continue
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        fmt.setForeground(QColor(text_color))
        selection.format = fmt  # type: ignore[attr-defined]
        cursor = QTextCursor(editor.document())
        cursor.setPosition(offsets[start])
        cursor.setPosition(offsets[end], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        selections.append(selection)
    return selections


class RewriteDialog(QDialog):
    """Rewrites a text in a chosen style and shows what changed.

    Args:
        rewriter: The service that runs rewrites off the GUI thread.
        text: The text to start with (the chat input, a message, or empty to paste).
        can_replace: Whether "Replace" makes sense where the text came from.

    Signals:
        replaceRequested(str): the person took the result (the dialog then closes).
    """

    replaceRequested = Signal(str)

    def __init__(
        self,
        rewriter: RewriteService,
        text: str = "",
        can_replace: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rewriteDialog")
        self.setWindowTitle(self.tr("Rewrite"))
        self.resize(960, 560)
        self.rewriter = rewriter
        self._result = ""
        self._marked_original = ""

        self.style_box = QComboBox()
        self.style_box.setAccessibleName(self.tr("Style"))
        for style in Style:
            self.style_box.addItem(self._style_label(style), style.value)
        self.language = QLineEdit()
        self.language.setPlaceholderText(self.tr("Language, e.g. French"))
        self.language.setAccessibleName(self.tr("Language"))
        self.instruction = QLineEdit()
        self.instruction.setPlaceholderText(self.tr("What should change? e.g. make it a list"))
        self.instruction.setAccessibleName(self.tr("What should change"))
        self.original_view = QPlainTextEdit()
        self.original_view.setObjectName("rewriteOriginal")
        self.original_view.setPlaceholderText(self.tr("Type or paste the text to rewrite"))
        self.original_view.setPlainText(text.replace("\r\n", "\n"))
        self.result_view = QPlainTextEdit()
        self.result_view.setObjectName("rewriteResult")
        self.result_view.setReadOnly(True)
        self.result_view.setPlaceholderText(self.tr("The rewrite appears here"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.start_button = QPushButton(self.tr("Rewrite"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.setVisible(can_replace)
        close_button = QPushButton(self.tr("Close"))

        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Style:")))
        options.addWidget(self.style_box)
        options.addWidget(self.language, 3)
        options.addWidget(self.instruction, 6)
        options.addStretch(1)
        panes = QSplitter(Qt.Orientation.Horizontal)
        for title, editor in (
            (self.tr("Original"), self.original_view),
            (self.tr("Result"), self.result_view),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(title))
            column.addWidget(editor)
            editor.setAccessibleName(title)
            panes.addWidget(box)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.stop_button, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.copy_button, self.replace_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(panes, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.style_box.currentIndexChanged.connect(self._update_fields)
        self.start_button.clicked.connect(self.start)
        self.retry_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.rewriter.stop)
        self.copy_button.clicked.connect(self.copy_result)
        self.replace_button.clicked.connect(self._replace)
        close_button.clicked.connect(self.reject)
        self.original_view.textChanged.connect(self._original_edited)
        rewriter.status.connect(self.message.setText)
        rewriter.partial.connect(self._show_partial)
        rewriter.finished.connect(self._show_result)
        rewriter.stopped.connect(self._show_stopped)
        rewriter.failed.connect(self._show_failure)
        rewriter.blocked.connect(
            lambda blocked: self._show_failure(HearthError(blocked.message), "")
        )
        rewriter.busyChanged.connect(self._update_buttons)
        self._update_fields()
        self._update_buttons(False)

    # -- public API --------------------------------------------------------------------
    @property
    def result_text(self) -> str:
        """The finished rewrite ("" until one finished)."""
        return self._result

    def set_style(self, style: Style, language: str = "", instruction: str = "") -> None:
        """Chooses the style (and its language or instruction)."""
        self.style_box.setCurrentIndex(self.style_box.findData(style.value))
        self.language.setText(language)
        self.instruction.setText(instruction)

    def start(self) -> None:
        """Starts (or retries) the rewrite with the chosen style."""
        try:
            spec = RewriteSpec(
                Style(self.style_box.currentData()),
                language=self.language.text(),
                instruction=self.instruction.text(),
            )
        except HearthError as exc:
            self.message.setText(worded(exc))
            return
        text = self.original_view.toPlainText()
        if not text.strip():
            self.message.setText(self.tr("Type or paste some text to rewrite first."))
            return
        self._result = ""
        self._clear_marks()
        self.result_view.setPlainText("")
        self.message.setText(self.tr("Rewriting…"))
        self.rewriter.rewrite(text, spec)

    def copy_result(self) -> None:
        """Puts the result on the clipboard."""
        if self._result:
            QGuiApplication.clipboard().setText(self._result)
            self.message.setText(self.tr("Copied."))

    # -- reactions -----------------------------------------------------------------------
    def _style_label(self, style: Style) -> str:
        labels = {
            Style.SHORTER: self.tr("Shorter"),
            Style.SIMPLER: self.tr("Simpler"),
            Style.FORMAL: self.tr("More formal"),
            Style.FRIENDLY: self.tr("Friendlier"),
            Style.GRAMMAR: self.tr("Fix grammar"),
            Style.TRANSLATE: self.tr("Translate"),
            Style.CUSTOM: self.tr("Custom instruction"),
        }
        return labels[style]

    def _update_fields(self) -> None:
        style = Style(self.style_box.currentData())
        self.language.setVisible(style is Style.TRANSLATE)
        self.instruction.setVisible(style is Style.CUSTOM)

    def _update_buttons(self, busy: bool) -> None:
        self.start_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.retry_button.setEnabled(not busy and bool(self._result))
        self.copy_button.setEnabled(not busy and bool(self._result))
        self.replace_button.setEnabled(not busy and bool(self._result))
        self.style_box.setEnabled(not busy)
        self.original_view.setReadOnly(busy)

    def _show_partial(self, text: str) -> None:
        self.result_view.setPlainText(strip_growing(text))
        self.result_view.moveCursor(QTextCursor.MoveOperation.End)

    def _show_result(self, final: Final) -> None:
        self._result = strip_fences(final.text)
        self.result_view.setPlainText(self._result)
        self._mark_differences()
        self.message.setText(
            self.tr("Done. Changes are marked: removed on the left, added on the right.")
        )
        self._update_buttons(False)

    def _show_stopped(self, partial: str) -> None:
        self.result_view.setPlainText(strip_fences(partial))
        self.message.setText(self.tr("Stopped. Press Retry or Rewrite to try again."))
        self._update_buttons(False)

    def _show_failure(self, error: HearthError, partial: str) -> None:
        self.result_view.setPlainText(strip_fences(partial))
        self.message.setText(worded(error))
        self._update_buttons(False)

    def _mark_differences(self) -> None:
        original = self.original_view.toPlainText()
        removed: list[tuple[int, int]] = []
        added: list[tuple[int, int]] = []
        i = j = 0
        for op in word_diff(original, self._result):
            if op.kind != "equal":
                if op.old.strip():
                    removed.append((i, i + len(op.old)))
                if op.new.strip():
                    added.append((j, j + len(op.new)))
            i += len(op.old)
            j += len(op.new)
        self._marked_original = original
        colours = current_colours()
        self.original_view.setExtraSelections(
            _marks(self.original_view, removed, colours.diff_removed, colours.text)
        )
        self.result_view.setExtraSelections(
            _marks(self.result_view, added, colours.diff_added, colours.text)
        )

    def _clear_marks(self) -> None:
        self.original_view.setExtraSelections([])
        self.result_view.setExtraSelections([])

    def _original_edited(self) -> None:
        if self._marked_original and self.original_view.toPlainText() != self._marked_original:
            self._marked_original = ""
            self._clear_marks()

    def _replace(self) -> None:
        if self._result:
            self.replaceRequested.emit(self._result)
            self.accept()

    def marked_ranges(self) -> tuple[list[str], list[str]]:
        """The marked texts (removed, added): what the person sees highlighted."""

        def texts(editor: QPlainTextEdit) -> list[str]:
            return [s.cursor.selectedText() for s in editor.extraSelections()]  # type: ignore[attr-defined]

        return texts(self.original_view), texts(self.result_view)

    def reject(self) -> None:
        """Closing stops a running rewrite."""
        self.rewriter.stop()
        super().reject()
