"""Mail kept in local files: a Maildir folder or an mbox file, read and never changed.

Files are checked before they are opened and read within caps (see files.py); messages
are parsed defensively (parse.py). A request reads at most ``SCAN_LIMIT`` messages and
``SCAN_BYTES`` bytes, newest first, so a mailbox of any size answers in bounded time. A
message that can't be read is skipped with a note naming it; two different messages with
one Message-ID both stay reachable (the later one's id gets a ``#tag`` of its content).
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from agents.mail.errors import MailError, MailKind
from agents.mail.files import (
    MboxSpan,
    maildir_entries,
    mbox_spans,
    open_regular,
    read_capped,
    read_span,
    shown_name,
)
from agents.mail.model import MailMessage
from agents.mail.parse import MAX_RAW_BYTES, parse_message
from agents.mail.reading import Notes, check_count, matches, newest_first, not_found
from agents.wording import Words, plain, say

SCAN_LIMIT = 5_000  # messages a search (or a lookup by id) reads at most
SCAN_BYTES = 512 * 1024 * 1024  # bytes one request reads at most


class _LocalSource:
    """What Maildir and mbox share: newest-first keys, capped reads, an id cache, notes.

    Not for use by several threads at once (each request keeps its notes on the source).
    """

    where: Words

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._notes = Notes()
        self._stopped_early = False

    @property
    def notes(self) -> tuple[Words, ...]:
        """What the last request skipped, each naming the message or file."""
        return self._notes.shown()

    # -- what each kind provides -----------------------------------------------------
    def _keys_newest_first(self) -> Iterator[str]:
        raise NotImplementedError

    def _raw(self, key: str) -> tuple[bytes, bool]:
        """The message's bytes (capped) and whether it was longer; raises
        FileNotFoundError when it is gone, MailError or OSError when it can't be read."""
        raise NotImplementedError

    def _name(self, key: str) -> Words:
        """The message's place, in words, for a note."""
        raise NotImplementedError

    @contextmanager
    def _request(self) -> Iterator[None]:
        """Holds what one request needs open (the mbox file)."""
        yield

    # -- requests ---------------------------------------------------------------------
    def latest(self, count: int) -> list[MailMessage]:
        """The newest ``count`` messages (by arrival, then sorted by date), newest first."""
        count = check_count(count)
        with self._request():
            return newest_first(list(itertools.islice(self._messages(), count)))

    def get(self, message_id: str) -> MailMessage:
        """One message by id (cached from earlier reads, else found by scanning)."""
        with self._request():
            key = self._ids.get(message_id)
            found = self._read(key) if key is not None else None
            if found is not None and _is(found, message_id):
                return found[0]
            for _, message in self._messages():
                if message.id == message_id:
                    return message
        if self._stopped_early:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "There is no message with id {id} among the newest messages of "
                    "{where} (up to {limit:,} are looked at).",
                    id=message_id,
                    where=self.where,
                    limit=SCAN_LIMIT,
                ),
            )
        raise not_found(message_id, self.where)

    def search(self, query: str, limit: int = 20) -> list[MailMessage]:
        """Newest messages containing every word of ``query`` (reads at most 5,000)."""
        words = query.casefold().split()
        if not words:
            return self.latest(limit)
        limit = check_count(limit)
        found: list[tuple[int, MailMessage]] = []
        with self._request():
            for position, message in self._messages():
                if matches(message, words):
                    found.append((position, message))
                    if len(found) >= limit:
                        break
        return newest_first(found)

    # -- reading ----------------------------------------------------------------------
    def _messages(self) -> Iterator[tuple[int, MailMessage]]:
        """(position, message) newest first, within the scan limits; notes what it skips.

        A message whose id was already seen in this scan gets ``#tag`` appended to it.
        """
        self._notes = Notes()
        self._stopped_early = False
        seen: set[str] = set()
        budget = SCAN_BYTES
        keys = self._keys_newest_first()
        for position, key in enumerate(keys):
            if position >= SCAN_LIMIT or budget <= 0:
                self._stopped_early = True
                return
            found = self._read(key)
            if found is None:
                continue
            message, raw = found
            budget -= len(raw)
            if message.id in seen:
                message = replace(message, id=f"{message.id}#{_tag(raw)}")
            seen.add(message.id)
            self._ids[message.id] = key
            yield -position, message

    def _read(self, key: str) -> tuple[MailMessage, bytes] | None:
        """One message and its raw bytes; None (with a note) when it can't be read."""
        try:
            raw, cut = self._raw(key)
            return parse_message(raw, truncated=cut), raw
        except FileNotFoundError:
            return None  # moved or deleted by a mail client since the listing
        except MailError as exc:
            self._notes.add(
                say("Skipped {name}: {reason}.", name=self._name(key), reason=exc.words)
            )
        except OSError as exc:
            self._notes.add(
                say("Skipped {name}: {reason}.", name=self._name(key), reason=exc.strerror or exc)
            )
        return None


