"""What every ``hearth`` command keeps to: where its options go, its help, its exit on a
closed pipe, its log file, and private files in the data folder."""

from __future__ import annotations

import argparse
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents import settings as settings_mod
from agents.exit_codes import Exit
from agents.images.store import ImageStore
from agents.settings import Settings
from agents.storage import ChatStore
from agents.tools.audit import AuditLog
from app import logs
from app.cli import build_parser
from app.main import main
from tests.agents.images.pictures import photo
from tests.fakes import OllamaDouble, Reply


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield name, sub
                for inner, deeper in _subcommands(sub):
                    yield f"{name} {inner}", deeper


def test_every_subcommand_has_help_and_takes_data_dir_after_it() -> None:
    parser = build_parser()
    names = dict(_subcommands(parser))
    assert {"ask", "doctor", "index", "agent", "rewrite", "export", "import"} <= set(names)
    for name, sub in names.items():
        assert sub.description, f"hearth {name} has no help text"
        assert "--data-dir" in sub._option_string_actions, name


def test_data_dir_before_or_after_the_subcommand(
    tmp_path: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    assert main(["--data-dir", str(before), "doctor"]) == 0
    assert f"Data folder: {before}" in capsys.readouterr().out
    assert main(["doctor", "--data-dir", str(after)]) == 0
    out = capsys.readouterr().out
    assert f"Data folder: {after}" in out
    assert f"Log file: {after / 'logs' / 'hearth.log'}" in out


@pytest.mark.parametrize("argv", [["ask"], ["nonsense-command"], ["ask", "q", "--no-such"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_a_reader_that_goes_away_ends_the_command_quietly(
    tmp_path: Path, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(tokens=["word "] * 200_000))
    env = {**os.environ, "OLLAMA_HOST": ollama_double.url, "HEARTH_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "ask", "Say a lot"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(20)
    process.stdout.close()  # as `| head -c 20` does
    code = process.wait(timeout=60)
    err = process.stderr.read().decode()
    assert code == Exit.PIPE_CLOSED, err
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_the_log_file_records_commands_and_failures_on_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "http://127.0.0.1:9")  # nothing listens there
    assert main(["--data-dir", str(tmp_path), "doctor"]) == 3
    logging.getLogger("agents.test").warning("x" * 5000 + "\nsecond line of a body")
    text = (tmp_path / "logs" / "hearth.log").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert any("hearth doctor" in line for line in lines)
    assert any("failed (exit 3)" in line and "ollama serve" in line for line in lines)
    assert all(len(line) <= logs.MAX_RECORD_CHARS + 100 for line in lines)
    assert "second line of a body" not in text  # cut: a record is never a whole body


def test_everything_written_in_the_data_folder_is_private(
    tmp_path: Path, ollama_double: OllamaDouble
) -> None:
    root = tmp_path / "data"
    root.mkdir(mode=0o755)
    assert main(["--data-dir", str(root), "doctor"]) == 0
    with ChatStore.in_data_dir(root) as store:
        store.add_message(store.create_conversation("t").id, "user", "hi")
    settings_mod.save(root, Settings())
    ImageStore.in_data_dir(root).put(photo(40, 30, "PNG"))
    AuditLog.in_data_dir(root)
    logging.getLogger("agents.test").warning("a line for the log")
    written = [root, *root.rglob("*")]
    assert len(written) > 5
    for path in written:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_every_code_is_listed_in_the_readme_and_in_help() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    helptext = build_parser(with_commands=False).format_help()
    for code in Exit:
        assert f"| {code.value} | {code.meaning} |" in readme, code
        assert f"{code.value:>3}  {code.meaning}" in helptext, code
