"""An .ics file as Hearth keeps it: read safely, split into its components, edited in place.

Reading checks the file type on the open handle before reading a byte (a FIFO or a link
to ``/dev/zero`` is refused, not read), caps the size, and splits the text into the
calendar's top-level components (``VEVENT``, ``VTIMEZONE``...) without parsing them, so
one broken event costs only itself and a large file is scanned fast. Changes replace
or add single components and leave every other byte as it was, so events Hearth cannot
read, or reads differently, survive its edits untouched.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from agents.calendar.model import CalendarError, CalendarKind
from agents.wording import Words, say

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_NESTING = 8

TOP_LEVEL = frozenset({"VEVENT", "VTODO", "VJOURNAL", "VTIMEZONE", "VFREEBUSY"})
# What one pass over the whole file keeps of each component: enough to sort it (UID) and
# to leave out the events of other years without parsing them.
SCANNED = ("UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "RECURRENCE-ID")
_REPEATING = (b"RRULE", b"RDATE", b"RECURRENCE-ID", b"DURATION")


def _lines(names: tuple[str, ...]) -> re.Pattern[bytes]:
    """BEGIN and END lines and the named properties, each with its folded continuation
    lines (RFC 5545 3.1)."""
    alternatives = "|".join(("BEGIN", "END", *names)).encode()
    return re.compile(
        rb"^(" + alternatives + rb")([;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)",
        re.MULTILINE | re.IGNORECASE,
    )


_SCAN = _lines(SCANNED)
_ON_DEMAND = _lines(("SUMMARY", "TZID"))
_UNFOLD = re.compile(rb"\r?\n[ \t]")
MAX_PARSED_BYTES = 256 * 1024
MAX_LINE_BYTES = 64 * 1024
# Free text Hearth shows only the start of (never dates, rules or addresses): a line of
# it longer than MAX_LINE_BYTES, or its continuation lines past the 300th, are cut.
_FREE_TEXT = rb"(?:DESCRIPTION|COMMENT|ATTACH|X-[A-Za-z0-9-]*)[;:]"
_LONG_LINE = re.compile(
    rb"^(" + _FREE_TEXT + rb"[^\r\n]{%d})[^\r\n]+" % MAX_LINE_BYTES, re.MULTILINE | re.I
)
_LONG_FOLDED = re.compile(
    rb"^(" + _FREE_TEXT + rb"[^\r\n]*(?:\r?\n[ \t][^\r\n]*){300})(?:\r?\n[ \t][^\r\n]*)+",
    re.MULTILINE | re.I,
)
_SLACK = timedelta(days=2)  # any time zone's offset, and all-day ends


@dataclass(eq=False)
class Block:
    """One top-level component of the calendar, kept as the bytes it was written with.

    Attributes:
        kind: ``VEVENT``, ``VTIMEZONE``, ``VTODO``... (upper case).
        source: The whole file.
        start: Where its BEGIN line starts in ``source``.
        end: Where it ends (after its END line, or where the next component begins).
        line: The line it starts on (1-based), to name it in notes.
        complete: Whether it ends with its own END line.
        too_deep: Whether components are nested in it deeper than :data:`MAX_NESTING`.
        props: Its own :data:`SCANNED` properties (not those of a nested VALARM), raw;
            SUMMARY and TZID are added when first asked for.
    """

    kind: str
    source: bytes = field(repr=False)
    start: int
    end: int = 0
    line: int = 0
    complete: bool = True
    too_deep: bool = False
    props: dict[bytes, bytes] = field(default_factory=dict, repr=False)

    @property
    def data(self) -> bytes:
        """Its bytes, BEGIN line to END line."""
        return self.source[self.start : self.end]

    def quick(self, name: str) -> str:
        """The raw value of one of its own properties (the first), unfolded, or ``""``.

        Only :data:`SCANNED` names, SUMMARY and TZID; parameters are kept:
        ``;TZID=Europe/Berlin:20261126T150000``.
        """
        key = name.encode("ascii")
        if key not in self.props and name not in SCANNED:
            self._scan_on_demand()
        raw = self.props.get(key)
        return "" if raw is None else _UNFOLD.sub(b"", raw).decode("utf-8", "replace")

    def _scan_on_demand(self) -> None:
        depth = 0
        for match in _ON_DEMAND.finditer(self.source, self.start, self.end):
            key = match.group(1).upper()
            if key == b"BEGIN":
                depth += 1
            elif key == b"END":
                depth -= 1
            elif depth == 1:
                self.props.setdefault(key, match.group(2))
        self.props.setdefault(b"SUMMARY", b"")
        self.props.setdefault(b"TZID", b"")

    @property
    def uid(self) -> str:
        """Its UID, as written."""
        return self.quick("UID").partition(":")[2].strip()

    def may_overlap(self, low: bytes, high: bytes) -> bool:
        """False only when its written DTSTART and DTEND dates lie outside [low, high]
        (``YYYYMMDD``); see :meth:`IcsDocument.events_near`."""
        props = self.props
        if any(name in props for name in _REPEATING):
            return True
        first = _day(props.get(b"DTSTART"))
        if first is None:
            return True
        if first > high:
            return False
        return (_day(props.get(b"DTEND")) or first) >= low

    def text(self) -> str:
        """Its text for a parser: UTF-8, or Windows-1252 for files from older programs.

        A huge free-text value (a 5 MB DESCRIPTION) is cut first: only its start is ever
        shown, and the parser would otherwise spend seconds on it.
        """
        data = self.data
        if len(data) > MAX_PARSED_BYTES:
            data = _LONG_FOLDED.sub(rb"\1", _LONG_LINE.sub(_cut_line, data))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace")


def _cut_line(match: re.Match[bytes]) -> bytes:
    """A long line cut to MAX_LINE_BYTES, never inside a UTF-8 character."""
    kept = match.group(1)
    end = len(kept)
    while end > 0 and 0x80 <= kept[end - 1] <= 0xBF:
        end -= 1
    if end > 0 and kept[end - 1] >= 0xC0:  # the lead byte of the cut character
        end -= 1
    return kept[:end]


def _day(raw: bytes | None) -> bytes | None:
    """The ``YYYYMMDD`` a raw DTSTART/DTEND value starts with, when written plainly."""
    if raw is None:
        return None
    day = raw[raw.rfind(b":") + 1 :].strip()[:8]
    return day if len(day) == 8 and day.isdigit() else None


@dataclass
class IcsDocument:
    """The whole file: components in order, with the bytes between them kept as they are.

    Attributes:
        pieces: Blocks, and raw bytes (calendar lines, anything else) between them.
        calendars: How many VCALENDAR begin lines there are.
        closed: Whether the last VCALENDAR has its END line.
    """

    pieces: list[Block | bytes] = field(default_factory=list)
    calendars: int = 0
    closed: bool = False

    @property
    def blocks(self) -> list[Block]:
        """The components, in file order."""
        return [p for p in self.pieces if isinstance(p, Block)]

    def events(self) -> list[Block]:
        """The VEVENT components."""
        return [b for b in self.blocks if b.kind == "VEVENT"]

    def events_near(self, start: datetime, end: datetime) -> list[Block]:
        """The VEVENTs that may overlap [start, end): repeating ones, and those whose
        written dates are near it. The events of other years are left out unparsed, so a
        file of 100,000 events costs one scan."""
        low = f"{start.astimezone(UTC) - _SLACK:%Y%m%d}".encode()
        high = f"{end.astimezone(UTC) + _SLACK:%Y%m%d}".encode()
        return [b for b in self.events() if b.may_overlap(low, high)]

    def writable_problem(self) -> str:
        """Why Hearth must not edit this file (empty: it may)."""
        if self.calendars == 0:
            return "it holds no VCALENDAR"
        if not self.closed:
            return "its END:VCALENDAR line is missing"
        broken = [b for b in self.blocks if not b.complete]
        if broken:
            return f"the {broken[0].kind} on line {broken[0].line} has no END line"
        return ""

    def replace(self, old: Block, new: bytes | None) -> None:
        """Puts ``new`` where ``old`` was (None: removes it)."""
        index = next(i for i, p in enumerate(self.pieces) if p is old)
        if new is None:
            del self.pieces[index]
        else:
            self.pieces[index] = new

    def append(self, component: bytes) -> None:
        """Adds a component before the last END:VCALENDAR."""
        for index in range(len(self.pieces) - 1, -1, -1):
            piece = self.pieces[index]
            if isinstance(piece, bytes):
                at = _last_calendar_end(piece)
                if at >= 0:
                    self.pieces[index : index + 1] = [piece[:at], component, piece[at:]]
                    return
        raise CalendarError(
            CalendarKind.GENERAL,
            say("The calendar file has no END:VCALENDAR line to add an event before."),
        )

    def to_bytes(self) -> bytes:
        """The file's new content."""
        return b"".join(p.data if isinstance(p, Block) else p for p in self.pieces)


