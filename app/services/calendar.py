"""The calendar's setup in the window: which calendar Hearth uses, checked and saved off
the GUI thread (a CalDAV password goes to the system keyring, never to a file)."""

from __future__ import annotations

import dataclasses
import logging
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from agents import paths
from agents.calendar.model import CalendarError, CalendarStore
from agents.calendar.setup import CHECK_DAYS, CalendarSetup, check, store_password
from agents.calendar.zones import local_timezone
from agents.settings import Settings
from app.services.jobs import run_call
from app.services.settings import SettingsService
from app.wording import worded

log = logging.getLogger(__name__)


class CalendarSetupService(QObject):
    """Reads and saves the ``calendar`` setting; the calendar tools and the panel use it.

    Args:
        settings: The window's settings (the one place they change).
        data_dir: The data folder (Hearth's own calendar.ics).
        tz: The timezone events are read in.
        parent: The Qt parent.

    Signals:
        checked(bool, str): whether the calendar could be read; what was found, or what
            went wrong and what to do.
        saved(object): the CalendarSetup now in use (its password is in the keyring).
        saveFailed(str): what went wrong; nothing was changed.
        changed(object): the calendar in use changed (a CalendarSetup), by a save or a
            change of the setting.
    """

    checked = Signal(bool, str)
    saved = Signal(object)
    saveFailed = Signal(str)
    changed = Signal(object)

    def __init__(
        self,
        settings: SettingsService,
        data_dir: Path,
        tz: tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.data_dir = Path(data_dir)
        self.tz = tz or local_timezone()
        self._location = settings.settings.calendar
        settings.changed.connect(self._on_settings)

    @property
    def setup(self) -> CalendarSetup:
        """The calendar in use (Hearth's own when the setting can't be read)."""
        try:
            return CalendarSetup.from_location(self.settings.settings.calendar)
        except CalendarError as exc:
            log.warning("%s", exc.message)
            return CalendarSetup()

    def open(self) -> CalendarStore:
        """The calendar in use, opened (a server is asked only when it is read)."""
        return self.setup.open(self.data_dir, self.tz)

    def check(self, setup: CalendarSetup, password: str = "") -> None:
        """Reads the coming week of ``setup`` off the GUI thread; ``checked`` answers.

        Args:
            setup: The calendar as entered (not saved yet).
            password: A CalDAV password as typed; empty: the one in the keyring.
        """
        data_dir, tz = self.data_dir, self.tz

        def read() -> tuple[CalendarSetup, int]:
            chosen = setup.validated()
            return chosen, check(chosen.open(data_dir, tz, password or None), tz)

        run_call(read, self._report, lambda error: self.checked.emit(False, worded(error)), self)

    def _report(self, result: tuple[CalendarSetup, int]) -> None:
        chosen, count = result
        if chosen.kind == "caldav":
            text = self.tr("Connected: %n event(s) in the next {0} days.", "", count)
        elif (Path(chosen.path) if chosen.path else paths.calendar_file(self.data_dir)).exists():
            text = self.tr("The calendar can be read: %n event(s) in the next {0} days.", "", count)
        else:
            text = self.tr("The file doesn't exist yet: Hearth creates it with the first event.")
        self.checked.emit(True, text.replace("{0}", str(CHECK_DAYS)))

    def save(self, setup: CalendarSetup, password: str = "") -> None:
        """Saves ``setup`` as the calendar in use, a typed password into the keyring (both
        off the GUI thread); ``saved`` or ``saveFailed`` answers.

        An empty password keeps the one already stored.
        """

        def keep() -> CalendarSetup:
            chosen = setup.validated()
            if password and chosen.kind == "caldav":
                store_password(chosen, password)
            return chosen

        run_call(keep, self._apply, lambda error: self.saveFailed.emit(worded(error)), self)

    def _apply(self, chosen: CalendarSetup) -> None:
        self.settings.apply(dataclasses.replace(self.settings.settings, calendar=chosen.location))
        self.saved.emit(chosen)

    def _on_settings(self, settings: Settings) -> None:
        if settings.calendar != self._location:
            self._location = settings.calendar
            self.changed.emit(self.setup)
