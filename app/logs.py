"""Hearth's log file: one per user, rotated, for a person to attach to a bug report.

Records say what happened (an error, a retry, a skipped file), never what a message, a
mail or a document says: every record is cut to ``MAX_RECORD_CHARS`` as a last guard.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from agents import paths

LOG_FILE = "hearth.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
MAX_RECORD_CHARS = 600
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


class _Bounded(logging.Filter):
    """Cuts long records (a body that slipped into a message) and keeps them on one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if len(text) > MAX_RECORD_CHARS or "\n" in text:
            record.msg = " ".join(text.split())[:MAX_RECORD_CHARS]
            record.args = ()
        return True


def setup(data_root: Path | None) -> Path | None:
    """Sends log records (INFO and up, or ``HEARTH_LOG_LEVEL``) to the rotated log file.

    Returns the file, or None when it can't be written (Hearth runs on without it).
    """
    level = os.environ.get("HEARTH_LOG_LEVEL", "INFO").upper()
    try:
        path = paths.log_dir(data_root) / LOG_FILE
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(_Bounded())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "hearth", False)]:
        root.removeHandler(old)
        old.close()
    handler.hearth = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level if level in logging.getLevelNamesMapping() else "INFO")
    logging.captureWarnings(True)
    return path


def where(data_root: Path | None) -> Path:
    """Where the log file is (for ``hearth doctor`` and Help)."""
    return paths.log_dir(data_root) / LOG_FILE
