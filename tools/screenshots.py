"""`make screenshots`: each main view of the window, at a small and a large size, in each
language and in both colour schemes, written as PNG files so anyone can see the window
without a display.

Runs on Qt's offscreen platform with fixed sample data (tools/screenshot_samples.py) in a
temporary data folder, and the Ollama double from tests/fakes on loopback: no network.
Light shots are named view-WxH-language.png, dark ones view-WxH-language-dark.png; the
window changes scheme while it runs, as it does when the desktop turns dark.

    python -m tools.screenshots [--out build/screenshots] [--sizes 800x500,1440x900]
        [--languages en,zh_CN] [--schemes light,dark] [--zoom 2]
        [--views chat,sources,documents,mail,calendar,approval,rewrite]

With ``--zoom`` the text is that much larger (as Ctrl+plus makes it), and the names end
in -zoom200 (for 2).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QLocale,
    QMessageLogContext,
    QPoint,
    QRect,
    QSize,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from agents.calendar.model import new_event
from agents.llm import OllamaService
from agents.mail.accounts import AccountStore, MailAccount
from agents.settings import Settings
from agents.storage import ChatStore
from agents.tools.approval import ProposedAction
from app.gui import install_translations
from app.main_window import MainWindow
from app.services.appearance import Appearance
from tests.fakes import OllamaDouble, Reply
from tools.screenshot_samples import WORDS, Words, add_chats, approval, digest, indexed_files

VIEWS = ("chat", "sources", "documents", "mail", "calendar", "approval", "rewrite")
SIZES = ((800, 500), (1440, 900))
LANGUAGES = ("en", "zh_CN")
SCHEMES = ("light", "dark")
TIMEOUT = 20.0  # seconds to wait for the window to be ready
TITLE_BAR = 26  # px: the title bar drawn over a dialog
QUIET = ("This plugin does not support",)  # the offscreen platform's notes, not problems


@dataclass
class Studio:
    """One language's window, with the sample data in its data folder."""

    window: MainWindow
    double: OllamaDouble
    words: Words
    chat_id: str
    docs_id: str


def wait_until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    """Processes events until ``condition`` holds.

    Raises:
        TimeoutError: It didn't within ``timeout`` seconds.
    """
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(f"screenshots: gave up waiting for {what}")
        QTest.qWait(20)


def settle(window: QWidget, timeout: float = 3.0) -> QPixmap:
    """Grabs the window once layout and deferred scrolling have finished: when two grabs
    a little apart are the same (or after ``timeout`` seconds)."""
    end = time.monotonic() + timeout
    QTest.qWait(60)
    picture = window.grab()
    while time.monotonic() < end:
        QTest.qWait(60)
        again = window.grab()
        if again.toImage() == picture.toImage():
            break
        picture = again
    return picture


def with_dialog(window: MainWindow, dialog: QDialog) -> QPixmap:
    """The window dimmed, with ``dialog`` and a plain title bar over its middle (as a
    person sees it; offscreen there is no window manager to draw the frame).

    The dialog gets at most the window's size, as on a screen that size.
    """
    dialog.resize(dialog.size().boundedTo(window.size() - QSize(24, 24 + TITLE_BAR)))
    dialog.show()
    picture = settle(window)
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(20, 20, 30, 90))
    shown = settle(dialog)
    left = (picture.width() - shown.width()) // 2
    top = (picture.height() - shown.height() + TITLE_BAR) // 2
    bar = QRect(left, top - TITLE_BAR, shown.width(), TITLE_BAR)
    painter.fillRect(bar, QColor(60, 62, 74))
    painter.setPen(QColor("white"))
    painter.drawText(
        bar.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle()
    )
    painter.drawPixmap(QPoint(left, top), shown)
    painter.setPen(QColor(60, 62, 74))
    painter.drawRect(bar.united(QRect(QPoint(left, top), shown.size())).adjusted(0, 0, -1, -1))
    painter.end()
    dialog.close()
    dialog.deleteLater()
    return picture


