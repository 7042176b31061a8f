"""The conversation: a scrolling column of messages that follows a streaming answer.

It shows the chosen path of a conversation; a message with several versions says which
it is (‹ 1/2 ›) and asks for another one through ``versionRequested``. A search's match
is shown marked and kept in sight (``show_match``), even among the earlier messages not
yet shown; Tab walks the messages in order, each from its header to its actions.
The column is never wider than the view (the chat scrolls up and down, never sideways);
at wide sizes it keeps a comfortable reading width, centred.

A long chat is shown through a window: it opens on its latest messages (a ``PAGE``, or
fewer when they fill the view twice over: a message is laid out to be built, and only
what is near sight is), and as the person scrolls near the top (or the bottom) more are
built a few at a time (each step within ``STEP_MS``, so scrolling never stutters) while
those far out of sight are dropped, keeping at most ``MAX_SHOWN`` built. Memory follows
what is shown, not the length of the chat; the text in sight stays where it was.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agents.attachments import reasoning_in
from agents.storage import MessageTree, StoredMessage
from app import plain
from app.widgets.measure import side_margin
from app.widgets.message_view import MessageView
from app.wording import worded

PAGE = 30  # messages shown when a chat opens, and per "Show earlier messages"
MAX_SHOWN = 2 * PAGE  # messages built at most while scrolling through a long chat
STEP_MS = 8  # the longest a scrolling step spends building messages


class _Column(QWidget):
    """The column of messages: it takes the view's width, whatever its content asks for
    (long lines wrap or scroll inside their own block instead)."""

    def minimumSizeHint(self) -> QSize:
        """No width of its own: the view decides."""
        return QSize(0, super().minimumSizeHint().height())


class ChatView(QScrollArea):
    """Shows one conversation's messages.

    Signals:
        linkRequested(str): a link in a message was clicked.
        retryRequested(int): Retry on an answer (its message id).
        rewriteRequested(str): Rewrite on a message (its text).
        editSubmitted(int, str): a question was edited (its id, the new version's text).
        versionRequested(int): the person asked to see another version (its id).
    """

    linkRequested = Signal(str)
    retryRequested = Signal(int)
    rewriteRequested = Signal(str)
    editSubmitted = Signal(int, str)
    versionRequested = Signal(int)

    def __init__(
        self,
        decorate: Callable[[StoredMessage], QWidget | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self.decorate = decorate  # builds what shows under a message's text (images...)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Focus moving into a message must not scroll the chat sideways either.
        self.horizontalScrollBar().valueChanged.connect(
            lambda value: self.horizontalScrollBar().setValue(0) if value else None
        )
        self._container = _Column()
        self._container.setObjectName("chatContainer")
        self._container.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QVBoxLayout(self._container)
        self._layout.setContentsMargins(16, 16, 16, 16)
        self._layout.setSpacing(10)
        self.placeholder = QLabel(self.tr("Ask anything. Your words stay on this computer."))
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setWordWrap(True)  # large text, small window
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.placeholder)
        # A long chat opens on its latest messages; earlier ones come on request.
        self.earlier_button = QPushButton()
        self.earlier_button.setObjectName("flatButton")
        self.earlier_button.setToolTip(self.tr("Show the messages before these"))
        self.earlier_button.clicked.connect(self.show_earlier)
        self.earlier_button.hide()
        self._layout.addWidget(self.earlier_button)
        self._layout.addStretch(1)
        self.setWidget(self._container)
        self._views: dict[int, MessageView] = {}  # in the order shown
        self._shown: dict[int, StoredMessage] = {}  # what each shown view was built from
        self._earlier: list[StoredMessage] = []  # before the shown ones, not built
        self._later: list[StoredMessage] = []  # after them (scrolled far up), not built
        self._growing = False  # a scrolling step is on its way
        self._versions: dict[int, list[int]] = {}  # message id -> its versions' ids
        self._refocus: tuple[int, int] | None = None  # version asked for, and the step
        self._follow = True
        self._pinned: int | None = None  # a match kept in sight until the person scrolls
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._on_range)
        self.verticalScrollBar().actionTriggered.connect(self._unpin)

    # -- content -----------------------------------------------------------------------
    def clear(self) -> None:
        """Removes every message."""
        for view in self._views.values():
            view.setParent(None)
            view.deleteLater()
        self._views.clear()
        self._shown.clear()
        self._earlier = []
        self._later = []
        self._versions = {}
        self._pinned = None
        self.earlier_button.hide()
        self.placeholder.show()

    def show_messages(
        self,
        messages: Iterable[StoredMessage],
        versions: Mapping[int, Sequence[int]] | None = None,
    ) -> None:
        """Replaces the view's content with these messages (the latest page of them).

        Args:
            messages: The messages, in order.
            versions: For messages with several versions, the ids of all of them.
        """
        self.clear()
        self._versions = {mid: list(ids) for mid, ids in (versions or {}).items()}
        self._earlier = list(messages)
        self._build_latest()
        self._update_earlier()
        self._order_tabs()
        self.scroll_to_bottom()

    def _build_latest(self) -> None:
        """Builds the latest messages of ``_earlier``: a page of them, or fewer when those
        already fill the view twice over (the rest is built when scrolled to)."""
        wanted = 2 * self.viewport().height() if self.isVisible() else 0
        margins = self._layout.contentsMargins()
        width = self._container.width() - margins.left() - margins.right()
        height = 0
        built = 0
        while self._earlier and built < PAGE and (not wanted or height < wanted):
            message = self._earlier.pop()
            self._prepend([message])
            built += 1
            if wanted:
                spacing = self._layout.spacing()
                height += self._views[message.id].heightForWidth(width) + spacing

    def show_path(self, tree: MessageTree, *, keep: bool = True) -> None:
        """Shows a conversation's chosen path.

        Args:
            tree: The conversation's messages and chosen versions.
            keep: Keep the messages shown that stay on the path: after a switch of
                version, an edit or a retry only what changed is rebuilt and the
                scroll position stays. False starts over (a chat opens).
        """
        path = tree.path
        versions = {m.id: [v.id for v in tree.versions(m.id)] for m in path}
        versions = {mid: ids for mid, ids in versions.items() if len(ids) > 1}
        hidden = len(self._earlier)
        if not keep or [m.id for m in path[:hidden]] != [m.id for m in self._earlier]:
            self.show_messages(path, versions)
            return
        self._versions = versions
        rest = path[hidden:]
        shown = list(self._views)
        same = 0
        while same < min(len(shown), len(rest)) and shown[same] == rest[same].id:
            same += 1
        for message_id in shown[same:]:
            self._drop(message_id)
        for view in self._views.values():
            self._show_versions(view)
        # Scrolled up in a long chat, as many stay built as were; the rest waits below.
        end = max(len(shown), same + 1) if self._later else len(rest)
        self._later = rest[end:]
        for message in rest[same:end]:
            self._insert(message, self._layout.count() - 1)
        self._order_tabs()
        self._restore_focus()

    def show_earlier(self) -> None:
        """Shows the page of messages before the earliest one shown."""
        bar = self.verticalScrollBar()
        from_bottom = bar.maximum() - bar.value()
        self._unpin()
        self._add_earlier_page()
        self._follow = False
        QTimer.singleShot(0, lambda: bar.setValue(bar.maximum() - from_bottom))

    def _add_earlier_page(self) -> None:
        page, self._earlier = self._earlier[-PAGE:], self._earlier[:-PAGE]
        self._prepend(page)
        self._update_earlier()
        self._order_tabs()

    def _prepend(self, messages: Sequence[StoredMessage]) -> None:
        """Builds messages above the first one shown."""
        first = self._layout.indexOf(self.earlier_button) + 1
        old, old_shown = dict(self._views), dict(self._shown)
        self._views, self._shown = {}, {}
        for offset, message in enumerate(messages):
            self._insert(message, first + offset)
        self._views.update(old)
        self._shown.update(old_shown)

    def _drop(self, message_id: int) -> StoredMessage:
        """Removes a shown message's view; returns what it was built from."""
        view = self._views.pop(message_id)
        # Out of the layout and hidden, but still a child until deleted: without a parent
        # a queued show would open it as a window of its own (taking the activation).
        self._layout.removeWidget(view)
        view.hide()
        view.deleteLater()
        return self._shown.pop(message_id)

    def _rebuild(self, messages: list[StoredMessage], start: int, end: int) -> None:
        """Builds ``messages[start:end]`` alone; those before and after wait unbuilt."""
        for message_id in list(self._views):
            self._drop(message_id)
        self._earlier, self._later = messages[:start], messages[end:]
        for message in messages[start:end]:
            self._insert(message, self._layout.count() - 1)
        self._update_earlier()
        self._order_tabs()

    def _everything(self) -> list[StoredMessage]:
        """Every message of the path, built or not, in order."""
        return self._earlier + list(self._shown.values()) + self._later

    def add_message(self, message: StoredMessage) -> MessageView:
        """Appends one message."""
        view = self._insert(message, self._layout.count() - 1)
        self._order_tabs_of(message.id)
        self._follow = True
        self._pinned = None
        return view

    # -- a search's match ------------------------------------------------------------
    def show_match(self, message_id: int, words: str) -> MessageView | None:
        """Shows a message a search found: earlier pages are added until it shows, the
        message is marked (``words`` selected in it) and kept in sight until the person
        scrolls or the next turn. None if the message is not on the path shown."""
        if message_id not in self._views:  # built alone, with its neighbours
            everything = self._everything()
            index = next((i for i, m in enumerate(everything) if m.id == message_id), None)
            if index is None:
                return None
            self._rebuild(everything, max(0, index - PAGE // 2), index + PAGE // 2)
        for view in self._views.values():
            if view.is_found():
                view.mark_found(None)
        view = self._views[message_id]
        view.mark_found(words)
        self._follow = False
        self._pinned = message_id
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # lay out now
        self._scroll_to_pinned()
        QTimer.singleShot(0, self._scroll_to_pinned)  # and again once all has settled
        return view

    def found(self) -> MessageView | None:
        """The message marked as a search's match, if one is."""
        return next((v for v in self._views.values() if v.is_found()), None)

    def _scroll_to_pinned(self) -> None:
        view = self._views.get(self._pinned) if self._pinned is not None else None
        if view is None:
            return
        point = view.mapTo(self._container, view.found_point())
        self.verticalScrollBar().setValue(point.y() - self.viewport().height() // 3)

    def _unpin(self, _action: int = 0) -> None:
        """The person scrolled: the view stays where they take it."""
        self._pinned = None

    def _order_tabs(self) -> None:
        """Tab walks the messages in the order shown (each in its own order)."""
        stops: list[QWidget] = [self.earlier_button]
        for view in self._views.values():
            stops += view.tab_stops()
        for first, second in itertools.pairwise(stops):
            QWidget.setTabOrder(first, second)

    def _order_tabs_of(self, message_id: int) -> None:
        """Tab order after one message's stops changed (a streaming answer grew a block):
        only that message is linked again, between its neighbours, whatever the length
        of the chat."""
        ids = list(self._views)
        if message_id not in self._views:
            return
        index = ids.index(message_id)
        before = self._views[ids[index - 1]].tab_stops()[-1] if index else self.earlier_button
        stops = [before, *self._views[message_id].tab_stops()]
        if index + 1 < len(ids):
            stops.append(self._views[ids[index + 1]])  # a message is its own first stop
        for first, second in itertools.pairwise(stops):
            QWidget.setTabOrder(first, second)

    def _insert(self, message: StoredMessage, index: int) -> MessageView:
        extra = self.decorate(message) if self.decorate and message.attachments else None
        model = (message.stats or {}).get("model") or message.model
        view = MessageView(message.id, message.role, message.content, model, extra)
        view.set_reasoning(reasoning_in(message.attachments))
        view.linkRequested.connect(self.linkRequested)
        view.rewriteRequested.connect(self.rewriteRequested)
        view.retryRequested.connect(lambda mid=message.id: self.retryRequested.emit(mid))
        view.editSubmitted.connect(lambda text, mid=message.id: self.editSubmitted.emit(mid, text))
        view.versionStepped.connect(lambda step, mid=message.id: self._step(mid, step))
        view.tabStopsChanged.connect(lambda mid=message.id: self._order_tabs_of(mid))
        self._layout.insertWidget(index, view)
        if self._container.isVisible():
            margins = self._layout.contentsMargins()
            width = self._container.width() - margins.left() - margins.right()
            view.resize(width, view.height())  # its text is laid out once, at its width
            view.show()  # at once, to be laid out, scrolled to and focused before the loop runs
        self._show_stats(view, message)
        self._views[message.id] = view
        self._shown[message.id] = message
        self.placeholder.hide()
        error = worded(message.error_words) if message.error_words else message.error
        self._show_state(view, message.status, error)
        self._show_versions(view)
        return view

    def _show_versions(self, view: MessageView) -> None:
        ids = self._versions.get(view.message_id, [])
        view.set_versions(ids.index(view.message_id) if ids else 0, len(ids))

    def _step(self, message_id: int, step: int) -> None:
        """Asks for the version before or after a message's."""
        ids = self._versions.get(message_id, [])
        wanted = ids.index(message_id) + step if message_id in ids else -1
        if 0 <= wanted < len(ids):
            self._refocus = (ids[wanted], step)
            self.versionRequested.emit(ids[wanted])

    def _restore_focus(self) -> None:
        """After a switch, focus goes to the new version's switcher, as if it stayed."""
        wanted, self._refocus = self._refocus, None
        view = self._views.get(wanted[0]) if wanted else None
        if view is None or wanted is None:
            return
        first, second = view.previous_button, view.next_button
        if wanted[1] > 0:  # stepped forward: stay on ›, unless this is the last version
            first, second = second, first
        (first if first.isEnabled() else second).setFocus()
        self.ensureWidgetVisible(view.versions)

    def _show_stats(self, view: MessageView, message: StoredMessage) -> None:
        """How the answer was made, on the header's tooltip (tokens, speed, load time)."""
        stats = message.stats or {}
        tokens = int(stats.get("output_tokens") or 0)
        seconds = float(stats.get("eval_seconds") or 0)
        if not tokens:
            return
        parts = [self.tr("%n token(s)", "", tokens)]
        if seconds > 0:
            parts.append(self.tr("{0:.1f} tokens/s").format(tokens / seconds))
        load = float(stats.get("load_seconds") or 0)
        if load >= 0.5:
            parts.append(self.tr("model loaded in {0:.1f} s").format(load))
        view.header.setToolTip(plain.tip(" · ".join(parts)))

    def _update_earlier(self) -> None:
        count = len(self._earlier)
        self.earlier_button.setText(self.tr("Show %n earlier message(s)", "", count))
        self.earlier_button.setVisible(count > 0)

    def view(self, message_id: int) -> MessageView | None:
        """The widget of a message, if shown."""
        return self._views.get(message_id)

    def message_ids(self) -> list[int]:
        """Ids of the shown messages, in order."""
        return list(self._views)

    def set_text(self, message_id: int, text: str) -> None:
        """Updates a message's text (streaming), built or not."""
        self._remember(message_id, content=text)
        view = self._views.get(message_id)
        if view is not None:
            view.set_text(text)

    def set_reasoning(self, message_id: int, text: str) -> None:
        """Updates an answer's reasoning (streaming)."""
        view = self._views.get(message_id)
        if view is not None:
            view.set_reasoning(text)

    def _remember(self, message_id: int, **changes: object) -> None:
        """Keeps what a message is built from up to date (it may be built again later)."""
        if message_id in self._shown:
            self._shown[message_id] = replace(self._shown[message_id], **changes)  # type: ignore[arg-type]
            return
        for waiting in (self._later, self._earlier):
            for index in range(len(waiting) - 1, -1, -1):  # a streaming answer is last
                if waiting[index].id == message_id:
                    waiting[index] = replace(waiting[index], **changes)  # type: ignore[arg-type]
                    return

    def redecorate(self, message: StoredMessage) -> None:
        """Refreshes what arrives when an answer completes: the model that wrote it, its
        reasoning, and what shows under it (sources, images)."""
        self._remember(message.id, stats=message.stats, attachments=message.attachments)
        view = self._views.get(message.id)
        if view is None:
            return
        view.set_reasoning(reasoning_in(message.attachments))
        if message.stats and message.stats.get("model"):
            view.set_model(str(message.stats["model"]))
        self._show_stats(view, message)
        if self.decorate is not None and message.attachments:
            view.set_extra(self.decorate(message))

    def set_state(self, message_id: int, status: str, error: str | None = None) -> None:
        """Shows a message's status: streaming, complete, interrupted or error."""
        self._remember(message_id, status=status, error=error)
        view = self._views.get(message_id)
        if view is not None:
            self._show_state(view, status, error)

    def _show_state(self, view: MessageView, status: str, error: str | None) -> None:
        view.set_retry_visible(status != "streaming")
        if status == "streaming":
            view.set_note(self.tr("Writing…"), "info")
        elif status == "interrupted":
            reason = error or self.tr("Stopped. The answer is incomplete.")
            view.set_note(reason, "warning")
        elif status == "error":
            view.set_note(error or self.tr("The answer failed."), "error")
        else:
            view.set_note("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keeps the messages at a readable width, centred."""
        margin = side_margin(event.size().width())
        layout = self._layout
        if layout.contentsMargins().left() != margin:
            layout.setContentsMargins(margin, 16, margin, 16)
        super().resizeEvent(event)

    # -- following the stream ------------------------------------------------------------
    def scroll_to_bottom(self) -> None:
        """Scrolls to the newest message (after layout settles); a match found by a
        search is no longer marked."""
        if self._later:  # scrolled far up: the latest page is built again
            everything = self._everything()
            self._rebuild(everything, max(0, len(everything) - PAGE), len(everything))
        self._follow = True
        self._pinned = None
        found = self.found()
        if found is not None:
            found.mark_found(None)
        QTimer.singleShot(0, self._jump)

    def _jump(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _on_scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._follow = value >= bar.maximum() - 24 and not self._later
        self._schedule_step()

    # -- scrolling through a long chat -------------------------------------------------
    def _wanted(self) -> int:
        """-1: build above (near the top), 1: below (near the bottom), 0: nothing."""
        bar = self.verticalScrollBar()
        margin = self.viewport().height()
        if self._earlier and bar.value() < margin:
            return -1
        if self._later and bar.maximum() - bar.value() < margin:
            return 1
        return 0

    def _schedule_step(self) -> None:
        if not self._growing and self._wanted():
            self._growing = True
            QTimer.singleShot(0, self._step_scroll)

    def _step_scroll(self) -> None:
        """Builds messages on the side scrolled to, within STEP_MS; drops those far out
        of sight on the other side (never one holding the keyboard focus); keeps the text
        in sight where it was."""
        self._growing = False
        side = self._wanted()
        if not side:
            return
        anchor = self._anchor()
        deadline = time.monotonic() + STEP_MS / 1000
        while time.monotonic() < deadline or not anchor:
            if side < 0 and self._earlier:
                self._prepend([self._earlier.pop()])
            elif side > 0 and self._later:
                message = self._later.pop(0)
                self._insert(message, self._layout.count() - 1)
            else:
                break
            anchor = anchor or self._anchor()
        self._drop_far(side)
        self._update_earlier()
        self._order_tabs()
        self._keep_in_place(anchor)
        self._schedule_step()

    def _drop_far(self, side: int) -> None:
        """Drops the views farthest from the side scrolled to, down to MAX_SHOWN; a
        question being edited stays built (and so do those between it and sight)."""
        far = list(self._views)
        if side < 0:
            far.reverse()
        for message_id in far[: max(0, len(self._views) - MAX_SHOWN)]:
            if self._views[message_id].is_editing():
                break
            if side < 0:
                self._later.insert(0, self._drop(message_id))
            else:
                self._earlier.append(self._drop(message_id))

    def _anchor(self) -> tuple[int, int] | None:
        """The first message in sight and how far its top is from the viewport's."""
        value = self.verticalScrollBar().value()
        for message_id, view in self._views.items():
            if view.y() + view.height() > value:
                return message_id, view.y() - value
        return None

    def _keep_in_place(self, anchor: tuple[int, int] | None) -> None:
        """Lays out now, then scrolls so that the anchor message is where it was."""
        self._layout.activate()  # the container's size and its messages' places, now
        QApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))  # the range, now
        view = self._views.get(anchor[0]) if anchor else None
        if view is not None and anchor is not None:
            self.verticalScrollBar().setValue(view.y() - anchor[1])

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._pinned is not None:
            self._scroll_to_pinned()
        elif self._follow:
            self.verticalScrollBar().setValue(maximum)
