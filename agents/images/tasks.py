"""Image tasks as turns: find something (a box drawn on the image) or a chart's table.

The person's message carries an :class:`~agents.attachments.ImageTaskRequest` beside the
image, so a Retry runs the same task. The answer is text for the chat (and the image
with the box drawn); the structured result (the ChartTable, the Grounding) comes with it
as a ``Result`` event for views that show it themselves.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from agents.attachments import FIND, ImageRef, ImageTaskRequest
from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Attached, Event, Final, Result, Stats, Status
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, run_steps
from agents.llm.structured import DEFAULT_ATTEMPTS
from agents.wording import say

if TYPE_CHECKING:
    from agents.images.store import ImageStore


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
    """Runs one image task on an image.

    Args:
        service: The Ollama door.
        request: Which task, and what to find.
        store: Where the image with the box drawn is kept (None: not kept).
        model: A preferred model; the vision model sees the image if this one can't.
    """

    def __init__(
        self,
        service: OllamaService,
        request: ImageTaskRequest,
        store: ImageStore | None = None,
        model: str | None = None,
    ) -> None:
        self.service = service
        self.request = request
        self.store = store
        self.model = model

    @property
    def query(self) -> str:
        """What to find."""
        return self.request.query

    def stream(self, images: Sequence[bytes], cancel: CancelToken | None = None) -> Iterator[Event]:
        """Yields a Status while the vision model works, then the answer (on the first image)."""
        run = Run(self.service, cancel or CancelToken(), self.service.settings.vision_model)
        return run_steps(lambda run: self._steps(images, run.cancel), run)

    def _steps(self, images: Sequence[bytes], cancel: CancelToken) -> Iterator[Event]:
        if not images:
            raise HearthError(say("Attach an image first, then ask again."))
        if self.request.task == FIND:
            yield from self._find(images[0], cancel)
        else:
            yield from self._chart(images[0], cancel)

    def _find(self, image: bytes, cancel: CancelToken) -> Iterator[Event]:
        from agents.images.grounding import find_in_image
        from agents.images.intake import image_size

        yield Status(say("Looking for {query}…", query=self.query))
        width, height = image_size(image)
        found = find_in_image(
            self.service,
            image,
            self.query,
            width=width,
            height=height,
            attempts=self.request.attempts or DEFAULT_ATTEMPTS,
            model=self.model,
            cancel=cancel,
        )
        yield Result(found)
        if found.found and found.box is not None and self.store is not None:
            marked = draw_box(image, found.box, found.label or self.query)
            sha256 = self.store.put(marked)
            yield Attached((ImageRef(sha256, f"{self.query}.png"),))
        yield Final.said(found.words(), Stats(model=self.service.settings.vision_model))

    def _chart(self, image: bytes, cancel: CancelToken) -> Iterator[Event]:
        from agents.images.chart import chart_to_table

        yield Status(say("Reading the chart…"))
        table = chart_to_table(
            self.service,
            image,
            attempts=self.request.attempts or DEFAULT_ATTEMPTS,
            model=self.model,
            cancel=cancel,
        )
        yield Result(table)
        header, rows = table.header, table.rows()
        lines = [f"**{table.title}**", ""] if table.title else []
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        lines += ["", "```csv", table.to_csv().rstrip("\n"), "```"]
        answer = say(
            "{table}\nCheck the numbers against the chart: they were read from the picture.",
            table="\n".join(lines),
        )
        yield Final.said(answer, Stats(model=self.service.settings.vision_model))