# -- the views ---------------------------------------------------------------------------
def shoot_chat(studio: Studio) -> QPixmap:
    """The chat with a long table, code with a long line, and a long link."""
    studio.window.conversations.select(studio.chat_id)
    return settle(studio.window)


def shoot_sources(studio: Studio) -> QPixmap:
    """An answer from the documents with its numbered sources."""
    studio.window.conversations.select(studio.docs_id)
    return settle(studio.window)


def shoot_documents(studio: Studio) -> QPixmap:
    """The Documents view listing indexed files."""
    window = studio.window
    documents = window.documents
    built = documents.tab.built
    listed: list[object] = []
    documents.service.filesChanged.connect(listed.append)
    window.views.show_view(documents.tab)
    if not built:  # the new panel asks for the (empty) list: show the samples after it
        wait_until(lambda: listed, "the documents list")
    assert documents.panel is not None
    documents.panel.show_files(indexed_files(time.time()))
    return settle(window)


def shoot_mail(studio: Studio) -> QPixmap:
    """The Mail view with a digest and its action items."""
    window = studio.window
    window.views.show_view(window.mail_calendar.mail_tab)
    panel = window.mail_calendar.mail_panel
    assert panel is not None
    panel.show_digest(digest(studio.words, date.today()))
    return settle(window)


def shoot_calendar(studio: Studio) -> QPixmap:
    """The Calendar view: this week's events and the audit log."""
    window = studio.window
    feature = window.mail_calendar
    if feature.calendar_panel is None:
        add_week(studio)
    window.views.show_view(feature.calendar_tab)
    wait_until(
        lambda: (
            feature.calendar_panel is not None
            and feature.calendar_panel.refresh_button.isEnabled()  # read
            and feature.audit_view is not None
            and feature.audit_view.tree.topLevelItemCount() > 0
        ),
        "the calendar",
    )
    return settle(window)


def shoot_approval(studio: Studio) -> QPixmap:
    """The approval dialog over the chat."""
    from app.widgets.approval_dialog import ApprovalDialog

    window = studio.window
    window.conversations.select(studio.chat_id)
    return with_dialog(window, ApprovalDialog(approval(studio.words), window))


def shoot_rewrite(studio: Studio) -> QPixmap:
    """The rewrite dialog with a finished rewrite and its differences marked."""
    from agents.writing.styles import Style
    from app.services.writing import RewriteService
    from app.widgets.rewrite_dialog import RewriteDialog

    window = studio.window
    window.conversations.select(studio.chat_id)
    studio.double.script("llama3.2", Reply(text=studio.words.rewrite_result))
    service = RewriteService(window.router)
    dialog = RewriteDialog(service, studio.words.rewrite_original, parent=window)
    dialog.set_style(Style.FORMAL)
    dialog.start()
    wait_until(lambda: dialog.result_text, "the rewrite")
    return with_dialog(window, dialog)


SHOTS: dict[str, Callable[[Studio], QPixmap]] = {
    "chat": shoot_chat,
    "sources": shoot_sources,
    "documents": shoot_documents,
    "mail": shoot_mail,
    "calendar": shoot_calendar,
    "approval": shoot_approval,
    "rewrite": shoot_rewrite,
}


def add_week(studio: Studio) -> None:
    """This week's sample events, and approved and denied actions in the audit log."""
    feature = studio.window.mail_calendar
    calendar = feature.calendar()
    today = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    for day, (hour, title) in enumerate(zip((9, 14, 19, 7), studio.words.events, strict=True)):
        start = today + timedelta(days=day + 1, hours=hour)
        calendar.create(new_event(title, start, start + timedelta(hours=1)))
    audit = feature.audit
    done = audit.record(ProposedAction("create_event", studio.words.events[1]), approved=True)
    audit.finish(done, "done")
    audit.record(approval(studio.words), approved=False)


