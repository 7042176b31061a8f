"""Thinking models: the reasoning is asked for where the model can, streams as its own
event, is kept with the answer, and is never part of the answer's text."""

from __future__ import annotations

from pathlib import Path

from agents.attachments import Reasoning, from_records, reasoning_in, to_records
from agents.cancel import CancelToken
from agents.chat.agent import ChatAgent
from agents.events import Final, Stopped, Thinking, Token
from agents.llm import OllamaService
from agents.llm.messages import ChatMessage
from agents.settings import Settings
from agents.storage import ChatStore, MessageStatus
from agents.storage.recorder import AnswerRecord
from agents.storage.transfer import render_markdown
from tests.fakes import KNOWN_MODELS, OllamaDouble, Reply

THOUGHT = "First I add two and two. That makes four."


def agent_for(double: OllamaDouble, **settings: object) -> ChatAgent:
    double.add_model(KNOWN_MODELS["qwen3:latest"])
    service = OllamaService(Settings(ollama_host=double.url, **settings))  # type: ignore[arg-type]
    return ChatAgent(service, "qwen3")


def ask(agent: ChatAgent, cancel: CancelToken | None = None) -> list[object]:
    return list(agent.stream([ChatMessage("user", "What is 2+2?")], cancel))


def test_reasoning_streams_before_the_answer_as_its_own_event(
    ollama_double: OllamaDouble,
) -> None:
    ollama_double.script("qwen3", Reply(text="It is 4.", thinking=THOUGHT))
    events = ask(agent_for(ollama_double))
    thoughts = [e.text for e in events if isinstance(e, Thinking)]
    tokens = [e.text for e in events if isinstance(e, Token)]
    assert "".join(thoughts) == THOUGHT and len(thoughts) > 1
    assert "".join(tokens) == "It is 4."
    first_token = next(i for i, e in enumerate(events) if isinstance(e, Token))
    assert all(not isinstance(e, Thinking) for e in events[first_token:])
    final = events[-1]
    assert isinstance(final, Final) and final.text == "It is 4."
    assert final.stats.output_tokens == len(thoughts) + len(tokens)
    assert ollama_double.requests_to("/api/chat")[-1].body["think"] is True


def test_reasoning_off_sends_think_false_and_yields_none(ollama_double: OllamaDouble) -> None:
    ollama_double.script("qwen3", Reply(text="It is 4.", thinking=THOUGHT))
    events = ask(agent_for(ollama_double, reasoning=False))
    assert not any(isinstance(e, Thinking) for e in events)
    assert ollama_double.requests_to("/api/chat")[-1].body["think"] is False


def test_the_reasoning_is_saved_with_the_answer_even_when_stopped(
    ollama_double: OllamaDouble, tmp_path: Path
) -> None:
    ollama_double.script(
        "qwen3",
        Reply(text="It is 4.", thinking=THOUGHT),
        Reply(text="word " * 100, thinking=THOUGHT, token_delay=0.01),
    )
    agent = agent_for(ollama_double)
    with ChatStore(tmp_path / "chats.sqlite3") as store:
        chat = store.create_conversation("math")
        store.add_message(chat.id, "user", "What is 2+2?")
        record = AnswerRecord.begin(store, chat.id, "qwen3")
        list(record.record(ask(agent)))
        [_, answer] = store.messages(chat.id)
        assert answer.status is MessageStatus.COMPLETE and answer.content == "It is 4."
        assert answer.attachments == (Reasoning(THOUGHT),)

        cancel = CancelToken()
        record = AnswerRecord.begin(store, chat.id, "qwen3")
        for event in record.record(agent.stream([ChatMessage("user", "go")], cancel)):
            if isinstance(event, Token):
                cancel.cancel()
            if isinstance(event, Stopped):
                break
        stopped = store.messages(chat.id)[-1]
        assert stopped.status is MessageStatus.INTERRUPTED
        assert reasoning_in(stopped.attachments) == THOUGHT
        assert THOUGHT not in stopped.content


def test_reasoning_is_a_typed_attachment_and_exports_as_a_quote(tmp_path: Path) -> None:
    records = to_records([Reasoning("one\ntwo")])
    assert records == [{"kind": "reasoning", "text": "one\ntwo"}]
    assert from_records(records) == (Reasoning("one\ntwo"),)
    with ChatStore(tmp_path / "chats.sqlite3") as store:
        chat = store.create_conversation("math")
        store.add_message(chat.id, "assistant", "Four.", attachments=[Reasoning("one\ntwo")])
        text = render_markdown([(chat, store.messages(chat.id))])
    assert "*Reasoning*\n\n> one\n> two\n" in text
    assert text.index("> one") < text.index("Four.")
    assert "[reasoning" not in text
