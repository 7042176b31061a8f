"""Chart to table through the Ollama double: schema sent, image measured, retries bounded."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from PIL import Image

from agents.images import prepare_image
from agents.images.chart import ChartTable, chart_to_table, format_number
from agents.llm import ErrorKind, LLMError, OllamaService
from tests.agents.images.pictures import bar_chart, images_in, read_bar_chart
from tests.fakes import OllamaDouble, Reply

MONTHS = ["Jan", "Feb", "Mar", "Apr"]
SALES = [20.0, 65.0, 40.0, 90.0]


def measuring_vision_model(body: dict[str, Any]) -> Reply:
    """Answers like a careful vision model: measures the bars in the image it received."""
    (image,) = images_in(body)
    values = [round(v) for v in read_bar_chart(image, len(MONTHS))]
    return Reply(
        text=json.dumps(
            {
                "title": "Sales",
                "x_label": "Month",
                "y_label": "Units",
                "categories": MONTHS,
                "series": [{"name": "Sales", "values": values}],
            }
        )
    )


def test_chart_becomes_the_right_table_and_csv(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    prepared = prepare_image(bar_chart(SALES, size=(2000, 1200)), "sales.png")
    assert (prepared.width, prepared.height) == (1120, 672)
    ollama_double.script("llama3.2-vision", measuring_vision_model)

    table = chart_to_table(service, prepared.data)

    assert table.categories == MONTHS
    assert [round(v or 0) for v in table.series[0].values] == [20, 65, 40, 90]
    assert table.to_csv() == "Month,Sales\nJan,20\nFeb,65\nMar,40\nApr,90\n"

    (request,) = ollama_double.requests_to("/api/chat")
    body = request.body
    assert request.model == "llama3.2-vision:latest"
    assert "tools" not in body or not body["tools"]
    schema = body["format"]
    assert isinstance(schema, dict)
    assert {"categories", "series"} <= set(schema["properties"])
    assert body["options"]["temperature"] == 0
    (sent,) = images_in(body)
    assert sent == prepared.data
    assert Image.open(io.BytesIO(sent)).size == (1120, 672)


def test_invalid_output_is_retried_with_the_problem_then_accepted(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    prepared = prepare_image(bar_chart(SALES), "sales.png")
    ollama_double.script(
        "llama3.2-vision",
        Reply(text="Sure! The chart shows sales by month."),
        Reply(text=json.dumps({"categories": MONTHS, "series": [{"name": "S", "values": [1]}]})),
        measuring_vision_model,
    )

    table = chart_to_table(service, prepared.data)

    assert table.header == ["Month", "Sales"]
    bodies = [r.body for r in ollama_double.requests_to("/api/chat")]
    assert len(bodies) == 3
    second, third = bodies[1]["messages"], bodies[2]["messages"]
    assert "not valid JSON" in second[-1]["content"]
    assert second[-2] == {"role": "assistant", "content": "Sure! The chart shows sales by month."}
    assert "'S' has 1 values for 4 categories" in third[-1]["content"]
    assert all(len(images_in(b)) == 1 for b in bodies)


def test_invalid_output_every_time_is_reported_after_three_tries(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    prepared = prepare_image(bar_chart(SALES), "sales.png")
    ollama_double.set_responder(
        "llama3.2-vision", lambda body: Reply(text='{"categories": [], "series": []}')
    )

    with pytest.raises(LLMError) as caught:
        chart_to_table(service, prepared.data)

    message = str(caught.value)
    assert "after 3 tries" in message and "no data was read" in message
    assert len(ollama_double.requests_to("/api/chat")) == 3


def test_answer_cut_at_the_length_limit_counts_as_invalid(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    prepared = prepare_image(bar_chart(SALES), "sales.png")
    ollama_double.set_responder(
        "llama3.2-vision", lambda body: Reply(text='{"categories": ["a"', done_reason="length")
    )
    with pytest.raises(LLMError, match="cut off"):
        chart_to_table(service, prepared.data, attempts=2)
    assert len(ollama_double.requests_to("/api/chat")) == 2


def test_missing_vision_model_says_how_to_pull_it(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    ollama_double.remove_model("llama3.2-vision")
    prepared = prepare_image(bar_chart(SALES), "sales.png")

    with pytest.raises(LLMError) as caught:
        chart_to_table(service, prepared.data)

    assert caught.value.kind is ErrorKind.MODEL_MISSING
    assert "ollama pull llama3.2-vision" in str(caught.value)
    assert ollama_double.requests_to("/api/chat") == []


def test_table_validation_and_formatting() -> None:
    table = ChartTable.model_validate(
        {
            "categories": ["Q1", "Q2"],
            "series": [{"name": "", "values": [1.5, None]}],
            "y_label": "Revenue, €",
        }
    )
    assert table.header == ["Category", "Revenue, €"]
    assert table.to_csv() == 'Category,"Revenue, €"\nQ1,1.5\nQ2,\n'
    assert format_number(1234567.0) == "1234567"
    assert format_number(0.125) == "0.125"
    with pytest.raises(ValueError, match="finite"):
        ChartTable.model_validate(
            {"categories": ["a"], "series": [{"name": "x", "values": [float("inf")]}]}
        )
    with pytest.raises(ValueError, match="every value is null"):
        ChartTable.model_validate(
            {"categories": ["a"], "series": [{"name": "x", "values": [None]}]}
        )
