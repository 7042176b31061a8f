"""The documents CLI: index (progress on stderr), docs list/remove, summarize, ask --docs."""

from __future__ import annotations

import argparse
import io
import os
from pathlib import Path

import pytest

from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.index_worker import IndexClient
from agents.llm import OllamaService
from agents.settings import Settings
from app.commands.documents import ask_with_docs, index_command
from app.main import main
from tests.agents.documents.makers import make_pdf
from tests.agents.documents.test_moved_aside import damage, indexed
from tests.fakes import OllamaDouble, Reply
from tests.hostile.harness import assert_clear


def test_index_list_ask_remove(
    data_root: Path, docs_dir: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    make_pdf(docs_dir / "lighthouse.pdf", ["Intro.", "The lighthouse lamp was replaced in 1987."])
    (docs_dir / "empty.txt").touch()
    code = main(["--data-dir", str(data_root), "index", str(docs_dir)])
    out, err = capsys.readouterr()
    assert code == 20  # one file was refused
    assert "indexing 0/2 files" in err and "1 indexed" in err and "1 refused" in err
    assert "hearth: empty.txt: the file is empty" in err

    assert main(["--data-dir", str(data_root), "docs", "list"]) == 0
    out, _ = capsys.readouterr()
    assert "indexed" in out and "lighthouse.pdf" in out and "2 pages" in out
    assert "failed" in out and "empty.txt: the file is empty" in out

    ollama_double.script("llama3.2", Reply(text="It was replaced in 1987 [1]."))
    args = argparse.Namespace(
        text="When was the lighthouse lamp replaced?", data_dir=str(data_root), model=None
    )
    assert ask_with_docs(args) == 0
    out, _ = capsys.readouterr()
    answer, sources = out.split("Sources:")
    assert answer.strip() == "It was replaced in 1987 [1]."
    assert f"[1] {docs_dir / 'lighthouse.pdf'}, page 2" in sources
    assert "The lighthouse lamp was replaced in 1987." in sources

    assert (
        main(["--data-dir", str(data_root), "docs", "remove", str(docs_dir / "lighthouse.pdf")])
        == 0
    )
    assert main(["--data-dir", str(data_root), "docs", "remove", str(docs_dir / "other.pdf")]) == 22
    out, err = capsys.readouterr()
    assert "removed" in out and "Not in the index" in err


def test_file_names_are_printed_escaped(
    data_root: Path, docs_dir: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    (docs_dir / "evil\x1b[2K\x1b[1A\u202ename.txt").touch()  # empty: refused, and listed
    main(["--data-dir", str(data_root), "index", str(docs_dir)])
    main(["--data-dir", str(data_root), "docs", "list"])
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert "\x1b" not in stream and "\u202e" not in stream
    assert "evil\\u001b[2K\\u001b[1A\\u202ename.txt" in err


def test_ask_without_documents_says_so(
    data_root: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    args = argparse.Namespace(text="What is in my files?", data_dir=str(data_root), model=None)
    assert ask_with_docs(args) == 0
    assert "No documents are indexed yet" in capsys.readouterr().out
    assert ollama_double.requests_to("/api/chat") == []


def test_summarize_command(
    data_root: Path, docs_dir: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    path = docs_dir / "minutes.md"
    path.write_text("# Minutes\nThe council approved the harbour budget.\n", encoding="utf-8")
    ollama_double.script("llama3.2", Reply(text="## 摘要\n理事会批准了预算。"))
    assert main(["--data-dir", str(data_root), "summarize", str(path), "--lang", "zh"]) == 0
    out, _ = capsys.readouterr()
    assert out.strip() == "## 摘要\n理事会批准了预算。"
    body = ollama_double.requests_to("/api/chat")[-1].body
    assert "Write in Chinese" in body["messages"][-1]["content"]
    assert main(["--data-dir", str(data_root), "summarize", str(docs_dir / "none.pdf")]) == 20
    assert "none.pdf: the file doesn't exist" in capsys.readouterr().err


def test_cli_process_never_loads_chroma(
    data_root: Path, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    import os
    import subprocess
    import sys

    (docs_dir / "a.md").write_text("# A\nAlpha beta gamma.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from app.main import main\n"
        f"code = main(['--data-dir', {str(data_root)!r}, 'index', {str(docs_dir)!r}])\n"
        "assert code == 0, code\n"
        "assert 'chromadb' not in sys.modules, 'Chroma was loaded in the calling process'\n"
    )
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "OLLAMA_HOST": ollama_double.url}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "1 indexed" in result.stderr


@pytest.mark.timeout(180)
def test_the_command_line_says_where_it_is_and_rebuilds(
    data_root: Path, docs_dir: Path, service: OllamaService, ollama_double: OllamaDouble
) -> None:
    indexed(data_root, docs_dir, service)
    damage(data_root / "index" / "chroma" / "chroma.sqlite3")
    client = IndexClient(data_root, Settings(ollama_host=ollama_double.url))
    try:
        with pytest.raises(DocumentError) as caught:  # crosses the process boundary whole
            client.search("tomatoes")
        assert caught.value.kind is DocumentKind.MOVED_ASIDE
        assert client.moved_aside() == Path(caught.value.aside)
    finally:
        client.close()
    err = io.StringIO()
    args = argparse.Namespace(data_dir=str(data_root), paths=[], rebuild=True)
    assert index_command(args, err) == 0
    assert_clear(err.getvalue())
    assert "2 indexed" in err.getvalue() and "the old one is still in" in err.getvalue()
    args = argparse.Namespace(data_dir=str(data_root), paths=[], rebuild=False)
    assert index_command(args, io.StringIO()) == 2  # nothing to do: a usage error


def test_summarize_a_file_whose_name_is_not_utf8(
    data_root: Path, docs_dir: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    path = docs_dir / os.fsdecode(b"caf\xe9\x1b[2J.md")
    path.write_text("# Menu\nThe soup of the day is leek.\n", encoding="utf-8")
    ollama_double.script("llama3.2", Reply(text="Leek soup today."))
    assert main(["--data-dir", str(data_root), "summarize", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Leek soup today."
    assert "Traceback" not in err
