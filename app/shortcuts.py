"""Every keyboard shortcut of the window, declared once.

The menus bind their actions from this table and Help > Keyboard shortcuts lists it, so
the keys a person reads are the keys that work. Keys handled in place by a widget (Enter
in the message box, Down from the search box) are listed here too, with ``bound=False``:
no action binds them, the widget does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from agents.turns.request import Mode

if TYPE_CHECKING:  # marks text for translation and gives it back (typed as it is)

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
        """The text, unchanged."""
        ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "Shortcuts"  # the translation context of the descriptions and groups

ANYWHERE = QT_TRANSLATE_NOOP("Shortcuts", "Anywhere")
VIEWS_GROUP = QT_TRANSLATE_NOOP("Shortcuts", "Views")
MODES_GROUP = QT_TRANSLATE_NOOP("Shortcuts", "Mode of the next message")
LIST_GROUP = QT_TRANSLATE_NOOP("Shortcuts", "Chat list and search")
COMPOSER_GROUP = QT_TRANSLATE_NOOP("Shortcuts", "Message box")
MESSAGES_GROUP = QT_TRANSLATE_NOOP("Shortcuts", "Messages")
TEXT_GROUP = QT_TRANSLATE_NOOP("Shortcuts", "Text size")


@dataclass(frozen=True)
class Shortcut:
    """A key and what it does.

    Attributes:
        keys: The key, as Qt writes it ("Ctrl+1") or a platform's standard key.
        what: What it does, in English (shown translated by :meth:`description`).
        group: The Help dialog's heading it is listed under (in English).
        bound: True when a window action binds it; False when a widget handles the key
            itself (listed for the person, bound by no action).
    """

    keys: str | QKeySequence.StandardKey
    what: str
    group: str = ANYWHERE
    bound: bool = True

    def sequence(self) -> QKeySequence:
        """The key sequence (empty where the platform has no such standard key)."""
        return QKeySequence(self.keys)

    def text(self) -> str:
        """The key as this platform writes it, e.g. "Ctrl+1" or "⌘1"."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)

    def description(self) -> str:
        """What the key does, translated."""
        return QCoreApplication.translate(CONTEXT, self.what)


NEW_CHAT = Shortcut(QKeySequence.StandardKey.New, QT_TRANSLATE_NOOP("Shortcuts", "New chat"))
FIND = Shortcut(QKeySequence.StandardKey.Find, QT_TRANSLATE_NOOP("Shortcuts", "Search chats"))
STOP = Shortcut("Esc", QT_TRANSLATE_NOOP("Shortcuts", "Stop the answer being written"))
RETRY = Shortcut("Ctrl+R", QT_TRANSLATE_NOOP("Shortcuts", "Write the last answer again"))
REWRITE = Shortcut("Ctrl+Shift+R", QT_TRANSLATE_NOOP("Shortcuts", "Rewrite what you typed"))
SETTINGS = Shortcut(
    QKeySequence.StandardKey.Preferences, QT_TRANSLATE_NOOP("Shortcuts", "Settings")
)
HELP_KEYS = Shortcut("Ctrl+/", QT_TRANSLATE_NOOP("Shortcuts", "List the keyboard shortcuts"))
QUIT = Shortcut(QKeySequence.StandardKey.Quit, QT_TRANSLATE_NOOP("Shortcuts", "Quit Hearth"))

VIEW_CHATS = Shortcut("Ctrl+1", QT_TRANSLATE_NOOP("Shortcuts", "Show the chat"), VIEWS_GROUP)
VIEW_DOCUMENTS = Shortcut("Ctrl+2", QT_TRANSLATE_NOOP("Shortcuts", "Show Documents"), VIEWS_GROUP)
VIEW_MAIL = Shortcut("Ctrl+3", QT_TRANSLATE_NOOP("Shortcuts", "Show Mail"), VIEWS_GROUP)
VIEW_CALENDAR = Shortcut("Ctrl+4", QT_TRANSLATE_NOOP("Shortcuts", "Show Calendar"), VIEWS_GROUP)

ZOOM_IN = Shortcut(
    QKeySequence.StandardKey.ZoomIn, QT_TRANSLATE_NOOP("Shortcuts", "Larger text"), TEXT_GROUP
)
ZOOM_IN_EQUALS = Shortcut(
    "Ctrl+=", QT_TRANSLATE_NOOP("Shortcuts", "Larger text (where + needs Shift)"), TEXT_GROUP
)
ZOOM_OUT = Shortcut(
    QKeySequence.StandardKey.ZoomOut, QT_TRANSLATE_NOOP("Shortcuts", "Smaller text"), TEXT_GROUP
)
ZOOM_RESET = Shortcut("Ctrl+0", QT_TRANSLATE_NOOP("Shortcuts", "Text at 100%"), TEXT_GROUP)

#: The key that turns each mode on.
MODES: dict[Mode, Shortcut] = {
    Mode.CHAT: Shortcut("Alt+1", QT_TRANSLATE_NOOP("Shortcuts", "Chat"), MODES_GROUP),
    Mode.DOCUMENTS: Shortcut(
        "Alt+2", QT_TRANSLATE_NOOP("Shortcuts", "Answer from your documents"), MODES_GROUP
    ),
    Mode.TOOLS: Shortcut("Alt+3", QT_TRANSLATE_NOOP("Shortcuts", "Mail and calendar"), MODES_GROUP),
}

IN_PLACE: tuple[Shortcut, ...] = (
    Shortcut(
        "Down",
        QT_TRANSLATE_NOOP("Shortcuts", "From the search box: to the results"),
        LIST_GROUP,
        bound=False,
    ),
    Shortcut(
        "Up, Down",
        QT_TRANSLATE_NOOP("Shortcuts", "Walk the list (the chat shows, the focus stays)"),
        LIST_GROUP,
        bound=False,
    ),
    Shortcut(
        "Return",
        QT_TRANSLATE_NOOP("Shortcuts", "Open the chat or result: a result opens at the match"),
        LIST_GROUP,
        bound=False,
    ),
    Shortcut("Return", QT_TRANSLATE_NOOP("Shortcuts", "Send"), COMPOSER_GROUP, bound=False),
    Shortcut(
        "Shift+Return", QT_TRANSLATE_NOOP("Shortcuts", "New line"), COMPOSER_GROUP, bound=False
    ),
    Shortcut(
        "Tab, Shift+Tab",
        QT_TRANSLATE_NOOP("Shortcuts", "Move through a message's links and buttons"),
        MESSAGES_GROUP,
        bound=False,
    ),
    Shortcut(
        "Return, Space",
        QT_TRANSLATE_NOOP("Shortcuts", "Follow the link or press the button"),
        MESSAGES_GROUP,
        bound=False,
    ),
    Shortcut(
        "Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "Leave a message being edited as it was"),
        MESSAGES_GROUP,
        bound=False,
    ),
)

#: Every shortcut, in the order Help lists them.
ALL: tuple[Shortcut, ...] = (
    NEW_CHAT,
    FIND,
    STOP,
    RETRY,
    REWRITE,
    SETTINGS,
    HELP_KEYS,
    QUIT,
    VIEW_CHATS,
    VIEW_DOCUMENTS,
    VIEW_MAIL,
    VIEW_CALENDAR,
    ZOOM_IN,
    ZOOM_IN_EQUALS,
    ZOOM_OUT,
    ZOOM_RESET,
    *MODES.values(),
    *IN_PLACE,
)
