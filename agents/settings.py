"""Every setting, declared once: name, type, default and what it is for."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple

from agents import paths
from agents.storage.atomic import keep_aside, write_atomic
from agents.wording import Words, say

log = logging.getLogger(__name__)
MAX_SETTINGS_BYTES = 1_000_000

DEFAULT_HOST = "http://127.0.0.1:11434"


def _setting(
    default: Any,
    doc: Words,
    low: float | None = None,
    high: float | None = None,
    choices: tuple[str, ...] = (),
) -> Any:
    """Declares a setting: default, description and, for numbers, the allowed range; for
    a text with a few allowed values, the ``choices``."""
    metadata = {"doc": doc, "low": low, "high": high, "choices": choices}
    if isinstance(default, dict | list):
        return field(default_factory=lambda: type(default)(default), metadata=metadata)
    return field(default=default, metadata=metadata)


def _size_setting(megabytes: int, doc: Words) -> Any:
    """Declares a size in bytes, from 1 MB to 4 GB."""
    return _setting(megabytes * 2**20, doc, 2**20, 2**32)


@dataclass
class Settings:
    """Hearth's settings. Stored as JSON in the data folder; unknown keys are ignored."""

    ollama_host: str = _setting(
        DEFAULT_HOST, say("Ollama server URL; OLLAMA_HOST overrides it for one run (never saved).")
    )
    allow_remote_ollama: bool = _setting(
        False,
        say(
            "Allow an Ollama server that is not on this computer (off: loopback only); "
            "HEARTH_ALLOW_REMOTE_OLLAMA=1 allows it for one run."
        ),
    )
    chat_model: str = _setting("llama3.2", say("Model for chat, rewriting, summaries and tools."))
    fast_model: str = _setting("llama3.2:1b", say("Smaller, faster text model."))
    vision_model: str = _setting("llama3.2-vision", say("Model that answers about images."))
    embed_model: str = _setting("nomic-embed-text", say("Embedding model for documents."))
    guard_model: str = _setting("llama-guard3:1b", say("Safety model (Llama Guard)."))
    guard_enabled: bool = _setting(False, say("Check messages and answers with Llama Guard."))
    num_ctx: int = _setting(
        8192, say("Context window sent with every request (tokens)."), 2048, 131072
    )
    model_num_ctx: dict[str, int] = _setting({}, say("Per-model context window overrides."))
    warm_up: bool = _setting(True, say("Load the chat model as soon as Ollama is found."))
    keep_alive: str = _setting("30m", say("How long Ollama keeps a model loaded after use."))
    connect_timeout: float = _setting(
        5.0, say("Seconds to wait for a connection to Ollama."), 1.0, 120.0
    )
    read_timeout: float = _setting(
        300.0, say("Seconds to wait for the next piece of an answer."), 10.0, 3600.0
    )
    temperature: float | None = _setting(
        None, say("Sampling temperature; empty: the model's own."), 0.0, 2.0
    )
    reasoning: bool = _setting(
        True,
        say(
            "Let thinking models (qwen3, deepseek-r1, gpt-oss…) reason before they answer and "
            "show the reasoning, collapsed, above the answer; off: they are asked to answer "
            "without it and none is shown. Other models are unaffected."
        ),
    )
    documents_chroma_server: str = _setting(
        "", say("A shared Chroma server for documents (http://host:8000); empty: this computer.")
    )
    documents_retrieval: str = _setting(
        "hybrid", say("How passages are found: `hybrid` (keywords and meaning), `vector` or `mmr`.")
    )
    documents_top_k: int = _setting(5, say("How many passages an answer may cite."), 1, 20)
    documents_summary_max_ctx: int = _setting(
        32768, say("Largest context window a document summary may use (tokens)."), 8192, 131072
    )
    documents_max_file_bytes: int = _size_setting(200, say("Larger documents are refused (bytes)."))
    documents_max_pages: int = _setting(
        5000, say("Longer documents are refused (pages)."), 1, 100_000
    )
    documents_max_chars: int = _setting(
        20 * 10**6, say("Text read per document (characters)."), 10**5, 5 * 10**8
    )
    documents_max_unpacked_bytes: int = _size_setting(
        300, say("Word files unpacking to more are refused (bytes).")
    )
    documents_parse_seconds: float = _setting(
        120.0, say("Time limit to read a document (s)."), 5.0, 3600.0
    )
    documents_chunk_chars: int = _setting(1200, say("Passage length for new indexing."), 200, 8000)
    documents_chunk_overlap: int = _setting(
        150, say("Overlap of passages (at most half)."), 0, 2000
    )
    documents_embed_batch: int = _setting(32, say("Passages per embedding request."), 1, 512)
    documents_min_similarity: float = _setting(
        0.5,
        say(
            "How close in meaning (cosine, 0 to 1) a passage must be to a question to be "
            "cited; below it only shared keywords keep a passage."
        ),
        0.0,
        1.0,
    )
    calendar: str = _setting(
        "",
        say(
            "Which calendar Hearth shows and its tools use: ics:<file> or caldav:<URL with the "
            "user name>; empty: calendar.ics in the data folder. Set it up in Calendar > Set "
            "up; a CalDAV password is kept in the system keyring, never here."
        ),
    )
    appearance: str = _setting(
        "system",
        say("Colours: system (light or dark as the desktop is), light or dark."),
        choices=("system", "light", "dark"),
    )
    system_prompt: str = _setting(
        "You are Hearth, a helpful private assistant running on the user's own computer. "
        "Answer clearly and concisely. Use Markdown for lists, tables and code.",
        say("Default system prompt for new chats."),
    )

    @classmethod
    def docs(cls) -> dict[str, Words]:
        """Returns each setting's description, by name."""
        return {f.name: f.metadata.get("doc", "") for f in fields(cls)}

    @classmethod
    def bounds(cls, name: str) -> tuple[Any, Any]:
        """A number setting's allowed range ``(low, high)``, as declared."""
        declared = {f.name: f.metadata for f in fields(cls)}[name]
        return declared.get("low"), declared.get("high")

    def num_ctx_for(self, model: str, model_max: int | None = None) -> int:
        """The context window for a model: constant per model, never above its maximum."""
        wanted = self.model_num_ctx.get(model, self.num_ctx)
        return min(wanted, model_max) if model_max else wanted

    def to_dict(self) -> dict[str, Any]:
        """Returns a JSON-ready copy."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Builds settings from a dict, keeping defaults for unknown or mistyped values."""
        return cls.parse(data)[0]

    @classmethod
    def parse(cls, data: dict[str, Any]) -> tuple[Settings, tuple[Words, ...]]:
        """Builds settings from a dict, and says what was not taken as written.

        A value of the wrong type keeps the default; a number outside its declared range
        is brought to the nearest end of it. Each such case gives a note for the person.
        """
        defaults = cls()
        values: dict[str, Any] = {}
        notes: list[Words] = []
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(defaults, f.name)
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            if (
                (default is None and (value is None or numeric))  # optional numbers
                or (default is not None and isinstance(value, type(default)))
                or (isinstance(default, float) and numeric)
            ) and _allowed(f, value):
                values[f.name] = _within_range(f, value, notes)
            else:
                notes.append(
                    say(
                        "The setting {name} has a value of the wrong kind ({value}); Hearth "
                        "uses the default ({default}). Change it in Settings.",
                        name=f.name,
                        value=repr(value)[:40],
                        default=repr(default),
                    )
                )
        for note in notes:
            log.warning("%s", note)
        return cls(**values), tuple(notes)


