"""Rewrites off the GUI thread, reported back by Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agents.turns.request import Mode, TurnRequest
from agents.turns.router import Router
from agents.writing.styles import RewriteSpec
from app.services.events import EventPump


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
