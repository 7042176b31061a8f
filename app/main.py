"""The ``hearth`` entry point: the window, or a subcommand for scripting."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

STARTED = time.perf_counter()


def main(argv: Sequence[str] | None = None) -> int:
    """Runs Hearth; returns the process exit code."""
    from app.cli import build_parser, run_command

    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if getattr(args, "command", None):
        return run_command(args)
    from app.gui import run_gui  # Qt loads only when a window is wanted

    return run_gui(args, STARTED)


if __name__ == "__main__":
    sys.exit(main())
