"""One message in the chat: who wrote it, its text as safe Markdown, and its actions.

A message with several versions (a question edited, an answer retried) shows which one
it is, ‹ 2/3 ›, with buttons to the others; a question is edited in place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from agents.fences import strip_fences
from app import plain
from app.markdown import CodeBlock, breakable, render, split_settled
from app.services.appearance import current_colours, scheme_changed
from app.theme import Palette
from app.widgets.code_block import CodeBlockView
from app.widgets.composer import MessageEdit
from app.widgets.link_label import LinkLabel
from app.widgets.reasoning_block import ReasoningBlock

MAX_EDIT_LINES = 8
READING_CHARS = 60  # the width a text label prefers, in average characters


class TextLabel(LinkLabel):
    """A word-wrapped label that remembers its measured sizes until its text changes.

    Qt asks every label of the chat for its height at a width on each relayout; a rich
    text label lays its whole text out to answer. Remembering the answers makes a
    streaming answer cost the same however long the conversation above it is.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self._hints: dict[str, QSize] = {}

    def setText(self, text: str) -> None:
        """Sets the text and forgets the measured sizes."""
        self._heights.clear()
        self._hints.clear()
        super().setText(text)

    def heightForWidth(self, width: int) -> int:
        """The height at a width, measured once per text."""
        if width not in self._heights:
            self._heights[width] = super().heightForWidth(width)
        return self._heights[width]

    def sizeHint(self) -> QSize:
        """The preferred size, measured once per text.

        Qt's own hint for word-wrapped rich text lays the text out at several widths to
        find a pleasing shape (2 ms for a paragraph with a table); in the chat the width
        is the column's anyway and the height comes from :meth:`heightForWidth`, so the
        hint is what was last measured, without laying the text out again.
        """
        if "size" not in self._hints:
            if self.wordWrap():  # at the width last laid out at; else one line's height
                width = next(reversed(self._heights), 0)
                height = self._heights[width] if width else self.fontMetrics().height()
                width = width or READING_CHARS * self.fontMetrics().averageCharWidth()
                self._hints["size"] = QSize(width, height)
            else:
                self._hints["size"] = super().sizeHint()
        return self._hints["size"]

    def minimumSizeHint(self) -> QSize:
        """The smallest size, measured once per text. Word-wrapped text has no width of
        its own (it wraps anywhere, see ``breakable``): one line of a few characters,
        without laying the text out at its narrowest."""
        if "minimum" not in self._hints:
            if self.wordWrap():
                metrics = self.fontMetrics()
                self._hints["minimum"] = QSize(4 * metrics.averageCharWidth(), metrics.height())
            else:
                self._hints["minimum"] = super().minimumSizeHint()
        return self._hints["minimum"]

    def changeEvent(self, event: QEvent) -> None:
        """A new font or style changes the sizes too."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
            self._hints.clear()
        super().changeEvent(event)


class EditBox(MessageEdit):
    """The box a question is edited in: Enter sends, Shift+Enter breaks the line, Esc
    gives up (before the window's Esc, which stops an answer)."""

    cancelled = Signal()

    def event(self, event: QEvent) -> bool:
        """Claims Esc from the window's shortcut while editing."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc gives up editing; other keys as in the message box."""
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class VersionEditor(QWidget):
    """Edits a question in place; sending makes a new version beside the original.

    Signals:
        submitted(str): the new text, to send (never empty).
        cancelled(): the person gave up; nothing changes.
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = EditBox()
        self.box.setObjectName("messageEdit")
        self.box.setAccessibleName(self.tr("Edit your message"))
        self.box.setTabChangesFocus(True)
        self.box.submitted.connect(self.submit)
        self.box.cancelled.connect(self.cancelled)
        self.box.textChanged.connect(self._fit)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send as a new version; the earlier one stays (Enter)"))
        self.send_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Keep the message as it is (Esc)"))
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addLayout(buttons)

    def start(self, text: str) -> None:
        """Shows the text to edit, the cursor at its end."""
        self.box.setPlainText(text)
        self.box.moveCursor(QTextCursor.MoveOperation.End)
        self.show()
        self.box.setFocus()

    def _fit(self) -> None:
        """Grows with the text from two lines to eight, then scrolls."""
        lines = min(max(self.box.document().lineCount(), 2), MAX_EDIT_LINES)
        margins = self.box.contentsMargins()
        frame = 2 * self.box.document().documentMargin() + margins.top() + margins.bottom()
        self.box.setFixedHeight(int(lines * self.box.fontMetrics().lineSpacing() + frame) + 4)

    def submit(self) -> None:
        """Sends the edited text, unless it is empty."""
        text = self.box.toPlainText()
        if text.strip():
            self.submitted.emit(text)


class MessageView(QFrame):
    """A chat message rendered from Markdown; links are handed to the window to confirm.

    The message itself is a Tab stop (its header names it); then come, in reading order,
    the links of its text, each code block's Copy and code, its sources, and its
    actions (‹ › of the versions, Copy, Rewrite, Edit, Retry): see :meth:`tab_stops`.

    Signals:
        linkRequested(str): the person clicked a link (not yet opened).
        retryRequested(): Retry was pressed (an answer: write a new version).
        editSubmitted(str): a question was edited: the text of its new version.
        versionStepped(int): ‹ (-1) or › (+1) was pressed: show another version.
        tabStopsChanged(): widgets came or went: :meth:`tab_stops` changed.
    """

    linkRequested = Signal(str)
    retryRequested = Signal()
    rewriteRequested = Signal(str)
    editSubmitted = Signal(str)
    versionStepped = Signal(int)
    tabStopsChanged = Signal()

    def __init__(
        self,
        message_id: int,
        role: str,
        text: str = "",
        model: str | None = None,
        extra: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._colours: Palette | None = None  # the scheme's colours it was rendered in
        self.message_id = message_id
        self.role = role
        self._text = ""
        self.setObjectName("userMessage" if role == "user" else "assistantMessage")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._found: tuple[QWidget, int] | None = None  # a search's match: where, at

        self.header = QLabel()
        plain.labels(self.header)
        self.header.setObjectName("messageHeader")

        # An answer is shown as its finished Markdown blocks (rendered once each) and a
        # live tail re-rendered as it grows: a long answer streams as cheaply as a short one.
        # Text goes in labels, each code block in a box of its own that scrolls sideways.
        self._settled = ""  # the Markdown source already in the finished widgets
        self._finished: list[QWidget] = []
        self._tail: list[QWidget] = []  # after ``body``: code blocks and the text between
        self.body_box = QVBoxLayout()
        self.body_box.setContentsMargins(0, 0, 0, 0)
        self.body_box.setSpacing(6)
        self.body = self._new_label()  # the person's text; an answer's live tail starts here
        self.body_box.addWidget(self.body)

        self.note = QLabel()
        plain.labels(self.note)
        self.note.setObjectName("messageNote")
        self.note.setWordWrap(True)
        self.note.hide()

        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("flatButton")
        self.copy_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.setToolTip(self.tr("Copy this message's text"))
        self.copy_button.clicked.connect(self.copy_text)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("flatButton")
        self.retry_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.retry_button.setToolTip(self.tr("Write a new answer; this one stays"))
        self.retry_button.clicked.connect(self.retryRequested)
        self.rewrite_button = QPushButton(self.tr("Rewrite…"))
        self.rewrite_button.setObjectName("flatButton")
        self.rewrite_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.rewrite_button.setToolTip(
            self.tr("Make it shorter, simpler, more formal, translated…")
        )
        self.rewrite_button.clicked.connect(lambda: self.rewriteRequested.emit(self._text))

        self.action_bar = QWidget()  # hidden while the message is edited
        actions = QHBoxLayout(self.action_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self._version_switcher())
        actions.addWidget(self.copy_button)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("flatButton")
        self.edit_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.edit_button.setToolTip(self.tr("Change this message and send it as a new version"))
        self.edit_button.clicked.connect(self.begin_edit)
        self.editor: VersionEditor | None = None  # built when first edited
        actions.addWidget(self.rewrite_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.retry_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        self.set_model(model)
        layout.addLayout(self.body_box)
        self._layout = layout
        self.extra: QWidget | None = None  # e.g. the images sent with the message
        self.reasoning: ReasoningBlock | None = None  # built when a model reasons
        layout.addWidget(self.note)
        self.set_extra(extra)
        layout.addWidget(self.action_bar)
        # Edit on every question, Retry on every answer (shown once in the layout: a
        # widget shown before it has a parent would open as a window of its own).
        self.edit_button.setVisible(role == "user")
        self.retry_button.setVisible(role == "assistant")
        self.set_text(text)

    def _version_switcher(self) -> QWidget:
        """‹ 1/2 ›: which version this is, and buttons to the others (hidden if one)."""
        self.versions = QWidget()
        self.versions.setObjectName("versionSwitcher")
        self.previous_button = self._step_button("‹", self.tr("Previous version"), -1)
        self.version_label = QLabel()
        plain.labels(self.version_label)
        self.version_label.setObjectName("versionLabel")
        self.next_button = self._step_button("›", self.tr("Next version"), 1)
        row = QHBoxLayout(self.versions)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for widget in (self.previous_button, self.version_label, self.next_button):
            row.addWidget(widget)
        self.versions.hide()
        return self.versions

    def _step_button(self, arrow: str, name: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setObjectName("versionButton")
        button.setText(arrow)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.versionStepped.emit(step))
        return button

    def set_versions(self, index: int, count: int) -> None:
        """Shows that this is version ``index + 1`` of ``count`` (nothing if only one)."""
        self.version_label.setText(f"{index + 1}/{count}")
        description = self.tr("Version {0} of {1}").format(index + 1, count)
        self.version_label.setAccessibleName(description)
        self.versions.setAccessibleName(description)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)
        self.versions.setVisible(count > 1)

    def begin_edit(self) -> None:
        """Opens the question for editing in place (Enter sends a new version, Esc not)."""
        if self.editor is None:
            self.editor = VersionEditor()
            self.editor.submitted.connect(self._on_edited)
            self.editor.cancelled.connect(self.end_edit)
            self._layout.insertWidget(self._layout.indexOf(self.note), self.editor)
            self.tabStopsChanged.emit()
        self.body.hide()
        self.action_bar.hide()
        self.editor.start(self._text)

    def is_editing(self) -> bool:
        """Whether the question is open for editing."""
        return self.editor is not None and not self.editor.isHidden()

    def end_edit(self) -> None:
        """Closes the editor, showing the message as it was; focus returns to Edit."""
        if self.editor is None or self.editor.isHidden():
            return
        self.editor.hide()
        self.body.show()
        self.action_bar.show()
        self.edit_button.setFocus()

    def _on_edited(self, text: str) -> None:
        self.end_edit()
        self.editSubmitted.emit(text)

    def set_model(self, model: str | None) -> None:
        """Shows who wrote the message: you, or Hearth and the model that answered."""
        who = self.tr("You") if self.role == "user" else self.tr("Hearth")
        if model and self.role == "assistant":
            who = f"{who} · {model}"
        self.header.setText(who)
        self.setAccessibleName(who)  # what a screen reader says when Tab reaches it

    def set_reasoning(self, text: str) -> None:
        """Shows a thinking model's reasoning, collapsed, above the answer."""
        if self.reasoning is None:
            if not text:
                return
            self.reasoning = ReasoningBlock()
            self._layout.insertWidget(self._layout.indexOf(self.header) + 1, self.reasoning)
        self.reasoning.set_text(text)

    def set_extra(self, extra: QWidget | None) -> None:
        """Shows a widget under the text (images, sources), replacing any earlier one."""
        if self.extra is not None:
            self.extra.setParent(None)
            self.extra.deleteLater()
        self.extra = extra
        if extra is not None:
            self._layout.insertWidget(self._layout.indexOf(self.note), extra)
            extra.show()  # at once: a child added to a shown widget would wait for the loop
        self.tabStopsChanged.emit()

    @property
    def text(self) -> str:
        """The message's Markdown source as shown and copied (an answer without fences)."""
        return self._text

    def set_text(self, text: str) -> None:
        """Shows new text; while an answer grows, only its unfinished tail is re-rendered.

        An answer never shows the fences Hearth puts around data for the model, however
        the model echoed them (agents.fences).
        """
        if self.role == "assistant":
            text = strip_fences(text)
        if text == self._text and (self.body.text() or not text):
            return
        self._text = text
        if self.role == "assistant":
            self._render_markdown(text)
        else:
            # The person's own words: plain text, kept exactly as typed (a long unbroken
            # run may wrap anywhere; Copy gives the text as typed).
            self.body.setTextFormat(Qt.TextFormat.PlainText)
            self.body.setText(breakable(text))
        self.copy_button.setVisible(bool(text))
        self.rewrite_button.setVisible(bool(text.strip()))

    def _render_markdown(self, text: str) -> None:
        colours = current_colours()
        if not text.startswith(self._settled) or colours is not self._colours:
            self._reset_blocks()  # replaced, not grown, or in new colours: start over
        self._colours = colours
        # The settled part ends outside any code fence: only what came after is scanned.
        cut = len(self._settled) + split_settled(text[len(self._settled) :])
        before = len(self._finished) + len(self._tail)
        if cut > len(self._settled):
            rendered = render(text[len(self._settled) : cut], colours)
            for part in rendered.parts:
                if isinstance(part, CodeBlock) or part.strip():
                    widget = self._part_widget(part)
                    self.body_box.insertWidget(self.body_box.indexOf(self.body), widget)
                    self._finished.append(widget)
            self._settled = text[:cut]
        self._show_tail(render(text[len(self._settled) :], colours).parts)
        if len(self._finished) + len(self._tail) != before:
            self.tabStopsChanged.emit()

    def changeEvent(self, event: QEvent) -> None:
        """Renders an answer again when the scheme changes (its tables' colours)."""
        super().changeEvent(event)
        if self.role == "assistant" and scheme_changed(event, self._colours):
            self._render_markdown(self._text)

    def _show_tail(self, parts: list[str | CodeBlock]) -> None:
        """Shows the live tail: ``body`` holds its first text, then its blocks and texts
        alternate (the widgets of a growing tail are updated, not made again)."""
        first, rest = parts[0], parts[1:]
        self.body.setText(first if isinstance(first, str) else "")
        self.body.setVisible(isinstance(first, str) and bool(first.strip()))
        for widget in self._tail[len(rest) :]:
            widget.setParent(None)
            widget.deleteLater()
        del self._tail[len(rest) :]
        for index, part in enumerate(rest):
            if index < len(self._tail):
                self._update_part(self._tail[index], part)
            else:
                widget = self._part_widget(part)
                self.body_box.addWidget(widget)
                self._tail.append(widget)

    def _part_widget(self, part: str | CodeBlock) -> QWidget:
        # Made a child at once: shown without a parent, it would open as a window of its
        # own (and take the keyboard from the main window).
        widget = self._new_label() if isinstance(part, str) else CodeBlockView(parent=self)
        self._update_part(widget, part)
        return widget

    @staticmethod
    def _update_part(widget: QWidget, part: str | CodeBlock) -> None:
        if isinstance(part, CodeBlock) and isinstance(widget, CodeBlockView):
            widget.set_code(part.code, part.language)
        elif isinstance(part, str) and isinstance(widget, QLabel):
            widget.setText(part)
            widget.setVisible(bool(part.strip()))

    def _reset_blocks(self) -> None:
        for widget in self._finished + self._tail:
            widget.setParent(None)
            widget.deleteLater()
        self._finished.clear()
        self._tail.clear()
        self._settled = ""

    def _new_label(self) -> QLabel:
        label = TextLabel(self)
        label.setObjectName("messageBody")
        label.setWordWrap(True)
        label.linkActivated.connect(self.linkRequested)
        return label

    def set_note(self, note: str, kind: str = "info") -> None:
        """Shows a line under the message (stopped, error, length limit); empty hides it."""
        self.note.setProperty("kind", kind)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    def set_retry_visible(self, visible: bool) -> None:
        """Shows Retry on an answer (hidden while it is being written)."""
        self.retry_button.setVisible(visible and self.role == "assistant")

    def copy_text(self) -> None:
        """Copies the whole message's text."""
        QGuiApplication.clipboard().setText(self._text)

    def code_blocks(self) -> list[CodeBlockView]:
        """The message's code blocks, in order."""
        return [w for w in (*self._finished, *self._tail) if isinstance(w, CodeBlockView)]

    def _blocks(self) -> list[QWidget]:
        """The widgets of the text, in reading order: text labels and code blocks."""
        items = (self.body_box.itemAt(i) for i in range(self.body_box.count()))
        return [w for w in (item.widget() for item in items if item) if w is not None]

    def tab_stops(self) -> list[QWidget]:
        """Where Tab goes in this message, in order (Qt skips those hidden, or that take
        no focus, such as a label without links)."""
        stops: list[QWidget] = [self]
        for widget in self._blocks():
            if isinstance(widget, CodeBlockView):
                stops += [widget.copy_button, widget.edit]
            else:
                stops.append(widget)
        if self.extra is not None:
            inside = self.extra.findChildren(QWidget)
            stops += [self.extra, *(w for w in inside if w.focusPolicy() & TAB)]
        if self.editor is not None:
            stops += [self.editor.box, self.editor.cancel_button, self.editor.send_button]
        stops += [self.previous_button, self.next_button, self.copy_button]
        return [*stops, self.rewrite_button, self.edit_button, self.retry_button]

    # -- a search's match ---------------------------------------------------------------
    def mark_found(self, words: str | None) -> None:
        """Marks this message as a search's match and selects the first ``words`` in its
        text (case aside); None takes the mark away."""
        if self._found is not None and isValid(self._found[0]):
            _select(self._found[0], 0, 0)
        self._found = None
        self.setProperty("found", words is not None)
        self.style().unpolish(self)
        self.style().polish(self)
        if not words:
            return
        for widget in self._blocks():
            text = widget.edit if isinstance(widget, CodeBlockView) else widget
            if isinstance(text, (QLabel, QPlainTextEdit)) and text.isVisibleTo(self):
                document = _document_of(text)  # kept: the cursor lives in it
                found = document.find(words)
                if not found.isNull():
                    _select(text, found.selectionStart(), found.selectionEnd())
                    self._found = (text, found.selectionStart())
                    return

    def is_found(self) -> bool:
        """Whether this message is marked as a search's match."""
        return bool(self.property("found"))

    def found_point(self) -> QPoint:
        """Where the match is, in this widget (its top when the words were not seen)."""
        if self._found is None or not isValid(self._found[0]):
            return QPoint(0, 0)
        widget, position = self._found
        return widget.mapTo(self, QPoint(0, _line_top(widget, position)))


TAB = Qt.FocusPolicy.TabFocus


def _document_of(widget: QLabel | QPlainTextEdit) -> QTextDocument:
    """The text of a label or a code box as Qt lays it out (positions match its own)."""
    if isinstance(widget, QPlainTextEdit):
        return widget.document()
    document = QTextDocument()
    document.setDefaultFont(widget.font())
    document.setDocumentMargin(0)
    if widget.textFormat() == Qt.TextFormat.PlainText:
        document.setPlainText(widget.text())
    else:
        document.setHtml(widget.text())
    document.setTextWidth(widget.contentsRect().width())
    return document


def _select(widget: QLabel | QPlainTextEdit | QWidget, start: int, end: int) -> None:
    """Selects ``start:end`` in a label or a code box (scrolled to it); 0, 0 clears."""
    if isinstance(widget, QLabel):
        widget.setSelection(start, end - start)
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()


def _line_top(widget: QWidget, position: int) -> int:
    """The top of the line that holds ``position``, in the widget's coordinates."""
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(position)
        return widget.viewport().mapTo(widget, widget.cursorRect(cursor).topLeft()).y()
    if not isinstance(widget, QLabel):
        return 0
    document = _document_of(widget)
    block = document.findBlock(position)
    top = document.documentLayout().blockBoundingRect(block).top()  # lays the text out
    layout = block.layout()
    if not block.isValid() or layout is None:
        return 0
    line = layout.lineForTextPosition(position - block.position())
    return widget.contentsRect().top() + int(top + (line.y() if line.isValid() else 0))
