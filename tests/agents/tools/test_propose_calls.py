"""One step through the tool agent's own path, stopped before any tool runs: what the
benchmark measures and what routes an image message."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import HumanMessage
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel

from agents.llm import OllamaService
from agents.tools.agent import propose_calls
from tests.agents.tools.test_tool_agent import as_text, call
from tests.fakes import OllamaDouble, Reply

ASK = [HumanMessage(content="What is 2 + 3?")]


class AddArgs(BaseModel):
    """Arguments of add."""

    a: int
    b: int


def adder(ran: list[dict[str, Any]]) -> BaseTool:
    def add(a: int, b: int) -> str:
        ran.append({"a": a, "b": b})
        return str(a + b)

    return StructuredTool.from_function(add, description="Adds two numbers.", args_schema=AddArgs)


def test_a_native_call_is_proposed_and_never_run(
    service: OllamaService, ollama_double: OllamaDouble
) -> None:
    ran: list[dict[str, Any]] = []
    ollama_double.script("llama3.2", call("add", a=2, b=3))
    proposal = propose_calls(service, [adder(ran)], ASK)
    assert proposal.calls == ({"name": "add", "args": {"a": 2, "b": 3}},)
    assert (proposal.retries, proposal.recovered, proposal.failure) == (0, False, None)
    assert ran == [] and len(ollama_double.requests_to("/api/chat")) == 1
    body = ollama_double.requests_to("/api/chat")[0].body
    assert body["tools"][0]["function"]["name"] == "add"
    assert [m["role"] for m in body["messages"]] == ["user"]  # no system prompt unless given


def test_repairs_are_counted(service: OllamaService, ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", as_text("add", prefix="Sure: ", a=2, b=3))
    recovered = propose_calls(service, [adder([])], ASK, system_prompt="Use the tools.")
    assert recovered.calls == ({"name": "add", "args": {"a": 2, "b": 3}},)
    assert (recovered.retries, recovered.recovered) == (0, True)
    assert ollama_double.requests_to("/api/chat")[-1].body["messages"][0]["role"] == "system"

    ollama_double.script("llama3.2", call("add", a="two", b=3), call("add", a=2, b=3))
    asked_again = propose_calls(service, [adder([])], ASK)
    assert asked_again.calls and asked_again.retries == 1

    ollama_double.set_responder("llama3.2", lambda body: call("sum", a=1))
    failed = propose_calls(service, [adder([])], ASK, max_repairs=1)
    assert failed.calls == () and failed.retries == 1
    assert failed.failure and "no tool called 'sum'" in failed.failure


def test_a_text_answer_is_no_call(service: OllamaService, ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", Reply(text="It is 5."))
    proposal = propose_calls(service, [adder([])], ASK, temperature=0)
    assert proposal.calls == () and proposal.text == "It is 5."
    assert ollama_double.requests_to("/api/chat")[0].body["options"]["temperature"] == 0
