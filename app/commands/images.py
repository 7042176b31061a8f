"""Image subcommands: ``hearth chart PATH`` and ``hearth ask --image PATH "QUESTION"``.

No Qt here: these run from a terminal or a script.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from agents.errors import HearthError
from agents.printable import safe
from agents.wording import plain
from app.cli import arg, command, run_turn

if TYPE_CHECKING:
    from agents.images.intake import PreparedImage

# Kept in step with agents.images.vision.DEFAULT_ATTEMPTS (not imported: the parser must
# stay light, Pillow and LangChain load only when a command runs).
DEFAULT_ATTEMPTS = 3


@command(
    "chart",
    "read a chart image with the vision model and print its data as CSV",
    arg("path", type=Path, help="the chart image (PNG, JPEG, GIF, WebP, BMP, TIFF)"),
    arg("--model", help="the vision model (default: the one in Settings)"),
    arg(
        "--attempts",
        type=int,
        default=DEFAULT_ATTEMPTS,
        help=f"how many times to ask when the answer is unusable (default {DEFAULT_ATTEMPTS})",
    ),
    description="Reads the numbers in a chart image with the vision model and prints "
    "them as CSV (header first). Check them against the chart: models misread.",
)
def chart(args: argparse.Namespace) -> int:
    """Prints the chart's table as CSV on stdout; notes and errors go to stderr."""
    from agents.attachments import CHART, ImageTaskRequest
    from agents.events import Result
    from agents.turns.request import Mode, TurnRequest

    if args.attempts < 1:
        raise HearthError(plain("--attempts must be at least 1."))
    prepared = _prepare(args.path)
    request = TurnRequest.ask(
        "Chart to table",
        Mode.IMAGE_TASK,
        images=(prepared.data,),
        attachments=(ImageTaskRequest(CHART, attempts=args.attempts),),
        model=args.model,
    )
    tables: list[Any] = []

    def keep_table(event: object) -> None:
        if isinstance(event, Result):
            tables.append(event.value)

    def write_csv(out: TextIO) -> None:
        """The table goes out as CSV, in place of the chat's Markdown answer."""
        table = tables[-1]
        if table.title:
            print(f"hearth: chart '{safe(table.title)}'", file=sys.stderr)
        out.write(safe(table.to_csv(), multiline=True))

    return run_turn(args, request, on_event=keep_table, after_final=write_csv, answer=False)


def prepare_images(paths: list[str]) -> tuple[bytes, ...]:
    """Checks, turns upright and downscales each image for ``hearth ask --image``."""
    return tuple(_prepare(Path(p)).data for p in paths)


def _prepare(path: Path) -> PreparedImage:
    from agents.images.intake import prepare_image

    prepared = prepare_image(path)
    for note in prepared.notes:
        print(f"hearth: {prepared.name}: {note}", file=sys.stderr)
    return prepared


__all__ = ["chart", "prepare_images"]
