"""Small helpers shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def timed(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """Runs ``fn`` repeatedly; returns the seconds of each run after the warm-up."""
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def interleaved(
    a: Callable[[], object], b: Callable[[], object], repeat: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Times two things alternately, so machine noise hits both alike."""
    for _ in range(warmup):
        a()
        b()
    runs_a, runs_b = [], []
    for _ in range(repeat):
        runs_a.extend(timed(a, 1, 0))
        runs_b.extend(timed(b, 1, 0))
    return runs_a, runs_b


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a measured child process: this checkout first on the path, and
    bytecode caching on (as in any installed copy; a sandbox's PYTHONDONTWRITEBYTECODE
    would make every start compile Hearth's modules again, and not PySide6's)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median_ms(values: Sequence[float]) -> float:
    """The median of seconds, in milliseconds."""
    return statistics.median(values) * 1000


def run_command(args: Sequence[str], env: dict[str, str] | None = None) -> str:
    """Runs a command to completion and returns its stdout (fails loudly)."""
    result = subprocess.run(
        list(args), capture_output=True, text=True, env=env, timeout=300, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{args} failed: {result.stderr.strip()}")
    return result.stdout


def report(name: str, subject: list[float], baseline: list[float], goal: float) -> float:
    """Prints medians and the ratio subject/baseline; returns the ratio."""
    s, b = statistics.median(subject), statistics.median(baseline)
    ratio = s / b
    verdict = "meets" if ratio <= goal else "misses"
    print(
        f"{name}: {s * 1000:.0f} ms vs baseline {b * 1000:.0f} ms -> ratio {ratio:.2f} "
        f"({verdict} goal {goal:.2f}; medians of {len(subject)})",
        flush=True,
    )
    return ratio


def make_maildir(root: Path, count: int = 20) -> Path:
    """A Maildir of ``count`` short messages (a report asked for by Friday)."""
    import mailbox
    from email.message import EmailMessage

    box = root / "Mail"
    folder = mailbox.Maildir(box, create=True)
    for i in range(count):
        message = EmailMessage()
        message["From"] = f"sender{i}@example.org"
        message["To"] = "me@example.org"
        message["Subject"] = f"Message {i}"
        message["Message-ID"] = f"<m{i}@example.org>"
        message.set_content(f"Body of message {i}: please send the report by Friday. " * 20)
        folder.add(message)
    return box
