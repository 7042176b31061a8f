"""Streaming rewrites, long texts in pieces that keep paragraphs whole.

A text is cut into pieces under a token budget at paragraph breaks (blank lines); a
paragraph is only cut when it alone exceeds the budget, then at sentence ends (then at
spaces, then anywhere, for the pathological cases). Each piece is rewritten on its own
and the results are joined with the original separators, byte for byte, so no
paragraph is lost, doubled or glued to its neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Event, Final, Stats, Status, Thinking, Token
from agents.fences import Fence
from agents.llm.errors import LLMError, incomplete
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, run_steps, stream_reply
from agents.llm.tokens import estimate_tokens
from agents.wording import say
from agents.writing.styles import (
    RewriteSpec,
    clean_output,
    script_language,
    system_prompt,
    temperature_for,
    user_prompt,
)

if TYPE_CHECKING:
    from langchain_ollama import ChatOllama

#: Largest piece sent in one request (tokens, estimated). Small models rewrite short
#: passages far more faithfully than long ones.
DEFAULT_PIECE_TOKENS = 1200
#: Smallest budget ever used, however small the context window.
MIN_PIECE_TOKENS = 64
#: Longest text accepted (characters): about a 150-page book.
MAX_TEXT_CHARS = 500_000


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(\s+)|[。！？]+[」』”’）)]*(\s*)")
_SPACES = re.compile(r"\s+")
_FENCE = re.compile(r"\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Layout:
    """A text cut into pieces: ``lead + piece0 + sep0 + piece1 + ... + trail``.

    Attributes:
        lead: Whitespace before the first piece.
        pieces: The pieces to rewrite, in order.
        separators: What stood between piece i and piece i + 1 (one fewer than pieces).
        trail: Whitespace after the last piece.
    """

    lead: str
    pieces: list[str]
    separators: list[str]
    trail: str

    def join(self, pieces: Sequence[str] | None = None) -> str:
        """Puts (rewritten) pieces back together with the original separators."""
        chosen = list(self.pieces if pieces is None else pieces)
        if len(chosen) != len(self.pieces):
            raise ValueError("join needs exactly one text per piece")
        out = [self.lead]
        for i, piece in enumerate(chosen):
            out.append(piece)
            if i < len(self.separators):
                out.append(self.separators[i])
        out.append(self.trail)
        return "".join(out)


def _split_keeping(text: str, pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """Splits where the pattern matches; returns the parts and the separators between.

    For the sentence pattern the end punctuation stays with its sentence and only the
    whitespace after it (a capture group) is the separator.
    """
    parts: list[str] = []
    seps: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        cut, resume = match.span()
        if match.lastindex is not None:
            cut, resume = match.span(match.lastindex)
        if cut <= start or resume >= len(text) or (cut == resume and cut == match.start()):
            continue
        parts.append(text[start:cut])
        seps.append(text[cut:resume])
        start = resume
    parts.append(text[start:])
    return parts, seps


def _join_code_blocks(paragraphs: list[str], seps: list[str]) -> tuple[list[str], list[str]]:
    """Re-joins paragraphs that lie inside one fenced code block (blank lines in code)."""
    joined: list[str] = []
    joined_seps: list[str] = []
    open_fence = False
    for i, paragraph in enumerate(paragraphs):
        if open_fence:
            joined[-1] += seps[i - 1] + paragraph
        else:
            if joined:
                joined_seps.append(seps[i - 1])
            joined.append(paragraph)
        fences = sum(1 for line in paragraph.split("\n") if _FENCE.match(line))
        open_fence = open_fence != (fences % 2 == 1)
    return joined, joined_seps


def _atoms(text: str, budget: int, level: int = 0) -> tuple[list[str], list[str]]:
    """Cuts one paragraph into parts that each fit: sentences, then words, then characters."""
    if estimate_tokens(text) <= budget:
        return [text], []
    if level == 0:
        parts, seps = _split_keeping(text, _SENTENCE_END)
    elif level == 1:
        parts, seps = _split_keeping(text, _SPACES)
    else:
        size = max(1, (budget - 4) * 3 // 4)  # fits even if every character is CJK
        parts = [text[i : i + size] for i in range(0, len(text), size)]
        return parts, [""] * (len(parts) - 1)
    if len(parts) == 1:
        return _atoms(text, budget, level + 1)
    atoms: list[str] = []
    atom_seps: list[str] = []
    for i, part in enumerate(parts):
        sub, sub_seps = _atoms(part, budget, level + 1)
        if atoms:
            atom_seps.append(seps[i - 1])
        atoms.extend(sub)
        atom_seps.extend(sub_seps)
    return atoms, atom_seps


def plan_pieces(text: str, budget: int) -> Layout:
    """Cuts a text into pieces of at most ``budget`` tokens (estimated).

    Whole paragraphs are packed together while they fit; a paragraph is cut (at sentence
    ends) only when it alone is over the budget.
    """
    budget = max(budget, 8)
    body = text.strip()
    if not body:
        return Layout(lead=text, pieces=[], separators=[], trail="")
    start = text.find(body)
    lead, trail = text[:start], text[start + len(body) :]
    paragraphs, paragraph_seps = _join_code_blocks(*_split_keeping(body, _PARAGRAPH_BREAK))
    atoms: list[str] = []
    seps: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        sub, sub_seps = _atoms(paragraph, budget)
        if atoms:
            seps.append(paragraph_seps[i - 1])
        atoms.extend(sub)
        seps.extend(sub_seps)
    pieces: list[str] = [atoms[0]]
    piece_seps: list[str] = []
    for atom, sep in zip(atoms[1:], seps, strict=True):
        joined = pieces[-1] + sep + atom
        if estimate_tokens(joined) <= budget:
            pieces[-1] = joined
        else:
            pieces.append(atom)
            piece_seps.append(sep)
    return Layout(lead=lead, pieces=pieces, separators=piece_seps, trail=trail)


@dataclass
class _Progress:
    """How far a rewrite got: the finished pieces and the one being written."""

    layout: Layout | None = None
    done: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The rewrite so far, joined with the original separators."""
        if self.layout is None:
            return ""
        pieces = [*self.done, "".join(self.current)]
        out = self.layout.lead
        for i, piece in enumerate(pieces):
            out += piece
            if i < len(pieces) - 1:
                out += self.layout.separators[i]
        return out.rstrip()


