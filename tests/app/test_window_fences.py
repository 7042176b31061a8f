"""No echo of Hearth's data fences is ever shown or copied, however the model mangled it.

Each test scripts the Ollama double to answer with every mangled variant in
tests/agents/fence_cases.py and looks at what the window shows and what its buttons copy.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from agents.events import Final, Token
from agents.mail.accounts import AccountStore, MailAccount
from app.cli import print_events
from app.main_window import MainWindow
from app.widgets.code_block import CodeBlockView
from app.widgets.rewrite_dialog import RewriteDialog
from tests.agents.fence_cases import MANGLED, wrapped
from tests.agents.mail.samples import inbox_messages, write_maildir
from tests.agents.writing.helpers import framed_text
from tests.app.test_chat_window import last_answer, type_and_send
from tests.fakes import OllamaDouble, Reply

ANSWER = "The meeting moved to **Thursday 3 pm**.\n\n- bring the report\n- book room 2"
NAME_LEAK = re.compile(r"hearth|ｈｅａｒｔｈ|heart-data", re.IGNORECASE)
LEAK = re.compile(rf"{NAME_LEAK.pattern}|&lt;|[<>＜＞«»《》〈〉]", re.IGNORECASE)


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def shown_html(window: MainWindow, message_id: int) -> str:
    """What an answer's labels show."""
    view = window.chat.view(message_id)
    assert view is not None
    return "\n".join(label.text() for label in view.findChildren(QLabel, "messageBody"))


def test_chat_answers_never_show_or_copy_fences(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    for case in MANGLED:
        ollama_double.script("llama3.2", Reply(text=wrapped(case, ANSWER)))
        type_and_send(qtbot, window, f"case {case}")
        qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
        answer = last_answer(window)
        assert answer.content == ANSWER, case  # kept as shown: exports and search agree
        view = window.chat.view(answer.id)
        assert view is not None and view.text == ANSWER, case
        html = shown_html(window, answer.id).replace("<strong>", "").replace("</strong>", "")
        assert "hearth" not in html.lower() and "Thursday 3 pm" in html, case
        view.copy_button.click()
        assert clipboard() == ANSWER, case


STREAMED = ("exact", "split over lines", "in a code block", "full-width brackets", "html escaped")


def test_a_streaming_answer_never_shows_a_fence_on_the_way(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    seen: list[str] = []
    window.session.partial.connect(lambda _c, mid, _t: seen.append(shown_html(window, mid)))
    for case in STREAMED:
        text = wrapped(case, ANSWER)
        pieces = [text[i : i + 3] for i in range(0, len(text), 3)]
        ollama_double.script("llama3.2", Reply(tokens=pieces, token_delay=0.004))
        seen.clear()
        type_and_send(qtbot, window, f"stream {case}")
        qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
        assert len(seen) > 3, case
        assert not any(NAME_LEAK.search(html) or "id=" in html for html in seen), (case, seen)


def test_code_block_copy_never_carries_fences(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    code = "```python\nprint('hi')\n```"
    ollama_double.script("llama3.2", Reply(text=f'Here:\n\n{code}\n\n</hearth-data id="1">'))
    type_and_send(qtbot, window, "code please")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    view = window.chat.view(last_answer(window).id)
    assert view is not None
    (block,) = view.findChildren(CodeBlockView)
    block.copy_button.click()
    assert clipboard() == "print('hi')\n"
    view.copy_button.click()
    assert clipboard() == f"Here:\n\n{code}"


def test_rewrite_result_copy_and_replace_never_carry_fences(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    current = {"case": ""}

    def echo_mangled(body: dict[str, Any]) -> Reply:
        text = framed_text(body).replace("teh", "the")
        return Reply(text=wrapped(current["case"], text))

    ollama_double.set_responder("llama3.2", echo_mangled)
    original = "Did you see teh news?\n\nIt is big."
    expected = "Did you see the news?\n\nIt is big."
    for case in MANGLED:
        current["case"] = case
        window.composer.set_text(original)
        window.chats.open_rewrite(original, replace=True)
        dialog = window.findChildren(RewriteDialog)[-1]
        partials: list[str] = []
        dialog.result_view.textChanged.connect(
            lambda d=dialog, seen=partials: seen.append(d.result_view.toPlainText())
        )
        dialog.start_button.click()
        qtbot.waitUntil(lambda d=dialog: d.result_text != "", timeout=10_000)
        assert dialog.result_view.toPlainText() == expected, case
        assert not any(LEAK.search(p) for p in partials), (case, partials)
        dialog.copy_button.click()
        assert clipboard() == expected, case
        dialog.replace_button.click()
        assert window.composer.text == expected, case


def test_digest_summary_and_items_never_show_fences(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, data_root: Path, tmp_path: Path
) -> None:
    maildir = write_maildir(tmp_path / "Maildir", inbox_messages())
    AccountStore(data_root).save(MailAccount("home", kind="maildir", path=str(maildir)))
    summary = "- Anna asks for the report by Friday.\n- A newsletter."
    current = {"case": ""}

    def answer(body: dict[str, Any]) -> Reply:
        if body.get("format"):
            what = wrapped(current["case"], "Send the report")
            return Reply(text=json.dumps({"items": [{"what": what, "who": "Anna"}]}))
        return Reply(text=wrapped(current["case"], summary))

    ollama_double.set_responder("llama3.2", answer)
    window.views.show_view(window.mail_calendar.mail_tab)
    panel = window.mail_calendar.mail_panel
    assert panel is not None
    for case in MANGLED:
        current["case"] = case
        with qtbot.waitSignal(panel.mail.digestReady, timeout=15_000):
            panel.refresh()
        shown = panel.digest_view.toPlainText()
        lines = [line.removeprefix("- ") for line in summary.splitlines()]  # as Markdown
        assert "\n".join(lines) in shown and not NAME_LEAK.search(shown), (case, shown)
        items = [panel.items.item(i).text() for i in range(panel.items.count())]
        assert items and all(not LEAK.search(item) for item in items), (case, items)
        assert items[0].startswith("Send the report"), (case, items)


def test_the_terminal_never_prints_fences() -> None:
    for case in MANGLED:
        text = wrapped(case, ANSWER)
        events = [Token(text[i : i + 2]) for i in range(0, len(text), 2)] + [Final(text)]
        out = io.StringIO()
        with redirect_stdout(out):
            assert print_events(events) == 0
        assert out.getvalue().strip("\n") == ANSWER, case
