"""Documents on the command line: index, list, remove, summarise, and ask with citations.

``hearth index PATH...``, ``hearth docs list``, ``hearth docs remove PATH...``,
``hearth summarize PATH [--lang LANG]``; ``ask_with_docs`` backs ``hearth ask --docs``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.paths import data_dir
from app.cli import fail, service_for, subcommand

if TYPE_CHECKING:  # the documents stack loads only when a documents command runs
    from agents.documents.answer import Sources
    from agents.documents.index import SyncProgress
    from agents.documents.index_worker import IndexClient

DOCUMENT_ERROR_EXIT = 20  # agents.documents.errors.DocumentError.exit_code


@contextmanager
def _interruptible() -> Iterator[CancelToken]:
    """A cancel token that Ctrl+C sets (the work stops cleanly at its next check)."""
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)


def _client(args: argparse.Namespace) -> IndexClient:
    from agents.documents.index_worker import IndexClient

    settings = service_for(args).settings
    return IndexClient(data_dir(getattr(args, "data_dir", None)), settings)


# -- index ------------------------------------------------------------------------------
@subcommand
def _index_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "index", help="add files or folders to the document index (progress on stderr)"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to index")
    p.set_defaults(handler=index_command)


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
            f"{step.chunks_done} passages: {name}",
            file=err,
            flush=True,
        )

    try:
        with _interruptible() as cancel:
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
        print(f"hearth: {message}", file=err)
    if report.cancelled:
        print("hearth: stopped; files done so far are indexed", file=err)
        return 130
    return DOCUMENT_ERROR_EXIT if report.failed else 0


# -- docs list / remove -----------------------------------------------------------------
@subcommand
def _docs_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("docs", help="list or remove indexed documents")
    sub = p.add_subparsers(dest="docs_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="show indexed files and their state")
    listing.set_defaults(handler=docs_list)
    remove = sub.add_parser("remove", help="remove files or folders from the index")
    remove.add_argument("paths", nargs="+", metavar="PATH")
    remove.set_defaults(handler=docs_remove)


def docs_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Prints one line per indexed file: state, passages, pages, path, and any error."""
    out = out or sys.stdout
    files = _client(args).files()
    if not files:
        print("No documents indexed yet: add some with `hearth index PATH`.", file=out)
        return 0
    for f in files:
        pages = f"{f.pages} pages" if f.pages else ""
        print(f"{f.status:<8} {f.chunks:>6} passages {pages:>10}  {f.path}", file=out)
        if f.error:
            print(f"         {f.error}", file=out)
    return 0


def docs_remove(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Removes files (or folders) from the index."""
    from agents.documents.errors import NotIndexed

    out = out or sys.stdout
    client = _client(args)
    try:
        removed = client.remove([Path(p) for p in args.paths])
    finally:
        client.close()
    if not removed:
        raise NotIndexed(
            f"Not in the index: {', '.join(args.paths)}. See `hearth docs list` for what is."
        )
    for path in removed:
        print(f"removed {path}", file=out)
    return 0


# -- summarize --------------------------------------------------------------------------
@subcommand
def _summarize_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("summarize", help="summarise a document (PDF, Word, text...)")
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--lang", help="language of the summary, e.g. en, fr, zh (default: the document's)"
    )
    p.add_argument("--model", help="the model to use (default: the chat model in Settings)")
    p.set_defaults(handler=summarize_command)


def summarize_command(args: argparse.Namespace) -> int:
    """Streams the summary to stdout; progress on stderr."""
    from agents.documents.config import DocumentsConfig
    from agents.documents.summarize import DocumentSummarizer, SummaryProgress
    from agents.events import Failed, Final, Status, Stopped, Token

    service = service_for(args)
    summarizer = DocumentSummarizer(
        service, model=args.model, config=DocumentsConfig.from_settings(service.settings)
    )
    out = sys.stdout
    with _interruptible() as cancel:
        for event in summarizer.stream(Path(args.path), args.lang, cancel):
            if isinstance(event, Token):
                out.write(event.text)
                out.flush()
            elif isinstance(event, Status):
                print(event.text, file=sys.stderr)
            elif isinstance(event, SummaryProgress):
                print(f"{event.stage}: {event.done}/{event.total}", file=sys.stderr)
            elif isinstance(event, Final):
                if not event.text.endswith("\n"):
                    out.write("\n")
                return 0
            elif isinstance(event, Stopped):
                out.write("\n")
                print("hearth: stopped", file=sys.stderr)
                return 130
            elif isinstance(event, Failed):
                if event.partial:
                    out.write("\n")
                fail(event.error)
                return event.error.exit_code
    return 1


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
    from agents.documents.answer import DocumentAnswerer, Sources
    from agents.documents.index_worker import IndexClient
    from agents.events import Failed, Final, Status, Stopped, Token

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise HearthError("Nothing to ask: give the question as an argument or on stdin.")
    service = service_for(args)
    client = IndexClient(data_dir(getattr(args, "data_dir", None)), service.settings)
    answerer = DocumentAnswerer(service, client, model=getattr(args, "model", None))
    out = sys.stdout
    sources: Sources | None = None
    try:
        with _interruptible() as cancel:
            for event in answerer.stream(text, cancel):
                if isinstance(event, Token):
                    out.write(event.text)
                    out.flush()
                elif isinstance(event, Status):
                    print(event.text, file=sys.stderr)
                elif isinstance(event, Sources):
                    sources = event
                elif isinstance(event, Final):
                    if not sources or not sources.citations:
                        out.write(event.text)
                    if not event.text.endswith("\n"):
                        out.write("\n")
                    if sources and sources.citations:
                        print(format_sources(sources), file=out)
                    return 0
                elif isinstance(event, Stopped):
                    out.write("\n")
                    print("hearth: stopped", file=sys.stderr)
                    return 130
                elif isinstance(event, Failed):
                    if event.partial:
                        out.write("\n")
                    fail(event.error)
                    return event.error.exit_code
    finally:
        client.close()
    return 1
