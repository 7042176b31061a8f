"""The documents service and widgets: indexing with progress and cancel; answers and
summaries streamed through an EventPump into the citation view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from agents.documents.answer import Citation, DocumentAnswerer
from agents.documents.summarize import DocumentSummarizer
from app.services.documents import DocumentsService
from app.services.events import EventPump
from app.widgets.documents_citations import CitationView, citation_url
from app.widgets.documents_drop import DropChoice, DropChoiceMenu, document_paths
from app.widgets.documents_panel import DocumentsPanel
from tests.agents.documents.makers import make_pdf
from tests.fakes import OllamaDouble, Reply

WAIT_MS = 30_000


def _row(panel: DocumentsPanel, number: int) -> QTreeWidgetItem:
    item = panel.tree.topLevelItem(number)
    assert item is not None
    return item


def _notes(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"note{n:02}.txt").write_text(
            f"Harbour note {n}. " + " ".join(f"word{i}" for i in range(300)), encoding="utf-8"
        )


def test_panel_indexes_lists_and_removes(
    qtbot: QtBot, documents: DocumentsService, docs_dir: Path
) -> None:
    make_pdf(docs_dir / "lighthouse.pdf", ["Intro.", "The lamp was replaced in 1987."])
    (docs_dir / "empty.txt").touch()
    panel = DocumentsPanel(documents)
    qtbot.addWidget(panel)
    panel.show()
    progress: list[tuple[int, int]] = []
    documents.indexProgress.connect(lambda done, total, _c, _p: progress.append((done, total)))
    with qtbot.waitSignal(documents.indexFinished, timeout=WAIT_MS) as finished:
        panel.add_paths([docs_dir])
        assert panel.job.isVisible() and panel.stop_button.isVisible()
        assert not panel.add_files_button.isEnabled()
    report = finished.args[0]
    assert len(report.indexed) == 1 and len(report.failed) == 1
    assert progress[-1] == (2, 2)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not panel.job.isVisible(), timeout=WAIT_MS)
    rows = {
        _row(panel, i).text(0): _row(panel, i).text(1)
        for i in range(panel.tree.topLevelItemCount())
    }
    assert rows == {"lighthouse.pdf": "Indexed", "empty.txt": "Can't read"}
    assert (
        "1 indexed" in panel.message.text()
        and "empty.txt: the file is empty" in panel.message.text()
    )
    _row(panel, 0).setSelected(True)  # rows are sorted by path: empty.txt first
    panel.remove_selected()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    assert _row(panel, 0).text(0) == "lighthouse.pdf"


def test_stop_ends_indexing_within_a_second_and_keeps_what_is_done(
    qtbot: QtBot, documents: DocumentsService, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    _notes(docs_dir, 15)
    ollama_double.embed_delay = 0.3  # each file takes a few tenths of a second
    panel = DocumentsPanel(documents)
    qtbot.addWidget(panel)
    panel.show()
    finished: list[object] = []
    documents.indexFinished.connect(finished.append)
    assert documents.index_paths([docs_dir])
    assert not documents.index_paths([docs_dir])  # one run at a time
    # While it runs: Stop, files done of all, and the time so far.
    qtbot.waitUntil(lambda: panel.job.bar.value() >= 2, timeout=WAIT_MS)
    assert panel.job.isVisible() and panel.job.bar.maximum() == 15
    assert panel.job.detail.text().count(":") == 1  # the elapsed time, e.g. 0:03

    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert not documents.indexing and not panel.job.isVisible()
    assert panel.message.text().startswith("Stopped after ")
    assert panel.add_files_button.isEnabled()
    # The worker process lets go within a second too (the request in hand ends first).
    qtbot.waitUntil(lambda: documents.settled, timeout=1000)
    # What was finished stays indexed; the file in hand was not half-written.
    qtbot.waitUntil(lambda: len(documents.files) >= 2, timeout=WAIT_MS)
    kept = len(documents.files)
    states = {_row(panel, i).text(1) for i in range(panel.tree.topLevelItemCount())}
    assert states == {"Indexed"} and kept < 15
    assert finished == []

    # The next run picks up where the stopped one left off.
    ollama_double.embed_delay = 0.0
    with qtbot.waitSignal(documents.indexFinished, timeout=WAIT_MS) as again:
        assert documents.index_paths([docs_dir])
    assert len(again.args[0].unchanged) == kept
    qtbot.waitUntil(lambda: len(documents.files) == 15, timeout=WAIT_MS)


def test_ask_streams_answer_and_sources_into_citation_view(
    qtbot: QtBot, documents: DocumentsService, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    pdf = make_pdf(
        docs_dir / "lighthouse.pdf", ["Intro.", "The lighthouse lamp was replaced in 1987."]
    )
    with qtbot.waitSignal(documents.indexFinished, timeout=WAIT_MS):
        documents.index_paths([pdf])
    ollama_double.script("llama3.2", Reply(text="In 1987 [1].", token_delay=0.01))
    opened: list[QUrl] = []

    def opener(url: QUrl) -> bool:
        opened.append(url)
        return True

    view = CitationView(opener=opener)
    qtbot.addWidget(view)
    answers = EventPump()
    answers.sources.connect(view.set_citations)
    partials: list[str] = []
    answers.partial.connect(partials.append)
    answerer = DocumentAnswerer(documents.service, documents.client)
    question = "When was the lighthouse lamp replaced?"
    with qtbot.waitSignal(answers.finished, timeout=WAIT_MS) as finished:
        answers.start(lambda cancel: answerer.stream(question, cancel))
    assert finished.args[0].text == "In 1987 [1]."
    assert partials[-1] == "In 1987 [1]."
    assert view.list.count() == 1 and view.list.item(0).text() == "[1] lighthouse.pdf, page 2"
    assert view.passage.toPlainText() == "The lighthouse lamp was replaced in 1987."
    view.open_button.click()
    assert opened[0].toLocalFile() == str(pdf) and opened[0].fragment() == "page=2"


def test_summary_streams_with_status(
    qtbot: QtBot, documents: DocumentsService, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    path = docs_dir / "minutes.md"
    path.write_text("# Minutes\nThe council approved the budget.\n", encoding="utf-8")
    ollama_double.script("llama3.2", Reply(text="## Summary\nBudget approved."))
    summaries = EventPump()
    statuses: list[str] = []
    summaries.status.connect(statuses.append)
    summarizer = DocumentSummarizer(documents.service)
    with qtbot.waitSignal(summaries.finished, timeout=WAIT_MS) as finished:
        summaries.start(lambda cancel: summarizer.stream(path, "en", cancel))
    assert finished.args[0].text == "## Summary\nBudget approved."
    assert "Read minutes.md" in statuses


def test_summary_failure_is_reported(
    qtbot: QtBot, documents: DocumentsService, docs_dir: Path
) -> None:
    summaries = EventPump()
    summarizer = DocumentSummarizer(documents.service)
    with qtbot.waitSignal(summaries.failed, timeout=WAIT_MS) as failed:
        summaries.start(lambda cancel: summarizer.stream(docs_dir / "missing.pdf", None, cancel))
    assert "missing.pdf: the file doesn't exist" in failed.args[0].message


def test_citation_view_handles_missing_files(qtbot: QtBot, tmp_path: Path) -> None:
    view = CitationView(opener=lambda _url: True)
    qtbot.addWidget(view)
    gone = Citation(1, str(tmp_path / "gone.md"), None, "Intro", "text")
    view.set_citations([gone])
    assert view.list.item(0).text() == "[1] gone.md — Intro"
    with qtbot.waitSignal(view.openFailed) as failed:
        view.open_current()
    assert "no longer there" in failed.args[0]
    assert citation_url(gone).fragment() == ""
    view.set_citations([])
    assert view.passage.toPlainText() == "" and not view.open_button.isEnabled()


def test_drop_choice_menu(qtbot: QtBot, docs_dir: Path) -> None:
    pdf = make_pdf(docs_dir / "a.pdf", ["x"])
    exe = docs_dir / "tool.exe"
    exe.write_bytes(b"MZ")
    urls = [
        QUrl.fromLocalFile(str(pdf)),
        QUrl.fromLocalFile(str(exe)),
        QUrl("https://example.com/x.pdf"),
    ]
    assert document_paths(urls) == [pdf]
    menu = DropChoiceMenu([pdf])
    qtbot.addWidget(menu)
    assert menu.summarize_action.isEnabled() and "a.pdf" in menu.summarize_action.text()
    assert DropChoiceMenu.choice_of(menu.summarize_action) is DropChoice.SUMMARIZE
    assert DropChoiceMenu.choice_of(menu.ask_action) is DropChoice.ASK
    assert DropChoiceMenu.choice_of(None) is None
    several = DropChoiceMenu([pdf, docs_dir])
    qtbot.addWidget(several)
    assert not several.summarize_action.isEnabled()


def test_dropping_files_on_the_panel_indexes_them(
    qtbot: QtBot, documents: DocumentsService, docs_dir: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt
    from PySide6.QtGui import QDropEvent

    note = docs_dir / "dropped.md"
    note.write_text("# Dropped\nA dropped note about kayaks.\n", encoding="utf-8")
    panel = DocumentsPanel(documents)
    qtbot.addWidget(panel)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(note))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(documents.indexFinished, timeout=WAIT_MS) as finished:
        panel.dropEvent(event)
    assert finished.args[0].indexed == [str(note)]
