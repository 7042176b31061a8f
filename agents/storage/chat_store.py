"""Conversations and their messages, kept in one SQLite file.

Design notes:

* WAL journal with ``synchronous=NORMAL``: a killed process loses nothing that was
  committed (the WAL is in the OS cache) and the file always stays consistent; only a
  power cut can roll back the last few commits. Commits stay fast enough to save a
  streaming answer every few hundred milliseconds from the GUI thread.
* One connection shared by all threads (``check_same_thread=False``), every operation
  under one re-entrant lock; every write is one ``BEGIN IMMEDIATE`` transaction.
* The schema version lives in ``PRAGMA user_version``; ``_MIGRATIONS`` is the ordered
  list of steps, each applied in its own transaction.
* Search uses FTS5 with the trigram tokenizer, so any substring matches, including
  Chinese or Japanese text that has no spaces between words. Terms shorter than three
  characters (which trigrams cannot index) are matched with ``LIKE``.
* A conversation is a tree of versions: every message has a parent (None for the first
  ones), an edited question is a sibling of the original and a retried answer a sibling
  of the earlier answer. Nothing is deleted to ask again. Each message's ``chosen``
  number says which sibling was chosen last; the chosen path runs from the first
  message through the chosen version at each fork, so the choices survive a restart.
  ``parent_id`` has no foreign key: a cascade would recurse once per message and hit
  SQLite's trigger depth on long chats; ``integrity_check`` checks the links instead.
* A conversation may set its own sampling temperature and context window (NULL: the
  settings'); every request of the chat is sent with them.
* Deleting a conversation really deletes it: ``secure_delete`` zeroes freed content,
  the search index is merged so no trace of the text stays in it, free pages are
  given back (``auto_vacuum=INCREMENTAL``) and the WAL is truncated.
"""

from __future__ import annotations

import enum
import json
import logging
import math
import os
import re
import sqlite3
import threading
import time
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal, cast, get_args

from agents.attachments import Attachment, from_records, to_records
from agents.paths import chats_db
from agents.storage.errors import StorageError, StorageKind
from agents.wording import Words, from_stored, say

_log = logging.getLogger(__name__)

Role = Literal["system", "user", "assistant"]


class MessageStatus(enum.StrEnum):
    """Where a message stands."""

    COMPLETE = "complete"
    STREAMING = "streaming"  # an answer being written (saved every second)
    INTERRUPTED = "interrupted"  # stopped, cut or failed part way: what arrived is kept
    ERROR = "error"  # failed before any text arrived


_ROLES: frozenset[str] = frozenset(get_args(Role))
_STATUSES: frozenset[str] = frozenset(MessageStatus)

#: ``PRAGMA application_id`` of a Hearth chat database ("HRTH").
APPLICATION_ID = 0x48525448
TITLE_MAX_CHARS = 200
_SNIPPET_CONTEXT = 80  # characters kept on each side of the match
_MAX_SEARCH_TERMS = 16
_MAX_TERM_CHARS = 200
_TRIGRAM = 3


@dataclass(frozen=True)
class Conversation:
    """One chat, without its messages.

    ``temperature`` and ``num_ctx`` are the chat's own (None: the settings').
    """

    id: str
    title: str
    model: str | None
    system_prompt: str | None
    persona: str | None
    created_at: float
    updated_at: float
    temperature: float | None = None
    num_ctx: int | None = None


@dataclass(frozen=True)
class MessageData:
    """What one message holds, apart from where it is stored (an export carries this).

    ``error`` is why the answer failed, in English (exports and the CLI use it);
    ``error_words`` the same for the window, when the store kept its words.
    """

    role: Role
    content: str
    status: MessageStatus
    created_at: float
    model: str | None
    stats: dict[str, Any] | None
    error: str | None
    attachments: tuple[Attachment, ...]
    error_words: Words | None = None


@dataclass(frozen=True, kw_only=True)
class StoredMessage(MessageData):
    """One message of a conversation as saved.

    ``parent_id`` is the message it follows (None for a first message); siblings under
    one parent are versions of the same turn.
    """

    id: int
    conversation_id: str
    parent_id: int | None


@dataclass(frozen=True)
class MessageTree:
    """A conversation's messages with every version, and the versions chosen.

    Attributes:
        messages: Every message, in the order added (a parent comes before its replies).
        choices: For each message with replies (None: the conversation's start), the
            reply chosen among them.
    """

    messages: tuple[StoredMessage, ...]
    choices: dict[int | None, int]

    @property
    def path(self) -> list[StoredMessage]:
        """The chosen path: from the first message, the chosen version at each fork."""
        return [self._by_id[mid] for mid in _follow(self.choices)]

    def get(self, message_id: int) -> StoredMessage | None:
        """The message with this id, if it is in the conversation."""
        return self._by_id.get(message_id)

    def versions(self, message_id: int) -> list[StoredMessage]:
        """The versions of a message: it and its siblings, oldest first ([] if unknown)."""
        message = self._by_id.get(message_id)
        return list(self._replies[message.parent_id]) if message else []

    def path_to(self, message_id: int) -> list[StoredMessage]:
        """The message and its ancestors, first message first ([] if unknown)."""
        path: list[StoredMessage] = []
        current = self._by_id.get(message_id)
        while current is not None and len(path) <= len(self.messages):
            path.append(current)
            current = self._by_id.get(current.parent_id) if current.parent_id else None
        return path[::-1]

    def forks(self) -> dict[int | None, int]:
        """The choices where there was something to choose (two or more versions)."""
        return {p: child for p, child in self.choices.items() if len(self._replies[p]) > 1}

    @cached_property
    def _by_id(self) -> dict[int, StoredMessage]:
        return {m.id: m for m in self.messages}

    @cached_property
    def _replies(self) -> dict[int | None, list[StoredMessage]]:
        replies: dict[int | None, list[StoredMessage]] = defaultdict(list)
        for message in self.messages:
            replies[message.parent_id].append(message)
        return dict(replies)


