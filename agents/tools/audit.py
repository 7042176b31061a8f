"""The audit log: every approved and denied action, and how to undo a done one."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agents import paths
from agents.tools.approval import ProposedAction, Undo, failure
from agents.tools.errors import ToolError, ToolKind
from agents.wording import Words, from_stored, plain, say, to_stored

if TYPE_CHECKING:
    from agents.calendar.model import CalendarStore

SCHEMA_VERSION = 1
# Fields kept out of the audit log as text (it holds decisions, not message bodies).
PRIVATE_FIELDS = frozenset({"body", "ics", "description"})
_ERROR_CHARS = 2000  # longest failure kept


@dataclass(frozen=True)
class AuditEntry:
    """One recorded decision.

    Attributes:
        id: Row id.
        at: When it was decided (UTC).
        kind: The action's kind.
        summary: Its one-line summary.
        details: Its details, with bodies reduced to a size and hash.
        approved: The decision.
        outcome: ``denied``, ``pending``, ``done``, ``failed`` or ``undone``.
        error: Why it failed, if it did (in English).
        undo: How to take it back, if it can be.
        error_words: Why it failed, for the window (None: no words were kept).
    """

    id: int
    at: datetime
    kind: str
    summary: str
    details: dict[str, str]
    approved: bool
    outcome: str
    error: str = ""
    undo: Undo | None = None
    error_words: Words | None = None

    @property
    def can_undo(self) -> bool:
        """Whether it is done and can be taken back."""
        return self.outcome == "done" and self.undo is not None


def _redacted(count: int, digest: str) -> Words:
    return say("[{count} characters, sha256 {digest}]", count=count, digest=digest)


_REDACTED = re.compile(r"\[(\d+) characters, sha256 ([0-9a-f]{16})\]")


def redact(details: dict[str, str]) -> dict[str, str]:
    """Replaces message bodies and .ics texts by their size and a short hash."""
    kept = {}
    for key, value in details.items():
        if key.lower() in PRIVATE_FIELDS and value:
            digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
            kept[key] = str(_redacted(len(value), digest))
        else:
            kept[key] = value
    return kept


def detail_words(value: str) -> Words:
    """A stored detail for a person: a redacted one (kept in English) in words, any
    other as it is."""
    found = _REDACTED.fullmatch(value)
    return _redacted(int(found.group(1)), found.group(2)) if found else plain(value)


class AuditLog:
    """Every approved and denied action, in SQLite in the data folder.

    Args:
        path: The database file (``audit.sqlite3`` in the data folder).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < 1:
                db.execute(
                    """CREATE TABLE IF NOT EXISTS actions (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        details TEXT NOT NULL,
                        approved INTEGER NOT NULL,
                        outcome TEXT NOT NULL,
                        error TEXT NOT NULL DEFAULT '',
                        undo TEXT,
                        undone_by INTEGER
                    )"""
                )
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif version > SCHEMA_VERSION:
                raise ToolError(
                    ToolKind.AUDIT,
                    say(
                        "The audit log {path} was written by a newer Hearth: update Hearth.",
                        path=self.path,
                    ),
                )

    @classmethod
    def in_data_dir(cls, root: Path) -> AuditLog:
        """The audit log of a data folder."""
        return cls(paths.audit_db(Path(root)))

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=10)
        except sqlite3.Error as exc:
            raise ToolError(
                ToolKind.AUDIT,
                say("Can't open the audit log {path}: {problem}.", path=self.path, problem=exc),
            ) from exc
        try:
            db.execute("PRAGMA journal_mode=WAL")
            with self._lock, db:
                yield db
        except sqlite3.Error as exc:
            raise ToolError(
                ToolKind.AUDIT,
                say("Can't write the audit log {path}: {problem}.", path=self.path, problem=exc),
            ) from exc
        finally:
            db.close()

    def record(self, action: ProposedAction, *, approved: bool) -> int:
        """Records a decision; approved actions start ``pending`` until :meth:`finish`."""
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO actions (at, kind, summary, details, approved, outcome) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(),
                    action.kind,
                    action.summary,
                    json.dumps(redact(action.details)),
                    int(approved),
                    "pending" if approved else "denied",
                ),
            )
            return int(cursor.lastrowid or 0)

    def finish(
        self, entry_id: int, outcome: str, *, error: Words | None = None, undo: Undo | None = None
    ) -> None:
        """Records how an approved action ended (why it failed, in words worded when shown)."""
        undo_json = json.dumps({"op": undo.op, "data": undo.data}) if undo else None
        kept = to_stored(error) if error is not None else ""
        if len(kept) > _ERROR_CHARS:  # a server's long answer: its English, cut
            kept = str(error)[:_ERROR_CHARS]
        with self._connect() as db:
            db.execute(
                "UPDATE actions SET outcome = ?, error = ?, undo = ? WHERE id = ?",
                (outcome, kept, undo_json, entry_id),
            )

    def entries(self, limit: int = 500) -> list[AuditEntry]:
        """The newest entries first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, at, kind, summary, details, approved, outcome, error, undo "
                "FROM actions ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_entry(row) for row in rows]

    def get(self, entry_id: int) -> AuditEntry:
        """One entry; raises ToolError (AUDIT) if missing."""
        with self._connect() as db:
            row = db.execute(
                "SELECT id, at, kind, summary, details, approved, outcome, error, undo "
                "FROM actions WHERE id = ?",
                (entry_id,),
            ).fetchone()
        if row is None:
            raise ToolError(ToolKind.AUDIT, say("There is no audit entry {id}.", id=entry_id))
        return _entry(row)

    def undo(
        self, entry_id: int, resolve: Callable[[str], CalendarStore] | None = None
    ) -> AuditEntry:
        """Takes back a done action (a created or moved event) and records the undo.

        Undo is the person's own command (a button in the audit log), so it is recorded as
        approved. ``resolve`` reopens the calendar from its location string.

        Raises:
            ToolError (kind AUDIT): The entry can't be undone.
            CalendarError: The calendar refused.
        """
        entry = self.get(entry_id)
        if not entry.can_undo or entry.undo is None:
            raise ToolError(
                ToolKind.AUDIT,
                say(
                    "'{summary}' can't be undone (it is {outcome}).",
                    summary=entry.summary,
                    outcome=entry.outcome,
                ),
            )
        if resolve is None:
            from agents.calendar import open_location

            resolve = open_location
        undo = entry.undo
        store = resolve(undo.data["calendar"])
        action = ProposedAction(
            kind=f"undo_{entry.kind}", summary=f"undo: {entry.summary}", details=undo.data
        )
        undo_id = self.record(action, approved=True)
        try:
            if undo.op == "delete_event":
                store.delete(undo.data["uid"])
            elif undo.op == "restore_time":
                event = store.get(undo.data["uid"])
                store.update(
                    event.moved(
                        datetime.fromisoformat(undo.data["start"]),
                        datetime.fromisoformat(undo.data["end"]),
                    )
                )
            else:
                raise ToolError(ToolKind.AUDIT, say("Unknown undo step {op!r}.", op=undo.op))
        except BaseException as exc:
            self.finish(undo_id, "failed", error=failure(exc))
            raise
        self.finish(undo_id, "done")
        with self._connect() as db:
            db.execute(
                "UPDATE actions SET outcome = 'undone', undone_by = ? WHERE id = ?",
                (undo_id, entry_id),
            )
        return self.get(entry_id)


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    undo_data = json.loads(row[8]) if row[8] else None
    error = from_stored(str(row[7])) if row[7] else None
    return AuditEntry(
        id=int(row[0]),
        at=datetime.fromisoformat(row[1]),
        kind=str(row[2]),
        summary=str(row[3]),
        details=dict(json.loads(row[4])),
        approved=bool(row[5]),
        outcome=str(row[6]),
        error=str(error) if error is not None else "",
        undo=Undo(undo_data["op"], dict(undo_data["data"])) if undo_data else None,
        error_words=error,
    )
