"""Summaries: the path is chosen by size; num_ctx is fixed per job and never overflowed."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from agents.cancel import CancelToken
from agents.documents.summarize import DocumentSummarizer, SummaryProgress, language_name
from agents.events import Failed, Final, Stopped, Token
from agents.llm import OllamaService
from tests.agents.documents.makers import make_pdf
from tests.fakes import ModelSpec, OllamaDouble, Reply

SUMMARY = "## Summary\nA report.\n## Key points\n- Point.\n## Action items and decisions\n- None"


def _responder(body: dict[str, Any]) -> Reply:
    prompt = body["messages"][-1]["content"]
    if 'source="document section"' in prompt:
        return Reply(text="Notes: budget approved; deadline 3 May (page 12).")
    if 'source="notes">\nSection' in prompt and "Merge these notes" in prompt:
        return Reply(text="Merged notes.")
    return Reply(text=SUMMARY)


@pytest.fixture(autouse=True)
def scripted_model(ollama_double: OllamaDouble) -> None:
    ollama_double.set_responder("llama3.2", _responder)


def _text(path: Path, chars: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    words = ["budget", "harbour", "council", "decision", "deadline", "report", "vote", "repair"]
    sentences = []
    size = 0
    while size < chars:
        sentence = " ".join(rng.choice(words) for _ in range(12)).capitalize() + ". "
        sentences.append(sentence)
        size += len(sentence)
    path.write_text("".join(sentences), encoding="utf-8")
    return path


def _chat(double: OllamaDouble) -> list[Any]:
    return [r for r in double.requests_to("/api/chat") if r.body and r.body.get("messages")]


def _summarize(
    service: OllamaService, path: Path, **kwargs: Any
) -> tuple[DocumentSummarizer, list[Any]]:
    summarizer = DocumentSummarizer(service)
    return summarizer, list(summarizer.stream(path, **kwargs))


def test_small_document_single_pass_with_8k(
    service: OllamaService, ollama_double: OllamaDouble, docs_dir: Path
) -> None:
    pdf = make_pdf(
        docs_dir / "memo.pdf", ["The council approved the budget.", "Repairs start in May."]
    )
    summarizer, events = _summarize(service, pdf, lang="fr")
    assert summarizer.plan is not None and summarizer.plan.mode == "single"
    assert isinstance(events[-1], Final) and events[-1].text == SUMMARY
    assert "".join(e.text for e in events if isinstance(e, Token)) == SUMMARY
    (request,) = _chat(ollama_double)
    assert request.num_ctx == 8192 and not request.overflowed
    prompt = request.body["messages"][-1]["content"]
    assert "Write in French" in prompt and "[page 2]" in prompt
    assert "Action items and decisions" in prompt


def test_medium_document_single_pass_with_larger_window(
    service: OllamaService, ollama_double: OllamaDouble, docs_dir: Path
) -> None:
    summarizer, _events = _summarize(service, _text(docs_dir / "medium.txt", 30_000))
    assert summarizer.plan is not None
    assert (summarizer.plan.mode, summarizer.plan.num_ctx) == ("single", 16384)
    (request,) = _chat(ollama_double)
    assert request.num_ctx == 16384 and not request.overflowed


def test_long_document_map_reduce_with_fixed_window(
    service: OllamaService, ollama_double: OllamaDouble, docs_dir: Path
) -> None:
    summarizer, events = _summarize(service, _text(docs_dir / "long.txt", 260_000))
    plan = summarizer.plan
    assert plan is not None and plan.mode == "map-reduce" and plan.num_ctx == 32768
    progress = [e for e in events if isinstance(e, SummaryProgress)]
    assert [p.done for p in progress] == list(range(1, plan.sections + 1))
    assert plan.sections >= 3
    requests = _chat(ollama_double)
    assert len(requests) == plan.sections + 1
    assert {r.num_ctx for r in requests} == {32768}
    assert not any(r.overflowed for r in requests)
    assert max(r.prompt_tokens for r in requests) > 20_000  # sections use the window well
    assert isinstance(events[-1], Final)


def test_model_context_and_memory_cap_bound_the_window(
    service: OllamaService, ollama_double: OllamaDouble, docs_dir: Path
) -> None:
    path = _text(docs_dir / "doc.txt", 60_000)
    service.reconfigure(replace(service.settings, documents_summary_max_ctx=16384))
    _summarizer, _ = _summarize(service, path)
    assert {r.num_ctx for r in _chat(ollama_double)} == {16384}
    ollama_double.clear_requests()
    ollama_double.add_model(ModelSpec("tiny:latest", ["completion"], context_length=8192))
    summarizer = DocumentSummarizer(service, model="tiny")
    events = list(summarizer.stream(path))
    assert isinstance(events[-1], Final)
    requests = _chat(ollama_double)
    assert {r.num_ctx for r in requests} == {8192}
    assert not any(r.overflowed for r in requests)


def test_chinese_document_in_chinese(
    service: OllamaService, ollama_double: OllamaDouble, docs_dir: Path
) -> None:
    path = docs_dir / "会议纪要.txt"
    path.write_text(
        "理事会批准了港口维修预算，工程将于五月开始，负责人是王芳。" * 1500, encoding="utf-8"
    )
    summarizer, events = _summarize(service, path, lang="zh")
    assert summarizer.plan is not None and summarizer.plan.mode == "map-reduce"
    requests = _chat(ollama_double)
    assert not any(r.overflowed for r in requests)
    assert "Write in Chinese" in requests[-1].body["messages"][-1]["content"]
    assert isinstance(events[-1], Final)


def test_cancel_during_sections(
    service: OllamaService, ollama_double: OllamaDouble, docs_dir: Path
) -> None:
    cancel = CancelToken()
    events = []
    for event in DocumentSummarizer(service).stream(
        _text(docs_dir / "long.txt", 260_000), None, cancel
    ):
        events.append(event)
        if isinstance(event, SummaryProgress):
            cancel.cancel()
    assert isinstance(events[-1], Stopped)
    assert len(_chat(ollama_double)) == 1


def test_bad_file_fails_with_its_message(service: OllamaService, docs_dir: Path) -> None:
    path = docs_dir / "empty.txt"
    path.touch()
    _, events = _summarize(service, path)
    assert (
        isinstance(events[-1], Failed)
        and "empty.txt: the file is empty" in events[-1].error.message
    )


def test_language_names() -> None:
    assert language_name("zh-CN") == "Simplified Chinese (简体中文)"
    assert language_name("pt_BR") == "Portuguese"
    assert language_name("Klingon") == "Klingon"
    assert language_name(None) == "the same language as the document"
