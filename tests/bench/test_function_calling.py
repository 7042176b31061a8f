"""The function-calling benchmark against the Ollama double: BFCL's own cases and checker,
with scripted answers whose right scores are known, for the raw model and for Hearth's path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("bfcl_eval", reason="make bench-deps installs BFCL's data and checker")

from bench.function_calling import (
    Case,
    as_result,
    bfcl,
    decode,
    function_tools,
    kind_of,
    main,
    schema_model,
)
from tests.fakes import OllamaDouble, Reply

REPAIR = "That reply can't be used"


def call(name: str, **arguments: Any) -> dict[str, Any]:
    return {"name": name, "arguments": arguments}


def as_text(name: str, **arguments: Any) -> Reply:
    """A call written as JSON text, the way Llama 3.2 often writes it."""
    return Reply(text="```json\n" + json.dumps({"name": name, "parameters": arguments}) + "\n```")


# What the scripted model answers to each BFCL case, by a phrase of its question; a reply
# is (first answer, answer after Hearth asked again). Unscripted cases get the double's
# default text answer ("You said: ..."): no call.
SCRIPT: dict[str, tuple[Reply, Reply]] = {}


def script(phrase: str, first: Reply, repaired: Reply | None = None) -> None:
    SCRIPT[phrase] = (first, repaired or first)


# simple: correct / JSON as text / wrong types (that validation coerces)
script(
    "triangle with a base of 10",
    Reply(tool_calls=[call("calculate_triangle_area", base=10, height=5)]),
)
script("factorial of 5", as_text("math_factorial", number=5))
script("hypotenuse of a right triangle", Reply(tool_calls=[call("math_hypot", x="4", y="5")]))
# parallel: correct two calls / malformed (a required argument missing), right when asked again
script(
    "Taylor Swift and Maroon 5",
    Reply(tool_calls=[call("spotify_play", artist="Taylor Swift", duration=20),
                      call("spotify_play", artist="Maroon 5", duration=15)]),
)  # fmt: skip
script(
    "induced electromagnetic force",
    Reply(tool_calls=[call("calculate_em_force", b_field=5, area=2),
                      call("calculate_em_force", b_field=5, area=2, d_time=10)]),
    Reply(tool_calls=[call("calculate_em_force", b_field=5, area=2, d_time=4),
                      call("calculate_em_force", b_field=5, area=2, d_time=10)]),
)  # fmt: skip
# multiple: a wrong value / a wrong type that stays wrong / correct
script(
    "three sides are 5 units",
    Reply(tool_calls=[call("triangle_properties_get", side1=6, side2=4, side3=3)]),
)
script(
    "lengths of its three sides: 3, 4, and 5",
    Reply(tool_calls=[call("math_triangle_area_heron", side1="three", side2=4, side3=5)]),
)
script("capital of Brazil", Reply(tool_calls=[call("country_info_capital", country="Brazil")]))
# irrelevance: a call where none is wanted / a text answer / a call written as text
script(
    "area of a triangle given the base is 10 meters",
    Reply(tool_calls=[call("determine_body_mass_index", weight=10, height=5)]),
)
script("a = 1, b = 2, and c = 3", Reply(text="None of the tools solves quadratic equations."))
script(
    "3x^2 - 2x - 5",
    as_text("distance_calculator_calculate", coordinate_1=[3, 2], coordinate_2=[5, 0]),
)
# live_irrelevance: a malformed call where none is wanted, never fixed
script("latitude 37.4224764", Reply(tool_calls=[call("requests_get", timeout=5)]))

CATEGORIES = "simple,parallel,multiple,irrelevance,live_irrelevance"

# (raw right, Hearth right) per case, and each category's figures.
EXPECTED_CASES = {
    "simple_python_0": (True, True),
    "simple_python_1": (False, True),
    "simple_python_2": (False, True),
    "parallel_0": (True, True),
    "parallel_1": (False, True),
    "parallel_2": (False, False),
    "multiple_0": (False, False),
    "multiple_1": (False, False),
    "multiple_2": (True, True),
    "irrelevance_0": (False, False),
    "irrelevance_1": (True, True),
    "irrelevance_2": (True, False),
    "live_irrelevance_0-0-0": (False, True),
    "live_irrelevance_1-0-1": (True, True),
    "live_irrelevance_2-0-2": (True, True),
}
EXPECTED = {  # category: raw, hearth, fixed, broken, retries, from text, gave up
    "simple": (1, 3, 2, 0, 0, 1, 0),
    "parallel": (1, 2, 1, 0, 1, 0, 0),
    "multiple": (1, 1, 0, 0, 2, 0, 1),
    "irrelevance": (2, 1, 0, 1, 0, 1, 0),
    "live_irrelevance": (2, 3, 1, 0, 2, 0, 1),
}


@pytest.fixture
def scripted(ollama_double: OllamaDouble) -> OllamaDouble:
    def respond(body: dict[str, Any]) -> Reply:
        question = next(m["content"] for m in body["messages"] if m["role"] == "user")
        asked_again = any(str(m.get("content", "")).startswith(REPAIR) for m in body["messages"])
        for phrase, (first, repaired) in SCRIPT.items():
            if phrase in question:
                return repaired if asked_again else first
        return Reply(text="You said: " + question)

    ollama_double.set_responder("llama3.2", respond)
    return ollama_double


def test_scores_for_scripted_answers_are_the_expected_ones_raw_and_repaired(
    scripted: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.json"
    args = ["--host", scripted.url, "--model", "llama3.2", "--categories", CATEGORIES]
    assert main([*args, "--limit", "3", "--out", str(out)]) == 0

    results = json.loads(out.read_text("utf-8"))
    verdicts = {c["id"]: (c["raw"]["valid"], c["hearth"]["valid"]) for c in results["cases"]}
    assert verdicts == EXPECTED_CASES
    figures = {
        name: (
            row["correct"]["raw"], row["correct"]["hearth"], row["fixed"], row["broken"],
            row["retries"], row["recovered"], row["gave_up"],
        )
        for name, row in results["categories"].items()
    }  # fmt: skip
    assert figures == EXPECTED
    assert results["categories"]["simple"]["accuracy"] == {"raw": 0.3333, "hearth": 1.0}
    assert results["bfcl_eval"] and results["model"] == "llama3.2"

    shown, progress = capsys.readouterr()
    assert "simple                     3   33.3%  100.0%      2      0" in shown
    assert "irrelevance                3   66.7%   33.3%      0      1" in shown
    assert "15/15" in progress and "100%" in progress  # the bar is on stderr, not stdout
    assert "15/15" not in shown


def test_errors_are_bfcls_own(scripted: OllamaDouble, tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    main(["--host", scripted.url, "--categories", CATEGORIES, "--limit", "3", "--out", str(out)])
    cases = {c["id"]: c for c in json.loads(out.read_text("utf-8"))["cases"]}
    assert cases["simple_python_1"]["raw"]["error"] == "ast_decoder:decoder_failed"
    assert cases["simple_python_2"]["raw"]["error"] == "type_error:simple"
    assert cases["multiple_0"]["hearth"]["error"] == "value_error:others"
    assert cases["irrelevance_0"]["hearth"]["error"] == "irrelevance_error:decoder_success"
    # What Hearth's path proposed, as the tools would receive it.
    assert cases["simple_python_2"]["hearth"]["result"] == [{"math_hypot": '{"x": 4, "y": 5}'}]
    assert cases["simple_python_1"]["hearth"]["recovered"] is True
    assert cases["parallel_1"]["hearth"]["retries"] == 1
    assert cases["multiple_1"]["hearth"]["failure"]
    assert cases["live_irrelevance_0-0-0"]["hearth"]["result"] == ""


def test_the_model_sees_bfcls_functions_and_the_question(scripted: OllamaDouble) -> None:
    main(["--host", scripted.url, "--categories", "simple", "--limit", "1"])
    raw, hearth = scripted.requests_to("/api/chat")
    for request in (raw, hearth):
        (tool,) = request.body["tools"]
        assert tool["function"]["name"] == "calculate_triangle_area"
        assert tool["function"]["parameters"]["required"] == ["base", "height"]
        assert request.body["messages"][-1]["content"].startswith("Find the area of a triangle")
        assert request.body["options"]["temperature"] == 0
    assert [m["role"] for m in hearth.body["messages"]] == ["user"]  # no Hearth system prompt


def test_a_run_can_be_compared_with_an_earlier_one(
    scripted: OllamaDouble, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tmp_path / "earlier.json"
    simple = ["--host", scripted.url, "--categories", "simple"]
    main([*simple, "--limit", "3", "--out", str(earlier)])
    capsys.readouterr()
    main([*simple, "--limit", "1", "--compare", str(earlier)])
    shown = capsys.readouterr().out
    assert "was raw" in shown and "33.3%" in shown.splitlines()[2]


def test_a_model_that_cannot_use_tools_is_refused(
    ollama_double: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--host", ollama_double.url, "--model", "llama3.2-vision"]) == 2
    assert "llama3.2-vision" in capsys.readouterr().err


def test_irrelevance_is_scored_by_whether_a_function_was_called() -> None:
    checker = bfcl()
    (case,) = checker.cases("irrelevance", 1)
    assert checker.check(case, "I can't do that with these tools.") == (True, "")
    assert checker.check(case, []) == (True, "")
    called = as_result([("determine_body_mass_index", {"weight": 1, "height": 2})], "")
    assert checker.check(case, called) == (False, "irrelevance_error:decoder_success")


def test_bfcls_checker_decides_simple_cases() -> None:
    checker = bfcl()
    (case,) = checker.cases("simple", 1)
    right = as_result([("calculate_triangle_area", {"base": 10, "height": 5})], "")
    wrong = as_result([("calculate_triangle_area", {"base": 10, "height": 6})], "")
    assert checker.check(case, right) == (True, "")
    assert checker.check(case, wrong)[0] is False
    assert checker.check(case, "The area is 25.") == (False, "ast_decoder:decoder_failed")


def test_answers_are_in_bfcls_function_calling_form() -> None:
    result = as_result([("f", {"a": 1}), ("g", {})], "ignored")
    assert result == [{"f": '{"a": 1}'}, {"g": "{}"}]
    assert decode(result) == [{"f": {"a": 1}}, {"g": {}}]
    assert as_result([], "text") == "text"
    with pytest.raises(ValueError):
        decode("text")
    assert kind_of("live_irrelevance") == "irrelevance"
    assert kind_of("live_relevance") == "relevance"
    assert kind_of("simple_python") == "ast"


def test_schemas_become_validating_models() -> None:
    schema = {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "unit": {"type": "string", "enum": ["m", "km"]},
            "Content-Type": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "where": {"type": "object", "properties": {"lat": {"type": "number"}},
                      "required": ["lat"]},
        },
        "required": ["count"],
    }  # fmt: skip
    model = schema_model("geo.lookup", schema)
    seen = model.model_validate({"count": "3", "Content-Type": "x", "where": {"lat": 1}})
    assert seen.model_dump(by_alias=True, exclude_unset=True) == {
        "count": 3, "Content-Type": "x", "where": {"lat": 1.0},
    }  # fmt: skip
    for bad in ({}, {"count": "three"}, {"count": 1, "unit": "mi"}, {"count": 1, "where": {}}):
        with pytest.raises(ValueError):
            model.model_validate(bad)
    (tool,) = function_tools([{"name": "geo_lookup", "description": "d", "parameters": schema}])
    assert tool.tool_call_schema == schema  # shown as BFCL converted it
    assert tool.received({"count": "3", "extra": 1}) == {"count": 3}


def test_cases_come_from_the_installed_package() -> None:
    (case,) = bfcl().cases("live_simple", 1)
    assert isinstance(case, Case) and case.id == "live_simple_0-0-0"
    assert case.functions[0]["parameters"]["type"] == "object"
    assert case.answer == [{"get_user_info": {"user_id": [7890], "special": ["black"]}}]
    assert len(bfcl().cases("irrelevance")) == 240
