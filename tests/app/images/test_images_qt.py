"""Qt side of images: drag and drop, paste, the attachment strip, thumbnails, the viewer's
box overlay and the chart table dialog (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from agents.attachments import ImageRef, SummaryRequest
from agents.images import ImageStore, prepare_image
from agents.images.chart import ChartTable
from agents.images.grounding import Box, Grounding
from agents.llm import OllamaService
from agents.settings import Settings
from agents.turns.router import Router
from app.services.images import (
    ImageAttachmentController,
    ImageIntake,
    ImageTaskService,
    image_loader_for,
)
from app.widgets.image_attachments import (
    AttachImageButton,
    ImageAttachmentStrip,
    ImageDropOverlay,
)
from app.widgets.image_chart import ChartTableDialog
from app.widgets.image_thumbnail import MessageImages, MessageImageThumbnail
from app.widgets.image_viewer import ImageViewer
from tests.agents.images.pictures import (
    bar_chart,
    encode,
    find_colour,
    images_in,
    photo,
    png_header_only,
    read_bar_chart,
    square_scene,
    two_halves,
)
from tests.fakes import OllamaDouble, Reply


@pytest.fixture
def store(tmp_path: Path) -> ImageStore:
    return ImageStore(tmp_path / "images")


@pytest.fixture
def composer(qtbot: QtBot, store: ImageStore) -> Iterator[tuple[QPlainTextEdit, Any, Any, Any]]:
    """A text box with the controller installed and a strip showing the intake."""
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    intake = ImageIntake(store)
    controller = ImageAttachmentController(intake)
    controller.install(edit)
    strip = ImageAttachmentStrip()
    qtbot.addWidget(strip)
    strip.connect_intake(intake)
    edit.show()
    yield edit, intake, controller, strip
    intake.deleteLater()


def drop(widget: QPlainTextEdit, mime: QMimeData) -> QDropEvent:
    target = widget.viewport()
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    return event


def press_paste(widget: QPlainTextEdit) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier, "v")
        )


def test_dropping_image_files_attaches_them(
    qtbot: QtBot, composer: Any, store: ImageStore, tmp_path: Path
) -> None:
    edit, intake, _, strip = composer
    first, second = tmp_path / "beach.jpg", tmp_path / "map.png"
    first.write_bytes(photo(3000, 2000))
    second.write_bytes(encode(two_halves(200, 100)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])

    event = drop(edit, mime)

    assert event.isAccepted()
    assert intake.busy  # the work runs off the GUI thread
    qtbot.waitUntil(lambda: len(strip.images()) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not intake.busy)
    names = sorted(i.name for i in strip.images())
    assert names == ["beach.jpg", "map.png"]
    for image in strip.images():
        assert store.has(image.sha256)
        assert max(image.width, image.height) <= 1120
    assert edit.toPlainText() == ""  # no file path pasted into the text
    assert strip.isVisible()
    assert [a.kind for a in strip.attachments()] == ["image", "image"]


def test_hostile_drops_give_clear_messages_and_the_app_keeps_working(
    qtbot: QtBot, composer: Any, tmp_path: Path
) -> None:
    edit, intake, _, strip = composer
    cases = {
        "bomb.png": png_header_only(100_000, 100_000),
        "empty.jpg": b"",
        "cut.jpg": photo(400, 300)[:2000],
        "letter.png": b"Dear Sir, this is not a picture.",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        with qtbot.waitSignal(intake.failed, timeout=10_000) as failed:
            drop(edit, mime)
        message: str = failed.args[0].message
        assert name in message
        assert strip.status.text() == message
    assert strip.images() == []
    good = tmp_path / "fine.png"
    good.write_bytes(encode(two_halves(50, 50)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    with qtbot.waitSignal(intake.prepared, timeout=10_000):
        drop(edit, mime)
    assert [i.name for i in strip.images()] == ["fine.png"]


def test_dropping_raw_image_data_attaches_it(qtbot: QtBot, composer: Any) -> None:
    edit, intake, _, _ = composer
    mime = QMimeData()
    mime.setData("image/png", encode(two_halves(80, 40)))
    with qtbot.waitSignal(intake.prepared, timeout=10_000) as prepared:
        drop(edit, mime)
    assert prepared.args[0].name == "pasted image"
    assert (prepared.args[0].width, prepared.args[0].height) == (80, 40)


def test_text_drops_are_left_to_the_text_box(qtbot: QtBot, composer: Any) -> None:
    edit, intake, controller, _ = composer
    mime = QMimeData()
    mime.setText("just words")
    assert not controller.accept(mime)
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert controller.eventFilter(edit.viewport(), event) is False
    assert not intake.busy


def test_pasting_an_image_attaches_it(qtbot: QtBot, composer: Any) -> None:
    edit, intake, _, strip = composer
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 200, 0))
    QGuiApplication.clipboard().setImage(image)
    edit.setFocus()

    with qtbot.waitSignal(intake.prepared, timeout=10_000) as prepared:
        press_paste(edit)

    result = prepared.args[0]
    assert (result.width, result.height) == (120, 60)
    assert result.mime == "image/png"
    assert edit.toPlainText() == ""
    assert [i.sha256 for i in strip.images()] == [result.sha256]


def test_pasting_text_still_pastes_text(qtbot: QtBot, composer: Any) -> None:
    edit, intake, _, _ = composer
    QGuiApplication.clipboard().setText("hello there")
    edit.setFocus()
    press_paste(edit)
    assert edit.toPlainText() == "hello there"
    assert not intake.busy


def test_strip_remove_button_and_clear(qtbot: QtBot) -> None:
    strip = ImageAttachmentStrip()
    qtbot.addWidget(strip)
    strip.show()
    one = prepare_image(encode(two_halves(30, 30)), "one.png")
    two = prepare_image(photo(40, 40), "two.jpg")
    strip.add(one)
    strip.add(two)
    strip.add(one)  # the same picture twice is attached once
    assert [i.name for i in strip.images()] == ["one.png", "two.jpg"]

    with qtbot.waitSignal(strip.changed):
        strip._chips[one.sha256].remove_button.click()

    assert [i.name for i in strip.images()] == ["two.jpg"]
    strip.clear()
    assert strip.images() == [] and strip.isHidden()


def test_message_thumbnail_opens_the_full_size_viewer(qtbot: QtBot, store: ImageStore) -> None:
    prepared = prepare_image(encode(two_halves(600, 300)), "halves.png")
    store.put(prepared.data)
    row = MessageImages(store, [prepared.attachment(), SummaryRequest("/x.pdf")])
    qtbot.addWidget(row)
    row.show()
    (thumb,) = row.thumbnails

    with qtbot.waitSignal(thumb.opened) as opened:
        qtbot.mouseClick(thumb, Qt.MouseButton.LeftButton)

    viewer = opened.args[0]
    qtbot.addWidget(viewer)
    assert viewer.isVisible()
    assert "halves.png" in viewer.windowTitle()
    assert image_loader_for(store)(prepared.attachment()) == prepared.data


def test_missing_image_shows_a_placeholder(qtbot: QtBot, store: ImageStore) -> None:
    thumb = MessageImageThumbnail(store, ImageRef("a" * 64, "gone.png"))
    qtbot.addWidget(thumb)
    assert thumb.missing and not thumb.isEnabled()
    assert image_loader_for(store)(ImageRef("a" * 64)) is None


def test_viewer_draws_the_box_over_the_image(qtbot: QtBot) -> None:
    data = encode(two_halves(400, 200))
    viewer = ImageViewer(data, "halves.png")
    qtbot.addWidget(viewer)
    viewer.resize(500, 400)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.show_grounding(Grounding("the red half", True, "red half", Box(0.05, 0.1, 0.45, 0.9)))
    canvas = viewer.canvas
    rect = canvas.box_rect()
    assert rect is not None
    shot = canvas.grab().toImage()
    edge = shot.pixelColor(int(rect.center().x()), int(rect.top()) + 1)
    assert edge.red() > 200 and edge.blue() > 100 and edge.green() < 120  # the pink box
    inside = shot.pixelColor(int(rect.center().x()), int(rect.center().y()))
    assert (inside.red(), inside.green(), inside.blue()) == (255, 0, 0)
    viewer.show_grounding(Grounding("a dog", False))
    assert canvas.box is None and "Couldn't find a dog" in viewer.status.text()


def cell(grid: Any, row: int, column: int) -> str:
    item = grid.item(row, column)
    assert item is not None
    return str(item.text())


def chart_table() -> ChartTable:
    return ChartTable.model_validate(
        {
            "title": "Sales",
            "x_label": "Month",
            "categories": ["Jan", "Feb", "Mar"],
            "series": [
                {"name": "North", "values": [10, 40, 20]},
                {"name": "South", "values": [5, None, 30]},
            ],
        }
    )


def test_chart_dialog_shows_table_plot_and_copies_csv(qtbot: QtBot) -> None:
    table = chart_table()
    dialog = ChartTableDialog(table, bar_chart([10, 40, 20]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    grid = dialog.grid
    headers = [grid.horizontalHeaderItem(c) for c in range(3)]
    assert [h.text() for h in headers if h is not None] == ["Month", "North", "South"]
    cells = [[cell(grid, r, c) for c in range(3)] for r in range(3)]
    assert cells == [["Jan", "10", "5"], ["Feb", "40", ""], ["Mar", "20", "30"]]
    assert dialog.original is not None and "Sales" in dialog.windowTitle()

    bars = dialog.plot.bar_rects()
    north = [r.height() for r in bars[0] if r is not None]
    assert north[1] == pytest.approx(north[0] * 4, rel=0.05)
    assert north[2] == pytest.approx(north[0] * 2, rel=0.05)
    assert bars[1][1] is None
    shot = dialog.plot.grab().toImage()
    first = bars[0][0]
    assert first is not None
    colour = shot.pixelColor(int(first.center().x()), int(first.center().y()))
    assert (colour.red(), colour.green(), colour.blue()) == (31, 119, 180)

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == table.to_csv()
    assert QGuiApplication.clipboard().text().startswith("Month,North,South\nJan,10,5\n")


# -- vision tasks through the double ------------------------------------------------------
@pytest.fixture
def tasks(ollama_double: OllamaDouble, store: ImageStore) -> Iterator[ImageTaskService]:
    service = OllamaService(Settings(ollama_host=ollama_double.url, read_timeout=20.0))
    task_service = ImageTaskService(Router(service, images=store), store)
    yield task_service
    task_service.cancel()


def test_viewer_find_runs_off_thread_and_draws_the_answer(
    qtbot: QtBot, ollama_double: OllamaDouble, store: ImageStore, tasks: ImageTaskService
) -> None:
    orange = (250, 140, 0)
    prepared = prepare_image(square_scene((800, 600), (400, 300, 599, 449), orange))
    store.put(prepared.data)

    def grounder(body: dict[str, Any]) -> Reply:
        (image,) = images_in(body)
        return Reply(
            text=json.dumps({"found": True, "label": "cat", "box": find_colour(image, orange)})
        )

    ollama_double.script("llama3.2-vision", grounder)
    viewer = ImageViewer(prepared.data, "garden.png", sha256=prepared.sha256, tasks=tasks)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.query.setText("the cat")

    with qtbot.waitSignal(tasks.groundingReady, timeout=10_000):
        qtbot.mouseClick(viewer.find_button, Qt.MouseButton.LeftButton)
        assert tasks.busy and not viewer.find_button.isEnabled()

    box = viewer.canvas.box
    assert box is not None
    assert (box.x0, box.y0, box.x1, box.y1) == pytest.approx((0.5, 0.5, 0.75, 0.75), abs=0.01)
    assert viewer.status.text() == "Found: cat"
    qtbot.waitUntil(lambda: viewer.find_button.isEnabled())


def test_viewer_chart_to_table_opens_the_dialog(
    qtbot: QtBot, ollama_double: OllamaDouble, store: ImageStore, tasks: ImageTaskService
) -> None:
    prepared = prepare_image(bar_chart([25, 75, 50]), "chart.png")
    store.put(prepared.data)

    def reader(body: dict[str, Any]) -> Reply:
        (image,) = images_in(body)
        values = [round(v) for v in read_bar_chart(image, 3)]
        table = {"categories": ["A", "B", "C"], "series": [{"name": "n", "values": values}]}
        return Reply(text=json.dumps(table))

    ollama_double.script("llama3.2-vision", Reply(text="not json"), reader)
    viewer = ImageViewer(prepared.data, "chart.png", sha256=prepared.sha256, tasks=tasks)
    qtbot.addWidget(viewer)
    viewer.show()

    with qtbot.waitSignal(tasks.chartReady, timeout=10_000) as ready:
        viewer.chart_button.click()

    assert ready.args[1].to_csv() == "Category,n\nA,25\nB,75\nC,50\n"
    qtbot.waitUntil(lambda: viewer.findChild(ChartTableDialog) is not None)
    dialog = viewer.findChild(ChartTableDialog)
    assert dialog is not None and cell(dialog.grid, 1, 1) == "75"


def slow_reply(pieces: int = 3000, delay: float = 0.05) -> Reply:
    """A reply that streams for minutes, one piece every ``delay`` seconds."""
    return Reply(tokens=['{"rows": ['] + ['"x", '] * pieces, token_delay=delay)


@pytest.mark.parametrize("task", ["find", "chart"])
def test_stop_ends_find_and_chart_within_a_second(
    qtbot: QtBot, ollama_double: OllamaDouble, store: ImageStore, tasks: ImageTaskService, task: str
) -> None:
    prepared = prepare_image(bar_chart([25, 75, 50]), "chart.png")
    store.put(prepared.data)
    ollama_double.set_responder("llama3.2-vision", lambda _body: slow_reply())
    viewer = ImageViewer(prepared.data, "chart.png", sha256=prepared.sha256, tasks=tasks)
    qtbot.addWidget(viewer)
    viewer.show()
    assert not viewer.job.isVisible()
    if task == "find":
        viewer.query.setText("the tallest bar")
        viewer.find_button.click()
    else:
        viewer.chart_button.click()

    # While it runs: Stop, the attempt, the tokens so far and the time are shown.
    qtbot.waitUntil(lambda: "token" in viewer.job.detail.text(), timeout=10_000)
    assert viewer.job.isVisible() and viewer.stop_button.isVisible()
    assert "attempt 1 of 3" in viewer.job.detail.text()
    assert viewer.job.detail.text().endswith(("0:00", "0:01", "0:02"))
    (request,) = ollama_double.requests_to("/api/chat")
    images_before = sorted(p.name for p in store.directory.rglob("*") if p.is_file())

    started = time.monotonic()
    viewer.stop_button.click()
    assert not tasks.busy and not viewer.job.isVisible()
    assert viewer.status.text() == "Stopped. Nothing was kept from that task."
    assert viewer.find_button.isEnabled() and viewer.chart_button.isEnabled()
    # The model's stream is closed too, within a second: Ollama stops generating.
    assert request.finished.wait(1.0) and request.disconnected
    assert time.monotonic() - started < 1.0
    qtbot.wait(300)  # nothing late arrives, nothing is kept
    assert viewer.status.text() == "Stopped. Nothing was kept from that task."
    assert sorted(p.name for p in store.directory.rglob("*") if p.is_file()) == images_before
    assert len(ollama_double.requests_to("/api/chat")) == 1


def test_missing_vision_model_offers_a_pull(
    qtbot: QtBot, ollama_double: OllamaDouble, store: ImageStore, tasks: ImageTaskService
) -> None:
    ollama_double.remove_model("llama3.2-vision")
    sha = store.put(prepare_image(bar_chart([1, 2, 3])).data)

    missing: list[str] = []
    tasks.modelMissing.connect(missing.append)
    with qtbot.waitSignal(tasks.failed, timeout=10_000) as failed:
        tasks.chart_to_table(sha)

    assert missing == ["llama3.2-vision"]
    assert "ollama pull llama3.2-vision" in failed.args[0].message
    qtbot.waitUntil(lambda: not tasks.busy)


def test_drop_hint_shows_while_dragging_and_follows_the_size(
    qtbot: QtBot, composer: Any, tmp_path: Path
) -> None:
    edit, intake, controller, _ = composer
    overlay = ImageDropOverlay(edit)
    controller.dragActive.connect(overlay.setActive)
    edit.resize(400, 300)
    path = tmp_path / "p.png"
    path.write_bytes(encode(two_halves(20, 20)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])

    QApplication.sendEvent(
        edit.viewport(),
        QDragEnterEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert overlay.isVisible() and overlay.size() == edit.size()
    edit.resize(500, 350)
    qtbot.waitUntil(lambda: overlay.size() == edit.size())
    with qtbot.waitSignal(intake.prepared, timeout=10_000):
        drop(edit, mime)
    assert not overlay.isVisible()


def test_attach_button_sends_chosen_files_to_the_intake(
    qtbot: QtBot, store: ImageStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chosen.jpg"
    path.write_bytes(photo(300, 200))
    intake = ImageIntake(store)
    button = AttachImageButton(intake)
    qtbot.addWidget(button)
    monkeypatch.setattr(
        "app.widgets.image_attachments.QFileDialog.getOpenFileNames",
        lambda *args, **kwargs: ([str(path)], ""),
    )
    with qtbot.waitSignal(intake.prepared, timeout=10_000) as prepared:
        button.click()
    assert prepared.args[0].name == "chosen.jpg"


def test_images_survive_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    prepared = prepare_image(photo(500, 400), "kept.jpg")
    ImageStore(tmp_path / "images").put(prepared.data)
    reopened = ImageStore(tmp_path / "images")  # a new process, the same data folder
    row = MessageImages(reopened, [prepared.attachment()])
    qtbot.addWidget(row)
    (thumb,) = row.thumbnails
    assert not thumb.missing
    assert not thumb.icon().isNull()
