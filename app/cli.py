"""Hearth's command line: the same entry point as the window, for scripts and tests.

No Qt is imported here, so subcommands start fast. A subcommand is its handler, declared
with :func:`command` (name, help and arguments as data); feature modules in app/commands/
declare theirs when :func:`build_parser` imports them.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import agents
from agents.errors import HearthError
from agents.exit_codes import Exit, listing
from agents.printable import safe
from agents.wording import plain

if TYPE_CHECKING:
    from agents.cancel import CancelToken
    from agents.documents.index_worker import IndexClient
    from agents.llm import OllamaService
    from agents.turns.request import TurnRequest
    from agents.turns.router import Router, ToolSetup

Handler = Callable[[argparse.Namespace], int]
Record = Callable[[Iterable[object]], Iterable[object]]  # passes a turn's events on
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Arg:
    """One argument of a command, as ``ArgumentParser.add_argument`` takes it."""

    flags: tuple[str, ...]
    options: dict[str, Any]


@dataclass(frozen=True)
class OneOf:
    """Arguments of which at most one may be given."""

    args: tuple[Arg, ...]


def arg(*flags: str, **options: Any) -> Arg:
    """Declares an argument: ``arg("--model", help="...")``."""
    return Arg(flags, options)


@dataclass(frozen=True)
class Command:
    """A subcommand: ``name`` (``"docs list"`` for an action of a group), its handler,
    its help, and its arguments."""

    name: str
    handler: Handler
    help: str
    args: tuple[Arg | OneOf, ...] = ()
    description: str | None = None


COMMANDS: dict[str, Command] = {}
GROUPS: dict[str, tuple[str, str | None]] = {}  # name -> help, description

MODEL = arg("--model", help="the model to use (default: the chat model in Settings)")
MAILBOX = OneOf(
    (
        arg("--maildir", type=Path, metavar="DIR", help="a Maildir folder"),
        arg("--mbox", type=Path, metavar="FILE", help="an mbox file"),
        arg(
            "--imap",
            metavar="URL",
            help="imaps://USER@HOST[:PORT][/FOLDER] (imap:// for STARTTLS); password from the "
            "keyring (store it with `hearth mail password`)",
        ),
        arg("--account", metavar="NAME", help="a mail account set up in the window"),
    )
)


#: Whether and where `hearth ask` keeps the exchange in the history the window shows.
SAVE = (
    arg("--no-save", action="store_true", help="don't keep this exchange in the history"),
    OneOf(
        (
            arg(
                "--continue",
                dest="continue_chat",
                action="store_true",
                help="continue the most recent chat (the window's too)",
            ),
            arg("--chat", metavar="ID", help="continue the chat with this id"),
        )
    ),
)


def text_arg(what: str) -> Arg:
    """The text a command works on, or '-' to read it from standard input."""
    return arg("text", help=f"{what}; '-' reads it from standard input")


def command(
    name: str, help: str, *args: Arg | OneOf, description: str | None = None
) -> Callable[[Handler], Handler]:
    """Declares the decorated handler as the subcommand ``name``."""

    def declare(handler: Handler) -> Handler:
        COMMANDS[name] = Command(name, handler, help, args, description)
        return handler

    return declare


def group(name: str, help: str, description: str | None = None) -> None:
    """Declares a command made of actions (``hearth docs list``, ``hearth docs remove``)."""
    GROUPS[name] = (help, description)


def _add(parser: argparse.ArgumentParser, args: tuple[Arg | OneOf, ...]) -> None:
    for item in args:
        if isinstance(item, OneOf):
            choice = parser.add_mutually_exclusive_group()
            for one in item.args:
                choice.add_argument(*one.flags, **one.options)
        else:
            parser.add_argument(*item.flags, **item.options)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The parser for ``hearth`` and (unless told not to) every subcommand."""
    parser = argparse.ArgumentParser(
        prog="hearth",
        description="Hearth: a private desktop assistant on your own computer.",
        epilog="exit codes:\n" + listing(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"hearth {agents.__version__}")
    parser.add_argument("--data-dir", help="data folder (default: HEARTH_DATA_DIR or the OS's)")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, wait until it is shown and idle, print the milliseconds, exit",
    )
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    # --data-dir is also accepted after the subcommand (hearth ask --data-dir D "hi").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    _load_feature_commands()
    groups: dict[str, Any] = {}
    for spec in COMMANDS.values():
        where, _, action = spec.name.rpartition(" ")
        if where and where not in groups:
            outer_help, outer_description = GROUPS[where]
            made = subparsers.add_parser(
                where,
                help=outer_help,
                description=outer_description or outer_help,
                parents=[common],
            )
            groups[where] = made.add_subparsers(
                dest=f"{where}_command", metavar="ACTION", required=True
            )
        into = groups[where] if where else subparsers
        sub = into.add_parser(
            action, help=spec.help, description=spec.description or spec.help, parents=[common]
        )
        _add(sub, spec.args)
        sub.set_defaults(handler=spec.handler)
    return parser


def _load_feature_commands() -> None:
    """Imports the modules whose subcommands register themselves (app/commands/)."""
    from app.commands import load_all

    load_all()


