"""Llama Guard 3: an optional safety check of the user's message and of the answer.

How the prompt is built: Ollama's ``llama-guard3`` model carries Llama Guard 3's own
template. Sent plain ``user`` (and ``assistant``) messages on ``/api/chat``, the template
wraps them in the task text, the S1-S14 category list and the conversation, and asks
about the *last* message: a conversation ending with a ``user`` message is checked as
the User's turn, one ending with an ``assistant`` message as the Agent's turn. So
Hearth sends ``[user]`` to check a prompt and ``[user, assistant]`` to check an answer,
with no system message (the template has no place for one) and temperature 0.

The verdict is parsed strictly: the first line must be ``safe`` or ``unsafe``; after
``unsafe`` the next line must be a comma-separated list of known codes (S1-S14).
Anything else is ``unparseable``, and an unparseable verdict blocks (fails closed):
a safety check that cannot be read has not said the text is safe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from agents.errors import HearthError
from agents.llm.errors import ErrorKind, LLMError
from agents.llm.ollama_service import OllamaService
from agents.llm.tokens import estimate_tokens
from agents.wording import Words, listed, say

#: Llama Guard 3's hazard categories (MLCommons taxonomy), by code.
CATEGORIES: dict[str, Words] = {
    "S1": say("Violent Crimes"),
    "S2": say("Non-Violent Crimes"),
    "S3": say("Sex-Related Crimes"),
    "S4": say("Child Sexual Exploitation"),
    "S5": say("Defamation"),
    "S6": say("Specialized Advice"),
    "S7": say("Privacy"),
    "S8": say("Intellectual Property"),
    "S9": say("Indiscriminate Weapons"),
    "S10": say("Hate"),
    "S11": say("Suicide & Self-Harm"),
    "S12": say("Sexual Content"),
    "S13": say("Elections"),
    "S14": say("Code Interpreter Abuse"),
}

VerdictStatus = Literal["safe", "unsafe", "unparseable"]
Stage = Literal["prompt", "answer"]

_CODE_LIST = re.compile(r"S\d{1,2}(\s*,\s*S\d{1,2})*")
# Longest raw verdict kept for display (a verdict is a few tokens; junk can be long).
_RAW_KEEP = 300
# Most tokens the guard may write: "unsafe\nS1,S2,...,S14" is well under this.
_VERDICT_TOKENS = 48
# Share of the guard's context window used for the text to check.
_TEXT_SHARE = 0.6
# Of an answer check, how much of the prompt is kept as context (tokens).
_PROMPT_CONTEXT_TOKENS = 512


@dataclass(frozen=True)
class Category:
    """A violated hazard category, e.g. ``S1 Violent Crimes``."""

    code: str
    name: Words

    def __str__(self) -> str:
        return str(self.words)

    @property
    def words(self) -> Words:
        """The category for a person, e.g. ``S1 Violent Crimes``."""
        return say("{code} {name}", code=self.code, name=self.name)


@dataclass(frozen=True)
class GuardVerdict:
    """What Llama Guard said about a text.

    Attributes:
        status: ``safe``, ``unsafe`` or ``unparseable`` (the output made no sense).
        categories: The violated categories (``unsafe`` only; may be empty if the model
            named none).
        raw: The model's output, trimmed, for the curious and for logs.
    """

    status: VerdictStatus
    categories: tuple[Category, ...] = ()
    raw: str = ""

    @property
    def allowed(self) -> bool:
        """Whether the text may pass. Only an explicit ``safe`` passes (fails closed)."""
        return self.status == "safe"

    @property
    def codes(self) -> tuple[str, ...]:
        """The category codes, e.g. ``("S1", "S10")``."""
        return tuple(c.code for c in self.categories)

    def explanation(self, stage: Stage = "prompt") -> Words:
        """A sentence for the person: what was blocked and why."""
        prompt = stage == "prompt"
        if self.status == "safe":
            if prompt:
                return say("Your message passed the safety check.")
            return say("The answer passed the safety check.")
        if self.status == "unsafe" and self.categories:
            names = listed([c.words for c in self.categories])
            if prompt:
                return say(
                    "Your message was blocked by the safety check (Llama Guard): {names}.",
                    names=names,
                )
            return say(
                "The answer was blocked by the safety check (Llama Guard): {names}.", names=names
            )
        if self.status == "unsafe":
            if prompt:
                return say(
                    "Your message was blocked by the safety check (Llama Guard); it named no "
                    "category."
                )
            return say(
                "The answer was blocked by the safety check (Llama Guard); it named no category."
            )
        if prompt:
            return say(
                "Your message was held back because the safety check (Llama Guard) gave an "
                "answer Hearth could not read ({raw!r}). Try again, or turn the safety check "
                "off in Settings if it keeps happening.",
                raw=self.raw[:80],
            )
        return say(
            "The answer was held back because the safety check (Llama Guard) gave an answer "
            "Hearth could not read ({raw!r}). Try again, or turn the safety check off in "
            "Settings if it keeps happening.",
            raw=self.raw[:80],
        )


def parse_verdict(output: str) -> GuardVerdict:
    """Reads Llama Guard's output strictly.

    Accepted: ``safe``; ``unsafe`` followed by a line such as ``S1`` or ``S1,S10``;
    ``unsafe`` alone (blocked, no category). Case and surrounding whitespace are
    ignored; anything else, including unknown codes or extra lines, is ``unparseable``.
    """
    raw = output.strip()[:_RAW_KEEP]
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    if not lines:
        return GuardVerdict("unparseable", raw=raw)
    head = lines[0].lower()
    if head == "safe" and len(lines) == 1:
        return GuardVerdict("safe", raw=raw)
    if head != "unsafe" or len(lines) > 2:
        return GuardVerdict("unparseable", raw=raw)
    if len(lines) == 1:
        return GuardVerdict("unsafe", raw=raw)
    codes_line = lines[1].upper()
    if not _CODE_LIST.fullmatch(codes_line):
        return GuardVerdict("unparseable", raw=raw)
    categories: list[Category] = []
    for code in (c.strip() for c in codes_line.split(",")):
        if code not in CATEGORIES:
            return GuardVerdict("unparseable", raw=raw)
        if all(c.code != code for c in categories):
            categories.append(Category(code, CATEGORIES[code]))
    return GuardVerdict("unsafe", tuple(categories), raw=raw)


def _worst(verdicts: Sequence[GuardVerdict]) -> GuardVerdict:
    """Combines the verdicts of several windows: any unsafe wins, then unparseable."""
    unsafe = [v for v in verdicts if v.status == "unsafe"]
    if unsafe:
        merged: list[Category] = []
        for verdict in unsafe:
            merged.extend(c for c in verdict.categories if c not in merged)
        return GuardVerdict("unsafe", tuple(merged), raw=unsafe[0].raw)
    junk = [v for v in verdicts if v.status == "unparseable"]
    return junk[0] if junk else GuardVerdict("safe", raw=verdicts[0].raw if verdicts else "")


def _windows(text: str, budget_tokens: int) -> list[str]:
    """Cuts a long text into overlapping windows that each fit the guard's budget."""
    chars_per_token = len(text) / max(1, estimate_tokens(text))
    size = max(200, int(budget_tokens * chars_per_token))
    if len(text) <= size:
        return [text]
    overlap = size // 10
    return [text[i : i + size] for i in range(0, len(text) - overlap, size - overlap)]


