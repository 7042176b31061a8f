"""In Simplified Chinese, no English interface text is left anywhere a person can see it.

The window is built with the zh_CN translations installed, filled with the Chinese sample
data of `make screenshots`, and every view and dialog is shown. Two nets catch English:

- a recording translator, installed first so Qt asks it only when no real translation
  answered: every text the code asked to have translated and got back in English;
- a sweep of every visible text (labels, buttons, menus and actions, tab titles,
  placeholders, tooltips, window titles, list, tree and combo items, group boxes) for
  English words, once the data the test itself put in (titles, file names, addresses,
  model names), product and command names and key names are taken out.
"""

from __future__ import annotations

import ast
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QMimeData,
    QModelIndex,
    Qt,
    QTranslator,
    QUrl,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from agents.calendar.model import new_event
from agents.chat.personas import DEFAULT_PERSONAS
from agents.llm.errors import unreachable
from agents.llm.options import ChatOptions
from agents.mail.accounts import AccountStore, MailAccount
from agents.storage import ChatStore
from agents.tools.approval import ProposedAction
from agents.wording import to_stored
from app.controllers.desktop import DesktopController
from app.gui import install_translations
from app.main_window import MainWindow
from app.services.writing import RewriteService
from app.widgets.approval_dialog import ApprovalDialog
from app.widgets.calendar_setup_dialog import CalendarSetupDialog
from app.widgets.chat_options_dialog import ChatOptionsDialog
from app.widgets.documents_drop import DropChoiceMenu
from app.widgets.mail_accounts_dialog import MailAccountsDialog
from app.widgets.models_dialog import ModelsDialog
from app.widgets.persona_editor import PersonaEditorDialog
from app.widgets.pull_dialog import PullDialog
from app.widgets.quick_ask import QuickAsk
from app.widgets.rewrite_dialog import RewriteDialog
from app.widgets.settings_dialog import SettingsDialog
from tests.app.conftest import WindowFactory
from tests.app.images.test_images_qt import drop
from tests.fakes import OllamaDouble, Reply
from tests.fakes.ollama_double import KNOWN_MODELS
from tools.screenshot_samples import CODE, TABLE, WORDS, add_chats, approval, digest, indexed_files

SAMPLES = WORDS["zh_CN"]
FAILED = "没有回答的聊天"  # a chat whose answer failed: its error was kept in words
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "assets" / "i18n" / "hearth_zh_CN.ts"

# Names that are the same in every language: the product, the programs and protocols it
# talks to, file formats, keys. A word is only let through when it is one of these.
_NAMES = """
    hearth ollama llama guard chroma caldav nextcloud fastmail imap imaps smtp starttls ssl
    tls url http https pdf docx html markdown json ics csv png jpeg jpg gif webp bmp tiff
    heic ocr mb gb kb tb gib mib id maildir mbox inbox gnome keyring kwallet macos keychain
    windows ctrl shift alt esc enter tab del backspace home end pgup pgdown up down left
    right space meta return cc word qwen deepseek gpt oss
"""
NAMES = frozenset(_NAMES.split())
# Where a person reads a chat: data, not interface (the buttons around it are looked at).
CONTENT = {"messageBody", "codeText", "codeLanguage"}
_WORD = re.compile(r"[A-Za-z]{2,}")
# ASCII: a Chinese character next to a name is no part of it (Python counts it as \w).
_DATA = (
    re.compile(r"`[^`]*`", re.ASCII),  # a command to type
    re.compile(r"\b[\w.+-]+@[\w.-]+\b", re.ASCII),  # an address (or user@host)
    re.compile(r"\b[a-z][a-z0-9+.-]*://\S*", re.ASCII),  # a URL
    re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|example)\b", re.ASCII),  # a host
    re.compile(r"(?<![\w-])--?[a-z][\w-]*", re.ASCII),  # a command-line option
    re.compile(r"\S*[/\\]\S*", re.ASCII),  # a path
    re.compile(
        r"\b[\w.-]+\.(?:md|pdf|docx|txt|html?|png|jpe?g|ics|json|eml|gif|sqlite3)\b", re.ASCII
    ),
    re.compile(r"\b[\w.-]*\d[\w.:-]*", re.ASCII),  # a model name, a version (llama3.2:1b)
    re.compile(r"\b[A-Z][A-Z0-9_]+\b", re.ASCII),  # a constant (NOT_IN_DOCUMENTS...)
)