class _End(enum.Enum):
    END = "end"


#: ``add_message(parent_id=AT_END)``: the message follows the end of the chosen path.
AT_END: Final = _End.END


@dataclass(frozen=True)
class SearchHit:
    """A conversation that matches a search, with a plain-text snippet around the match.

    ``message_id`` is the best matching message, or None when only the title matched.
    ``match`` is where the matched text sits in ``snippet`` (start, end); (0, 0) if
    nowhere.
    """

    conversation: Conversation
    snippet: str
    message_id: int | None
    match: tuple[int, int] = (0, 0)

    @property
    def matched(self) -> str:
        """The text that matched, as it is written in the snippet ("" if none)."""
        return self.snippet[self.match[0] : self.match[1]]


# --------------------------------------------------------------------------- schema

Migration = Callable[[sqlite3.Connection], None]


def _run(conn: sqlite3.Connection, statements: tuple[str, ...]) -> None:
    for statement in statements:
        conn.execute(statement)


def _v1_tables(conn: sqlite3.Connection) -> None:
    """Conversations and messages."""
    _run(
        conn,
        (
            f"PRAGMA application_id = {APPLICATION_ID}",
            # seq is a stable integer key for the search index: VACUUM may renumber
            # implicit rowids, never an INTEGER PRIMARY KEY.
            """CREATE TABLE conversations (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL DEFAULT '',
                model TEXT,
                system_prompt TEXT,
                persona TEXT,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            )""",
            "CREATE INDEX conversations_by_update ON conversations (updated_at)",
            # AUTOINCREMENT: an id is never reused, so a stale id held by the UI can never
            # point at a newer message after a Retry deleted the old one.
            """CREATE TABLE messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id TEXT NOT NULL
                    REFERENCES conversations (id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
                content TEXT NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('complete', 'streaming', 'interrupted', 'error')),
                created_at REAL NOT NULL,
                model TEXT,
                stats TEXT,
                error TEXT,
                attachments TEXT NOT NULL DEFAULT '[]'
            )""",
            "CREATE INDEX messages_by_conversation ON messages (conversation_id, id)",
            "CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming'",
        ),
    )


