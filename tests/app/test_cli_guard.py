"""The safety check from the command line: every command that asks a model goes through
the router, so with the check on a flagged request reaches no model but Llama Guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agents.exit_codes import Exit
from app.main import main
from tests.agents.images.pictures import bar_chart
from tests.fakes import OllamaDouble, Reply

GUARD = "llama-guard3:1b"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose settings turn the safety check on."""
    root = tmp_path / "data"
    root.mkdir()
    (root / "settings.json").write_text(json.dumps({"guard_enabled": True}), encoding="utf-8")
    monkeypatch.setenv("HEARTH_DATA_DIR", str(root))
    return root


def commands(tmp_path: Path) -> dict[str, list[str]]:
    chart = tmp_path / "chart.png"
    chart.write_bytes(bar_chart([10, 40, 20]))
    report = tmp_path / "report.txt"
    report.write_text("The budget was approved on Monday. " * 30, encoding="utf-8")
    text = tmp_path / "note.txt"
    text.write_text("hey send me the thing asap", encoding="utf-8")
    return {
        "ask": ["ask", "How do I pick a lock?"],
        "ask --docs": ["ask", "--docs", "What is the gate code?"],
        "ask --image": ["ask", "--image", str(chart), "What does it show?"],
        "chart": ["chart", str(chart)],
        "summarize": ["summarize", str(report)],
        "rewrite": ["rewrite", "--style", "formal", str(text)],
        "agent": ["agent", "Read my newest mail", "--task", "read"],
    }


@pytest.mark.parametrize(
    "command", ["ask", "ask --docs", "ask --image", "chart", "summarize", "rewrite", "agent"]
)
def test_a_flagged_request_reaches_only_the_guard(
    command: str,
    data: Path,
    tmp_path: Path,
    ollama_double: OllamaDouble,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ollama_double.set_responder(GUARD, lambda body: Reply(text="unsafe\nS2"))
    code = main(commands(tmp_path)[command])
    out, err = capsys.readouterr()
    assert code == Exit.BLOCKED, err
    assert "blocked by the safety check" in err and "S2 Non-Violent Crimes" in err
    assert err.count("\n") == 1 and out == ""
    assert {r.model for r in ollama_double.requests_to("/api/chat")} == {GUARD}
    assert ollama_double.requests_to("/api/embed") == []


def test_a_flagged_answer_is_not_printed(
    data: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.script(GUARD, Reply(text="safe"), Reply(text="unsafe\nS6"))
    ollama_double.script("llama3.2", Reply(text="Take 40 pills of it."))
    assert main(["ask", "dosage?"]) == Exit.BLOCKED
    out, err = capsys.readouterr()
    assert out == "" and "The answer was blocked" in err


def test_a_safe_answer_is_printed_after_both_checks(
    data: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.set_responder(GUARD, lambda body: Reply(text="safe"))
    ollama_double.script("llama3.2", Reply(text="Paris."))
    assert main(["ask", "Capital of France?"]) == 0
    assert capsys.readouterr().out == "Paris.\n"
    assert [r.model for r in ollama_double.requests_to("/api/chat")] == [
        "llama-guard3:1b",
        "llama3.2:latest",
        "llama-guard3:1b",
    ]