def hearth_contexts() -> set[str]:
    """The translation contexts that are Hearth's: its classes (``self.tr``), the ones
    its .ts file knows, and ``agents``. Qt's own (QIODevice, QShortcut...) are not."""
    names = {"agents", *(c.findtext("name") or "" for c in ET.parse(TS).getroot())}
    for path in (ROOT / "app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    return names


def same_in_chinese() -> set[str]:
    """Texts whose translation is the text itself (``Hearth``, ``SSL/TLS``): PySide's
    ``tr`` takes such an answer for none and asks again, so they reach the recorder."""
    same = set()
    for message in ET.parse(TS).getroot().iter("message"):
        if message.findtext("translation") == message.findtext("source"):
            same.add(message.findtext("source") or "")
    return same


class Recorder(QTranslator):
    """Consulted only when no other translator knew a text: keeps what Hearth asked.

    PySide's ``tr`` asks once per class of the widget's ancestry (MailPanel, QWidget,
    QObject...) until one answers; a text is missed when even its first, Hearth's own
    context got no answer.
    """

    def __init__(self) -> None:
        super().__init__()
        self.contexts = hearth_contexts()
        self.same = same_in_chinese()
        self.missed: dict[str, str] = {}  # source -> context

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if (
            context in self.contexts
            and source not in self.same
            and any(ch.isalpha() for ch in re.sub(r"\{[^}]*\}", "", source))  # not plain()
        ):
            self.missed.setdefault(source, context)
        return None  # nothing: Qt shows the source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def chinese() -> Iterator[Recorder]:
    """zh_CN translations (Hearth's and Qt's) with the recorder behind them."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    recorder = Recorder()
    app.installTranslator(recorder)  # first in, so asked last
    translators = install_translations(app, QLocale("zh_CN"))
    assert {t.language() for t in translators} >= {"zh_CN"}
    default = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    yield recorder
    QLocale.setDefault(default)
    for translator in [*translators, recorder]:
        app.removeTranslator(translator)


def _plain(text: str) -> str:
    """A label's text as a person reads it: without markup, entities or mnemonics."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
    return text.replace("&gt;", ">").replace("&&", "\0").replace("&", "").replace("\0", "&")


def english_in(text: str, data: Iterable[str] = ()) -> list[str]:
    """The English words of ``text`` once the test's data and every name are taken out."""
    rest = _plain(text)
    for value in sorted(data, key=len, reverse=True):
        if value:  # a whole value, not part of a word ("llama" is no part of "Ollama")
            rest = re.sub(rf"(?<![A-Za-z0-9]){re.escape(value)}(?![A-Za-z0-9])", " ", rest)
    for pattern in _DATA:
        rest = pattern.sub(" ", rest)
    return [w for w in _WORD.findall(rest) if w.lower() not in NAMES]


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent if parent is not None else QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model: one column (Qt keeps columnCount private there)
        columns = 1
    if parent.isValid() and not isinstance(model, QAbstractItemModel):
        return
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and model.rowCount(index) > 0:  # a tree's children
                yield from _model_texts(model, index)


def _menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    yield "menu title", menu.title()
    for action in menu.actions():
        yield "action", action.text()
        yield "action tip", action.toolTip() if action.toolTip() != action.text() else ""
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def texts_of(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every text a person can see in ``root`` (shown), with what shows it."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.objectName() in CONTENT:
            continue
        kind = f"{type(widget).__name__} {widget.objectName()}".strip()
        if widget.isWindow():
            yield f"{kind} title", widget.windowTitle()
        yield f"{kind} tooltip", widget.toolTip()
        for action in widget.actions():
            yield f"{kind} action", action.text()
            yield f"{kind} action tip", action.toolTip()
        if isinstance(widget, QLabel):
            yield kind, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield kind, widget.text()
            menu = getattr(widget, "menu", lambda: None)()  # push and tool buttons
            if isinstance(menu, QMenu):
                yield from _menu_texts(menu)
        elif isinstance(widget, QLineEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            yield f"{kind} placeholder", widget.placeholderText()
            if isinstance(widget, QTextEdit) and widget.isReadOnly():
                yield kind, widget.toPlainText()  # a digest, a summary: headings and notes
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{kind} item", widget.itemText(i)
                tip = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
                yield f"{kind} item tip", tip if isinstance(tip, str) else ""
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{kind} tab", widget.tabText(i)
                yield f"{kind} tab tip", widget.tabToolTip(i)
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QAbstractSpinBox):
            yield f"{kind} special", widget.specialValueText()
            for name in ("prefix", "suffix"):
                yield f"{kind} {name}", getattr(widget, name, lambda: "")()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for text in _model_texts(widget.model()):
                yield f"{kind} item", text
            header = getattr(widget, "header", None)
            if header is not None:
                model = header().model()
                for column in range(model.columnCount()):
                    value = model.headerData(column, Qt.Orientation.Horizontal)
                    yield f"{kind} header", value if isinstance(value, str) else ""


class Sweep:
    """What was seen in English, and where."""

    def __init__(self, data: Iterable[str]) -> None:
        self.data = list(data)
        self.found: dict[str, str] = {}

    def look(self, where: str, root: QWidget) -> None:
        for kind, text in texts_of(root):
            if text and english_in(text, self.data):
                self.found.setdefault(text, f"{where}: {kind}")

    def look_at_menu(self, where: str, menu: QMenu) -> None:
        for kind, text in _menu_texts(menu):
            if text and english_in(text, self.data):
                self.found.setdefault(text, f"{where}: {kind}")

    def report(self) -> list[str]:
        return [f"{where}: {text!r}" for text, where in sorted(self.found.items())]


def _data() -> list[str]:
    """What the test puts in the window itself, in any language."""
    values = [
        *(v for v in vars(SAMPLES).values() if isinstance(v, str)),
        *(x for v in vars(SAMPLES).values() if isinstance(v, tuple) for x in v),
        TABLE,
        CODE,
        "Anna Berg",
        "Velo Shop",
        "Fair team",
        "Sam",
        "Work",
        "Maildir",
        "Hearth",
        FAILED,
    ]
    values += [p.prompt for p in DEFAULT_PERSONAS]  # what the model is told, shown as it is
    values += [f.path for f in indexed_files(time.time())]
    values += [*KNOWN_MODELS, *(m.family for m in KNOWN_MODELS.values())]  # the server's
    return values


def _fill(root: Path, url: str) -> None:
    """The sample chats (and one whose answer failed), and a mail account."""
    store = ChatStore.in_data_dir(root)
    try:
        add_chats(store, SAMPLES)
        failed = store.create_conversation(FAILED, model="llama3.2", persona="assistant")
        store.add_message(failed.id, "user", SAMPLES.question)
        error = to_stored(unreachable(url).words)  # as the recorder keeps it
        store.add_message(failed.id, "assistant", "", status="error", error=error)
    finally:
        store.close()
    (root / "Maildir").mkdir()
    AccountStore(root).save(MailAccount("Work", kind="maildir", path=str(root / "Maildir")))


def _show(qtbot: QtBot, widget: QWidget) -> None:
    if not widget.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
        qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


def _wait_until(qtbot: QtBot, condition: object, timeout: int = 10_000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)  # type: ignore[arg-type]


def test_no_english_is_left_in_the_window_or_its_dialogs(
    chinese: Recorder,
    qtbot: QtBot,
    make_window: WindowFactory,
    ollama_double: OllamaDouble,
    data_root: Path,
) -> None:
    _fill(data_root, ollama_double.url)
    window = make_window(ollama_double.url)
    window.resize(1440, 900)
    _wait_until(qtbot, lambda: window.status.state == "connected")
    sweep = Sweep(_data())

    # The chats, with the sample answers (one from the documents, with its sources).
    for conversation in window.store.list_conversations():
        window.conversations.select(conversation.id)
        _wait_until(qtbot, lambda: len(window.chat.message_ids()) >= 2)
        if conversation.title == FAILED:
            note = window.chat.view(window.chat.message_ids()[-1]).note  # type: ignore[union-attr]
            assert note.isVisible() and "Ollama" in note.text()
        qtbot.wait(50)
        sweep.look(f"chat {conversation.title}", window)
    menu_bar = window.menuBar()
    for action in menu_bar.actions():
        if action.menu() is not None:
            sweep.look_at_menu("menu bar", action.menu())

    # Every view, filled as `make screenshots` fills it.
    feature = window.mail_calendar
    _add_week(window)
    listed: list[object] = []
    window.documents.service.filesChanged.connect(listed.append)
    for index in range(window.views.count()):
        page = window.views.widget(index)
        window.views.show_view(page)
        _wait_until(qtbot, page.isVisible)
        if page is window.documents.tab:
            _wait_until(qtbot, lambda: bool(listed))  # the (empty) list first, then ours
            assert window.documents.panel is not None
            window.documents.panel.show_files(indexed_files(time.time()))
            assert window.documents.panel.tree.topLevelItemCount() == 5
        elif page is feature.mail_tab:
            assert feature.mail_panel is not None
            feature.mail_panel.show_digest(digest(SAMPLES, date.today()))
        elif page is feature.calendar_tab:
            _wait_until(
                qtbot,
                lambda: (
                    feature.calendar_panel is not None
                    and feature.calendar_panel.list.count() > 0
                    and feature.audit_view is not None
                    and feature.audit_view.tree.topLevelItemCount() > 0
                ),
            )
        qtbot.wait(50)
        sweep.look(f"view {index}", window)

    # An image refused, then one attached (with a note: transparency shown on white).
    window.views.show_view(window.chat_page)
    strip = window.images.strip
    fake, picture = data_root / "便条.png", data_root / "地图.png"
    fake.write_text("not a picture at all\n" * 20, encoding="utf-8")
    _drop(window, fake)
    _wait_until(qtbot, lambda: "便条.png" in strip.status.text())
    sweep.look("image refused", window)
    Image.new("RGBA", (64, 48), (255, 0, 0, 0)).save(picture)
    _drop(window, picture)
    _wait_until(qtbot, lambda: len(strip.images()) == 1)
    qtbot.wait(50)
    sweep.look("image attached", window)
    tips = [w.toolTip() for w in strip.findChildren(QWidget) if w.toolTip()]
    assert any("白色" in tip for tip in tips), tips  # the note, in Chinese

    # The tray's menu, and the menu a dropped document opens.
    desktop = DesktopController(window)
    sweep.look_at_menu("tray menu", desktop.menu)
    if english_in(desktop.tray.toolTip(), sweep.data):
        sweep.found[desktop.tray.toolTip()] = "tray tooltip"
    sweep.look_at_menu("drop menu", DropChoiceMenu([data_root / "garden-notes.md"], window))

    # Every dialog.
    mail = feature.mail
    assert mail is not None
    ollama_double.script("llama3.2", Reply(text=SAMPLES.rewrite_result))
    rewrite = RewriteDialog(RewriteService(window.router), SAMPLES.rewrite_original, parent=window)
    dialogs: list[QWidget] = [
        SettingsDialog(window.settings, window),
        rewrite,
        PersonaEditorDialog(window.personas, parent=window),
        MailAccountsDialog(mail, AccountStore(data_root), window),
        CalendarSetupDialog(feature.calendar_setup, window),
        PullDialog(window.service, parent=window),
        ApprovalDialog(approval(SAMPLES), window),
        ApprovalDialog(_event_action(), window),
        QuickAsk(window.session, window.store),
        ModelsDialog(window.service, parent=window),
        ChatOptionsDialog(ChatOptions(), window.settings, parent=window),
        window.menus.show_shortcuts(),
    ]
    for dialog in dialogs:
        _show(qtbot, dialog)
        if dialog is rewrite:
            rewrite.start()
            _wait_until(qtbot, lambda: bool(rewrite.result_text))
        if isinstance(dialog, ModelsDialog):
            _wait_until(qtbot, lambda d=dialog: d.table.rowCount() > 0)  # type: ignore[misc]
        qtbot.wait(50)
        sweep.look(type(dialog).__name__, dialog)
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    missed = sorted(f"{context}: {source!r}" for source, context in chinese.missed.items())
    seen = sweep.report()
    assert (missed, seen) == ([], []), (
        "Asked to be translated, not translated:\n"
        + "\n".join(missed)
        + "\n\nEnglish in the window:\n"
        + "\n".join(seen)
    )


def _drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop(window.composer.edit, mime)


def _add_week(window: MainWindow) -> None:
    feature = window.mail_calendar
    calendar = feature.calendar()
    today = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    for day, (hour, title) in enumerate(zip((9, 14, 19, 7), SAMPLES.events, strict=True)):
        start = today + timedelta(days=day + 1, hours=hour)
        calendar.create(new_event(title, start, start + timedelta(hours=1)))
    audit = feature.audit
    done = audit.record(ProposedAction("create_event", SAMPLES.events[1]), approved=True)
    audit.finish(done, "done")
    audit.record(approval(SAMPLES), approved=False)
    failed = audit.record(ProposedAction("create_event", SAMPLES.events[2]), approved=True)
    audit.finish(failed, "failed", error=unreachable("http://127.0.0.1:9").words)


def _event_action() -> ProposedAction:
    start = datetime.now().astimezone() + timedelta(days=2)
    return ProposedAction(
        "create_event",
        SAMPLES.events[0],
        {"title": SAMPLES.events[0], "when": f"{start:%Y-%m-%d %H:%M}"},
    )
