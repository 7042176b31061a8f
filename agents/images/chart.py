"""Chart to table: the vision model reads a chart's numbers as validated structured output."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence

from pydantic import BaseModel, Field, field_validator, model_validator

from agents.cancel import CancelToken
from agents.images.vision import ask_structured
from agents.llm.ollama_service import OllamaService
from agents.llm.structured import DEFAULT_ATTEMPTS
from agents.wording import say

MAX_CATEGORIES = 500
MAX_SERIES = 50

CHART_PROMPT = (
    "This image is a chart. Read its data and answer with JSON following the schema:\n"
    "- title: the chart's title ('' if none); x_label and y_label: the axis titles ('' if "
    "none);\n"
    "- categories: the labels along the category axis (x axis for bar/line charts, slices "
    "for a pie), in order;\n"
    "- series: one entry per data series (one per legend item; a single series if there is "
    "no legend), each with its name and one value per category, in the same order. Use "
    "null where a value is missing.\n"
    "Read values as precisely as the axis allows. Numbers only: no units or thousands "
    "separators."
)


class ChartSeries(BaseModel):
    """One data series: a name and one value per category."""

    name: str = Field(description="the series name from the legend, or the y-axis title")
    values: list[float | None] = Field(description="one number per category, null if missing")

    @field_validator("values")
    @classmethod
    def _finite(cls, values: list[float | None]) -> list[float | None]:
        if any(v is not None and not math.isfinite(v) for v in values):
            raise ValueError("values must be finite numbers")
        return values


class ChartTable(BaseModel):
    """A chart's data as a table: categories down, one column per series."""

    title: str = Field(default="", description="the chart title, '' if none")
    x_label: str = Field(default="", description="the category axis title, '' if none")
    y_label: str = Field(default="", description="the value axis title, '' if none")
    categories: list[str] = Field(description="category labels in order")
    series: list[ChartSeries] = Field(description="data series, one per legend entry")

    @model_validator(mode="after")
    def _consistent(self) -> ChartTable:
        if not self.categories:
            raise ValueError("categories is empty: no data was read")
        if len(self.categories) > MAX_CATEGORIES:
            raise ValueError(f"more than {MAX_CATEGORIES} categories")
        if not self.series:
            raise ValueError("series is empty: no data was read")
        if len(self.series) > MAX_SERIES:
            raise ValueError(f"more than {MAX_SERIES} series")
        for index, series in enumerate(self.series):
            if len(series.values) != len(self.categories):
                name = series.name or f"series {index + 1}"
                raise ValueError(
                    f"'{name}' has {len(series.values)} values for "
                    f"{len(self.categories)} categories"
                )
        if all(v is None for s in self.series for v in s.values):
            raise ValueError("every value is null: no numbers were read")
        return self

    @property
    def header(self) -> list[str]:
        """Column titles: the category axis, then each series."""
        names = [s.name.strip() or f"Series {i + 1}" for i, s in enumerate(self.series)]
        if len(names) == 1 and not self.series[0].name.strip():
            names = [self.y_label.strip() or "Value"]
        return [self.x_label.strip() or "Category", *names]

    def rows(self) -> list[list[str]]:
        """The table body as text, one row per category."""
        return [
            [category, *(format_number(s.values[i]) for s in self.series)]
            for i, category in enumerate(self.categories)
        ]

    def to_csv(self) -> str:
        """The table as CSV (header first), ready to paste into a spreadsheet."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows(self.rows())
        return buffer.getvalue()


def format_number(value: float | None) -> str:
    """A value as a person writes it: ``12`` not ``12.0``; empty when missing."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def chart_to_table(
    service: OllamaService,
    image: bytes,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
    model: str | None = None,
    cancel: CancelToken | None = None,
    extra_images: Sequence[bytes] = (),
) -> ChartTable:
    """Reads a chart image into a table with the vision model.

    Args:
        service: The Ollama door.
        image: A prepared chart image (see ``prepare_image``).
        attempts: How many times to ask before giving up on invalid output.
        model: A preferred vision model.
        cancel: Stops the request.
        extra_images: More prepared images sent with the chart (rarely needed).

    Raises:
        LLMError: UNUSABLE when there is still no valid table after ``attempts`` tries;
            MODEL_MISSING when the vision model isn't pulled; other server failures.
        Cancelled: ``cancel`` was set.
    """
    return ask_structured(
        service,
        [image, *extra_images],
        CHART_PROMPT,
        ChartTable,
        attempts=attempts,
        model=model,
        cancel=cancel,
        what=say("table"),
    )


__all__ = ["CHART_PROMPT", "ChartSeries", "ChartTable", "chart_to_table", "format_number"]