_CALENDAR_END = re.compile(rb"^END:VCALENDAR[ \t]*\r?$", re.MULTILINE | re.IGNORECASE)


def _last_calendar_end(data: bytes) -> int:
    ends = [m.start() for m in _CALENDAR_END.finditer(data)]
    return ends[-1] if ends else -1


def read_ics(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The file's bytes; None when it does not exist.

    The type is checked on the open handle, before reading: only a regular file is read
    (a FIFO, a device such as ``/dev/zero`` behind a link, a socket or a folder is
    refused), and never more than ``limit`` bytes.

    Raises:
        CalendarError: It is not a regular file, is too large, or can't be read.
    """
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)  # non-blocking: opening a FIFO must not wait for a writer
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CalendarError(
            CalendarKind.GENERAL,
            say(
                "Can't read the calendar file {path}: {problem}.",
                path=path,
                problem=exc.strerror or exc,
            ),
        ) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "The calendar {path} is not a regular file (it is a {kind}): choose an "
                    ".ics file.",
                    path=path,
                    kind=_kind(info.st_mode),
                ),
            )
        if info.st_size > limit:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "The calendar file {path} is too large ({size} MB, at most {limit} "
                    "MB): split it or use a CalDAV server.",
                    path=path,
                    size=info.st_size // 1_000_000,
                    limit=limit // 1_000_000,
                ),
            )
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > limit:
                raise CalendarError(
                    CalendarKind.GENERAL,
                    say(
                        "The calendar file {path} grew past {limit} bytes.", path=path, limit=limit
                    ),
                )
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise CalendarError(
            CalendarKind.GENERAL,
            say(
                "Can't read the calendar file {path}: {problem}.",
                path=path,
                problem=exc.strerror or exc,
            ),
        ) from exc
    finally:
        os.close(fd)


def _kind(mode: int) -> Words:
    kinds = (
        (stat.S_ISFIFO, say("pipe (FIFO)")),
        (stat.S_ISCHR, say("device")),
        (stat.S_ISBLK, say("device")),
        (stat.S_ISSOCK, say("socket")),
        (stat.S_ISDIR, say("folder")),
    )
    return next((name for test, name in kinds if test(mode)), say("special file"))


def split_ics(data: bytes) -> IcsDocument:
    """Splits the file into top-level components and the bytes between them.

    Never raises: a component whose END line is missing ends where the next top-level
    component or the calendar's END line begins, and is marked incomplete.
    """
    splitter = _Splitter(data)
    for match in _SCAN.finditer(data):
        key = match.group(1).upper()
        if key in {b"BEGIN", b"END"}:
            splitter.boundary(key, match)
        elif splitter.depth == 1 and splitter.block is not None:  # the hot path: one line
            splitter.block.props.setdefault(key, match.group(2))
    return splitter.finish()


class _Splitter:
    """The state of :func:`split_ics` while it walks the lines that matter."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.document = IcsDocument()
        self.position = 0  # where the bytes not yet placed in a piece start
        self.block: Block | None = None  # the open component
        self.depth = 0  # nesting inside it (1: its own lines)
        self.line_of = _LineCounter(data)

    def boundary(self, key: bytes, match: re.Match[bytes]) -> None:
        """A BEGIN or END line."""
        block = self.block
        name = match.group(2)[1:].strip().upper().decode("ascii", "replace")
        if block is None:
            self._outside(key, name, match.start())
        elif key == b"BEGIN" and name in TOP_LEVEL and block.kind in TOP_LEVEL:
            # A VEVENT can't hold a VEVENT (an X- component may): the open one lost its END.
            self._close(match.start(), complete=False)
            self._open(name, match.start())
        elif key == b"BEGIN":
            self.depth += 1
            block.too_deep = block.too_deep or self.depth > MAX_NESTING
        elif name == "VCALENDAR":
            self._close(match.start(), complete=False)
            self.document.closed = True
        else:
            self.depth -= 1
            if self.depth <= 0:
                line_end = self.data.find(b"\n", match.end())
                after = len(self.data) if line_end < 0 else line_end + 1
                self._close(after, complete=name == block.kind)

    def _outside(self, key: bytes, name: str, at: int) -> None:
        if name == "VCALENDAR":
            self.document.calendars += key == b"BEGIN"
            self.document.closed = key == b"END"
        elif key == b"BEGIN":
            self._open(name, at)

    def _open(self, kind: str, at: int) -> None:
        if at > self.position:
            self.document.pieces.append(self.data[self.position : at])
        self.block = Block(kind, self.data, at, line=self.line_of(at))
        self.depth = 1

    def _close(self, end: int, complete: bool) -> None:
        assert self.block is not None
        self.block.end, self.block.complete = end, complete
        self.document.pieces.append(self.block)
        self.block, self.position = None, end

    def finish(self) -> IcsDocument:
        if self.block is not None:
            self._close(len(self.data), complete=False)
        if self.position < len(self.data):
            self.document.pieces.append(self.data[self.position :])
        return self.document


class _LineCounter:
    """Line numbers of offsets, counted incrementally (offsets come in order)."""

    def __init__(self, data: bytes) -> None:
        self.data, self.offset, self.line = data, 0, 1

    def __call__(self, offset: int) -> int:
        self.line += self.data.count(b"\n", self.offset, offset)
        self.offset = offset
        return self.line