def _v2_search(conn: sqlite3.Connection) -> None:
    """Full-text search over titles and finished messages (FTS5, trigram tokenizer)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.hearth_fts_probe USING fts5(x, tokenize=trigram)")
        conn.execute("DROP TABLE temp.hearth_fts_probe")
    except sqlite3.OperationalError as exc:
        raise StorageError(
            StorageKind.STORE,
            say(
                "This build of Python's SQLite has no FTS5 trigram search (SQLite "
                "{version}; 3.34 or newer with FTS5 is needed). Install Hearth "
                "from its official package, which brings a suitable SQLite.",
                version=sqlite3.sqlite_version,
            ),
        ) from exc
    _run(
        conn,
        (
            # Streaming answers change with every token: they are indexed once finished.
            """CREATE VIEW indexed_messages AS
                SELECT id, content FROM messages WHERE status != 'streaming'""",
            """CREATE VIRTUAL TABLE messages_fts USING fts5(
                content, content='indexed_messages', content_rowid='id',
                tokenize='trigram')""",
            """CREATE VIRTUAL TABLE conversations_fts USING fts5(
                title, content='conversations', content_rowid='seq', tokenize='trigram')""",
            """CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
                WHEN new.status != 'streaming' BEGIN
                INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);
            END""",
            """CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
                WHEN old.status != 'streaming' BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, content)
                    VALUES ('delete', old.id, old.content);
            END""",
            # One trigger so that the old entry is always removed before the new one.
            """CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages
            BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, content)
                    SELECT 'delete', old.id, old.content WHERE old.status != 'streaming';
                INSERT INTO messages_fts (rowid, content)
                    SELECT new.id, new.content WHERE new.status != 'streaming';
            END""",
            """CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
                INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
            END""",
            """CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
                INSERT INTO conversations_fts (conversations_fts, rowid, title)
                    VALUES ('delete', old.seq, old.title);
            END""",
            """CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations
            BEGIN
                INSERT INTO conversations_fts (conversations_fts, rowid, title)
                    VALUES ('delete', old.seq, old.title);
                INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
            END""",
            # Index what an older version already stored.
            "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')",
            "INSERT INTO conversations_fts (conversations_fts) VALUES ('rebuild')",
        ),
    )


def _v3_versions(conn: sqlite3.Connection) -> None:
    """Versions: each message has a parent, and the chosen version of a fork is kept."""
    _run(
        conn,
        (
            "ALTER TABLE messages ADD COLUMN parent_id INTEGER",
            # The higher, the more recently chosen among its siblings.
            "ALTER TABLE messages ADD COLUMN chosen INTEGER NOT NULL DEFAULT 0",
            # Until now a conversation was one line: each message follows the one before.
            """UPDATE messages SET chosen = id, parent_id = (
                SELECT max(p.id) FROM messages p
                WHERE p.conversation_id = messages.conversation_id AND p.id < messages.id)""",
            "CREATE INDEX messages_by_parent ON messages (conversation_id, parent_id)",
        ),
    )


def _v4_chat_options(conn: sqlite3.Connection) -> None:
    """A chat's own temperature and context window (NULL: the settings')."""
    _run(
        conn,
        (
            "ALTER TABLE conversations ADD COLUMN temperature REAL",
            "ALTER TABLE conversations ADD COLUMN num_ctx INTEGER",
        ),
    )


#: Ordered schema steps: step i brings the database from version i to version i + 1.
_MIGRATIONS: tuple[Migration, ...] = (_v1_tables, _v2_search, _v3_versions, _v4_chat_options)


# --------------------------------------------------------------------------- helpers


def _valid_text(text: str) -> str:
    """Makes text storable: joins split surrogate pairs, replaces lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def clean_title(title: str) -> str:
    """Returns a one-line title: control characters dropped, whitespace collapsed, capped."""
    text = _valid_text(title)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    text = " ".join(text.split())
    if len(text) > TITLE_MAX_CHARS:
        text = text[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return text


def _optional(value: str | None) -> str | None:
    """Empty strings are stored as NULL (so ``""`` clears a field in updates)."""
    return _valid_text(value) if value else None


def _to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _search_terms(query: str) -> list[str]:
    """Splits a query into terms; ``"quoted words"`` stay one term. Never raises."""
    text = _valid_text(query)
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    terms: list[str] = []
    for match in re.finditer(r'"([^"]*)"|(\S+)', text):
        raw = match.group(1) if match.group(1) is not None else match.group(2)
        term = " ".join(raw.replace('"', " ").split())[:_MAX_TERM_CHARS]
        if term and term.casefold() not in (t.casefold() for t in terms):
            terms.append(term)
    return terms[:_MAX_SEARCH_TERMS]


def _fts_query(terms: list[str]) -> str:
    """An FTS5 query that matches all terms as literal strings (no FTS5 syntax)."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _snippet(text: str, terms: list[str]) -> tuple[str, tuple[int, int]]:
    """A one-line excerpt of ``text`` centred on the first match of any term, and where
    the match sits in it ((0, 0) if no term matches)."""
    first: tuple[int, int] | None = None
    for term in terms:
        found = re.search(re.escape(term), text, re.IGNORECASE)
        if found and (first is None or found.start() < first[0]):
            first = (found.start(), found.end())
    start, end = first or (0, 0)
    lo = max(0, start - _SNIPPET_CONTEXT)
    hi = min(len(text), end + _SNIPPET_CONTEXT)
    before = ("…" if lo > 0 else "") + _one_line(text[lo:start]).lstrip()
    word = _one_line(text[start:end])
    after = _one_line(text[end:hi]).rstrip() + ("…" if hi < len(text) else "")
    if not word:
        return (before + after).strip(), (0, 0)
    return before + word + after, (len(before), len(before) + len(word))


def _one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks too) as one space."""
    return re.sub(r"\s+", " ", text)


_CONVERSATION_COLUMNS = (
    "id, title, model, system_prompt, persona, created_at, updated_at, temperature, num_ctx"
)
_MESSAGE_COLUMNS = (
    "id, conversation_id, role, content, status, created_at, model, stats, error, attachments,"
    " parent_id"
)


def _conversation(row: tuple[Any, ...]) -> Conversation:
    return Conversation(*row)


def _message(row: tuple[Any, ...]) -> StoredMessage:
    mid, cid, role, content, status, created, model, stats, error, attachments, parent = row
    words = from_stored(error) if error else None
    return StoredMessage(
        id=mid,
        conversation_id=cid,
        parent_id=parent,
        role=cast(Role, role),
        content=content,
        status=MessageStatus(status),
        created_at=created,
        model=model,
        stats=json.loads(stats) if stats is not None else None,
        error=str(words) if words is not None else error,
        error_words=words,
        attachments=from_records(json.loads(attachments)) if attachments not in _NONE else (),
    )


_NONE = ("", "[]", None)  # no attachments (most messages): nothing to parse


def _choices(links: Iterable[tuple[int, int | None, int]]) -> dict[int | None, int]:
    """Maps each parent to its chosen reply, from ``(id, parent_id, chosen)`` rows.

    The reply chosen most recently wins; between equals, the newest.
    """
    best: dict[int | None, tuple[int, int]] = {}
    for message_id, parent_id, chosen in links:
        key = (chosen, message_id)
        if parent_id not in best or key > best[parent_id]:
            best[parent_id] = key
    return {parent: key[1] for parent, key in best.items()}


def _follow(choices: dict[int | None, int]) -> list[int]:
    """The ids of the chosen path, from the conversation's start."""
    path: list[int] = []
    current = choices.get(None)
    while current is not None and len(path) <= len(choices):
        path.append(current)
        current = choices.get(current)
    return path


# --------------------------------------------------------------------------- the store


class ChatStore:
    """Saves conversations and messages; safe to share between threads.

    Open it once per process (``InstanceLock`` keeps a second process away) and
    close it at exit. Every method may raise ``StorageError`` (kind STORE).
    """

    SCHEMA_VERSION: int = len(_MIGRATIONS)

    def __init__(self, path: Path) -> None:
        """Opens (creating if needed) the database at ``path`` and brings it up to date.

        Args:
            path: The SQLite file; its parent folders are created.

        Raises:
            StorageError: The file is damaged, not a Hearth database, from a newer Hearth,
                or cannot be opened. The file is never changed or removed in that case.
        """
        self.path = Path(path)
        self._lock = threading.RLock()
        self._last_time = 0.0
        self._index_dirty = False
        self._conn: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if os.name == "posix" and not self.path.exists():
                # Chats are private: the file (and the -wal/-shm SQLite derives from it)
                # is readable by the owner only.
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        except OSError as exc:
            raise StorageError(
                StorageKind.STORE,
                say(
                    "Hearth can't create its chat database {path} ({problem}). Check that "
                    "the folder is writable, or start Hearth with --data-dir.",
                    path=self.path,
                    problem=exc.strerror,
                ),
            ) from exc
        try:
            conn = sqlite3.connect(
                self.path, timeout=10.0, check_same_thread=False, isolation_level=None
            )
        except sqlite3.Error as exc:
            raise self._error(say("open the chat database"), exc) from exc
        self._conn = conn
        try:
            self._configure(conn)
            self._migrate(conn)
            row = conn.execute("SELECT max(updated_at) FROM conversations").fetchone()
            self._last_time = float(row[0] or 0.0)
        except BaseException as exc:
            self._conn = None
            conn.close()
            if isinstance(exc, sqlite3.Error):
                raise self._error(say("open the chat database"), exc) from exc
            raise
        try:
            self.recover_interrupted()
        except BaseException:
            self.close()
            raise

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> ChatStore:
        """Opens the store at its usual place inside Hearth's data folder."""
        return cls(chats_db(Path(data_dir)))

    # ----------------------------------------------------------------- lifecycle

    def close(self) -> None:
        """Finishes pending clean-up and closes; later calls raise ``StorageError``.

        Safe to call twice.
        """
        with self._lock:
            if self._conn is None:
                return
            if self._index_dirty:
                try:
                    self._scrub()
                except StorageError:
                    _log.warning("Could not merge the search index at close", exc_info=True)
            conn, self._conn = self._conn, None
            try:
                conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                _log.debug("PRAGMA optimize failed at close", exc_info=True)
            conn.close()

    def __enter__(self) -> ChatStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._read(say("read the chat database")) as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # ----------------------------------------------------------------- conversations

    def create_conversation(
        self,
        title: str = "",
        *,
        model: str | None = None,
        system_prompt: str | None = None,
        persona: str | None = None,
    ) -> Conversation:
        """Creates an empty conversation and returns it."""
        with self._write(say("create a conversation")) as conn:
            now = self._now()
            conversation = Conversation(
                id=uuid.uuid4().hex,
                title=clean_title(title),
                model=_optional(model),
                system_prompt=_optional(system_prompt),
                persona=_optional(persona),
                created_at=now,
                updated_at=now,
            )
            conn.execute(
                f"INSERT INTO conversations ({_CONVERSATION_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conversation.id,
                    conversation.title,
                    conversation.model,
                    conversation.system_prompt,
                    conversation.persona,
                    conversation.created_at,
                    conversation.updated_at,
                    conversation.temperature,
                    conversation.num_ctx,
                ),
            )
            return conversation

    def get_conversation(self, conversation_id: str) -> Conversation | None:
        """The conversation with this id, or None."""
        with self._read(say("read a conversation")) as conn:
            return self._get_conversation(conn, conversation_id)

    def list_conversations(self) -> list[Conversation]:
        """All conversations, most recently updated first."""
        with self._read(say("list conversations")) as conn:
            rows = conn.execute(
                f"SELECT {_CONVERSATION_COLUMNS} FROM conversations"
                " ORDER BY updated_at DESC, seq DESC"
            ).fetchall()
            return [_conversation(row) for row in rows]

    def update_conversation(
        self,
        conversation_id: str,
        *,
        title: str | None = None,
        model: str | None = None,
        system_prompt: str | None = None,
        persona: str | None = None,
    ) -> Conversation:
        """Changes the given fields; None leaves a field as it is, ``""`` clears it.

        ``updated_at`` moves only if something actually changed.

        Raises:
            StorageError: No conversation has this id.
        """
        with self._write(say("update a conversation")) as conn:
            current = self._require_conversation(conn, conversation_id)
            changes: dict[str, str | None] = {}
            if title is not None:
                changes["title"] = clean_title(title)
            if model is not None:
                changes["model"] = _optional(model)
            if system_prompt is not None:
                changes["system_prompt"] = _optional(system_prompt)
            if persona is not None:
                changes["persona"] = _optional(persona)
            changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
            if not changes:
                return current
            assignments = ", ".join(f"{column} = ?" for column in changes)
            now = self._now()
            conn.execute(
                f"UPDATE conversations SET {assignments}, updated_at = ? WHERE id = ?",
                (*changes.values(), now, conversation_id),
            )
            return self._require_conversation(conn, conversation_id)

    def set_options(
        self, conversation_id: str, *, temperature: float | None, num_ctx: int | None
    ) -> Conversation:
        """Sets the chat's own temperature and context window (None: the settings').

        Does not move ``updated_at``: the chat itself did not change.

        Raises:
            StorageError: No conversation has this id.
            ValueError: A value is not a finite number above zero (temperature: zero
                or more).
        """
        if temperature is not None and not (math.isfinite(temperature) and temperature >= 0):
            raise ValueError(f"temperature must be a number of 0 or more, not {temperature!r}")
        if num_ctx is not None and num_ctx <= 0:
            raise ValueError(f"num_ctx must be a whole number above 0, not {num_ctx!r}")
        with self._write(say("save the chat's options")) as conn:
            self._require_conversation(conn, conversation_id)
            conn.execute(
                "UPDATE conversations SET temperature = ?, num_ctx = ? WHERE id = ?",
                (temperature, num_ctx, conversation_id),
            )
            return self._require_conversation(conn, conversation_id)

    def rename_conversation(self, conversation_id: str, title: str) -> Conversation:
        """Sets the title (one line, at most 200 characters)."""
        return self.update_conversation(conversation_id, title=title)

    def delete_conversation(self, conversation_id: str) -> None:
        """Deletes a conversation and its messages, leaving no trace in the file.

        Unknown ids are ignored.
        """
        with self._lock:
            with self._write(say("delete a conversation")) as conn:
                deleted = conn.execute(
                    "DELETE FROM conversations WHERE id = ?", (conversation_id,)
                ).rowcount
            if deleted:
                self._scrub_after_delete(merge_index=True)

    # ----------------------------------------------------------------- messages

    def add_message(
        self,
        conversation_id: str,
        role: Role,
        content: str,
        *,
        status: MessageStatus = MessageStatus.COMPLETE,
        model: str | None = None,
        stats: dict[str, Any] | None = None,
        error: str | None = None,
        attachments: Sequence[Attachment] = (),
        parent_id: int | Literal[_End.END] | None = AT_END,
        chosen: bool = True,
    ) -> StoredMessage:
        """Adds a message and marks the conversation as updated.

        Args:
            conversation_id: The conversation it belongs to.
            role: Who wrote it.
            content: Its text.
            status: Where it stands (an answer being written is ``STREAMING``).
            model: The model asked to write it.
            stats: How it was made (tokens, times).
            error: Why it failed, if it did.
            attachments: What came with it (images, sources, a task).
            parent_id: The message it follows: ``AT_END`` (the end of the chosen
                path), a message of this conversation (a sibling of its other
                replies: a new version), or None (a first message).
            chosen: Make it the chosen version among its siblings (a new version is
                the one shown); False keeps the earlier choice.

        Raises:
            StorageError: No conversation has this id, or the parent is not one of its
                messages.
            ValueError: ``role`` or ``status`` is not one of the allowed values.
        """
        _check_literal("role", role, _ROLES)
        _check_literal("status", status, _STATUSES)
        with self._write(say("save a message")) as conn:
            self._require_conversation(conn, conversation_id)
            if parent_id is AT_END:
                path = _follow(_choices(self._links(conn, conversation_id)))
                parent_id = path[-1] if path else None
            elif parent_id is not None:
                parent = self._require_message(conn, parent_id)
                if parent.conversation_id != conversation_id:
                    raise StorageError(
                        StorageKind.STORE,
                        say(
                            "That message belongs to another conversation. "
                            "Reopen the conversation to see what is saved."
                        ),
                    )
            now = self._now()
            cursor = conn.execute(
                "INSERT INTO messages (conversation_id, role, content, status, created_at,"
                " model, stats, error, attachments, parent_id, chosen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conversation_id,
                    role,
                    _valid_text(content),
                    status,
                    now,
                    _optional(model),
                    _to_json(stats) if stats is not None else None,
                    _optional(error),
                    _to_json(to_records(attachments)),
                    parent_id,
                    self._next_choice(conn, conversation_id) if chosen else 0,
                ),
            )
            conn.execute(
                "UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id)
            )
            return self._require_message(conn, cast(int, cursor.lastrowid))

    def update_message(
        self,
        message_id: int,
        *,
        content: str | None = None,
        status: MessageStatus | None = None,
        stats: dict[str, Any] | None = None,
        error: str | None = None,
        attachments: Sequence[Attachment] | None = None,
    ) -> StoredMessage:
        """Changes the given fields of a message (None leaves a field, ``error=""`` clears).

        ``attachments`` replaces the message's list (e.g. the sources of an answer).

        Cheap enough to call while an answer streams in. Does not move the
        conversation's ``updated_at``.

        Raises:
            StorageError: No message has this id.
        """
        if status is not None:
            _check_literal("status", status, _STATUSES)
        changes: dict[str, str | None] = {}
        if content is not None:
            changes["content"] = _valid_text(content)
        if status is not None:
            changes["status"] = status
        if stats is not None:
            changes["stats"] = _to_json(stats)
        if error is not None:
            changes["error"] = _optional(error)
        if attachments is not None:
            changes["attachments"] = _to_json(to_records(attachments))
        with self._write(say("update a message")) as conn:
            if changes:
                assignments = ", ".join(f"{column} = ?" for column in changes)
                conn.execute(
                    f"UPDATE messages SET {assignments} WHERE id = ?",
                    (*changes.values(), message_id),
                )
            return self._require_message(conn, message_id)

    def delete_message(self, message_id: int) -> None:
        """Deletes a message with every reply that follows it (all their versions).

        Unknown ids are ignored. The text is gone from the tables at once; the search
        index drops its fragments when the store closes or a conversation is deleted.
        """
        with self._lock:
            with self._write(say("delete a message")) as conn:
                deleted = conn.execute(
                    """WITH RECURSIVE doomed (id) AS (
                        SELECT id FROM messages WHERE id = ?
                        UNION ALL
                        SELECT m.id FROM messages m JOIN doomed ON m.parent_id = doomed.id)
                    DELETE FROM messages WHERE id IN (SELECT id FROM doomed)""",
                    (message_id,),
                ).rowcount
            if deleted:
                self._scrub_after_delete(merge_index=False)

    def messages(self, conversation_id: str) -> list[StoredMessage]:
        """Every message of a conversation, all versions, in the order they were added.

        See ``active_path`` for the messages the person sees and the model is sent.
        """
        with self._read(say("read messages")) as conn:
            return self._messages(conn, conversation_id)

    # ----------------------------------------------------------------- versions

    def tree(self, conversation_id: str) -> MessageTree:
        """The conversation's messages with every version and the versions chosen."""
        with self._read(say("read messages")) as conn:
            messages = self._messages(conn, conversation_id)
            choices = _choices(self._links(conn, conversation_id))
            return MessageTree(tuple(messages), choices)

    def active_path(self, conversation_id: str) -> list[StoredMessage]:
        """The chosen path: what the conversation shows, and continues from."""
        return self.tree(conversation_id).path

    def siblings(self, message_id: int) -> list[StoredMessage]:
        """The versions of a message (it included), oldest first; [] if it is unknown."""
        with self._read(say("read messages")) as conn:
            row = conn.execute(
                "SELECT conversation_id, parent_id FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row is None:
                return []
            rows = conn.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages"
                " WHERE conversation_id = ? AND parent_id IS ? ORDER BY id",
                row,
            ).fetchall()
            return [_message(r) for r in rows]

    def select_message(self, message_id: int) -> None:
        """Chooses this version and the path to it, so the conversation shows it.

        Below it, the versions chosen before stay chosen. Does not move the
        conversation's ``updated_at``.

        Raises:
            StorageError: No message has this id.
        """
        with self._write(say("choose a version")) as conn:
            message = self._require_message(conn, message_id)
            choice = self._next_choice(conn, message.conversation_id)
            conn.execute(
                """WITH RECURSIVE path (id, parent_id) AS (
                    SELECT id, parent_id FROM messages WHERE id = ?
                    UNION ALL
                    SELECT m.id, m.parent_id FROM messages m JOIN path ON m.id = path.parent_id)
                UPDATE messages SET chosen = ? WHERE id IN (SELECT id FROM path)""",
                (message_id, choice),
            )

    @staticmethod
    def _messages(conn: sqlite3.Connection, conversation_id: str) -> list[StoredMessage]:
        rows = conn.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        ).fetchall()
        return [_message(row) for row in rows]

    @staticmethod
    def _links(conn: sqlite3.Connection, conversation_id: str) -> list[tuple[int, int | None, int]]:
        """``(id, parent_id, chosen)`` of every message of a conversation."""
        return conn.execute(
            "SELECT id, parent_id, chosen FROM messages WHERE conversation_id = ?",
            (conversation_id,),
        ).fetchall()

    @staticmethod
    def _next_choice(conn: sqlite3.Connection, conversation_id: str) -> int:
        """A ``chosen`` number above every one of the conversation."""
        row = conn.execute(
            "SELECT coalesce(max(chosen), 0) + 1 FROM messages WHERE conversation_id = ?",
            (conversation_id,),
        ).fetchone()
        return int(row[0])

    # ----------------------------------------------------------------- search

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Finds conversations whose title or a message contains every term of ``query``.

        Terms match anywhere in the text, case-insensitively; ``"two words"`` is one
        term. Any input is safe (FTS5 syntax has no effect). At most one hit per
        conversation: those whose title matches come first, then the rest, each
        group most recently updated first.
        """
        terms = _search_terms(query)
        if not terms or limit <= 0:
            return []
        with self._read(say("search conversations")) as conn:
            try:
                titles = self._match_titles(conn, terms, use_fts=True)
                best = self._match_messages(conn, terms, use_fts=True)
            except sqlite3.OperationalError:
                _log.warning("Full-text search failed; falling back to LIKE", exc_info=True)
                titles = self._match_titles(conn, terms, use_fts=False)
                best = self._match_messages(conn, terms, use_fts=False)
            ids = titles | best.keys()
            if not ids:
                return []
            found = list(self._conversations_by_id(conn, ids))
            found.sort(key=lambda c: (c.id in titles, c.updated_at), reverse=True)
            found = found[:limit]
            wanted = [best[c.id] for c in found if c.id in best]
            contents = self._message_contents(conn, wanted)
            hits = []
            for conversation in found:
                message_id = best.get(conversation.id)
                text = conversation.title if message_id is None else contents.get(message_id, "")
                snippet, match = _snippet(text, terms)
                hits.append(SearchHit(conversation, snippet, message_id, match))
            return hits

    def _match_titles(
        self, conn: sqlite3.Connection, terms: list[str], *, use_fts: bool
    ) -> set[str]:
        long_terms = [t for t in terms if use_fts and len(t) >= _TRIGRAM]
        short_terms = [t for t in terms if t not in long_terms]
        likes = " AND ".join("c.title LIKE ? ESCAPE '\\'" for _ in short_terms)
        params: list[str] = [_like_pattern(t) for t in short_terms]
        if long_terms:
            sql = (
                "SELECT c.id FROM conversations_fts JOIN conversations c"
                " ON c.seq = conversations_fts.rowid WHERE conversations_fts MATCH ?"
            )
            params.insert(0, _fts_query(long_terms))
            if likes:
                sql += " AND " + likes
        else:
            sql = "SELECT c.id FROM conversations c WHERE " + likes
        return {row[0] for row in conn.execute(sql, params)}

    def _match_messages(
        self, conn: sqlite3.Connection, terms: list[str], *, use_fts: bool
    ) -> dict[str, int]:
        """Maps conversation id to its best matching message id."""
        long_terms = [t for t in terms if use_fts and len(t) >= _TRIGRAM]
        short_terms = [t for t in terms if t not in long_terms]
        likes = " AND ".join("m.content LIKE ? ESCAPE '\\'" for _ in short_terms)
        params: list[str] = [_like_pattern(t) for t in short_terms]
        if long_terms:
            sql = (
                "SELECT m.conversation_id, m.id FROM messages_fts JOIN messages m"
                " ON m.id = messages_fts.rowid WHERE messages_fts MATCH ?"
            )
            params.insert(0, _fts_query(long_terms))
            if likes:
                sql += " AND " + likes
            sql += " ORDER BY messages_fts.rank, m.id DESC"
        else:
            sql = (
                "SELECT m.conversation_id, m.id FROM messages m"
                f" WHERE m.status != 'streaming' AND {likes} ORDER BY m.id DESC"
            )
        best: dict[str, int] = {}
        for conversation_id, message_id in conn.execute(sql, params):
            best.setdefault(conversation_id, message_id)
        return best

    def _conversations_by_id(
        self, conn: sqlite3.Connection, ids: set[str]
    ) -> Iterator[Conversation]:
        id_list = list(ids)
        for i in range(0, len(id_list), 500):
            chunk = id_list[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id IN ({marks})", chunk
            ):
                yield _conversation(row)

    def _message_contents(self, conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
        contents: dict[int, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for message_id, content in conn.execute(
                f"SELECT id, content FROM messages WHERE id IN ({marks})", chunk
            ):
                contents[message_id] = content
        return contents

    # ----------------------------------------------------------------- maintenance

    def recover_interrupted(self) -> int:
        """Marks answers left ``streaming`` by a crash as ``interrupted``.

        Called when the store opens; do not call it while an answer is streaming.

        Returns:
            How many messages were marked.
        """
        with self._write(say("recover interrupted answers")) as conn:
            return int(
                conn.execute(
                    "UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'"
                ).rowcount
            )

    def integrity_check(self) -> bool:
        """True if SQLite, both search indexes and the links between versions are sound."""
        try:
            with self._read(say("check the chat database")) as conn:
                rows = conn.execute("PRAGMA integrity_check").fetchall()
                if rows != [("ok",)]:
                    _log.error("Chat database integrity check: %s", rows[:10])
                    return False
                broken = conn.execute(
                    "SELECT count(*) FROM messages m LEFT JOIN messages p ON p.id = m.parent_id"
                    " WHERE m.parent_id IS NOT NULL AND (p.id IS NULL"
                    " OR p.conversation_id != m.conversation_id OR p.id >= m.id)"
                ).fetchone()[0]
                if broken:
                    _log.error("Chat database: %d message(s) follow no message", broken)
                    return False
                for table in ("messages_fts", "conversations_fts"):
                    conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
                return True
        except (StorageError, sqlite3.Error):
            _log.error("Chat database integrity check failed", exc_info=True)
            return False

    # ----------------------------------------------------------------- internals

    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        # Read-only checks first: a file we refuse must stay byte-for-byte unchanged.
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        self._check_version(conn, version)
        fresh = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if fresh:
            # Must precede the first table; lets deletions give pages back to the OS.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            _log.warning("Chat database is not in WAL mode (journal_mode=%s)", mode)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA journal_size_limit = 8388608")

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        while version < self.SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                self._check_version(conn, version)
                if version < self.SCHEMA_VERSION:
                    _MIGRATIONS[version](conn)
                    version += 1
                    conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            _log.info("Chat database migrated to schema version %d", version)

    def _check_version(self, conn: sqlite3.Connection, version: int) -> None:
        if version > self.SCHEMA_VERSION:
            raise StorageError(
                StorageKind.STORE,
                say(
                    "The chat database {path} was saved by a newer version of Hearth (schema "
                    "{version}; this version knows up to {known}). Update Hearth to "
                    "open it. The file has not been changed.",
                    path=self.path,
                    version=version,
                    known=self.SCHEMA_VERSION,
                ),
            )
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        if (version > 0 and app_id != APPLICATION_ID) or (version == 0 and tables):
            raise StorageError(
                StorageKind.STORE,
                say(
                    "{path} is not a Hearth chat database. Hearth has not changed it. Move "
                    "it out of the data folder (or start Hearth with --data-dir) and start "
                    "Hearth again.",
                    path=self.path,
                ),
            )

    def _scrub_after_delete(self, *, merge_index: bool) -> None:
        """Runs ``_scrub``; a failure there is logged, not raised: the deletion stands."""
        try:
            self._scrub(merge_index=merge_index)
        except StorageError:
            self._index_dirty = True  # close() tries again
            _log.warning("Clean-up after a deletion failed", exc_info=True)

    def _scrub(self, *, merge_index: bool = True) -> None:
        """Removes traces of deleted text: zeroed free pages returned, WAL truncated.

        Args:
            merge_index: Also rewrite the search index, whose old segments keep
                fragments of deleted text until merged. That costs about 20 ms per
                1,000 messages stored, so message deletions defer it to
                ``close`` or the next conversation deletion.
        """
        if merge_index:
            with self._write(say("clean up after deleting")) as conn:
                conn.execute("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')")
                conn.execute(
                    "INSERT INTO conversations_fts (conversations_fts) VALUES ('optimize')"
                )
            self._index_dirty = False
        else:
            self._index_dirty = True
        with self._read(say("clean up after deleting")) as conn:
            if int(conn.execute("PRAGMA auto_vacuum").fetchone()[0]) == 2:
                # Each step of this pragma frees one page, and execute() takes only
                # one step; executescript() runs it to the end.
                conn.executescript("PRAGMA incremental_vacuum;")
            else:
                conn.execute("VACUUM")
            # The WAL still holds copies of the deleted pages until it is truncated.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _now(self) -> float:
        """Wall-clock time, strictly increasing within this store (stable ordering)."""
        now = max(time.time(), math.nextafter(self._last_time, math.inf))
        self._last_time = now
        return now

    @staticmethod
    def _get_conversation(conn: sqlite3.Connection, conversation_id: str) -> Conversation | None:
        row = conn.execute(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        return _conversation(row) if row else None

    def _require_conversation(self, conn: sqlite3.Connection, conversation_id: str) -> Conversation:
        conversation = self._get_conversation(conn, conversation_id)
        if conversation is None:
            raise StorageError(
                StorageKind.STORE,
                say(
                    "That conversation no longer exists (it may have been deleted). "
                    "Pick another conversation or start a new one."
                ),
            )
        return conversation

    def _require_message(self, conn: sqlite3.Connection, message_id: int) -> StoredMessage:
        row = conn.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE id = ?", (message_id,)
        ).fetchone()
        if row is None:
            raise StorageError(
                StorageKind.STORE,
                say(
                    "That message no longer exists (it may have been deleted). "
                    "Reopen the conversation to see what is saved."
                ),
            )
        return _message(row)

    @contextmanager
    def _read(self, action: Words) -> Iterator[sqlite3.Connection]:
        """Holds the lock; turns SQLite errors into ``StorageError``."""
        with self._lock:
            conn = self._conn
            if conn is None:
                raise StorageError(
                    StorageKind.STORE,
                    say("Hearth could not {action}: the chat store is closed.", action=action),
                )
            try:
                yield conn
            except sqlite3.Error as exc:
                raise self._error(action, exc) from exc

    @contextmanager
    def _write(self, action: Words) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed on success, else rolled back."""
        with self._read(action) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _error(self, action: Words, exc: sqlite3.Error) -> StorageError:
        name = str(getattr(exc, "sqlite_errorname", ""))
        text = str(exc)
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (
            "malformed" in text or "not a database" in text
        ):
            return StorageError(
                StorageKind.STORE,
                say(
                    "Hearth could not {action}: the chat database {path} is damaged or is "
                    "not a Hearth database ({text}). Hearth has not deleted it. Quit Hearth, "
                    "move the file aside (for example rename it to '{name}.damaged'), and "
                    "start Hearth again to begin a new chat history; keep the old file if "
                    "you want to try to recover it.",
                    action=action,
                    path=self.path,
                    text=text,
                    name=self.path.name,
                ),
            )
        if name.startswith("SQLITE_FULL") or "disk is full" in text:
            return StorageError(
                StorageKind.STORE,
                say(
                    "Hearth could not {action}: the disk holding {path} is full. Free some "
                    "space and try again; nothing saved before was lost.",
                    action=action,
                    path=self.path,
                ),
            )
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
            return StorageError(
                StorageKind.STORE,
                say(
                    "Hearth could not {action}: it cannot write to {path} ({text}). Check "
                    "the file's permissions, or start Hearth with --data-dir.",
                    action=action,
                    path=self.path,
                    text=text,
                ),
            )
        return StorageError(
            StorageKind.STORE,
            say(
                "Hearth could not {action} ({text}). The chat database is {path}.",
                action=action,
                text=text,
                path=self.path,
            ),
        )


def _check_literal(name: str, value: str, allowed: frozenset[str]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {sorted(allowed)}, not {value!r}")
