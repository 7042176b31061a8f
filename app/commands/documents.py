"""Documents on the command line: index, list, remove, summarise, and ask with citations.

``hearth index PATH...``, ``hearth docs list``, ``hearth docs remove PATH...``,
``hearth summarize PATH [--lang LANG]``; ``ask_with_docs`` backs ``hearth ask --docs``.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from agents.exit_codes import Exit
from agents.paths import data_dir
from app.cli import (
    MODEL,
    arg,
    command,
    group,
    interruptible,
    read_text,
    run_turn,
    service_for,
)
from app.terminal import safe

if TYPE_CHECKING:  # the documents stack loads only when a documents command runs
    from agents.documents.index import SyncProgress
    from agents.documents.index_worker import IndexClient
    from agents.events import Sources

DOCUMENT_ERROR_EXIT = 20  # the exit code of agents.documents.errors.DocumentKind's file kinds


def _client(args: argparse.Namespace) -> IndexClient:
    from agents.documents.index_worker import IndexClient

    settings = service_for(args).settings
    return IndexClient(data_dir(getattr(args, "data_dir", None)), settings)


# -- index ------------------------------------------------------------------------------
@command(
    "index",
    "add files or folders to the document index (progress on stderr)",
    arg("paths", nargs="+", metavar="PATH", help="files or folders to index"),
)
def index_command(args: argparse.Namespace, err: TextIO | None = None) -> int:
    """Indexes files and folders; 0 when every file was read, 20 when some were refused."""
    err = err or sys.stderr
    client = _client(args)
    last = [0.0]

    def show(step: SyncProgress) -> None:
        now = time.monotonic()
        if step.files_done < step.files_total and now - last[0] < 0.2:
            return
        last[0] = now
        name = Path(step.path).name if step.path else "done"
        print(
            f"indexing {step.files_done}/{step.files_total} files, "
            f"{step.chunks_done} passages: {safe(name)}",
            file=err,
            flush=True,
        )

    try:
        with interruptible() as cancel:
            report = client.index([Path(p) for p in args.paths], show, cancel)
    finally:
        client.close()
    if report.repaired:
        print("hearth: the index was incomplete and has been repaired", file=err)
    print(
        f"{len(report.indexed)} indexed ({report.chunks_added} passages), "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} refused",
        file=err,
    )
    for _path, message in report.failed:
        print(f"hearth: {safe(message)}", file=err)
    if report.cancelled:
        print("hearth: stopped; files done so far are indexed", file=err)
        return Exit.STOPPED
    return DOCUMENT_ERROR_EXIT if report.failed else 0


# -- docs list / remove -----------------------------------------------------------------
group("docs", "list or remove indexed documents")


@command("docs list", "show indexed files and their state")
def docs_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Prints one line per indexed file: state, passages, pages, path, and any error."""
    out = out or sys.stdout
    files = _client(args).files()
    if not files:
        print("No documents indexed yet: add some with `hearth index PATH`.", file=out)
        return 0
    for f in files:
        pages = f"{f.pages} pages" if f.pages else ""
        print(f"{f.status:<8} {f.chunks:>6} passages {pages:>10}  {safe(f.path)}", file=out)
        if f.error:
            print(f"         {safe(f.error)}", file=out)
    return 0


@command(
    "docs remove",
    "remove files or folders from the index",
    arg("paths", nargs="+", metavar="PATH"),
)
def docs_remove(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Removes files (or folders) from the index."""
    from agents.documents.errors import DocumentError, DocumentKind

    out = out or sys.stdout
    client = _client(args)
    try:
        removed = client.remove([Path(p) for p in args.paths])
    finally:
        client.close()
    if not removed:
        raise DocumentError.about_index(
            DocumentKind.NOT_INDEXED,
            f"Not in the index: {', '.join(args.paths)}. See `hearth docs list` for what is.",
        )
    for path in removed:
        print(f"removed {safe(str(path))}", file=out)
    return 0


# -- summarize --------------------------------------------------------------------------
@command(
    "summarize",
    "summarise a document (PDF, Word, text...)",
    arg("path", metavar="PATH"),
    arg("--lang", help="language of the summary, e.g. en, fr, zh (default: the document's)"),
    MODEL,
)
def summarize_command(args: argparse.Namespace) -> int:
    """Streams the summary to stdout; progress on stderr."""
    from agents.attachments import SummaryRequest
    from agents.turns.request import Mode, TurnRequest

    path = Path(args.path)
    request = TurnRequest.ask(
        f"Summarize {path.name}",
        Mode.SUMMARY,
        attachments=(SummaryRequest(str(path.expanduser().absolute()), args.lang),),
        model=args.model,
    )
    return run_turn(args, request)


# -- ask --docs -------------------------------------------------------------------------
def format_sources(sources: Sources, width: int = 100) -> str:
    """The numbered sources under an answer: file, page, heading and the passage."""
    lines = ["", "Sources:"]
    for c in sources.citations:
        heading = f" — {c.heading}" if c.heading else ""
        lines.append(f"[{c.number}] {c.path}{f', page {c.page}' if c.page else ''}{heading}")
        excerpt = " ".join(c.passage.split())
        if len(excerpt) > 300:
            excerpt = excerpt[:297] + "…"
        lines += textwrap.wrap(
            f'"{excerpt}"', width, initial_indent="    ", subsequent_indent="    "
        )
    return "\n".join(lines)


def ask_with_docs(args: argparse.Namespace) -> int:
    """Answers ``args.text`` from the indexed documents: the answer, then the sources."""
    from agents.events import Sources
    from agents.turns.request import Mode, TurnRequest

    request = TurnRequest.ask(
        read_text(args.text, "ask"), Mode.DOCUMENTS, model=getattr(args, "model", None)
    )
    found: list[Sources] = []

    def remember(event: object) -> None:
        if isinstance(event, Sources) and event.citations:
            found.append(event)

    def list_sources(out: TextIO) -> None:
        if found:
            print(safe(format_sources(found[-1]), multiline=True), file=out)

    return run_turn(args, request, on_event=remember, after_final=list_sources, save=True)
