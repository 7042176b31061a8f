"""Hostile documents through the indexing path: every one ends in bounds, with a clear
message, and the index (and the files indexed before) intact.

Each case indexes a folder holding one hostile input between two ordinary documents, with
the code ``hearth index`` runs (the sync, then the report as the command prints it) and
the listing ``hearth docs list`` prints. The whole corpus also goes once through the real
command, worker process included.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.documents.index import DocumentIndex
from agents.llm import OllamaService
from app.commands.documents import _print_report, docs_list
from tests.agents.documents.conftest import no_onnx_download
from tests.fakes import OllamaDouble
from tests.hostile.documents_corpus import (
    DOCUMENT_CASES,
    INDEXED,
    REFUSED,
    SECRET,
    SKIPPED,
)
from tests.hostile.harness import Case, assert_clear, can_mknod, params, within_bounds

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534

__all__ = ["no_onnx_download"]


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A scratch folder that an unprivileged user may enter too (for permission cases)."""
    folder = Path(tempfile.mkdtemp(prefix="hearth-hostile-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:  # iteratively: a case nests folders deeper than Python's recursion limit
        subprocess.run(["chmod", "-R", "u+rwx", str(folder)], check=False)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


@contextlib.contextmanager
def as_unprivileged(needed: bool, *folders: Path) -> Iterator[None]:
    """Runs the block as an unprivileged user when the tests run as root (root may read
    any file, so 'permission denied' can't happen otherwise)."""
    if not needed or os.geteuid() != 0:
        yield
        return
    for folder in folders:
        for directory, subdirs, names in os.walk(folder):
            for name in [*subdirs, *names]:
                path = Path(directory) / name
                if not path.is_symlink() and path.stat().st_mode & 0o777:
                    path.chmod(0o777 if path.is_dir() else 0o666)
        folder.chmod(0o777)
    # What the block imports late must be loaded while root can still read the venv.
    importlib.import_module("multiprocessing.connection")
    importlib.import_module("agents.documents.index_worker")
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)


def _prepare(case: Case, scratch: Path, service: OllamaService) -> tuple[Path, DocumentIndex]:
    if case.needs == "mknod" and not can_mknod():
        pytest.skip("making a device file needs root")
    if case.needs == "unprivileged" and os.geteuid() == 0 and not hasattr(os, "seteuid"):
        pytest.skip("root reads every file: no permission to deny")
    docs, data = scratch / "docs", scratch / "data"
    docs.mkdir()
    data.mkdir()
    (docs / "aaa-before.md").write_text("# Before\nThe harbour opens at nine.\n")
    index = DocumentIndex(data, service)
    assert index.sync([docs]).indexed  # an ordinary document, indexed before the case
    return docs, index


@pytest.mark.timeout(180)
@pytest.mark.parametrize("case", params(DOCUMENT_CASES))
def test_hostile_document(case: Case, scratch: Path, service: OllamaService) -> None:
    docs, index = _prepare(case, scratch, service)
    try:
        hostile = case.make(docs)
        (docs / "zzz-after.txt").write_text("The orchard closes at six.\n")
        printed = io.StringIO()
        with as_unprivileged(case.needs == "unprivileged", docs, index.root):
            with within_bounds():
                report = index.sync([docs])
            _print_report(report, printed)
            docs_list(argparse.Namespace(data_dir=str(index.root)), printed)
        text = printed.getvalue()
        assert_clear(text)
        assert re.search(case.expect, text), text
        refused = {p for p, _ in report.failed}
        skipped = {p for p, _ in report.skipped}
        if case.outcome == REFUSED:
            assert str(hostile) in refused, text
        elif case.outcome == SKIPPED:
            assert str(hostile) in skipped and str(hostile) not in report.indexed, text
        elif case.outcome == INDEXED:
            assert not refused, text
        # The ordinary documents on both sides of it are indexed, the index is consistent,
        # and nothing from outside the folder got in.
        paths = {f.path for f in index.files()}
        assert {str(docs / "aaa-before.md"), str(docs / "zzz-after.txt")} <= paths
        assert index.collection.count() == index.manifest.chunk_count()
        assert index.search("When does the orchard close?", k=1)[0].path.endswith("zzz-after.txt")
        assert all(SECRET not in c.text for c, _ in index.manifest.keyword_search(SECRET, 5))
        assert all(str(docs) in p for p in paths)
    finally:
        index.close()


@pytest.mark.timeout(300)
def test_the_whole_corpus_through_hearth_index(scratch: Path, ollama_double: OllamaDouble) -> None:
    """The real command, worker process and all: one run over every hostile input."""
    data, folders = scratch / "data", []
    for case in DOCUMENT_CASES:
        if case.needs:
            continue
        folder = scratch / case.id / "docs"  # what is outside it stays in scratch / case.id
        folder.mkdir(parents=True)
        case.make(folder)
        folders.append(str(folder))
    last = Path(folders[-1]) / "zzz-after.txt"
    last.write_text("The orchard closes at six.\n")
    command = [sys.executable, "-m", "app", "--data-dir", str(data), "index", *folders]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OLLAMA_HOST": ollama_double.url}
    with within_bounds(seconds=240):
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=280
        )
    assert done.returncode == 20, done.stderr[-3000:]  # some files were refused
    assert_clear(done.stderr)
    assert re.search(r"\d+ indexed .* \d+ refused, \d+ skipped", done.stderr)
    assert SECRET not in done.stderr
    listed = subprocess.run(
        [*command[:5], "docs", "list"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert_clear(listed.stdout)
    assert f"indexed       1 passages             {last}" in listed.stdout
    for case in DOCUMENT_CASES:
        if not case.needs and case.outcome in {REFUSED, SKIPPED}:
            assert re.search(case.expect, done.stderr), (case.id, done.stderr[-3000:])