def _allowed(f: Field[Any], value: Any) -> bool:
    """Whether a value is one of the setting's choices (any value when it has none)."""
    choices = f.metadata.get("choices")
    return not choices or value in choices


def _within_range(f: Field[Any], value: Any, notes: list[Words]) -> Any:
    """A number outside its declared range is brought to the nearest end of it (noted)."""
    low, high = f.metadata.get("low"), f.metadata.get("high")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value
    bounded = value
    if low is not None and bounded < low:
        bounded = low
    if high is not None and bounded > high:
        bounded = high
    if bounded != value:
        notes.append(
            say(
                "The setting {name} was {value}, outside {low} to {high}; Hearth uses "
                "{bounded}. Change it in Settings.",
                name=f.name,
                value=value,
                low=str(low),
                high=str(high),
                bounded=bounded,
            )
        )
    return type(value)(bounded)


# Settings the environment can override for the running process only (never saved).
ENVIRONMENT = {"ollama_host": "OLLAMA_HOST", "allow_remote_ollama": "HEARTH_ALLOW_REMOTE_OLLAMA"}


@dataclass(frozen=True)
class Overrides:
    """What the environment set for this run, and the values it hid.

    Attributes:
        applied: Setting name -> the value from the environment.
        stored: Setting name -> the value it replaced (the file's own; what ``save`` keeps).
    """

    applied: dict[str, Any] = field(default_factory=dict)
    stored: dict[str, Any] = field(default_factory=dict)

    def still_applied(self, settings: Settings) -> Overrides:
        """The overrides still in force: fields that keep the environment's value."""
        names = [name for name, value in self.applied.items() if getattr(settings, name) == value]
        return Overrides(
            {name: self.applied[name] for name in names},
            {name: self.stored[name] for name in names},
        )


