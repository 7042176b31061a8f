"""Helpers for writing-tool tests: read what a rewrite request framed, scripted models."""

from __future__ import annotations

import re
from typing import Any

from agents.fences import NAME
from tests.fakes import OllamaDouble, Reply

# The fence lines around the text to rewrite: <hearth-data id="…" …> … </hearth-data id="…">.
FRAMED = re.compile(rf'<{NAME} id="(\w+)"[^>\n]*>\n(.*)\n</{NAME} id="\1">\Z', re.DOTALL)


def framed_text(body: dict[str, Any]) -> str:
    """The text a rewrite request framed between its marker lines (the last user message)."""
    user = [m for m in body["messages"] if m["role"] == "user"][-1]["content"]
    found = FRAMED.search(user)
    assert found, f"the text was not framed: {user[:200]!r}"
    return found.group(2)


def echo(body: dict[str, Any]) -> Reply:
    """A model that returns the framed text unchanged."""
    return Reply(text=framed_text(body))


def upper(body: dict[str, Any]) -> Reply:
    """A model that 'rewrites' by upper-casing the framed text."""
    return Reply(text=framed_text(body).upper())


def chat_requests(double: OllamaDouble, model: str) -> list[dict[str, Any]]:
    """Bodies of the /api/chat requests that went to one model (tag ignored)."""
    family = model.split(":", maxsplit=1)[0]
    return [
        r.body
        for r in double.requests_to("/api/chat")
        if r.body and str(r.body.get("model", "")).split(":", maxsplit=1)[0] == family
    ]
