"""Function calling, measured with the Berkeley Function Calling Leaderboard's own data and checker.

Run: ``python -m bench.function_calling --model llama3.2:3b [--categories simple,multiple,
parallel,irrelevance,live_simple,live_multiple,live_irrelevance] [--limit N]
[--out results.json] [--compare earlier.json]``; ``--intent`` measures the choice between
find, chart to table and a plain answer for a message with an image instead (see
``bench/image_intent.py``).

Needs ``make bench-deps``: ``bfcl-eval`` installed with ``--no-deps`` (it declares the API
clients of every provider it supports, numpy pinned to 1.26 and sentence-transformers,
which would replace Hearth's numpy), then the ``bench`` extra: what its loaders and
checker import (``tree-sitter`` 0.21 with its Java and JavaScript grammars, ``filelock``,
``tqdm``). The cases ship inside the package: nothing is downloaded.

Every case (BFCL's ``data/`` and ``possible_answer/`` files, read with its own loaders)
goes to the model twice:

* **raw**: the model with the case's functions bound as tools (the same ChatOllama Hearth
  uses, ``bind_tools``), one call; its native tool calls are its answer, as BFCL's
  function-calling handlers take them.
* **hearth**: Hearth's tool-calling path, :func:`agents.tools.agent.propose_calls`: the
  graph the tool agent runs (binding, then ToolCallRepair: calls read from text,
  validation against each tool's schema, bounded re-asks), stopped before any tool runs.
  Its answer is the calls as the tools would receive them: validated by the tool's
  schema, so ``"10"`` sent for an integer arrives as ``10``, and unknown arguments are
  dropped, as they are for Hearth's own tools.

Both answers are scored by BFCL's AST checker, and irrelevance by its rule (any function
call is wrong). Functions are shown to the model as BFCL shows them to OpenAI-style
function-calling models (``convert_to_tool``: dots in names become underscores, and the
checker is told so). Figures are accuracies per category, raw beside hearth, with the
cases repair fixed and broke.
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import re
import sys
import tempfile
import time
import types
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from langchain_core.messages import convert_to_messages
from langchain_core.tools import BaseTool
from pydantic import BaseModel, Field, create_model

from agents.errors import HearthError
from agents.llm import Capability, OllamaService
from agents.settings import Settings, environment
from agents.tools.agent import propose_calls

CATEGORIES: dict[str, str] = {
    "simple": "simple_python",
    "multiple": "multiple",
    "parallel": "parallel",
    "parallel_multiple": "parallel_multiple",
    "irrelevance": "irrelevance",
    "live_simple": "live_simple",
    "live_multiple": "live_multiple",
    "live_parallel": "live_parallel",
    "live_parallel_multiple": "live_parallel_multiple",
    "live_irrelevance": "live_irrelevance",
    "live_relevance": "live_relevance",
}
"""The single-turn categories this benchmark runs: our name -> BFCL's."""

DEFAULT_CATEGORIES = (
    "simple",
    "multiple",
    "parallel",
    "irrelevance",
    "live_simple",
    "live_multiple",
    "live_irrelevance",
)

MODEL_KEY = "hearth-ollama-fc"
"""How the checker knows this benchmark (no underscore: BFCL reads those as slashes)."""

CHAT_OPTIONS: dict[str, Any] = {"temperature": 0}
"""Sampling for both paths (BFCL evaluates at temperature 0)."""

Way = Literal["raw", "hearth"]
PATHS: tuple[Way, ...] = ("raw", "hearth")
"""The model alone, and the model through Hearth's tool-calling path."""


