"""Structured output: lenient JSON, validation against the pydantic model, bounded repairs."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, Field

from agents.cancel import Cancelled, CancelToken, Progress
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


def test_each_attempt_and_its_tokens_are_told_on_the_cancel_token(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(
        "llama3.2",
        Reply(tokens=['{"x": 1, ', '"y": -5}'], token_delay=0.12),
        Reply(tokens=['{"x": 1, ', '"y": 5}'], token_delay=0.12),
    )
    told: list[Progress] = []
    assert ask_point(service, cancel=CancelToken(told.append)) == Point(x=1, y=5)
    # Each attempt is told, then the start of its reply; its second piece comes 0.12 s on.
    assert [p.attempt for p in told if p.tokens == 0] == [1, 1, 2, 2]
    assert [p.tokens for p in told if p.attempt == 1][-1] == 2
    assert told[-1] == Progress(attempt=2, attempts=3, tokens=2)


def test_token_counts_are_told_a_few_times_a_second() -> None:
    told: list[Progress] = []
    cancel = CancelToken(told.append)
    cancel.report(attempt=1, attempts=2)
    for _ in range(500):
        cancel.count_token()
    assert cancel.progress == Progress(attempt=1, attempts=2, tokens=500)
    assert told == [Progress(attempt=1, attempts=2)]  # 500 pieces in far less than 0.1 s


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
