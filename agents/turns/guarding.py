"""The safety check around any turn: the person's input before any model sees it, the
answer before any of it is shown or saved.

:func:`guarded` wraps the events of any agent. The input is checked first; when it is
not allowed the turn ends with ``Blocked(stage="prompt")`` and the agent never starts,
so no model but Llama Guard saw it. Otherwise the agent runs, and everything that is
part of the answer (tokens, sources, attached files, results) is held back until the
whole answer passed the check; activity (status, tool calls and their approval) passes
through at once. A flagged answer ends the turn with ``Blocked(stage="answer")`` and
nothing of it is released. A guard that can't run (Ollama down, model missing) fails
the turn: nothing goes through unchecked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from agents.cancel import CancelToken
from agents.chat.guard import Guard, GuardVerdict, Stage
from agents.errors import HearthError
from agents.events import (
    Attached,
    Blocked,
    Event,
    Failed,
    Final,
    Result,
    Sources,
    Status,
    Stopped,
    Token,
)

AnswerPart = Token | Sources | Attached | Result
Run = Callable[[CancelToken], Iterator[Event]]


def blocked(verdict: GuardVerdict, stage: Stage) -> Blocked:
    """The event that ends a turn the safety check stopped."""
    return Blocked(stage, verdict.explanation(stage), tuple(str(c) for c in verdict.categories))


def guarded(run: Run, guard: Guard, prompt: str, cancel: CancelToken) -> Iterator[Event]:
    """Runs a turn between two safety checks (see the module's description).

    Args:
        run: Starts the agent (called only once the input passed).
        guard: The safety checker.
        prompt: The person's input as text.
        cancel: Stops the turn, between checks and inside the agent.
    """
    yield Status("Checking your message…")
    try:
        verdict = guard.check_prompt(prompt)
    except HearthError as exc:
        yield Failed(exc, "")
        return
    if cancel.cancelled:
        yield Stopped("")
        return
    if not verdict.allowed:
        yield blocked(verdict, "prompt")
        return
    held: list[AnswerPart] = []
    yield Status("Writing the answer; it shows once the safety check has read it…")
    for event in run(cancel):
        if isinstance(event, AnswerPart):
            held.append(event)
            continue
        if not isinstance(event, Final):
            # Stopped and Failed keep no unchecked text: what arrived was never shown.
            if isinstance(event, Stopped | Failed):
                yield Stopped("") if isinstance(event, Stopped) else Failed(event.error, "")
                return
            yield event
            continue
        yield Status("Checking the answer…")
        try:
            answer_verdict = guard.check_answer(prompt, event.text)
        except HearthError as exc:
            yield Failed(exc, "")
            return
        if cancel.cancelled:
            yield Stopped("")
            return
        if not answer_verdict.allowed:
            yield blocked(answer_verdict, "answer")
            return
        yield from held
        yield event
        return
