"""The safety check around any turn: the person's input before any model sees it, the
answer before any of it is shown or saved.

:func:`guarded` wraps the events of any agent. The input is checked first; when it is
not allowed the turn ends with ``Blocked(stage="prompt")`` and the agent never starts,
so no model but Llama Guard saw it. Otherwise the agent runs, and everything that is
part of the answer (tokens, reasoning, sources, attached files, results) is held back until the
whole answer passed the check; activity (status, tool calls and their approval) passes
through at once. A flagged answer ends the turn with ``Blocked(stage="answer")`` and
nothing of it is released. A guard that can't run (Ollama down, model missing) fails
the turn: nothing goes through unchecked.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from functools import partial

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
    Thinking,
    Token,
)
from agents.wording import say

AnswerPart = Token | Thinking | Sources | Attached | Result
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
    yield Status(say("Checking your message…"))
    if not (yield from _passes(partial(guard.check_prompt, prompt), "prompt", cancel)):
        return
    held: list[AnswerPart] = []
    yield Status(say("Writing the answer; it shows once the safety check has read it…"))
    for event in run(cancel):
        if isinstance(event, AnswerPart):
            held.append(event)
        elif isinstance(event, Stopped):
            yield Stopped("")  # what arrived was never checked, so it was never shown
            return
        elif isinstance(event, Failed):
            yield Failed(event.error, "")
            return
        elif isinstance(event, Final):
            yield Status(say("Checking the answer…"))
            check = partial(guard.check_answer, prompt, event.text)
            if (yield from _passes(check, "answer", cancel)):
                yield from held
                yield event
            return
        else:
            yield event


def _passes(
    check: Callable[[], GuardVerdict], stage: Stage, cancel: CancelToken
) -> Generator[Event, None, bool]:
    """Runs one check; yields the turn's ending unless the text may pass."""
    try:
        verdict = check()
    except HearthError as exc:
        yield Failed(exc, "")
        return False
    if cancel.cancelled:
        yield Stopped("")
        return False
    if not verdict.allowed:
        yield blocked(verdict, stage)
        return False
    return True
