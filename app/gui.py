"""Starting the window: one ordered function, from Qt to the first paint."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from agents import paths
from agents import settings as settings_mod
from agents.errors import HearthError
from agents.llm import OllamaService
from agents.storage import ChatStore, InstanceLock, StorageError, StorageKind
from app import heap, plain
from app.theme import Palette, style_sheet
from app.wording import worded

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.preload import Preloader
    from app.widgets.quick_ask import QuickAsk

# The style sheet, icon and translations ship inside the package (app/assets), so a pip
# install, an editable install and the PyInstaller bundle all find them in the same place.
ASSETS = Path(str(resources.files("app") / "assets"))
# The AppStream component id, which names the desktop entry (Wayland matches windows by it).
APP_ID = "io.github.hearth.Hearth"
log = logging.getLogger(__name__)


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Loads Hearth's and Qt's translations for the locale (kept alive by the caller)."""
    locale = locale or QLocale.system()
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for prefix, folder in (("qtbase", qt_dir), ("hearth", str(ASSETS / "i18n"))):
        translator = QTranslator(app)
        if translator.load(locale, prefix, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def style_template() -> str:
    """The app's style sheet as shipped: a template with the colours to fill in."""
    path = ASSETS / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def stylesheet(colours: Palette, zoom: float = 1.0, mono: str = "", points: float = 10.0) -> str:
    """The app's style sheet in a scheme's colours, its text at ``zoom`` (1.0 is 100%) of
    ``points``, code in the ``mono`` font family (app.theme.style_sheet)."""
    return style_sheet(style_template(), colours, zoom, mono, points)


def run_gui(args: argparse.Namespace, started: float | None = None, quick: bool = False) -> int:
    """Opens the window and runs until it closes; returns the exit code.

    With ``quick`` (``hearth quick``) only the quick-ask window opens (the main window
    waits behind the tray icon), or the running Hearth opens its own.
    """
    started = started or time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Hearth")
    app.setOrganizationName("Hearth")
    app.setDesktopFileName(APP_ID)
    icon = ASSETS / "hearth.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    translators = install_translations(app)
    from app.stall_probe import StallProbe

    probe = StallProbe.from_environment(app)  # HEARTH_STALL_LOG: off (None) by default

    try:
        root = paths.data_dir(getattr(args, "data_dir", None))
        lock = InstanceLock(root)
        lock.acquire()
    except (HearthError, OSError) as exc:
        if isinstance(exc, StorageError) and exc.kind is StorageKind.ALREADY_RUNNING:
            from app.single_instance import QUICK, WAKE, ask_running_instance_to_show

            request = QUICK if quick else WAKE
            if not getattr(args, "smoke_test", False) and ask_running_instance_to_show(
                root, request=request
            ):
                print("hearth: already running; its window was brought forward", file=sys.stderr)
                return 0
        _fatal(exc, args)
        return exc.exit_code if isinstance(exc, HearthError) else 1
    try:
        store = ChatStore.in_data_dir(root)
    except HearthError as exc:
        lock.release()
        _fatal(exc, args)
        return exc.exit_code

    from app.main_window import MainWindow
    from app.services.appearance import Appearance
    from app.services.settings import SettingsService

    loaded = settings_mod.load(root)
    service = OllamaService(loaded.settings)
    appearance = Appearance(loaded.settings.appearance)
    window = MainWindow(
        store,
        service,
        data_dir=root,
        settings_service=SettingsService(root, loaded),
        appearance=appearance,
    )
    appearance.apply()  # the scheme, and the text size the window remembered
    from app.controllers.desktop import DesktopController
    from app.single_instance import InstanceServer

    desktop = DesktopController(window)
    heap.settle()  # what start-up built lives on: later collections skip it
    preload = _preload_after_paint(desktop.quick if quick else window, window)
    if quick:
        desktop.quick.summon()
    else:
        window.show()
    instance = InstanceServer(root, window)
    instance.showRequested.connect(desktop.show_window)
    instance.quickRequested.connect(desktop.quick.summon)
    if getattr(args, "smoke_test", False):
        QTimer.singleShot(0, lambda: _report_when_idle(app, window, started))
    try:
        return app.exec()
    finally:
        if probe is not None:
            probe.stop()
        del translators, preload
        store.close()
        lock.release()


def _preload_after_paint(shown: QuickAsk | MainWindow, window: MainWindow) -> Preloader:
    """Loads what later work needs once ``shown`` has painted; pauses while an answer
    streams (see app.preload)."""
    from app.preload import Preloader, after_first_paint

    preload = Preloader(parent=window)
    for session in {window.session, shown.session}:
        session.busyChanged.connect(preload.set_paused)
    preload.start_after_paint(shown)
    if shown is not window:  # the main window waits hidden: check the server anyway
        after_first_paint(shown, window.monitor.start)
    return preload


def _report_when_idle(app: QApplication, window: object, started: float) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    handle = window.windowHandle()
    if not window.isVisible() or handle is None or not handle.isExposed():
        QTimer.singleShot(5, lambda: _report_when_idle(app, window, started))
        return
    app.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    print(f"window shown and idle after {elapsed:.0f} ms", flush=True)
    window.close()
    app.quit()


def _fatal(error: BaseException, args: argparse.Namespace) -> None:
    """Says why Hearth can't start: in English on stderr, in the person's language in a
    message box."""
    print(f"hearth: {error}", file=sys.stderr)
    if not getattr(args, "smoke_test", False):
        shown = worded(error) if isinstance(error, HearthError) else str(error)
        plain.tell(None, "Hearth", shown, QMessageBox.Icon.Critical)
