"""The ``hearth`` entry point: the window, or a subcommand for scripting."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence

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

    from app import heap

    heap.start_up()  # few garbage collections while starting (see app/heap.py)
    multiprocessing.freeze_support()  # the document worker process in a frozen build
    from app.cli import build_parser, run_command

    args_list = list(sys.argv[1:] if argv is None else argv)
    # The window needs no subcommand parsers: don't import the feature modules for it.
    parser = build_parser(with_commands=wants_command(args_list))
    args = parser.parse_args(args_list)
    _private_and_logged(getattr(args, "data_dir", None))
    if getattr(args, "command", None):
        return _quiet_on_closed_pipe(lambda: run_command(args))
    from app.gui import run_gui  # Qt loads only when a window is wanted

    return run_gui(args, STARTED)


def _private_and_logged(data_dir: str | None) -> None:
    """Everything Hearth writes from here on is private (0600 files, 0700 folders), and
    its log goes to the rotated log file."""
    import os

    from agents import paths
    from app import logs

    if os.name == "posix":
        os.umask(paths.PRIVATE_UMASK)
    logs.setup(paths.data_dir(data_dir) if data_dir or os.environ.get(paths.ENV_DATA_DIR) else None)


def _quiet_on_closed_pipe(run: Callable[[], int]) -> int:
    """Runs a command; a reader that went away (``hearth ask ... | head -1``) ends it quietly
    with the shell's code for SIGPIPE, not a traceback."""
    import os

    try:
        code = run()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at nothing so that flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        from agents.exit_codes import Exit

        return Exit.PIPE_CLOSED  # 128 + SIGPIPE, as a shell reports it


if __name__ == "__main__":
    sys.exit(main())
