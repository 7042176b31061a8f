"""The times tools are given, read the way people write them, and shown so nobody misreads.

ISO 8601 comes first (``2026-11-26T15:00``, with or without an offset). Anything else goes
to ``dateparser`` in the person's languages (from the locale, English always included),
preferring the future, against the tools' clock: "in 2 hours", "next Thursday",
"tomorrow at 3pm", "übermorgen 15 Uhr", "明天下午三点". dateparser is imported on first
use only, so the app starts as fast as before.

Times are wall-clock times in the person's IANA zone, so "July 15 at 15:00" asked in
January is 15:00 summer time. An offset from now shorter than a day ("in 2 hours") is
elapsed time, so it stays right across the night the clocks change.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from agents.calendar.model import CalendarError, CalendarEvent, CalendarKind
from agents.calendar.zones import absolute, on_wall_clock
from agents.wording import Words, say

if TYPE_CHECKING:
    from agents.tools.common import ToolContext

MAX_TEXT = 100
# A second parse against a clock moved by this much tells "in 2 hours" (moves along)
# from "at 3pm" (does not).
_PROBE = timedelta(minutes=7, seconds=13)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = "[零〇一二两三四五六七八九十]{1,3}|\\d{1,2}"
_CN_TIME = re.compile(rf"({_CN_NUMBER})\s*[点點](?:\s*(半|(?:{_CN_NUMBER})\s*分?))?")
_DE_TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*Uhr\b", re.IGNORECASE)
_DE_NEXT = re.compile(r"\b(?:nächste[nmrs]?|kommende[nmrs]?)\s+", re.IGNORECASE)
_EN_OCLOCK = re.compile(r"\b(\d{1,2})\s*o'?clock\b", re.IGNORECASE)
_EN_AT_HOUR = re.compile(r"\bat\s+(\d{1,2})\b(?![:.]\d|\s*(?:[ap]\.?m\b|h\b))", re.IGNORECASE)


def system_languages() -> tuple[str, ...]:
    """The person's languages from the locale settings (``LANGUAGE``, ``LC_ALL``,
    ``LC_TIME``, ``LANG``), English last: ``("de", "en")``."""
    codes: list[str] = []
    for variable in ("LANGUAGE", "LC_ALL", "LC_TIME", "LANG"):
        for part in os.environ.get(variable, "").split(":"):
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code.isalpha() and code not in {"c", "posix"} and code not in codes:
                codes.append(code)
    return (*[c for c in codes if c != "en"], "en")


def parse_when(text: str, ctx: ToolContext, what: Words | None = None) -> datetime:
    """Reads a date and time given to a tool, in the person's zone.

    Raises:
        CalendarError: It is empty, too long, or can't be read as a time.
    """
    what = what or say("time")
    raw = " ".join(str(text).split())
    example = say("like 2026-11-26T15:00 or 'tomorrow 15:00'")
    if not raw:
        raise CalendarError(
            CalendarKind.GENERAL,
            say("The {what} is empty: give a date and time {example}.", what=what, example=example),
        )
    if len(raw) > MAX_TEXT:
        raise CalendarError(
            CalendarKind.GENERAL,
            say(
                "The {what} is too long to be a time: write it {example}.",
                what=what,
                example=example,
            ),
        )
    try:
        return on_wall_clock(datetime.fromisoformat(raw.replace("Z", "+00:00")), ctx.tz)
    except ValueError:
        pass
    moment = _natural(raw, ctx.current_time(), ctx.languages)
    if moment is None:
        raise CalendarError(
            CalendarKind.GENERAL,
            say(
                "Can't read the {what} {raw!r}: write it {example}.",
                what=what,
                raw=raw,
                example=example,
            ),
        )
    return on_wall_clock(moment, ctx.tz)


def _natural(text: str, now: datetime, languages: Sequence[str]) -> datetime | None:
    """Everyday language against ``now``; None when it isn't a time."""
    text = normalized(text)
    base = now.replace(tzinfo=None)
    found = _dateparser(text, base, languages)
    if found is None or found.tzinfo is not None:
        return found
    offset = found - base
    if abs(offset) < timedelta(days=1) and _dateparser(text, base + _PROBE, languages) == (
        found + _PROBE
    ):
        return (now.astimezone(UTC) + offset).astimezone(now.tzinfo)
    return found


def _dateparser(text: str, base: datetime, languages: Sequence[str]) -> datetime | None:
    import dateparser

    settings: Any = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": base}
    try:
        return dateparser.parse(text, languages=list(languages), settings=settings)
    except ValueError:  # a locale dateparser doesn't know
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (OverflowError, ArithmeticError):  # "in 10^12 years"
        return None


def normalized(text: str) -> str:
    """Clock times written in words dateparser misses, as ``H:MM``.

    ``三点半`` → ``3:30``, ``15 Uhr`` → ``15:00``, ``at 10`` → ``at 10:00``; German
    "nächsten Donnerstag" is the coming Thursday, as "Donnerstag" already is.
    """
    text = _CN_TIME.sub(_chinese_time, text)
    text = _DE_TIME.sub(lambda m: f"{int(m.group(1))}:{m.group(2) or '00'}", text)
    text = _DE_NEXT.sub("", text)
    text = _EN_OCLOCK.sub(lambda m: f"{int(m.group(1))}:00", text)
    return _EN_AT_HOUR.sub(lambda m: f"at {int(m.group(1))}:00", text)


def _chinese_time(match: re.Match[str]) -> str:
    hour = _chinese_number(match.group(1))
    rest = (match.group(2) or "").rstrip("分").strip()
    minute = 30 if rest == "半" else _chinese_number(rest) if rest else 0
    return f" {hour}:{minute:02d}"


def _chinese_number(text: str) -> int:
    """``三`` → 3, ``十一`` → 11, ``二十`` → 20, ``15`` → 15."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0))


def time_details(
    event: CalendarEvent, ctx: ToolContext, start: str = "", end: str = ""
) -> dict[str, str]:
    """The resolved times of an event action, for the approval dialog and prompt.

    ``starts`` and ``ends`` carry weekday, date, time and zone; ``requested`` is what the
    model asked for (``start`` and ``end`` as given: "tomorrow at 3pm"), so the person
    sees how it was read.
    """
    details = {"starts": absolute(event.start, ctx.tz), "ends": absolute(event.end, ctx.tz)}
    asked = " – ".join(" ".join(text.split()) for text in (start, end) if text.strip())
    if asked:
        details["requested"] = asked
    return details
