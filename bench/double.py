"""The Ollama double in its own process, for benchmarks that measure the window.

Ollama is another process: a double serving from threads inside the measured process
would take the GIL from the window 2,000 times a second and be counted as Hearth's
stalls. :func:`serve` starts ``python -m bench.double`` and returns its URL; the child
answers until its stdin closes.

The child's ``llama3.2`` answers by what it is asked:

* a question containing ``STREAM`` gets :func:`markdown_answer` (headings, lists, tables
  and code) as ``tokens`` pieces, one every ``1/rate`` seconds per piece's share;
* a request with tools gets the three-step mail script of the tool agent (search, read,
  answer);
* a request with a JSON format gets an action-item list (the mail digest's second call);
* anything else gets a short sentence.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from bench.common import ROOT, child_env


def markdown_answer(tokens: int) -> list[str]:
    """A Markdown answer of about ``tokens`` tokens (pieces of ~4 characters), with
    headings, paragraphs, lists, tables and code, as a model writes them."""
    section = (
        "## Part {n}\n\nHere is what the numbers say about part {n}, and why it matters "
        "for the plan we discussed earlier this week.\n\n"
        "- the first point, with **bold** words and `inline code`\n"
        "- a second point that runs a little longer than the first one does\n\n"
        "| item | count | share | note |\n|---|---:|---:|---|\n"
        "| apples | 12 | 30% | fresh |\n| pears | 8 | 20% | ripe |\n"
        "| plums | 20 | 50% | sweet |\n\n"
        "```python\ndef total(rows):\n    return sum(r.count for r in rows)\n\n"
        "print(total(rows))\n```\n\n"
    )
    pieces: list[str] = []
    n = 0
    while len(pieces) < tokens:
        n += 1
        text = section.format(n=n)
        pieces += [text[i : i + 4] for i in range(0, len(text), 4)]
    return pieces[:tokens]


def _answer(body: dict[str, Any], config: dict[str, Any]) -> Any:
    from tests.fakes import Reply

    messages = body.get("messages") or []
    last = str(messages[-1].get("content") or "") if messages else ""
    if body.get("tools"):
        tool_turns = sum(1 for m in messages if m.get("role") == "tool")
        if tool_turns == 0:
            return Reply(tool_calls=[{"name": "search_mail", "arguments": {"query": ""}}])
        if tool_turns == 1:
            return Reply(tool_calls=[{"name": "read_message", "arguments": {"message_id": "1"}}])
        return Reply(text="Your newest mail asks for the report by Friday.")
    if body.get("format"):
        return Reply(
            text='{"items": [{"what": "Send the report", "who": "Anna", "due": null, '
            '"source": "M1"}]}'
        )
    if "STREAM" in last:
        per_token = 1.0 / float(config.get("rate", 2000))
        group = int(config.get("group", 1))
        pieces = markdown_answer(int(config.get("tokens", 4000)))
        grouped = ["".join(pieces[i : i + group]) for i in range(0, len(pieces), group)]
        return Reply(tokens=grouped, token_delay=per_token * group)
    return Reply(text="A short answer.")


def _fast_embed(text: str, dim: int) -> list[float]:
    """A cheap stand-in for the double's bag-of-words vectors (whose pure-Python cost per
    text would hide the per-request cost a benchmark sets): the text's hashed words."""
    import zlib

    vector = [0.0] * dim
    for word in text.lower().split():
        vector[zlib.crc32(word.encode()) % dim] += 1.0
    norm = sum(x * x for x in vector) ** 0.5 or 1.0
    return [x / norm for x in vector]


def _main() -> None:
    """The child: serves until stdin closes."""
    from tests.fakes import OllamaDouble, ollama_double

    config = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    if config.get("fast_embed"):
        ollama_double.embed_text = _fast_embed  # type: ignore[assignment]
    with OllamaDouble() as double:
        double.embed_delay = float(config.get("embed_delay", 0.0))
        if config.get("embed_ctx"):
            spec = double.model("nomic-embed-text")
            assert spec is not None
            double.add_model(replace(spec, context_length=int(config["embed_ctx"])))
        double.set_responder("llama3.2", lambda body: _answer(body, config))
        print(double.url, flush=True)
        sys.stdin.read()


@contextmanager
def serve(**config: Any) -> Iterator[str]:
    """Runs the double in a child process; yields its URL.

    Args:
        config: ``rate`` (tokens/s of a STREAM answer), ``tokens`` (its length),
            ``group`` (tokens per streamed piece), ``embed_delay`` (seconds per
            /api/embed request), ``embed_ctx`` (the embedding model's context, tokens),
            ``fast_embed`` (cheap vectors: the per-request cost is what costs).
    """
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.double", json.dumps(config)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        if not url:
            raise RuntimeError("the Ollama double did not start")
        yield url
    finally:
        if child.stdin is not None:
            child.stdin.close()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()


if __name__ == "__main__":
    _main()
