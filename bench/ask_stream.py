"""``hearth ask`` streaming 2,000 tokens, against the raw ollama client on the same stream."""

from __future__ import annotations

import sys
import tempfile

from bench.common import child_env, interleaved, report, run_command

TOKENS = 2000

RAW = """
import sys, ollama
client = ollama.Client(host=sys.argv[1])
for part in client.chat(model="llama3.2", messages=[{"role": "user", "content": "go"}],
                        stream=True):
    sys.stdout.write(part.message.content or ""); sys.stdout.flush()
print()
"""


def short_answer(repeat: int = 7) -> float:
    """Goal 1b: ``hearth ask`` as a whole command for a two-token answer, against a raw
    ``ollama`` client script (both whole processes, Python's start included)."""
    from tests.fakes import OllamaDouble, Reply

    with OllamaDouble() as double:
        double.set_responder("llama3.2", lambda _body: Reply(tokens=["Hello", " there."]))
        env = child_env(OLLAMA_HOST=double.url, HEARTH_DATA_DIR=tempfile.mkdtemp())
        hearth = [sys.executable, "-m", "app", "ask", "hi"]
        raw = [sys.executable, "-c", RAW, double.url]
        assert run_command(hearth, env).strip() == "Hello there."
        subject, baseline = interleaved(
            lambda: run_command(hearth, env), lambda: run_command(raw, env), repeat
        )
    return report("hearth ask, short answer, whole command", subject, baseline, 2.0)


def main() -> None:
    """Runs the benchmark with an instant stream and with a fast but real-world pace."""
    print("-- goal 1b: a short answer, whole command:", flush=True)
    short_answer()
    print("-- instant tokens (pure plumbing overhead):", flush=True)
    scenario(repeat=5, token_delay=0.0)
    # 500 tokens/s: faster than llama3.2 3B on any consumer machine (typically 20-100/s).
    print("-- 500 tokens/s (faster than any local llama3.2):", flush=True)
    scenario(repeat=3, token_delay=0.002)


def scenario(repeat: int = 5, token_delay: float = 0.0) -> tuple[float, float]:
    """Prints whole-command and in-process ratios; returns them."""
    from tests.fakes import OllamaDouble, Reply

    double = OllamaDouble().start()
    tokens = [f" tok{i}" for i in range(TOKENS)]
    double.set_responder("llama3.2", lambda _body: Reply(tokens=tokens, token_delay=token_delay))
    env = child_env(
        OLLAMA_HOST=double.url, HEARTH_DATA_DIR=tempfile.mkdtemp(prefix="hearth-bench-")
    )
    hearth = [sys.executable, "-m", "app", "ask", "go"]
    raw = [sys.executable, "-c", RAW, double.url]
    expected = "".join(tokens)
    assert run_command(hearth, env).strip() == expected.strip()
    assert run_command(raw, env).strip() == expected.strip()
    try:
        subject, baseline = interleaved(
            lambda: run_command(hearth, env), lambda: run_command(raw, env), repeat
        )
        whole = report(
            f"hearth ask, {TOKENS} tokens, whole command (incl. start-up)", subject, baseline, 1.10
        )
        stream = _in_process(double.url, repeat)
    finally:
        double.stop()
    return whole, stream


def _in_process(url: str, repeat: int) -> float:
    """The streaming itself, with imports done: agent vs raw client in one process."""
    import ollama

    from agents.chat.agent import ChatAgent
    from agents.events import Token
    from agents.llm import OllamaService
    from agents.llm.messages import ChatMessage
    from agents.settings import Settings

    service = OllamaService(Settings(ollama_host=url))
    agent = ChatAgent(service)
    client = ollama.Client(host=url)
    sink: list[str] = []

    def hearth() -> None:
        for event in agent.stream([ChatMessage("user", "go")]):
            if isinstance(event, Token):
                sink.append(event.text)

    def raw() -> None:
        for part in client.chat(
            model="llama3.2", messages=[{"role": "user", "content": "go"}], stream=True
        ):
            sink.append(part.message.content or "")

    subject, baseline = interleaved(hearth, raw, repeat)
    return report(f"hearth ask, {TOKENS} tokens, streaming only", subject, baseline, 1.10)


if __name__ == "__main__":
    main()
