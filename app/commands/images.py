"""Image subcommands: ``hearth chart PATH`` and ``hearth ask --image PATH "QUESTION"``.

No Qt here: these run from a terminal or a script.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agents.cancel import CancelToken
from agents.errors import HearthError
from app.cli import service_for, subcommand

if TYPE_CHECKING:
    from agents.images.intake import PreparedImage

# Kept in step with agents.images.vision.DEFAULT_ATTEMPTS (not imported: the parser must
# stay light, Pillow and LangChain load only when a command runs).
DEFAULT_ATTEMPTS = 3


@subcommand
def _chart_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "chart",
        help="read a chart image with the vision model and print its data as CSV",
        description="Reads the numbers in a chart image with the vision model and prints "
        "them as CSV (header first). Check them against the chart: models misread.",
    )
    p.add_argument("path", type=Path, help="the chart image (PNG, JPEG, GIF, WebP, BMP, TIFF)")
    p.add_argument("--model", help="the vision model (default: the one in Settings)")
    p.add_argument(
        "--attempts",
        type=int,
        default=DEFAULT_ATTEMPTS,
        help=f"how many times to ask when the answer is unusable (default {DEFAULT_ATTEMPTS})",
    )
    p.set_defaults(handler=chart)


def chart(args: argparse.Namespace) -> int:
    """Prints the chart's table as CSV on stdout; notes and errors go to stderr."""
    from agents.images.chart import chart_to_table
    from agents.images.vision import VisionCancelled

    if args.attempts < 1:
        raise HearthError("--attempts must be at least 1.")
    prepared = _prepare(args.path)
    service = service_for(args)
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        table = chart_to_table(
            service, prepared.data, attempts=args.attempts, model=args.model, cancel=cancel
        )
    except VisionCancelled:
        print("hearth: stopped", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGINT, previous)
    if table.title:
        print(f"hearth: chart '{table.title}'", file=sys.stderr)
    sys.stdout.write(table.to_csv())
    sys.stdout.flush()
    return 0


def ask_with_images(args: argparse.Namespace) -> int:
    """``hearth ask --image PATH [--image PATH...] QUESTION``: streams the vision model's answer.

    Expects ``args.image`` (a list of paths), ``args.text`` (``-`` reads stdin),
    ``args.model`` and ``args.system`` as the ``ask`` parser defines them. Each image is
    prepared (checked, turned upright, downscaled) before it is sent.
    """
    from agents.chat import ChatAgent, ChatMessage
    from app.cli import _print_stream

    images = [_prepare(Path(p)) for p in (getattr(args, "image", None) or [])]
    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise HearthError("Nothing to ask: give the question as an argument or on stdin.")
    service = service_for(args)
    agent = ChatAgent(
        service, model=getattr(args, "model", None), system_prompt=getattr(args, "system", None)
    )
    message = ChatMessage("user", text, images=tuple(i.data for i in images))
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        return _print_stream(agent, [message], cancel)
    finally:
        signal.signal(signal.SIGINT, previous)


def _prepare(path: Path) -> PreparedImage:
    from agents.images.intake import prepare_image

    prepared = prepare_image(path)
    for note in prepared.notes:
        print(f"hearth: {prepared.name}: {note}", file=sys.stderr)
    return prepared


__all__ = ["ask_with_images", "chart"]
