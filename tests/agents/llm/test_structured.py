"""Structured output: lenient JSON, validation against the pydantic model, bounded repairs."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, Field

from agents.cancel import Cancelled, CancelToken
from agents.llm import ErrorKind, LLMError, OllamaService
from agents.llm.structured import loads_lenient, structured
from tests.fakes import OllamaDouble, Reply


class Point(BaseModel):
    """A point the model must give."""

    x: int = Field(description="x")
    y: int = Field(ge=0, description="y, not negative")


def ask_point(service: OllamaService, **options: Any) -> Point:
    from langchain_core.messages import HumanMessage

    return structured(service, "llama3.2", [HumanMessage("Give a point.")], Point, **options)


def test_the_schema_comes_from_the_model_and_a_valid_reply_is_returned(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script("llama3.2", Reply(text='```json\n{"x": 1, "y": 2,}\n```'))
    assert ask_point(service) == Point(x=1, y=2)
    (request,) = ollama_double.requests_to("/api/chat")
    assert request.body["format"] == Point.model_json_schema()
    assert request.body["options"]["temperature"] == 0


def test_the_problem_is_fed_back_and_a_repair_is_accepted(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(
        "llama3.2", Reply(text='{"x": 1, "y": -5}'), Reply(text='{"x": 1, "y": 5}')
    )
    assert ask_point(service) == Point(x=1, y=5)
    retry = ollama_double.requests_to("/api/chat")[-1].body["messages"]
    assert retry[-2] == {"role": "assistant", "content": '{"x": 1, "y": -5}'}
    assert "y: Input should be greater than or equal to 0" in retry[-1]["content"]


def test_repairs_are_bounded_and_the_error_says_what_was_wrong(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.set_responder("llama3.2", lambda body: Reply(text="no json at all"))
    with pytest.raises(LLMError) as caught:
        ask_point(service, attempts=2, what="point", advice="Try a bigger model.")
    assert caught.value.kind is ErrorKind.UNUSABLE and caught.value.exit_code == 14
    assert "usable point after 2 tries (last problem: it is not valid JSON)" in str(caught.value)
    assert str(caught.value).endswith("Try a bigger model.")
    assert len(ollama_double.requests_to("/api/chat")) == 2


def test_a_check_can_refuse_a_valid_reply(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script("llama3.2", Reply(text='{"x": 0, "y": 0}'), Reply(text='{"x": 3, "y": 0}'))

    def not_origin(point: Point) -> Point:
        if point.x == point.y == 0:
            raise ValueError("the origin is not an answer")
        return point

    assert ask_point(service, check=not_origin) == Point(x=3, y=0)
    assert "the origin is not an answer" in str(ollama_double.requests_to("/api/chat")[-1].body)


def test_a_stopped_request_raises_cancelled(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    cancel = CancelToken()
    cancel.cancel()
    ollama_double.script("llama3.2", Reply(text='{"x": 1, "y": 2}'))
    with pytest.raises(Cancelled):
        ask_point(service, cancel=cancel)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"items": []}', {"items": []}),
        ('```json\n{"items": [1, 2,]}\n```', {"items": [1, 2]}),
        ('Here you go:\n```\n[{"what": "x"}]\n```\nDone.', [{"what": "x"}]),
        ('Sure: {"items": [{"what": "a",},]} hope it helps', {"items": [{"what": "a"}]}),
        ('{"items": [{"what": "cut off", "who": "An',
         {"items": [{"what": "cut off", "who": "An"}]}),
        ("{'items': [{'what': 'python style', 'due': None}]}",
         {"items": [{"what": "python style", "due": None}]}),
        ("{\u201citems\u201d: []}", {"items": []}),
    ],
)  # fmt: skip
def test_loads_lenient(text: str, expected: Any) -> None:
    assert loads_lenient(text) == expected


@pytest.mark.parametrize("text", ["", "no json here", "```\n```"])
def test_loads_lenient_gives_up(text: str) -> None:
    with pytest.raises(ValueError):
        loads_lenient(text)