# -- BFCL: its loaders, its tool conversion, its checker -----------------------------------
class Bfcl:
    """The parts of ``bfcl-eval`` this benchmark uses, imported without its API clients.

    BFCL's checker module imports its model registry, which imports a client for every
    provider it supports; the checker reads one flag of it (``underscore_to_dot``). The
    registry gets an entry for this benchmark (and is replaced by that one entry when it
    isn't loaded yet) before the checker is imported. BFCL makes result and lock folders
    next to its package on import: ``BFCL_PROJECT_ROOT`` points them at a temporary one.

    Raises:
        SystemExit: ``bfcl-eval`` isn't installed (the message says how).
    """

    def __init__(self) -> None:
        os.environ.setdefault("BFCL_PROJECT_ROOT", str(Path(tempfile.gettempdir()) / "hearth-bfcl"))
        name = "bfcl_eval.constants.model_config"
        registry = sys.modules.get(name)
        if registry is None:
            registry = types.ModuleType(name)
            registry.MODEL_CONFIG_MAPPING = {}  # type: ignore[attr-defined]
            sys.modules[name] = registry
        mapping = registry.MODEL_CONFIG_MAPPING  # type: ignore[attr-defined]
        mapping[MODEL_KEY] = types.SimpleNamespace(underscore_to_dot=True, is_fc_model=True)
        try:
            from importlib.metadata import version

            from bfcl_eval.constants.enums import Language, ModelStyle
            from bfcl_eval.constants.type_mappings import GORILLA_TO_OPENAPI
            from bfcl_eval.eval_checker.ast_eval.ast_checker import ast_checker
            from bfcl_eval.model_handler.utils import convert_to_tool
            from bfcl_eval.utils import (
                is_empty_output,
                is_function_calling_format_output,
                load_dataset_entry,
                load_ground_truth_entry,
            )
        except ImportError as exc:
            raise SystemExit(
                f"The benchmark needs bfcl-eval ({exc}). Install it with: pip install --no-deps "
                "bfcl-eval && pip install -e '.[bench]'"
            ) from exc
        self.version = version("bfcl-eval")
        self.language = Language.PYTHON
        self.style = ModelStyle.OPENAI_COMPLETIONS
        self.types = GORILLA_TO_OPENAPI
        self.ast_checker = ast_checker
        self.convert_to_tool = convert_to_tool
        self.is_empty_output = is_empty_output
        self.is_call_format = is_function_calling_format_output
        self.load_entries = load_dataset_entry
        self.load_answers = load_ground_truth_entry

    def cases(self, category: str, limit: int | None = None) -> list[Case]:
        """The first ``limit`` cases of one of our categories (all when None)."""
        name = CATEGORIES[category]
        shown = self.load_entries(name)  # with BFCL's language hint, as models get them
        checked = self.load_entries(
            name, include_prereq=False, include_language_specific_hint=False
        )
        answers: dict[str, Any] = {}
        if kind_of(name) == "ast":
            answers = {a["id"]: a["ground_truth"] for a in self.load_answers(name)}
        cases = [
            Case(
                id=entry["id"],
                category=category,
                bfcl_category=name,
                messages=entry["question"][0],
                functions=self.tools(entry["function"]),
                checked=plain["function"],
                answer=answers.get(entry["id"]),
            )
            for entry, plain in zip(shown, checked, strict=True)
        ]
        return cases[:limit] if limit is not None else cases

    def tools(self, functions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The functions as BFCL shows them to OpenAI-style function-calling models."""
        return [t["function"] for t in self.convert_to_tool(functions, self.types, self.style)]

    def check(self, case: Case, result: list[dict[str, str]] | str) -> tuple[bool, str]:
        """BFCL's verdict on one answer: whether it is right, and BFCL's error type."""
        try:
            decoded: Any = decode(result)
        except (TypeError, ValueError, AttributeError, IndexError):
            decoded = None
        kind = kind_of(case.bfcl_category)
        if kind != "ast":  # relevance: the rule is only whether a function was called
            called = decoded is not None and not self.is_empty_output(decoded)
            if kind == "irrelevance":
                return not called, "irrelevance_error:decoder_success" if called else ""
            return called, "" if called else "relevance_error:decoder_failed"
        if decoded is None:
            return False, "ast_decoder:decoder_failed"
        if not self.is_call_format(decoded):
            return False, "ast_decoder:decoder_wrong_output_format"
        verdict = self.ast_checker(
            case.checked, decoded, case.answer, self.language, case.bfcl_category, MODEL_KEY
        )
        return bool(verdict["valid"]), "" if verdict["valid"] else str(verdict.get("error_type"))


@functools.cache
def bfcl() -> Bfcl:
    """BFCL, imported once."""
    return Bfcl()


def kind_of(bfcl_category: str) -> Literal["ast", "irrelevance", "relevance"]:
    """How BFCL scores a category: by the AST checker, or by whether a function was called."""
    if "irrelevance" in bfcl_category:
        return "irrelevance"
    if "relevance" in bfcl_category:
        return "relevance"
    return "ast"


def decode(result: list[dict[str, str]] | str) -> list[dict[str, Any]]:
    """A function-calling answer as the checker reads it (as BFCL's FC handlers decode it).

    Raises:
        ValueError: The answer is text, not calls (BFCL's decoders fail on it too).
    """
    if isinstance(result, str):
        raise ValueError("the model answered in text")
    decoded = []
    for call in result:
        name = next(iter(call))
        decoded.append({name: json.loads(call[name])})
    return decoded


def as_result(calls: Iterable[tuple[str, dict[str, Any]]], text: str) -> list[dict[str, str]] | str:
    """An answer in BFCL's function-calling form: ``[{name: json_args}]``, or the text."""
    result = [{name: json.dumps(args, ensure_ascii=False)} for name, args in calls]
    return result or text


# -- the functions as tools ------------------------------------------------------------
_SCALARS: dict[str, Any] = {"string": str, "integer": int, "number": float, "boolean": bool}


def schema_model(name: str, schema: dict[str, Any]) -> type[BaseModel]:
    """A pydantic model that validates what a (BFCL-converted) JSON schema describes.

    Hearth's own tools validate their arguments with pydantic models; this builds one
    for a BFCL function, so ToolCallRepair validates its calls the same way. Properties
    are matched by their names (kept as aliases: some aren't identifiers); optional
    ones default to None; unknown ones are ignored, as for Hearth's tools.
    """
    required = set(schema.get("required") or [])
    fields: dict[str, Any] = {}
    for index, (key, spec) in enumerate((schema.get("properties") or {}).items()):
        annotation = _annotation(f"{name}_{key}", spec if isinstance(spec, dict) else {})
        if key in required:
            fields[f"p{index}"] = (annotation, Field(alias=key))
        else:
            fields[f"p{index}"] = (annotation | None, Field(default=None, alias=key))
    model: type[BaseModel] = create_model(re.sub(r"\W", "_", name) or "Args", **fields)
    return model


def _annotation(name: str, spec: dict[str, Any]) -> Any:
    kind = spec.get("type")
    enum = spec.get("enum")
    scalars = isinstance(enum, list) and all(isinstance(v, str | int | float | bool) for v in enum)
    if enum and scalars and kind in _SCALARS:
        return Literal[tuple(enum)]
    if kind == "array":
        items = spec.get("items")
        return list[_annotation(name, items)] if isinstance(items, dict) and items else list[Any]
    if kind == "object":
        return schema_model(name, spec) if spec.get("properties") else dict[str, Any]
    return _SCALARS.get(str(kind), Any)


class FunctionTool(BaseTool):
    """A BFCL function as a tool: shown exactly as BFCL converted it, validated by
    :func:`schema_model`; never run (the benchmark stops before tools run)."""

    parameters: dict[str, Any] = Field(default_factory=dict)

    @property
    def tool_call_schema(self) -> Any:
        """The schema the model sees: BFCL's."""
        return copy.deepcopy(self.parameters)

    def received(self, args: dict[str, Any]) -> dict[str, Any]:
        """The arguments as the tool would receive them (validated, types coerced)."""
        schema: Any = self.args_schema
        return schema.model_validate(args).model_dump(by_alias=True, exclude_unset=True)

    def _run(self, *args: Any, **kwargs: Any) -> str:
        raise NotImplementedError("benchmark tools are chosen, never run")


def function_tools(functions: Sequence[dict[str, Any]]) -> list[FunctionTool]:
    """One tool per (converted) BFCL function."""
    return [
        FunctionTool(
            name=f["name"],
            description=f.get("description") or "",
            parameters=f.get("parameters") or {"type": "object", "properties": {}},
            args_schema=schema_model(f["name"], f.get("parameters") or {}),
        )
        for f in functions
    ]


# -- one case, both paths --------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One BFCL case.

    Attributes:
        id: BFCL's id.
        category: Our category name.
        bfcl_category: BFCL's.
        messages: The first turn's messages.
        functions: The functions as the model sees them.
        checked: The functions as the checker reads them.
        answer: The possible answers (None when the category has none).
    """

    id: str
    category: str
    bfcl_category: str
    messages: list[dict[str, Any]]
    functions: list[dict[str, Any]]
    checked: list[dict[str, Any]]
    answer: Any = None


@dataclass
class Answer:
    """One path's answer to one case, and BFCL's verdict.

    Attributes:
        result: The calls in BFCL's form, or the text when it made none.
        valid: The checker's verdict.
        error: BFCL's error type ('' when right; ``hearth_error`` and the like when the
            request failed).
        seconds: Time the path took.
        retries: Model calls Hearth asked again (hearth only).
        recovered: Whether the calls were read from text (hearth only).
        failure: Why Hearth gave up on a valid call (hearth only).
    """

    result: list[dict[str, str]] | str
    valid: bool = False
    error: str = ""
    seconds: float = 0.0
    retries: int = 0
    recovered: bool = False
    failure: str | None = None


def ask_raw(service: OllamaService, model: str, case: Case) -> Answer:
    """The model alone: the tools bound, one call, its native tool calls as they come."""
    tools = function_tools(case.functions)
    chat = service.chat_model(model, **CHAT_OPTIONS).bind_tools(tools)
    reply = chat.invoke(convert_to_messages(case.messages))
    calls = [(c["name"], dict(c["args"])) for c in reply.tool_calls]
    return Answer(as_result(calls, str(reply.content)))


def ask_hearth(service: OllamaService, model: str, case: Case) -> Answer:
    """Hearth's tool-calling path (see :func:`agents.tools.agent.propose_calls`)."""
    tools = {t.name: t for t in function_tools(case.functions)}
    proposal = propose_calls(
        service, list(tools.values()), convert_to_messages(case.messages), model=model,
        **CHAT_OPTIONS,
    )  # fmt: skip
    calls = [(c["name"], tools[c["name"]].received(c["args"])) for c in proposal.calls]
    return Answer(
        as_result(calls, proposal.text),
        retries=proposal.retries,
        recovered=proposal.recovered,
        failure=proposal.failure,
    )


def answer(path: Way, service: OllamaService, model: str, case: Case) -> Answer:
    """One path's answer to a case, scored; a failed request is a wrong answer."""
    ask = ask_raw if path == "raw" else ask_hearth
    started = time.perf_counter()
    try:
        reply = ask(service, model, case)
    except Exception as exc:  # a request that failed is a wrong answer, and says why
        error = exc if isinstance(exc, HearthError) else service.error(exc, model)
        reply = Answer("", error=f"{path}_error: {error.message}")
    else:
        reply.valid, reply.error = bfcl().check(case, reply.result)
    reply.seconds = time.perf_counter() - started
    return reply


# -- a run -----------------------------------------------------------------------------
@dataclass
class Tally:
    """One category's figures.

    Attributes:
        cases: Cases run.
        correct: Right answers per path.
        fixed: Wrong raw, right through Hearth.
        broken: Right raw, wrong through Hearth.
        retries: Model calls Hearth asked again.
        recovered: Cases whose calls Hearth read from text.
        gave_up: Cases where Hearth got no valid call after its repairs.
        seconds: Time per path.
    """

    cases: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PATHS, 0))
    fixed: int = 0
    broken: int = 0
    retries: int = 0
    recovered: int = 0
    gave_up: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PATHS, 0.0))

    def accuracy(self, path: str) -> float:
        """Right answers as a fraction of the cases."""
        return self.correct[path] / self.cases if self.cases else 0.0

    def record(self, name: str) -> dict[str, Any]:
        """The figures as saved, with BFCL's name for the category and the accuracies."""
        accuracy = {p: round(self.accuracy(p), 4) for p in PATHS}
        return {"bfcl_category": CATEGORIES[name], **asdict(self), "accuracy": accuracy}

    def add(self, raw: Answer, hearth: Answer) -> None:
        """Counts one case."""
        self.cases += 1
        for path, reply in (("raw", raw), ("hearth", hearth)):
            self.correct[path] += reply.valid
            self.seconds[path] += reply.seconds
        self.fixed += hearth.valid and not raw.valid
        self.broken += raw.valid and not hearth.valid
        self.retries += hearth.retries
        self.recovered += hearth.recovered
        self.gave_up += hearth.failure is not None


