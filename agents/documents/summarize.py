"""Summaries of long documents: one pass when the document fits, map-reduce otherwise.

The context window is picked from a small fixed set (8k/16k/32k tokens, capped by the
model's maximum and a memory cap): changing ``num_ctx`` reloads the model, so a whole job
uses one size. Every request is budgeted so that prompt plus answer fits the window:
Ollama would otherwise cut the prompt silently.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_text_splitters import RecursiveCharacterTextSplitter

from agents import fences
from agents.cancel import CancelToken
from agents.documents.chunking import SEPARATORS
from agents.documents.loaders import LoadedDocument, load_document
from agents.events import Event, Status, SummaryProgress
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, read_reply, run_steps, stream_reply
from agents.llm.tokens import estimate_tokens
from agents.wording import say

SUMMARY_TOKENS = 1536  # room left for the final summary
NOTES_TOKENS = 700  # room left for one section's notes
PROMPT_OVERHEAD = 400  # instructions and framing around the text
# Context sizes a summary may use. A small fixed set: changing num_ctx reloads the model.
SUMMARY_CONTEXT_SIZES: tuple[int, ...] = (8192, 16384, 32768)

LANGUAGES = {
    "en": "English", "zh": "Chinese (简体中文)", "zh-cn": "Simplified Chinese (简体中文)",
    "zh-tw": "Traditional Chinese (繁體中文)", "fr": "French", "de": "German", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "ja": "Japanese", "ko": "Korean",
    "ru": "Russian", "ar": "Arabic", "hi": "Hindi", "pl": "Polish", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "th": "Thai",
}  # fmt: skip

SYSTEM_PROMPT = f"""You summarise documents faithfully. \
{fences.rule("quoted from the user's file")} \
Use only what the document says; never invent facts, names or numbers."""

FINAL_FORMAT = """Write in {language}. Use this structure with Markdown headings \
(translate the headings into {language}):
## Summary
(3 to 6 sentences)
## Key points
(bullet list)
## Action items and decisions
(bullet list of actions, deadlines and decisions stated in the document; write "None" if \
there are none)"""


def language_name(lang: str | None) -> str:
    """A language to write in, from a code (``zh``, ``fr-CA``) or a name."""
    if not lang:
        return "the same language as the document"
    key = lang.strip().lower().replace("_", "-")
    return LANGUAGES.get(key) or LANGUAGES.get(key.split("-")[0]) or lang.strip()


@dataclass(frozen=True)
class SummaryPlan:
    """How a document will be summarised.

    Attributes:
        mode: "single" (one pass) or "map-reduce".
        num_ctx: The context window sent with every request of the job.
        document_tokens: Estimated tokens of the document.
        sections: How many map calls (0 for a single pass).
    """

    mode: str
    num_ctx: int
    document_tokens: int
    sections: int


def context_limit(model_max: int | None, max_ctx: int) -> int:
    """The largest window a summary may use: a fixed size within model and memory caps."""
    ceiling = min(model_max or SUMMARY_CONTEXT_SIZES[0], max_ctx)
    fitting = [size for size in SUMMARY_CONTEXT_SIZES if size <= ceiling]
    return max(fitting) if fitting else ceiling


def plan_summary(text: str, model_max: int | None, max_ctx: int) -> SummaryPlan:
    """Picks single pass (smallest window that fits) or map-reduce (largest window).

    Args:
        text: The document's text.
        model_max: The model's largest context window, if known.
        max_ctx: The memory cap on the window (``Settings.documents_summary_max_ctx``).
    """
    tokens = estimate_tokens(text)
    needed = tokens + PROMPT_OVERHEAD + SUMMARY_TOKENS
    limit = context_limit(model_max, max_ctx)
    for size in SUMMARY_CONTEXT_SIZES:
        if needed <= size <= limit:
            return SummaryPlan("single", size, tokens, 0)
    if needed <= limit:
        return SummaryPlan("single", limit, tokens, 0)
    sections = len(split_sections(text, section_budget(limit)))
    return SummaryPlan("map-reduce", limit, tokens, sections)


def section_budget(num_ctx: int) -> int:
    """Tokens of document text one map call may carry."""
    return num_ctx - PROMPT_OVERHEAD - NOTES_TOKENS


def split_sections(text: str, budget_tokens: int) -> list[str]:
    """Splits text into sections of at most ``budget_tokens`` (by the estimate)."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=budget_tokens,
        chunk_overlap=0,
        length_function=estimate_tokens,
        separators=SEPARATORS,
        keep_separator="end",
    )
    return [s for s in splitter.split_text(text) if s.strip()]


def _labelled_text(document: LoadedDocument) -> str:
    """The document text with page markers, so notes can say where things are."""
    parts = []
    for section in document.sections:
        marker = f"[page {section.page}]\n" if section.page else ""
        parts.append(marker + section.text)
    return "\n\n".join(parts)


