"""Which action items the user ticked off, kept in the data folder across restarts."""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from agents import paths
from agents.storage.atomic import keep_aside, write_atomic

if TYPE_CHECKING:
    from agents.mail.digest import ActionItem

log = logging.getLogger(__name__)

MAX_ENTRIES = 5_000  # the oldest ticks are forgotten beyond this


class ActionChecklist:
    """Ticks on action items, by the item's stable key.

    Args:
        data_dir: Hearth's data folder.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = paths.checklist_file(Path(data_dir))
        self._lock = threading.Lock()

    def done_keys(self) -> set[str]:
        """Keys of the items ticked off."""
        return {k for k, v in self._load().items() if v.get("done")}

    def is_done(self, item: ActionItem) -> bool:
        """Whether the item was ticked off."""
        return item.key in self.done_keys()

    def set_done(self, item: ActionItem, done: bool) -> None:
        """Ticks an item off (or on again), written to disk at once."""
        with self._lock:
            entries = self._load()
            if done:
                entries[item.key] = {
                    "done": True,
                    "what": item.what[:200],
                    "at": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            else:
                entries.pop(item.key, None)
            if len(entries) > MAX_ENTRIES:
                oldest = sorted(entries, key=lambda k: str(entries[k].get("at", "")))
                for key in oldest[: len(entries) - MAX_ENTRIES]:
                    del entries[key]
            self._write(entries)

    def _load(self) -> dict[str, dict[str, object]]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            kept = keep_aside(self.path)
            log.warning("checklist file %s is damaged (%s); kept as %s", self.path, exc, kept)
            return {}
        items = data.get("items", {}) if isinstance(data, dict) else {}
        return {str(k): v for k, v in items.items() if isinstance(v, dict)}

    def _write(self, entries: dict[str, dict[str, object]]) -> None:
        write_atomic(self.path, json.dumps({"version": 1, "items": entries}, indent=1))
