"""The image intent measurement against the double: the labelled phrases, raw and through
Hearth's path, with scripted choices whose right scores are known."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.function_calling import main
from bench.image_intent import PHRASES
from tests.agents.images.scripted_intent import choice_for, last_user_text
from tests.fakes import OllamaDouble, Reply

BY_TEXT = {p.text: p for p in PHRASES}


def english_native_chinese_as_text(body: dict[str, Any]) -> Reply:
    """Native calls for English; for Chinese the call is written as JSON text (only Hearth's
    path reads it; raw, a text reply is no call, which happens to be right for "ask")."""
    phrase = BY_TEXT[last_user_text(body)]
    choice = choice_for(phrase)
    if phrase.lang == "en":
        return Reply(tool_calls=[choice])
    return Reply(text=json.dumps({"name": choice["name"], "parameters": choice["arguments"]}))


def test_intent_scores_raw_and_through_hearth(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.set_responder("llama3.2", english_native_chinese_as_text)
    out = tmp_path / "intent.json"
    assert main(["--host", ollama_double.url, "--intent", "--out", str(out)]) == 0

    results = json.loads(out.read_text("utf-8"))
    scores = results["scores"]
    chinese = [p for p in PHRASES if p.lang == "zh"]
    chinese_ask = sum(p.route == "ask" for p in chinese)
    assert scores["all"]["cases"] == len(PHRASES) and scores["all"]["hearth"] == 1.0
    assert scores["lang en"]["raw"] == 1.0
    assert scores["lang zh"]["raw"] == pytest.approx(chinese_ask / len(chinese))
    assert scores["route find"]["raw"] < 1.0 and scores["route ask"]["raw"] == 1.0
    assert {c["want"] for c in results["cases"]} == {"find", "chart", "ask"}
    assert {p.lang for p in PHRASES} == {"en", "zh"}

    shown, progress = capsys.readouterr()
    assert "lang zh" in shown and "100.0%" in shown
    assert f"{len(PHRASES)}/{len(PHRASES)}" in progress
