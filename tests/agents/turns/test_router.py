"""The router: one builder for every mode, the persona and model it applies, and the safety
check it puts around every turn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from agents.attachments import CHART, FIND, ImageTaskRequest, SummaryRequest
from agents.cancel import CancelToken
from agents.chat.personas import PersonaLibrary
from agents.documents.retrieval import Passage
from agents.events import Blocked, Event, Failed, Final, Result, Sources, Token
from agents.images.intake import prepare_image
from agents.llm import OllamaService
from agents.llm.messages import ChatMessage
from agents.llm.options import ChatOptions
from agents.settings import Settings
from agents.tools.approval import ApprovalGate, deny_all
from agents.tools.audit import AuditLog
from agents.tools.workspace import WorkspaceSpec
from agents.turns.request import Mode, TurnRequest
from agents.turns.router import Router, ToolSetup, Turn
from agents.writing.styles import RewriteSpec, Style
from tests.agents.images.pictures import bar_chart, square_scene
from tests.fakes import OllamaDouble, Reply

GUARD = "llama-guard3:1b"


class Shelf:
    """A document index with one passage (the router test needs no vector store)."""

    def files(self) -> list[str]:
        return ["notes.txt"]

    def search(self, question: str, k: int | None = None, method: str | None = None) -> Any:
        return [Passage("c1", "/docs/notes.txt", None, None, "The gate code is 4711.", 0.9)]

    def relevant(self, question: str, passages: Sequence[Passage]) -> list[Passage]:
        return list(passages)


@pytest.fixture
def router(ollama_double: OllamaDouble, tmp_path: Path) -> Router:
    service = OllamaService(Settings(ollama_host=ollama_double.url, read_timeout=20.0))
    root = tmp_path / "data"
    root.mkdir()
    tools = ToolSetup(
        ApprovalGate(deny_all, AuditLog.in_data_dir(root)), WorkspaceSpec(root), task="read"
    )
    return Router(service, documents=Shelf, personas=PersonaLibrary.in_data_dir(root), tools=tools)


@pytest.fixture
def chart_png() -> bytes:
    return prepare_image(bar_chart([10, 30, 20]), "chart.png").data


@pytest.fixture
def summary_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("The project starts in March. " * 20, encoding="utf-8")
    return path


def requests_for_every_mode(chart_png: bytes, summary_file: Path) -> dict[str, TurnRequest]:
    """One request in each mode, as the window and the command line make them."""
    return {
        "chat": TurnRequest.ask("Tell me how to pick a lock"),
        "documents": TurnRequest.ask("What is the gate code?", Mode.DOCUMENTS),
        "tools": TurnRequest.ask("Read my newest mail", Mode.TOOLS),
        "image question": TurnRequest.ask("What is in this picture?", images=(chart_png,)),
        "chart to table": TurnRequest.ask(
            "Chart to table",
            images=(chart_png,),
            attachments=(ImageTaskRequest(CHART),),
        ),
        "find": TurnRequest.ask(
            "Find: the cat", images=(chart_png,), attachments=(ImageTaskRequest(FIND, "cat"),)
        ),
        "document summary": TurnRequest.ask(
            "Summarize report.txt", attachments=(SummaryRequest(str(summary_file)),)
        ),
        "rewrite": TurnRequest.ask(
            "Make this formal", Mode.REWRITE, rewrite=RewriteSpec(Style.FORMAL)
        ),
    }


EVERY_MODE = [
    "chat",
    "documents",
    "tools",
    "image question",
    "chart to table",
    "find",
    "document summary",
    "rewrite",
]
"""The keys of :func:`requests_for_every_mode`."""


def models_asked(double: OllamaDouble) -> set[str]:
    return {r.model or "" for r in double.requests_to("/api/chat")}


def run(turn: Turn, cancel: CancelToken | None = None) -> list[Event]:
    return list(turn.stream(cancel))


@pytest.mark.parametrize("mode", EVERY_MODE)
def test_a_flagged_message_reaches_no_model_but_the_guard_in_every_mode(
    mode: str,
    router: Router,
    ollama_double: OllamaDouble,
    chart_png: bytes,
    summary_file: Path,
) -> None:
    router.service.settings.guard_enabled = True
    ollama_double.set_responder(GUARD, lambda body: Reply(text="unsafe\nS2"))
    request = requests_for_every_mode(chart_png, summary_file)[mode]
    events = run(router.build(request))
    assert isinstance(events[-1], Blocked) and events[-1].stage == "prompt"
    assert "S2 Non-Violent Crimes" in str(events[-1].message)
    assert models_asked(ollama_double) == {GUARD}
    assert ollama_double.requests_to("/api/embed") == []


@pytest.mark.parametrize("mode", ["chat", "documents", "chart to table", "rewrite"])
def test_a_flagged_answer_is_never_shown(
    mode: str,
    router: Router,
    ollama_double: OllamaDouble,
    chart_png: bytes,
    summary_file: Path,
) -> None:
    router.service.settings.guard_enabled = True
    ollama_double.script(GUARD, Reply(text="safe"), Reply(text="unsafe\nS6"))
    ollama_double.set_responder(
        "llama3.2-vision",
        lambda body: Reply(text='{"categories": ["a"], "series": [{"name": "x", "values": [1]}]}'),
    )
    ollama_double.set_responder("llama3.2", lambda body: Reply(text="Take 40 pills [1]."))
    events = run(router.build(requests_for_every_mode(chart_png, summary_file)[mode]))
    assert isinstance(events[-1], Blocked) and events[-1].stage == "answer"
    shown = [e for e in events if isinstance(e, Token | Final | Sources | Result)]
    assert shown == []  # nothing of it was released: not shown, not saved


@pytest.mark.parametrize("mode", EVERY_MODE)
def test_the_chats_own_options_reach_every_request_of_its_turn(
    mode: str,
    router: Router,
    ollama_double: OllamaDouble,
    chart_png: bytes,
    summary_file: Path,
) -> None:
    """The chat's temperature and context window go with every request its agent sends;
    steps that must be exact (JSON, temperature 0) and a summary's own window keep theirs,
    and the safety check keeps the shared settings."""
    router.service.settings.guard_enabled = True
    ollama_double.set_responder(GUARD, lambda body: Reply(text="safe"))
    request = requests_for_every_mode(chart_png, summary_file)[mode]
    run(router.build(replace(request, options=ChatOptions(temperature=0.3, num_ctx=16384))))
    sent = [r.body["options"] for r in ollama_double.requests_to("/api/chat") if r.model != GUARD]
    assert sent
    exact = mode in {"chart to table", "find"}  # structured output at temperature 0
    expected = {0} if exact else {0.3}
    if mode == "image question":  # choosing the task is an exact step; the answer is the chat's
        expected = {0, 0.3}
    assert {o["temperature"] for o in sent} == expected
    if mode != "document summary":  # a summary sizes its window to the document
        assert {o["num_ctx"] for o in sent} == {16384}
    checks = [r.body["options"] for r in ollama_double.requests_to("/api/chat") if r.model == GUARD]
    assert checks and all(o["num_ctx"] == 8192 and o["temperature"] == 0 for o in checks)


def test_a_safe_turn_is_released_whole_after_the_answer_check(
    router: Router, ollama_double: OllamaDouble
) -> None:
    router.service.settings.guard_enabled = True
    ollama_double.set_responder(GUARD, lambda body: Reply(text="safe"))
    ollama_double.script("llama3.2", Reply(text="Paris is the capital of France."))
    events = run(router.build(TurnRequest.ask("Capital of France?")))
    assert isinstance(events[-1], Final)
    assert "".join(e.text for e in events if isinstance(e, Token)) == events[-1].text
    checks = [r for r in ollama_double.requests_to("/api/chat") if r.model == GUARD]
    assert checks[1].body["messages"][1]["content"] == "Paris is the capital of France."


def test_a_guard_that_cannot_run_fails_closed(router: Router, ollama_double: OllamaDouble) -> None:
    router.service.settings.guard_enabled = True
    ollama_double.remove_model(GUARD)
    events = run(router.build(TurnRequest.ask("hi")))
    assert isinstance(events[-1], Failed)
    assert "ollama pull llama-guard3:1b" in events[-1].error.message
    assert models_asked(ollama_double) <= {GUARD}


def test_stopping_after_the_prompt_check_starts_no_model(
    router: Router, ollama_double: OllamaDouble
) -> None:
    router.service.settings.guard_enabled = True
    cancel = CancelToken()

    def safe_then_stop(body: dict[str, Any]) -> Reply:
        cancel.cancel()
        return Reply(text="safe")

    ollama_double.script(GUARD, safe_then_stop)
    events = run(router.build(TurnRequest.ask("hi")), cancel)
    assert type(events[-1]).__name__ == "Stopped"
    assert models_asked(ollama_double) == {GUARD}


def test_without_the_guard_nothing_is_checked(router: Router, ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", Reply(text="Hello."))
    turn = router.build(TurnRequest.ask("hi"))
    assert turn.guard is None
    assert isinstance(run(turn)[-1], Final)
    assert models_asked(ollama_double) == {"llama3.2:latest"}


def test_each_mode_gets_its_agent(router: Router, chart_png: bytes, summary_file: Path) -> None:
    built = {
        mode: router.build(request).describe()["agent"]
        for mode, request in requests_for_every_mode(chart_png, summary_file).items()
    }
    assert built == {
        "chat": "ChatAgent",
        "documents": "DocumentAnswerer",
        "tools": "ToolTurn",
        "image question": "ImageQuestion",
        "chart to table": "ImageTask",
        "find": "ImageTask",
        "document summary": "DocumentSummarizer",
        "rewrite": "Rewriter",
    }


def test_a_task_attachment_decides_the_mode_so_retry_does_the_same_task(router: Router) -> None:
    request = TurnRequest.ask(
        "Chart to table", Mode.DOCUMENTS, attachments=(ImageTaskRequest(CHART),)
    )
    assert router.build(request).mode is Mode.IMAGE_TASK


def test_the_system_prompt_comes_from_the_chat_then_the_persona_then_settings(
    router: Router,
) -> None:
    assert router.personas is not None
    persona = router.personas.add("Ship cook", "Talk like a ship cook.")
    assert (
        router.build(TurnRequest.ask("hi", system_prompt="Be brief.")).describe()["system_prompt"]
        == "Be brief."
    )
    assert (
        router.build(TurnRequest.ask("hi", persona=persona.id)).describe()["system_prompt"]
        == "Talk like a ship cook."
    )
    default = router.build(TurnRequest.ask("hi")).describe()["system_prompt"]
    assert default == router.service.settings.system_prompt


def test_the_chosen_model_is_used_and_images_still_go_to_a_vision_model(
    router: Router, ollama_double: OllamaDouble, chart_png: bytes
) -> None:
    ollama_double.script("llama3.2:1b", Reply(text="ok"))
    ollama_double.script("llama3.2-vision", Reply(text="A bar chart."))
    run(router.build(TurnRequest.ask("hi", model="llama3.2:1b")))
    run(router.build(TurnRequest.ask("What is it?", images=(chart_png,), model="llama3.2:1b")))
    requests = ollama_double.requests_to("/api/chat")
    assert [r.model for r in requests] == [
        "llama3.2:1b",
        "llama3.2:1b",  # chooses what to do with the image: it gets tools, not the image
        "llama3.2-vision:latest",
    ]
    assert requests[1].body["tools"] and not any(
        "images" in m for m in requests[1].body["messages"]
    )
    assert requests[2].body["messages"][-1]["images"] and not requests[2].body.get("tools")


def test_modes_that_need_a_collaborator_say_so(ollama_double: OllamaDouble) -> None:
    bare = Router(OllamaService(Settings(ollama_host=ollama_double.url)))
    for mode in (Mode.DOCUMENTS, Mode.TOOLS, Mode.REWRITE):
        with pytest.raises(Exception, match=r"here|Choose how"):
            bare.build(TurnRequest.ask("x", mode))


def test_a_tool_turn_with_an_image_reads_it_first_then_acts_without_it(
    router: Router, ollama_double: OllamaDouble
) -> None:
    poster = prepare_image(
        square_scene((600, 800), (50, 50, 300, 300), (200, 40, 40)), "poster.png"
    ).data
    ollama_double.script("llama3.2-vision", Reply(text="Jazz night, 5 December, 19:00."))
    ollama_double.script("llama3.2", Reply(text="It is a jazz night."))
    request = TurnRequest(
        (
            ChatMessage("user", "earlier question"),
            ChatMessage("assistant", "earlier answer"),
            ChatMessage("user", "What is on this poster?", (poster,)),
        ),
        Mode.TOOLS,
    )
    events = run(router.build(request))
    assert isinstance(events[-1], Final)
    vision, text = ollama_double.requests_to("/api/chat")
    assert not vision.body.get("tools") and vision.body["messages"][-1]["images"]
    assert text.body.get("tools") and all("images" not in m for m in text.body["messages"])
    assert "earlier answer" in str(text.body["messages"])  # the earlier turns are context
