"""Grounding: "find X" in an image, answered as a bounding box in normalized coordinates."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field

from agents.cancel import CancelToken
from agents.images.vision import ask_structured
from agents.llm.ollama_service import OllamaService
from agents.llm.structured import DEFAULT_ATTEMPTS
from agents.wording import Words, say

GROUNDING_PROMPT = (
    "Find this in the image: {query}\n\n"
    "Answer with JSON following the schema. If it is visible, set found to true, label to a "
    "short name for what you found, and box to [x0, y0, x1, y1]: its left, top, right and "
    "bottom edges as fractions of the image's width and height (0 is the left or top edge, "
    "1 the right or bottom edge). If it is not in the image, set found to false and box to "
    "null. Don't guess."
)

MIN_EXTENT = 0.002
"""A box thinner than this (a fraction of the image) is not a box."""


class GroundingReply(BaseModel):
    """The model's raw answer."""

    found: bool = Field(description="whether the thing is visible in the image")
    label: str = Field(default="", description="a short name for what was found")
    box: list[float] | None = Field(
        default=None, description="[x0, y0, x1, y1] as fractions 0..1 of width and height"
    )


@dataclass(frozen=True)
class Box:
    """A box in normalized coordinates: 0..1 of width and height, x0 < x1, y0 < y1."""

    x0: float
    y0: float
    x1: float
    y1: float

    def to_pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        """The box in pixels of an image of this size."""
        return (
            round(self.x0 * width),
            round(self.y0 * height),
            round(self.x1 * width),
            round(self.y1 * height),
        )


@dataclass(frozen=True)
class Grounding:
    """The answer to "find X": a label and a box, or not found."""

    query: str
    found: bool
    label: str = ""
    box: Box | None = None

    def describe(self) -> str:
        """One line for a person (in English; see :meth:`words`)."""
        return str(self.words())

    def words(self) -> Words:
        """One line for a person."""
        if not self.found or self.box is None:
            return say("Couldn't find {query} in the image.", query=self.query)
        b = self.box
        return say(
            "Found {what} at x {x0:.0%}–{x1:.0%}, y {y0:.0%}–{y1:.0%} of the image.",
            what=self.label or self.query,
            x0=b.x0,
            x1=b.x1,
            y0=b.y0,
            y1=b.y1,
        )


def normalize_box(values: list[float], width: int | None = None, height: int | None = None) -> Box:
    """Turns a model's box into a clean normalized Box.

    Corners may come in any order. Models sometimes answer in pixels or on a 0..1000
    scale instead of fractions: values above 2 are read as pixels of an image of
    ``width`` x ``height`` when they fit, else as thousandths. The result is clamped.

    Raises:
        ValueError: Not four numbers, or no area left inside the image.
    """
    if len(values) != 4:
        raise ValueError(f"box must have 4 numbers [x0, y0, x1, y1], not {len(values)}")
    x0, y0, x1, y1 = (float(v) for v in values)
    if max(x0, y0, x1, y1) > 2.0:  # a little over 1 is an overshoot, clamped below
        fits_pixels = (
            width is not None
            and height is not None
            and max(x0, x1) <= width
            and max(y0, y1) <= height
        )
        if fits_pixels:
            assert width is not None and height is not None
            x0, x1, y0, y1 = x0 / width, x1 / width, y0 / height, y1 / height
        elif max(x0, y0, x1, y1) <= 1000:
            x0, y0, x1, y1 = x0 / 1000, y0 / 1000, x1 / 1000, y1 / 1000
        else:
            raise ValueError("box values must be fractions between 0 and 1")
    x0, x1 = sorted((_clamp(x0), _clamp(x1)))
    y0, y1 = sorted((_clamp(y0), _clamp(y1)))
    if x1 - x0 < MIN_EXTENT or y1 - y0 < MIN_EXTENT:
        raise ValueError("box has no area inside the image")
    return Box(x0, y0, x1, y1)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def find_in_image(
    service: OllamaService,
    image: bytes,
    query: str,
    *,
    width: int | None = None,
    height: int | None = None,
    attempts: int = DEFAULT_ATTEMPTS,
    model: str | None = None,
    cancel: CancelToken | None = None,
) -> Grounding:
    """Asks the vision model where ``query`` is in the image.

    Args:
        service: The Ollama door.
        image: A prepared image.
        query: What to find, e.g. ``the cat``.
        width: The prepared image's width (helps read answers given in pixels).
        height: The prepared image's height.
        attempts: How many times to ask before giving up on invalid output.
        model: A preferred vision model.
        cancel: Stops the request.

    Returns:
        A Grounding; ``found`` is False when the thing isn't there (a valid answer).

    Raises:
        LLMError: UNUSABLE when there is still no valid answer after ``attempts``
            tries; other kinds when the server or model failed.
        Cancelled: ``cancel`` was set.
    """
    query = " ".join(query.split())
    if not query:
        raise ValueError("nothing to find: say what to look for")
    result: dict[str, Grounding] = {}

    def check(reply: GroundingReply) -> GroundingReply:
        if not reply.found:
            result["value"] = Grounding(query, False)
            return reply
        if reply.box is None:
            raise ValueError("found is true but box is missing")
        box = normalize_box(reply.box, width, height)
        result["value"] = Grounding(query, True, reply.label.strip() or query, box)
        return reply

    ask_structured(
        service,
        [image],
        GROUNDING_PROMPT.format(query=query),
        GroundingReply,
        check=check,
        attempts=attempts,
        model=model,
        cancel=cancel,
        what=say("position in the image"),
    )
    return result["value"]


__all__ = ["Box", "Grounding", "GroundingReply", "find_in_image", "normalize_box"]