def run_command(args: argparse.Namespace) -> int:
    """Runs the chosen subcommand; a HearthError becomes one line on stderr."""
    handler: Handler = args.handler
    name = " ".join(str(v) for k, v in sorted(vars(args).items()) if k.endswith("command"))
    log.info("hearth %s", name)
    try:
        return handler(args)
    except HearthError as exc:
        log.warning("hearth %s failed (exit %d): %s", name, exc.exit_code, exc.message)
        fail(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("hearth: interrupted", file=sys.stderr)
        return Exit.STOPPED


def fail(error: HearthError, stream: TextIO | None = None) -> None:
    """Prints an error as the one line a script can show to its user."""
    print(f"hearth: {safe(' '.join(error.message.split()))}", file=stream or sys.stderr)


def service_for(args: argparse.Namespace) -> OllamaService:
    """The Ollama door configured from the data folder's settings and the environment."""
    from agents import settings as settings_mod
    from agents.llm import OllamaService
    from agents.paths import data_dir

    root = data_dir(getattr(args, "data_dir", None))
    loaded = settings_mod.load(root)
    for note in loaded.notes:
        print(f"hearth: {note}", file=sys.stderr)
    return OllamaService(loaded.settings)


# -- doctor ------------------------------------------------------------------------
@command("doctor", "check the Ollama server and the models Hearth uses")
def doctor(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Prints host, server version, models and what is missing; 0 iff chat works."""
    from agents.llm.models import Capability, canonical
    from agents.paths import ENV_DATA_DIR, data_dir
    from app import logs

    out = out or sys.stdout
    chosen = getattr(args, "data_dir", None) or os.environ.get(ENV_DATA_DIR)
    print(f"Data folder: {data_dir(chosen)}", file=out)
    print(f"Log file: {logs.where(data_dir(chosen) if chosen else None)}", file=out)
    service = service_for(args)
    where = "another computer" if service.is_remote else "this computer"
    print(f"Ollama host: {service.host} ({where})", file=out)
    version = service.version()
    print(f"Server: Ollama {safe(version)}", file=out)
    models = service.list_models()
    print("Models:" if models else "Models: none pulled yet", file=out)
    width = max((len(m.name) for m in models), default=0)
    for m in models:
        ctx = f"context {m.context_length}" if m.context_length else ""
        size = m.parameter_size or ""
        line = f"  {m.name:<{width}}  {size:>6}  {m.display_capabilities:<22} {ctx}"
        print(safe(line), file=out)
    s = service.settings
    needs = [
        ("chat", s.chat_model, Capability.TOOLS),
        ("fast", s.fast_model, Capability.COMPLETION),
        ("images", s.vision_model, Capability.VISION),
        ("documents", s.embed_model, Capability.EMBEDDING),
        ("safety", s.guard_model, Capability.COMPLETION),
    ]
    pulled = {m.name: m for m in models}
    print("Hearth uses:", file=out)
    chat_ok = False
    for job, name, cap in needs:
        info = pulled.get(canonical(name))
        if info is None:
            state = f"missing: run `ollama pull {name}`"
        elif not info.supports(cap):
            state = f"can't do {cap.value}: choose another model in Settings"
        else:
            state = "ok"
            chat_ok = chat_ok or job == "chat"
        print(f"  {job:<10} {name:<20} {state}", file=out)
    if not chat_ok:
        print(
            f"hearth: the chat model '{s.chat_model}' isn't ready: run "
            f"`ollama pull {s.chat_model}`",
            file=sys.stderr,
        )
        return Exit.MODEL_MISSING
    return 0


# -- quick -------------------------------------------------------------------------
@command(
    "quick",
    "open the quick-ask window (bind this to a desktop shortcut)",
    description="Opens Hearth's small quick-ask window, or asks the running Hearth to open "
    "it. Bind `hearth quick` to a keyboard shortcut in your desktop's settings to ask from "
    "anywhere.",
)
def quick(args: argparse.Namespace) -> int:
    """Opens the quick-ask window."""
    from app.gui import run_gui

    return run_gui(args, quick=True)


# -- ask ---------------------------------------------------------------------------
@command(
    "ask",
    "ask the model and stream the answer to stdout",
    text_arg("the question"),
    MODEL,
    arg("--system", help="a system prompt for this question"),
    arg(
        "--image",
        action="append",
        metavar="PATH",
        help="an image to ask about (repeatable); it goes to the vision model",
    ),
    arg(
        "--docs",
        action="store_true",
        help="answer only from your indexed documents, then list the sources",
    ),
    *SAVE,
)
def ask(args: argparse.Namespace) -> int:
    """Streams one answer to stdout; one line on stderr and non-zero on failure."""
    if getattr(args, "docs", False):
        from app.commands.documents import ask_with_docs

        return ask_with_docs(args)
    from agents.turns.request import TurnRequest

    images: tuple[bytes, ...] = ()
    if getattr(args, "image", None):
        from app.commands.images import prepare_images

        images = prepare_images(args.image)
    request = TurnRequest.ask(
        read_text(args.text, "ask"), images=images, model=args.model, system_prompt=args.system
    )
    names = [Path(p).name for p in getattr(args, "image", None) or ()]
    return run_turn(args, request, save=True, image_names=names)


def read_text(text: str, what: str) -> str:
    """The text from the command line, or from stdin for '-'; refuses an empty one."""
    text = sys.stdin.read() if text == "-" else text
    if not text.strip():
        raise HearthError(plain(f"Nothing to {what}: give it as an argument or on stdin."))
    return text


@contextmanager
def routed(args: argparse.Namespace, tools: ToolSetup | None = None) -> Iterator[Router]:
    """The router for a command, as the window builds it: the settings and personas of
    the data folder, its document index (opened on first use, closed at the end)."""
    from agents.chat.personas import PersonaLibrary
    from agents.paths import data_dir
    from agents.turns.router import Router

    service = service_for(args)
    root = data_dir(getattr(args, "data_dir", None))
    opened: list[IndexClient] = []

    def documents() -> IndexClient:
        from agents.documents.index_worker import IndexClient

        opened.append(IndexClient(root, service.settings))
        return opened[-1]

    router = Router(
        service, documents=documents, personas=PersonaLibrary.in_data_dir(root), tools=tools
    )
    try:
        yield router
    finally:
        for client in opened:
            client.close()


def run_turn(
    args: argparse.Namespace,
    request: TurnRequest,
    *,
    tools: ToolSetup | None = None,
    on_event: Callable[[object], None] | None = None,
    after_final: Callable[[TextIO], None] | None = None,
    answer: bool = True,
    save: bool = False,
    image_names: Sequence[str] = (),
) -> int:
    """Routes a request, streams its answer to stdout (see :func:`print_events`) and
    returns the exit code; Ctrl+C stops it, keeping what arrived.

    With ``save`` the exchange goes into the history the window shows (see
    :mod:`app.commands.history`), unless the command was given ``--no-save``.
    """
    history: contextlib.AbstractContextManager[tuple[TurnRequest, Record]]
    if save:
        from app.commands.history import remembered

        history = remembered(args, request, image_names)
    else:
        history = contextlib.nullcontext((request, _as_is))
    with history as (saved, record), routed(args, tools) as router, interruptible() as cancel:
        turn = router.build(saved)
        return print_events(record(turn.stream(cancel)), on_event, after_final, answer=answer)


def _as_is(events: Iterable[object]) -> Iterable[object]:
    return events


@contextmanager
def interruptible() -> Iterator[CancelToken]:
    """A cancel token that Ctrl+C sets: the work stops at its next check, keeping what
    arrived, instead of the process dying mid-write."""
    from agents.cancel import CancelToken

    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)


def print_events(
    events: Iterable[object],
    on_event: Callable[[object], None] | None = None,
    after_final: Callable[[TextIO], None] | None = None,
    *,
    answer: bool = True,
) -> int:
    """Writes an agent's answer to stdout as it streams; returns the exit code.

    Progress goes to stderr only for a person at a terminal; a failure is one line on
    stderr. The answer is untrusted text: its control characters are shown escaped.
    ``on_event`` sees every other event (e.g. an answer's sources); ``after_final``
    writes after a complete answer (e.g. the sources, or the answer in another form
    when ``answer`` is False and the answer's own text isn't written).
    """
    from agents.events import Blocked, Failed, Final, Status, Stopped, SummaryProgress, Token
    from agents.fences import FenceFilter, strip_fences

    out = sys.stdout
    wrote = False
    last = "\n"  # the last character written: an answer always ends its line
    shown = FenceFilter()  # the answer without the fences Hearth puts around data

    def write(text: str) -> None:
        nonlocal last
        if text:
            out.write(safe(text, multiline=True))
            out.flush()
            last = text[-1]

    for event in events:
        if isinstance(event, Final | Stopped | Failed):
            write(shown.flush())  # what waited to be known
        if isinstance(event, Token):
            write(shown.feed(event.text))
            wrote = wrote or bool(event.text)
        elif isinstance(event, Status | SummaryProgress):
            if sys.stderr.isatty():  # for a person watching, not for scripts
                text = (
                    str(event.text)
                    if isinstance(event, Status)
                    else f"{event.stage}: {event.done}/{event.total}"
                )
                print(safe(text), file=sys.stderr)
        elif isinstance(event, Final):
            if answer and not wrote:  # arrived whole (e.g. "not in your documents")
                write(strip_fences(event.text))
            if answer and last != "\n":
                out.write("\n")
            if after_final is not None:
                after_final(out)
            if event.stats.truncated:
                print("hearth: the answer hit the length limit and was cut", file=sys.stderr)
            return 0
        elif isinstance(event, Stopped):
            out.write("\n")
            print("hearth: stopped", file=sys.stderr)
            return Exit.STOPPED
        elif isinstance(event, Failed):
            if wrote:
                out.write("\n")
            fail(event.error)
            return event.error.exit_code
        elif isinstance(event, Blocked):
            fail(HearthError(event.message))
            return Exit.BLOCKED
        elif on_event is not None:
            on_event(event)
    return 1
