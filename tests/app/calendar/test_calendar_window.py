"""The calendar in the window: set up through the dialog (an .ics file or a real CalDAV
server on loopback), browsed by week and month; the password stays in the keyring."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from agents import settings as settings_mod
from agents.calendar.caldav_store import KEYRING_SERVICE, CalDavCalendar
from agents.calendar.model import new_event
from app.main_window import MainWindow
from app.widgets.calendar_panel import DAY_ROLE, EVENT_ROLE, MONTH, WEEK, CalendarPanel
from app.widgets.calendar_setup_dialog import CalendarSetupDialog
from tests.agents.mail.conftest import MemoryKeyring
from tests.app.calendar.conftest import PASSWORD
from tests.servers.radicale import RadicaleServer

WAIT_MS = 10_000

# As another calendar app exports it: floating local times, an all-day holiday.
EXPORTED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Another calendar app//EN
BEGIN:VEVENT
UID:standup@example.org
DTSTAMP:20261001T000000Z
DTSTART:20261102T090000
DTEND:20261102T091500
SUMMARY:Standup
END:VEVENT
BEGIN:VEVENT
UID:dentist@example.org
DTSTAMP:20261001T000000Z
DTSTART:20261104T140000
DTEND:20261104T150000
SUMMARY:Dentist
LOCATION:Town
END:VEVENT
BEGIN:VEVENT
UID:holiday@example.org
DTSTAMP:20261001T000000Z
DTSTART;VALUE=DATE:20261112
DTEND;VALUE=DATE:20261114
SUMMARY:Holiday
END:VEVENT
BEGIN:VEVENT
UID:month-end@example.org
DTSTAMP:20261001T000000Z
DTSTART:20261130T170000
DTEND:20261130T180000
SUMMARY:Month end
END:VEVENT
BEGIN:VEVENT
UID:december@example.org
DTSTAMP:20261001T000000Z
DTSTART:20261201T100000
DTEND:20261201T110000
SUMMARY:December planning
END:VEVENT
END:VCALENDAR
"""


def calendar_tab(qtbot: QtBot, window: MainWindow) -> CalendarPanel:
    """Opens the Calendar tab and waits for its first page."""
    window.views.show_view(window.mail_calendar.calendar_tab)
    panel = window.mail_calendar.calendar_panel
    assert panel is not None
    qtbot.waitUntil(lambda: not panel.loading, timeout=WAIT_MS)
    return panel


def setup_dialog(qtbot: QtBot, window: MainWindow, panel: CalendarPanel) -> CalendarSetupDialog:
    """Opens the setup dialog with the panel's Set up… button."""
    panel.setup_button.click()
    qtbot.waitUntil(lambda: window.findChild(CalendarSetupDialog) is not None)
    dialog = window.findChild(CalendarSetupDialog)
    assert isinstance(dialog, CalendarSetupDialog) and dialog.isVisible()
    return dialog


def page(qtbot: QtBot, panel: CalendarPanel, action: object) -> list[tuple[date, str]]:
    """Does ``action`` (a click) and returns the (day, event) rows of the page it shows."""
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        action()  # type: ignore[operator]
    return panel.shown_events()


def day_headers(panel: CalendarPanel) -> list[date]:
    rows = [panel.list.item(row) for row in range(panel.list.count())]
    return [r.data(DAY_ROLE) for r in rows if r.data(DAY_ROLE) and r.data(EVENT_ROLE) is None]


def save(qtbot: QtBot, dialog: CalendarSetupDialog, panel: CalendarPanel) -> None:
    """Saves the dialog, which closes; the panel reloads with the new calendar."""
    with qtbot.waitSignals([dialog.accepted, panel.refreshed], timeout=WAIT_MS):
        dialog.save_button.click()


