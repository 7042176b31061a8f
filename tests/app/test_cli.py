"""The ``hearth`` command line against the Ollama double."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agents.exit_codes import Exit
from app.main import main
from tests.fakes import OllamaDouble, Reply


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEARTH_DATA_DIR", str(tmp_path / "data"))


def test_doctor_lists_models_and_passes(
    ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert ollama_double.url in out
    assert "Server: Ollama" in out
    assert "llama3.2:latest" in out and "chat, tools" in out
    assert "llama3.2-vision:latest" in out and "vision" in out
    assert "chat       llama3.2" in out and "ok" in out


def test_doctor_says_what_is_missing(
    ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.remove_model("llama3.2")
    ollama_double.remove_model("nomic-embed-text")
    assert main(["doctor"]) == 4
    captured = capsys.readouterr()
    assert "missing: run `ollama pull llama3.2`" in captured.out
    assert "ollama pull nomic-embed-text" in captured.out
    assert "isn't ready" in captured.err


def test_doctor_with_ollama_down(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    double = OllamaDouble().start()
    double.stop()
    monkeypatch.setenv("OLLAMA_HOST", double.url)
    assert main(["doctor"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "ollama serve" in err


def test_ask_streams_the_answer(ollama_double: OllamaDouble, capsys) -> None:  # type: ignore[no-untyped-def]
    ollama_double.script("llama3.2", Reply(tokens=["Paris", " is", " the", " capital."]))
    assert main(["ask", "Capital of France?"]) == 0
    assert capsys.readouterr().out == "Paris is the capital.\n"
    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.body["messages"][-1]["content"] == "Capital of France?"
    assert request.num_ctx == 8192


def test_ask_with_model_and_stdin(
    ollama_double: OllamaDouble, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("from stdin"))
    assert main(["ask", "-", "--model", "llama3.2:1b", "--system", "Be terse."]) == 0
    assert capsys.readouterr().out == "You said: from stdin\n"
    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.model == "llama3.2:1b"
    assert request.body["messages"][0] == {"role": "system", "content": "Be terse."}


@pytest.mark.parametrize(
    ("setup", "code", "words"),
    [
        (lambda d: d.remove_model("llama3.2"), 4, "ollama pull llama3.2"),
        (lambda d: setattr(d, "busy", True), 6, "busy"),
        (lambda d: d.script("llama3.2", Reply(text="a b c d", close_after=2)), 7, "dropped"),
        (lambda d: d.script("llama3.2", Reply(text="a b c d", cut_after=2)), 8, "ended before"),
        (lambda d: d.script("llama3.2", Reply(text="a b c d", error_after=2)), 10, "error"),
    ],
)
def test_ask_failures_exit_with_one_line(
    ollama_double: OllamaDouble,
    capsys,
    setup,
    code: int,
    words: str,  # type: ignore[no-untyped-def]
) -> None:
    setup(ollama_double)
    assert main(["ask", "hi"]) == code
    err = capsys.readouterr().err
    assert err.startswith("hearth: ")
    assert err.count("\n") == 1
    assert words in err


def test_ask_refuses_a_remote_host_without_opt_in(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OLLAMA_HOST", "http://192.0.2.7:11434")
    assert main(["ask", "hi"]) == 11
    assert "Allow remote Ollama" in capsys.readouterr().err


def test_ask_with_nothing_to_ask(ollama_double: OllamaDouble, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["ask", "   "]) == 1
    assert "Nothing to ask" in capsys.readouterr().err


def test_real_entry_point_version_and_smoke_test(
    tmp_path: Path, ollama_double: OllamaDouble
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HEARTH_DATA_DIR": str(tmp_path / "d")}
    version = subprocess.run(
        [sys.executable, "-m", "app", "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert version.stdout.startswith("hearth ")
    smoke = subprocess.run(
        [sys.executable, "-m", "app", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert smoke.returncode == 0, smoke.stderr
    assert "window shown and idle after" in smoke.stdout
    # A second instance on the same data folder is refused while the first runs.
    first = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from agents.storage import InstanceLock; "
            f"l = InstanceLock(__import__('pathlib').Path({str(tmp_path / 'd')!r})); l.acquire(); "
            "print('locked', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "locked"
        second = subprocess.run(
            [sys.executable, "-m", "app", "--smoke-test"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert second.returncode == Exit.ALREADY_RUNNING
        assert "already running" in second.stderr
    finally:
        first.kill()
        first.wait()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], False),
        (["--smoke-test"], False),
        (["--data-dir", "ask"], False),
        (["--data-dir", "/x", "ask", "hi"], True),
        (["doctor"], True),
        (["--help"], True),
    ],
)
def test_only_subcommands_load_the_feature_parsers(argv: list[str], expected: bool) -> None:
    from app.main import wants_command

    assert wants_command(argv) is expected
