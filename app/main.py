"""The ``hearth`` entry point: the window, or a subcommand for scripting."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

STARTED = time.perf_counter()

# Global options that take a value (their value is not a subcommand).
_VALUED = {"--data-dir"}


def wants_command(argv: Sequence[str]) -> bool:
    """Whether the arguments name a subcommand (or ask for help listing them)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUED:
            skip = True
        elif arg in {"-h", "--help"} or not arg.startswith("-"):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Runs Hearth; returns the process exit code."""
    import multiprocessing

    multiprocessing.freeze_support()  # the document worker process in a frozen build
    from app.cli import build_parser, run_command

    args_list = list(sys.argv[1:] if argv is None else argv)
    # The window needs no subcommand parsers: don't import the feature modules for it.
    parser = build_parser(with_commands=wants_command(args_list))
    args = parser.parse_args(args_list)
    if getattr(args, "command", None):
        return run_command(args)
    from app.gui import run_gui  # Qt loads only when a window is wanted

    return run_gui(args, STARTED)


if __name__ == "__main__":
    sys.exit(main())
