"""A plain chat turn goes straight through the ollama client: the request ChatOllama
would send, and LangChain is never loaded for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from agents.chat.agent import ChatAgent
from agents.events import Final, Token
from agents.llm import OllamaService
from agents.llm.messages import ChatMessage
from agents.llm.plain_chat import to_ollama
from agents.settings import Settings
from tests.fakes import OllamaDouble, Reply

ROOT = Path(__file__).resolve().parents[3]


def test_the_request_carries_hearths_options(ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", Reply(tokens=["Hi", " there"]))
    service = OllamaService(
        Settings(ollama_host=ollama_double.url, num_ctx=4096, temperature=0.3, keep_alive="10m")
    )
    history = [
        ChatMessage("user", "hello"),
        ChatMessage("assistant", "hi"),
        ChatMessage("user", "go"),
    ]
    events = list(ChatAgent(service, system_prompt="Be brief.").stream(history))
    assert [e.text for e in events if isinstance(e, Token)] == ["Hi", " there"]
    final = events[-1]
    assert isinstance(final, Final) and final.stats.output_tokens > 0
    assert final.stats.model.startswith("llama3.2")
    (request,) = ollama_double.requests_to("/api/chat")
    body = request.body or {}
    assert body["stream"] is True and body["keep_alive"] == "10m"
    assert body["options"] == {"num_ctx": 4096, "temperature": 0.3}
    assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "user"]


def test_images_go_as_base64() -> None:
    message = to_ollama(ChatMessage("user", "look", images=(b"\x89PNG...",)))
    assert message == {"role": "user", "content": "look", "images": ["iVBORy4uLg=="]}
    assert "images" not in to_ollama(ChatMessage("user", "plain"))


def test_a_plain_chat_turn_does_not_load_langchain(ollama_double: OllamaDouble) -> None:
    script = (
        "import sys\n"
        "from agents.chat.agent import ChatAgent\n"
        "from agents.llm import OllamaService\n"
        "from agents.llm.messages import ChatMessage\n"
        "from agents.settings import Settings\n"
        "service = OllamaService(Settings(ollama_host=sys.argv[1]))\n"
        "events = list(ChatAgent(service).stream([ChatMessage('user', 'hi')]))\n"
        "assert type(events[-1]).__name__ == 'Final', events[-1]\n"
        "print(sorted(m for m in sys.modules if m.startswith(('langchain', 'langsmith'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, ollama_double.url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "[]"