class Loaded(NamedTuple):
    """Settings as loaded: the ones in force, what the environment overrode, and what the
    person should know about the file (a value out of range, a damaged file kept aside)."""

    settings: Settings
    overrides: Overrides = Overrides()  # never changed in place
    notes: tuple[Words, ...] = ()


def environment() -> dict[str, Any]:
    """The settings OLLAMA_HOST and HEARTH_ALLOW_REMOTE_OLLAMA set, by name."""
    values: dict[str, Any] = {}
    host = os.environ.get(ENVIRONMENT["ollama_host"])
    if host:
        values["ollama_host"] = host
    if os.environ.get(ENVIRONMENT["allow_remote_ollama"], "").lower() in {"1", "true", "yes"}:
        values["allow_remote_ollama"] = True
    return values


def load(root: Path) -> Loaded:
    """Loads settings from the data folder, then applies environment overrides.

    The overrides are for this run only: pass ``overrides`` to ``save`` so that they are
    never written. A damaged file is kept aside as ``settings.json.bad`` and defaults are
    used.
    """
    path = paths.settings_file(root)
    settings = Settings()
    notes: tuple[Words, ...] = ()
    if path.exists():
        try:
            if not path.is_file() or path.stat().st_size > MAX_SETTINGS_BYTES:
                raise ValueError("not a settings file of a sensible size")
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            settings, notes = Settings.parse(data)
        except (OSError, ValueError) as exc:
            kept = keep_aside(path)
            notes = (
                say(
                    "The settings file was damaged ({problem}); it is kept as {name} and "
                    "Hearth uses the default settings. Set them again in Settings.",
                    problem=exc,
                    name=kept.name,
                ),
            )
            log.warning("%s", notes[0])
    applied = environment()
    stored = {name: getattr(settings, name) for name in applied}
    return Loaded(dataclasses.replace(settings, **applied), Overrides(applied, stored), notes)


def apply_environment(settings: Settings) -> Settings:
    """A copy of the settings with the environment's overrides (for runs that never save)."""
    return dataclasses.replace(settings, **environment())


def save(root: Path, settings: Settings, overrides: Overrides | None = None) -> None:
    """Writes settings atomically (a crash never leaves half a file).

    Args:
        root: The data folder.
        settings: The settings to write.
        overrides: What the environment set for this run (from ``load``): a field that
            still has the environment's value is written with the file's own value, so
            a one-off ``OLLAMA_HOST`` is never stored. A field changed to another value
            is written as changed.
    """
    if overrides is not None:
        settings = dataclasses.replace(settings, **overrides.still_applied(settings).stored)
    text = json.dumps(settings.to_dict(), indent=2, sort_keys=True)
    write_atomic(paths.settings_file(root), text)
