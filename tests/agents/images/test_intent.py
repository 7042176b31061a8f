"""Intent from plain words: with an image attached, the text model's tool choice routes a
message to grounding, chart to table or a plain answer (no keyword lists)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agents.attachments import CHART, FIND, ImageRef, ImageTaskRequest
from agents.cancel import CancelToken
from agents.events import Attached, Event, Final, Result, Stopped
from agents.images.chart import ChartTable
from agents.images.grounding import Grounding
from agents.images.intake import prepare_image
from agents.images.intent import FIND_TOOL, ImageQuestion, choose_image_task, route_of
from agents.images.store import ImageStore
from agents.llm import OllamaService
from agents.turns.request import TurnRequest
from agents.turns.router import Router
from bench.image_intent import PHRASES, Labelled
from tests.agents.images.pictures import bar_chart
from tests.agents.images.scripted_intent import PLAIN_ANSWER, script_intent
from tests.fakes import OllamaDouble, Reply

TEXT, VISION = "llama3.2:latest", "llama3.2-vision:latest"


@pytest.fixture
def picture() -> bytes:
    return prepare_image(bar_chart([40, 90, 25]), "chart.png").data


@pytest.fixture
def router(service: OllamaService, tmp_path: Path) -> Router:
    return Router(service, images=ImageStore(tmp_path / "images"))


def run(router: Router, text: str, picture: bytes, **options: Any) -> list[Event]:
    return list(router.build(TurnRequest.ask(text, images=(picture,), **options)).stream())


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: f"{p.route}-{p.lang}-{p.text}")
def test_each_labelled_phrase_is_routed_by_the_models_tool_choice(
    phrase: Labelled,
    router: Router,
    ollama_double: OllamaDouble,
    picture: bytes,
) -> None:
    script_intent(ollama_double)
    events = run(router, phrase.text, picture)
    final = events[-1]
    assert isinstance(final, Final), final
    results = [e.value for e in events if isinstance(e, Result)]
    if phrase.route == "find":
        (found,) = results
        assert isinstance(found, Grounding) and found.found and found.query == phrase.query
        (attached,) = [e for e in events if isinstance(e, Attached)]
        assert isinstance(attached.attachments[0], ImageRef)  # the image with the box drawn
    elif phrase.route == "chart":
        (table,) = results
        assert isinstance(table, ChartTable) and "| Feb | 90 |" in final.text
    else:
        assert results == [] and final.text == PLAIN_ANSWER

    choice, answer = ollama_double.requests_to("/api/chat")
    assert choice.model == TEXT and choice.body["tools"]  # the text model chooses, with tools
    assert not any(m.get("images") for m in choice.body["messages"])  # ...and never sees it
    assert answer.model == VISION and answer.body["messages"][-1]["images"]
    assert not answer.body.get("tools")


def test_the_choice_goes_through_hearths_tool_path(
    service: OllamaService, ollama_double: OllamaDouble
) -> None:
    call = json.dumps({"name": FIND_TOOL, "parameters": {"query": "the cat"}})
    ollama_double.script("llama3.2", Reply(text=f"```json\n{call}\n```"))  # JSON as text
    assert choose_image_task(service, "Find the cat") == ImageTaskRequest(FIND, "the cat")
    ollama_double.script(
        "llama3.2",
        Reply(tool_calls=[{"name": FIND_TOOL, "arguments": {"what": "cat"}}]),  # malformed
        Reply(tool_calls=[{"name": FIND_TOOL, "arguments": {"query": "cat"}}]),
    )
    assert choose_image_task(service, "找到猫") == ImageTaskRequest(FIND, "cat")
    repair = ollama_double.requests_to("/api/chat")[-1].body["messages"][-1]["content"]
    assert repair.startswith("That reply can't be used") and "query" in repair


def test_no_tool_call_is_a_plain_question(
    service: OllamaService, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(text="It looks like a chart of sales."))
    assert route_of(choose_image_task(service, "What is this?")) == "ask"
    ollama_double.script("llama3.2", Reply(tool_calls=[{"name": "chart_to_table"}]))
    assert choose_image_task(service, "提取数据") == ImageTaskRequest(CHART)


def test_without_a_text_model_the_image_is_still_answered(
    router: Router, ollama_double: OllamaDouble, picture: bytes
) -> None:
    ollama_double.remove_model("llama3.2")
    ollama_double.script("llama3.2-vision", Reply(text="A bar chart."))
    events = run(router, "Find the cat", picture)
    assert isinstance(events[-1], Final) and events[-1].text == "A bar chart."
    assert [r.model for r in ollama_double.requests_to("/api/chat")] == [VISION]


def test_a_stop_while_choosing_asks_the_vision_model_nothing(
    service: OllamaService, ollama_double: OllamaDouble, picture: bytes
) -> None:
    cancel = CancelToken()

    def stop_then_choose(body: dict[str, Any]) -> Reply:
        cancel.cancel()
        return Reply(tool_calls=[{"name": "chart_to_table", "arguments": {}}])

    ollama_double.set_responder("llama3.2", stop_then_choose)
    question = ImageQuestion(service, TurnRequest.ask("Table please", images=(picture,)).messages)
    events = list(question.stream(cancel))
    assert isinstance(events[-1], Stopped)
    assert {r.model for r in ollama_double.requests_to("/api/chat")} == {TEXT}


def test_the_buttons_skip_the_choice(
    router: Router, ollama_double: OllamaDouble, picture: bytes
) -> None:
    script_intent(ollama_double)
    events = run(router, "Chart to table", picture, attachments=(ImageTaskRequest(CHART),))
    assert isinstance(events[-1], Final)
    assert [r.model for r in ollama_double.requests_to("/api/chat")] == [VISION]