def progress_bar(total: int, desc: str) -> Any:
    """A progress bar on stderr (stdout keeps the table); use it as a context manager."""
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="case", desc=desc, dynamic_ncols=True)


def run(
    service: OllamaService,
    model: str,
    categories: Sequence[str] = DEFAULT_CATEGORIES,
    limit: int | None = None,
) -> dict[str, Any]:
    """Runs the categories; returns the results (what ``--out`` saves)."""
    started = time.perf_counter()
    cases = [c for category in categories for c in bfcl().cases(category, limit)]
    tallies = {category: Tally() for category in categories}
    records = []
    with progress_bar(len(cases), "BFCL") as bar:
        for case in cases:
            bar.set_description(case.category)
            raw, hearth = (answer(path, service, model, case) for path in PATHS)
            tally = tallies[case.category]
            tally.add(raw, hearth)
            records.append({"id": case.id, "category": case.category, "raw": asdict(raw),
                            "hearth": asdict(hearth)})  # fmt: skip
            bar.set_postfix(raw=f"{tally.accuracy('raw'):.0%}",
                            hearth=f"{tally.accuracy('hearth'):.0%}")  # fmt: skip
            bar.update(1)
    return {
        "benchmark": "bfcl",
        "bfcl_eval": bfcl().version,
        "model": model,
        "host": service.host,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 3),
        "limit": limit,
        "categories": {name: tally.record(name) for name, tally in tallies.items()},
        "cases": records,
    }


