"""The ``hearth rewrite``, ``export`` and ``import`` commands, run in-process."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from agents.exit_codes import Exit
from agents.storage import ChatStore
from app.main import main
from tests.agents.writing.helpers import chat_requests, upper
from tests.fakes import OllamaDouble, Reply


def test_rewrite_streams_the_result_to_stdout(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.set_responder("llama3.2", upper)
    source = tmp_path / "note.txt"
    source.write_text("first paragraph.\n\nsecond paragraph.\n", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "data"), "rewrite", "--style", "formal", str(source)])
    out = capsys.readouterr().out
    assert code == 0
    assert out == "FIRST PARAGRAPH.\n\nSECOND PARAGRAPH.\n"


def test_rewrite_reads_stdin_and_translates(
    ollama_double: OllamaDouble,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ollama_double.script("llama3.2", Reply(text="Bonjour."))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Hello.")))
    code = main(
        ["--data-dir", str(tmp_path), "rewrite", "--style", "translate", "--lang", "French", "-"]
    )
    assert code == 0
    assert capsys.readouterr().out == "Bonjour.\n"
    (body,) = chat_requests(ollama_double, "llama3.2")
    assert "into French" in body["messages"][0]["content"]


def test_rewrite_errors_are_one_clear_line(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "rewrite", "--style", "louder", "x"]) == 1
    assert "no rewrite style 'louder'" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "rewrite", "--style", "translate", "x"]) == 1
    assert "target language" in capsys.readouterr().err
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02")
    assert main(["--data-dir", str(tmp_path), "rewrite", "--style", "shorter", str(binary)]) == 1
    assert "binary file" in capsys.readouterr().err
    ollama_double.remove_model("llama3.2")
    text = tmp_path / "t.txt"
    text.write_text("Hello.")
    assert main(["--data-dir", str(tmp_path), "rewrite", "--style", "shorter", str(text)]) == 4
    assert "ollama pull llama3.2" in capsys.readouterr().err


def test_export_and_import_round_trip_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    with ChatStore.in_data_dir(source) as store:
        chat = store.create_conversation("Hello chat", persona="pirate")
        store.add_message(chat.id, "user", "Hi")
        store.add_message(chat.id, "assistant", "Ahoy")
    out = tmp_path / "all.json"
    assert main(["--data-dir", str(source), "export", "--format", "json", str(out)]) == 0
    assert main(["--data-dir", str(source), "export", "--list"]) == 0
    assert f"{chat.id}  Hello chat" in capsys.readouterr().out
    md = tmp_path / "one.md"
    assert (
        main(["--data-dir", str(source), "export", "--chat", chat.id, "--format", "md", str(md)])
        == 0
    )
    assert "## Assistant\n\nAhoy" in md.read_text(encoding="utf-8")
    assert main(["--data-dir", str(target), "import", str(out)]) == 0
    assert "imported 1 chat(s) with 2 message(s)" in capsys.readouterr().out
    assert main(["--data-dir", str(target), "import", str(out)]) == 0
    assert "skipped chat 'Hello chat': already here" in capsys.readouterr().out
    with ChatStore.in_data_dir(target) as store:
        (imported,) = store.list_conversations()
        assert [m.content for m in store.messages(imported.id)] == ["Hi", "Ahoy"]
        assert imported.persona == "pirate"
    out.write_text(out.read_text(encoding="utf-8")[:100], encoding="utf-8")
    assert main(["--data-dir", str(target), "import", str(out)]) == Exit.TRANSFER
    assert "damaged or incomplete" in capsys.readouterr().err
    assert main(["--data-dir", str(source), "export", "--chat", "nope", str(out)]) == Exit.TRANSFER
    assert "no chat with the id 'nope'" in capsys.readouterr().err


def test_export_and_import_refuse_while_hearth_holds_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from agents.storage import InstanceLock

    made = tmp_path / "made.json"
    assert main(["--data-dir", str(tmp_path), "export", str(made)]) == 0
    with InstanceLock(tmp_path):
        assert (
            main(["--data-dir", str(tmp_path), "export", str(tmp_path / "x.json")])
            == Exit.ALREADY_RUNNING
        )
        assert "export from the window, or quit Hearth" in capsys.readouterr().err
        assert main(["--data-dir", str(tmp_path), "import", str(made)]) == Exit.ALREADY_RUNNING
        assert "import from the window, or quit Hearth" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
