"""The benchmarks of bench/ run (at tiny sizes): their figures are measured by hand
(``python -m bench``), never asserted here."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.storage import ChatStore
from bench import long_chat, retrieval
from bench.double import markdown_answer, serve


def test_the_double_streams_from_its_own_process() -> None:
    import ollama

    with serve(rate=5000, tokens=40) as url:
        parts = ollama.Client(host=url).chat(
            model="llama3.2", messages=[{"role": "user", "content": "STREAM"}], stream=True
        )
        text = "".join(p.message.content or "" for p in parts)
    assert text == "".join(markdown_answer(40))
    assert "|" in "".join(markdown_answer(400)) and "```" in "".join(markdown_answer(400))


def test_a_long_chat_is_made_as_one_line(tmp_path: Path) -> None:
    conversation = long_chat.make_chat(tmp_path, 120, "long")
    with ChatStore.in_data_dir(tmp_path) as store:
        path = store.tree(conversation).path
    assert len(path) == 120 and [m.role for m in path[:2]] == ["user", "assistant"]


def test_the_retrieval_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    retrieval.main(1500)
    out = capsys.readouterr().out
    assert out.count("hybrid search at 1,500 passages") == 2
    assert "recall@5 against exact" in out and "against full BM25" in out