LEGEND = (
    "raw: the model alone; hearth: through Hearth's tool-calling path (validation, repair).",
    "fixed: wrong raw, right through Hearth; broken: right raw, wrong through Hearth.",
    "retries: model calls Hearth asked again; from text: cases whose calls Hearth read from",
    "text; gave up: no valid call after the repairs, so nothing was called (right in the",
    "irrelevance categories by BFCL's rule, wrong elsewhere).",
)


def table(results: dict[str, Any], earlier: dict[str, Any] | None = None) -> str:
    """The per-category figures, raw beside Hearth (and an earlier run's, when given)."""
    head = (
        f"{'category':<22} {'cases':>5} {'raw':>7} {'hearth':>7} {'fixed':>6} {'broken':>6} "
        f"{'retries':>7} {'from text':>9} {'gave up':>7}"
    )
    if earlier is not None:
        head += f" {'was raw':>8} {'was hearth':>10}"
    lines = [f"{results['model']} (bfcl-eval {results['bfcl_eval']})", head]
    rows = results["categories"]
    for name, row in rows.items():
        line = (
            f"{name:<22} {row['cases']:>5} {row['accuracy']['raw']:>7.1%} "
            f"{row['accuracy']['hearth']:>7.1%} {row['fixed']:>6} {row['broken']:>6} "
            f"{row['retries']:>7} {row['recovered']:>9} {row['gave_up']:>7}"
        )
        if earlier is not None:
            before = earlier.get("categories", {}).get(name)
            line += (
                f" {before['accuracy']['raw']:>8.1%} {before['accuracy']['hearth']:>10.1%}"
                if before
                else f" {'-':>8} {'-':>10}"
            )
        lines.append(line)
    if rows:
        means = {p: sum(r["accuracy"][p] for r in rows.values()) / len(rows) for p in PATHS}
        lines.append(
            f"{'mean of categories':<22} {sum(r['cases'] for r in rows.values()):>5} "
            f"{means['raw']:>7.1%} {means['hearth']:>7.1%}"
        )
    return "\n".join([*lines, "", *LEGEND])


