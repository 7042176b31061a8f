"""File names that are not UTF-8, the ledger that stores them, and links that leave the
folder after it was indexed."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from agents.documents.index import DocumentIndex
from agents.documents.manifest import INDEXED, Manifest
from agents.files import path_text
from agents.printable import shown
from agents.wording import say

ODD = os.fsdecode(b"caf\xe9\nmenu\x1b[2J.txt")  # Latin-1 byte, a newline, an escape


def test_the_ledger_round_trips_any_file_name(tmp_path: Path) -> None:
    ledger = Manifest(tmp_path / "manifest.sqlite3")
    path = str(tmp_path / ODD)
    ledger.begin_file(path, "txt")
    ledger.fail_file(path, "txt", "", say("it contains no text to read."), root=str(tmp_path))
    assert [f.path for f in ledger.files()] == [path]
    assert ledger.get(path) is not None and ledger.get(path).root == str(tmp_path)  # type: ignore[union-attr]
    ledger.remove_file(path)
    assert ledger.files() == []
    ledger.close()


def test_a_ledger_from_before_roots_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "manifest.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE files (path TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT '', "
            "sha256 TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL DEFAULT 0, "
            "mtime_ns INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, "
            "chunks INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0, "
            "error TEXT NOT NULL DEFAULT '', failed_sha256 TEXT NOT NULL DEFAULT '', "
            "collection TEXT NOT NULL DEFAULT '', indexed_at REAL NOT NULL DEFAULT 0)"
        )
        db.execute("INSERT INTO files(path, status) VALUES('/old/file.txt', 'indexed')")
        db.execute("PRAGMA user_version=1")
    readonly = Manifest(path, readonly=True)  # the window lists files before the worker runs
    assert [(f.path, f.root) for f in readonly.files()] == [("/old/file.txt", "")]
    readonly.close()
    ledger = Manifest(path)
    assert ledger.get("/old/file.txt").status == INDEXED  # type: ignore[union-attr]
    ledger.close()


def test_odd_names_are_indexed_found_and_shown_escaped(
    index: DocumentIndex, docs_dir: Path
) -> None:
    odd = docs_dir / ODD
    odd.write_text("The soup of the day is leek.")
    report = index.sync([docs_dir])
    assert report.indexed == [str(odd)] and not report.failed
    passage = index.search("What is the soup of the day?", k=1)[0]
    assert passage.path == path_text(odd)  # valid text for Chroma, JSON and Qt
    assert shown(str(odd)).endswith("caf\\udce9\\u000amenu\\u001b[2J.txt")
    assert index.sync([docs_dir]).unchanged == [str(odd)]  # and on every re-run
    assert index.remove([odd]) == [str(odd)]


def test_a_file_turned_into_a_link_out_of_its_folder_is_dropped(
    index: DocumentIndex, docs_dir: Path, tmp_path: Path
) -> None:
    notes = docs_dir / "notes.txt"
    notes.write_text("The ferry leaves at noon.")
    assert index.sync([docs_dir]).indexed == [str(notes)]
    secret = tmp_path / "secret.txt"
    secret.write_text("The vault code is quokka-991.")
    notes.unlink()
    notes.symlink_to(secret)
    report = index.sync(None)  # re-check every known file, as Re-index does
    assert report.removed == [str(notes)]
    assert "outside the chosen folder" in str(report.skipped[0][1])
    assert index.manifest.keyword_search("quokka", 5) == []
    assert index.collection.count() == index.manifest.chunk_count() == 0


def test_a_file_chosen_through_a_link_is_read(index: DocumentIndex, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("The choir meets on Thursdays.")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert index.sync([link]).indexed == [str(link)]  # the person chose this file


def test_a_summary_request_for_an_odd_name_is_stored_and_read_back(tmp_path: Path) -> None:
    from agents.attachments import SummaryRequest, from_records, to_records
    from agents.storage import ChatStore

    request = SummaryRequest(str(tmp_path / ODD), "en")
    assert from_records(to_records([request])) == (request,)  # exact path, valid JSON
    with ChatStore.in_data_dir(tmp_path / "data") as store:
        chat = store.create_conversation("odd")
        store.add_message(chat.id, "user", "Summarize", attachments=[request])
        assert store.messages(chat.id)[0].attachments == (request,)
