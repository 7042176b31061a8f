"""Intent from plain words: does the text model route a message with an image right?

Run: ``python -m bench.function_calling --model llama3.2:3b --intent [--out intent.json]``.

Each labelled phrase (English and Chinese) goes to the model with the three intent tools
(see ``agents/images/intent.py``), raw (the tools bound, one call, native calls only) and
through Hearth's path (:func:`agents.images.intent.choose_image_task`); the tool chosen
gives the route: ``find`` (grounding), ``chart`` (chart to table) or ``ask`` (a plain
question). Figures: accuracy per path, overall, per language and per route.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from agents.images.intent import (
    INTENT_OPTIONS,
    INTENT_PROMPT,
    Route,
    choose_image_task,
    intent_tools,
    route_of,
    task_for,
)
from agents.llm.ollama_service import OllamaService
from bench.function_calling import PATHS, progress_bar


@dataclass(frozen=True)
class Labelled:
    """A message written with an image, and where it should go.

    Attributes:
        text: What the person wrote.
        lang: Its language (``en``, ``zh``).
        route: ``find``, ``chart`` or ``ask``.
        query: For ``find``: what is to be found.
    """

    text: str
    lang: str
    route: Route
    query: str = ""


PHRASES: tuple[Labelled, ...] = (
    Labelled("Find the cat", "en", "find", "the cat"),
    Labelled("Where is the red car?", "en", "find", "the red car"),
    Labelled("Circle the dog", "en", "find", "the dog"),
    Labelled("Can you point out the exit sign?", "en", "find", "the exit sign"),
    Labelled("Show me where my keys are in this photo", "en", "find", "my keys"),
    Labelled("找到猫", "zh", "find", "猫"),
    Labelled("红色的车在哪里？", "zh", "find", "红色的车"),
    Labelled("把狗圈出来", "zh", "find", "狗"),
    Labelled("帮我找一下出口标志", "zh", "find", "出口标志"),
    Labelled("Turn this chart into a table", "en", "chart"),
    Labelled("Extract the data", "en", "chart"),
    Labelled("Give me the numbers from this graph as a table", "en", "chart"),
    Labelled("Put the values in this chart into CSV", "en", "chart"),
    Labelled("把这个图表转成表格", "zh", "chart"),
    Labelled("提取数据", "zh", "chart"),
    Labelled("把图里的数字整理成表格", "zh", "chart"),
    Labelled("What is in this photo?", "en", "ask"),
    Labelled("Describe this picture", "en", "ask"),
    Labelled("Is this cat happy?", "en", "ask"),
    Labelled("What colour is the car?", "en", "ask"),
    Labelled("Write a caption for this", "en", "ask"),
    Labelled("这张照片里有什么？", "zh", "ask"),
    Labelled("描述一下这张图片", "zh", "ask"),
    Labelled("这只猫开心吗？", "zh", "ask"),
    Labelled("车是什么颜色的？", "zh", "ask"),
)
"""The labelled set: find, chart and plain questions, in English and Chinese."""


def raw_route(service: OllamaService, model: str, text: str) -> Route:
    """The model alone: the intent tools bound, one call, its native choice."""
    chat = service.chat_model(model, **INTENT_OPTIONS).bind_tools(intent_tools())
    reply = chat.invoke([SystemMessage(content=INTENT_PROMPT), HumanMessage(content=text)])
    return route_of(task_for([{"name": c["name"], "args": c["args"]} for c in reply.tool_calls]))


def hearth_route(service: OllamaService, model: str, text: str) -> Route:
    """Hearth's choice, as the window makes it."""
    return route_of(choose_image_task(service, text, model=model))


def run_intent(
    service: OllamaService, model: str, phrases: Sequence[Labelled] = PHRASES
) -> dict[str, Any]:
    """Routes every phrase both ways; returns the results, with ``table`` to print."""
    started = time.perf_counter()
    cases = []
    with progress_bar(len(phrases), "intent") as bar:
        for phrase in phrases:
            row: dict[str, Any] = {"text": phrase.text, "lang": phrase.lang, "want": phrase.route}
            for path, choose in (("raw", raw_route), ("hearth", hearth_route)):
                try:
                    row[path] = choose(service, model, phrase.text)
                except Exception as exc:  # a failed request routes nowhere
                    row[path] = f"error: {exc}"
            cases.append(row)
            bar.update(1)
    groups = {
        "all": cases,
        **{f"lang {lang}": [c for c in cases if c["lang"] == lang] for lang in ("en", "zh")},
        **{f"route {r}": [c for c in cases if c["want"] == r] for r in ("find", "chart", "ask")},
    }
    scores = {
        name: {p: sum(c[p] == c["want"] for c in rows) / len(rows) if rows else 0.0 for p in PATHS}
        | {"cases": len(rows)}
        for name, rows in groups.items()
    }
    lines = [f"{model}: image intent", f"{'group':<12} {'cases':>5} {'raw':>7} {'hearth':>7}"]
    lines += [
        f"{name:<12} {s['cases']:>5} {s['raw']:>7.1%} {s['hearth']:>7.1%}"
        for name, s in scores.items()
    ]
    return {
        "benchmark": "image_intent",
        "model": model,
        "host": service.host,
        "seconds": round(time.perf_counter() - started, 3),
        "scores": scores,
        "cases": cases,
        "table": "\n".join(lines),
    }