class DocumentSummarizer:
    """Summarises a document with the local model, streaming typed events.

    Args:
        service: The Ollama door; its settings give the caps and the context memory limit.
        model: The model; None means the configured chat model.
    """

    def __init__(self, service: OllamaService, model: str | None = None) -> None:
        self.service = service
        self.model = model
        self.plan: SummaryPlan | None = None

    def stream(
        self,
        source: Path | LoadedDocument,
        lang: str | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[Event]:
        """Yields Status and SummaryProgress while reading sections, then the summary's
        Tokens and Final; or Stopped or Failed (never raises for expected problems)."""
        run = Run(self.service, cancel or CancelToken(), self.model)
        return run_steps(lambda run: self._steps(source, lang, run), run)

    def _steps(self, source: Path | LoadedDocument, lang: str | None, run: Run) -> Iterator[Event]:
        settings = self.service.settings
        document = source if isinstance(source, LoadedDocument) else load_document(source, settings)
        yield Status(say("Read {document}", document=document.name))
        run.model = model = self.service.route(model=self.model)
        info = self.service.show(model)
        text = _labelled_text(document)
        plan = plan_summary(text, info.context_length, settings.documents_summary_max_ctx)
        self.plan = plan
        language = language_name(lang)
        chat = self.service.chat_model(model, num_ctx=plan.num_ctx, num_predict=SUMMARY_TOKENS)
        if plan.mode == "single":
            prompt = self._final_prompt(document.name, text, language, notes=False)
        else:
            notes_chat = self.service.chat_model(
                model, num_ctx=plan.num_ctx, num_predict=NOTES_TOKENS
            )
            notes = yield from self._map_reduce(
                notes_chat, document, text, plan, language, run.cancel
            )
            prompt = self._final_prompt(document.name, notes, language, notes=True)
        yield Status(say("Writing the summary…"))
        reply = yield from stream_reply(chat, self._messages(prompt), run.cancel)
        yield reply.ending(model)

    # -- steps ------------------------------------------------------------------------
    def _map_reduce(
        self,
        chat: Any,
        document: LoadedDocument,
        text: str,
        plan: SummaryPlan,
        language: str,
        cancel: CancelToken,
    ) -> Generator[Event, None, str]:
        """Notes per section, then notes of notes until they fit one call."""
        budget = section_budget(plan.num_ctx)
        sections = split_sections(text, budget)
        yield Status(
            say(
                "Reading {count} sections of {document}…",
                count=len(sections),
                document=document.name,
            )
        )
        notes: list[str] = []
        for number, section in enumerate(sections, start=1):
            prompt = (
                f"This is section {number} of {len(sections)} of the document "
                f"'{document.name}'. Write compact notes in {language}: the main "
                "points, facts, figures, names, decisions, action items and deadlines, "
                "with page numbers when shown. Notes only, no introduction.\n\n"
                + fences.fence(section, source="document section", number=number)
            )
            notes.append(f"Section {number}:\n{self._invoke(chat, prompt, cancel)}")
            yield SummaryProgress(number, len(sections))
        combined = "\n\n".join(notes)
        limit = plan.num_ctx - PROMPT_OVERHEAD - SUMMARY_TOKENS
        rounds = 0
        while estimate_tokens(combined) > limit and rounds < 5:
            rounds += 1
            groups = _group(notes, section_budget(plan.num_ctx))
            yield Status(say("Combining notes ({count} groups)…", count=len(groups)))
            merged = []
            for number, group in enumerate(groups, start=1):
                prompt = (
                    f"Merge these notes on parts of '{document.name}' into shorter "
                    f"notes in {language}, keeping every decision, action item, figure "
                    "and page number.\n\n" + fences.fence(group, source="notes")
                )
                merged.append(self._invoke(chat, prompt, cancel))
                yield SummaryProgress(number, len(groups), "combining")
            notes = merged
            combined = "\n\n".join(notes)
        if estimate_tokens(combined) > limit:
            combined = combined[: limit * 2]
        return combined

    def _invoke(self, chat: Any, prompt: str, cancel: CancelToken) -> str:
        """One section's notes, read whole (stopped at once when cancelled)."""
        return read_reply(self.service, chat, self._messages(prompt), cancel).text

    @staticmethod
    def _messages(prompt: str) -> list[BaseMessage]:
        return [SystemMessage(SYSTEM_PROMPT), HumanMessage(prompt)]

    @staticmethod
    def _final_prompt(name: str, body: str, language: str, *, notes: bool) -> str:
        what = "notes taken section by section from" if notes else "the full text of"
        source = "notes" if notes else "document"
        return (
            f"Below are {what} the document '{name}'. Summarise the whole document.\n"
            f"{FINAL_FORMAT.format(language=language)}\n\n{fences.fence(body, source=source)}"
        )


def _group(notes: Sequence[str], budget: int) -> list[str]:
    """Packs notes into groups of at most ``budget`` tokens each."""
    groups: list[str] = []
    current: list[str] = []
    used = 0
    for note in notes:
        cost = estimate_tokens(note)
        if current and used + cost > budget:
            groups.append("\n\n".join(current))
            current, used = [], 0
        current.append(note if cost <= budget else note[: budget * 2])
        used += min(cost, budget)
    if current:
        groups.append("\n\n".join(current))
    return groups
