"""Documents benchmarks: ingestion speed, query latency at 10k/100k passages, summary cost.

Run: ``.venv/bin/python -m bench.documents`` (``HEARTH_BENCH_QUICK=1`` for a smaller run).
Figures are recorded in docs/documents.md. Needs fpdf2 (a test dependency) to make PDFs.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUICK = os.environ.get("HEARTH_BENCH_QUICK") == "1"
WORDS = [
    "harbour",
    "council",
    "budget",
    "repair",
    "schedule",
    "lighthouse",
    "report",
    "vote",
    "member",
    "project",
    "meeting",
    "contract",
    "supplier",
    "timber",
    "deadline",
    "approval",
    "review",
    "quarter",
    "revenue",
    "staff",
    "training",
    "safety",
    "inspection",
    "permit",
    "design",
    "tender",
    "decision",
    "action",
    "minutes",
    "agenda",
    "chair",
    "secretary",
]


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."


def _page_text(rng: random.Random, sentences: int = 28) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def make_report_pdf(path: Path, pages: int, seed: int = 7) -> Path:
    """A generated report: ``pages`` pages of about 2,800 characters each."""
    from fpdf import FPDF

    rng = random.Random(seed)
    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 4, f"Section {number + 1}. " + _page_text(rng))
    pdf.output(str(path))
    return path


# -- ingestion ----------------------------------------------------------------------------
def bench_ingestion(folder: Path) -> dict[str, float]:
    """Pages per second for parse+chunk, against bare pypdf text extraction (baseline)."""
    import pypdf

    from agents.documents.chunking import chunk_document
    from agents.documents.loaders import load_document

    pages = 60 if QUICK else 300
    pdf = make_report_pdf(folder / "report.pdf", pages)
    ours, baseline = [], []
    for _ in range(3):
        start = time.perf_counter()
        document = load_document(pdf)
        chunks = chunk_document(document, "0" * 64)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        for page in pypdf.PdfReader(str(pdf)).pages:
            page.extract_text()
        baseline.append(time.perf_counter() - start)
    text = folder / "notes.md"
    rng = random.Random(3)
    text.write_text(
        "\n\n".join(f"## Part {n}\n{_page_text(rng)}" for n in range(pages)), encoding="utf-8"
    )
    start = time.perf_counter()
    md_chunks = chunk_document(load_document(text), "1" * 64)
    md_seconds = time.perf_counter() - start
    figures = {
        "pdf_pages": pages,
        "pdf_pages_per_s": pages / statistics.median(ours),
        "pypdf_only_pages_per_s": pages / statistics.median(baseline),
        "chunks": len(chunks),
        "markdown_mb_per_s": text.stat().st_size / 2**20 / md_seconds,
        "markdown_chunks": len(md_chunks),
    }
    print(
        f"ingestion: PDF {figures['pdf_pages_per_s']:.0f} pages/s parse+chunk "
        f"({pages} pages, {len(chunks)} passages) vs bare pypdf extraction "
        f"{figures['pypdf_only_pages_per_s']:.0f} pages/s -> ratio "
        f"{figures['pypdf_only_pages_per_s'] / figures['pdf_pages_per_s']:.2f}; "
        f"Markdown {figures['markdown_mb_per_s']:.1f} MB/s",
        flush=True,
    )
    return figures


# -- query latency -------------------------------------------------------------------------
def _latency_worker(directory: str, sizes: list[int], dim: int, queries: int, out: Any) -> None:
    """Runs in a spawned process: fills Chroma and the ledger, then times queries."""
    import chromadb
    import numpy as np
    from chromadb.config import Settings as ChromaSettings

    from agents.documents.chunking import Chunk
    from agents.documents.manifest import Manifest

    rng = np.random.default_rng(1)
    words = random.Random(2)
    # A realistic vocabulary: 20,000 words with Zipf frequencies (a few very common ones).
    vocabulary = [f"w{n:x}" for n in range(20_000)]
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]

    def text_of(count: int) -> str:
        return " ".join(words.choices(vocabulary, weights, k=count))

    client = chromadb.PersistentClient(
        path=str(Path(directory) / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    results = {}
    for size in sizes:
        collection = client.create_collection(
            f"bench-{size}", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        manifest = Manifest(Path(directory) / f"ledger-{size}.sqlite3")
        vectors = rng.standard_normal((size, dim)).astype("float32")
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        start = time.perf_counter()
        for first in range(0, size, 5000):
            ids = [f"c{i}" for i in range(first, min(size, first + 5000))]
            texts = [text_of(150) for _ in ids]
            collection.add(
                ids=ids,
                embeddings=vectors[first : first + len(ids)],
                documents=texts,
                metadatas=[
                    {"path": f"/docs/f{i // 50}.txt", "page": 0}
                    for i in range(first, first + len(ids))
                ],
            )
            chunks = [
                Chunk(cid, f"/docs/f{first}.txt", n, t)
                for n, (cid, t) in enumerate(zip(ids, texts, strict=True))
            ]
            manifest.commit_file(
                f"/docs/f{first}.txt", kind="txt", sha256="", size=0, mtime_ns=0, pages=0,
                collection="bench", chunks=chunks,
            )  # fmt: skip
        add_seconds = time.perf_counter() - start
        probe = rng.standard_normal((queries, dim)).astype("float32")
        vector_ms, keyword_ms, brute_ms = [], [], []
        for q in probe:
            t = time.perf_counter()
            collection.query(
                query_embeddings=[q],
                n_results=20,
                include=["documents", "metadatas", "distances", "embeddings"],
            )
            vector_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            manifest.keyword_search(text_of(6), 20)
            keyword_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            np.argpartition(-(vectors @ q), 20)[:20]
            brute_ms.append((time.perf_counter() - t) * 1000)
        manifest.close()

        def pct(values: list[float], p: float) -> float:
            return float(np.percentile(values, p))

        results[size] = {
            "add_s": add_seconds,
            "vector_p50": pct(vector_ms, 50), "vector_p95": pct(vector_ms, 95),
            "keyword_p50": pct(keyword_ms, 50), "keyword_p95": pct(keyword_ms, 95),
            "brute_p50": pct(brute_ms, 50), "brute_p95": pct(brute_ms, 95),
        }  # fmt: skip
    out.put(results)


def bench_query_latency(folder: Path) -> dict[int, dict[str, float]]:
    """p50/p95 of vector (HNSW) and keyword (FTS5 BM25) search at 10k and 100k passages."""
    sizes = [10_000] if QUICK else [10_000, 100_000]
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    process = context.Process(target=_latency_worker, args=(str(folder), sizes, 768, 200, out))
    process.start()
    results: dict[int, dict[str, float]] = out.get(timeout=3600)
    process.join()
    for size, r in results.items():
        print(
            f"query latency at {size:,} passages (768 dims): vector p50 {r['vector_p50']:.1f} ms "
            f"p95 {r['vector_p95']:.1f} ms; keyword p50 {r['keyword_p50']:.1f} ms p95 "
            f"{r['keyword_p95']:.1f} ms; hybrid ~ sum; numpy brute force p50 "
            f"{r['brute_p50']:.1f} ms (ratio HNSW/brute {r['vector_p50'] / r['brute_p50']:.2f}); "
            f"adding took {r['add_s']:.1f} s",
            flush=True,
        )
    return results


# -- summary cost ---------------------------------------------------------------------------
def _naive_map_reduce(service: Any, text: str) -> None:
    """The baseline: summarise every 4,000-character chunk at the default window, then reduce."""
    from langchain_core.messages import HumanMessage
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    chat = service.chat_model(service.settings.chat_model)
    pieces = RecursiveCharacterTextSplitter(chunk_size=4000, chunk_overlap=200).split_text(text)
    notes = [chat.invoke([HumanMessage(f"Summarize:\n{p}")]).text for p in pieces]
    while len(notes) > 1:
        groups = [notes[i : i + 8] for i in range(0, len(notes), 8)]
        notes = [chat.invoke([HumanMessage("Combine:\n" + "\n".join(g))]).text for g in groups]


def bench_summary(folder: Path) -> dict[str, float]:
    """LLM calls and prompt tokens to summarise a 300-page report: ours vs naive map-reduce."""
    from agents.documents.loaders import load_document
    from agents.documents.summarize import DocumentSummarizer
    from agents.events import Final
    from agents.llm import OllamaService
    from agents.settings import Settings
    from tests.fakes import OllamaDouble, Reply

    pages = 60 if QUICK else 300
    pdf = make_report_pdf(folder / "summary.pdf", pages, seed=11)
    document = load_document(pdf)
    with OllamaDouble() as double:
        double.set_responder(
            "llama3.2", lambda _body: Reply(text="Notes: the council approved the budget.")
        )
        service = OllamaService(Settings(ollama_host=double.url))
        summarizer = DocumentSummarizer(service)
        events = list(summarizer.stream(document))
        assert isinstance(events[-1], Final), events[-1]
        ours = [r for r in double.requests_to("/api/chat") if r.body and r.body.get("messages")]
        double.clear_requests()
        _naive_map_reduce(service, document.text)
        naive = [r for r in double.requests_to("/api/chat") if r.body and r.body.get("messages")]
    figures: dict[str, float] = {
        "pages": pages,
        "ours_calls": len(ours),
        "ours_prompt_tokens": sum(r.prompt_tokens for r in ours),
        "ours_overflowed": sum(r.overflowed for r in ours),
        "naive_calls": len(naive),
        "naive_prompt_tokens": sum(r.prompt_tokens for r in naive),
        "naive_overflowed": sum(r.overflowed for r in naive),
    }
    plan = summarizer.plan
    print(
        f"summary of a {pages}-page report ({plan.document_tokens if plan else 0:,} est. "
        f"tokens): ours {figures['ours_calls']} calls, {figures['ours_prompt_tokens']:,} prompt "
        f"tokens at num_ctx {plan.num_ctx if plan else 0} ({figures['ours_overflowed']} "
        f"overflowed) vs naive map-reduce {figures['naive_calls']} calls, "
        f"{figures['naive_prompt_tokens']:,} prompt tokens ({figures['naive_overflowed']} "
        f"overflowed) -> calls ratio {figures['ours_calls'] / figures['naive_calls']:.2f}, "
        f"tokens ratio {figures['ours_prompt_tokens'] / figures['naive_prompt_tokens']:.2f}",
        flush=True,
    )
    return figures


def main() -> None:
    """Runs the three documents benchmarks."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        bench_ingestion(folder)
        bench_summary(folder)
        bench_query_latency(folder)


if __name__ == "__main__":
    main()
