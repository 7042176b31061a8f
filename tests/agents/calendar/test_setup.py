"""The calendar setup: the ``calendar`` setting read and written, checks, the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from agents.calendar.caldav_store import KEYRING_SERVICE, password_from_keyring
from agents.calendar.ics_store import IcsCalendar
from agents.calendar.model import CalendarError
from agents.calendar.setup import CalendarSetup, store_password
from tests.agents.mail.conftest import MemoryKeyring


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(MemoryKeyring())


@pytest.mark.parametrize(
    ("location", "setup"),
    [
        ("", CalendarSetup()),
        ("ics:/home/me/cal.ics", CalendarSetup("ics", path="/home/me/cal.ics")),
        (
            "caldav:https://me%40example.org@dav.example.org/cal/me/work/",
            CalendarSetup("caldav", url="https://dav.example.org/cal/me/work/",
                          username="me@example.org"),
        ),
    ],
)  # fmt: skip
def test_the_setting_reads_back_what_was_saved(location: str, setup: CalendarSetup) -> None:
    assert CalendarSetup.from_location(location) == setup
    assert setup.location == location


def test_a_login_in_the_url_is_dropped_and_never_saved() -> None:
    typed = CalendarSetup("caldav", url=" https://bob:pw@dav.example.org:8443/c/ ", username="")
    setup = typed.validated()
    assert setup == CalendarSetup("caldav", url="https://dav.example.org:8443/c/", username="bob")
    assert "pw" not in setup.location and setup.location.startswith("caldav:https://bob@")


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        (CalendarSetup("ics"), "Choose the .ics file"),
        (CalendarSetup("ics", path="/tmp/notes.txt"), "isn't an .ics file"),
        (CalendarSetup("caldav", url="dav.example.org", username="a"), "must start with https"),
        (CalendarSetup("caldav", url="https://dav.example.org/"), "user name"),
        (CalendarSetup("caldav", url="https://x.org/", username="a\nb"), "user name"),
    ],
)
def test_incomplete_setups_say_what_to_fix(setup: CalendarSetup, problem: str) -> None:
    with pytest.raises(CalendarError, match=problem):
        setup.validated()


def test_an_unknown_setting_is_a_clear_error() -> None:
    with pytest.raises(CalendarError, match="Calendar > Set up"):
        CalendarSetup.from_location("outlook:somewhere")


def test_the_password_is_stored_where_the_caldav_calendar_reads_it(
    memory: MemoryKeyring,
) -> None:
    setup = CalendarSetup("caldav", url="https://DAV.example.org/c/", username="alice")
    store_password(setup, "pw")
    assert memory.entries == {(KEYRING_SERVICE, "alice@dav.example.org"): "pw"}
    assert password_from_keyring(setup.url, "alice") == "pw"


def test_each_kind_opens_its_calendar(tmp_path: Path, memory: MemoryKeyring) -> None:
    own = CalendarSetup().open(tmp_path)
    assert isinstance(own, IcsCalendar) and own.path == tmp_path / "calendar.ics"
    chosen = CalendarSetup("ics", path=str(tmp_path / "mine.ics")).validated()
    assert chosen.open(tmp_path).location == f"ics:{tmp_path / 'mine.ics'}"
    assert chosen.workspace_fields() == {"ics": tmp_path / "mine.ics", "caldav_url": None}
    server = CalendarSetup("caldav", url="http://127.0.0.1:5232/a/w/", username="a")
    assert server.open(tmp_path).location == "caldav:http://a@127.0.0.1:5232/a/w/"
    assert server.workspace_fields()["caldav_url"] == "http://a@127.0.0.1:5232/a/w/"
    assert CalendarSetup().workspace_fields() == {"ics": None, "caldav_url": None}
