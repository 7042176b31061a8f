"""``hearth ask`` keeps one history with the window: saved as it streams, continued on
request, and kept when the command is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agents.exit_codes import Exit
from agents.storage import ChatStore, MessageStatus
from app.main import main
from tests.agents.images.pictures import photo
from tests.fakes import OllamaDouble, Reply


def _chats(root: Path) -> list[tuple[str, list[tuple[str, str, MessageStatus]]]]:
    with ChatStore.in_data_dir(root) as store:
        return [
            (c.title, [(m.role, m.content, m.status) for m in store.messages(c.id)])
            for c in store.list_conversations()
        ]


def test_ask_saves_the_exchange_and_export_contains_it(
    tmp_path: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.script("llama3.2", Reply(tokens=["Paris", " is", " the", " capital."]))
    assert main(["--data-dir", str(tmp_path), "ask", "Capital of France?"]) == 0
    assert capsys.readouterr().out == "Paris is the capital.\n"
    assert _chats(tmp_path) == [
        (
            "Capital of France?",
            [
                ("user", "Capital of France?", MessageStatus.COMPLETE),
                ("assistant", "Paris is the capital.", MessageStatus.COMPLETE),
            ],
        )
    ]
    out = tmp_path / "all.json"
    assert main(["--data-dir", str(tmp_path), "export", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    text = json.dumps(exported)
    assert "Capital of France?" in text and "Paris is the capital." in text


def test_continue_and_chat_send_the_earlier_exchange(
    tmp_path: Path, ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    ollama_double.script("llama3.2", Reply(text="Blue."))
    assert main(["--data-dir", str(tmp_path), "ask", "My favourite colour is blue."]) == 0
    ollama_double.script("llama3.2", Reply(text="You said blue."))
    assert main(["--data-dir", str(tmp_path), "ask", "--continue", "Which colour?"]) == 0
    sent = ollama_double.requests_to("/api/chat")[-1].body["messages"]
    contents = [m["content"] for m in sent if m["role"] != "system"]
    assert contents == ["My favourite colour is blue.", "Blue.", "Which colour?"]
    ((_title, messages),) = _chats(tmp_path)
    assert len(messages) == 4

    with ChatStore.in_data_dir(tmp_path) as store:
        chat_id = store.list_conversations()[0].id
        other = store.create_conversation("other")
        store.add_message(other.id, "user", "unrelated")
    ollama_double.script("llama3.2", Reply(text="Still blue."))
    assert main(["--data-dir", str(tmp_path), "ask", "--chat", chat_id, "And now?"]) == 0
    sent = ollama_double.requests_to("/api/chat")[-1].body["messages"]
    assert "unrelated" not in json.dumps(sent) and "Which colour?" in json.dumps(sent)
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "ask", "--chat", "nope", "?"]) == Exit.FAILED
    assert "no chat with the id 'nope'" in capsys.readouterr().err


def test_no_save_keeps_nothing_and_images_are_kept_with_the_question(
    tmp_path: Path, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(text="ok"))
    assert main(["--data-dir", str(tmp_path), "ask", "--no-save", "hi"]) == 0
    assert _chats(tmp_path) == []
    picture = tmp_path / "cat.png"
    picture.write_bytes(photo(60, 40, "PNG"))
    ollama_double.script("llama3.2-vision", Reply(text="A red square."))
    assert main(["--data-dir", str(tmp_path), "ask", "--image", str(picture), "What?"]) == 0
    with ChatStore.in_data_dir(tmp_path) as store:
        (chat,) = store.list_conversations()
        question, answer = store.messages(chat.id)
    assert [a.to_record()["name"] for a in question.attachments] == ["cat.png"]
    assert answer.content == "A red square."


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_a_killed_or_stopped_ask_keeps_the_question_and_what_arrived(
    how: signal.Signals, tmp_path: Path, ollama_double: OllamaDouble
) -> None:
    words = [f"w{i} " for i in range(400)]
    ollama_double.script("llama3.2", Reply(tokens=words, token_delay=0.02))
    env = {**os.environ, "OLLAMA_HOST": ollama_double.url, "HEARTH_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "ask", "Count slowly"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    arrived = b""
    while arrived.count(b" ") < 20:
        arrived += process.stdout.read1(100)
    time.sleep(0.3)  # longer than the save interval
    process.send_signal(how)
    process.wait(timeout=30)
    ((_title, messages),) = _chats(tmp_path)
    assert messages[0][:2] == ("user", "Count slowly")
    role, content, status = messages[1]
    assert role == "assistant"
    assert content.startswith(arrived.decode()) and len(content) < len("".join(words))
    assert status is MessageStatus.INTERRUPTED  # a killed one is marked when the store opens
