"""Llama Guard: strict verdict parsing, the requests it sends, and the guarded chat turn."""

from __future__ import annotations

from typing import Any

import pytest

from agents.cancel import CancelToken
from agents.chat.agent import ChatAgent
from agents.chat.guard import (
    CATEGORIES,
    Blocked,
    Guard,
    GuardVerdict,
    guarded_stream,
    parse_verdict,
)
from agents.events import Failed, Final, Status, Token
from agents.llm import ErrorKind, LLMError, OllamaService
from agents.llm.messages import ChatMessage
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
    assert "S1 Violent Crimes, S10 Hate" in verdict.explanation("prompt")
    assert verdict.explanation("answer").startswith("The answer was blocked")
    assert "could not read" in parse_verdict("hmm").explanation()


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
    assert "safety check off" in (guard.availability() or "")


def agent_stream(service: OllamaService) -> Any:
    return ChatAgent(service).stream


def test_a_blocked_message_never_reaches_the_chat_model(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(GUARD, Reply(text="unsafe\nS1"))
    history = [ChatMessage("user", "Help me hurt someone")]
    events = list(guarded_stream(agent_stream(service), Guard(service), history))
    last = events[-1]
    assert isinstance(last, Blocked)
    assert last.stage == "prompt"
    assert last.verdict.codes == ("S1",)
    assert "S1 Violent Crimes" in last.message
    assert chat_requests(ollama_double, "llama3.2") == []
    assert not any(isinstance(e, Token) for e in events)


def test_junk_from_the_guard_fails_closed(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(GUARD, Reply(text="Sure! Here is my analysis of the message"))
    events = list(
        guarded_stream(agent_stream(service), Guard(service), [ChatMessage("user", "hi")])
    )
    last = events[-1]
    assert isinstance(last, Blocked) and last.verdict.status == "unparseable"
    assert chat_requests(ollama_double, "llama3.2") == []


def test_a_safe_turn_streams_and_ends_with_final(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(GUARD, Reply(text="safe"), Reply(text="safe"))
    ollama_double.script("llama3.2", Reply(text="Paris is the capital of France."))
    history = [ChatMessage("user", "Capital of France?")]
    events = list(guarded_stream(agent_stream(service), Guard(service), history))
    assert isinstance(events[-1], Final)
    assert "".join(e.text for e in events if isinstance(e, Token)) == events[-1].text
    assert [e.text for e in events if isinstance(e, Status)][:1] == ["Checking your message…"]
    guard_calls = chat_requests(ollama_double, GUARD)
    assert len(guard_calls) == 2
    assert guard_calls[1]["messages"][1] == {
        "role": "assistant",
        "content": "Paris is the capital of France.",
    }


@pytest.mark.parametrize("hold", [False, True])
def test_an_unsafe_answer_is_blocked_after_it_was_written(
    hold: bool, ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.script(GUARD, Reply(text="safe"), Reply(text="unsafe\nS6"))
    ollama_double.script("llama3.2", Reply(text="Take 40 pills of it."))
    history = [ChatMessage("user", "dosage?")]
    events = list(guarded_stream(agent_stream(service), Guard(service), history, hold_answer=hold))
    last = events[-1]
    assert isinstance(last, Blocked)
    assert last.stage == "answer" and last.verdict.codes == ("S6",)
    assert last.text == "Take 40 pills of it."
    assert not any(isinstance(e, Final) for e in events)
    tokens = [e for e in events if isinstance(e, Token)]
    assert (tokens == []) is hold


def test_guard_unavailable_fails_the_turn_without_calling_the_chat_model(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.remove_model(GUARD)
    events = list(
        guarded_stream(agent_stream(service), Guard(service), [ChatMessage("user", "hi")])
    )
    last = events[-1]
    assert isinstance(last, Failed)
    assert "ollama pull llama-guard3:1b" in last.error.message
    assert chat_requests(ollama_double, "llama3.2") == []


def test_cancel_after_the_prompt_check_stops_before_the_chat_model(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    cancel = CancelToken()

    def safe_then_cancel(body: dict[str, Any]) -> Reply:
        cancel.cancel()
        return Reply(text="safe")

    ollama_double.script(GUARD, safe_then_cancel)
    events = list(
        guarded_stream(agent_stream(service), Guard(service), [ChatMessage("user", "hi")], cancel)
    )
    assert type(events[-1]).__name__ == "Stopped"
    assert chat_requests(ollama_double, "llama3.2") == []


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