def test_an_ics_file_chosen_in_the_dialog_is_browsed_by_week_and_month(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    data_root: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exported = tmp_path / "exported.ics"
    exported.write_text(EXPORTED, encoding="utf-8")
    panel = calendar_tab(qtbot, window)
    dialog = setup_dialog(qtbot, window, panel)
    assert dialog.local_choice.isChecked() and not dialog.file_box.isEnabled()

    chosen = (str(exported), "Calendars (*.ics)")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: chosen)
    dialog.ics_choice.click()
    dialog.choose_button.click()
    assert dialog.ics_choice.isChecked() and dialog.path.text() == str(exported)
    with qtbot.waitSignal(dialog.service.checked, timeout=WAIT_MS) as checked:
        dialog.test_button.click()
        assert not dialog.test_button.isEnabled()  # the check runs off the GUI thread
    assert checked.args[0] is True
    assert dialog.result_label.text().startswith("The calendar can be read:")
    save(qtbot, dialog, panel)

    # Saved: the panel, the tools and the settings file all use the file.
    location = f"ics:{exported}"
    assert window.settings.calendar == location
    assert settings_mod.load(data_root).settings.calendar == location
    assert window.mail_calendar.calendar().location == f"ics:{exported.resolve()}"
    assert window.router.tools is not None and window.router.tools.workspace.ics == exported

    week = page(qtbot, panel, lambda: panel.show_period(WEEK, date(2026, 11, 4)))
    assert week == [
        (date(2026, 11, 2), "09:00–09:15  Standup"),
        (date(2026, 11, 4), "14:00–15:00  Dentist · Town"),
    ]
    assert panel.title.text() == "2 Nov – 8 Nov 2026"
    assert day_headers(panel) == [date(2026, 11, d) for d in range(2, 9)]  # every day
    assert page(qtbot, panel, panel.next_button.click) == [
        (date(2026, 11, 12), "All day  Holiday"),
        (date(2026, 11, 13), "All day  Holiday"),
    ]
    assert page(qtbot, panel, panel.month_button.click) == [
        (date(2026, 11, 2), "09:00–09:15  Standup"),
        (date(2026, 11, 4), "14:00–15:00  Dentist · Town"),
        (date(2026, 11, 12), "All day  Holiday"),
        (date(2026, 11, 13), "All day  Holiday"),
        (date(2026, 11, 30), "17:00–18:00  Month end"),
    ]
    assert panel.title.text() == "November 2026" and panel.view == MONTH
    assert len(day_headers(panel)) == 5  # a month lists only the days that have events
    assert page(qtbot, panel, panel.next_button.click) == [
        (date(2026, 12, 1), "10:00–11:00  December planning")
    ]
    page(qtbot, panel, panel.previous_button.click)
    assert page(qtbot, panel, panel.previous_button.click) == []
    assert panel.title.text() == "October 2026"
    assert panel.status.text() == "No events this month."
    page(qtbot, panel, panel.today_button.click)
    first, end = panel.period
    assert first <= datetime.now(panel.tz).date() < end
    assert page(qtbot, panel, panel.week_button.click) is not None and panel.view == WEEK


def test_a_caldav_account_set_up_in_the_dialog_keeps_its_password_in_the_keyring(
    qtbot: QtBot,
    window: MainWindow,
    data_root: Path,
    caldav_server: RadicaleServer,
    memory_keyring: MemoryKeyring,
) -> None:
    tz = window.mail_calendar.calendar_setup.tz
    server = CalDavCalendar(caldav_server.calendar_url, username="alice", password=PASSWORD, tz=tz)

    def at(day: int, hour: int) -> datetime:
        return datetime.combine(date(2026, 11, day), time(hour), tzinfo=tz)

    server.create(new_event("Review", at(4, 10), at(4, 11), location="Room 4"))
    server.create(new_event("Retro", at(20, 15), at(20, 16)))
    panel = calendar_tab(qtbot, window)
    dialog = setup_dialog(qtbot, window, panel)
    dialog.caldav_choice.click()
    assert dialog.caldav_box.isEnabled()
    dialog.url.setText(caldav_server.calendar_url)
    dialog.username.setText("alice")

    dialog.password.setText("not the password")
    with qtbot.waitSignal(dialog.service.checked, timeout=WAIT_MS) as checked:
        dialog.test_button.click()
    assert checked.args[0] is False
    assert dialog.result_label.text().startswith("Not working:")
    assert "refused the login" in dialog.result_label.text()

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.service.checked, timeout=WAIT_MS) as checked:
        dialog.test_button.click()
    assert checked.args[0] is True and dialog.result_label.text().startswith("Connected:")
    save(qtbot, dialog, panel)

    assert memory_keyring.entries == {(KEYRING_SERVICE, "alice@127.0.0.1"): PASSWORD}
    assert window.settings.calendar == "caldav:" + caldav_server.calendar_url.replace(
        "http://", "http://alice@"
    )
    for path in data_root.rglob("*"):  # the password is in no file of the data folder
        assert not path.is_file() or PASSWORD.encode() not in path.read_bytes(), path

    assert page(qtbot, panel, lambda: panel.show_period(WEEK, date(2026, 11, 4))) == [
        (date(2026, 11, 4), "10:00–11:00  Review · Room 4")
    ]
    assert page(qtbot, panel, panel.month_button.click) == [
        (date(2026, 11, 4), "10:00–11:00  Review · Room 4"),
        (date(2026, 11, 20), "15:00–16:00  Retro"),
    ]
    # The tools open the same calendar, logging in with the keyring's password.
    found = window.mail_calendar.workspace.open().calendar
    assert found is not None
    assert [e.summary for e in found.list_events(at(1, 0), at(30, 0))] == ["Review", "Retro"]

    # Opened again, the form shows the account; saving without a password keeps it.
    dialog = setup_dialog(qtbot, window, panel)
    assert dialog.caldav_choice.isChecked() and dialog.username.text() == "alice"
    assert dialog.url.text() == caldav_server.calendar_url and dialog.password.text() == ""
    with qtbot.waitSignal(dialog.service.saved, timeout=WAIT_MS):
        dialog.save_button.click()
    assert memory_keyring.entries == {(KEYRING_SERVICE, "alice@127.0.0.1"): PASSWORD}
