"""Image tasks as chat turns: find something (a box drawn on the image) or a chart's table.

The window attaches a task record to the person's message (``{"kind": "task", ...}``)
beside the image, so a Retry runs the same task; these classes have the chat agent's
shape, ``stream(history, cancel)``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Attached, Event, Final, Stats, Status
from agents.llm.messages import ChatMessage
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, run_steps

FIND = "find"
CHART = "chart"


def task_record(task: str, query: str = "") -> dict[str, Any]:
    """The attachment that asks for an image task."""
    return {"kind": "task", "task": task, "query": query}


def draw_box(image: bytes, box: Any, label: str) -> bytes:
    """The image with the found box and its label drawn on it (PNG)."""
    from PIL import Image, ImageDraw

    with Image.open(io.BytesIO(image)) as opened:
        picture = opened.convert("RGB")
    x0, y0, x1, y1 = box.to_pixels(*picture.size)
    draw = ImageDraw.Draw(picture)
    width = max(4, round(max(picture.size) / 120))  # still visible in a thumbnail
    draw.rectangle((x0, y0, x1, y1), outline=(255, 40, 40), width=width)
    if label:
        text_at = (x0 + width, max(0, y0 - 14 - width))
        left, top, right, bottom = draw.textbbox(text_at, label)
        draw.rectangle((left - 2, top - 2, right + 2, bottom + 2), fill=(255, 40, 40))
        draw.text(text_at, label, fill=(255, 255, 255))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


class ImageTask:
    """Runs one image task on the last message's first image.

    Args:
        service: The Ollama door.
        store: The ImageStore (where an annotated image is kept).
        task: ``find`` or ``chart``.
        query: What to find.
    """

    def __init__(self, service: OllamaService, store: Any, task: str, query: str = "") -> None:
        self.service = service
        self.store = store
        self.task = task
        self.query = query

    def stream(
        self, history: Sequence[ChatMessage], cancel: CancelToken | None = None
    ) -> Iterator[Event]:
        """Yields a Status while the vision model works, then the answer."""
        images = history[-1].images if history else ()
        run = Run(self.service, cancel or CancelToken(), self.service.settings.vision_model)
        return run_steps(lambda run: self._steps(images, run.cancel), run)

    def _steps(self, images: Sequence[bytes], cancel: CancelToken) -> Iterator[Event]:
        if not images:
            raise HearthError("Attach an image first, then ask again.")
        if self.task == FIND:
            yield from self._find(images[0], cancel)
        else:
            yield from self._chart(images[0], cancel)

    def _find(self, image: bytes, cancel: CancelToken) -> Iterator[Event]:
        from agents.images.grounding import find_in_image
        from agents.images.intake import image_size

        yield Status(f"Looking for {self.query}…")
        width, height = image_size(image)
        found = find_in_image(
            self.service, image, self.query, width=width, height=height, cancel=cancel
        )
        if found.found and found.box is not None:
            marked = draw_box(image, found.box, found.label or self.query)
            sha256 = self.store.put(marked)
            yield Attached([{"kind": "image", "sha256": sha256, "name": f"{self.query}.png"}])
        yield Final(found.describe(), Stats(model=self.service.settings.vision_model))

    def _chart(self, image: bytes, cancel: CancelToken) -> Iterator[Event]:
        from agents.images.chart import chart_to_table

        yield Status("Reading the chart…")
        table = chart_to_table(self.service, image, cancel=cancel)
        header, rows = table.header, table.rows()
        lines = [f"**{table.title}**", ""] if table.title else []
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        lines += ["", "```csv", table.to_csv().rstrip("\n"), "```"]
        lines.append("Check the numbers against the chart: they were read from the picture.")
        yield Final("\n".join(lines), Stats(model=self.service.settings.vision_model))
