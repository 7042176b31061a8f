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
from agents.printable import safe, shown
from agents.wording import plain
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

if TYPE_CHECKING:  # the documents stack loads only when a documents command runs
    from agents.documents.index import SyncProgress, SyncReport
    from agents.documents.index_worker import IndexClient
    from agents.events import Sources

DOCUMENT_ERROR_EXIT = Exit.DOCUMENT  # the exit code of DocumentKind's file kinds
USAGE_EXIT = Exit.USAGE


def _client(args: argparse.Namespace) -> IndexClient:
    from agents.documents.index_worker import IndexClient

    settings = service_for(args).settings
    return IndexClient(data_dir(getattr(args, "data_dir", None)), settings)


# -- index ------------------------------------------------------------------------------
@command(
    "index",
    "add files or folders to the document index (progress on stderr)",
    arg("paths", nargs="*", metavar="PATH", help="files or folders to index"),
    arg(
        "--rebuild",
        action="store_true",
        help="build the index again from the files it knows (e.g. after it was moved aside)",
    ),
)
def index_command(args: argparse.Namespace, err: TextIO | None = None) -> int:
    """Indexes files and folders; 0 when every file was read, 20 when some were refused,
    130 when stopped with Ctrl+C (what was done stays indexed; the next run goes on)."""
    err = err or sys.stderr
    rebuild = bool(getattr(args, "rebuild", False))
    if not args.paths and not rebuild:
        print("hearth index: give files or folders to index, or --rebuild", file=err)
        return USAGE_EXIT
    client = _client(args)
    last = [0.0]

    def show(step: SyncProgress) -> None:
        now = time.monotonic()
        if step.files_done < step.files_total and now - last[0] < 0.2:
            return
        last[0] = now
        name = shown(Path(step.path).name) if step.path else "done"
        print(
            f"indexing {step.files_done}/{step.files_total} files, "
            f"{step.chunks_done} passages: {safe(name)}",
            file=err,
            flush=True,
        )

    reports: list[SyncReport] = []
    try:
        with interruptible() as cancel:
            if rebuild:
                kept = client.moved_aside()
                reports.append(client.rebuild(show, cancel))
                if kept is not None:
                    print(
                        f"hearth: a new index was built; the old one is still in "
                        f"{shown(str(kept))} (delete it when you no longer need it)",
                        file=err,
                    )
            if args.paths and not cancel.cancelled:
                reports.append(client.index([Path(p) for p in args.paths], show, cancel))
    finally:
        client.close()
    for report in reports:
        _print_report(report, err)
    if cancel.cancelled or any(r.cancelled for r in reports):
        print(
            "hearth: stopped. Files done so far are indexed; run the same command again to go on.",
            file=err,
        )
        return Exit.STOPPED
    return DOCUMENT_ERROR_EXIT if any(r.failed for r in reports) else 0


def _print_report(report: SyncReport, err: TextIO) -> None:
    """The counts of a run, then one line per refused file and per skipped thing."""
    if report.repaired:
        print("hearth: the index was incomplete and has been repaired", file=err)
    print(
        f"{len(report.indexed)} indexed ({report.chunks_added} passages), "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} refused, {len(report.skipped)} skipped",
        file=err,
    )
    for _path, message in report.failed:
        print(f"hearth: {safe(str(message))}", file=err)
    for _path, note in report.skipped:
        print(f"hearth: {safe(str(note))}", file=err)


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
            plain(
                f"Not in the index: {', '.join(shown(p) for p in args.paths)}. See `hearth docs "
                "list` for what is."
            ),
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
        f"Summarize {shown(path.name)}",
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
