"""Goal 7: indexing throughput with batched embeddings, against one text per request.

Markdown files of generated paragraphs are indexed by ``DocumentIndex.sync`` (the index
worker's code: read, chunk, embed, write Chroma and the ledger) against the Ollama
double in its own process, whose every /api/embed request costs ``EMBED_DELAY`` (a
model's per-request overhead: loading the batch, the HTTP round trip). Figure: passages
per second with the default batch; baseline: the same files with one text per request.
Goal: at least 10x. And no silent truncation: a file whose passages are longer than the
embedding model's context is indexed whole (each passage embedded in parts and
averaged): the double, given a 128-token embedding context, refuses over-long inputs
(``truncate`` is off), so a truncated passage would fail the run.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.double import serve

EMBED_DELAY = 0.02  # seconds per /api/embed request
LONG_CTX = 128  # an embedding context shorter than the passages
FILES = 6
PARAGRAPHS = 150  # per file (about a passage each)
WORDS = ["harbour", "council", "budget", "repair", "schedule", "lighthouse", "report",
         "vote", "member", "project", "meeting", "contract", "supplier", "timber"]  # fmt: skip


def write_files(folder: Path, files: int, paragraphs: int, seed: int = 1) -> Path:
    """Markdown files of ``paragraphs`` paragraphs of ~1,000 characters each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(files):
        parts = [
            f"## Part {p}\n\n" + " ".join(rng.choice(WORDS) for _ in range(130)) + "."
            for p in range(paragraphs)
        ]
        (folder / f"notes-{n}.md").write_text("\n\n".join(parts), encoding="utf-8")
    return folder


def index_seconds(url: str, root: Path, folder: Path, **settings: object) -> tuple[float, int]:
    """Indexes ``folder`` into a fresh index under ``root``; returns seconds and passages."""
    from agents.documents.index import DocumentIndex
    from agents.llm import OllamaService
    from agents.settings import Settings

    index = DocumentIndex(root, OllamaService(Settings(ollama_host=url, **settings)))  # type: ignore[arg-type]
    try:
        start = time.perf_counter()
        report = index.sync([folder])
        seconds = time.perf_counter() - start
        if report.failed:
            raise RuntimeError(f"indexing failed: {report.failed}")
        return seconds, report.chunks_added
    finally:
        index.close()


def main() -> None:
    """Batched vs one text per request; then a file of over-long passages."""
    with tempfile.TemporaryDirectory(prefix="hearth-bench-indexing-") as tmp:
        scratch = Path(tmp)
        big = write_files(scratch / "big", FILES, PARAGRAPHS)
        small = write_files(scratch / "small", 1, PARAGRAPHS)
        with serve(embed_delay=EMBED_DELAY, fast_embed=True) as url:
            index_seconds(url, scratch / "warm", small)  # warm-up: imports, Chroma
            seconds, passages = index_seconds(url, scratch / "batched", big)
            one_seconds, one_passages = index_seconds(
                url, scratch / "one", small, documents_embed_batch=1
            )
            ours, theirs = passages / seconds, one_passages / one_seconds
            print(
                f"indexing {passages} passages with batched embeddings ({EMBED_DELAY * 1000:.0f} "
                f"ms per request): {ours:.0f} passages/s vs one text per request "
                f"{theirs:.0f} passages/s ({one_passages} passages) -> ratio {ours / theirs:.1f}x "
                f"({'meets' if ours / theirs >= 10 else 'misses'} goal 10x)",
                flush=True,
            )
        with serve(embed_ctx=LONG_CTX) as url:
            seconds, count = index_seconds(url, scratch / "long", small)
            print(
                f"the same {count} passages with an embedding context of {LONG_CTX} tokens "
                f"(each passage ~250 tokens; the double refuses over-long inputs): indexed "
                f"whole, each in parts, in {seconds:.2f} s",
                flush=True,
            )


if __name__ == "__main__":
    main()