class Rewriter:
    """Rewrites text in a style with a local model, streaming typed events.

    Args:
        service: The Ollama door.
        model: The model; None means the configured chat model.
        max_piece_tokens: Largest piece sent at once; the context window may lower it.
    """

    def __init__(
        self,
        service: OllamaService,
        model: str | None = None,
        max_piece_tokens: int = DEFAULT_PIECE_TOKENS,
    ) -> None:
        self.service = service
        self.model = model
        self.max_piece_tokens = max_piece_tokens

    def piece_budget(self, model: str, spec: RewriteSpec) -> int:
        """Tokens per piece: the input, the instruction and up to twice the input as the
        answer (translations grow) must fit the model's context window."""
        overhead = estimate_tokens(system_prompt(spec, Fence())) + 64
        room = (self.service.num_ctx(model) - overhead) // 3
        return max(MIN_PIECE_TOKENS, min(self.max_piece_tokens, room))

    def stream(
        self, text: str, spec: RewriteSpec, cancel: CancelToken | None = None
    ) -> Iterator[Event]:
        """Streams the rewrite of ``text``.

        Yields Status (loading, which piece), Token events (separators between pieces
        included, so the tokens read like the result), then exactly one of Final (its
        ``text`` is the cleaned result and is what to keep), Stopped or Failed. Never
        raises for model or server problems.
        """
        progress = _Progress()
        run = Run(self.service, cancel or CancelToken(), self.model, partial=progress.text)
        return run_steps(lambda run: self._steps(text, spec, progress, run), run)

    def _steps(
        self, text: str, spec: RewriteSpec, progress: _Progress, run: Run
    ) -> Iterator[Event]:
        if not text.strip():
            raise HearthError(say("There is no text to rewrite: type or paste some first."))
        if len(text) > MAX_TEXT_CHARS:
            raise HearthError(
                say(
                    "The text is too long to rewrite at once ({count:,} characters, at most "
                    "{limit:,}): rewrite it a chapter at a time.",
                    count=len(text),
                    limit=MAX_TEXT_CHARS,
                )
            )
        run.model = model = self.service.route(model=self.model)
        layout = progress.layout = plan_pieces(text, self.piece_budget(model, spec))
        parts: list[Stats] = []
        source_language = None if spec.translates else script_language(text)
        budget = max((estimate_tokens(p) for p in layout.pieces), default=0)
        chat = self._chat_model(model, spec, 2 * budget + 256)
        for index, piece in enumerate(layout.pieces):
            if index:
                yield Token(layout.separators[index - 1])
            if len(layout.pieces) > 1:
                yield Status(
                    say(
                        "Rewriting part {part} of {count}…",
                        part=index + 1,
                        count=len(layout.pieces),
                    )
                )
            run.cancel.check()  # stopped between pieces: send nothing more
            progress.current = []
            for token in self._stream_piece(chat, model, piece, spec, source_language, run.cancel):
                if isinstance(token, Token):
                    progress.current.append(token.text)
                    yield token
                elif isinstance(token, Final):
                    parts.append(token.stats)
                    progress.done.append(token.text)
        yield Final(layout.join(progress.done), Stats.combined(parts))

    def _chat_model(self, model: str, spec: RewriteSpec, answer_limit: int) -> ChatOllama:
        """One chat model for all pieces (one HTTP connection, reused)."""
        overrides: dict[str, Any] = {"num_predict": answer_limit}
        if self.service.temperature is None:  # the person chose none: the style's own
            overrides["temperature"] = temperature_for(spec.style)
        return self.service.chat_model(model, **overrides)

    def _stream_piece(
        self,
        chat: ChatOllama,
        model: str,
        piece: str,
        spec: RewriteSpec,
        source_language: str | None,
        cancel: CancelToken,
    ) -> Iterator[Token | Thinking | Final]:
        """Rewrites one piece: its Tokens (and a thinking model's reasoning, which is not
        part of the rewrite), then a Final with the cleaned text.

        Raises:
            LLMError: The model failed or returned nothing.
            Cancelled: ``cancel`` was set.
        """
        from langchain_core.messages import HumanMessage, SystemMessage

        fence = Fence()
        messages = [
            SystemMessage(content=system_prompt(spec, fence, source_language)),
            HumanMessage(content=user_prompt(piece, fence)),
        ]
        reply = yield from stream_reply(chat, messages, cancel, strip_leading=True)
        cancel.check()
        if not reply.complete:
            raise incomplete(model)
        meta = reply.meta
        result = clean_output(reply.text)
        if not result:
            raise LLMError(
                incomplete(model).kind,
                say("The model returned an empty rewrite. Press Retry, or try another style."),
                model=model,
            )
        yield Final(result, Stats.from_metadata(meta))
