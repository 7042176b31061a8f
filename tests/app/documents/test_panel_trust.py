"""The Documents panel with untrusted names and an index that was moved aside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from agents.documents.index import DocumentIndex
from agents.llm import OllamaService
from app.services.documents import DocumentsService
from app.widgets.documents_panel import DocumentsPanel

WAIT_MS = 60_000
ODD = os.fsdecode(b"<img src=x>caf\xe9\n.txt")


@pytest.mark.timeout(120)
def test_odd_names_are_shown_escaped_and_removed_exactly(
    qtbot: QtBot, documents: DocumentsService, docs_dir: Path
) -> None:
    (docs_dir / ODD).write_text("The soup of the day is leek.")
    os.mkfifo(docs_dir / "pipe.txt")
    panel = DocumentsPanel(documents)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(documents.indexFinished, timeout=WAIT_MS) as finished:
        panel.add_paths([docs_dir])
    assert len(finished.args[0].skipped) == 1
    assert panel.message.textFormat() == Qt.TextFormat.PlainText
    assert "1 skipped" in panel.message.text() and "FIFO" in panel.message.text()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    item = panel.tree.topLevelItem(0)
    assert item is not None and item.text(0) == "<img src=x>caf\\udce9\\u000a.txt"
    item.setSelected(True)
    assert panel.selected_paths() == [str(docs_dir / ODD)]  # exactly, not as Qt mangles it
    with qtbot.waitSignal(documents.filesChanged, timeout=WAIT_MS):
        panel.remove_selected()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 0, timeout=WAIT_MS)


@pytest.mark.timeout(180)
def test_a_moved_aside_index_offers_a_rebuild(
    qtbot: QtBot, documents: DocumentsService, data_root: Path, docs_dir: Path
) -> None:
    (docs_dir / "garden.md").write_text("# Garden\nTomatoes need six hours of sun.\n")
    index = DocumentIndex(data_root, OllamaService(documents.client.settings))
    index.sync([docs_dir])
    index.close()
    chroma = data_root / "index" / "chroma" / "chroma.sqlite3"
    chroma.write_bytes(b"\x00" * 100 + chroma.read_bytes()[100:])
    panel = DocumentsPanel(documents)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(documents.rebuildOffered, timeout=WAIT_MS) as offered:
        panel.reindex()  # re-checking opens the index: it can't be opened
    assert "unreadable-" in offered.args[0]
    assert not panel.rebuild_button.isHidden() and "moved aside" in panel.message.text()
    refreshed = DocumentsPanel(documents)  # the offer stands when the panel opens again
    qtbot.addWidget(refreshed)
    qtbot.waitUntil(lambda: not refreshed.rebuild_button.isHidden(), timeout=WAIT_MS)
    with qtbot.waitSignal(documents.indexFinished, timeout=WAIT_MS) as finished:
        panel.rebuild()
    assert finished.args[0].indexed == [str(docs_dir / "garden.md")]
    assert panel.rebuild_button.isHidden()
    assert documents.client.moved_aside() is None
