"""``hearth rewrite``, ``hearth export`` and ``hearth import``.

No Qt here: these run as plain command-line tools.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from agents.errors import HearthError
from agents.paths import data_dir
from agents.printable import safe
from agents.wording import plain
from agents.writing.styles import Style
from app.cli import MODEL, arg, command, run_turn

if TYPE_CHECKING:
    from agents.storage import InstanceLock

#: Largest input file read by ``hearth rewrite`` (bytes).
MAX_INPUT_BYTES = 4 << 20


# -- rewrite -----------------------------------------------------------------------
def _read_input(name: str) -> str:
    if name == "-":
        raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        where = "standard input"
    else:
        path = Path(name)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise HearthError(plain(f"Can't read {path}: {exc.strerror or exc}.")) from exc
        where = str(path)
    if len(raw) > MAX_INPUT_BYTES:
        raise HearthError(
            plain(
                f"{where} is too large to rewrite at once (over {MAX_INPUT_BYTES >> 20} MiB): "
                "split it into smaller files."
            )
        )
    if b"\x00" in raw:
        raise HearthError(plain(f"{where} looks like a binary file, not text: give a text file."))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


@command(
    "rewrite",
    "rewrite a text in a style and stream the result to stdout",
    arg("--style", required=True, help="one of: " + ", ".join(s.value for s in Style)),
    arg("--lang", help="target language for --style translate (e.g. French)"),
    arg("--instruction", help="what to do, for --style custom"),
    MODEL,
    arg("file", nargs="?", default="-", help="a text file, or '-' for stdin (default)"),
    description="Rewrite a text: shorter, simpler, formal, friendly, grammar fixes, "
    "translation or your own instruction. The result keeps the text's language "
    "unless you translate.",
)
def rewrite(args: argparse.Namespace) -> int:
    """Streams a rewrite to stdout; status lines and errors go to stderr."""
    from agents.turns.request import Mode, TurnRequest
    from agents.writing.styles import RewriteSpec, parse_style

    spec = RewriteSpec(parse_style(args.style), language=args.lang, instruction=args.instruction)
    text = _read_input(args.file)
    if not text.strip():
        raise HearthError(plain("There is no text to rewrite: the input is empty."))
    return run_turn(args, TurnRequest.ask(text, Mode.REWRITE, rewrite=spec, model=args.model))


# -- export ------------------------------------------------------------------------
def _locked(root: Path, action: str) -> InstanceLock:
    """Holds the data folder like the window does: one writer per folder."""
    from agents.storage import InstanceLock, StorageError, StorageKind

    lock = InstanceLock(root)
    try:
        lock.acquire()
    except StorageError as exc:
        if exc.kind is not StorageKind.ALREADY_RUNNING:
            raise
        raise StorageError(
            StorageKind.ALREADY_RUNNING,
            plain(
                f"Hearth is running with this data folder ({root}): {action} from the window, or "
                "quit Hearth and run the command again."
            ),
        ) from exc
    return lock


@command(
    "export",
    "export one chat or all chats as Markdown or JSON",
    arg("--chat", action="append", metavar="ID", help="a chat id (repeatable)"),
    arg("--format", choices=["md", "json"], default="json", help="default: json"),
    arg("--list", action="store_true", help="list the chats and their ids, then exit"),
    arg("out", nargs="?", help="the file to write"),
    description="Export chats: Markdown to read, JSON to import again (complete, with "
    "images and personas).",
)
def export(args: argparse.Namespace) -> int:
    """Writes the export file, or lists chats with --list."""
    from agents.chat.personas import PersonaLibrary
    from agents.images.store import ImageStore
    from agents.storage import ChatStore
    from agents.storage.transfer import export_json, export_markdown

    root = data_dir(args.data_dir)
    with _locked(root, "export"), ChatStore.in_data_dir(root) as store:
        if args.list:
            for conversation in store.list_conversations():
                print(safe(f"{conversation.id}  {conversation.title or 'Untitled'}"))
            return 0
        if not args.out:
            raise HearthError(
                plain("Say where to write the export: hearth export --format json OUT.")
            )
        images = ImageStore.in_data_dir(root)
        personas = PersonaLibrary.in_data_dir(root)
        write = export_json if args.format == "json" else export_markdown
        count = write(Path(args.out), store, images, personas, args.chat)
    print(f"Exported {count} chat(s) to {args.out}", file=sys.stderr)
    return 0


# -- import ------------------------------------------------------------------------
@command(
    "import",
    "import chats from a JSON export (never overwrites)",
    arg("file", help="the JSON export"),
    description="Import chats from a file made by `hearth export --format json`. The file "
    "is checked completely first; chats already here are skipped.",
)
def import_chats(args: argparse.Namespace) -> int:
    """Imports an export and prints what was added and skipped."""
    from agents.chat.personas import PersonaLibrary
    from agents.images.store import ImageStore
    from agents.storage import ChatStore
    from agents.storage.transfer import import_export, read_export

    parsed = read_export(Path(args.file))
    root = data_dir(args.data_dir)
    with _locked(root, "import"), ChatStore.in_data_dir(root) as store:
        report = import_export(
            parsed, store, ImageStore.in_data_dir(root), PersonaLibrary.in_data_dir(root)
        )
    print(f"hearth: {safe(report.summary())}")
    for line in report.skipped:
        print(f"  skipped {safe(str(line))}")
    return 0
