"""Tests for the conversation store (real SQLite files in a temporary folder)."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import agents.storage.chat_store as chat_store_module
from agents.attachments import (
    FIND,
    ImageRef,
    ImageTaskRequest,
    OtherAttachment,
    SummaryRequest,
    from_record,
)
from agents.events import Citation
from agents.storage import (
    ChatStore,
    Conversation,
    SearchHit,
    StorageError,
    StorageKind,
    StoredMessage,
)

REPO_ROOT = Path(chat_store_module.__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ChatStore]:
    with ChatStore(tmp_path / "chats.sqlite3") as opened:
        yield opened


@contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection for looking at (or tampering with) the file."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def file_bytes(path: Path) -> bytes:
    """The database file and its WAL, as they are on disk."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    """Runs ``code`` in a fresh interpreter that imports this checkout; stdout is piped."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )


# --------------------------------------------------------------------------- opening


def test_fresh_database_is_set_up(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "chats.sqlite3"
    with ChatStore(path) as store:
        assert store.schema_version == ChatStore.SCHEMA_VERSION >= 2
        conn = store._conn
        assert conn is not None
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
        assert store.integrity_check()
    with raw(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == ChatStore.SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x48525448


def test_in_data_dir_uses_the_usual_file(tmp_path: Path) -> None:
    with ChatStore.in_data_dir(tmp_path / "data") as store:
        assert store.path == tmp_path / "data" / "chats.sqlite3"
        assert store.path.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_file_is_readable_by_owner_only(store: ChatStore) -> None:
    assert store.path.stat().st_mode & 0o077 == 0


def test_empty_file_opens_as_new_database(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    path.touch()
    with ChatStore(path) as store:
        assert store.schema_version == ChatStore.SCHEMA_VERSION


def test_newer_schema_is_refused_without_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        store.create_conversation("keep me")
    with raw(path) as conn:
        conn.execute(f"PRAGMA user_version = {ChatStore.SCHEMA_VERSION + 1}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = sha256(path)
    with pytest.raises(StorageError, match="newer version of Hearth") as caught:
        ChatStore(path)
    assert caught.value.kind is StorageKind.STORE
    assert "Update Hearth" in str(caught.value)
    assert str(path) in str(caught.value)
    assert sha256(path) == before


def test_corrupt_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    junk = random.Random(7).randbytes(16384)
    path.write_bytes(junk)
    with pytest.raises(StorageError) as caught:
        ChatStore(path)
    assert caught.value.kind is StorageKind.STORE
    message = str(caught.value)
    assert str(path) in message
    assert "damaged" in message
    assert "move the file aside" in message
    assert path.read_bytes() == junk


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with raw(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = sha256(path)
    with pytest.raises(StorageError, match="not a Hearth chat database") as caught:
        ChatStore(path)
    assert caught.value.kind is StorageKind.STORE
    assert sha256(path) == before


@contextmanager
def old_database(path: Path, version: int) -> Iterator[sqlite3.Connection]:
    """A database as an older Hearth left it, at schema ``version``; fill it in the block."""
    with raw(path) as conn:
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN")
        for step in chat_store_module._MIGRATIONS[:version]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {version}")
        yield conn
        conn.execute("COMMIT")


def test_migrates_a_version_1_database(tmp_path: Path) -> None:
    """A database written by the first schema gains search over what it already held."""
    path = tmp_path / "chats.sqlite3"
    with old_database(path, 1) as conn:
        conn.execute(
            "INSERT INTO conversations (id, title, created_at, updated_at)"
            " VALUES ('c1', 'Old trip plans', 1.0, 2.0)"
        )
        conn.execute(
            "INSERT INTO messages (conversation_id, role, content, status, created_at)"
            " VALUES ('c1', 'user', 'Where should we hike in the Dolomites?', 'complete', 1.5)"
        )
    with ChatStore(path) as store:
        assert store.schema_version == ChatStore.SCHEMA_VERSION
        assert [c.id for c in store.list_conversations()] == ["c1"]
        [hit] = store.search("dolomites")
        assert hit.conversation.id == "c1"
        assert hit.message_id == 1
        assert store.search("trip")[0].message_id is None
        assert store.integrity_check()


def test_migrates_a_version_2_database_into_one_line_of_versions(tmp_path: Path) -> None:
    """Each message of an older database follows the one before; search still works."""
    path = tmp_path / "chats.sqlite3"
    with old_database(path, 2) as conn:
        for cid in ("c1", "c2"):
            conn.execute(
                "INSERT INTO conversations (id, title, created_at, updated_at)"
                " VALUES (?, 'Old chat', 1.0, 2.0)",
                (cid,),
            )
        for i, (cid, role, text) in enumerate(
            [
                ("c1", "user", "Where should we hike?"),
                ("c2", "user", "Unrelated question"),
                ("c1", "assistant", "The Dolomites are lovely."),
                ("c1", "user", "In autumn?"),
                ("c1", "assistant", "Yes, quieter then."),
            ]
        ):
            conn.execute(
                "INSERT INTO messages (conversation_id, role, content, status, created_at)"
                " VALUES (?, ?, ?, 'complete', ?)",
                (cid, role, text, float(i)),
            )
    with ChatStore(path) as store:
        assert store.schema_version == ChatStore.SCHEMA_VERSION >= 3
        messages = store.messages("c1")
        assert [m.parent_id for m in messages] == [None, 1, 3, 4]
        assert store.active_path("c1") == messages
        assert [m.parent_id for m in store.messages("c2")] == [None]
        assert [h.message_id for h in store.search("dolomites")] == [3]
        assert store.integrity_check()
        # The old chat continues where it ended, and can branch.
        assert store.add_message("c1", "user", "And winter?").parent_id == 5
        store.add_message("c1", "assistant", "Snowy ones.", parent_id=4)
        assert contents(store.active_path("c1"))[-1] == "Snowy ones."
        assert store.integrity_check()


def test_migrates_a_version_3_database_to_chats_with_their_own_options(tmp_path: Path) -> None:
    """Chats saved before options existed use the settings' (NULL) until given some."""
    path = tmp_path / "chats.sqlite3"
    with old_database(path, 3) as conn:
        conn.execute(
            "INSERT INTO conversations (id, title, created_at, updated_at)"
            " VALUES ('c1', 'Old chat', 1.0, 2.0)"
        )
    with ChatStore(path) as store:
        assert store.schema_version == ChatStore.SCHEMA_VERSION == 4
        old = store.get_conversation("c1")
        assert old is not None and (old.temperature, old.num_ctx) == (None, None)
        changed = store.set_options("c1", temperature=0.3, num_ctx=16384)
        assert (changed.temperature, changed.num_ctx) == (0.3, 16384)
        assert changed.updated_at == old.updated_at  # the chat itself did not change
    with ChatStore(path) as store:
        kept = store.get_conversation("c1")
        assert kept is not None and (kept.temperature, kept.num_ctx) == (0.3, 16384)
        back = store.set_options("c1", temperature=None, num_ctx=None)
        assert (back.temperature, back.num_ctx) == (None, None)
        with pytest.raises(ValueError):
            store.set_options("c1", temperature=-1.0, num_ctx=None)
        with pytest.raises(ValueError):
            store.set_options("c1", temperature=None, num_ctx=0)
        with pytest.raises(StorageError):
            store.set_options("gone", temperature=None, num_ctx=None)


def test_failed_migration_step_leaves_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chats.sqlite3"

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("simulated failure")

    monkeypatch.setattr(
        chat_store_module, "_MIGRATIONS", (chat_store_module._MIGRATIONS[0], broken)
    )
    with pytest.raises(StorageError, match="simulated failure") as caught:
        ChatStore(path)
    assert caught.value.kind is StorageKind.STORE
    with raw(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names


# --------------------------------------------------------------------------- conversations


def test_create_list_rename_delete(store: ChatStore) -> None:
    first = store.create_conversation("First", model="llama3.2", persona="tutor")
    second = store.create_conversation()
    assert len(first.id) == 32
    assert second.title == ""
    assert store.list_conversations() == [second, first]
    assert store.get_conversation(first.id) == first

    renamed = store.rename_conversation(first.id, "  Trip\nto   Rome \t")
    assert renamed.title == "Trip to Rome"
    assert renamed.updated_at > first.updated_at
    assert renamed.created_at == first.created_at
    assert store.list_conversations() == [renamed, second]

    store.delete_conversation(first.id)
    assert store.get_conversation(first.id) is None
    assert store.list_conversations() == [second]
    store.delete_conversation(first.id)  # unknown ids are ignored


def test_title_is_one_line_and_capped(store: ChatStore) -> None:
    conversation = store.create_conversation("a\r\nb\u2028c\x00d\x1be " + "x" * 500)
    assert "\n" not in conversation.title
    assert conversation.title.startswith("a b c d e x")
    assert len(conversation.title) == 200
    assert conversation.title.endswith("…")


def test_update_changes_only_given_fields(store: ChatStore) -> None:
    original = store.create_conversation(
        "Chat", model="llama3.2", system_prompt="Be brief.", persona="coach"
    )
    assert store.update_conversation(original.id) == original
    assert store.update_conversation(original.id, model="llama3.2") == original  # no change

    updated = store.update_conversation(original.id, system_prompt="Be thorough.")
    assert updated.system_prompt == "Be thorough."
    assert (updated.title, updated.model, updated.persona) == ("Chat", "llama3.2", "coach")
    assert updated.updated_at > original.updated_at

    cleared = store.update_conversation(original.id, persona="", model="")
    assert cleared.persona is None
    assert cleared.model is None
    assert cleared.system_prompt == "Be thorough."


def test_unknown_ids_raise_store_error(store: ChatStore) -> None:
    with pytest.raises(StorageError, match="no longer exists") as caught:
        store.add_message("nope", "user", "hi")
    assert caught.value.kind is StorageKind.STORE
    with pytest.raises(StorageError) as caught:
        store.update_conversation("nope", title="x")
    assert caught.value.kind is StorageKind.STORE
    with pytest.raises(StorageError) as caught:
        store.rename_conversation("nope", "x")
    assert caught.value.kind is StorageKind.STORE
    with pytest.raises(StorageError) as caught:
        store.update_message(12345, content="x")
    assert caught.value.kind is StorageKind.STORE
    with pytest.raises(StorageError) as caught:
        store.select_message(12345)
    assert caught.value.kind is StorageKind.STORE
    assert store.get_conversation("nope") is None
    assert store.siblings(12345) == []
    assert store.messages("nope") == []
    store.delete_message(12345)  # ignored


def test_invalid_role_or_status_is_a_programming_error(store: ChatStore) -> None:
    conversation = store.create_conversation()
    with pytest.raises(ValueError, match="role"):
        store.add_message(conversation.id, "robot", "hi")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="status"):
        store.add_message(conversation.id, "user", "hi", status="done")  # type: ignore[arg-type]


def test_closed_store_raises_store_error(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StorageError, match="closed") as caught:
        store.list_conversations()
    assert caught.value.kind is StorageKind.STORE


# --------------------------------------------------------------------------- messages


def test_messages_keep_order_and_fields(store: ChatStore) -> None:
    conversation = store.create_conversation("Photos")
    attachments = (ImageRef("ab" * 32, "cat.png"),)
    user = store.add_message(conversation.id, "user", "What is this?", attachments=attachments)
    answer = store.add_message(
        conversation.id,
        "assistant",
        "A cat.",
        model="llama3.2-vision",
        stats={"eval_count": 3, "total_duration": 1.5},
    )
    failed = store.add_message(
        conversation.id, "assistant", "", status="error", error="Ollama stopped."
    )
    assert store.messages(conversation.id) == [user, answer, failed]
    assert user.id < answer.id < failed.id
    assert user.attachments == attachments
    assert user.stats is None
    assert answer.stats == {"eval_count": 3, "total_duration": 1.5}
    assert answer.attachments == ()
    assert failed.error == "Ollama stopped."
    assert failed.status == "error"


def test_add_message_moves_conversation_to_top(store: ChatStore) -> None:
    older = store.create_conversation("older")
    newer = store.create_conversation("newer")
    store.add_message(older.id, "user", "bump")
    listed = store.list_conversations()
    assert [c.id for c in listed] == [older.id, newer.id]
    assert listed[0].updated_at > older.updated_at


def test_update_during_streaming(store: ChatStore) -> None:
    conversation = store.create_conversation()
    store.add_message(conversation.id, "user", "Tell me about otters")
    message = store.add_message(conversation.id, "assistant", "", status="streaming")
    text = ""
    for token in ["Otters ", "are ", "semiaquatic ", "mammals."]:
        text += token
        assert store.update_message(message.id, content=text).content == text
    assert store.search("semiaquatic") == []  # a streaming answer is not indexed yet
    done = store.update_message(message.id, status="complete", stats={"eval_count": 4})
    assert done.content == "Otters are semiaquatic mammals."
    assert (done.status, done.stats) == ("complete", {"eval_count": 4})
    assert done.created_at == message.created_at
    assert [h.message_id for h in store.search("semiaquatic")] == [message.id]
    assert store.update_message(message.id, error="oops").error == "oops"
    assert store.update_message(message.id, error="").error is None
    assert store.integrity_check()


def test_delete_message_takes_its_replies_and_their_versions(store: ChatStore) -> None:
    conversation = store.create_conversation()
    other = store.create_conversation()
    ids = [store.add_message(conversation.id, "user", f"m{i}").id for i in range(5)]
    second_version = store.add_message(conversation.id, "user", "m2 again", parent_id=ids[1])
    kept_elsewhere = store.add_message(other.id, "user", "elsewhere")
    store.delete_message(ids[1])
    assert [m.id for m in store.messages(conversation.id)] == ids[:1]
    assert store.siblings(second_version.id) == []
    assert store.messages(other.id) == [kept_elsewhere]
    new = store.add_message(conversation.id, "assistant", "again")
    assert new.id > kept_elsewhere.id > ids[-1]  # ids are never reused
    assert new.parent_id == ids[0]
    store.delete_message(ids[0])
    assert store.messages(conversation.id) == []
    assert store.integrity_check()


def test_text_is_stored_safely(store: ChatStore) -> None:
    conversation = store.create_conversation()
    split_pair = "smile \ud83d\ude00"  # a surrogate pair, as a JSON decoder can produce
    lone = "broken \ud800 char"
    with_nul = "a\x00b"
    texts = (split_pair, lone, with_nul)
    stored = [store.add_message(conversation.id, "user", t).content for t in texts]
    assert stored == ["smile 😀", "broken \ufffd char", "a\x00b"]
    assert [m.content for m in store.messages(conversation.id)] == stored


def test_timestamps_strictly_increase(store: ChatStore) -> None:
    conversation = store.create_conversation()
    times = [store.add_message(conversation.id, "user", "x").created_at for _ in range(50)]
    assert times == sorted(set(times))


def test_reopen_restores_everything_exactly(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        first = store.create_conversation("Recipes", model="llama3.2", system_prompt="Chef.")
        second = store.create_conversation("随便聊聊", persona="friend")
        store.add_message(first.id, "system", "You are a chef.")
        store.add_message(
            first.id, "user", "Pasta?", attachments=[from_record({"kind": "sticker", "n": 1})]
        )
        store.add_message(
            first.id, "assistant", "Boil water.", model="llama3.2", stats={"t": 0.125}
        )
        store.add_message(second.id, "user", "你好")
        store.add_message(second.id, "assistant", "Partial", status="interrupted", error="stop")
        before = [(c, store.messages(c.id)) for c in store.list_conversations()]
    with ChatStore(path) as store:
        after = [(c, store.messages(c.id)) for c in store.list_conversations()]
    assert after == before
    assert len(after) == 2
    assert sum(len(m) for _, m in after) == 5


def test_streaming_answer_becomes_interrupted_on_reopen(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        conversation = store.create_conversation()
        message = store.add_message(conversation.id, "assistant", "half an ans", status="streaming")
    with ChatStore(path) as store:
        [reopened] = store.messages(conversation.id)
        assert reopened.status == "interrupted"
        assert reopened.content == message.content
        assert store.recover_interrupted() == 0
        assert [h.message_id for h in store.search("half an")] == [message.id]
        store.update_message(message.id, status="streaming")
        assert store.recover_interrupted() == 1


# --------------------------------------------------------------------------- versions


def turn(store: ChatStore, conversation_id: str, question: str, answer: str) -> tuple[int, int]:
    """A question and its answer at the end of the chosen path; returns their ids."""
    asked = store.add_message(conversation_id, "user", question)
    answered = store.add_message(conversation_id, "assistant", answer, parent_id=asked.id)
    return asked.id, answered.id


def contents(messages: list[StoredMessage]) -> list[str]:
    return [m.content for m in messages]


def test_messages_follow_the_end_of_the_chosen_path(store: ChatStore) -> None:
    conversation = store.create_conversation()
    q1, a1 = turn(store, conversation.id, "q1", "a1")
    q2, a2 = turn(store, conversation.id, "q2", "a2")
    parents = [(m.id, m.parent_id) for m in store.messages(conversation.id)]
    assert parents == [(q1, None), (a1, q1), (q2, a1), (a2, q2)]
    assert contents(store.active_path(conversation.id)) == ["q1", "a1", "q2", "a2"]
    assert store.siblings(a1) == [store.messages(conversation.id)[1]]


def test_a_retried_answer_and_an_edited_question_keep_the_earlier_versions(
    store: ChatStore,
) -> None:
    conversation = store.create_conversation()
    q1, a1 = turn(store, conversation.id, "q1", "a1")
    q2, a2 = turn(store, conversation.id, "q2", "a2")
    retried = store.add_message(conversation.id, "assistant", "a1 again", parent_id=q1)
    assert contents(store.active_path(conversation.id)) == ["q1", "a1 again"]
    assert [m.id for m in store.siblings(a1)] == [a1, retried.id]
    edited = store.add_message(conversation.id, "user", "q1 edited", parent_id=None)
    answer = store.add_message(conversation.id, "assistant", "new a1", parent_id=edited.id)
    assert contents(store.active_path(conversation.id)) == ["q1 edited", "new a1"]
    assert len(store.messages(conversation.id)) == 7  # nothing was deleted
    tree = store.tree(conversation.id)
    assert [m.id for m in tree.versions(q1)] == [q1, edited.id]
    assert tree.forks() == {None: edited.id, q1: retried.id}
    assert [m.id for m in tree.path_to(a2)] == [q1, a1, q2, a2]
    assert tree.versions(12345) == [] and tree.path_to(12345) == []
    # The next message continues the chosen path.
    follow_up = store.add_message(conversation.id, "user", "q2 on the new branch")
    assert follow_up.parent_id == answer.id
    assert store.integrity_check()


def test_choosing_a_version_shows_its_branch_as_last_chosen(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        conversation = store.create_conversation()
        q1, a1 = turn(store, conversation.id, "q1", "a1")
        q2, a2 = turn(store, conversation.id, "q2", "a2")
        q2b = store.add_message(conversation.id, "user", "q2b", parent_id=a1)
        store.add_message(conversation.id, "assistant", "a2b", parent_id=q2b.id)
        edited = store.add_message(conversation.id, "user", "q1b", parent_id=None)
        before = store.list_conversations()
        store.select_message(q1)  # back to the first question: its branch as last left
        assert contents(store.active_path(conversation.id)) == ["q1", "a1", "q2b", "a2b"]
        store.select_message(a2)  # a message off the path: the path to it is chosen
        assert contents(store.active_path(conversation.id)) == ["q1", "a1", "q2", "a2"]
        assert store.list_conversations() == before  # choosing is not an update
        assert store.tree(conversation.id).forks() == {None: q1, a1: q2}
    with ChatStore(path) as store:  # the choices survive a restart
        assert contents(store.active_path(conversation.id)) == ["q1", "a1", "q2", "a2"]
        store.select_message(edited.id)
        assert contents(store.active_path(conversation.id)) == ["q1b"]
        assert store.add_message(conversation.id, "assistant", "x").parent_id == edited.id


def test_a_version_belongs_to_its_own_conversation(store: ChatStore) -> None:
    first = store.create_conversation()
    second = store.create_conversation()
    question = store.add_message(first.id, "user", "mine")
    with pytest.raises(StorageError, match="another conversation"):
        store.add_message(second.id, "assistant", "not yours", parent_id=question.id)
    with pytest.raises(StorageError, match="no longer exists"):
        store.add_message(first.id, "assistant", "to nothing", parent_id=12345)
    assert store.messages(second.id) == []


def test_an_unchosen_version_keeps_the_earlier_choice(store: ChatStore) -> None:
    conversation = store.create_conversation()
    q1, _ = turn(store, conversation.id, "q1", "a1")
    store.add_message(conversation.id, "assistant", "kept aside", parent_id=q1, chosen=False)
    assert contents(store.active_path(conversation.id)) == ["q1", "a1"]


def test_every_version_is_searchable(store: ChatStore) -> None:
    conversation = store.create_conversation()
    q1, _ = turn(store, conversation.id, "Which otters live in rivers?", "Eurasian otters.")
    aside = store.add_message(conversation.id, "assistant", "Giant otters too.", parent_id=q1)
    store.select_message(store.messages(conversation.id)[1].id)
    assert [h.message_id for h in store.search("giant otters")] == [aside.id]


def test_integrity_check_finds_a_broken_link(store: ChatStore) -> None:
    conversation = store.create_conversation()
    question = store.add_message(conversation.id, "user", "q")
    answer = store.add_message(conversation.id, "assistant", "a")
    assert store.integrity_check()
    assert store._conn is not None
    store._conn.execute("UPDATE messages SET parent_id = ? WHERE id = ?", (answer.id, question.id))
    assert not store.integrity_check()


def test_deleting_a_conversation_deletes_every_version(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    secret = "Pangolin-Private-7781"
    with ChatStore(path) as store:
        conversation = store.create_conversation()
        question, _ = turn(store, conversation.id, "q " * 200, f"first {secret}")
        store.add_message(conversation.id, "assistant", "second " * 200, parent_id=question)
        store.add_message(conversation.id, "user", f"edited {secret}", parent_id=None)
        store.delete_conversation(conversation.id)
        assert store.messages(conversation.id) == []
        assert secret.encode() not in file_bytes(path)
        assert store.integrity_check()


# --------------------------------------------------------------------------- search


@pytest.fixture
def searchable(store: ChatStore) -> dict[str, Conversation]:
    trip = store.create_conversation("Trip to Kyoto")
    store.add_message(trip.id, "user", "Which temples should I visit in autumn?")
    store.add_message(trip.id, "assistant", "Kiyomizu-dera and Tofuku-ji are lovely then.")
    weather = store.create_conversation("天气")
    store.add_message(weather.id, "user", "今天天气很好，我们去公园散步吧。")
    store.add_message(weather.id, "assistant", "好主意！记得带水。")
    code = store.create_conversation("Python help")
    store.add_message(code.id, "user", 'print("100% done") AND (x * y) OR NOT z_1 "quoted"')
    store.add_message(code.id, "assistant", "Use an f-string: f'{ratio:.0%}'. Visit the docs.")
    return {"trip": trip, "weather": weather, "code": code}


def hit_ids(hits: list[SearchHit]) -> list[str]:
    return [h.conversation.id for h in hits]


def test_search_finds_message_text_with_snippet(
    store: ChatStore, searchable: dict[str, Conversation]
) -> None:
    [hit] = store.search("temples")
    assert hit.conversation == store.get_conversation(searchable["trip"].id)
    assert "temples" in hit.snippet
    assert hit.message_id == store.messages(searchable["trip"].id)[0].id
    assert hit_ids(store.search("TOFUKU")) == [searchable["trip"].id]  # case-insensitive
    assert hit_ids(store.search("autumn temples")) == [searchable["trip"].id]  # all terms
    assert store.search("autumn python") == []
    assert hit_ids(store.search('"Tofuku-ji are"')) == [searchable["trip"].id]  # phrase
    assert hit_ids(store.search("tofu")) == [searchable["trip"].id]  # substring / prefix


def test_search_titles_come_first(store: ChatStore, searchable: dict[str, Conversation]) -> None:
    hits = store.search("visit")  # in trip's message and code's message
    assert set(hit_ids(hits)) == {searchable["trip"].id, searchable["code"].id}
    hits = store.search("python")
    assert hit_ids(hits) == [searchable["code"].id]
    assert hits[0].message_id is None
    assert hits[0].snippet == "Python help"
    store.rename_conversation(searchable["trip"].id, "Visit plans")
    assert hit_ids(store.search("visit"))[0] == searchable["trip"].id


def test_search_snippet_is_centred_on_the_match(store: ChatStore) -> None:
    chat = store.create_conversation("Notes")
    before, after = "word " * 200, "\n\nmore  text " * 100
    message = store.add_message(chat.id, "user", f"{before}the Zebra crossing{after}")
    [hit] = store.search("zebra")
    assert hit.message_id == message.id
    assert hit.matched == "Zebra"  # as written, wherever it sits in a long message
    start, end = hit.match
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert start >= 60 and len(hit.snippet) - end >= 60  # context on each side
    assert "\n" not in hit.snippet and "  " not in hit.snippet  # one line
    [title_hit] = store.search("note")
    assert title_hit.message_id is None and title_hit.matched == "Note"


def test_search_chinese(store: ChatStore, searchable: dict[str, Conversation]) -> None:
    weather = searchable["weather"].id
    assert hit_ids(store.search("天气")) == [weather]  # two characters: below a trigram
    assert hit_ids(store.search("公园散步")) == [weather]
    assert hit_ids(store.search("散步 天气")) == [weather]
    [hit] = store.search("带水")
    assert "带水" in hit.snippet
    assert store.search("火车站") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        "NEAR(a b)",
        "^x",
        "content:x",
        "a:",
        "-",
        "+",
        "\\",
        "'",
        "%",
        "_",
        "{a b}",
        "x*",
        '"unterminated',
        "\x00",
        "\ud800",
        "🙂",
        "a" * 5000,
        " ".join(["word"] * 100),
        "\n\t",
    ],
)
def test_search_never_raises_on_odd_input(
    store: ChatStore, searchable: dict[str, Conversation], query: str
) -> None:
    hits = store.search(query)
    assert isinstance(hits, list)


def test_search_takes_odd_characters_literally(
    store: ChatStore, searchable: dict[str, Conversation]
) -> None:
    code = searchable["code"].id
    assert hit_ids(store.search("%")) == [code]  # not "match everything"
    assert hit_ids(store.search("z_1")) == [code]
    assert hit_ids(store.search("100%")) == [code]
    assert hit_ids(store.search("(x * y)")) == [code]
    assert hit_ids(store.search("AND NOT")) == [code]  # words, not operators
    assert hit_ids(store.search('"quoted"')) == [code]


def test_search_empty_query_and_limit(
    store: ChatStore, searchable: dict[str, Conversation]
) -> None:
    assert store.search("") == []
    assert store.search("   ") == []
    assert store.search("e", limit=0) == []
    assert len(store.search("e")) == 2
    assert len(store.search("e", limit=1)) == 1


def test_search_falls_back_to_like_without_index(
    store: ChatStore, searchable: dict[str, Conversation]
) -> None:
    assert store._conn is not None
    store._conn.execute("DROP TABLE messages_fts")
    assert hit_ids(store.search("temples")) == [searchable["trip"].id]


def test_deleted_conversation_is_not_found(
    store: ChatStore, searchable: dict[str, Conversation]
) -> None:
    store.delete_conversation(searchable["trip"].id)
    assert store.search("temples") == []
    assert store.search("kyoto") == []
    assert store.integrity_check()


# --------------------------------------------------------------------------- deletion


def test_deleting_a_conversation_removes_its_text_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    secret = "Zebra-Secret-7731 my bank PIN"
    with ChatStore(path) as store:
        assert store._conn is not None
        keep = store.create_conversation("Keep")
        store.add_message(keep.id, "user", "nothing to hide " * 50)
        doomed = store.create_conversation(f"Title {secret}")
        for i in range(30):  # enough to span several pages
            store.add_message(doomed.id, "user", f"{i} {secret} " + "filler " * 100)
        store.add_message(doomed.id, "assistant", secret, status="streaming")
        assert secret.encode() in file_bytes(path)  # still in the WAL
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert secret.encode() in path.read_bytes()  # now in the main file

        store.delete_conversation(doomed.id)
        assert secret.encode() not in file_bytes(path)
        assert store.search("Zebra") == []
        assert store.messages(keep.id)[0].content.startswith("nothing to hide")
        assert store._conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert store.integrity_check()
    assert secret.encode() not in file_bytes(path)


def test_deleting_messages_removes_their_text_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    secret = "Quokka-Private-4410"
    with ChatStore(path) as store:
        assert store._conn is not None
        conversation = store.create_conversation()
        store.add_message(conversation.id, "user", "question " * 100)
        first = store.add_message(conversation.id, "assistant", f"answer {secret}")
        store.add_message(conversation.id, "user", f"follow-up {secret}")
        lone = store.add_message(conversation.id, "user", f"again {secret}")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert secret.encode() in path.read_bytes()
        store.delete_message(lone.id)
        store.delete_message(first.id)
        assert secret.encode() not in file_bytes(path)
        assert store.search("Quokka") == []
        assert len(store.messages(conversation.id)) == 1
    assert secret.encode() not in file_bytes(path)


# --------------------------------------------------------------------------- robustness

CRASHING_WRITER = """
    import sys
    from pathlib import Path
    from agents.storage import ChatStore

    store = ChatStore(Path(sys.argv[1]))
    conversation = store.create_conversation("crash test")
    for i in range(20):
        store.add_message(conversation.id, "user", f"question {i}")
        store.add_message(conversation.id, "assistant", f"answer {i}")
    answer = store.add_message(conversation.id, "assistant", "", status="streaming")
    text = ""
    n = 0
    while True:
        n += 1
        text += f"token{n} "
        store.update_message(answer.id, content=text)
        if n % 200 == 0:
            print(n, flush=True)
"""


def test_killed_writer_leaves_a_sound_database(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with run_python(CRASHING_WRITER, str(path)) as child:
        try:
            assert child.stdout is not None
            for _ in range(3):  # let it get well into the streaming updates
                assert child.stdout.readline().strip()
        finally:
            child.kill()  # SIGKILL on POSIX: no clean-up of any kind
            child.wait(timeout=10)
    with ChatStore(path) as store:
        assert store.integrity_check()
        [conversation] = store.list_conversations()
        messages = store.messages(conversation.id)
        assert len(messages) == 41
        assert all(m.status == "complete" for m in messages[:40])
        last = messages[-1]
        assert last.status == "interrupted"
        assert last.content.startswith("token1 token2 token3 ")
        assert last.content.count("token") >= 600
        assert [h.message_id for h in store.search("token600 ")] == [last.id]


def test_concurrent_writes_from_threads(store: ChatStore) -> None:
    shared = store.create_conversation("shared")
    errors: list[BaseException] = []
    per_thread = 40
    thread_count = 8

    def writer(n: int) -> None:
        try:
            own = store.create_conversation(f"thread {n}")
            for i in range(per_thread):
                store.add_message(shared.id, "user", f"t{n} m{i}")
                message = store.add_message(own.id, "assistant", "", status="streaming")
                store.update_message(message.id, content=f"own {n} {i}", status="complete")
                if i % 10 == 0:
                    store.search(f"t{n}")
                    store.list_conversations()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(thread_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    messages = store.messages(shared.id)
    assert len(messages) == per_thread * thread_count
    assert [m.id for m in messages] == sorted({m.id for m in messages})
    for n in range(thread_count):  # each thread's own order is kept
        mine = [m.content for m in messages if m.content.startswith(f"t{n} ")]
        assert mine == [f"t{n} m{i}" for i in range(per_thread)]
    assert len(store.list_conversations()) == thread_count + 1
    assert store.integrity_check()


def test_update_message_replaces_attachments(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "c.sqlite3")
    try:
        conversation = store.create_conversation("t")
        answer = store.add_message(conversation.id, "assistant", "", status="streaming")
        sources = (Citation(1, "/a.pdf", 3, None, "passage"),)
        updated = store.update_message(answer.id, content="x [1]", attachments=sources)
        assert updated.attachments == sources
        assert store.messages(conversation.id)[0].attachments == sources
    finally:
        store.close()


def test_attachments_come_back_typed_and_unknown_kinds_are_kept(store: ChatStore) -> None:
    """Each kind reads back as its type; one this version doesn't know is kept as written."""
    conversation = store.create_conversation()
    written = (
        ImageRef("cd" * 32, "chart.png", 640, 480),
        ImageTaskRequest(FIND, "the cat"),
        SummaryRequest("/docs/report.pdf", "French"),
        Citation(2, "/docs/report.pdf", 7, "Budget", "The budget was approved."),
        from_record({"kind": "sticker", "id": 5}),
    )
    store.add_message(conversation.id, "user", "x", attachments=written)
    (saved,) = store.messages(conversation.id)
    assert saved.attachments == written
    assert isinstance(saved.attachments[-1], OtherAttachment)
    assert saved.attachments[-1].to_record() == {"kind": "sticker", "id": 5}
