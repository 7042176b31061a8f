"""Structured output: JSON that follows a pydantic model, with bounded repairs.

Small models often answer almost right: JSON in a code fence, a trailing comma, an
answer cut at the length limit, a field of the wrong type. :func:`repair_loop` is the one
place that asks again a bounded number of times, each time showing the model what it
wrote and exactly what was wrong with it. :func:`structured` uses it for JSON answers
(the schema goes to Ollama as ``format``, generated from the pydantic model, never
written by hand); the tool agent uses it for tool calls.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from agents.cancel import CancelToken
from agents.llm.errors import ErrorKind, LLMError
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Reply, read_reply
from agents.wording import Words, say

ModelT = TypeVar("ModelT", bound=BaseModel)
R = TypeVar("R")
T = TypeVar("T")

DEFAULT_ATTEMPTS = 3
NUM_PREDICT = 2048
"""Token cap for a structured answer: a looping model stops instead of running forever."""
_ECHO_CHARS = 4000
_ANSWER = say("answer")  # what was asked for, in the error
_ADVICE = say("Try again, or choose a larger model in Settings.")


class Unusable(Exception):
    """Every attempt was refused; ``problem`` says what was wrong with the last one."""

    def __init__(self, problem: str, attempts: int) -> None:
        super().__init__(problem)
        self.problem = problem
        self.attempts = attempts


def describe_problem(exc: Exception) -> str:
    """One line saying why a reply was refused (for the model and for the person)."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "the reply"
        if first.get("type") == "json_invalid":
            return "it is not valid JSON"
        return f"{where}: {first.get('msg', 'invalid')}"
    return str(exc)


def repair_loop(
    ask: Callable[[list[Any]], R],
    read: Callable[[R], T],
    echo: Callable[[R], str],
    *,
    attempts: int,
    fix: str,
    on_attempt: Callable[[int, int], None] | None = None,
) -> T:
    """Asks, reads, and asks again with the problem until a reply can be used.

    Args:
        ask: One model call, given the repair messages so far (LangChain messages to
            append after the request; empty the first time).
        read: Turns a reply into the result; raises ValueError (or a pydantic
            ValidationError) saying what is wrong.
        echo: The reply as text, shown back to the model with the problem.
        attempts: Model calls in all (at least one).
        fix: What the model should do instead, after "That reply can't be used: ...".
        on_attempt: Told ``(attempt, attempts)`` before each model call (1-based).

    Raises:
        Unusable: The last attempt was refused too.
    """
    from langchain_core.messages import AIMessage, HumanMessage

    repairs: list[Any] = []
    problem = "no answer"
    for attempt in range(1, max(1, attempts) + 1):
        if on_attempt is not None:
            on_attempt(attempt, max(1, attempts))
        reply = ask(list(repairs))
        try:
            return read(reply)
        except (ValidationError, ValueError) as exc:
            problem = describe_problem(exc)
            repairs += [
                AIMessage(content=echo(reply)[:_ECHO_CHARS]),
                HumanMessage(content=f"That reply can't be used: {problem}. {fix}"),
            ]
    raise Unusable(problem, max(1, attempts))


def structured(
    service: OllamaService,
    model: str,
    messages: Sequence[Any],
    schema: type[ModelT],
    *,
    cancel: CancelToken | None = None,
    check: Callable[[ModelT], ModelT] | None = None,
    attempts: int = DEFAULT_ATTEMPTS,
    what: Words = _ANSWER,
    advice: Words = _ADVICE,
    fix: str = "Answer again with JSON only, following the schema exactly.",
    num_predict: int = NUM_PREDICT,
) -> ModelT:
    """Asks ``model`` for JSON following ``schema`` and returns it validated.

    The JSON schema is generated from the pydantic model and sent as Ollama's
    ``format``; the reply is read leniently (see :func:`loads_lenient`), validated, then
    given to ``check`` (which raises ValueError to refuse it). A refused reply is shown
    to the model with the problem, at most ``attempts`` model calls in all. Each attempt
    is told on the cancel token's progress.

    Raises:
        LLMError: ``UNUSABLE`` when no reply could be used (the message names the model,
            the tries and the last problem, then ``advice``); other kinds when the server
            or the model failed.
        Cancelled: ``cancel`` was set.
    """
    cancel = cancel or CancelToken()
    chat = service.chat_model(
        model, format=schema.model_json_schema(), temperature=0, num_predict=num_predict
    )

    def ask(repairs: list[Any]) -> Reply:
        return read_reply(service, chat, [*messages, *repairs], cancel)

    def read(reply: Reply) -> ModelT:
        try:
            parsed = schema.model_validate(loads_lenient(reply.text))
        except (ValidationError, ValueError) as exc:
            if reply.done_reason == "length":
                raise ValueError("the answer was cut off at the length limit") from exc
            raise
        return check(parsed) if check else parsed

    try:
        return repair_loop(
            ask,
            read,
            lambda reply: reply.text,
            attempts=attempts,
            fix=fix,
            on_attempt=lambda attempt, tries: cancel.report(
                attempt=attempt, attempts=tries, tokens=0
            ),
        )
    except Unusable as exc:
        raise LLMError(
            ErrorKind.UNUSABLE,
            say(
                "The model ({model}) didn't give a usable {what} after {attempts} tries "
                "(last problem: {problem}). {advice}",
                model=model,
                what=what,
                attempts=exc.attempts,
                problem=exc.problem,
                advice=advice,
            ),
            model=model,
        ) from exc


# -- JSON as small models write it -------------------------------------------------------
_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)(?:```|$)", re.S)


def loads_lenient(text: str) -> Any:
    """Reads JSON the way small models write it: fenced, with trailing commas, or cut off.

    Raises:
        ValueError: No JSON value can be recovered.
    """
    candidates = [text.strip()]
    fenced = _FENCE.search(text)
    if fenced:
        candidates.insert(0, fenced.group(1).strip())
    for candidate in candidates:
        start = min((i for i in (candidate.find("{"), candidate.find("[")) if i >= 0), default=-1)
        if start < 0:
            continue
        body = candidate[start:]
        for attempt in (body, _repair(body), _close_open(_repair(body))):
            try:
                value, _ = json.JSONDecoder().raw_decode(attempt)
                return value
            except ValueError:
                pass
        try:
            return ast.literal_eval(_repair(body))  # a Python-style dict with single quotes
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            pass
    raise ValueError("it is not valid JSON")


def _repair(text: str) -> str:
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r",\s*([}\]])", r"\1", text)


def _close_open(text: str) -> str:
    """Closes strings, objects and arrays left open by an answer cut at the length limit."""
    stack: list[str] = []
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]" and stack:
            stack.pop()
    closed = text + ('"' if in_string else "")
    closed = re.sub(r",\s*$", "", closed.rstrip())
    closed = re.sub(r'"\s*:\s*$', '": null', closed)
    return _repair(closed + "".join(reversed(stack)))
