"""The rewrite dialog, the persona editor and picker, and chat transfer, offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from agents.chat.personas import PersonaLibrary
from agents.llm import OllamaService
from agents.turns.router import Router
from agents.writing.styles import RewriteSpec, Style
from app.services.writing import RewriteService
from app.widgets.persona_editor import PersonaEditorDialog
from app.widgets.persona_picker import EDIT_ITEM, PersonaPicker
from app.widgets.rewrite_dialog import RewriteDialog
from tests.agents.writing.helpers import chat_requests, framed_text
from tests.app.conftest import WindowFactory
from tests.fakes import OllamaDouble, Reply


def fix_typos(body: dict) -> Reply:  # type: ignore[type-arg]
    return Reply(text=framed_text(body).replace("teh", "the").replace("recieve", "receive"))


def test_dialog_rewrites_and_marks_the_differences(
    qtbot: QtBot, ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.set_responder("llama3.2", fix_typos)
    rewriter = RewriteService(Router(service))
    dialog = RewriteDialog(rewriter, "Did you recieve teh letter? 🙂 Yes.")
    qtbot.addWidget(dialog)
    dialog.set_style(Style.GRAMMAR)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.result_text != "", timeout=10_000)
    assert dialog.result_view.toPlainText() == "Did you receive the letter? 🙂 Yes."
    removed, added = dialog.marked_ranges()
    assert removed == ["recieve", "teh"]
    assert added == ["receive", "the"]
    assert dialog.replace_button.isEnabled() and dialog.retry_button.isEnabled()
    (body,) = chat_requests(ollama_double, "llama3.2")
    assert "Fix spelling, grammar and punctuation" in body["messages"][0]["content"]
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.result_text
    # Editing the original clears the marks: they no longer describe it.
    dialog.original_view.setPlainText("Something new.")
    assert dialog.marked_ranges() == ([], [])
    with qtbot.waitSignal(dialog.replaceRequested) as taken:
        dialog.replace_button.click()
    assert taken.args == ["Did you receive the letter? 🙂 Yes."]


def test_stop_keeps_the_partial_result_and_retry_runs_again(
    qtbot: QtBot, ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(
        "llama3.2",
        Reply(text=" ".join(["slow"] * 300), token_delay=0.02),
        Reply(text="Quick answer."),
    )
    rewriter = RewriteService(Router(service), flush_ms=10)
    dialog = RewriteDialog(rewriter, "Please rewrite me.")
    qtbot.addWidget(dialog)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: "slow slow" in dialog.result_view.toPlainText(), timeout=10_000)
    assert dialog.stop_button.isEnabled() and not dialog.start_button.isEnabled()
    assert dialog.original_view.isReadOnly()
    with qtbot.waitSignal(rewriter.stopped):
        dialog.stop_button.click()
    assert not rewriter.busy
    assert dialog.start_button.isEnabled()
    assert dialog.result_view.toPlainText().startswith("slow")
    assert "Stopped" in dialog.message.text()
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.result_text == "Quick answer.", timeout=10_000)


def test_bad_choices_are_explained_in_the_dialog(qtbot: QtBot, service: OllamaService) -> None:
    dialog = RewriteDialog(RewriteService(Router(service)), "Hello.", can_replace=False)
    qtbot.addWidget(dialog)
    assert dialog.replace_button.isHidden()
    dialog.set_style(Style.TRANSLATE)
    assert not dialog.language.isHidden()
    dialog.start_button.click()
    assert "target language" in dialog.message.text()
    assert not dialog.rewriter.busy
    dialog.original_view.setPlainText("   ")
    dialog.set_style(Style.SHORTER)
    dialog.start_button.click()
    assert "Type or paste" in dialog.message.text()


def test_failures_reach_the_dialog_as_a_clear_message(
    qtbot: QtBot, ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.remove_model("llama3.2")
    rewriter = RewriteService(Router(service))
    dialog = RewriteDialog(rewriter, "Hello.")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(rewriter.failed, timeout=10_000):
        dialog.start_button.click()
    assert "ollama pull llama3.2" in dialog.message.text()
    assert dialog.start_button.isEnabled()


def test_service_streams_partials_then_the_result(
    qtbot: QtBot, ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script("llama3.2", Reply(text="Eins zwei drei vier", token_delay=0.01))
    rewriter = RewriteService(Router(service), flush_ms=5)
    partials: list[str] = []
    rewriter.partial.connect(partials.append)
    with qtbot.waitSignal(rewriter.finished, timeout=10_000) as done:
        rewriter.rewrite("Un deux trois quatre", RewriteSpec(Style.TRANSLATE, language="German"))
    assert done.args[0].text == "Eins zwei drei vier"
    assert partials and all("Eins zwei drei vier".startswith(p) for p in partials)


def test_persona_editor_adds_edits_deletes_and_restores(qtbot: QtBot, tmp_path: Path) -> None:
    library = PersonaLibrary.in_data_dir(tmp_path)
    editor = PersonaEditorDialog(library, confirm=False)
    qtbot.addWidget(editor)
    picker = PersonaPicker(library)
    qtbot.addWidget(picker)
    editor.personasChanged.connect(picker.refresh)
    editor.new_persona()
    editor.name.setText("Chef")
    editor.prompt.setPlainText("You are a chef.")
    editor.save_button.click()
    assert picker.findText("Chef") >= 0
    chef = library.find_by_name("Chef")
    assert chef is not None and editor.selected_id == chef.id
    editor.prompt.setPlainText("You are a French chef.")
    editor.save_button.click()
    assert PersonaLibrary.in_data_dir(tmp_path).get(chef.id).prompt == "You are a French chef."  # type: ignore[union-attr]
    editor.new_persona()
    editor.name.setText("chef")
    editor.prompt.setPlainText("dup")
    editor.save_button.click()
    assert "already a persona" in editor.message.text()
    pirate_row = [p.id for p in library.personas()].index("pirate")
    editor.list.setCurrentRow(pirate_row)
    editor.delete_button.click()
    assert library.get("pirate") is None and picker.findText("Pirate") < 0
    editor.restore_button.click()
    assert library.get("pirate") is not None and picker.findText("Pirate") >= 0


def test_picker_reports_choices_and_edit_requests(qtbot: QtBot, tmp_path: Path) -> None:
    library = PersonaLibrary.in_data_dir(tmp_path)
    picker = PersonaPicker(library)
    qtbot.addWidget(picker)
    picker.set_current("teacher")
    assert picker.currentData() == "teacher"
    with qtbot.waitSignal(picker.personaChosen) as chosen:
        picker.activated.emit(picker.findData("pirate"))
    assert chosen.args[0] == "pirate" and "pirate" in chosen.args[1].lower()
    with qtbot.waitSignal(picker.editRequested):
        picker.activated.emit(picker.findData(EDIT_ITEM))
    assert picker.currentData() == "pirate"
    picker.set_current("deleted-persona")
    assert picker.currentText() == "Custom"


def test_chats_export_and_import_off_the_gui_thread(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import plain

    monkeypatch.setattr(plain, "tell", lambda *args: None)
    source, target = tmp_path / "a", tmp_path / "b"
    exporter = make_window("http://127.0.0.1:9", source)
    chat = exporter.store.create_conversation("Travel")
    exporter.store.add_message(chat.id, "user", "Hello")
    out = tmp_path / "chats.json"
    with qtbot.waitSignal(exporter.transfer.exported, timeout=10_000) as done:
        exporter.transfer.export_chats("json", everything=True, path=out)
    assert done.args == [1, str(out)]
    importer = make_window("http://127.0.0.1:9", target)
    with qtbot.waitSignal(importer.transfer.imported, timeout=10_000) as report:
        importer.transfer.import_chats(out)
    assert report.args[0].conversations_added == ["Travel"]
    assert importer.conversations.list.count() == 1
    out.write_text("{", encoding="utf-8")
    with qtbot.waitSignal(importer.transfer.failed, timeout=10_000) as failure:
        importer.transfer.import_chats(out)
    assert "damaged or incomplete" in failure.args[0]
    assert len(importer.store.list_conversations()) == 1
