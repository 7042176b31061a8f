"""The chat window end to end against the Ollama double (offscreen Qt)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import plain
from app.main_window import MainWindow
from tests.app.conftest import WindowFactory
from tests.fakes import OllamaDouble, Reply


def type_and_send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.composer.edit.setFocus()
    QTest.keyClicks(window.composer.edit, text)
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)


def last_answer(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.chats.conversation_id
    return window.store.messages(window.chats.conversation_id)[-1]


def test_tokens_stream_into_the_window(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    words = [f"w{i} " for i in range(30)]
    ollama_double.script("llama3.2", Reply(tokens=["**Hi** ", *words], token_delay=0.02))
    type_and_send(qtbot, window, "hello there")
    assert window.composer.text == ""
    # Part of the answer is on screen while the rest is still coming.
    qtbot.waitUntil(lambda: "w3" in window.chat.view(window.chat.message_ids()[-1]).text)
    assert window.session.busy
    assert window.composer.button.text() == "Stop"
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    view = window.chat.view(window.chat.message_ids()[-1])
    assert view is not None
    assert "<b>Hi</b>" in view.body.text() or "<strong>Hi</strong>" in view.body.text()
    answer = last_answer(window)
    assert answer.status == "complete"
    assert answer.content == "**Hi** " + "".join(words)
    assert answer.stats and answer.stats["output_tokens"] > 0
    assert "token" in view.header.toolTip()
    messages = window.store.messages(window.chats.conversation_id or "")
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[0].content == "hello there"
    # The chat got a title from the first message.
    conversation = window.store.get_conversation(window.chats.conversation_id or "")
    assert conversation is not None and conversation.title == "hello there"


def test_shift_enter_adds_a_line(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.edit.setFocus()
    QTest.keyClicks(window.composer.edit, "one")
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(window.composer.edit, "two")
    assert window.composer.text == "one\ntwo"
    assert window.chats.conversation_id is None or not window.store.messages(
        window.chats.conversation_id
    )


@pytest.mark.parametrize("how", ["escape", "button"])
def test_stop_keeps_the_partial_answer_and_the_question(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, how: str
) -> None:
    ollama_double.script("llama3.2", Reply(text="tick " * 400, token_delay=0.03))
    type_and_send(qtbot, window, "count for me")
    qtbot.waitUntil(lambda: window.session.active_text.count("tick") >= 3)
    started = time.monotonic()
    if how == "escape":
        QTest.keyClick(window.chat, Qt.Key.Key_Escape)
    else:
        window.composer.button.click()
    assert not window.session.busy
    assert time.monotonic() - started < 0.5
    answer = last_answer(window)
    assert answer.status == "interrupted"
    assert answer.content.startswith("tick tick tick")
    assert answer.content.count("tick") < 400
    question = window.store.messages(window.chats.conversation_id or "")[0]
    assert question.content == "count for me"
    view = window.chat.view(answer.id)
    assert view is not None and view.note.isVisible()
    assert view.text == answer.content
    # The stream was closed: the double saw the client go away.
    qtbot.waitUntil(lambda: ollama_double.requests_to("/api/chat")[-1].finished.is_set())


def test_ollama_down_at_start_then_up(qtbot: QtBot, make_window: WindowFactory) -> None:
    double = OllamaDouble().start()
    url = double.url
    double.stop()
    try:
        w = make_window(url)
        qtbot.waitUntil(lambda: w.status.state == "unreachable", timeout=5000)
        assert w.banner.isVisible()
        assert "ollama serve" in w.banner.label.text()
        double.start()
        qtbot.waitUntil(lambda: w.status.state == "connected", timeout=5000)
        qtbot.waitUntil(lambda: not w.banner.isVisible(), timeout=5000)
        assert w.models.count() > 2
    finally:
        double.stop()


def test_unknown_model_is_pulled_with_progress(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    ollama_double.remove_model("llama3.2")
    ollama_double.set_pull("llama3.2", steps=5, delay=0.02)
    w = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: w.banner.action == "pull:llama3.2", timeout=5000)
    w.banner.button.click()
    dialog = w.server.pull_dialog
    assert dialog is not None
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    qtbot.waitUntil(lambda: dialog.result_state == "done", timeout=5000)
    assert any(0 < v < 1000 for v in values)
    qtbot.waitUntil(lambda: w.monitor.has_model("llama3.2"), timeout=5000)
    qtbot.waitUntil(lambda: not w.banner.isVisible(), timeout=5000)
    assert ollama_double.requests_to("/api/pull")


def test_server_dies_mid_answer_then_retry(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(text="first part of the answer and more", close_after=4))
    type_and_send(qtbot, window, "tell me")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    broken = last_answer(window)
    assert broken.status == "interrupted"
    assert broken.content == "first part of the"
    assert broken.error and "Retry" in broken.error
    view = window.chat.view(broken.id)
    assert view is not None and "dropped" in view.note.text()
    assert view.retry_button.isVisible()
    view.retry_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    fixed = last_answer(window)
    assert fixed.status == "complete"
    assert fixed.content == "You said: tell me"
    # The broken answer stays as the first version; the new one is shown.
    roles = [m.role for m in window.store.messages(window.chats.conversation_id or "")]
    assert roles == ["user", "assistant", "assistant"]
    path = window.store.active_path(fixed.conversation_id)
    assert window.chat.message_ids() == [m.id for m in path] == [path[0].id, fixed.id]
    assert window.chat.view(fixed.id).version_label.text() == "2/2"  # type: ignore[union-attr]


def test_unknown_model_while_chatting_offers_a_pull(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.chats.new_chat()
    window.store.update_conversation(window.chats.conversation_id or "", model="mistral")
    type_and_send(qtbot, window, "hi")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert last_answer(window).status == "error"
    assert window.banner.action == "pull:mistral"
    assert window.store.messages(window.chats.conversation_id or "")[0].content == "hi"


def test_restart_restores_conversations_exactly(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble, data_root: Path
) -> None:
    first = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: first.status.state == "connected", timeout=5000)
    for text in ("first chat", "second chat"):
        first.chats.new_chat()
        type_and_send(qtbot, first, text)
        qtbot.waitUntil(lambda: not first.session.busy, timeout=5000)
    before = {c.id: (c, first.store.messages(c.id)) for c in first.store.list_conversations()}
    first.close()
    first.store.close()
    second = make_window(ollama_double.url, root=data_root)
    after = {c.id: (c, second.store.messages(c.id)) for c in second.store.list_conversations()}
    assert after == before
    assert second.conversations.list.count() == 2
    # The newest chat is open again, with its messages on screen.
    assert second.chats.conversation_id == second.store.list_conversations()[0].id
    assert len(second.chat.message_ids()) == 2


def test_links_open_only_after_confirmation(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "app.controllers.chat.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
    )
    monkeypatch.setattr(plain, "ask", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.chats.confirm_link("https://example.org/x")
    assert opened == []
    monkeypatch.setattr(plain, "ask", lambda *a, **k: QMessageBox.StandardButton.Open)
    window.chats.confirm_link("https://example.org/x")
    assert opened == ["https://example.org/x"]
    monkeypatch.setattr(plain, "tell", lambda *a, **k: None)
    assert not window.chats.confirm_link("file:///etc/passwd")
    assert opened == ["https://example.org/x"]


def test_conversations_new_rename_search_delete(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_and_send(qtbot, window, "apples are red")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_and_send(qtbot, window, "bananas are yellow")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert window.conversations.list.count() == 2
    monkeypatch.setattr(
        "app.widgets.conversation_list.QInputDialog.getText", lambda *a, **k: ("Fruit", True)
    )
    window.conversations.rename(window.chats.conversation_id or "")
    assert window.windowTitle() == "Fruit — Hearth"
    assert window.store.get_conversation(window.chats.conversation_id or "").title == "Fruit"  # type: ignore[union-attr]
    window.conversations.search.setText("apples")
    qtbot.waitUntil(lambda: window.conversations.list.count() == 1)
    window.conversations.search.clear()
    qtbot.waitUntil(lambda: window.conversations.list.count() == 2)
    monkeypatch.setattr(plain, "ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    doomed = window.chats.conversation_id or ""
    window.conversations.delete(doomed)
    assert window.store.get_conversation(doomed) is None
    assert window.conversations.list.count() == 1
    assert window.chats.conversation_id != doomed


def test_code_blocks_have_a_copy_button(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(text="Here:\n\n```python\nprint('hi')\n```\n"))
    type_and_send(qtbot, window, "code please")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    view = window.chat.view(last_answer(window).id)
    assert view is not None
    (block,) = view.code_blocks()
    qtbot.mouseClick(block.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "print('hi')\n"


def test_slow_model_load_shows_loading(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)  # warmed up
    qtbot.waitUntil(lambda: bool(window.service.loaded_models()), timeout=5000)
    ollama_double.expire()  # Ollama unloaded it after keep_alive
    ollama_double.script("llama3.2", Reply(text="ready now", first_token_delay=0.8))
    type_and_send(qtbot, window, "wake up")
    qtbot.waitUntil(lambda: window.status.state == "loading", timeout=3000)
    answer_id = window.session.active_message_id
    assert answer_id is not None
    view = window.chat.view(answer_id)
    assert view is not None and "Loading" in view.note.text()
    # The window stays responsive while the model loads: events are processed.
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=1000)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert window.status.state == "connected"
    assert last_answer(window).content == "ready now"


def test_settings_apply_a_new_host(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, data_root: Path
) -> None:
    from app.widgets.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window)
    host = dialog.findChild(object, "setting_ollama_host")
    host.setText("127.0.0.1:9")  # type: ignore[union-attr]
    ctx = dialog.findChild(object, "setting_num_ctx")
    ctx.setValue(4096)  # type: ignore[union-attr]
    new = dialog.values()
    assert new.num_ctx == 4096 and new.ollama_host == "127.0.0.1:9"
    window.apply_settings(new)
    qtbot.waitUntil(lambda: window.status.state == "unreachable", timeout=5000)
    window.apply_settings(dataclasses_replace(new, ollama_host=ollama_double.url))
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)


def dataclasses_replace(obj, **changes):  # type: ignore[no-untyped-def]
    import dataclasses

    return dataclasses.replace(obj, **changes)


def test_chat_model_is_warmed_up_when_ollama_is_found(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    def warmed() -> bool:
        return any(
            r.body and r.body.get("messages") == [] and r.num_ctx == window.settings.num_ctx
            for r in ollama_double.requests_to("/api/chat")
        )

    qtbot.waitUntil(warmed, timeout=5000)
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)


def test_feature_tabs_are_built_when_first_shown(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.mail_calendar.mail_tab.built and not window.documents.tab.built
    window.views.show_view(window.mail_calendar.mail_tab)
    assert window.mail_calendar.mail_tab.built and window.mail_calendar.mail is not None
    window.views.show_view(window.documents.tab)
    assert window.documents.tab.built and window.documents.panel.isVisible()
    window.views.show_view(window.mail_calendar.calendar_tab)
    assert window.mail_calendar.calendar_panel is not None


def test_guard_on_without_its_model_offers_the_download(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    import dataclasses

    ollama_double.remove_model("llama-guard3:1b")
    window.apply_settings(dataclasses.replace(window.settings, guard_enabled=True))
    qtbot.waitUntil(lambda: window.banner.action == "pull:llama-guard3:1b", timeout=5000)
    assert "Llama Guard" in window.banner.label.text()
    # A message is not sent unchecked: the turn fails with how to get the model.
    type_and_send(qtbot, window, "hello")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    answer = last_answer(window)
    assert answer.status == "error" and "ollama pull llama-guard3" in (answer.error or "")
    assert all(
        r.model != "llama3.2:latest" or not r.body.get("messages")
        for r in ollama_double.requests_to("/api/chat")
    )


def test_guard_blocks_an_unsafe_message_before_the_chat_model(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    import dataclasses

    window.apply_settings(dataclasses.replace(window.settings, guard_enabled=True))
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)
    ollama_double.script("llama-guard3:1b", Reply(text="unsafe\nS1"))
    before = len(
        [
            r
            for r in ollama_double.requests_to("/api/chat")
            if r.body.get("messages") and r.model == "llama3.2:latest"
        ]
    )
    type_and_send(qtbot, window, "something violent")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    answer = last_answer(window)
    assert answer.status == "error" and "S1" in (answer.error or "")
    after = len(
        [
            r
            for r in ollama_double.requests_to("/api/chat")
            if r.body.get("messages") and r.model == "llama3.2:latest"
        ]
    )
    assert after == before  # the chat model never saw it


def test_a_long_session_streams_thousands_of_updates(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    """Many turns with long answers: every repaint path runs thousands of times."""
    words = [f"word{i} " for i in range(600)]
    for turn in range(8):
        ollama_double.script("llama3.2", Reply(tokens=words, token_delay=0.0005))
        type_and_send(qtbot, window, f"turn {turn}")
        qtbot.waitUntil(lambda: not window.session.busy, timeout=20000)
    messages = window.store.messages(window.chats.conversation_id or "")
    assert len(messages) == 16
    assert all(m.status == "complete" for m in messages)
    assert messages[-1].content == "".join(words)


def test_a_long_chat_opens_on_its_latest_messages(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    from app.widgets.chat_view import PAGE

    conversation = window.store.create_conversation("long")
    for i in range(PAGE + 12):
        window.store.add_message(conversation.id, "user" if i % 2 == 0 else "assistant", f"m{i}")
    window.conversations.select(conversation.id)
    stored = [m.id for m in window.store.messages(conversation.id)]
    shown = window.chat.message_ids()  # the latest: a page, or those that fill the view
    assert 0 < len(shown) <= PAGE and shown == stored[-len(shown) :]
    assert window.chat.earlier_button.isVisible()
    while window.chat.earlier_button.isVisible():
        window.chat.earlier_button.click()
    assert window.chat.message_ids() == stored
    # A new turn appends at the bottom; Retry shows on every answer, Edit on every question.
    window.chat.show_messages(window.store.messages(conversation.id))
    type_and_send(qtbot, window, "and now?")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    shown = window.chat.message_ids()
    assert shown == [m.id for m in window.store.messages(conversation.id)][-len(shown) :]
    views = [window.chat.view(mid) for mid in shown]
    assert all(
        v.retry_button.isVisibleTo(window) == (v.role == "assistant")  # type: ignore[union-attr]
        and v.edit_button.isVisibleTo(window) == (v.role == "user")  # type: ignore[union-attr]
        for v in views
    )


def test_first_start_offers_the_default_persona(window: MainWindow) -> None:
    assert window.persona_picker.current_persona == window.personas.default().id


def sent_history(double: OllamaDouble) -> list[tuple[str, str]]:
    """The conversation the chat model received in its latest request (no system prompt)."""
    chats = [r for r in double.requests_to("/api/chat") if r.body and r.body.get("messages")]
    return [(m["role"], m["content"]) for m in chats[-1].body["messages"] if m["role"] != "system"]


def ask(qtbot: QtBot, window: MainWindow, text: str) -> None:
    type_and_send(qtbot, window, text)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)


def shown_texts(window: MainWindow) -> list[str]:
    return [window.chat.view(mid).text for mid in window.chat.message_ids()]  # type: ignore[union-attr]


def test_retry_keeps_the_earlier_answer_and_switching_changes_what_is_sent(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(text="Paris."), Reply(text="And Lyon."))
    ask(qtbot, window, "capital of France?")
    ask(qtbot, window, "another city?")
    first_answer = window.store.active_path(window.chats.conversation_id or "")[1]
    # Retry on an answer that is not the last: a new version, the rest kept aside.
    ollama_double.script("llama3.2", Reply(text="Paris, on the Seine."))
    window.chat.view(first_answer.id).retry_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert sent_history(ollama_double) == [("user", "capital of France?")]
    assert shown_texts(window) == ["capital of France?", "Paris, on the Seine."]
    assert len(window.store.messages(window.chats.conversation_id or "")) == 5
    retried = window.chat.view(window.chat.message_ids()[-1])
    assert retried is not None and retried.versions.isVisible()
    assert retried.version_label.text() == "2/2"
    assert not retried.next_button.isEnabled()
    # The next question goes on from the version shown.
    ask(qtbot, window, "is it big?")
    assert sent_history(ollama_double)[:-1] == [
        ("user", "capital of France?"),
        ("assistant", "Paris, on the Seine."),
    ]
    # Back to the first version: its branch comes back as it was, and continues.
    window.chat.view(retried.message_id).previous_button.click()  # type: ignore[union-attr]
    assert shown_texts(window) == ["capital of France?", "Paris.", "another city?", "And Lyon."]
    assert window.chat.view(first_answer.id).version_label.text() == "1/2"  # type: ignore[union-attr]
    ask(qtbot, window, "which is bigger?")
    assert sent_history(ollama_double) == [
        ("user", "capital of France?"),
        ("assistant", "Paris."),
        ("user", "another city?"),
        ("assistant", "And Lyon."),
        ("user", "which is bigger?"),
    ]


def test_edit_makes_a_new_version_of_any_question(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ask(qtbot, window, "whta is teh time")
    ask(qtbot, window, "and the date?")
    question = window.store.active_path(window.chats.conversation_id or "")[0]
    view = window.chat.view(question.id)
    assert view is not None and view.edit_button.isVisible()
    view.edit_button.click()
    assert view.editor is not None and view.editor.box.hasFocus()
    assert view.editor.box.toPlainText() == "whta is teh time"
    # Esc gives up, and does nothing else.
    QTest.keyClick(view.editor.box, Qt.Key.Key_Escape)
    assert view.editor.isHidden() and view.body.isVisible()
    assert len(window.store.messages(window.chats.conversation_id or "")) == 4
    view.edit_button.click()
    view.editor.box.selectAll()
    QTest.keyClicks(view.editor.box, "what is the time")
    QTest.keyClick(view.editor.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert sent_history(ollama_double) == [("user", "what is the time")]
    assert shown_texts(window) == ["what is the time", "You said: what is the time"]
    assert len(window.store.messages(window.chats.conversation_id or "")) == 6
    edited = window.chat.view(window.chat.message_ids()[0])
    assert edited is not None and edited.version_label.text() == "2/2"
    assert window.composer.text == ""  # the message box is left alone


def test_versions_are_switched_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ask(qtbot, window, "hello")
    window.chats.retry()  # Ctrl+R
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    answer = window.chat.view(window.chat.message_ids()[-1])
    assert answer is not None
    switcher = answer.previous_button
    assert switcher.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert switcher.accessibleName() == "Previous version"
    assert answer.next_button.accessibleName() == "Next version"
    assert answer.version_label.accessibleName() == "Version 2 of 2"
    switcher.setFocus()
    QTest.keyClick(switcher, Qt.Key.Key_Space)
    first = window.chat.view(window.chat.message_ids()[-1])
    assert first is not None and first is not answer
    assert first.version_label.text() == "1/2"
    # The focus stays on the switcher of the version now shown.
    assert first.next_button.hasFocus()


def test_versions_survive_a_restart(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble, data_root: Path
) -> None:
    first = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: first.status.state == "connected", timeout=5000)
    ollama_double.script("llama3.2", Reply(text="one"), Reply(text="two"))
    ask(qtbot, first, "count")
    first.chats.retry()
    qtbot.waitUntil(lambda: not first.session.busy, timeout=5000)
    first.chat.view(first.chat.message_ids()[-1]).previous_button.click()  # type: ignore[union-attr]
    assert shown_texts(first) == ["count", "one"]
    first.close()
    first.store.close()
    second = make_window(ollama_double.url, root=data_root)
    assert shown_texts(second) == ["count", "one"]
    view = second.chat.view(second.chat.message_ids()[-1])
    assert view is not None and view.version_label.text() == "1/2"
    ask(qtbot, second, "go on")
    assert sent_history(ollama_double)[:2] == [("user", "count"), ("assistant", "one")]


def test_retry_answers_a_question_left_without_an_answer(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    conversation = window.store.create_conversation("crashed before answering")
    window.store.add_message(conversation.id, "user", "still there?")
    window.conversations.select(conversation.id)
    window.chats.retry()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert shown_texts(window) == ["still there?", "You said: still there?"]
    assert len(window.store.messages(conversation.id)) == 2


def test_esc_while_editing_gives_up_the_edit_not_the_answer(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(text="tick " * 200, token_delay=0.03))
    type_and_send(qtbot, window, "count for me")
    qtbot.waitUntil(lambda: window.session.active_text.count("tick") >= 2)
    question = window.chat.view(window.chat.message_ids()[0])
    assert question is not None
    question.edit_button.click()
    assert question.editor is not None
    QTest.keyClick(question.editor.box, Qt.Key.Key_Escape)
    assert question.editor.isHidden()
    assert window.session.busy  # the answer goes on
    window.session.stop()
