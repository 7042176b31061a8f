"""One road in the window: every mode goes through the router, so the safety check holds in
each of them, and the window builds the same agent the command line builds."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from agents.images.intake import prepare_image
from agents.turns.request import Mode, TurnRequest
from agents.turns.router import Router, Turn
from agents.writing.styles import RewriteSpec, Style
from app.main import main
from app.main_window import MainWindow
from app.services.writing import RewriteService
from tests.agents.images.pictures import bar_chart
from tests.app.conftest import send
from tests.fakes import OllamaDouble, Reply

GUARD = "llama-guard3:1b"


def asked_models(double: OllamaDouble) -> set[str]:
    """The models that were sent something to read (warm-ups send nothing)."""
    return {
        r.model or "" for r in double.requests_to("/api/chat") if r.body and r.body.get("messages")
    }


@pytest.fixture
def guarded(qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble) -> MainWindow:
    """The window with the safety check on and a guard that flags everything."""
    window.apply_settings(dataclasses.replace(window.settings, guard_enabled=True))
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)
    ollama_double.set_responder(GUARD, lambda body: Reply(text="unsafe\nS2"))
    return window


def attach_chart(window: MainWindow, tmp_path: Path) -> None:
    chart = tmp_path / "chart.png"
    chart.write_bytes(bar_chart([20, 60, 40]))
    prepared = prepare_image(chart)
    window.image_store.put(prepared.data)
    window.images.strip.add(prepared)


def last_answer_error(qtbot: QtBot, window: MainWindow) -> str:
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    answer = window.store.messages(window.chats.conversation_id or "")[-1]
    assert answer.role == "assistant" and answer.status == "error" and answer.content == ""
    return answer.error or ""


@pytest.mark.parametrize(
    "mode", ["chat", "documents", "mail & calendar", "image question", "chart to table", "summary"]
)
def test_a_flagged_message_reaches_only_the_guard_in_every_chat_mode(
    mode: str,
    qtbot: QtBot,
    guarded: MainWindow,
    ollama_double: OllamaDouble,
    tmp_path: Path,
) -> None:
    window = guarded
    if mode == "documents":
        window.documents.switch.setChecked(True)
    elif mode == "mail & calendar":
        window.mail_calendar.switch.setChecked(True)
    if mode in {"image question", "chart to table"}:
        attach_chart(window, tmp_path)
    if mode == "chart to table":
        window.images.chart_to_table()
    elif mode == "summary":
        report = tmp_path / "report.md"
        report.write_text("# Report\nThe budget was approved.\n", encoding="utf-8")
        window.documents.summarize(report)
    else:
        send(window, "Help me with this", window.images.strip.attachments())
    error = last_answer_error(qtbot, window)
    assert "blocked by the safety check" in error and "S2" in error
    assert asked_models(ollama_double) == {GUARD}
    assert ollama_double.requests_to("/api/embed") == []


def test_a_flagged_rewrite_and_image_search_reach_only_the_guard(
    qtbot: QtBot, guarded: MainWindow, ollama_double: OllamaDouble, tmp_path: Path
) -> None:
    rewriter = RewriteService(guarded.router)
    with qtbot.waitSignal(rewriter.blocked, timeout=10000) as blocked:
        rewriter.rewrite("hey send it asap", RewriteSpec(Style.FORMAL))
    assert blocked.args[0].stage == "prompt"
    attach_chart(guarded, tmp_path)
    sha256 = guarded.images.strip.images()[0].sha256
    with qtbot.waitSignal(guarded.images.tasks.failed, timeout=10000) as failed:
        guarded.images.tasks.find(sha256, "the cat")
    assert "blocked by the safety check" in failed.args[0].message
    assert asked_models(ollama_double) == {GUARD}


def test_an_unsafe_answer_is_neither_shown_nor_saved(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.apply_settings(dataclasses.replace(window.settings, guard_enabled=True))
    ollama_double.script(GUARD, Reply(text="safe"), Reply(text="unsafe\nS6"))
    ollama_double.script("llama3.2", Reply(text="Take forty pills.", token_delay=0.01))
    shown: list[str] = []
    window.session.partial.connect(lambda _cid, _mid, text: shown.append(text))
    send(window, "dosage?")
    error = last_answer_error(qtbot, window)
    assert "The answer was blocked" in error
    assert all("pills" not in text for text in shown)
    view = window.chat.view(window.chat.message_ids()[-1])
    assert view is not None and "pills" not in view.text


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every turn the router builds, described."""
    seen: list[dict[str, Any]] = []
    real = Router.build

    def spy(self: Router, request: TurnRequest) -> Turn:
        turn = real(self, request)
        seen.append(turn.describe())
        return turn

    monkeypatch.setattr(Router, "build", spy)
    return seen


@pytest.mark.parametrize(
    ("mode", "command"),
    [
        (Mode.CHAT, ["ask", "What is new?"]),
        (Mode.DOCUMENTS, ["ask", "--docs", "What is new?"]),
        (Mode.TOOLS, ["agent", "What is new?"]),
    ],
)
def test_the_window_and_the_cli_build_the_same_agent(
    mode: Mode,
    command: list[str],
    qtbot: QtBot,
    window: MainWindow,
    ollama_double: OllamaDouble,
    builds: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    data_root: Path,
) -> None:
    ollama_double.set_responder("llama3.2", lambda body: Reply(text="Nothing much."))
    window.composer.set_mode(mode)
    send(window, "What is new?")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    conversation = window.chats.current()
    assert conversation is not None and conversation.model and conversation.system_prompt
    # The same request from the command line: the chat's model and instructions.
    options = ["--model", conversation.model]
    if mode is Mode.CHAT:
        options += ["--system", conversation.system_prompt]
    monkeypatch.setenv("OLLAMA_HOST", ollama_double.url)
    main(["--data-dir", str(data_root), *command, *options])
    from_window, from_cli = builds
    assert from_window["mode"] == mode.value
    assert from_cli == from_window
