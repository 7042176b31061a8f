"""The one place that knows where Hearth keeps its files."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "Hearth"
ENV_DATA_DIR = "HEARTH_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Returns the data folder, creating it.

    Order: the explicit override (``--data-dir``), then ``HEARTH_DATA_DIR``, then the
    platform's convention (``~/.local/share/Hearth`` on Linux).
    """
    chosen = override or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def chats_db(root: Path) -> Path:
    """The SQLite file that holds conversations."""
    return root / "chats.sqlite3"


def settings_file(root: Path) -> Path:
    """The JSON file that holds settings."""
    return root / "settings.json"


def personas_file(root: Path) -> Path:
    """The JSON file that holds the persona library."""
    return root / "personas.json"


def images_dir(root: Path) -> Path:
    """Where prepared images are stored, by content hash."""
    return root / "images"


def index_dir(root: Path) -> Path:
    """Where the document index (Chroma) lives."""
    return root / "index"


def logs_dir(root: Path) -> Path:
    """Where logs go (never with secrets or message bodies)."""
    return root / "logs"
