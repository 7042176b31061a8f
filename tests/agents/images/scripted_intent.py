"""A scripted model for intent tests: the text model chooses each labelled phrase's tool, the
vision model answers whichever task it gets."""

from __future__ import annotations

import json
from typing import Any

from agents.images.intent import ASK_TOOL, CHART_TOOL, FIND_TOOL
from bench.image_intent import PHRASES, Labelled
from tests.fakes import OllamaDouble, Reply

PLAIN_ANSWER = "A plain answer about the picture."
CHART = {
    "title": "Sales",
    "x_label": "Month",
    "y_label": "Units",
    "categories": ["Jan", "Feb", "Mar"],
    "series": [{"name": "Units", "values": [40, 90, 25]}],
}
BOX = [0.25, 0.25, 0.5, 0.5]

_BY_TEXT = {p.text: p for p in PHRASES}


def choice_for(phrase: Labelled) -> dict[str, Any]:
    """The tool call that routes a phrase where its label says."""
    if phrase.route == "find":
        return {"name": FIND_TOOL, "arguments": {"query": phrase.query}}
    return {"name": CHART_TOOL if phrase.route == "chart" else ASK_TOOL, "arguments": {}}


def last_user_text(body: dict[str, Any]) -> str:
    """What the person wrote last."""
    return next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")


def choose(body: dict[str, Any]) -> Reply:
    """The text model: the labelled choice, as a native tool call."""
    return Reply(tool_calls=[choice_for(_BY_TEXT[last_user_text(body)])])


def see(body: dict[str, Any]) -> Reply:
    """The vision model: a box, a chart's data or a plain answer, by what it is asked for."""
    wanted = (body.get("format") or {}).get("properties", {}) if body.get("format") else {}
    if "box" in wanted:
        return Reply(text=json.dumps({"found": True, "label": "it", "box": BOX}))
    if "series" in wanted:
        return Reply(text=json.dumps(CHART))
    return Reply(text=PLAIN_ANSWER)


def script_intent(double: OllamaDouble) -> None:
    """Scripts both models for every labelled phrase."""
    double.set_responder("llama3.2", choose)
    double.set_responder("llama3.2-vision", see)