def _tag(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:12]


def _is(found: tuple[MailMessage, bytes], wanted: str) -> bool:
    """Whether a message read by key is the one asked for (its id, or id#tag)."""
    message, raw = found
    return wanted in (message.id, f"{message.id}#{_tag(raw)}")


class MaildirSource(_LocalSource):
    """A Maildir folder (cur/, new/, tmp/), as mutt, Evolution and offlineimap keep mail.

    Only regular files in ``new`` and ``cur`` are read; other entries (FIFOs, devices,
    sockets, links leaving the folder) are skipped with a note.

    Args:
        path: The folder that holds ``cur`` and ``new``.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path).expanduser()
        self.where = say("the Maildir {path}", path=self.path)
        if not self.path.is_dir():
            raise MailError(
                MailKind.GENERAL,
                say("The Maildir folder {path} doesn't exist: check the path.", path=self.path),
            )
        if not (self.path / "cur").is_dir() or not (self.path / "new").is_dir():
            raise MailError(
                MailKind.GENERAL,
                say(
                    "{path} isn't a Maildir (it has no cur/ and new/ folders). Give the "
                    "folder that contains them, or use --mbox for a single mailbox file.",
                    path=self.path,
                ),
            )
        self.root = Path(os.path.realpath(self.path))

    def _keys_newest_first(self) -> Iterator[str]:
        try:
            entries, skipped = maildir_entries(self.root)
        except OSError as exc:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "Couldn't list {where}: {problem}.",
                    where=self.where,
                    problem=exc.strerror or exc,
                ),
            ) from exc
        for note in skipped:
            self._notes.add(note)
        return iter([entry.name for entry in entries])

    def _raw(self, key: str) -> tuple[bytes, bool]:
        with open_regular(self.root / key, inside=self.root) as handle:
            return read_capped(handle, MAX_RAW_BYTES)

    def _name(self, key: str) -> Words:
        return plain(shown_name(key))


class MboxSource(_LocalSource):
    """An mbox file (Thunderbird's folders and exports, mutt, Apple Mail exports).

    Read from its end, so the newest messages come first and cost only their own size.

    Args:
        path: The mbox file (a link to one is followed: the person chose it).
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path).expanduser()
        self.where = say("the mbox file {path}", path=self.path)
        self._handle: BinaryIO | None = None
        if not self.path.exists():
            raise MailError(
                MailKind.GENERAL,
                say("The mbox file {path} doesn't exist: check the path.", path=self.path),
            )
        with self._opened() as handle:
            start = handle.read(5)
        if start and start != b"From ":
            raise MailError(
                MailKind.GENERAL,
                say(
                    "{path} isn't an mbox file (it doesn't start with a 'From ' line). For a "
                    "folder of messages use --maildir.",
                    path=self.path,
                ),
            )

    def _opened(self) -> BinaryIO:
        try:
            return open_regular(self.path)
        except FileNotFoundError as exc:
            raise MailError(
                MailKind.GENERAL,
                say("The mbox file {path} doesn't exist: check the path.", path=self.path),
            ) from exc
        except MailError as exc:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "{path} can't be read as an mbox file: {reason}.",
                    path=self.path,
                    reason=exc.words,
                ),
            ) from exc
        except OSError as exc:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "Couldn't read {where}: {problem}.",
                    where=self.where,
                    problem=exc.strerror or exc,
                ),
            ) from exc

    @contextmanager
    def _request(self) -> Iterator[None]:
        # Opened afresh for each request: a mail client may have appended messages since.
        with self._opened() as handle:
            self._handle = handle
            try:
                yield
            finally:
                self._handle = None

    def _keys_newest_first(self) -> Iterator[str]:
        assert self._handle is not None, "only inside a request"
        last = None
        for span in mbox_spans(self._handle):
            last = span
            yield span.key
        if last is not None and last.start > 0:
            self._stopped_early = True
            self._notes.add(
                say("Only the end of {where} was read: it is that large.", where=self.where)
            )

    def _raw(self, key: str) -> tuple[bytes, bool]:
        assert self._handle is not None, "only inside a request"
        return read_span(self._handle, MboxSpan.from_key(key), MAX_RAW_BYTES)

    def _name(self, key: str) -> Words:
        return say(
            "the message at byte {offset:,} of {where}",
            offset=MboxSpan.from_key(key).start,
            where=self.where,
        )
