"""Rewrites and chat export/import off the GUI thread, reported back by Qt signals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from agents.chat.personas import PersonaLibrary
from agents.errors import HearthError
from agents.storage import ChatStore
from agents.storage.transfer import (
    ImageSource,
    ImportReport,
    export_json,
    export_markdown,
    import_file,
)
from agents.turns.request import Mode, TurnRequest
from agents.turns.router import Router
from agents.writing.styles import RewriteSpec
from app.services.events import EventPump
from app.services.jobs import run_call


class RewriteService(EventPump):
    """Runs one rewrite at a time through the router; starting a new one stops the old.

    Args:
        router: Builds the rewrite turn (with the safety check when it is on).
        model: The model to use (None: the configured chat model).
        flush_ms: How often streamed text is pushed to the view (repaints coalesced).

    Signals (from EventPump): started, status(str), partial(str), finished(Final),
    blocked(Blocked), stopped(str), failed(HearthError, str), busyChanged(bool).
    """

    def __init__(
        self,
        router: Router,
        model: str | None = None,
        flush_ms: int = 40,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(flush_ms, translate=router.service.error, parent=parent)
        self.router = router
        self.model = model

    def rewrite(self, text: str, spec: RewriteSpec) -> None:
        """Starts rewriting ``text`` (any running rewrite is stopped first)."""
        request = TurnRequest.ask(text, Mode.REWRITE, rewrite=spec, model=self.model)
        self.start(lambda cancel: self.router.build(request).stream(cancel))


class TransferService(QObject):
    """Exports and imports chats off the GUI thread (large exports carry images).

    Args:
        store: The chat store (safe to use from the worker thread).
        images: The image store.
        personas: The persona library.

    Signals:
        exported(int, str): how many chats were written, and where.
        imported(object): the ImportReport (added, skipped).
        failed(str): what went wrong and what to do; nothing was changed.
    """

    exported = Signal(int, str)
    imported = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        store: ChatStore,
        images: ImageSource,
        personas: PersonaLibrary | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.images = images
        self.personas = personas

    def export_to(
        self, path: Path, fmt: str = "json", conversation_ids: Sequence[str] | None = None
    ) -> None:
        """Writes an export (``json`` or ``md``); answers with ``exported`` or ``failed``."""
        write = export_json if fmt == "json" else export_markdown
        target = Path(path)

        def run() -> int:
            return write(target, self.store, self.images, self.personas, conversation_ids)

        run_call(run, lambda count: self.exported.emit(int(count), str(target)), self._fail, self)

    def import_from(self, path: Path) -> None:
        """Checks and imports an export; answers with ``imported`` or ``failed``."""
        source = Path(path)

        def run() -> ImportReport:
            return import_file(source, self.store, self.images, self.personas)

        run_call(run, self.imported.emit, self._fail, self)

    def _fail(self, error: HearthError) -> None:
        self.failed.emit(error.message)