# -- running -----------------------------------------------------------------------------
def shoot_language(
    double: OllamaDouble,
    language: str,
    sizes: Sequence[tuple[int, int]],
    views: Sequence[str],
    out: Path,
    schemes: Sequence[str] = SCHEMES,
    zoom: float = 1.0,
) -> list[Path]:
    """Every view at every size in one language, in each scheme, with text at ``zoom``;
    returns the files written."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, QLocale(language))
    QLocale.setDefault(QLocale(language))
    font = app.font()  # an Appearance zooms the application's font: put back after
    written = []
    with tempfile.TemporaryDirectory(prefix="hearth-screenshots-") as folder:
        root = Path(folder)
        store = ChatStore.in_data_dir(root)
        words = WORDS[language]
        chat_id, docs_id = add_chats(store, words)
        (root / "Maildir").mkdir()
        AccountStore(root).save(MailAccount("Work", kind="maildir", path=str(root / "Maildir")))
        service = OllamaService(Settings(ollama_host=double.url))
        appearance = Appearance(schemes[0])
        appearance.set_zoom(zoom)
        window = MainWindow(store, service, data_dir=root, appearance=appearance)
        studio = Studio(window, double, words, chat_id, docs_id)
        try:
            appearance.apply()
            window.show()
            wait_until(lambda: window.status.state == "connected", "the Ollama double")
            for scheme in schemes:
                appearance.set_choice(scheme)
                suffix = "" if scheme == "light" else f"-{scheme}"
                suffix += "" if zoom == 1.0 else f"-zoom{round(zoom * 100)}"
                for width, height in sizes:
                    window.resize(width, height)
                    for view in views:
                        path = out / f"{view}-{width}x{height}-{language}{suffix}.png"
                        if not SHOTS[view](studio).save(str(path)):
                            raise OSError(f"screenshots: can't write {path}")
                        written.append(path)
        finally:
            window.close()
            window.deleteLater()
            QTest.qWait(50)
            store.close()
            for translator in translators:
                app.removeTranslator(translator)
            app.setFont(font)
    return written


def _print_message(kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
    if not text.startswith(QUIET):
        print(text, file=sys.stderr)


def _sizes(text: str) -> list[tuple[int, int]]:
    pairs = [part.lower().split("x") for part in text.split(",") if part]
    return [(int(width), int(height)) for width, height in pairs]


def _names(allowed: Sequence[str]) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        names = [name for name in text.split(",") if name]
        unknown = sorted(set(names) - set(allowed))
        if unknown:
            raise argparse.ArgumentTypeError(f"unknown: {', '.join(unknown)}")
        return names

    return parse


def main(argv: Sequence[str] | None = None) -> list[Path]:
    """Writes the screenshots; returns their paths."""
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--sizes", type=_sizes, default=list(SIZES))
    parser.add_argument("--languages", type=_names(tuple(WORDS)), default=list(LANGUAGES))
    parser.add_argument("--schemes", type=_names(SCHEMES), default=list(SCHEMES))
    parser.add_argument("--zoom", type=float, default=1.0)
    parser.add_argument("--views", type=_names(VIEWS), default=list(VIEWS))
    args = parser.parse_args(argv)
    qInstallMessageHandler(_print_message)
    app = QApplication.instance() or QApplication(["hearth-screenshots"])
    assert isinstance(app, QApplication)
    if "zh_CN" in args.languages and not QFontDatabase.families(
        QFontDatabase.WritingSystem.SimplifiedChinese
    ):
        print(
            "screenshots: no font with Chinese glyphs (Debian: fonts-noto-cjk); "
            "Chinese text will show as boxes",
            file=sys.stderr,
        )
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with OllamaDouble() as double:
        for language in args.languages:
            written += shoot_language(
                double, language, args.sizes, args.views, args.out, args.schemes, args.zoom
            )
    print(f"{len(written)} screenshots in {args.out}")
    return written


if __name__ == "__main__":
    main()
