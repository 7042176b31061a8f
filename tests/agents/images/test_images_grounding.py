"""Find X: a validated, normalized bounding box; "not found" is a valid answer."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.images import prepare_image
from agents.images.grounding import Box, find_in_image, normalize_box
from agents.llm import LLMError, OllamaService
from tests.agents.images.pictures import find_colour, images_in, square_scene
from tests.fakes import OllamaDouble, Reply

ORANGE = (250, 140, 0)


def looking_model(body: dict[str, Any]) -> Reply:
    """Finds the orange thing in the image it was sent, like a grounding model would."""
    (image,) = images_in(body)
    box = find_colour(image, ORANGE)
    if box is None:
        return Reply(text=json.dumps({"found": False, "label": "", "box": None}))
    return Reply(text=json.dumps({"found": True, "label": "orange cat", "box": list(box)}))


def test_found_box_matches_where_the_thing_is(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    # 2400x1600 scene, cat at x 600..1199, y 800..1199 (pixels).
    scene = square_scene((2400, 1600), (600, 800, 1199, 1199), ORANGE)
    prepared = prepare_image(scene, "garden.png")
    ollama_double.script("llama3.2-vision", looking_model)

    result = find_in_image(service, prepared.data, "the cat")

    assert result.found and result.label == "orange cat"
    assert result.box is not None
    assert result.box.x0 == pytest.approx(0.25, abs=0.01)
    assert result.box.y0 == pytest.approx(0.5, abs=0.01)
    assert result.box.x1 == pytest.approx(0.5, abs=0.01)
    assert result.box.y1 == pytest.approx(0.75, abs=0.01)
    assert result.box.to_pixels(2400, 1600) == pytest.approx((600, 800, 1200, 1200), abs=20)
    (request,) = ollama_double.requests_to("/api/chat")
    assert request.model == "llama3.2-vision:latest"
    assert "the cat" in request.body["messages"][0]["content"]
    assert set(request.body["format"]["properties"]) == {"found", "label", "box"}


def test_not_found_is_a_valid_answer(ollama_double: OllamaDouble, service: OllamaService) -> None:
    prepared = prepare_image(square_scene((400, 300), (10, 10, 50, 50), (0, 0, 255)))
    ollama_double.script("llama3.2-vision", looking_model)

    result = find_in_image(service, prepared.data, "the cat")

    assert not result.found and result.box is None
    assert result.describe() == "Couldn't find the cat in the image."
    assert len(ollama_double.requests_to("/api/chat")) == 1


def test_found_without_a_box_is_retried(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    prepared = prepare_image(square_scene((400, 300), (100, 100, 199, 199), ORANGE))
    ollama_double.script(
        "llama3.2-vision",
        Reply(text='{"found": true, "label": "cat", "box": null}'),
        Reply(text='{"found": true, "label": "cat", "box": [0.9, 0.9, 0.9, 0.9]}'),
        looking_model,
    )

    result = find_in_image(service, prepared.data, "cat")

    assert result.found and result.box is not None
    bodies = [r.body for r in ollama_double.requests_to("/api/chat")]
    assert "box is missing" in bodies[1]["messages"][-1]["content"]
    assert "no area" in bodies[2]["messages"][-1]["content"]


def test_never_a_usable_answer_is_reported(
    ollama_double: OllamaDouble, service: OllamaService
) -> None:
    prepared = prepare_image(square_scene((100, 100), (1, 1, 5, 5), ORANGE))
    ollama_double.set_responder("llama3.2-vision", lambda body: Reply(text="[1, 2"))
    with pytest.raises(LLMError, match="usable position in the image after 3 tries"):
        find_in_image(service, prepared.data, "cat")


def test_box_normalization() -> None:
    assert normalize_box([0.5, 0.6, 0.1, 0.2]) == Box(0.1, 0.2, 0.5, 0.6)
    assert normalize_box([-0.2, 0.1, 1.4, 0.5]) == Box(0.0, 0.1, 1.0, 0.5)
    # Pixels of the image it was sent, or thousandths, are understood too.
    assert normalize_box([280, 0, 560, 420], 1120, 840) == Box(0.25, 0.0, 0.5, 0.5)
    assert normalize_box([250, 0, 500, 1000], 100, 100) == Box(0.25, 0.0, 0.5, 1.0)
    with pytest.raises(ValueError, match="4 numbers"):
        normalize_box([0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="no area"):
        normalize_box([-0.5, 0.1, -0.2, 0.4])
    with pytest.raises(ValueError, match="fractions"):
        normalize_box([0, 0, 5000, 5000], 100, 100)
