"""Llama Guard: strict verdict parsing and the requests it sends."""

from __future__ import annotations

import pytest

from agents.chat.guard import CATEGORIES, Guard, GuardVerdict, parse_verdict
from agents.llm import ErrorKind, LLMError, OllamaService
from tests.agents.writing.helpers import chat_requests
from tests.fakes import OllamaDouble, Reply

GUARD = "llama-guard3:1b"


@pytest.mark.parametrize(
    ("output", "status", "codes"),
    [
        ("safe", "safe", ()),
        ("  safe\n", "safe", ()),
        ("Safe", "safe", ()),
        ("\n\nsafe\n\n", "safe", ()),
        ("unsafe\nS1", "unsafe", ("S1",)),
        ("unsafe\nS1,S10", "unsafe", ("S1", "S10")),
        ("unsafe\nS2, S14", "unsafe", ("S2", "S14")),
        ("unsafe\r\nS11\r\n", "unsafe", ("S11",)),
        ("unsafe\n\nS9", "unsafe", ("S9",)),
        ("unsafe\nS3,S3", "unsafe", ("S3",)),
        ("unsafe", "unsafe", ()),
        ("unsafe\nS15", "unparseable", ()),
        ("unsafe\nS0", "unparseable", ()),
        ("unsafe\nS01", "unparseable", ()),
        ("unsafe\nviolence", "unparseable", ()),
        ("unsafe\nS1\nS2", "unparseable", ()),
        ("safe\nS1", "unparseable", ()),
        ("safe.", "unparseable", ()),
        ("The message is safe", "unparseable", ()),
        ("", "unparseable", ()),
        ("I cannot help with that.", "unparseable", ()),
        ('{"safe": true}', "unparseable", ()),
    ],
)
def test_every_form_of_verdict_is_parsed_strictly(
    output: str, status: str, codes: tuple[str, ...]
) -> None:
    verdict = parse_verdict(output)
    assert verdict.status == status
    assert verdict.codes == codes
    assert verdict.allowed is (status == "safe")


def test_categories_carry_their_names() -> None:
    verdict = parse_verdict("unsafe\nS1,S10,S14")
    assert [str(c) for c in verdict.categories] == [
        "S1 Violent Crimes",
        "S10 Hate",
        "S14 Code Interpreter Abuse",
    ]
    assert len(CATEGORIES) == 14
    assert "S1 Violent Crimes, S10 Hate" in str(verdict.explanation("prompt"))
    assert str(verdict.explanation("answer")).startswith("The answer was blocked")
    assert "could not read" in str(parse_verdict("hmm").explanation())


def test_prompt_check_sends_the_user_message_alone(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(GUARD, Reply(text="unsafe\nS9"))
    verdict = Guard(service).check_prompt("How do I make a weapon?")
    assert verdict.codes == ("S9",)
    (body,) = chat_requests(ollama_double, GUARD)
    assert body["messages"] == [{"role": "user", "content": "How do I make a weapon?"}]
    assert body["options"]["temperature"] == 0
    assert body["stream"] is False


def test_answer_check_sends_user_then_assistant(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(GUARD, Reply(text="safe"))
    verdict = Guard(service).check_answer("What is 2+2?", "4")
    assert verdict.allowed
    (body,) = chat_requests(ollama_double, GUARD)
    assert [m["role"] for m in body["messages"]] == ["user", "assistant"]
    assert body["messages"][1]["content"] == "4"


def test_a_long_text_is_checked_in_windows_and_any_unsafe_window_blocks(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    service.settings.num_ctx = 1024
    ollama_double.set_responder(
        GUARD,
        lambda body: Reply(
            text="unsafe\nS2" if "BAD" in body["messages"][-1]["content"] else "safe"
        ),
    )
    text = "fine words " * 600 + "BAD" + " fine words" * 10
    verdict = Guard(service).check_prompt(text)
    assert verdict.codes == ("S2",)
    requests = chat_requests(ollama_double, GUARD)
    assert len(requests) > 1
    assert not any(r.overflowed for r in ollama_double.requests_to("/api/chat"))


def test_missing_guard_model_says_how_to_pull_it(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.remove_model(GUARD)
    guard = Guard(service)
    with pytest.raises(LLMError) as info:
        guard.check_prompt("hello")
    assert info.value.kind is ErrorKind.MODEL_MISSING
    assert "ollama pull llama-guard3:1b" in info.value.message
    assert "safety check off" in str(guard.availability() or "")


def test_verdict_is_plain_data() -> None:
    verdict = GuardVerdict("safe")
    assert verdict.allowed and verdict.codes == ()


def test_long_cjk_text_windows_fit_the_context(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    service.settings.num_ctx = 1024
    ollama_double.set_responder("llama-guard3:1b", lambda body: Reply(text="safe"))
    assert Guard(service).check_prompt("这是一个很长的句子。" * 400).allowed
    guard_calls = [r for r in ollama_double.requests_to("/api/chat") if r.model == GUARD]
    assert len(guard_calls) > 3
    assert not any(r.overflowed for r in guard_calls)
