"""The image subcommands: ``hearth chart PATH`` and ``hearth ask --image``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.main import main
from tests.agents.images.pictures import bar_chart, images_in, photo, read_bar_chart
from tests.fakes import OllamaDouble, Reply


def chart_reader(body: dict[str, Any]) -> Reply:
    (image,) = images_in(body)
    values = [round(v) for v in read_bar_chart(image, 3)]
    return Reply(
        text=json.dumps(
            {
                "title": "Rainfall",
                "x_label": "City",
                "categories": ["Oslo", "Rome", "Lima"],
                "series": [{"name": "mm", "values": values}],
            }
        )
    )


def test_chart_prints_csv(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rain.png"
    path.write_bytes(bar_chart([70, 30, 5]))
    ollama_double.script("llama3.2-vision", chart_reader)

    code = main(["--data-dir", str(tmp_path / "data"), "chart", str(path)])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == "City,mm\nOslo,70\nRome,30\nLima,5\n"
    assert "Rainfall" in err


def test_chart_of_a_broken_file_is_one_clear_line(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rain.png"
    path.write_bytes(b"")

    code = main(["--data-dir", str(tmp_path / "data"), "chart", str(path)])

    out, err = capsys.readouterr()
    assert code == 13 and out == ""
    assert (
        err.strip() == "hearth: Can't use the image 'rain.png': the file is empty (0 bytes). "
        "Pick the image again."
    )
    assert ollama_double.requests_to("/api/chat") == []


def test_chart_gives_up_after_invalid_answers(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rain.png"
    path.write_bytes(bar_chart([70, 30, 5]))
    ollama_double.set_responder("llama3.2-vision", lambda body: Reply(text="no idea"))

    code = main(["--data-dir", str(tmp_path / "data"), "chart", "--attempts", "2", str(path)])

    _, err = capsys.readouterr()
    assert code == 14
    assert "after 2 tries" in err
    assert len(ollama_double.requests_to("/api/chat")) == 2


def test_chart_without_the_vision_model_says_how_to_pull(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.remove_model("llama3.2-vision")
    path = tmp_path / "rain.png"
    path.write_bytes(bar_chart([70, 30, 5]))

    code = main(["--data-dir", str(tmp_path / "data"), "chart", str(path)])

    assert code == 4
    assert "ollama pull llama3.2-vision" in capsys.readouterr().err


def test_ask_with_images_streams_the_vision_answer(
    ollama_double: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.jpg", tmp_path / "b.gif"
    first.write_bytes(photo(2400, 1200))
    second.write_bytes(photo(100, 100, "GIF"))
    ollama_double.script("llama3.2-vision", Reply(text="Two pictures of gradients."))
    code = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "ask",
            "--image",
            str(first),
            "--image",
            str(second),
            "What do these show?",
        ]
    )

    out, _ = capsys.readouterr()
    assert code == 0 and out == "Two pictures of gradients.\n"
    choice, answer = ollama_double.requests_to("/api/chat")
    assert choice.model == "llama3.2:latest" and images_in(choice.body) == []  # chose "ask"
    body = answer.body
    assert body["model"] == "llama3.2-vision"
    sent = images_in(body)
    assert len(sent) == 2
    assert sent[0].startswith(b"\xff\xd8") and sent[1].startswith(b"\x89PNG")
    assert body["messages"][-1]["content"].strip() == "What do these show?"