class Guard:
    """Asks Llama Guard whether a message or an answer is safe.

    Args:
        service: The Ollama door.
        model: The guard model; None means the configured one (``llama-guard3:1b``).
    """

    def __init__(self, service: OllamaService, model: str | None = None) -> None:
        self.service = service
        self.model = model or service.settings.guard_model

    def missing_model_error(self) -> LLMError:
        """The error for a guard model that is not pulled, saying how to get it."""
        return LLMError(
            ErrorKind.MODEL_MISSING,
            say(
                "The safety check needs the model '{model}', which isn't downloaded: "
                "pull it with `ollama pull {model}` (or Pull model in Hearth), or turn "
                "the safety check off in Settings.",
                model=self.model,
            ),
            model=self.model,
        )

    def availability(self) -> Words | None:
        """None when the guard model is ready; otherwise what is wrong and what to do.

        Always asks Ollama afresh (the model may have been pulled or removed meanwhile).
        """
        self.service.forget(self.model)
        try:
            self._require()
        except HearthError as exc:
            return exc.words
        return None

    def check_prompt(self, text: str) -> GuardVerdict:
        """Checks a user's message.

        Raises:
            LLMError: Ollama or the guard model is not available.
        """
        self._require()
        budget = self._budget()
        verdicts = [
            self._ask([{"role": "user", "content": window}]) for window in _windows(text, budget)
        ]
        return _worst(verdicts)

    def check_answer(self, prompt: str, answer: str) -> GuardVerdict:
        """Checks an answer in the context of the message it answers.

        Raises:
            LLMError: Ollama or the guard model is not available.
        """
        self._require()
        context = prompt[-_PROMPT_CONTEXT_TOKENS * 3 :]
        budget = max(200, self._budget() - estimate_tokens(context))
        verdicts = [
            self._ask(
                [
                    {"role": "user", "content": context},
                    {"role": "assistant", "content": window},
                ]
            )
            for window in _windows(answer, budget)
        ]
        return _worst(verdicts)

    def _require(self) -> None:
        try:
            self.service.show(self.model)
        except LLMError as exc:
            if exc.kind is ErrorKind.MODEL_MISSING:
                raise self.missing_model_error() from exc
            raise

    def _budget(self) -> int:
        return int(self.service.num_ctx(self.model) * _TEXT_SHARE)

    def _ask(self, messages: list[dict[str, str]]) -> GuardVerdict:
        try:
            response = self.service.client.chat(
                model=self.model,
                messages=messages,
                stream=False,
                keep_alive=self.service.settings.keep_alive,
                options={
                    "num_ctx": self.service.num_ctx(self.model),
                    "temperature": 0,
                    "num_predict": _VERDICT_TOKENS,
                },
            )
        except Exception as exc:
            error = self.service.error(exc, self.model)
            if error.kind is ErrorKind.MODEL_MISSING:
                raise self.missing_model_error() from exc
            raise error from exc
        return parse_verdict(str(response.message.content or ""))