def parse_categories(text: str) -> list[str]:
    """``simple,multiple`` -> the names, checked."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in CATEGORIES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown categories: {', '.join(unknown)} (known: {', '.join(CATEGORIES)})"
        )
    return names


def service_for(host: str | None) -> OllamaService:
    """The Ollama door, with Hearth's defaults, OLLAMA_HOST, and ``host`` if given."""
    values = environment()
    if host:
        values["ollama_host"] = host
    return OllamaService(Settings(**values))


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the benchmark; prints the table; saves the results with ``--out``."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.function_calling", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--model", help="the model to measure (default: Hearth's chat model)")
    parser.add_argument("--host", help="Ollama's URL (default: OLLAMA_HOST or Hearth's)")
    parser.add_argument(
        "--categories", type=parse_categories, default=list(DEFAULT_CATEGORIES),
        help=f"comma-separated, of: {', '.join(CATEGORIES)}",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, help="the first N cases of each category")
    parser.add_argument("--out", type=Path, help="save the results as JSON here")
    parser.add_argument("--compare", type=Path, help="an earlier --out file to show beside")
    parser.add_argument(
        "--intent", action="store_true",
        help="measure the image intent choice (find / chart / ask) instead",
    )  # fmt: skip
    args = parser.parse_args(argv)
    service = service_for(args.host)
    model = args.model or service.settings.chat_model
    try:
        service.require(model, Capability.TOOLS)
    except HearthError as exc:
        print(f"Can't measure {model}: {exc.message}", file=sys.stderr)
        return 2
    if args.intent:
        from bench.image_intent import run_intent

        results = run_intent(service, model)
        print(results["table"])
    else:
        results = run(service, model, args.categories, args.limit)
        earlier = json.loads(args.compare.read_text("utf-8")) if args.compare else None
        print(table(results, earlier))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"Results saved to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
