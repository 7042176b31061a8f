"""Goal 8: streaming throughput in the window against the raw client, at 500 tokens/s.

The Ollama double (its own process) streams a 2,000-token Markdown answer, one token per
chunk every 2 ms. Hearth's window (offscreen, in this process) asks for it like a
person does and the figure is tokens per second from the question sent to the whole
answer shown (the turn ended, its text in the view). Baseline: the raw ``ollama``
client in this process reading the same stream, from its request to its last token.
Goal: Hearth's throughput at least 0.98 of the raw client's.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench import gui
from bench.double import serve
from bench.stalls import stream_once

RATE = 500
TOKENS = 2000


def raw_seconds(url: str) -> float:
    """The raw client reading the answer: request to last token."""
    import ollama

    client = ollama.Client(host=url)
    start = time.perf_counter()
    for _ in client.chat(
        model="llama3.2",
        messages=[{"role": "user", "content": "STREAM the long answer, please"}],
        stream=True,
    ):
        pass
    return time.perf_counter() - start


def main(repeat: int = 3) -> None:
    """Interleaves the window and the raw client; prints the throughput ratio."""
    ours: list[float] = []
    theirs: list[float] = []
    with (
        tempfile.TemporaryDirectory(prefix="hearth-bench-throughput-") as tmp,
        serve(rate=RATE, tokens=TOKENS) as url,
    ):
        window = gui.open_window(url, Path(tmp) / "data")
        try:
            stream_once(window)  # warm-up: the model "loaded", modules in
            raw_seconds(url)
            for _ in range(repeat):
                ours.append(stream_once(window))
                theirs.append(raw_seconds(url))
            shown = window.session.store.messages(window.chats.conversation_id or "")[-1]
            assert len(shown.content) > TOKENS, "the whole answer was saved"
        finally:
            gui.close_window(window)
    hearth, raw = TOKENS / statistics.median(ours), TOKENS / statistics.median(theirs)
    print(
        f"streaming {TOKENS:,} tokens at {RATE} tokens/s into the window: {hearth:.0f} "
        f"tokens/s vs raw client {raw:.0f} tokens/s -> ratio {hearth / raw:.3f} "
        f"({'meets' if hearth / raw >= 0.98 else 'misses'} goal 0.98; medians of {repeat})",
        flush=True,
    )


if __name__ == "__main__":
    main()
